// The exact span and bypass choice (argument in the header).
//
// Each array's options are filtered before the arrays are combined: option y
// is dropped when another option x of the same array uses no more capacity at
// any level, moves no more bytes across any boundary and has no more fills,
// and is better in one of them or equal in all and first in the order of
// spans. Replacing y by x in any feasible triple keeps it feasible and makes
// every term of the key no larger (buffer bytes are the sum of the capacity
// uses), so the key is lexicographically no larger; when it is equal every
// term is equal (no term grew, and buffer bytes equal with no level's use
// larger means equal uses), and the triple with x comes first in the order of
// spans (A's spans sit at the same places of the flattened order). So the
// least triple never holds a dropped option.
//
// On an accelerator the options carry more per-array quantities, each one
// a summand of an input of the cost (model/level_accel_cost): DMA transfers
// and first-load / last-store bytes per boundary (of the array's buffer
// crossing it), and SRAM bytes per level (a held level's bytes across the
// boundaries above and below it). Every cost term is non-decreasing in each
// input (level_cost_from_inputs), so replacing y by x with no quantity
// larger keeps every term of the key no larger; dominance then also needs x
// no worse in these. And since the key holds the whole traffic key (bytes
// per boundary, fills, buffer bytes), x strictly better in capacity use,
// bytes or fills makes the key strictly smaller; x equal in those and first
// in the order of spans makes (key, order) no larger. So the argument above
// holds unchanged: y is never the least triple's.
//
// Restricted spaces (search/level_search_space): fixed spans leave each array
// one option (its given spans), so nothing changes above. Uniform spans
// couple the arrays (I, W and O take the same spans), so the argument above
// does not hold there: no option is dropped, and each option of I is
// combined only with the options of W and O of the same spans.
#include "search/level_span_choice.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>

#include "base/error.hpp"
#include "model/wide_count.hpp"
#include "schedule/level_schedule.hpp"

