// The human-readable sweep (`spad sweep`): per model, one line per capacity
// with the optimum's traffic beside the compulsory traffic and the lower
// bound (and the baselines with --baselines); with --per-layer a layer x
// capacity matrix of traffic; then the target-ratio and knee answers. Fitted
// to `width` (0: unlimited): wider tables folded, long lines wrapped
// (report/text_table).
#pragma once

#include <cstddef>
#include <string>

#include "study/sweep.hpp"

namespace spad {

std::string format_sweep_table(const SweepResult& result, bool per_layer, std::size_t width = 0);

}  // namespace spad
