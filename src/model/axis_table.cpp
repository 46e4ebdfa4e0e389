// Eager precomputation of every per-axis term of a layer.
#include "model/axis_table.hpp"

#include "base/error.hpp"

namespace spad {

AxisTable::AxisTable(const AxisGeometry& g) : geometry_(g) {
  const std::size_t pairs =
      static_cast<std::size_t>(g.out_extent) * static_cast<std::size_t>(g.kernel);
  terms_.resize(pairs * kModes);
  for (HaloAlong halo : {HaloAlong::none, HaloAlong::output, HaloAlong::kernel}) {
    for (bool out_tiled : {false, true}) {
      for (bool ker_tiled : {false, true}) {
        // An untiled loop covers its whole range whatever its tile: compute
        // such terms once and share them across that loop's tile sizes.
        for (Count t_out = 1; t_out <= g.out_extent; ++t_out) {
          for (Count t_ker = 1; t_ker <= g.kernel; ++t_ker) {
            const bool repeat_out = !out_tiled && t_out > 1;
            const bool repeat_ker = !ker_tiled && t_ker > 1;
            AxisTerm& dst = terms_[slot(t_out, out_tiled, t_ker, ker_tiled, halo)];
            if (repeat_out || repeat_ker) {
              dst = terms_[slot(repeat_out ? 1 : t_out, out_tiled, repeat_ker ? 1 : t_ker,
                                ker_tiled, halo)];
            } else {
              dst = axis_term(g, t_out, out_tiled, t_ker, ker_tiled, halo);
            }
          }
        }
      }
    }
  }
}

std::size_t AxisTable::slot(Count t_out, bool out_tiled, Count t_ker, bool ker_tiled,
                            HaloAlong halo) const {
  SPAD_CHECK(t_out >= 1 && t_out <= geometry_.out_extent && t_ker >= 1 && t_ker <= geometry_.kernel,
             "AxisTable: tile out of range");
  const std::size_t pair =
      static_cast<std::size_t>(t_out - 1) * static_cast<std::size_t>(geometry_.kernel) +
      static_cast<std::size_t>(t_ker - 1);
  const std::size_t mode =
      (out_tiled ? 6u : 0u) + (ker_tiled ? 3u : 0u) + static_cast<std::size_t>(halo);
  return pair * kModes + mode;
}

}  // namespace spad
