// The --fixed-order flag: a loop order as text, innermost first, the
// convention of the schedule JSON's "order".
//
// Grammar: the 8 dimension letters n g m c p q r s, each exactly once,
// separated by commas (spaces around them ignored): "s,r,q,p,c,m,g,n".
// Letters may be upper case. Anything else (an unknown letter, a repeated or
// missing dimension, an empty item) is a UserError naming `what` (the flag),
// the text and the problem.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "base/dims.hpp"

namespace spad {

std::array<Dim, kNumDims> parse_loop_order(std::string_view text, std::string_view what);

// The form parse_loop_order reads: "s,r,q,p,c,m,g,n".
std::string loop_order_to_string(const std::array<Dim, kNumDims>& order);

}  // namespace spad
