// Enumeration of loop structures for the three search spaces.
//
// Free order, one span per array (DESIGN.md's space). Take any schedule and
// its sets P_A (see the header). All P_A are prefixes of one loop order, so
// they form a chain; order the arrays A1, A2, A3 along it. If P_A holds a loop
// d that does not index A and no smaller set of the chain holds d, removing d
// from P_A (moving it inside A's buffer) keeps a valid chain, leaves every
// buffer and every other array unchanged, and can only lower A's reloads and
// fills: the schedule is dominated. So it suffices to enumerate layered
// chains, each level adding only loops of its own array:
//   P_A1 = G1 ⊆ loops(A1),  P_A2 = G1 ∪ G2, G2 ⊆ loops(A2),
//   P_A3 = G1 ∪ G2 ∪ G3, G3 ⊆ loops(A3),
// realized by the order (outermost first) G1, G2, G3, rest, with each group's
// designated last loop j_k innermost in it and A_k's buffer cut just inside
// j_k. Loops with T = 1 are no-ops (DESIGN.md), so a schedule's structure only
// involves its loops with T > 1; a template's tiled loops are exactly its
// groups and take T > 1. The brute-force test guards this argument.
//
// Uniform spans (one cut for all three buffers): every ordered set U of loops
// outside the cut, innermost loops after it; enumerated directly.
//
// Fixed order: every span triple (0..8)^3 and every choice of which loops
// outside the buffers have T > 1.
#include "search/loop_template.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_set>

#include "base/error.hpp"
#include "model/machine.hpp"
#include "workload/layer.hpp"

namespace spad {
namespace {

DimSet loops_of(Tensor t) {
  DimSet s = 0;
  for (Dim d : kAllDims)
    if (indexes(t, d)) s |= dim_bit(d);
  return s;
}

std::vector<Dim> dims_in(DimSet s) {
  std::vector<Dim> out;
  for (Dim d : kAllDims)
    if (contains(s, d)) out.push_back(d);
  return out;
}

// The cost class of a structure when exactly the loops in `active` have T > 1.
struct Signature {
  PerTensor<DimSet> outer;  // P_A
  int halo_dim = -1;        // j*_I when halo reuse applies to it
};

Signature signature_of(const std::array<Dim, kNumDims>& order, const PerTensor<int>& spans,
                       DimSet active, bool halo_reuse) {
  Signature sig;
  for (Tensor t : kAllTensors) {
    for (int pos = spans[t]; pos < static_cast<int>(kNumDims); ++pos) {
      const Dim d = order[pos];
      if (!indexes(t, d) || !contains(active, d)) continue;
      for (int outer = pos; outer < static_cast<int>(kNumDims); ++outer)
        if (contains(active, order[outer])) sig.outer[t] |= dim_bit(order[outer]);
      if (t == Tensor::I && halo_reuse &&
          (d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s))
        sig.halo_dim = static_cast<int>(index(d));
      break;
    }
  }
  return sig;
}

DimSet live_loops(const Layer& layer) {
  DimSet live = 0;
  for (Dim d : kAllDims)
    if (layer.bound(d) > 1) live |= dim_bit(d);
  return live;
}

// Collects templates, one per cost class, in first-seen order.
class TemplateSet {
 public:
  explicit TemplateSet(bool halo_reuse) : halo_reuse_(halo_reuse) {}

  // Adds the structure (order, spans) with exactly the loops in `active`
  // taking T > 1, unless its cost class is already present.
  void add(const std::array<Dim, kNumDims>& order, const PerTensor<int>& spans, DimSet active) {
    const Signature sig = signature_of(order, spans, active, halo_reuse_);
    const std::uint32_t key = static_cast<std::uint32_t>(sig.outer[Tensor::I]) |
                              static_cast<std::uint32_t>(sig.outer[Tensor::W]) << 8 |
                              static_cast<std::uint32_t>(sig.outer[Tensor::O]) << 16 |
                              static_cast<std::uint32_t>(sig.halo_dim + 1) << 24;
    if (!seen_.insert(key).second) return;
    LoopTemplate t;
    t.order = order;
    t.spans = spans;
    t.outer = sig.outer;
    t.halo_dim = sig.halo_dim;
    const DimSet tiled = sig.outer[Tensor::I] | sig.outer[Tensor::W] | sig.outer[Tensor::O];
    DimSet traffic = sig.outer[Tensor::I] &
                     (dim_bit(Dim::p) | dim_bit(Dim::q) | dim_bit(Dim::r) | dim_bit(Dim::s));
    for (Tensor a : kAllTensors) traffic |= sig.outer[a] & static_cast<DimSet>(~loops_of(a));
    t.tiled = tiled;
    t.traffic_loops = traffic;
    templates_.push_back(std::move(t));
  }

