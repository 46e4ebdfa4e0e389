// Parsing sweep capacities (see capacity_list.hpp for the grammar).
#include "io/text/capacity_list.hpp"

#include <algorithm>
#include <string>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/text/byte_size.hpp"
#include "io/text/text_fields.hpp"
#include "model/memory_levels.hpp"

namespace spad {
namespace {

[[noreturn]] void reject(std::string_view what, std::string_view item, const std::string& why) {
  throw UserError(std::string(what) + " " + in_quotes(item) + ": " + why +
                  "; write sizes (64KiB), lists (4KiB,16KiB,1MiB) or ranges "
                  "(1KiB..4MiB:x2, 1KiB..8KiB:+1KiB)");
}

// `text` (one range, or the whole list) gives more than kMaxCapacityPoints
// capacities: `how_many` of them ("2000 capacities") or "distinct capacities".
[[noreturn]] void too_many(std::string_view what, std::string_view text,
                           const std::string& how_many) {
  throw UserError(std::string(what) + " " + in_quotes(text) + ": " + how_many + ", more than " +
                  std::to_string(kMaxCapacityPoints) +
                  " (each is a search of every layer); use a coarser step or a shorter range");
}

// Sorted, each capacity once.
void sort_unique(std::vector<Count>& out) {
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

// A size that must be >= 1 byte, with a specific message for 0. The message
// names the item, and the bad size within it when the item is a range.
Count capacity(std::string_view what, std::string_view item, std::string_view text) {
  const std::string_view body = trim(text);
  if (!body.empty() && body.find_first_not_of("0.") == std::string_view::npos)
    reject(what, item, "a capacity must be at least 1 byte, not " + in_quotes(body));
  const std::optional<Count> plain = parse_integer(body);
  if (plain && *plain == 0) reject(what, item, "a capacity must be at least 1 byte");
  if (body == item) return parse_byte_size(body, what);
  return parse_byte_size(body, std::string(what) + " " + in_quotes(item));
}

void add_range(std::string_view what, std::string_view item, std::vector<Count>& out) {
  const std::size_t dots = item.find("..");
  const std::size_t colon = item.find(':', dots);
  const std::string_view lo_text = item.substr(0, dots);
  const std::string_view hi_text = item.substr(
      dots + 2, colon == std::string_view::npos ? std::string_view::npos : colon - dots - 2);
  if (trim(lo_text).empty()) reject(what, item, "the range has no start");
  if (trim(hi_text).empty()) reject(what, item, "the range has no end");
  const Count lo = capacity(what, item, lo_text);
  const Count hi = capacity(what, item, hi_text);
  if (lo > hi)
    reject(what, item,
           "the range starts at " + format_bytes(lo) + ", above its end " + format_bytes(hi) +
               "; write the smaller capacity first");
  const std::string_view step =
      colon == std::string_view::npos ? std::string_view("x2") : trim(item.substr(colon + 1));
  if (step.empty()) reject(what, item, "no step after ':'; write :x2 or :+1KiB");
  if (step[0] == 'x' || step[0] == 'X' || step[0] == '*') {
    const std::optional<Count> factor = parse_integer(trim(step.substr(1)));
    if (!factor) reject(what, item, "the factor after 'x' must be a whole number, e.g. :x2");
    if (*factor < 2)
      reject(what, item,
             "the factor " + std::to_string(*factor) +
                 " never grows the capacity; use a whole number of at least 2, e.g. :x2");
    // At most 63 points (factor >= 2, capacities below 2^63): never too many.
    for (Count v = lo;;) {
      out.push_back(v);
      if (v > hi / *factor) break;  // v * factor > hi (no overflow)
      v *= *factor;
    }
  } else if (step[0] == '+') {
    const std::string_view by = trim(step.substr(1));
    const std::optional<Count> plain = parse_integer(by);
    if ((plain && *plain == 0) ||
        (!by.empty() && by.find_first_not_of("0.") == std::string_view::npos))
      reject(what, item,
             "the step +" + std::string(by) + " never grows the capacity; use at least +1");
    const Count add = parse_byte_size(by, std::string(what) + " " + in_quotes(item) + " step");
    if (const Count points = (hi - lo) / add + 1; points > static_cast<Count>(kMaxCapacityPoints))
      too_many(what, item, std::to_string(points) + " capacities");
    for (Count v = lo;;) {
      out.push_back(v);
      if (v > hi - add) break;
      v += add;
    }
  } else {
    reject(what, item,
           "unknown step " + in_quotes(step) + "; write :x2 (times 2) or :+1KiB (plus 1 KiB)");
  }
}

}  // namespace

std::vector<Count> parse_capacity_list(std::string_view text, std::string_view what) {
  std::vector<Count> out;
  if (trim(text).empty()) reject(what, text, "no capacity given");
  for (std::string_view item : split_trimmed(text, ',')) {
    if (item.empty()) reject(what, text, "an empty item between commas");
    if (item.find("..") != std::string_view::npos) {
      add_range(what, item, out);
    } else {
      if (item.find(':') != std::string_view::npos)
        reject(what, item, "a step (':') needs a range, e.g. 1KiB..4MiB:x2");
      out.push_back(capacity(what, item, item));
    }
    // The limit is on distinct capacities. An item adds at most
    // kMaxCapacityPoints, so deduplicating once `out` holds twice that keeps
    // it below three times that, at one sort per kMaxCapacityPoints added.
    if (out.size() > 2 * kMaxCapacityPoints) {
      sort_unique(out);
      if (out.size() > kMaxCapacityPoints) too_many(what, trim(text), "distinct capacities");
    }
  }
  sort_unique(out);
  if (out.size() > kMaxCapacityPoints)
    too_many(what, trim(text), std::to_string(out.size()) + " distinct capacities");
  return out;
}

std::vector<std::vector<Count>> parse_capacity_sets(std::string_view text, std::string_view what) {
  if (text.find(';') == std::string_view::npos) return {parse_capacity_list(text, what)};
  const std::vector<std::string_view> pieces = split_trimmed(text, ';');
  if (pieces.size() > kMaxMemoryLevels)
    throw UserError(std::string(what) + " " + in_quotes(trim(text)) + ": " +
                    std::to_string(pieces.size()) +
                    " capacity sets (one per on-chip level, ';' "
                    "between levels); at most " +
                    std::to_string(kMaxMemoryLevels) + " levels");
  std::vector<std::vector<Count>> sets;
  std::size_t points = 1;
  for (std::size_t l = 0; l < pieces.size(); ++l) {
    const std::string level = std::string(what) + " (level " + std::to_string(l + 1) + " of " +
                              std::to_string(pieces.size()) + ")";
    if (pieces[l].empty())
      throw UserError(level +
                      ": no capacity between the ';'s; give one set per on-chip level, "
                      "outermost first, e.g. 512KiB;16KiB..64KiB:x2");
    sets.push_back(parse_capacity_list(pieces[l], level));
    points *= sets.back().size();  // each <= kMaxCapacityPoints, at most 4 levels: no overflow
    if (points > kMaxCapacityPoints) {
      std::string product;
      for (const std::vector<Count>& set : sets)
        product += (product.empty() ? "" : " x ") + std::to_string(set.size());
      throw UserError(std::string(what) + ": " + product +
                      " points over the levels so far, more "
                      "than " +
                      std::to_string(kMaxCapacityPoints) +
                      " (each point is a search of every layer); use coarser steps or shorter "
                      "ranges");
    }
  }
  return sets;
}

}  // namespace spad
