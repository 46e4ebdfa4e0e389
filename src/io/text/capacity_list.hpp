// The scratchpad capacities of a sweep as people write them (`--buffers`).
//
// Grammar (spaces around items ignored; sizes as in io/text/byte_size):
//   list  := item ("," item)*
//   item  := size                          one capacity
//          | size ".." size [":" step]     a range, from the first size up to
//                                          and including the second when the
//                                          step lands on it
//   step  := "x" integer                   times the integer (>= 2) each step
//          | "+" size                      plus a size (>= 1 byte) each step
// A range without a step is ":x2". Examples: "1KiB..4MiB:x2",
// "4KiB,16KiB,1MiB", "1KiB..8KiB:+1KiB".
//
// The result is ascending, each capacity once, at most kMaxCapacityPoints of
// them (each point is a search of every layer; a longer list is a UserError
// that says so). Errors name the flag and the offending item.
#pragma once

#include <string_view>
#include <vector>

#include "base/checked.hpp"

namespace spad {

inline constexpr std::size_t kMaxCapacityPoints = 1024;

// `what` names the flag in messages (e.g. "--buffers").
std::vector<Count> parse_capacity_list(std::string_view text, std::string_view what);

// Several on-chip levels: one set per level in the grammar above, separated
// by ';', outermost first ("512KiB;16KiB..64KiB:x2": the outer level at
// 512 KiB, the inner one at 16, 32 and 64 KiB). A text without ';' is one
// set. At most kMaxMemoryLevels sets; the product of their sizes (the points
// swept) at most kMaxCapacityPoints. Errors name `what`, the level and the item.
std::vector<std::vector<Count>> parse_capacity_sets(std::string_view text, std::string_view what);

}  // namespace spad
