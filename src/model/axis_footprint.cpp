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

Count ceil_div_signed(Count a, Count b) { return -floor_div(-a, b); }  // b > 0, any sign of a

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
  const Count c = o0 * g.stride + k0 * g.dilation - g.pad_lo;  // base of offset j: c + j*dilation
  const auto part = [&](Count j, Count lo) {
    return progression_in_bounds(c + j * g.dilation, g.stride, lo, a, g.in_extent);
  };
  Count total = 0;
  const Count first_part = std::min(b, class_period);
  for (Count j = 0; j < first_part; ++j) total += part(j, 0);
  if (first_part == b) return total;
  // Offsets j >= s' each add positions new_from..a-1 of their progression,
  // the rows [c + j*dilation + new_from*stride, c + j*dilation + (a-1)*stride]:
  // a window of length (a-1-new_from)*stride <= (d'-1)*stride that moves by
  // dilation per offset. Offsets whose window lies inside [0, in_extent) add
  // a - new_from each; those wholly outside add 0; only the fewer than
  // s' + 1 offsets whose window straddles each end are counted one by one.
  const Count lo_row = new_from * g.stride, hi_row = (a - 1) * g.stride;
  const Count from = class_period, to = b - 1;  // offsets [from, to]
  // Window inside: c + j*d + lo_row >= 0 and c + j*d + hi_row <= in - 1.
  const Count inside_lo = std::max(from, ceil_div_signed(-c - lo_row, g.dilation));
  const Count inside_hi = std::min(to, floor_div(g.in_extent - 1 - c - hi_row, g.dilation));
  // Window touching [0, in_extent): c + j*d + hi_row >= 0 and c + j*d + lo_row <= in - 1.
  const Count touch_lo = std::max(from, ceil_div_signed(-c - hi_row, g.dilation));
  const Count touch_hi = std::min(to, floor_div(g.in_extent - 1 - c - lo_row, g.dilation));
  if (touch_lo > touch_hi) return total;
  if (inside_lo > inside_hi) {  // no offset wholly inside: every touching one counted
    for (Count j = touch_lo; j <= touch_hi; ++j) total += part(j, new_from);
    return total;
  }
  for (Count j = touch_lo; j < inside_lo; ++j) total += part(j, new_from);
  total += (inside_hi - inside_lo + 1) * (a - new_from);
  for (Count j = inside_hi + 1; j <= touch_hi; ++j) total += part(j, new_from);
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

__extension__ using Wide = __int128;