namespace spad {
namespace {

constexpr Count kNone = std::numeric_limits<Count>::max();

// Fixed-size arrays (entries past the level count stay 0): choose_spans
// runs at every leaf of the level search, where allocations showed.
struct Option {
  std::array<int, kMaxLevels> span{};     // per level, -1 = bypass
  std::array<Count, kMaxLevels> cap{};    // per level
  std::array<Count, kMaxLevels> cross{};  // per boundary
  Count fills = 0;
  Count buffer = 0;
  // On an accelerator (0 otherwise): per boundary, the transfers and the
  // first-load or last-store bytes of the buffer crossing it; per level, the
  // SRAM bytes.
  std::array<Count, kMaxLevels> transfers{};
  std::array<Count, kMaxLevels> exposed{};
  std::array<Count, kMaxLevels> sram{};
};

bool no_worse(const Option& x, const Option& y) {
  for (std::size_t l = 0; l < kMaxLevels; ++l)
    if (x.cap[l] > y.cap[l] || x.cross[l] > y.cross[l] || x.transfers[l] > y.transfers[l] ||
        x.exposed[l] > y.exposed[l] || x.sram[l] > y.sram[l])
      return false;
  return x.fills <= y.fills;
}

bool same_costs(const Option& x, const Option& y) {
  return x.cap == y.cap && x.cross == y.cross && x.fills == y.fills;
}

// x removes y (see the file comment).
bool dominates(const Option& x, const Option& y) {
  if (!no_worse(x, y)) return false;
  return !same_costs(x, y) || x.span < y.span;
}

// Whether `space` allows array a's per-level spans `span` (-1 = bypass).
bool allowed(const LevelSearchSpace& space, Tensor a, const std::array<int, kMaxLevels>& span,
             std::size_t levels) {
  for (std::size_t l = 0; l < levels; ++l) {
    if (space.uniform_spans && span[l] < 0) return false;
    if (space.fixed_spans) {
      const std::optional<int>& k = (*space.fixed_spans)[l][a];
      if (span[l] != (k ? *k : -1)) return false;
    }
  }
  return true;
}

std::vector<Option> options_of(const std::vector<const LevelRecords*>& levels,
                               const std::vector<Count>& capacity, Tensor a,
                               const LevelSearchSpace& space, bool with_sram) {
  const std::size_t L = levels.size();
  std::vector<Option> out;
  std::array<int, kMaxLevels> pick{};  // index into spans, or -1 for a bypass
  for (std::size_t l = 0; l + 1 < L; ++l) pick[l] = -1;
  for (;;) {
    Option o;
    bool fits = true;
    for (std::size_t l = 0; l < L; ++l) {
      if (pick[l] < 0) {
        o.span[l] = -1;
        continue;
      }
      const BufferRecord& r = levels[l]->rows[static_cast<std::size_t>(pick[l])][a];
      o.span[l] = levels[l]->spans[static_cast<std::size_t>(pick[l])];
      o.cap[l] = r.cap;
      o.fills = add(o.fills, r.fills);
      o.buffer = add(o.buffer, r.cap);
      fits = fits && r.cap <= capacity[l];
    }
    if (fits && allowed(space, a, o.span, L)) {
      // Boundary b carries what A's first buffer at a level >= b moves.
      const BufferRecord* carrier = nullptr;
      for (std::size_t b = L; b-- > 0;) {
        if (pick[b] >= 0) carrier = &levels[b]->rows[static_cast<std::size_t>(pick[b])][a];
        o.cross[b] = carrier->cross;  // the last level always holds A
        o.transfers[b] = carrier->transfers;
        o.exposed[b] = carrier->exposed;
      }
      // A held level's SRAM sees A's bytes across the boundaries above and
      // below it (the datapath's below the innermost are the leaf's).
      if (with_sram)
        for (std::size_t l = 0; l < L; ++l)
          if (pick[l] >= 0) o.sram[l] = add(o.cross[l], l + 1 < L ? o.cross[l + 1] : 0);
      out.push_back(o);
    }
    // Next choice (odometer, last level fastest).
    std::size_t l = L;
    for (; l-- > 0;) {
      const int last = static_cast<int>(levels[l]->spans.size()) - 1;
      if (pick[l] < last) {
        ++pick[l];
        break;
      }
      pick[l] = l + 1 < L ? -1 : 0;
    }
    if (l == static_cast<std::size_t>(-1)) break;
  }
  if (space.uniform_spans) return out;
  // Sorted by the sum of every quantity, then by spans, an option comes
  // after every option that removes it (each quantity no larger, so a sum no
  // larger; equal sums mean equal quantities, where the earlier spans
  // remove); and removal is transitive. So checking each option against the
  // kept ones only drops exactly the options some other option removes.
  using wide::Wide;
  std::vector<std::pair<Wide, std::size_t>> by_sum;
  by_sum.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Option& o = out[i];
    Wide sum = Wide{o.fills};
    for (std::size_t l = 0; l < kMaxLevels; ++l)
      sum += Wide{o.cap[l]} + o.cross[l] + o.transfers[l] + o.exposed[l] + o.sram[l];
    by_sum.emplace_back(sum, i);
  }
  std::sort(by_sum.begin(), by_sum.end(), [&](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    return out[x.second].span < out[y.second].span;
  });
  std::vector<Option> kept;
  for (const auto& [sum, i] : by_sum) {
    bool dropped = false;
    for (std::size_t j = 0; j < kept.size() && !dropped; ++j) dropped = dominates(kept[j], out[i]);
    if (!dropped) kept.push_back(out[i]);
  }
  return kept;
}

}  // namespace

