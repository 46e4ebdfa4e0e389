// Thousands separators and ratios for the report tables.
#include "report/number_text.hpp"

#include <fmt/format.h>

namespace spad {

std::string pj_text(Count fj) {
  std::string out = with_separators(fj / 1000);
  if (const Count frac = fj % 1000; frac != 0) {
    std::string digits = fmt::format("{:03}", frac);
    while (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

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

std::string duration_text(double seconds) {
  if (!(seconds > 0)) return "0 s";
  if (seconds >= 1000) return fmt::format("{:.0f} s", seconds);
  struct Unit {
    double scale;
    const char* name;
  };
  constexpr Unit kUnits[] = {{1, "s"}, {1e-3, "ms"}, {1e-6, "us"}, {1e-9, "ns"}};
  for (const Unit& u : kUnits) {
    if (seconds < u.scale && u.scale > 1e-9) continue;
    const double v = seconds / u.scale;
    // Four significant digits; rounding up to 1000 moves to the next unit.
    const int decimals = v >= 100 ? 1 : v >= 10 ? 2 : 3;
    const std::string text = fmt::format("{:.{}f}", v, decimals);
    if (text.starts_with("1000")) return duration_text(1000 * u.scale);
    return text + " " + u.name;
  }
  return "0 s";
}

std::string ratio_text(Count numerator, Count denominator) {
  if (denominator == 0) return "-";
  return fmt::format("{:.2f}x", static_cast<double>(numerator) / static_cast<double>(denominator));
}

}  // namespace spad