// ceil(a / b) for b > 0, any sign of a.
Wide ceil_div_wide(Wide a, Wide b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }
Wide floor_div_wide(Wide a, Wide b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

Count clamp_index(Wide v, Count lo, Count hi) {
  return static_cast<Count>(std::max<Wide>(lo, std::min<Wide>(hi, v)));
}

// The classes of full output tiles i (rows [i*t, (i+1)*t)) taken with the
// whole kernel range [0, kernel): their input rows lie in
// [i*t*stride - pad_lo, i*t*stride - pad_lo + span], span = (t-1)*stride +
// (kernel-1)*dilation, so every tile shifts the interval by t*stride.
//  - zero: i < zero_below (all rows above the input: the top padding) or
//    i >= zero_from (all rows below it): no tile of any kernel range there
//    touches an input row;
//  - interior: i in [interior_lo, interior_hi): every row in bounds, so the
//    count of any kernel range and any union of neighbouring tiles is the
//    same as for every other interior tile (no clipping).
// Every other full tile straddles an edge of the input: at most
// 2 * (span / (t*stride) + 1) of them.
struct TileClasses {
  Count zero_below = 0, zero_from = 0, interior_lo = 0, interior_hi = 0;
};

TileClasses classify_full_tiles(const AxisGeometry& g, Count t, Count full_tiles) {
  const Wide step = static_cast<Wide>(t) * g.stride;
  const Wide first = -static_cast<Wide>(g.pad_lo);  // lowest row of tile 0
  const Wide span =
      static_cast<Wide>(t - 1) * g.stride + static_cast<Wide>(g.kernel - 1) * g.dilation;
  TileClasses c;
  // last row < 0  <=>  i*step + first + span < 0
  c.zero_below = clamp_index(ceil_div_wide(-(first + span), step), 0, full_tiles);
  // first row >= in_extent  <=>  i*step + first >= in_extent
  c.zero_from = clamp_index(ceil_div_wide(g.in_extent - first, step), c.zero_below, full_tiles);
  c.interior_lo = clamp_index(ceil_div_wide(-first, step), c.zero_below, c.zero_from);
  c.interior_hi = clamp_index(floor_div_wide(g.in_extent - 1 - first - span, step) + 1,
                              c.interior_lo, c.zero_from);
  return c;
}

// Adds value(i) for i in [lo, hi) to term: one by one, except that
// [same_lo, same_hi) (inside [lo, hi)) holds one value, computed once.
template <class F>
void add_values(Count lo, Count hi, Count same_lo, Count same_hi, F&& value, AxisTerm& term) {
  same_lo = std::clamp(same_lo, lo, hi);
  same_hi = std::clamp(same_hi, same_lo, hi);
  const auto one = [&](Count i) {
    const AxisTerm v = value(i);
    term.sum = add(term.sum, v.sum);
    term.max = std::max(term.max, v.max);
  };
  for (Count i = lo; i < same_lo; ++i) one(i);
  if (same_hi > same_lo) {
    const AxisTerm v = value(same_lo);
    term.sum = add(term.sum, mul(v.sum, same_hi - same_lo));
    term.max = std::max(term.max, v.max);
  }
  for (Count i = same_hi; i < hi; ++i) one(i);
}

// The kernel loop for one output range: Σ over kernel tiles of the rows
// loaded (with halo along the kernel: the first tile whole, then what each
// tile adds to its predecessor) and the largest footprint.
AxisTerm kernel_pass(const AxisGeometry& g, Range o, Count t_ker, bool ker_tiled, bool halo) {
  AxisTerm term;
  Count prev_begin = -1, prev_footprint = 0;
  for_each_tile(g.kernel, t_ker, ker_tiled, [&](Range k) {
    const Count here = axis_footprint(g, o.begin, o.end, k.begin, k.end);
    term.max = std::max(term.max, here);
    if (!halo || prev_begin < 0) {
      term.sum += here;
    } else {
      term.sum += axis_footprint(g, o.begin, o.end, prev_begin, k.end) - prev_footprint;
    }
    prev_begin = k.begin;
    prev_footprint = here;
  });
  return term;
}

// With halo along the output loop, what output tile `o` adds to the one
// before it (`prev`), summed over the kernel tiles.
AxisTerm output_step(const AxisGeometry& g, Range prev, Range o, Count t_ker, bool ker_tiled) {
  AxisTerm term;
  for_each_tile(g.kernel, t_ker, ker_tiled, [&](Range k) {
    term.sum += axis_footprint(g, prev.begin, o.end, k.begin, k.end) -
                axis_footprint(g, prev.begin, prev.end, k.begin, k.end);
  });
  return term;
}

}  // namespace

// The output loop has up to P tiles; the terms are constant over the interior
// tiles and zero over tiles wholly in the padding (classify_full_tiles), so
// only the tiles at the edges of the input, the first and the last, partial
// one are counted one by one: the work does not grow with the output extent.
AxisTerm axis_term(const AxisGeometry& g, Count t_out, bool out_tiled, Count t_ker, bool ker_tiled,
                   HaloAlong halo) {
  SPAD_CHECK(t_out >= 1 && t_out <= g.out_extent && t_ker >= 1 && t_ker <= g.kernel,
             "axis_term: tile out of range");
  const Range whole{0, g.out_extent};
  if (!out_tiled) return kernel_pass(g, whole, t_ker, ker_tiled, halo == HaloAlong::kernel);

  const Count full = g.out_extent / t_out;  // tiles [i*t, (i+1)*t)
  const bool partial = g.out_extent % t_out != 0;
  const auto tile = [&](Count i) {
    return Range{i * t_out, std::min(g.out_extent, (i + 1) * t_out)};
  };
  const TileClasses c = classify_full_tiles(g, t_out, full);
  const auto plain = [&](Count i) {
    return kernel_pass(g, tile(i), t_ker, ker_tiled, halo == HaloAlong::kernel);
  };

  // Sums without halo along the output loop, and the largest footprint.
  AxisTerm term;
  add_values(c.zero_below, c.zero_from, c.interior_lo, c.interior_hi, plain, term);
  if (partial) {
    const AxisTerm last = plain(full);
    term.sum = add(term.sum, last.sum);
    term.max = std::max(term.max, last.max);
  }
  if (halo != HaloAlong::output) return term;

  // With halo along the output loop: tile 0 whole, then each tile i >= 1
  // only the rows its predecessor did not hold. Step i is zero where tile i
  // is all padding and constant where tiles i-1 and i are both interior.
  AxisTerm halo_term;
  halo_term.max = term.max;
  const AxisTerm first = plain(0);
  halo_term.sum = first.sum;
  const auto step = [&](Count i) { return output_step(g, tile(i - 1), tile(i), t_ker, ker_tiled); };
  add_values(std::max<Count>(1, c.zero_below), std::max<Count>(1, c.zero_from), c.interior_lo + 1,
             c.interior_hi, step, halo_term);
  if (partial && full >= 1) halo_term.sum = add(halo_term.sum, step(full).sum);
  return halo_term;
}

}  // namespace spad
