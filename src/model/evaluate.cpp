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

#include "model/evaluator.hpp"
#include "model/model_core.hpp"

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

namespace {
// Tables beyond this many (output extent x kernel) pairs per axis are not built.
constexpr Count kMaxTablePairs = Count{1} << 18;
// Trip-count tables only for loops up to this extent.
constexpr Count kMaxTripTable = Count{1} << 16;

std::optional<AxisTable> table_for(const AxisGeometry& g) {
  if (g.out_extent * g.kernel > kMaxTablePairs) return std::nullopt;
  return AxisTable(g);
}
}  // namespace

Evaluator::Evaluator(Layer layer, Machine machine)
    : layer_(std::move(layer)), machine_(std::move(machine)) {
  validate(machine_);
  rows_ = table_for(height_axis(layer_));
  cols_ = table_for(width_axis(layer_));
  compulsory_bytes_ = compulsory_bytes(layer_, machine_.precision);
  for (Dim d : kAllDims) {
    const Count extent = layer_.bound(d);
    if (extent > kMaxTripTable) continue;
    std::vector<Count>& trips = trips_[index(d)];
    trips.resize(static_cast<std::size_t>(extent) + 1);
    for (Count t = 1; t <= extent; ++t) trips[static_cast<std::size_t>(t)] = ceil_div(extent, t);
  }
}

Traffic Evaluator::evaluate(const Schedule& schedule) const {
  validate(schedule, layer_);
  return evaluate_trusted(schedule);
}

Traffic Evaluator::evaluate_trusted(const Schedule& schedule) const {
  const AxisSource rows{rows_ ? &*rows_ : nullptr, height_axis(layer_)};
  const AxisSource cols{cols_ ? &*cols_ : nullptr, width_axis(layer_)};
  PerDim<Count> trips;
  for (Dim d : kAllDims) {
    const std::vector<Count>& table = trips_[index(d)];
    trips[d] = table.empty() ? ceil_div(layer_.bound(d), schedule.tiles[d])
                             : table[static_cast<std::size_t>(schedule.tiles[d])];
  }
  return count_traffic(layer_, schedule, trips, machine_, rows, cols, compulsory_bytes_);
}

AxisTerm Evaluator::height_term(Count t_p, bool p_tiled, Count t_r, bool r_tiled,
                                HaloAlong halo) const {
  return rows_ ? rows_->term(t_p, p_tiled, t_r, r_tiled, halo)
               : axis_term(height_axis(layer_), t_p, p_tiled, t_r, r_tiled, halo);
}

AxisTerm Evaluator::width_term(Count t_q, bool q_tiled, Count t_s, bool s_tiled,
                               HaloAlong halo) const {
  return cols_ ? cols_->term(t_q, q_tiled, t_s, s_tiled, halo)
               : axis_term(width_axis(layer_), t_q, q_tiled, t_s, s_tiled, halo);
}

}  // namespace spad
