// Parsing of the several-level search-space flags (see level_space_text.hpp).
#include "io/text/level_space_text.hpp"

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/text/loop_order_text.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

std::string level_name(std::size_t l, std::size_t levels) {
  return "level " + std::to_string(l + 1) + " of " + std::to_string(levels);
}

// The groups of `text` split on ';', one per level (UserError naming the
// flag, both counts and where the level count comes from).
std::vector<std::string_view> level_groups(std::string_view flag, std::string_view text,
                                           std::string_view what, std::size_t levels,
                                           std::string_view levels_from) {
  const std::vector<std::string_view> groups = split_trimmed(text, ';');
  if (groups.size() != levels) {
    const auto count = [&](std::size_t n) {
      return std::to_string(n) + " " + std::string(what) + (n == 1 ? "" : "s");
    };
    throw UserError(std::string(flag) + " " + in_quotes(text) + " gives " + count(groups.size()) +
                    " (one per on-chip level, separated by ';'), but " + std::string(levels_from) +
                    " gives " + std::to_string(levels) + " on-chip level" +
                    (levels == 1 ? "" : "s") + ": give " +
                    (levels == 1 ? "one " + std::string(what) + ", without ';'"
                                 : count(levels) + ", outermost level first"));
  }
  return groups;
}

}  // namespace

PerTensor<std::optional<int>> parse_level_spans(std::string_view text, std::string_view what) {
  const auto problem = [&](const std::string& why) {
    return UserError(std::string(what) + " " + in_quotes(text) + ": " + why +
                     "; give a span 0..8 or null (bypass) for each of I, W and O once, "
                     "e.g. I=2,W=null,O=3");
  };
  PerTensor<std::optional<int>> spans;
  PerTensor<bool> seen{};
  for (std::string_view item : split_trimmed(text, ',')) {
    if (item.empty()) throw problem("an empty item");
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) throw problem(in_quotes(item) + " is not ARRAY=SPAN");
    const std::string_view name = trim(item.substr(0, eq));
    const std::string_view value = trim(item.substr(eq + 1));
    const std::optional<Tensor> a = parse_tensor(name);
    if (!a) throw problem(in_quotes(name) + " is not an array (I, W or O)");
    if (seen[*a]) throw problem("array " + std::string(tensor_name(*a)) + " appears twice");
    seen[*a] = true;
    if (value == "null") continue;
    bool too_large = false;
    const std::optional<Count> k = parse_integer(value, &too_large);
    if (!k || *k < 0 || *k > static_cast<Count>(kNumDims))
      throw problem("the span of " + std::string(tensor_name(*a)) + ", " + in_quotes(value) +
                    ", is not 0..8 or null");
    spans[*a] = static_cast<int>(*k);
  }
  for (Tensor a : kAllTensors)
    if (!seen[a]) throw problem("array " + std::string(tensor_name(a)) + " is missing");
  return spans;
}

LevelSearchSpace level_search_space(bool uniform_spans,
                                    const std::optional<std::string>& fixed_order,
                                    const std::optional<std::string>& fixed_spans,
                                    std::size_t levels, std::string_view levels_from) {
  LevelSearchSpace space;
  space.uniform_spans = uniform_spans;
  if (fixed_spans && uniform_spans)
    throw UserError("--fixed-spans " + in_quotes(*fixed_spans) +
                    " and --uniform-spans together: fixed spans already set every span; give "
                    "one of the two");
  if (fixed_spans && !fixed_order)
    throw UserError("--fixed-spans " + in_quotes(*fixed_spans) +
                    " needs --fixed-order as well (a span counts the loops of a fixed order)");
  if (fixed_order) {
    space.fixed_orders.emplace();
    const std::vector<std::string_view> groups =
        level_groups("--fixed-order", *fixed_order, "loop order", levels, levels_from);
    for (std::size_t l = 0; l < levels; ++l)
      space.fixed_orders->push_back(parse_loop_order(
          groups[l], levels == 1 ? std::string("--fixed-order")
                                 : "--fixed-order (" + level_name(l, levels) + ")"));
  }
  if (fixed_spans) {
    space.fixed_spans.emplace();
    const std::vector<std::string_view> groups =
        level_groups("--fixed-spans", *fixed_spans, "span group", levels, levels_from);
    for (std::size_t l = 0; l < levels; ++l) {
      const std::string what = levels == 1 ? std::string("--fixed-spans")
                                           : "--fixed-spans (" + level_name(l, levels) + ")";
      const PerTensor<std::optional<int>> spans = parse_level_spans(groups[l], what);
      for (Tensor a : kAllTensors)
        if (!spans[a] && l + 1 == levels)
          throw UserError(what + " " + in_quotes(groups[l]) + ": " + std::string(tensor_name(a)) +
                          "=null bypasses the innermost level, where the datapath reads" +
                          (levels == 1
                               ? std::string(" (a bypass needs an inner level: give a span 0..8)")
                               : "; null is allowed at levels 1.." + std::to_string(levels - 1)));
      space.fixed_spans->push_back(spans);
    }
  }
  validate(space, levels);  // what the parsing above has not already named
  return space;
}

std::string level_spans_to_string(const PerTensor<std::optional<int>>& spans) {
  std::string out;
  for (Tensor a : kAllTensors) {
    if (!out.empty()) out += ',';
    out += std::string(tensor_name(a)) + "=" + (spans[a] ? std::to_string(*spans[a]) : "null");
  }
  return out;
}

}  // namespace spad
