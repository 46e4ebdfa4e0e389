// Reading bandwidths written as rates (see machine_rate.hpp).
#include "io/machine/machine_rate.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "base/name_text.hpp"
#include "io/text/text_fields.hpp"

namespace spad::machine_file {
namespace {

// The digits of `d` without the zeros at either end, a trailing zero moving
// into `exp10`: 800000e-3 is 8 x 10^2, so that a long way of writing a
// number converts like a short one.
std::string significant_digits(const DecimalText& d, long& exp10) {
  std::string digits = d.digits;
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
  exp10 = d.exp10;
  while (!digits.empty() && digits.back() == '0') {
    digits.pop_back();
    ++exp10;
  }
  return digits;
}

}  // namespace

std::optional<double> rate_unit_bits(std::string_view unit) {
  std::string u(trim(unit));
  if (u.size() < 3 || !(u.ends_with("/s") || u.ends_with("ps"))) return std::nullopt;
  u.erase(u.size() - 2);
  double bits = 0;
  for (const auto& [suffix, size] : std::array<std::pair<std::string_view, double>, 5>{
           {{"bits", 1}, {"bit", 1}, {"Bit", 1}, {"b", 1}, {"B", 8}}}) {
    if (u.ends_with(suffix)) {
      u.erase(u.size() - suffix.size());
      bits = size;
      break;
    }
  }
  if (bits == 0) return std::nullopt;
  constexpr std::array<std::pair<std::string_view, double>, 9> kPrefixes = {{
      {"", 1},
      {"k", 1e3},
      {"m", 1e6},
      {"g", 1e9},
      {"t", 1e12},
      {"ki", 1024.0},
      {"mi", 1024.0 * 1024},
      {"gi", 1024.0 * 1024 * 1024},
      {"ti", 1024.0 * 1024 * 1024 * 1024},
  }};
  for (const auto& [prefix, factor] : kPrefixes)
    if (to_lower(u) == prefix) return bits * factor;
  return std::nullopt;
}

Count read_bytes_per_s(const YamlSource& src, const YamlEntry& e, const DecimalText& clock_mhz) {
  const std::string text(trim(scalar_text(src, e, "a bandwidth such as 1.6GB/s")));
  const auto expect = [&](const std::string& why) {
    fail_value(src, e,
               why +
                   "; write a bandwidth with its unit, e.g. 800MB/s, 1.6GB/s, 1GiB/s (B/s, "
                   "KB/s, MB/s, GB/s, TB/s are powers of 1000, KiB/s .. TiB/s powers of 1024; "
                   "bit/s, kbit/s, Mbit/s, Gbit/s count bits), or a plain number of bytes per "
                   "second");
  };
  std::optional<NumberWithUnit> u = split_number_unit(text);
  DecimalText number;
  double unit_bits = 8;  // a plain number is bytes per second
  if (const auto plain = parse_decimal(text)) {
    number = *plain;
  } else if (!u) {
    expect("not a number");
  } else {
    number = u->number;
    const std::optional<double> bits = rate_unit_bits(u->unit);
    if (!bits) expect("unknown unit " + in_quotes(u->unit));
    // Lower-case "b" is a bit in B/s units; ask for the explicit form
    // rather than guess "kb/s" meant bytes.
    const std::string unit(trim(u->unit));
    if (unit.find('b') != std::string::npos && unit.find("bit") == std::string::npos &&
        !unit.ends_with("bps"))
      expect("unit " + in_quotes(unit) + " is ambiguous (b is a bit, B a byte)");
    unit_bits = *bits;
  }
  if (number.negative || to_double(number) <= 0)
    fail_value(src, e, "a bandwidth must be greater than 0");
  // bits/s over Hz, exactly: num = the rate's significant digits x the
  // unit's bits, den = the clock's, each scaled by the power of ten between
  // them. Whole-number unit factors (bits per unit) are exact in a double
  // below 2^53.
  __extension__ using Wide = __int128;
  bool overflow = false;
  const auto from_digits = [&](const std::string& digits) {
    Wide v = 0;
    for (char c : digits)
      if (__builtin_mul_overflow(v, Wide{10}, &v) || __builtin_add_overflow(v, Wide{c - '0'}, &v))
        overflow = true;
    return v;
  };
  const auto scale = [&](Wide& v, long times) {
    for (long k = 0; k < times && !overflow; ++k)
      if (__builtin_mul_overflow(v, Wide{10}, &v)) overflow = true;
  };
  long number_exp10 = 0, clock_exp10 = 0;
  Wide num = from_digits(significant_digits(number, number_exp10));
  if (__builtin_mul_overflow(num, static_cast<Wide>(unit_bits), &num)) overflow = true;
  Wide den = from_digits(significant_digits(clock_mhz, clock_exp10));
  const long exp = number_exp10 - clock_exp10 - 6;
  if (exp >= 0)
    scale(num, exp);
  else
    scale(den, -exp);
  const double mhz = std::fabs(to_double(clock_mhz));
  const auto rate_text = [&](Wide bits_per_cycle) {
    const double bytes = static_cast<double>(bits_per_cycle) * mhz * 1e6 / 8;
    return show_number(static_cast<double>(bits_per_cycle)) + " bits per cycle (" +
           show_number(bytes / 1e6) + "MB/s)";
  };
  const auto not_whole = [&](double bits_per_cycle, Wide whole) -> Count {
    fail_value(src, e,
               "at clock_mhz " + clock_mhz.text + " this is " + show_number(bits_per_cycle) +
                   " bits per cycle; spad counts whole bits per cycle, so give " +
                   (whole >= 1 ? rate_text(whole) + " or " : std::string()) + rate_text(whole + 1) +
                   ", or set bits_per_cycle");
  };
  if (overflow) {
    // Beyond 128 bits: a rate of more than 2^63 bits per cycle, or one
    // written with more digits than any whole number of bits per cycle needs
    // (1e-40GB/s said "too large a bandwidth").
    const double bits_per_cycle = std::fabs(to_double(number)) * unit_bits / (mhz * 1e6);
    if (!(bits_per_cycle < 0x1p63)) fail_value(src, e, "too large a bandwidth");
    return not_whole(bits_per_cycle, static_cast<Wide>(std::floor(bits_per_cycle)));
  }
  const Wide whole = num / den;
  if (num % den != 0) not_whole(static_cast<double>(num) / static_cast<double>(den), whole);
  if (whole > static_cast<Wide>(std::numeric_limits<Count>::max()))
    fail_value(src, e, "too large a bandwidth");
  return static_cast<Count>(whole);
}

}  // namespace spad::machine_file
