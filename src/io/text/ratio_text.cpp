// Parsing and printing decimal ratios.
#include "io/text/ratio_text.hpp"

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

__extension__ using Wide = __int128;

bool less(Ratio a, Ratio b) {
  return static_cast<Wide>(a.num) * b.den < static_cast<Wide>(b.num) * a.den;
}

}  // namespace

Ratio parse_ratio(std::string_view text, std::string_view what, Ratio min, Ratio max,
                  const std::string& range_text) {
  const std::string_view body = trim(text);
  const auto reject = [&](const std::string& why) {
    throw UserError(std::string(what) + " " + in_quotes(text) + ": " + why);
  };
  const std::size_t dot = body.find('.');
  const std::string_view whole = body.substr(0, dot);
  const std::string_view frac =
      dot == std::string_view::npos ? std::string_view() : body.substr(dot + 1);
  const auto digits = [](std::string_view s) {
    return s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (body.empty() || (whole.empty() && frac.empty()) || !digits(whole) || !digits(frac) ||
      (dot != std::string_view::npos && frac.empty()))
    reject("not a decimal number; write e.g. 1.2");
  if (frac.size() > 9 || whole.size() > 9)
    reject("too many digits (at most 9 before and after the point)");
  Ratio r{0, 1};
  for (char c : whole) r.num = r.num * 10 + (c - '0');
  for (char c : frac) {
    r.num = r.num * 10 + (c - '0');
    r.den *= 10;
  }
  if (less(r, min) || less(max, r)) reject("must be " + range_text);
  if (r.num == 0) reject("must be above 0");
  return r;
}

std::string format_ratio(Ratio r) {
  std::string out = std::to_string(r.num / r.den);
  Count rest = r.num % r.den;
  if (rest == 0) return out;
  out += '.';
  for (Count d = r.den; d > 1 && rest != 0; d /= 10) {
    rest *= 10;
    out += static_cast<char>('0' + rest / r.den);
    rest %= r.den;
  }
  return out;
}

}  // namespace spad
