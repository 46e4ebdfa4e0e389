// `--buffer` with one capacity per on-chip level, outermost first
// (DESIGN.md, "Several on-chip levels"): "512KiB,64KiB" is level 1 = 512 KiB
// (the outer one, e.g. L2) and level 2 = 64 KiB (the inner one, L1). Each
// piece is a byte size (io/text/byte_size). One piece is the one-level case.
//
// Default level names, when nothing names the levels: counted from the
// datapath out, as SoC manuals do: the innermost level is "L1", the one
// outside it "L2", ...; so two levels are "L2", "L1" and three "L3", "L2", "L1".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/checked.hpp"

namespace spad {

// Throws UserError naming `what` (e.g. "--buffer"), the level and the text:
// an empty piece, a bad size, more than kMaxMemoryLevels pieces.
std::vector<Count> parse_buffer_levels(std::string_view text, std::string_view what);

// "L" + (levels - level_index): the default name of level level_index + 1 of `levels`.
std::string default_level_name(std::size_t level_index, std::size_t levels);

}  // namespace spad
