// Candidate tiles per group, with dominance filtering on spatial axes.
//
// Within one loop structure, the tiles (t_o, t_k) of a spatial axis's output
// loop o (p or q) and kernel loop k (r or s) reach the cost only through:
//   the axis term's sum (I reads) and max (I buffer), computed by the model;
//   T_o and T_k (reload factors of W resp. O, and every fill count);
//   t_o if o is outside O's buffer (O buffer extent);
//   t_k if k is outside W's buffer (W buffer extent).
//   and, for the latency and energy objectives, the lane steps F_o and F_k
//   (compute cycles, W operand reads; model/accel_cost).
// Traffic, buffer bytes, fills, latency and energy are each non-decreasing
// in every one of these values, so a candidate whose values are all >=
// another's is never strictly better and is dropped (of equal ones, the first
// is kept).
#include "search/tile_groups.hpp"

#include <algorithm>

#include "model/accel_cost.hpp"
#include "search/tile_candidates.hpp"

namespace spad {
namespace {

struct Profiled {
  std::array<Count, 2> tiles;
  std::array<Count, 8> values;  // unused entries stay 0
};

bool dominates(const Profiled& a, const Profiled& b) {
  for (std::size_t i = 0; i < a.values.size(); ++i)
    if (a.values[i] > b.values[i]) return false;
  return true;
}

HaloAlong halo_along(const LoopTemplate& tpl, Dim out, Dim ker) {
  if (tpl.halo_dim == static_cast<int>(index(out))) return HaloAlong::output;
  if (tpl.halo_dim == static_cast<int>(index(ker))) return HaloAlong::kernel;
  return HaloAlong::none;
}

// Keeps the candidates no other candidate dominates, in their given order.
std::vector<Profiled> undominated(std::vector<Profiled> all) {
  // After sorting by all values, a candidate can only be dominated by (or
  // equal to) one before it.
  std::stable_sort(all.begin(), all.end(),
                   [](const Profiled& a, const Profiled& b) { return a.values < b.values; });
  std::vector<Profiled> kept;
  for (const Profiled& c : all) {
    bool dropped = false;
    for (const Profiled& k : kept)
      if (dominates(k, c)) {
        dropped = true;
        break;
      }
    if (!dropped) kept.push_back(c);
  }
  return kept;
}

// `steps[i]`: the lane steps of candidate i per loop (empty without a MAC
// array).
RangeSummary summarize(TileGroup& g, const std::vector<std::array<Count, 2>>& steps,
                       std::size_t run, std::size_t lo, std::size_t hi) {
  RangeSummary r;
  if (hi - lo == 1) {
    r.most = r.least = g.tiles[lo];
    r.least_sum = r.least_max = lo;
    if (!steps.empty()) r.least_lane_steps = steps[lo];
  } else {
    const std::size_t mid = range_mid(lo, hi);
    const RangeSummary a = summarize(g, steps, 2 * run, lo, mid);
    const RangeSummary b = summarize(g, steps, 2 * run + 1, mid, hi);
    for (std::size_t k = 0; k < 2; ++k) {
      r.most[k] = std::max(a.most[k], b.most[k]);
      r.least[k] = std::min(a.least[k], b.least[k]);
      r.least_lane_steps[k] = std::min(a.least_lane_steps[k], b.least_lane_steps[k]);
    }
    if (!g.terms.empty()) {
      r.least_sum = g.terms[b.least_sum].sum < g.terms[a.least_sum].sum ? b.least_sum : a.least_sum;
      r.least_max = g.terms[b.least_max].max < g.terms[a.least_max].max ? b.least_max : a.least_max;
    }
  }
  if (g.ranges.size() <= run) g.ranges.resize(run + 1);
  g.ranges[run] = r;
  return r;
}

}  // namespace

void TileGroupBuilder::summarize_ranges(TileGroup& g) const {
  if (g.tiles.empty()) return;
  std::vector<std::array<Count, 2>> steps;
  if (lanes_) {
    for (const auto& tiles : g.tiles) {
      std::array<Count, 2> f{};
      for (std::size_t k = 0; k < g.dims.size(); ++k)
        f[k] = lane_steps(ev_.layer().bound(g.dims[k]), tiles[k], lanes_of(g.dims[k]));
      steps.push_back(f);
    }
  }
  summarize(g, steps, 1, 0, g.tiles.size());
}

void TileGroupBuilder::set_min_lane_steps(TileGroup& g) const {
  if (!lanes_) return;
  for (std::size_t i = 0; i < g.dims.size(); ++i) {
    const Dim d = g.dims[i];
    Count least = -1;
    for (const auto& tiles : g.tiles) {
      const Count f = lane_steps(ev_.layer().bound(d), tiles[i], lanes_of(d));
      if (least < 0 || f < least) least = f;
    }
    g.min_lane_steps[i] = least;
  }
}

const TileGroup& TileGroupBuilder::spatial_group(const LoopTemplate& tpl, Dim out, Dim ker,
                                                 const std::vector<Dim>& dims, Count fixed_out,
                                                 Count fixed_ker) {
  const Layer& layer = ev_.layer();
  const bool has_out = std::find(dims.begin(), dims.end(), out) != dims.end();
  const bool has_ker = std::find(dims.begin(), dims.end(), ker) != dims.end();
  const bool out_in_i = contains(tpl.outer[Tensor::I], out);
  const bool ker_in_i = contains(tpl.outer[Tensor::I], ker);
  const bool out_in_o = contains(tpl.outer[Tensor::O], out);
  const bool ker_in_w = contains(tpl.outer[Tensor::W], ker);
  const HaloAlong halo = halo_along(tpl, out, ker);
  const std::array<Count, 9> key = {
      static_cast<Count>(index(out)),
      has_out,
      has_ker,
      out_in_i,
      ker_in_i,
      out_in_o,
      ker_in_w,
      static_cast<Count>(halo),
      (has_out ? 0 : fixed_out) * 1000003 + (has_ker ? 0 : fixed_ker)};
  const auto found = cache_.find(key);
  if (found != cache_.end()) return found->second;

  const std::vector<Count> outs =
      has_out ? tile_candidates(out, layer.bound(out)) : std::vector<Count>{fixed_out};
  const std::vector<Count> kers =
      has_ker ? tile_candidates(ker, layer.bound(ker)) : std::vector<Count>{fixed_ker};
  const bool height = out == Dim::p;
  std::vector<Profiled> all;
  for (Count to : outs) {
    for (Count tk : kers) {
      const AxisTerm term = height ? ev_.height_term(to, out_in_i, tk, ker_in_i, halo)
                                   : ev_.width_term(to, out_in_i, tk, ker_in_i, halo);
      Profiled c;
      c.tiles = {has_out ? to : tk, has_out && has_ker ? tk : 0};
      c.values = {term.sum,
                  term.max,
                  ceil_div(layer.bound(out), to),
                  ceil_div(layer.bound(ker), tk),
                  out_in_o ? to : 0,
                  ker_in_w ? tk : 0,
                  lanes_ ? lane_steps(layer.bound(out), to, lanes_of(out)) : 0,
                  lanes_ ? lane_steps(layer.bound(ker), tk, lanes_of(ker)) : 0};
      all.push_back(c);
    }
  }
  TileGroup g;
  if (has_out) g.dims.push_back(out);
  if (has_ker) g.dims.push_back(ker);
  // Sorted by all values: the smallest input term first, so good schedules
  // come early and tighten the bounds.
  for (const Profiled& c : undominated(std::move(all))) {
    g.tiles.push_back(c.tiles);
    g.terms.push_back(AxisTerm{c.values[0], c.values[1]});
  }
  set_min_lane_steps(g);
  summarize_ranges(g);
  return cache_.emplace(key, std::move(g)).first->second;
}

std::vector<const TileGroup*> TileGroupBuilder::groups(const LoopTemplate& tpl, DimSet loops) {
  // Loops of the structure not being chosen here take tile 1 when tiled, else
  // their whole extent (as the caller sets them).
  const auto fixed = [&](Dim d) { return contains(tpl.tiled, d) ? 1 : ev_.layer().bound(d); };
  std::vector<const TileGroup*> out;
  for (Dim d : {Dim::n, Dim::g, Dim::m, Dim::c}) {
    if (!contains(loops, d)) continue;
    std::optional<TileGroup>& g = single_[d];
    if (!g) {
      g.emplace();
      g->dims = {d};
      for (Count t : tile_candidates(d, ev_.layer().bound(d), lanes_of(d)))
        g->tiles.push_back({t, 0});
      set_min_lane_steps(*g);
      summarize_ranges(*g);
    }
    out.push_back(&*g);
  }
  for (auto [o, k] : {std::pair{Dim::p, Dim::r}, std::pair{Dim::q, Dim::s}}) {
    std::vector<Dim> dims;
    for (Dim d : {o, k})
      if (contains(loops, d)) dims.push_back(d);
    if (!dims.empty()) out.push_back(&spatial_group(tpl, o, k, dims, fixed(o), fixed(k)));
  }
  // Groups with a traffic loop first: once they are assigned, the traffic
  // bound is exact, and nodes that lose on traffic are cut before the loops
  // that only set buffers, fills and cycles are enumerated.
  std::stable_partition(out.begin(), out.end(), [&](const TileGroup* g) {
    for (Dim d : g->dims)
      if (contains(tpl.traffic_loops, d)) return true;
    return false;
  });
  return out;
}

}  // namespace spad
