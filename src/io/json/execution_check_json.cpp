// The executor check as JSON.
#include "io/json/execution_check_json.hpp"

namespace spad {

nlohmann::ordered_json execution_check_json(const ExecutionCheck& check) {
  nlohmann::ordered_json j;
  j["seed"] = check.seed;
  j["output_matches"] = check.output_matches();
  j["output_mismatches"] = check.output_mismatches;
  j["counts_match"] = check.counts_match();
  j["count_mismatches"] = check.count_mismatches;
  return j;
}

}  // namespace spad
