// The restricted search spaces of `spad optimize` and `spad accel` as text:
// --fixed-order and --fixed-spans, one group per on-chip level, outermost
// first, separated by ';' (the order of --buffer's capacities, or of a
// machine file's levels:), and --uniform-spans for every level.
//
//   --fixed-order "s,r,q,p,c,m,g,n;q,p,s,r,c,m,g,n"   one loop order per level,
//                  each innermost first as the one-level flag
//                  (io/text/loop_order_text)
//   --fixed-spans "I=2,W=null,O=3;I=0,W=4,O=2"      per level a span 0..8 of
//                  each of I, W and O (each once, any order), or null: the
//                  array bypasses that level (levels 1..L-1 only, as in a
//                  schedule's "buffer_span")
//
// With one level the same texts hold one group (no ';'), and null is refused
// (the datapath reads from the only level). Every problem (a count that is
// not one group per level, a bad order, an unknown array, a span outside
// 0..8, a bypass at the innermost level, spans without orders) is a UserError
// naming the flag, the text and the level.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/dims.hpp"
#include "search/level_search_space.hpp"

namespace spad {

// One level's spans "I=2,W=null,O=3" (`what`: the flag and level, for messages).
PerTensor<std::optional<int>> parse_level_spans(std::string_view text, std::string_view what);

// The space of the level search for `levels` levels from the flags as given.
// `levels_from` names where the level count comes from, for the message of a
// wrong number of groups ("--fixed-order \"A;B\" gives 2 loop orders (...),
// but <levels_from> gives 1 on-chip level: ..."): "--buffer", or for `spad
// accel` "the machine file" (the Python module says the same).
LevelSearchSpace level_search_space(bool uniform_spans,
                                    const std::optional<std::string>& fixed_order,
                                    const std::optional<std::string>& fixed_spans,
                                    std::size_t levels, std::string_view levels_from = "--buffer");

// The form parse_level_spans reads: "I=2,W=null,O=3".
std::string level_spans_to_string(const PerTensor<std::optional<int>>& spans);

}  // namespace spad
