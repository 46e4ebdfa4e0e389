// Validation and small queries on a schedule.
#include "schedule/schedule.hpp"

#include <string>

#include "base/error.hpp"
#include "workload/layer.hpp"

namespace spad {

void validate(const Schedule& s, const Layer& layer) {
  std::array<int, kNumDims> seen{};
  for (Dim d : s.order) {
    const auto i = index(d);
    if (i >= kNumDims) throw UserError("schedule: order holds an invalid dimension");
    if (seen[i]++ != 0)
      throw UserError("schedule: order lists '" + std::string(dim_name(d)) +
                      "' twice; it must be a permutation of n g m c p q r s");
  }
  for (Dim d : kAllDims) {
    const Count t = s.tiles[d];
    const Count bound = layer.bound(d);
    if (t < 1 || t > bound)
      throw UserError("schedule: tiles." + std::string(dim_name(d)) + " = " + std::to_string(t) +
                      ": must be in 1.." + std::to_string(bound) + " (the layer's " +
                      std::string(dim_name(d)) + " extent)");
  }
  for (Tensor t : kAllTensors) {
    const int k = s.buffer_span[t];
    if (k < 0 || k > static_cast<int>(kNumDims))
      throw UserError("schedule: buffer_span." + std::string(tensor_name(t)) + " = " +
                      std::to_string(k) +
                      ": must be in 0..8 (number of innermost loops inside "
                      "the buffer)");
  }
}

int loop_position(const Schedule& s, Dim d) {
  for (int i = 0; i < static_cast<int>(kNumDims); ++i)
    if (s.order[i] == d) return i;
  throw InternalError("loop_position: dimension missing from order");
}

PerDim<Count> trip_counts(const Schedule& s, const Layer& layer) {
  PerDim<Count> T;
  for (Dim d : kAllDims) T[d] = ceil_div(layer.bound(d), s.tiles[d]);
  return T;
}

}  // namespace spad
