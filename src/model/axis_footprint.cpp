// Closed-form per-axis footprint counts.
//
// For a fixed kernel offset j the touched positions form an arithmetic
// progression of a = o1-o0 values with step `stride`. Two offsets j and j'
// land in the same residue class mod stride iff (j-j')*dilation ≡ 0, i.e.
// j-j' is a multiple of s' = stride/gcd(stride,dilation); progression j is
// then progression j-s' shifted by d' = dilation/gcd positions of the class.
// So offset j adds the last min(a, d') positions of its progression when
// j >= s' (all a positions otherwise); each part is clipped to [0, in_extent).
#include "model/axis_footprint.hpp"

#include <algorithm>
#include <numeric>

#include "base/error.hpp"
#include "workload/layer.hpp"

namespace spad {
namespace {

Count floor_div(Count a, Count b) {  // b > 0
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// Count of k in [lo, hi) with 0 <= base + k*step < limit (step > 0).
Count progression_in_bounds(Count base, Count step, Count lo, Count hi, Count limit) {
  const Count first = std::max(lo, floor_div(-base + step - 1, step));  // ceil(-base/step)
  const Count last = std::min(hi - 1, floor_div(limit - 1 - base, step));
  return last >= first ? last - first + 1 : 0;
}

}  // namespace

AxisGeometry height_axis(const Layer& layer) {
  const LayerSpec& s = layer.spec();
  return {layer.P(), s.R, s.stride_h, s.dilation_h, s.pad_top, s.H};
}

AxisGeometry width_axis(const Layer& layer) {
  const LayerSpec& s = layer.spec();
  return {layer.Q(), s.S, s.stride_w, s.dilation_w, s.pad_left, s.W};
}

Count axis_footprint(const AxisGeometry& g, Count o0, Count o1, Count k0, Count k1) {
  const Count a = o1 - o0;
  const Count b = k1 - k0;
  if (a <= 0 || b <= 0) return 0;
  const Count gcd = std::gcd(g.stride, g.dilation);
  const Count class_period = g.stride / gcd;   // s'
  const Count class_shift = g.dilation / gcd;  // d'
  const Count new_from = std::max<Count>(0, a - class_shift);
  Count total = 0;
  for (Count j = 0; j < b; ++j) {
    const Count base = o0 * g.stride + (k0 + j) * g.dilation - g.pad_lo;
    const Count lo = j < class_period ? 0 : new_from;
    total += progression_in_bounds(base, g.stride, lo, a, g.in_extent);
  }
  return total;
}

namespace {

struct Range {
  Count begin, end;
};

// The tile ranges a loop steps through: one whole range when untiled.
template <class F>
void for_each_tile(Count extent, Count tile, bool tiled, F&& f) {
  if (!tiled) {
    f(Range{0, extent});
    return;
  }
  for (Count b = 0; b < extent; b += tile) f(Range{b, std::min(extent, b + tile)});
}

}  // namespace

AxisTerm axis_term(const AxisGeometry& g, Count t_out, bool out_tiled, Count t_ker, bool ker_tiled,
                   HaloAlong halo) {
  SPAD_CHECK(t_out >= 1 && t_out <= g.out_extent && t_ker >= 1 && t_ker <= g.kernel,
             "axis_term: tile out of range");
  AxisTerm term;
  // Largest footprint over positions (independent of halo).
  for_each_tile(g.out_extent, t_out, out_tiled, [&](Range o) {
    for_each_tile(g.kernel, t_ker, ker_tiled, [&](Range k) {
      term.max = std::max(term.max, axis_footprint(g, o.begin, o.end, k.begin, k.end));
    });
  });

  if (halo == HaloAlong::output) {
    // For each kernel position: the first output tile whole, then each next
    // tile only what the union with its predecessor adds.
    for_each_tile(g.kernel, t_ker, ker_tiled, [&](Range k) {
      Count prev_begin = -1, prev_footprint = 0;
      for_each_tile(g.out_extent, t_out, out_tiled, [&](Range o) {
        const Count here = axis_footprint(g, o.begin, o.end, k.begin, k.end);
        if (prev_begin < 0) {
          term.sum += here;
        } else {
          term.sum += axis_footprint(g, prev_begin, o.end, k.begin, k.end) - prev_footprint;
        }
        prev_begin = o.begin;
        prev_footprint = here;
      });
    });
  } else if (halo == HaloAlong::kernel) {
    for_each_tile(g.out_extent, t_out, out_tiled, [&](Range o) {
      Count prev_begin = -1, prev_footprint = 0;
      for_each_tile(g.kernel, t_ker, ker_tiled, [&](Range k) {
        const Count here = axis_footprint(g, o.begin, o.end, k.begin, k.end);
        if (prev_begin < 0) {
          term.sum += here;
        } else {
          term.sum += axis_footprint(g, o.begin, o.end, prev_begin, k.end) - prev_footprint;
        }
        prev_begin = k.begin;
        prev_footprint = here;
      });
    });
  } else {
    for_each_tile(g.out_extent, t_out, out_tiled, [&](Range o) {
      for_each_tile(g.kernel, t_ker, ker_tiled, [&](Range k) {
        term.sum += axis_footprint(g, o.begin, o.end, k.begin, k.end);
      });
    });
  }
  return term;
}

}  // namespace spad
