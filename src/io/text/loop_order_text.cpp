// Parsing of a loop order written as comma-separated dimension letters.
#include "io/text/loop_order_text.hpp"

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

constexpr std::string_view kLetters = "n g m c p q r s";

std::string problem(std::string_view what, std::string_view text, const std::string& why) {
  return std::string(what) + " " + in_quotes(text) + ": " + why +
         "; give the 8 loops innermost first, each of " + std::string(kLetters) +
         " once, separated by commas, e.g. s,r,q,p,c,m,g,n";
}

}  // namespace

std::array<Dim, kNumDims> parse_loop_order(std::string_view text, std::string_view what) {
  const std::vector<std::string_view> items = split_trimmed(text, ',');
  std::array<Dim, kNumDims> order{};
  PerDim<bool> seen;
  std::size_t count = 0;
  for (std::string_view item : items) {
    if (item.empty()) throw UserError(problem(what, text, "an empty item"));
    const std::optional<Dim> d = parse_dim(to_lower(item));
    if (!d) throw UserError(problem(what, text, in_quotes(item) + " is not a dimension letter"));
    if (seen[*d])
      throw UserError(
          problem(what, text, "dimension " + in_quotes(dim_name(*d)) + " appears twice"));
    seen[*d] = true;
    if (count < kNumDims) order[count] = *d;
    ++count;
  }
  if (count != kNumDims) {
    std::string missing;
    for (Dim d : kAllDims)
      if (!seen[d]) {
        if (!missing.empty()) missing += ' ';
        missing += dim_name(d);
      }
    throw UserError(problem(what, text, "missing " + missing));
  }
  return order;
}

std::string loop_order_to_string(const std::array<Dim, kNumDims>& order) {
  std::string out;
  for (Dim d : order) {
    if (!out.empty()) out += ',';
    out += dim_name(d);
  }
  return out;
}

}  // namespace spad
