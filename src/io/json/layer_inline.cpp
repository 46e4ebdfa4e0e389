// The inline --layer form "C=64,M=64,H=56,W=56,kernel=3,stride=2,pad=1"
// (grammar in layer_json.hpp).
#include <array>
#include <set>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/common/suggest.hpp"
#include "io/json/layer_json.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

constexpr std::array<std::string_view, 13> kInlineKeys = {
    "N", "C", "M", "H", "W", "R", "S", "groups", "kernel", "stride", "dilation", "pad", "name"};

const std::string kSource = "--layer";

// The canonical key for a key as typed: single letters in either case, "G"
// for groups; "" if unknown.
std::string canonical_key(std::string_view typed) {
  const std::string lower = to_lower(typed);
  if (lower == "g") return "groups";
  for (std::string_view k : kInlineKeys)
    if (to_lower(k) == lower) return std::string(k);
  return "";
}

[[noreturn]] void reject(const std::string& key, std::string_view value, const std::string& why) {
  throw UserError(kSource + ": " + key + " = " + in_quotes(value) + ": " + why);
}

Count number(const std::string& key, std::string_view whole, std::string_view part, Count min,
             const std::string& form) {
  bool too_large = false;
  const auto v = parse_integer(part, &too_large);
  if (too_large) reject(key, whole, "too large for a 64-bit integer");
  if (!v || *v < min)
    reject(key, whole,
           std::string(min >= 1 ? "must be a positive integer" : "must be zero or positive") +
               (form.empty() ? "" : " (forms: " + form + ")"));
  return *v;
}

// "K" -> {K, K}; "AxB" -> {A, B}.
std::pair<Count, Count> pair_value(const std::string& key, std::string_view value,
                                   const std::string& form) {
  const auto x = value.find_first_of("xX");
  if (x == std::string_view::npos) {
    const Count both = number(key, value, value, 1, form);
    return {both, both};
  }
  return {number(key, value, trim(value.substr(0, x)), 1, form),
          number(key, value, trim(value.substr(x + 1)), 1, form)};
}

void pad_value(std::string_view value, LayerSpec& s) {
  const std::string form = "K, HxW or T:L:B:R, e.g. 1, 1x2, 0:0:1:1";
  if (value.find(':') != std::string_view::npos) {
    const auto parts = split_trimmed(value, ':');
    if (parts.size() != 4)
      reject("pad", value, "T:L:B:R needs four numbers (top:left:bottom:right)");
    s.pad_top = number("pad", value, parts[0], 0, form);
    s.pad_left = number("pad", value, parts[1], 0, form);
    s.pad_bottom = number("pad", value, parts[2], 0, form);
    s.pad_right = number("pad", value, parts[3], 0, form);
    return;
  }
  const auto x = value.find_first_of("xX");
  if (x == std::string_view::npos) {
    s.pad_top = s.pad_left = s.pad_bottom = s.pad_right = number("pad", value, value, 0, form);
    return;
  }
  s.pad_top = s.pad_bottom = number("pad", value, trim(value.substr(0, x)), 0, form);
  s.pad_left = s.pad_right = number("pad", value, trim(value.substr(x + 1)), 0, form);
}

}  // namespace

LayerSpec parse_layer_inline(std::string_view text) {
  LayerSpec s;
  std::set<std::string> seen;
  for (std::string_view item : split_trimmed(text, ',')) {
    if (item.empty())
      throw UserError(kSource + " " + in_quotes(text) + ": empty field between commas");
    const auto eq = item.find('=');
    if (eq == std::string_view::npos)
      throw UserError(kSource + ": field " + in_quotes(item) +
                      " has no '='; write key=value pairs such as C=64,M=64,H=56,W=56,R=3,S=3");
    const std::string_view typed = trim(item.substr(0, eq));
    const std::string_view value = trim(item.substr(eq + 1));
    const std::string key = canonical_key(typed);
    if (key.empty())
      throw UserError(kSource + ": unknown key " + in_quotes(typed) +
                      did_you_mean(typed, kInlineKeys) + "; valid keys: " + join(kInlineKeys, " "));
    if (!seen.insert(key).second) reject(key, value, "key given twice");
    if (value.empty()) reject(key, value, "empty value");
    if (key == "name") {
      s.name = std::string(value);
    } else if (key == "N") {
      s.N = number(key, value, value, 1, "");
    } else if (key == "C") {
      s.C = number(key, value, value, 1, "");
    } else if (key == "M") {
      s.M = number(key, value, value, 1, "");
    } else if (key == "H") {
      s.H = number(key, value, value, 1, "");
    } else if (key == "W") {
      s.W = number(key, value, value, 1, "");
    } else if (key == "R") {
      s.R = number(key, value, value, 1, "");
    } else if (key == "S") {
      s.S = number(key, value, value, 1, "");
    } else if (key == "groups") {
      s.groups = number(key, value, value, 1, "");
    } else if (key == "kernel") {
      std::tie(s.R, s.S) = pair_value(key, value, "K or RxS, e.g. 3 or 1x7");
    } else if (key == "stride") {
      std::tie(s.stride_h, s.stride_w) = pair_value(key, value, "K or HxW, e.g. 2 or 2x1");
    } else if (key == "dilation") {
      std::tie(s.dilation_h, s.dilation_w) = pair_value(key, value, "K or HxW, e.g. 2 or 2x1");
    } else {
      pad_value(value, s);
    }
  }
  if (seen.count("kernel") && (seen.count("R") || seen.count("S")))
    throw UserError(kSource + ": kernel is given together with " + (seen.count("R") ? "R" : "S") +
                    "; give either kernel=RxS or R and S");
  for (std::string_view k : {"C", "M", "H", "W", "R", "S"}) {
    const bool by_kernel = (k == "R" || k == "S") && seen.count("kernel");
    if (!seen.count(std::string(k)) && !by_kernel)
      throw UserError(kSource + ": missing required key " + std::string(k) +
                      "; an inline layer needs C M H W and R S (or kernel), e.g. "
                      "C=64,M=64,H=56,W=56,kernel=3");
  }
  return s;
}

}  // namespace spad
