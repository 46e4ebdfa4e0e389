// Whole-number flag checks with specific messages (io/text/whole_number_text).
#include "cli/number_flags.hpp"

namespace spad::cli {

CLI::Validator whole_number(const WholeNumberRange& range) {
  return CLI::Validator([range](std::string& text) { return whole_number_problem(text, range); },
                        "", "");
}

CLI::Validator seed_number() {
  return CLI::Validator([](std::string& text) { return seed_problem(text); }, "", "");
}

CLI::Option* add_batch_option(CLI::App& app, std::optional<Count>& batch, const std::string& help) {
  return app.add_option("--batch", batch, help)->type_name("N")->check(whole_number(kBatchRange));
}

CLI::Option* add_threads_option(CLI::App& app, int& threads, const std::string& help) {
  return app.add_option("--threads", threads, help)
      ->type_name("N")
      ->check(whole_number(kThreadsRange));
}

}  // namespace spad::cli
