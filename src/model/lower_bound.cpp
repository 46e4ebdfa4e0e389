// The lower bound: per-axis reuse counts, the pebble bound in exact integer
// arithmetic, and the conversion to bytes (derivation: docs/lower-bound.md).
#include "model/lower_bound.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "base/error.hpp"
#include "model/axis_footprint.hpp"
#include "model/evaluate.hpp"

namespace spad {
namespace {

struct AxisReuse {
  Count pairs = 0;      // (output, kernel) pairs whose input position is in bounds
  Count max_reuse = 0;  // most pairs that read one input position
};

// Number of o in [0, out_extent) with 0 <= o*stride + base < in_extent.
Count outputs_in_bounds(const AxisGeometry& g, Count base) {
  // o >= ceil(-base / stride) and o <= floor((in_extent - 1 - base) / stride).
  const auto floor_div = [](Count a, Count b) { return a >= 0 ? a / b : -((-a + b - 1) / b); };
  const Count lo = std::max<Count>(0, -floor_div(base, g.stride));
  const Count hi = std::min(g.out_extent - 1, floor_div(g.in_extent - 1 - base, g.stride));
  return hi >= lo ? hi - lo + 1 : 0;
}

// Pairs (o, k) reading input position h: at most one o per k, so
// #{k : x = h + pad_lo - k*dilation >= 0, x % stride == 0, x / stride < out_extent}.
Count reuse_at(const AxisGeometry& g, Count h) {
  Count reuse = 0;
  for (Count k = 0; k < g.kernel; ++k) {
    const Count x = h + g.pad_lo - k * g.dilation;
    reuse += x >= 0 && x % g.stride == 0 && x / g.stride < g.out_extent;
  }
  return reuse;
}

AxisReuse axis_reuse(const AxisGeometry& g) {
  AxisReuse a;
  for (Count k = 0; k < g.kernel; ++k)
    a.pairs = add(a.pairs, outputs_in_bounds(g, k * g.dilation - g.pad_lo));
  if (a.pairs == 0) return a;
  // The positions one h can take, h + pad_lo - k*dilation, span
  // (kernel-1)*dilation < stride: at most one is a multiple of stride.
  const Count kernel_extent = (g.kernel - 1) * g.dilation;
  if (kernel_extent < g.stride) {
    a.max_reuse = 1;
    return a;
  }
  // Otherwise stride <= kernel_extent. Where every k gives an x in
  // [0, (out_extent-1)*stride] (the interior: kernel_extent - pad_lo <= h <=
  // (out_extent-1)*stride - pad_lo), reuse_at(h) depends on h mod stride
  // only; below it lie fewer than kernel_extent positions, above it fewer
  // than kernel_extent + stride (out_extent = (padded - kernel_extent - 1) /
  // stride + 1). So the first kernel_extent + stride positions (the low edge
  // and one whole period of the interior) and the last kernel_extent +
  // stride (the high edge) hold every value reuse_at takes.
  const Count edge = kernel_extent + g.stride;
  const auto scan = [&](Count from, Count to) {
    for (Count h = from; h < to && a.max_reuse < g.kernel; ++h)
      a.max_reuse = std::max(a.max_reuse, reuse_at(g, h));
  };
  scan(0, std::min(g.in_extent, edge));
  scan(std::max(std::min(g.in_extent, edge), g.in_extent - edge), g.in_extent);
  return a;
}

__extension__ typedef unsigned __int128 U128;

// floor(sqrt(x)).
U128 isqrt(U128 x) {
  U128 r = static_cast<U128>(std::sqrt(static_cast<long double>(x)));
  while (r > 0 && r * r > x) --r;
  while ((r + 1) * (r + 1) <= x) ++r;
  return r;
}

}  // namespace

Count max_input_reuse(const Layer& layer) {
  return mul(axis_reuse(height_axis(layer)).max_reuse, axis_reuse(width_axis(layer)).max_reuse);
}

Count effective_macs(const Layer& layer) {
  const LayerSpec& s = layer.spec();
  const Count per_pixel = mul(mul(s.N, s.M), s.C / s.groups);
  return mul(mul(per_pixel, axis_reuse(height_axis(layer)).pairs),
             axis_reuse(width_axis(layer)).pairs);
}

Count pebble_elems(const Layer& layer, Count fast_elems) {
  SPAD_CHECK(fast_elems >= 1, "pebble bound needs a fast memory of at least one element");
  const Count macs = effective_macs(layer);
  if (macs == 0) return 0;
  const Count reuse = max_input_reuse(layer);  // >= 1: some MAC reads data
  // q = floor(2M / sqrt(R S)) is the largest integer with q^2 <= 4M^2 / (R S),
  // i.e. q = isqrt(floor(4M^2 / (R S))). M < 2^56 (layer validation), so
  // 4M^2 < 2^114 and R*S < 2^126 fit in 128 bits.
  const U128 m = static_cast<U128>(macs);
  const U128 q = isqrt((4 * m * m) / (static_cast<U128>(reuse) * static_cast<U128>(fast_elems)));
  SPAD_CHECK(q <= 2 * m, "pebble bound above 2 * MACs");
  return static_cast<Count>(q);
}

LowerBound lower_bound(const Layer& layer, const Precision& precision, Count capacity_bytes) {
  validate(precision);
  if (capacity_bytes <= 0)
    throw UserError("scratchpad capacity = " + std::to_string(capacity_bytes) +
                    " bytes: must be positive");
  const Count elem =
      std::min({precision.input, precision.weight, precision.output, precision.psum});
  LowerBound b;
  b.compulsory_bytes = compulsory_bytes(layer, precision);
  b.pebble_bytes = mul(pebble_elems(layer, std::max<Count>(1, capacity_bytes / elem)), elem);
  b.bound_bytes = std::max(b.compulsory_bytes, b.pebble_bytes);
  return b;
}

}  // namespace spad
