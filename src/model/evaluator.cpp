// Evaluator: the analytical model bound to one layer and machine, with the
// per-axis input terms (model/axis_table) and trip counts precomputed; the
// counting itself is model/count_traffic's, shared with evaluate().
#include "model/evaluator.hpp"

#include <deque>
#include <memory>
#include <mutex>

#include "model/count_traffic.hpp"
#include "model/evaluate.hpp"

namespace spad {

namespace {
// Tables beyond this many (output extent x kernel) pairs per axis are not
// built (16 B x 12 modes per pair: 50 MB at the limit); the search takes no
// layer beyond it (search/search_limits: kMaxSearchAxisPairs), since without
// a table every model call walks the tiles (R^2 footprints for 1-tap tiles).
constexpr Count kMaxTablePairs = Count{1} << 18;
// Trip-count tables only for loops up to this extent.
constexpr Count kMaxTripTable = Count{1} << 16;

bool same_geometry(const AxisGeometry& a, const AxisGeometry& b) {
  return a.out_extent == b.out_extent && a.kernel == b.kernel && a.stride == b.stride &&
         a.dilation == b.dilation && a.pad_lo == b.pad_lo && a.in_extent == b.in_extent;
}

// The table of an axis, shared by the searches of one layer: compare and
// sweep search a layer again and again (capacities, baselines), and a table
// depends on the axis alone. The last few tables are kept (a pure function
// of the geometry: the same answer whichever thread built it).
std::shared_ptr<const AxisTable> table_for(const AxisGeometry& g) {
  if (g.out_extent * g.kernel > kMaxTablePairs) return nullptr;
  constexpr std::size_t kKept = 4;
  static std::mutex mutex;
  static std::deque<std::shared_ptr<const AxisTable>> kept;  // most recent first
  {
    const std::lock_guard<std::mutex> lock(mutex);
    for (auto it = kept.begin(); it != kept.end(); ++it)
      if (same_geometry((*it)->geometry(), g)) {
        std::shared_ptr<const AxisTable> found = *it;
        kept.erase(it);
        kept.push_front(found);
        return found;
      }
  }
  auto built = std::make_shared<const AxisTable>(g);
  const std::lock_guard<std::mutex> lock(mutex);
  kept.push_front(built);
  if (kept.size() > kKept) kept.pop_back();
  return built;
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
  const AxisSource rows{rows_.get(), height_axis(layer_)};
  const AxisSource cols{cols_.get(), width_axis(layer_)};
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
