// Number formatting shared by the human-readable reports: integers with
// thousands separators and short ratios. (Byte sizes: io/text/byte_size.)
#pragma once

#include <string>

#include "base/checked.hpp"

namespace spad {

// 1234567 -> "1,234,567"; negative numbers keep their sign.
std::string with_separators(Count value);

// Femtojoules as picojoules with three decimals at most: 142800 -> "142.8".
std::string pj_text(Count fj);

// A duration in seconds, in the one format every report and the progress
// line use: the unit chosen by magnitude (ns, us, ms, s) and four significant
// digits: 0.0647767 -> "64.78 ms", 0.000699725 -> "699.7 us", 3.2 -> "3.200 s";
// 1000 s and more as whole seconds ("5328 s"); 0 (or less) -> "0 s".
std::string duration_text(double seconds);

// numerator / denominator as "12.34x"; "-" when the denominator is zero.
std::string ratio_text(Count numerator, Count denominator);

}  // namespace spad
