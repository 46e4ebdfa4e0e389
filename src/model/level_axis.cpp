// Per-axis input footprint sums under nested tilings (see level_axis.hpp).
#include "model/level_axis.hpp"

#include <algorithm>
#include <numeric>

#include "base/error.hpp"

namespace spad {
namespace {

__extension__ using Wide = __int128;

Wide floor_div_wide(Wide a, Wide b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
Wide ceil_div_wide(Wide a, Wide b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }

Count clamp_to(Wide v, Count lo, Count hi) {
  return static_cast<Count>(std::max<Wide>(lo, std::min<Wide>(hi, v)));
}

// The children of `node` under tile t: full ones are [lo + i*t, lo + (i+1)*t).
Span child(Span node, Count t, Count i) { return Span{node.lo + i * t, node.lo + (i + 1) * t}; }

}  // namespace

void LevelAxis::PairClasses::add(Count a, Count b, Count c) {
  if (c == 0) return;
  for (int i = 0; i < n; ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (first[k] == a && second[k] == b) {
      count[k] = spad::add(count[k], c);
      return;
    }
  }
  SPAD_CHECK(n < kMax, "PairClasses: more distinct sibling pairs than levels allow");
  const auto k = static_cast<std::size_t>(n++);
  first[k] = a;
  second[k] = b;
  count[k] = c;
}

LevelAxis::LevelAxis(const AxisGeometry& g, const DimTiling& out, const DimTiling& ker)
    : g_(g), out_(&out), ker_(&ker) {
  const Count gcd = std::gcd(g.stride, g.dilation);
  class_period_ = g.stride / gcd;
  class_shift_ = g.dilation / gcd;
  const Wide stride = g.stride;
  const Wide reach = static_cast<Wide>(g.kernel - 1) * g.dilation;  // last tap's offset
  const Wide pad = g.pad_lo;
  const Wide in = g.in_extent;
  const Count p = g.out_extent;
  // o is zero below: o*stride + reach - pad < 0; zero from: o*stride - pad >= in.
  zero_below_ = clamp_to(ceil_div_wide(pad - reach, stride), 0, p);
  zero_from_ = clamp_to(ceil_div_wide(in + pad, stride), zero_below_, p);
  // o is interior: o*stride - pad >= 0 and o*stride + reach - pad <= in - 1.
  interior_lo_ = clamp_to(ceil_div_wide(pad, stride), zero_below_, zero_from_);
  interior_hi_ =
      clamp_to(floor_div_wide(in - 1 + pad - reach, stride) + 1, interior_lo_, zero_from_);
}

Count LevelAxis::footprint(Span x, Span k) const {
  return axis_footprint(g_, x.lo, x.hi, k.lo, k.hi);
}

// |{o*stride + k*dilation : 0 <= o < a, 0 <= k < b}|. As in axis_footprint:
// with s' = stride / gcd and d' = dilation / gcd, the first min(b, s') kernel
// offsets each start a progression of their own (a rows), and every later
// offset adds the last min(a, d') rows of the progression s' offsets before it.
Count LevelAxis::unclipped(Count a, Count b) const {
  return add(mul(std::min(b, class_period_), a),
             mul(std::max<Count>(0, b - class_period_), std::min(a, class_shift_)));
}

// Descends the nested tiling from `node` (of level `level`) to level
// `target`: zero nodes are dropped, interior nodes added by size class (a
// whole run of interior children at once), and the nodes that straddle an
// edge of the input listed.
void LevelAxis::collect(Span node, int level, int target, NodeSet& out) const {
  if (zero(node)) return;
  if (interior(node)) {
    out.interior.add_scaled(out_->descendants(node.size(), level, target), 1);
    return;
  }
  if (level == target) {
    out.edge.push_back(node);
    return;
  }
  const Count t = out_->tile(level + 1);
  const Count full = node.size() / t;
  const Wide a = node.lo;
  // Full children: [0, z1) end at or before zero_below_, [z2, full) start at
  // or after zero_from_, [i1, i2) are interior.
  const Count z1 = clamp_to(floor_div_wide(zero_below_ - a, t), 0, full);
  const Count z2 = clamp_to(ceil_div_wide(zero_from_ - a, t), z1, full);
  const Count i1 = clamp_to(ceil_div_wide(interior_lo_ - a, t), z1, z2);
  const Count i2 = clamp_to(floor_div_wide(interior_hi_ - a, t), i1, z2);
  if (i2 > i1) out.interior.add_scaled(out_->descendants(t, level + 1, target), i2 - i1);
  for (Count i = z1; i < i1; ++i) collect(child(node, t, i), level + 1, target, out);
  for (Count i = i2; i < z2; ++i) collect(child(node, t, i), level + 1, target, out);
  if (node.size() % t != 0) collect(Span{node.lo + full * t, node.hi}, level + 1, target, out);
}

const LevelAxis::NodeSet& LevelAxis::output_nodes(int level) const {
  const auto l = static_cast<std::size_t>(level);
  if (!have_nodes_[l]) {
    collect(Span{0, out_->extent()}, 0, level, nodes_[l]);
    have_nodes_[l] = true;
  }
  return nodes_[l];
}

LevelAxis::PairSet LevelAxis::output_pairs(int level) const {
  PairSet out;
  const NodeSet& parents = output_nodes(level - 1);
  const Count t = out_->tile(level);
  const SizeClasses& in = parents.interior;
  for (int i = 0; i < in.n; ++i) {
    const Count s = in.size[static_cast<std::size_t>(i)];
    const Count c = in.count[static_cast<std::size_t>(i)];
    const Count full = s / t;
    if (full >= 2) out.interior.add(t, t, mul(c, full - 1));
    if (full >= 1 && s % t != 0) out.interior.add(t, s % t, c);
  }
  for (const Span node : parents.edge) {
    const Count full = node.size() / t;
    const Wide a = node.lo;
    const Count z1 = clamp_to(floor_div_wide(zero_below_ - a, t), 0, full);
    const Count z2 = clamp_to(ceil_div_wide(zero_from_ - a, t), z1, full);
    const Count i1 = clamp_to(ceil_div_wide(interior_lo_ - a, t), z1, z2);
    const Count i2 = clamp_to(floor_div_wide(interior_hi_ - a, t), i1, z2);
    // Full pair i = (child i, child i + 1), i < full - 1: nothing shared when
    // child i + 1 is zero below (i + 1 < z1) or child i zero above (i >= z2);
    // interior when both children are (i1 <= i and i + 1 < i2).
    const Count from = std::max<Count>(0, z1 - 1);
    const Count to = std::min<Count>(full - 1, z2);
    const Count in_lo = std::min(std::max(from, i1), std::max(from, to));
    const Count in_hi = std::max(in_lo, std::min(to, i2 - 1));
    if (in_hi > in_lo) out.interior.add(t, t, in_hi - in_lo);
    const auto edge_pair = [&](Count i) {
      out.edge.push_back(Pair{child(node, t, i), child(node, t, i + 1)});
    };
    for (Count i = from; i < in_lo; ++i) edge_pair(i);
    for (Count i = in_hi; i < to; ++i) edge_pair(i);
    if (full >= 1 && node.size() % t != 0) {
      const Span x = child(node, t, full - 1);
      const Span y{node.lo + full * t, node.hi};
      if (zero(x) || zero(y)) continue;
      if (interior(Span{x.lo, y.hi})) {
        out.interior.add(t, y.size(), 1);
      } else {
        out.edge.push_back(Pair{x, y});
      }
    }
  }
  return out;
}

const std::vector<Span>& LevelAxis::kernel_nodes(int level) const {
  const auto l = static_cast<std::size_t>(level);
  if (!have_kernel_[l]) {
    ker_->for_each_node(level, [&](Span k) { kernel_[l].push_back(k); });
    have_kernel_[l] = true;
  }
  return kernel_[l];
}

std::vector<LevelAxis::Pair> LevelAxis::kernel_pairs(int level) const {
  std::vector<Pair> out;
  const Count t = ker_->tile(level);
  for (const Span parent : kernel_nodes(level - 1))
    for (Count lo = parent.lo; lo + t < parent.hi; lo += t)
      out.push_back(Pair{Span{lo, lo + t}, Span{lo + t, std::min(parent.hi, lo + 2 * t)}});
  return out;
}

LevelAxis::PairClasses LevelAxis::kernel_pair_classes(int level) const {
  PairClasses out;
  const Count t = ker_->tile(level);
  const SizeClasses& parents = ker_->classes(level - 1);
  for (int i = 0; i < parents.n; ++i) {
    const Count s = parents.size[static_cast<std::size_t>(i)];
    const Count c = parents.count[static_cast<std::size_t>(i)];
    const Count full = s / t;
    if (full >= 2) out.add(t, t, mul(c, full - 1));
    if (full >= 1 && s % t != 0) out.add(t, s % t, c);
  }
  return out;
}

Count LevelAxis::sum(int mu_o, Count lim_o, int mu_k, Count lim_k) const {
  // Limits at or above the largest node select every node: one key for all.
  lim_o = std::min(lim_o, out_->largest(mu_o));
  lim_k = std::min(lim_k, ker_->largest(mu_k));
  const SumKey key{mu_o, mu_k, lim_o, lim_k};
  for (int i = 0; i < memo_size_; ++i)
    if (memo_key_[static_cast<std::size_t>(i)] == key)
      return memo_value_[static_cast<std::size_t>(i)];
  const Count value = compute_sum(mu_o, lim_o, mu_k, lim_k);
  if (memo_size_ < kMemo) {
    memo_key_[static_cast<std::size_t>(memo_size_)] = key;
    memo_value_[static_cast<std::size_t>(memo_size_++)] = value;
  }
  return value;
}

Count LevelAxis::compute_sum(int mu_o, Count lim_o, int mu_k, Count lim_k) const {
  const NodeSet& xs = output_nodes(mu_o);
  const SizeClasses& ks = ker_->classes(mu_k);
  Count total = 0;
  for (int i = 0; i < xs.interior.n; ++i) {
    const Count a = xs.interior.size[static_cast<std::size_t>(i)];
    if (a > lim_o) continue;
    Count inner = 0;
    for (int j = 0; j < ks.n; ++j) {
      const Count b = ks.size[static_cast<std::size_t>(j)];
      if (b <= lim_k)
        inner = add(inner, mul(ks.count[static_cast<std::size_t>(j)], unclipped(a, b)));
    }
    total = add(total, mul(xs.interior.count[static_cast<std::size_t>(i)], inner));
  }
  for (const Span x : xs.edge) {
    if (x.size() > lim_o) continue;
    for (const Span k : kernel_nodes(mu_k))
      if (k.size() <= lim_k) total = add(total, footprint(x, k));
  }
  return total;
}

Count LevelAxis::largest(int lambda_o, int lambda_k) const {
  const NodeSet& xs = output_nodes(lambda_o);
  Count most = 0;
  if (xs.interior.n > 0) most = unclipped(xs.interior.largest(), ker_->classes(lambda_k).largest());
  for (const Span x : xs.edge)
    for (const Span k : kernel_nodes(lambda_k)) most = std::max(most, footprint(x, k));
  return most;
}

Count LevelAxis::output_overlaps(int l, int mu_k, Count lim_k) const {
  const PairSet pairs = output_pairs(l);
  const SizeClasses& ks = ker_->classes(mu_k);
  Count total = 0;
  for (int i = 0; i < pairs.interior.n; ++i) {
    const auto pi = static_cast<std::size_t>(i);
    const Count x = pairs.interior.first[pi], y = pairs.interior.second[pi];
    Count inner = 0;
    for (int j = 0; j < ks.n; ++j) {
      const Count b = ks.size[static_cast<std::size_t>(j)];
      if (b > lim_k) continue;
      const Count shared = unclipped(x, b) + unclipped(y, b) - unclipped(x + y, b);
      inner = add(inner, mul(ks.count[static_cast<std::size_t>(j)], shared));
    }
    total = add(total, mul(pairs.interior.count[pi], inner));
  }
  for (const Pair& p : pairs.edge) {
    const Span both{p.first.lo, p.second.hi};
    for (const Span k : kernel_nodes(mu_k))
      if (k.size() <= lim_k)
        total = add(total, footprint(p.first, k) + footprint(p.second, k) - footprint(both, k));
  }
  return total;
}

Count LevelAxis::kernel_overlaps(int mu_o, Count lim_o, int l) const {
  const NodeSet& xs = output_nodes(mu_o);
  const PairClasses kp = kernel_pair_classes(l);
  Count total = 0;
  for (int i = 0; i < xs.interior.n; ++i) {
    const Count a = xs.interior.size[static_cast<std::size_t>(i)];
    if (a > lim_o) continue;
    Count inner = 0;
    for (int j = 0; j < kp.n; ++j) {
      const auto pj = static_cast<std::size_t>(j);
      const Count k = kp.first[pj], k2 = kp.second[pj];
      const Count shared = unclipped(a, k) + unclipped(a, k2) - unclipped(a, k + k2);
      inner = add(inner, mul(kp.count[pj], shared));
    }
    total = add(total, mul(xs.interior.count[static_cast<std::size_t>(i)], inner));
  }
  bool any_edge = false;
  for (const Span x : xs.edge) any_edge = any_edge || x.size() <= lim_o;
  if (!any_edge) return total;
  const std::vector<Pair> pairs = kernel_pairs(l);
  for (const Span x : xs.edge) {
    if (x.size() > lim_o) continue;
    for (const Pair& p : pairs) {
      const Span both{p.first.lo, p.second.hi};
      total = add(total, footprint(x, p.first) + footprint(x, p.second) - footprint(x, both));
    }
  }
  return total;
}

}  // namespace spad
