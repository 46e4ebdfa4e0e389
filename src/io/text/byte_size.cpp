// Parsing and printing byte sizes (see byte_size.hpp for the grammar).
#include "io/text/byte_size.hpp"

#include <array>
#include <cctype>
#include <limits>
#include <utility>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

__extension__ using Wide = __int128;

constexpr Count kKi = 1024;

// Suffix (lower case) -> multiplier.
constexpr std::array<std::pair<std::string_view, Count>, 14> kSuffixes = {{
    {"", 1},
    {"b", 1},
    {"k", kKi},
    {"kib", kKi},
    {"m", kKi* kKi},
    {"mib", kKi* kKi},
    {"g", kKi* kKi* kKi},
    {"gib", kKi* kKi* kKi},
    {"t", kKi* kKi* kKi* kKi},
    {"tib", kKi* kKi* kKi* kKi},
    {"kb", 1000},
    {"mb", 1000 * 1000},
    {"gb", 1000 * 1000 * 1000},
    {"tb", Count{1000} * 1000 * 1000 * 1000},
}};

[[noreturn]] void reject(std::string_view text, std::string_view what, const std::string& why) {
  throw UserError(std::string(what) + " " + in_quotes(text) + ": " + why +
                  "; write a whole number of bytes with an optional unit, e.g. 65536, 64KiB, "
                  "\"64 KiB\", 1.5MiB, 2GiB, 512B (KiB MiB GiB TiB and K M G T are powers of "
                  "1024; KB MB GB TB are powers of 1000)");
}

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

Count parse_byte_size(std::string_view text, std::string_view what) {
  const std::string_view body = trim(text);
  if (body.empty()) reject(text, what, "empty size");
  std::size_t i = 0;
  const auto take_digits = [&] {
    const std::size_t start = i;
    while (i < body.size() && is_digit(body[i])) ++i;
    return body.substr(start, i - start);
  };
  if (body[0] == '-') reject(text, what, "a size cannot be negative");
  const std::string_view whole_digits = take_digits();
  std::string_view frac_digits;
  if (i < body.size() && body[i] == '.') {
    ++i;
    frac_digits = take_digits();
    if (frac_digits.empty()) reject(text, what, "no digits after the decimal point");
  }
  if (whole_digits.empty()) reject(text, what, "not a number");
  const std::string_view raw_suffix = trim(body.substr(i));
  // "64kb" is ambiguous (b is a bit; 64 kilobits, 64,000 or 65,536 bytes?):
  // the byte must be a capital B.
  if (!raw_suffix.empty() && raw_suffix.back() == 'b') {
    const std::string number(body.substr(0, i - (body.substr(0, i).ends_with(' ') ? 1 : 0)));
    std::string prefix(raw_suffix.substr(0, raw_suffix.size() - 1));
    if (!prefix.empty() && (prefix.back() == 'i' || prefix.back() == 'I')) prefix.pop_back();
    for (char& c : prefix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const std::string forms = prefix.empty()
                                  ? std::string(trim(number)) + "B"
                                  : std::string(trim(number)) + prefix + "B (powers of 1000) or " +
                                        std::string(trim(number)) + prefix + "iB (powers of 1024)";
    reject(text, what, "lower-case \"b\" is a bit, not a byte; write " + forms);
  }
  const std::string suffix = to_lower(raw_suffix);
  Count multiplier = 0;
  for (const auto& [name, factor] : kSuffixes)
    if (name == suffix) multiplier = factor;
  if (multiplier == 0) reject(text, what, "unknown unit " + in_quotes(trim(body.substr(i))));

  bool too_large = false;
  const auto whole = parse_integer(whole_digits, &too_large);
  if (!whole || frac_digits.size() > 18) reject(text, what, "too large or too precise");
  Wide total = static_cast<Wide>(*whole) * multiplier;
  if (!frac_digits.empty()) {
    const auto frac = parse_integer(frac_digits);
    Wide scale = 1;
    for (std::size_t k = 0; k < frac_digits.size(); ++k) scale *= 10;
    const Wide frac_bytes = static_cast<Wide>(*frac) * multiplier;
    if (frac_bytes % scale != 0) reject(text, what, "not a whole number of bytes");
    total += frac_bytes / scale;
  }
  if (total > std::numeric_limits<Count>::max())
    reject(text, what, "too large for a 64-bit byte count");
  if (total < 1) reject(text, what, "a size must be at least 1 byte");
  return static_cast<Count>(total);
}

std::string format_bytes(Count bytes) {
  constexpr std::array<std::string_view, 7> units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  const bool negative = bytes < 0;
  const Wide magnitude = negative ? -static_cast<Wide>(bytes) : static_cast<Wide>(bytes);
  std::size_t u = 0;
  Wide unit = 1;
  while (u + 1 < units.size() && magnitude >= unit * kKi) {
    unit *= kKi;
    ++u;
  }
  // Hundredths of the unit, rounded half up; a value that rounds up to 1024
  // of a unit moves to the next unit.
  Wide hundredths = (magnitude * 100 + unit / 2) / unit;
  if (hundredths >= Wide{kKi} * 100 && u + 1 < units.size()) {
    unit *= kKi;
    ++u;
    hundredths = (magnitude * 100 + unit / 2) / unit;
  }
  std::string out = negative ? "-" : "";
  out += std::to_string(static_cast<Count>(hundredths / 100));
  const auto cents = static_cast<int>(hundredths % 100);
  if (u > 0 && cents != 0) {
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    if (cents % 10 != 0) out += static_cast<char>('0' + cents % 10);
  }
  out += ' ';
  out += units[u];
  return out;
}

}  // namespace spad
