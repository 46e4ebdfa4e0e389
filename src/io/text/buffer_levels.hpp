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
#include "model/memory_levels.hpp"

namespace spad {

// Throws UserError naming `what` (e.g. "--buffer"), the level and the text:
// an empty piece, a bad size, more than kMaxMemoryLevels pieces.
std::vector<Count> parse_buffer_levels(std::string_view text, std::string_view what);

// "L" + (levels - level_index): the default name of level level_index + 1 of `levels`.
std::string default_level_name(std::size_t level_index, std::size_t levels);

// Throws UserError (prefixed with `source` when not empty) when a level of
// `names` (a schedule's, outermost first) is the default name of another,
// unnamed one: "L1" on level 1 of two, whose unnamed level 2 would be "L1"
// too, and nothing spad prints could tell them apart.
void check_default_level_names(const std::vector<std::string>& names, std::string_view source);

// The machine of a several-level question (evaluate / simulate with
// --buffer OUTER,INNER, and the Python module's *_levels): one level per entry
// of `names` (outermost first; the schedule's level names, "" = the default
// name), each with the capacity of the same position in `capacities`, or all
// unbounded when `capacities` is empty; precision and options at every level.
// UserError "--buffer TEXT gives N capacities but the schedule has M levels"
// (TEXT = buffer_text) when the counts differ; validated (validate(MemoryLevels)).
MemoryLevels memory_levels_for(const std::vector<std::string>& names,
                               const std::vector<Count>& capacities, std::string_view buffer_text,
                               const Precision& precision, bool halo_reuse, bool double_buffer);

}  // namespace spad
