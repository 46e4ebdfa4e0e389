// The "execute" object of `simulate --execute --json`:
// {"seed", "output_matches", "output_mismatches", "counts_match", "count_mismatches"}.
#pragma once

#include <nlohmann/json.hpp>

#include "study/execution_check.hpp"

namespace spad {

nlohmann::ordered_json execution_check_json(const ExecutionCheck& check);

}  // namespace spad
