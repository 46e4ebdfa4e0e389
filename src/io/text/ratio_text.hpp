// Decimal thresholds on the command line as exact ratios: "1.2" -> 12 / 10,
// "2" -> 2 / 1, "0.05" -> 5 / 100. Digits with at most one decimal point
// (at most 9 decimals); no sign, no exponent.
#pragma once

#include <string>
#include <string_view>

#include "base/ratio.hpp"

namespace spad {

// Throws UserError naming `what` and the text unless it is a decimal in
// [min, max] (min and max given as ratios; the message prints min_text and
// max_text).
Ratio parse_ratio(std::string_view text, std::string_view what, Ratio min, Ratio max,
                  const std::string& range_text);

// "1.2" for 12 / 10 (as many decimals as den has zeros; den a power of 10).
std::string format_ratio(Ratio r);

}  // namespace spad
