// The machine a network layer is studied on: the study's machine with the
// element sizes of the layer's kind (workload/layer_kind's layer_precision: a
// matmul's second operand is an activation and moves at the input size).
// Every network study costs, searches and bounds each layer on it, and
// layers of one shape but different sizes are searched apart.
#pragma once

#include "model/accelerator.hpp"
#include "model/machine.hpp"
#include "model/memory_levels.hpp"
#include "workload/layer_kind.hpp"

namespace spad {

inline Machine layer_machine(Machine machine, LayerKind kind) {
  machine.precision = layer_precision(machine.precision, kind);
  return machine;
}

inline MemoryLevels layer_machine(MemoryLevels machine, LayerKind kind) {
  machine.precision = layer_precision(machine.precision, kind);
  return machine;
}

inline Accelerator layer_machine(Accelerator accel, LayerKind kind) {
  accel.machine = layer_machine(accel.machine, kind);
  return accel;
}

}  // namespace spad
