// The --precision flag (see precision_text.hpp for the grammar).
#include "io/text/precision_text.hpp"

#include <array>
#include <utility>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/common/suggest.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

constexpr std::array<std::string_view, 4> kKeys = {"in", "w", "out", "psum"};

constexpr std::array<std::pair<std::string_view, Count>, 11> kTypeNames = {{
    {"int8", 1},
    {"uint8", 1},
    {"fp8", 1},
    {"int16", 2},
    {"fp16", 2},
    {"bf16", 2},
    {"int32", 4},
    {"fp32", 4},
    {"int64", 8},
    {"fp64", 8},
    {"uint16", 2},
}};

[[noreturn]] void reject(std::string_view text, const std::string& why) {
  throw UserError("--precision " + in_quotes(text) + ": " + why +
                  "; expected key=bytes pairs such as in=1,w=1,out=1,psum=4 (keys in w out psum; "
                  "a value is a byte count or a type such as int8, fp16, int32)");
}

// Index of `key` in kKeys, or kKeys.size() when unknown.
std::size_t key_index(std::string_view key) {
  std::size_t k = 0;
  while (k < kKeys.size() && kKeys[k] != key) ++k;
  return k;
}

Count& field(Precision& p, std::size_t k) {
  switch (k) {
    case 0:
      return p.input;
    case 1:
      return p.weight;
    case 2:
      return p.output;
    default:
      return p.psum;
  }
}

}  // namespace

Precision parse_precision(std::string_view text) { return parse_precision(text, Precision{}); }

Precision parse_precision(std::string_view text, const Precision& base) {
  Precision p = base;
  if (trim(text).empty()) return p;
  std::array<bool, kKeys.size()> seen{};
  for (std::string_view item : split_trimmed(text, ',')) {
    if (item.empty()) reject(text, "empty entry between commas");
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) reject(text, "entry " + in_quotes(item) + " has no '='");
    const std::string_view key = trim(item.substr(0, eq));
    const std::string_view value = trim(item.substr(eq + 1));
    const std::size_t k = key_index(key);
    if (k == kKeys.size()) reject(text, "unknown key " + in_quotes(key) + did_you_mean(key, kKeys));
    if (seen[k]) reject(text, "key " + in_quotes(key) + " given twice");
    seen[k] = true;
    std::optional<Count> bytes = parse_integer(value);
    for (const auto& [name, size] : kTypeNames)
      if (to_lower(value) == name) bytes = size;
    if (!bytes)
      reject(text,
             std::string(key) + " = " + in_quotes(value) + ": not a byte count or a type name");
    if (*bytes < 1 || *bytes > kMaxElementBytes)
      reject(text, std::string(key) + " = " + in_quotes(value) + ": element size must be 1.." +
                       std::to_string(kMaxElementBytes) + " bytes");
    field(p, k) = *bytes;
  }
  validate(p);
  return p;
}

}  // namespace spad
