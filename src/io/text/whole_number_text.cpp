// Whole-number texts checked against a range (see whole_number_text.hpp).
#include "io/text/whole_number_text.hpp"

#include <charconv>

#include "base/error.hpp"

namespace spad {
namespace {

// Parses text as a decimal integer of type T; "" when it is one, else why not.
template <class T>
std::string parse_whole(const std::string& text, T* value) {
  if (text.empty()) return "is empty; give a whole number";
  const char* first = text.data();
  if (text[0] == '+') ++first;
  const auto [end, ec] = std::from_chars(first, text.data() + text.size(), *value);
  if (ec == std::errc::result_out_of_range) return "too large";
  if (ec != std::errc() || end != text.data() + text.size() || first == text.data() + text.size())
    return "must be a whole number written in decimal digits";
  return "";
}

}  // namespace

std::string whole_number_problem(const std::string& text, const WholeNumberRange& range) {
  const std::string allowed = std::to_string(range.min) + " to " + std::to_string(range.max);
  std::int64_t value = 0;
  const std::string why = parse_whole(text, &value);
  if (why == "too large" || (why.empty() && value > range.max))
    return "\"" + text + "\" is too large for " + range.meaning + " (" + allowed + ")";
  if (!why.empty()) return "\"" + text + "\" " + why + " (" + range.meaning + ", " + allowed + ")";
  if (value < range.min)
    return "\"" + text + "\" is too small for " + range.meaning + " (" + allowed + ")";
  return "";
}

std::string seed_problem(const std::string& text) {
  std::uint64_t value = 0;
  if (!text.empty() && text[0] == '-')
    return "\"" + text + "\": a seed cannot be negative (0 to 18446744073709551615)";
  const std::string why = parse_whole(text, &value);
  if (why == "too large")
    return "\"" + text + "\" is too large for a seed (0 to 18446744073709551615)";
  if (!why.empty()) return "\"" + text + "\" " + why + " (a seed, 0 to 18446744073709551615)";
  return "";
}

std::int64_t parse_whole_number(const std::string& text, const std::string& flag,
                                const WholeNumberRange& range) {
  if (const std::string problem = whole_number_problem(text, range); !problem.empty())
    throw UserError(flag + ": " + problem);
  std::int64_t value = 0;
  parse_whole(text, &value);
  return value;
}

std::uint64_t parse_seed(const std::string& text, const std::string& flag) {
  if (const std::string problem = seed_problem(text); !problem.empty())
    throw UserError(flag + ": " + problem);
  std::uint64_t value = 0;
  parse_whole(text, &value);
  return value;
}

}  // namespace spad
