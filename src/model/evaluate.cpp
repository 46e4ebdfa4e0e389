// DESIGN.md's traffic rules, by formula.
//
// For array A, the loops outside its buffer are those at positions >= k_A.
// j*_A is the innermost of them that indexes A and has T > 1 (none: the
// buffer is filled once). Then
//   fills_A = Π T_d over loops at or outside j*_A
//   W reads = V_W |W|,   V_W = Π T over n, p, q at or outside j*_W
//   O writes = V_O |O|, O reads = (V_O - 1) |O|,  V_O = Π T over c, r, s at or outside j*_O
//   I reads = V_I * N * C * H_term * W_term,  V_I = T_m if m at or outside j*_I
// where H_term / W_term sum the per-axis footprints over tile positions
// (sums over n, g, c tiles telescope to N, G, C/G).
#include "model/evaluate.hpp"

#include "model/count_traffic.hpp"

namespace spad {

PerTensor<Count> compulsory_elems(const Layer& layer) {
  const LayerSpec& spec = layer.spec();
  const AxisGeometry h = height_axis(layer), w = width_axis(layer);
  PerTensor<Count> e;
  e[Tensor::I] = mul(mul(mul(spec.N, spec.C), axis_footprint(h, 0, h.out_extent, 0, h.kernel)),
                     axis_footprint(w, 0, w.out_extent, 0, w.kernel));
  e[Tensor::W] = layer.size(Tensor::W);
  e[Tensor::O] = layer.size(Tensor::O);
  return e;
}

Count compulsory_bytes(const Layer& layer, const Precision& precision) {
  const PerTensor<Count> e = compulsory_elems(layer);
  return add(add(mul(e[Tensor::I], precision.input), mul(e[Tensor::W], precision.weight)),
             mul(e[Tensor::O], precision.output));
}

Traffic evaluate(const Layer& layer, const Schedule& schedule, const Machine& machine) {
  validate(schedule, layer);
  validate(machine);
  const AxisSource rows{nullptr, height_axis(layer)};
  const AxisSource cols{nullptr, width_axis(layer)};
  return count_traffic(layer, schedule, trip_counts(schedule, layer), machine, rows, cols,
                       compulsory_bytes(layer, machine.precision));
}

}  // namespace spad
