// `spad optimize --model NAME|FILE`: the best schedule of every conv and fc
// layer of a network (or the --layers subset), printed as a table
// (report/network_table), the Network result JSON (io/json/network_result_json) or
// CSV (io/csv/network_result_csv). Layers that do not fit are reported with the
// others; then the command fails with exit code 2 and lists them on stderr.
#pragma once

#include "cli/optimize_flags.hpp"

namespace spad::cli {

// Returns the exit code.
int run_optimize_network(const OptimizeFlags& flags);

}  // namespace spad::cli
