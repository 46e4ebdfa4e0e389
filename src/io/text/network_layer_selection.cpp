// Resolution of a --layers selection against a network's layers.
#include "io/text/network_layer_selection.hpp"

#include <string>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/common/suggest.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

// "0 conv1, 1 layer1.0.conv1, ..." : what exists, for error messages.
std::string layer_list(const Network& net) {
  std::string out;
  for (std::size_t i = 0; i < net.layers.size(); ++i) {
    if (i != 0) out += ", ";
    out += std::to_string(i) + " " + net.layers[i].spec.name;
  }
  return out;
}

[[noreturn]] void fail(const Network& net, std::string_view spec, const std::string& why) {
  const std::size_t n = net.layers.size();
  throw UserError("--layers " + in_quotes(spec) + ": " + why + "; " + net.model + " has " +
                  std::to_string(n) + " conv/fc layer" + (n == 1 ? "" : "s") + " (indices 0-" +
                  std::to_string(n - 1) + "): " + layer_list(net));
}

std::size_t checked_index(const Network& net, std::string_view spec, Count i) {
  if (i < 0 || static_cast<std::size_t>(i) >= net.layers.size())
    fail(net, spec, "index " + std::to_string(i) + " is out of range");
  return static_cast<std::size_t>(i);
}

// The item as FIRST-LAST, if it has that form.
bool parse_range(std::string_view item, Count& first, Count& last) {
  const auto dash = item.find('-', 1);
  if (dash == std::string_view::npos) return false;
  const auto a = parse_integer(trim(item.substr(0, dash)));
  const auto b = parse_integer(trim(item.substr(dash + 1)));
  if (!a || !b) return false;
  first = *a;
  last = *b;
  return true;
}

void select_item(const Network& net, std::string_view spec, std::string_view item,
                 std::vector<bool>& chosen) {
  if (item.empty()) fail(net, spec, "an empty item");
  bool named = false;
  for (std::size_t i = 0; i < net.layers.size(); ++i)
    if (net.layers[i].spec.name == item) chosen[i] = named = true;
  if (named) return;
  if (const auto i = parse_integer(item)) {
    chosen[checked_index(net, spec, *i)] = true;
    return;
  }
  Count first = 0, last = 0;
  if (parse_range(item, first, last)) {
    if (first > last)
      fail(net, spec, "range " + std::string(item) + " is reversed (write FIRST-LAST)");
    checked_index(net, spec, first);
    checked_index(net, spec, last);
    for (Count i = first; i <= last; ++i) chosen[static_cast<std::size_t>(i)] = true;
    return;
  }
  std::vector<std::string_view> names;
  for (const NetworkLayer& l : net.layers) names.push_back(l.spec.name);
  fail(net, spec, "no layer is named " + in_quotes(item) + did_you_mean(item, names));
}

}  // namespace

std::vector<std::size_t> select_layers(const Network& net, std::string_view spec) {
  SPAD_CHECK(!net.layers.empty(), "select_layers: a network without layers");
  std::vector<bool> chosen(net.layers.size(), false);
  for (std::string_view item : split_trimmed(spec, ',')) select_item(net, spec, item, chosen);
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < chosen.size(); ++i)
    if (chosen[i]) out.push_back(i);
  return out;
}

}  // namespace spad
