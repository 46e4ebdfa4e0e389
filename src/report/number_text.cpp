// Thousands separators and ratios for the report tables.
#include "report/number_text.hpp"

#include <fmt/format.h>

namespace spad {

std::string with_separators(Count value) {
  const std::string digits = std::to_string(value);
  const std::size_t sign = (value < 0) ? 1 : 0;
  std::string out = digits.substr(0, sign);
  const std::size_t n = digits.size() - sign;
  for (std::size_t i = 0; i < n; ++i) {
    if (i != 0 && (n - i) % 3 == 0) out += ',';
    out += digits[sign + i];
  }
  return out;
}

std::string ratio_text(Count numerator, Count denominator) {
  if (denominator == 0) return "-";
  return fmt::format("{:.2f}x", static_cast<double>(numerator) / static_cast<double>(denominator));
}

}  // namespace spad
