// The executor check as text.
#include "report/execution_check_text.hpp"

#include <fmt/format.h>

#include "report/number_text.hpp"

namespace spad {

std::string format_execution_check(const ExecutionCheck& check) {
  const std::string output =
      check.output_matches()
          ? fmt::format("output matches the reference convolution ({} values)",
                        with_separators(check.output_values))
          : fmt::format("OUTPUT DIFFERS from the reference convolution in {} of {} values",
                        with_separators(check.output_mismatches),
                        with_separators(check.output_values));
  const std::string counts =
      check.counts_match()
          ? std::string("element counts match the simulator")
          : fmt::format("{} COUNT MISMATCHES with the simulator", check.count_mismatches.size());
  return fmt::format("executor  seed {}: {}; {}\n", check.seed, output, counts);
}

std::string execution_failure_message(const ExecutionCheck& check) {
  std::string out;
  if (!check.output_matches())
    out += fmt::format(
        "spad: error: simulate --execute: the executor's output differs from the reference "
        "convolution in {} "
        "of {} values\n",
        check.output_mismatches, check.output_values);
  for (const std::string& m : check.count_mismatches)
    out += "spad: error: simulate --execute: count mismatch: " + m + '\n';
  return out;
}

}  // namespace spad
