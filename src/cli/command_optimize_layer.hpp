// `spad optimize --layer L`: the best schedule of one layer, printed as the
// human report (report/optimize_report) or, with --json, as the Result JSON
// (io/json/optimize_result_json) with "search": {..., "threads", "seconds"} added.
// A capacity below the layer's minimum is a UserError (exit code 2) that names
// the layer, the capacity asked and the minimum.
#pragma once

#include "cli/optimize_flags.hpp"

namespace spad::cli {

// Returns the exit code.
int run_optimize_layer(const OptimizeFlags& flags);

}  // namespace spad::cli