  std::vector<LoopTemplate> take() { return std::move(templates_); }

 private:
  bool halo_reuse_;
  std::unordered_set<std::uint32_t> seen_;
  std::vector<LoopTemplate> templates_;
};

// Fills order (innermost first) with `outer_to_inner` outermost and every
// other loop inside it, in Dim order; returns the number of inner loops.
int place(const std::vector<Dim>& outer_to_inner, std::array<Dim, kNumDims>& order) {
  DimSet used = 0;
  for (Dim d : outer_to_inner) used |= dim_bit(d);
  int pos = 0;
  for (Dim d : kAllDims)
    if (!contains(used, d)) order[pos++] = d;
  const int inner = pos;
  for (auto it = outer_to_inner.rbegin(); it != outer_to_inner.rend(); ++it) order[pos++] = *it;
  SPAD_CHECK(pos == static_cast<int>(kNumDims), "place: order is not a permutation");
  return inner;
}

// Every subset of `set`, including the empty one.
std::vector<DimSet> subsets(DimSet set) {
  std::vector<DimSet> out;
  for (DimSet s = set;; s = static_cast<DimSet>((s - 1) & set)) {
    out.push_back(s);
    if (s == 0) break;
  }
  return out;
}

// The innermost loop j_k a group may designate, one per cost class. Group k's
// set is also the set of each following array whose group is empty; j_k is
// the j* of all of them, so it must index all of them (a j_k that does not
// gives the following array a smaller, non-layered set: dominated). Beyond
// that the choice only matters for I's halo reuse (which spatial loop j*_I
// is); otherwise every choice gives the same sets and costs.
std::vector<Dim> last_loop_choices(const std::array<DimSet, 3>& groups,
                                   const std::array<Tensor, 3>& arrays, int k, bool halo_reuse) {
  if (groups[k] == 0) return {Dim::n};  // unused: the group places no loop
  std::vector<Tensor> sharing = {arrays[k]};
  for (int next = k + 1; next < 3 && groups[next] == 0; ++next) sharing.push_back(arrays[next]);
  std::vector<Dim> fit;
  for (Dim d : dims_in(groups[k])) {
    bool all = true;
    for (Tensor t : sharing) all = all && indexes(t, d);
    if (all) fit.push_back(d);
  }
  if (fit.empty()) return {dims_in(groups[k]).front()};
  const bool halo_matters =
      halo_reuse && std::find(sharing.begin(), sharing.end(), Tensor::I) != sharing.end();
  if (!halo_matters) return {fit.front()};
  std::vector<Dim> out;
  bool have_plain = false;
  for (Dim d : fit) {
    const bool spatial = d == Dim::p || d == Dim::q || d == Dim::r || d == Dim::s;
    if (spatial) {
      out.push_back(d);
    } else if (!have_plain) {
      out.push_back(d);
      have_plain = true;
    }
  }
  return out;
}

void enumerate_layered(DimSet live, bool halo_reuse, TemplateSet& out) {
  std::array<Tensor, 3> arrays = {Tensor::I, Tensor::W, Tensor::O};
  std::sort(arrays.begin(), arrays.end());
  do {
    const DimSet own1 = live & loops_of(arrays[0]);
    for (DimSet g1 : subsets(own1)) {
      const DimSet own2 = live & loops_of(arrays[1]) & static_cast<DimSet>(~g1);
      for (DimSet g2 : subsets(own2)) {
        const DimSet own3 = live & loops_of(arrays[2]) & static_cast<DimSet>(~(g1 | g2));
        for (DimSet g3 : subsets(own3)) {
          const std::array<DimSet, 3> groups = {g1, g2, g3};
          std::array<std::vector<Dim>, 3> last_choices;
          for (int k = 0; k < 3; ++k)
            last_choices[k] = last_loop_choices(groups, arrays, k, halo_reuse);
          for (Dim j1 : last_choices[0]) {
            for (Dim j2 : last_choices[1]) {
              for (Dim j3 : last_choices[2]) {
                const std::array<Dim, 3> lasts = {j1, j2, j3};
                std::vector<Dim> outer_to_inner;
                std::array<int, 3> group_end{};  // loops placed after group k
                for (int k = 0; k < 3; ++k) {
                  for (Dim d : dims_in(groups[k]))
                    if (d != lasts[k]) outer_to_inner.push_back(d);
                  if (groups[k] != 0) outer_to_inner.push_back(lasts[k]);
                  group_end[k] = static_cast<int>(outer_to_inner.size());
                }
                std::array<Dim, kNumDims> order{};
                place(outer_to_inner, order);
                PerTensor<int> spans;
                for (int k = 0; k < 3; ++k)
                  spans[arrays[k]] = static_cast<int>(kNumDims) - group_end[k];
                out.add(order, spans, g1 | g2 | g3);
              }
            }
          }
        }
      }
    }
  } while (std::next_permutation(arrays.begin(), arrays.end()));
}

void enumerate_uniform(DimSet live, std::vector<Dim>& prefix, DimSet used, TemplateSet& out) {
  std::array<Dim, kNumDims> order{};
  const int inner = place(prefix, order);
  out.add(order, PerTensor<int>{{inner, inner, inner}}, used);
  for (Dim d : kAllDims) {
    if (!contains(live, d) || contains(used, d)) continue;
    prefix.push_back(d);
    enumerate_uniform(live, prefix, used | dim_bit(d), out);
    prefix.pop_back();
  }
}

void enumerate_fixed_order(DimSet live, const std::array<Dim, kNumDims>& order,
                           const SearchSpace& space, TemplateSet& out) {
  const int n = static_cast<int>(kNumDims);
  for (int ki = 0; ki <= n; ++ki) {
    for (int kw = 0; kw <= n; ++kw) {
      for (int ko = 0; ko <= n; ++ko) {
        if (space.uniform_spans && (kw != ki || ko != ki)) continue;
        if (space.fixed_spans && PerTensor<int>{{ki, kw, ko}} != *space.fixed_spans) continue;
        DimSet outside = 0;
        for (int pos = std::min({ki, kw, ko}); pos < n; ++pos) outside |= dim_bit(order[pos]);
        outside &= live;
        // With the order fixed, a loop with T = 1 cannot be moved out of the
        // way, so every subset of the loops outside some buffer may be the
        // one with T > 1.
        for (DimSet active : subsets(outside)) out.add(order, PerTensor<int>{{ki, kw, ko}}, active);
      }
    }
  }
}

}  // namespace

std::vector<LoopTemplate> enumerate_templates(const Layer& layer, const Machine& machine,
                                              const SearchSpace& space) {
  const DimSet live = live_loops(layer);
  if (space.fixed_spans && !space.fixed_order)
    throw UserError("fixed buffer spans need a fixed loop order as well");
  if (space.fixed_spans)
    for (Tensor t : kAllTensors)
      if ((*space.fixed_spans)[t] < 0 || (*space.fixed_spans)[t] > static_cast<int>(kNumDims))
        throw UserError("buffer_span." + std::string(tensor_name(t)) + " = " +
                        std::to_string((*space.fixed_spans)[t]) + ": must be in 0..8");
  TemplateSet set(machine.halo_reuse);
  if (space.fixed_order) {
    enumerate_fixed_order(live, *space.fixed_order, space, set);
  } else if (space.uniform_spans) {
    std::vector<Dim> prefix;
    enumerate_uniform(live, prefix, 0, set);
  } else {
    enumerate_layered(live, machine.halo_reuse, set);
  }
  return set.take();
}

std::shared_ptr<const std::vector<LoopTemplate>> TemplateCache::get(const Layer& layer,
                                                                    const Machine& machine,
                                                                    const SearchSpace& space) {
  std::optional<std::array<int, kNumTensors>> spans;
  if (space.fixed_spans) spans = space.fixed_spans->v;
  const auto key = std::tuple(live_loops(layer), machine.halo_reuse, space.uniform_spans,
                              space.fixed_order, spans);
  std::lock_guard<std::mutex> lock(mutex_);
  auto& slot = lists_[key];
  if (!slot)
    slot = std::make_shared<const std::vector<LoopTemplate>>(
        enumerate_templates(layer, machine, space));
  return slot;
}

}  // namespace spad
