// The analytical traffic model: a pure function of (layer, schedule, machine).
// It computes DESIGN.md's traffic rules by formula, one term per array and per
// spatial axis, without replaying the tile loops.
#pragma once

#include "model/machine.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// Validates the schedule and machine against the layer, then counts.
Traffic evaluate(const Layer& layer, const Schedule& schedule, const Machine& machine);

// Compulsory traffic in elements per array: every input element some output
// actually uses (padding excluded), every weight, every output once.
PerTensor<Count> compulsory_elems(const Layer& layer);
Count compulsory_bytes(const Layer& layer, const Precision& precision);

}  // namespace spad
