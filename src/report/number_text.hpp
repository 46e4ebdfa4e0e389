// Number formatting shared by the human-readable reports: integers with
// thousands separators and short ratios. (Byte sizes: io/byte_size.)
#pragma once

#include <string>

#include "base/checked.hpp"

namespace spad {

// 1234567 -> "1,234,567"; negative numbers keep their sign.
std::string with_separators(Count value);

// numerator / denominator as "12.34x"; "-" when the denominator is zero.
std::string ratio_text(Count numerator, Count denominator);

}  // namespace spad
