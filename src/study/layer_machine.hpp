// The machine a network layer is studied on: the study's machine with the
// element sizes the layer states (NetworkLayer::precision, e.g. one integer
// operator of a quantized ONNX model) and those of its kind
// (workload/layer_kind's layer_precision: a matmul's second operand is an
// activation and moves at the input size). On an accelerator the machine
// file's sizes are the hardware's and only the kind's rule applies. Every
// network study costs, searches and bounds each layer on it, and layers of
// one shape but different sizes are searched apart.
#pragma once

#include "model/accelerator.hpp"
#include "model/machine.hpp"
#include "model/memory_levels.hpp"
#include "workload/layer_kind.hpp"
#include "workload/network.hpp"

namespace spad {

inline Machine layer_machine(Machine machine, const NetworkLayer& layer) {
  machine.precision = layer_precision(machine.precision, layer);
  return machine;
}

inline MemoryLevels layer_machine(MemoryLevels machine, const NetworkLayer& layer) {
  machine.precision = layer_precision(machine.precision, layer);
  return machine;
}

// On an accelerator: the machine file's sizes with the kind's rule only.
inline Machine kind_machine(Machine machine, LayerKind kind) {
  machine.precision = layer_precision(machine.precision, kind);
  return machine;
}

inline Accelerator layer_machine(Accelerator accel, LayerKind kind) {
  accel.machine = kind_machine(accel.machine, kind);
  return accel;
}

}  // namespace spad
