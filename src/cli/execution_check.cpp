// Comparison of an executor run with the reference output and the simulator.
#include "cli/execution_check.hpp"

#include <fmt/format.h>

#include "report/number_text.hpp"

namespace spad::cli {

ExecutionCheck check_execution(const Execution& run, const Traffic& simulated, std::uint64_t seed) {
  ExecutionCheck check;
  check.seed = seed;
  check.output_values = run.reference.size();
  if (run.output.shape != run.reference.shape) {
    check.output_mismatches = check.output_values;
  } else {
    for (std::size_t i = 0; i < run.output.data.size(); ++i)
      if (run.output.data[i] != run.reference.data[i]) ++check.output_mismatches;
  }
  const auto compare = [&](Tensor t, const char* what, Count executed, Count counted) {
    if (executed != counted)
      check.count_mismatches.push_back(
          fmt::format("{} {}: executor {}, simulator {}", tensor_name(t), what, executed, counted));
  };
  for (Tensor t : kAllTensors) {
    const ExecArrayCounts& e = run.arrays[t];
    const ArrayTraffic& s = simulated.arrays[t];
    compare(t, "reads", e.reads, s.reads);
    compare(t, "writes", e.writes, s.writes);
    compare(t, "final writes", e.final_writes, s.final_writes);
    compare(t, "fills", e.fills, s.fills);
    if (e.peak_elems > e.capacity_elems)
      check.count_mismatches.push_back(fmt::format("{} buffer held {} elements, its size is {}",
                                                   tensor_name(t), e.peak_elems, e.capacity_elems));
  }
  return check;
}

nlohmann::ordered_json execution_check_json(const ExecutionCheck& check) {
  nlohmann::ordered_json j;
  j["seed"] = check.seed;
  j["output_matches"] = check.output_matches();
  j["output_mismatches"] = check.output_mismatches;
  j["counts_match"] = check.counts_match();
  j["count_mismatches"] = check.count_mismatches;
  return j;
}

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

}  // namespace spad::cli
