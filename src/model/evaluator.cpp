// Evaluator: the analytical model bound to one layer and machine, with the
// per-axis input terms (model/axis_table) and trip counts precomputed; the
// counting itself is model/count_traffic's, shared with evaluate().
#include "model/evaluator.hpp"

#include "model/count_traffic.hpp"
#include "model/evaluate.hpp"

namespace spad {

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
