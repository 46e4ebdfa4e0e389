// Whole-number flag checks with specific messages.
#include "cli/number_flags.hpp"

#include <charconv>

namespace spad::cli {
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

CLI::Validator whole_number(std::int64_t min, std::int64_t max, const std::string& meaning) {
  const std::string range = std::to_string(min) + " to " + std::to_string(max);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        std::int64_t value = 0;
        std::string why = parse_whole(text, &value);
        if (why == "too large" || (why.empty() && value > max))
          return "\"" + text + "\" is too large for " + meaning + " (" + range + ")";
        if (!why.empty()) return "\"" + text + "\" " + why + " (" + meaning + ", " + range + ")";
        if (value < min) return "\"" + text + "\" is too small for " + meaning + " (" + range + ")";
        return "";
      },
      "N", "");
}

CLI::Validator seed_number() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        std::uint64_t value = 0;
        if (!text.empty() && text[0] == '-')
          return "\"" + text + "\": a seed cannot be negative (0 to 18446744073709551615)";
        const std::string why = parse_whole(text, &value);
        if (why == "too large")
          return "\"" + text + "\" is too large for a seed (0 to 18446744073709551615)";
        if (!why.empty()) return "\"" + text + "\" " + why + " (a seed, 0 to 18446744073709551615)";
        return "";
      },
      "INT", "");
}

}  // namespace spad::cli