std::optional<SpanChoice> choose_spans(const std::vector<const LevelRecords*>& levels,
                                       const std::vector<Count>& capacity,
                                       const LevelSearchSpace& space,
                                       const SpanObjective& objective,
                                       const std::vector<Count>* bar) {
  const std::size_t L = levels.size();
  SPAD_CHECK(L >= 1 && L <= kMaxLevels && capacity.size() == L,
             "choose_spans: one capacity per level");
  const LevelAccelerator* accel = objective.objective.accel;
  PerTensor<std::vector<Option>> options;
  for (Tensor a : kAllTensors) {
    options[a] = options_of(levels, capacity, a, space, accel != nullptr);
    if (options[a].empty()) return std::nullopt;
  }
  // Per array, the least of each quantity over its options: a triple with
  // one array's options replaced by its floor has every cost input no
  // larger, so a key no larger (every term is non-decreasing in each input:
  // level_accel_cost.hpp; buffer bytes and fills are sums).
  PerTensor<Option> floor;
  for (Tensor a : kAllTensors) {
    Option f = options[a].front();
    for (const Option& o : options[a]) {
      for (std::size_t l = 0; l < kMaxLevels; ++l) {
        f.cap[l] = std::min(f.cap[l], o.cap[l]);
        f.cross[l] = std::min(f.cross[l], o.cross[l]);
        f.transfers[l] = std::min(f.transfers[l], o.transfers[l]);
        f.exposed[l] = std::min(f.exposed[l], o.exposed[l]);
        f.sram[l] = std::min(f.sram[l], o.sram[l]);
      }
      f.fills = std::min(f.fills, o.fills);
      f.buffer = std::min(f.buffer, o.buffer);
    }
    floor[a] = f;
  }
  // The best so far, or the caller's bar: a triple whose key is above it is
  // not wanted (equal keys are, for the order of ties).
  std::vector<Count> best_key = bar ? *bar : std::vector<Count>{};
  bool found = false;
  std::vector<int> best_order;  // spans flattened level by level, I W O
  std::array<const Option*, kNumTensors> best{};
  std::vector<Count> key;
  std::array<Count, kMaxLevels> bytes{};
  // The cost inputs of a triple: the datapath's fixed, the rest summed.
  LevelAccelInputs in;
  in.levels = L;
  in.macs = objective.macs;
  in.compute_cycles = objective.compute_cycles;
  in.datapath_bytes = objective.datapath_bytes;
  for (std::size_t b = 0; b < L; ++b) in.buffers[b] = kNumTensors;  // one buffer per array
  LevelCostTerms terms;
  const auto key_of = [&](const Option& i, const Option& w, const Option& o) {
    for (std::size_t b = 0; b < L; ++b) bytes[b] = add(add(i.cross[b], w.cross[b]), o.cross[b]);
    if (accel) {
      for (std::size_t b = 0; b < L; ++b) {
        in.traffic_bytes[b] = bytes[b];
        in.dma_transfers[b] = add(add(i.transfers[b], w.transfers[b]), o.transfers[b]);
        in.first_load_bytes[b] = add(i.exposed[b], w.exposed[b]);
        in.last_store_bytes[b] = o.exposed[b];
        in.sram_bytes[b] = add(add(i.sram[b], w.sram[b]), o.sram[b]);
      }
      terms = level_cost_from_inputs(in, *accel, OnOverflow::saturate);
    }
    write_level_key(objective.objective, bytes.data(), L, add(add(i.fills, w.fills), o.fills),
                    add(add(i.buffer, w.buffer), o.buffer), terms, key);
  };
  // Whether the key just written is above the best (or the bar).
  const auto above_best = [&] { return !best_key.empty() && key > best_key; };
  std::vector<int> order(3 * L);
  // Uniform spans: the options of W and O by their spans.
  std::map<std::array<int, kMaxLevels>, const Option*> uniform_w, uniform_o;
  if (space.uniform_spans) {
    for (const Option& w : options[Tensor::W]) uniform_w.emplace(w.span, &w);
    for (const Option& o : options[Tensor::O]) uniform_o.emplace(o.span, &o);
  }
  // The options of W and O an option of I combines with: all of them, or
  // with uniform spans the one of the same spans (none when missing).
  std::vector<const Option*> ws, os;
  for (const Option& x : options[Tensor::W]) ws.push_back(&x);
  for (const Option& x : options[Tensor::O]) os.push_back(&x);
  for (const Option& i : options[Tensor::I]) {
    key_of(i, floor[Tensor::W], floor[Tensor::O]);
    if (above_best()) continue;
    if (space.uniform_spans) {
      ws.clear();
      os.clear();
      const auto w_it = uniform_w.find(i.span);
      const auto o_it = uniform_o.find(i.span);
      if (w_it != uniform_w.end()) ws.push_back(w_it->second);
      if (o_it != uniform_o.end()) os.push_back(o_it->second);
    }
    for (const Option* wp : ws) {
      const Option& w = *wp;
      bool fits = true;
      for (std::size_t l = 0; l < L && fits; ++l) fits = add(i.cap[l], w.cap[l]) <= capacity[l];
      if (!fits) continue;
      key_of(i, w, floor[Tensor::O]);
      if (above_best()) continue;
      for (const Option* op : os) {
        const Option& o = *op;
        fits = true;
        for (std::size_t l = 0; l < L && fits; ++l)
          fits = add(add(i.cap[l], w.cap[l]), o.cap[l]) <= capacity[l];
        if (!fits) continue;
        key_of(i, w, o);
        if (above_best()) continue;
        for (std::size_t l = 0; l < L; ++l) {
          order[3 * l] = i.span[l];
          order[3 * l + 1] = w.span[l];
          order[3 * l + 2] = o.span[l];
        }
        if (found && key == best_key && order >= best_order) continue;
        best_key = key;
        best_order = order;
        best = {&i, &w, &o};
        found = true;
      }
    }
  }
  if (!found) return std::nullopt;
  SpanChoice choice;
  choice.key = best_key;
  choice.span.resize(L);
  for (std::size_t l = 0; l < L; ++l)
    for (Tensor a : kAllTensors) choice.span[l][a] = best[index(a)]->span[l];
  return choice;
}

}  // namespace spad
