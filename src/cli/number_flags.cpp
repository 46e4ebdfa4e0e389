// Whole-number flag checks with specific messages (io/text/whole_number_text).
#include "cli/number_flags.hpp"

namespace spad::cli {

CLI::Validator whole_number(const WholeNumberRange& range) {
  return CLI::Validator([range](std::string& text) { return whole_number_problem(text, range); },
                        "N", "");
}

CLI::Validator seed_number() {
  return CLI::Validator([](std::string& text) { return seed_problem(text); }, "INT", "");
}

}  // namespace spad::cli
