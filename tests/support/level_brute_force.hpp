// An exhaustive enumeration of the several-level schedules of a tiny layer,
// every one costed by the LEVEL SIMULATOR (sim/level_simulator), never by the
// model or by search code: the oracle the several-level search is checked
// against (DESIGN.md, "Several on-chip levels", Objective).
//
// It visits every tile of each level x every order of each level x every
// span of each array at each level x bypass (null) at every level but the
// innermost, and keeps for each schedule the objective's key: bytes across
// boundary 1, boundary 2, ..., then fills summed over all levels and arrays,
// then buffer bytes summed over all levels; and each level's buffer bytes, so
// any capacities can be applied afterwards (a schedule fits iff every level's
// buffer bytes <= its capacity).
//
// Reductions, each one a statement of DESIGN.md and nothing more:
//  1. "A loop is a no-op iff it makes one trip in every enclosing tile": a
//     level-l loop over d is live iff t^l_d < t^(l-1)_d (t^0 = D_d; the first
//     enclosing tile is always whole). Each level's idle loops are placed
//     innermost in its group (a no-op wherever it stands), its orders range
//     over the permutations of its live loops only, and spans are counted
//     over the live loops: k in (8 - live)..8.
//  2. "t^l >= t^(l-1) is legal and makes one trip": a deeper tile larger than
//     the enclosing tile is the enclosing tile, so t^l_d ranges over
//     1..t^(l-1)_d.
//  3. "Traffic follows the one-level rules applied to the flat nest, one
//     buffer at a time": array A's buffer sizes, fills and crossings depend on
//     the tiles, the orders and A's own spans only. So for each (tiles,
//     orders) each span tuple (one span or bypass per level) is simulated
//     once, with all three arrays at that tuple, and each array's counts are
//     taken from that run; every combination of the three arrays' tuples is
//     then costed by adding the arrays' counts per level. The tests check
//     that combination against a full simulate_levels of the winning schedule.
//
// A restricted space (the plain value search/level_search_space.hpp; only
// its fields are read here) is enumerated as its header states, literally:
// a fixed order is the level's only order, and its spans are 0 and every k
// whose k-th loop (innermost first) is live: span k-1 and span k differ only
// by the k-th loop, which changes nothing when it is a no-op (reduction 1
// for an order that keeps its idle loops where they stand); fixed spans are
// the given tuples only, taken literally; uniform spans keep the schedules
// where I, W and O have the same tuple without a bypass.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "base/checked.hpp"
#include "base/dims.hpp"
#include "model/level_traffic.hpp"
#include "model/memory_levels.hpp"
#include "random_cases.hpp"
#include "schedule/level_schedule.hpp"
#include "search/level_search_space.hpp"
#include "sim/level_simulator.hpp"
#include "workload/layer.hpp"

namespace spad::testing {

// The objective's key of a several-level answer, compared lexicographically:
// bytes across boundary 1, ..., boundary L, fills over all levels and arrays,
// buffer bytes over all levels. Written out here from DESIGN.md, not taken
// from search/.
inline std::vector<Count> level_key(const LevelTraffic& t) {
  std::vector<Count> key;
  for (const LevelCost& l : t.levels) key.push_back(l.traffic_bytes);
  key.push_back(t.total_fills());
  key.push_back(t.total_buffer_bytes());
  return key;
}

inline std::string key_text(const std::vector<Count>& key) {
  std::ostringstream o;
  o << "(";
  for (std::size_t i = 0; i < key.size(); ++i) o << (i ? ", " : "") << key[i];
  o << ")";
  return o.str();
}

// One span per level for one array; nullopt = bypass.
using SpanTuple = std::array<std::optional<int>, kMaxLevels>;

// One enumerated schedule: its key and what is needed to rebuild it.
struct LevelBruteRecord {
  std::array<Count, kMaxLevels> boundary_bytes{};      // bytes across boundary l+1
  std::array<Count, kMaxLevels> level_buffer_bytes{};  // buffer bytes of level l+1
  Count fills = 0;
  Count buffer_bytes = 0;
  std::uint32_t structure = 0;             // index into LevelBruteForce::structures
  PerTensor<std::uint16_t> span_choice{};  // index into span_tuples(structure)

  std::vector<Count> key(std::size_t levels) const {
    std::vector<Count> k(boundary_bytes.begin(), boundary_bytes.begin() + levels);
    k.push_back(fills);
    k.push_back(buffer_bytes);
    return k;
  }
  bool fits(const MemoryLevels& machine) const {
    for (std::size_t l = 0; l < machine.levels.size(); ++l)
      if (machine.levels[l].capacity_bytes &&
          level_buffer_bytes[l] > *machine.levels[l].capacity_bytes)
        return false;
    return true;
  }
};

// Position of the first live loop of each level of `s` (8 - number of live
// loops): the spans that differ are (first live)..8.
inline std::array<int, kMaxLevels> first_live_positions(const Layer& layer,
                                                        const LevelSchedule& s) {
  std::array<int, kMaxLevels> first{};
  PerDim<Count> enclosing = layer.bounds();
  for (std::size_t l = 0; l < s.levels.size(); ++l) {
    int live = 0;
    for (Dim d : kAllDims) live += s.levels[l].tiles[d] < enclosing[d];
    first[l] = static_cast<int>(kNumDims) - live;
    enclosing = s.levels[l].tiles;
  }
  return first;
}

// Every span tuple of a structure (reduction 1, or every span with fixed
// orders; bypass at levels 1..L-1).
inline std::vector<SpanTuple> span_tuples(const Layer& layer, const LevelSchedule& s,
                                          const LevelSearchSpace& space = {}) {
  const std::size_t levels = s.levels.size();
  if (space.fixed_spans) {
    std::vector<SpanTuple> out;
    for (Tensor a : kAllTensors) {
      SpanTuple t{};
      for (std::size_t l = 0; l < levels; ++l) t[l] = (*space.fixed_spans)[l][a];
      if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    return out;
  }
  const std::array<int, kMaxLevels> first = first_live_positions(layer, s);
  std::vector<SpanTuple> out{SpanTuple{}};
  PerDim<Count> enclosing = layer.bounds();
  for (std::size_t l = 0; l < levels; ++l) {
    std::vector<std::optional<int>> choices;
    if (l + 1 < levels) choices.push_back(std::nullopt);
    if (space.fixed_orders) {
      choices.push_back(0);
      for (int k = 1; k <= static_cast<int>(kNumDims); ++k) {
        const Dim d = s.levels[l].order[static_cast<std::size_t>(k - 1)];
        if (s.levels[l].tiles[d] < enclosing[d]) choices.push_back(k);
      }
    } else {
      for (int k = first[l]; k <= static_cast<int>(kNumDims); ++k) choices.push_back(k);
    }
    enclosing = s.levels[l].tiles;
    std::vector<SpanTuple> next;
    for (const SpanTuple& t : out)
      for (const std::optional<int>& c : choices) {
        SpanTuple u = t;
        u[l] = c;
        next.push_back(u);
      }
    out = std::move(next);
  }
  return out;
}

struct LevelBruteForce {
  std::size_t levels = 0;
  LevelSearchSpace space;                 // the space enumerated
  std::vector<LevelSchedule> structures;  // tiles and orders; spans unset
  std::vector<LevelBruteRecord> records;  // one per schedule
  Count simulations = 0;                  // simulate_levels calls made

  // The schedule of a record.
  LevelSchedule schedule(const Layer& layer, const LevelBruteRecord& r) const {
    LevelSchedule s = structures[r.structure];
    const std::vector<SpanTuple> tuples = span_tuples(layer, s, space);
    for (Tensor a : kAllTensors)
      for (std::size_t l = 0; l < levels; ++l)
        s.levels[l].buffer_span[a] = tuples[r.span_choice[a]][l];
    return s;
  }
};

namespace detail {

// Every order of one level: its idle loops innermost (in kAllDims order),
// then each permutation of its live loops.
inline std::vector<std::array<Dim, kNumDims>> level_orders(const PerDim<Count>& tiles,
                                                           const PerDim<Count>& enclosing) {
  std::vector<Dim> idle, live;
  for (Dim d : kAllDims) (tiles[d] < enclosing[d] ? live : idle).push_back(d);
  std::sort(live.begin(), live.end());
  std::vector<std::array<Dim, kNumDims>> out;
  do {
    std::array<Dim, kNumDims> order{};
    std::size_t pos = 0;
    for (Dim d : idle) order[pos++] = d;
    for (Dim d : live) order[pos++] = d;
    out.push_back(order);
  } while (std::next_permutation(live.begin(), live.end()));
  return out;
}

// Calls f(tiles per level) for every tile vector of every level (reduction 2).
template <class F>
void for_each_level_tiles(const Layer& layer, std::size_t levels, F&& f) {
  std::vector<PerDim<Count>> tiles(levels);
  // Odometer over (level, dim) positions, level 1 slowest.
  auto recurse = [&](auto&& self, std::size_t level, std::size_t dim_index) -> void {
    if (level == levels) {
      f(tiles);
      return;
    }
    if (dim_index == kNumDims) {
      self(self, level + 1, 0);
      return;
    }
    const Dim d = kAllDims[dim_index];
    const Count enclosing = level == 0 ? layer.bound(d) : tiles[level - 1][d];
    for (Count t = 1; t <= enclosing; ++t) {
      tiles[level][d] = t;
      self(self, level, dim_index + 1);
    }
  };
  recurse(recurse, 0, 0);
}

// Calls f(level orders) for every combination of each level's orders (the
// fixed ones only when given).
template <class F>
void for_each_level_orders(const Layer& layer, const std::vector<PerDim<Count>>& tiles,
                           const LevelSearchSpace& space, F&& f) {
  std::vector<std::vector<std::array<Dim, kNumDims>>> per_level;
  PerDim<Count> enclosing = layer.bounds();
  for (std::size_t l = 0; l < tiles.size(); ++l) {
    if (space.fixed_orders)
      per_level.push_back({(*space.fixed_orders)[l]});
    else
      per_level.push_back(level_orders(tiles[l], enclosing));
    enclosing = tiles[l];
  }
  std::vector<std::size_t> index(tiles.size(), 0);
  for (;;) {
    f(per_level, index);
    std::size_t l = 0;
    for (; l < tiles.size(); ++l) {
      if (++index[l] < per_level[l].size()) break;
      index[l] = 0;
    }
    if (l == tiles.size()) return;
  }
}

inline Count factorial(int n) {
  Count f = 1;
  for (int i = 2; i <= n; ++i) f *= i;
  return f;
}

}  // namespace detail

// How much work level_brute_force(layer, machine with `levels` levels) does,
// counted without simulating: simulate_levels calls and schedules visited.
struct LevelBruteSize {
  Count simulations = 0;
  Count schedules = 0;
};

inline LevelBruteSize level_brute_force_size(const Layer& layer, std::size_t levels) {
  LevelBruteSize size;
  detail::for_each_level_tiles(layer, levels, [&](const std::vector<PerDim<Count>>& tiles) {
    Count orders = 1, tuples = 1;
    PerDim<Count> enclosing = layer.bounds();
    for (std::size_t l = 0; l < levels; ++l) {
      int live = 0;
      for (Dim d : kAllDims) live += tiles[l][d] < enclosing[d];
      orders *= detail::factorial(live);
      tuples *= live + 1 + (l + 1 < levels ? 1 : 0);
      enclosing = tiles[l];
    }
    size.simulations += orders * tuples;
    size.schedules += orders * tuples * tuples * tuples;
  });
  return size;
}

// Whether array a's span tuple is in `space` (fixed spans; uniform spans are
// checked on the three tuples together).
inline bool tuple_allowed(const LevelSearchSpace& space, Tensor a, const SpanTuple& t,
                          std::size_t levels) {
  for (std::size_t l = 0; l < levels; ++l) {
    if (space.uniform_spans && !t[l]) return false;
    if (space.fixed_spans && t[l] != (*space.fixed_spans)[l][a]) return false;
  }
  return true;
}

// Every schedule of `layer` with machine.levels.size() levels in `space`,
// costed by the level simulator. The machine's precision, halo_reuse and
// double_buffer are used; its capacities are not (apply them with
// LevelBruteRecord::fits).
inline LevelBruteForce level_brute_force(const Layer& layer, const MemoryLevels& machine,
                                         const LevelSearchSpace& space = {}) {
  LevelBruteForce out;
  out.levels = machine.levels.size();
  out.space = space;
  MemoryLevels unbounded = machine;
  for (MemoryLevel& l : unbounded.levels) l.capacity_bytes = std::nullopt;
  detail::for_each_level_tiles(layer, out.levels, [&](const std::vector<PerDim<Count>>& tiles) {
    detail::for_each_level_orders(layer, tiles, space, [&](const auto& orders, const auto& index) {
      LevelSchedule s;
      for (std::size_t l = 0; l < out.levels; ++l) {
        LevelLoops loops;
        loops.tiles = tiles[l];
        loops.order = orders[l][index[l]];
        s.levels.push_back(loops);
      }
      const std::vector<SpanTuple> tuples = span_tuples(layer, s, space);
      // counts[j][A][l]: array A's counts at level l+1 when its spans are tuples[j].
      std::vector<PerTensor<std::array<ArrayTraffic, kMaxLevels>>> counts(tuples.size());
      for (std::size_t j = 0; j < tuples.size(); ++j) {
        bool needed = false;  // a tuple no array may take is not simulated
        for (Tensor a : kAllTensors)
          needed = needed || tuple_allowed(space, a, tuples[j], out.levels);
        if (!needed) continue;
        LevelSchedule run = s;
        for (std::size_t l = 0; l < out.levels; ++l)
          for (Tensor a : kAllTensors) run.levels[l].buffer_span[a] = tuples[j][l];
        const LevelTraffic t = simulate_levels(layer, run, unbounded);
        ++out.simulations;
        for (std::size_t l = 0; l < out.levels; ++l)
          for (Tensor a : kAllTensors) counts[j][a][l] = t.levels[l].arrays[a];
      }
      const auto structure = static_cast<std::uint32_t>(out.structures.size());
      out.structures.push_back(s);
      const std::size_t n = tuples.size();
      for (std::size_t ji = 0; ji < n; ++ji)
        for (std::size_t jw = 0; jw < n; ++jw)
          for (std::size_t jo = 0; jo < n; ++jo) {
            if (space.uniform_spans && (jw != ji || jo != ji)) continue;
            if (!tuple_allowed(space, Tensor::I, tuples[ji], out.levels) ||
                !tuple_allowed(space, Tensor::W, tuples[jw], out.levels) ||
                !tuple_allowed(space, Tensor::O, tuples[jo], out.levels))
              continue;
            LevelBruteRecord r;
            r.structure = structure;
            r.span_choice = PerTensor<std::uint16_t>{{static_cast<std::uint16_t>(ji),
                                                      static_cast<std::uint16_t>(jw),
                                                      static_cast<std::uint16_t>(jo)}};
            for (std::size_t l = 0; l < out.levels; ++l)
              for (Tensor a : kAllTensors) {
                const ArrayTraffic& c = counts[r.span_choice[a]][a][l];
                r.boundary_bytes[l] += c.read_bytes + c.write_bytes;
                r.level_buffer_bytes[l] += c.buffer_bytes;
                r.fills += c.fills;
              }
            for (std::size_t l = 0; l < out.levels; ++l) r.buffer_bytes += r.level_buffer_bytes[l];
            out.records.push_back(r);
          }
    });
  });
  return out;
}

// The record with the least key among those that fit every level of
// `machine` (the first such in enumeration order), or nullopt if none fits.
inline std::optional<LevelBruteRecord> level_brute_best(const LevelBruteForce& all,
                                                        const MemoryLevels& machine) {
  std::optional<LevelBruteRecord> best;
  std::vector<Count> best_key;
  for (const LevelBruteRecord& r : all.records) {
    if (!r.fits(machine)) continue;
    std::vector<Count> k = r.key(all.levels);
    if (!best || k < best_key) {
      best = r;
      best_key = std::move(k);
    }
  }
  return best;
}

// A random layer for the several-level brute force: every loop extent <=
// `max_extent`, between 2 and `max_live` loops of extent > 1; stride,
// dilation, padding, groups (and depthwise) and batch all occur.
inline Layer tiny_level_layer(Rng& rng, int max_live, Count max_extent) {
  for (;;) {
    LayerSpec s;
    s.name = "tiny";
    s.N = uniform(rng, 1, 2);
    s.groups = uniform(rng, 0, 3) == 0 ? 2 : 1;
    s.C = s.groups * uniform(rng, 1, 2);
    s.M = s.groups * uniform(rng, 1, 2);
    if (uniform(rng, 0, 5) == 0) s.M = s.C = s.groups = uniform(rng, 2, 3);  // depthwise
    s.R = uniform(rng, 1, 3);
    s.S = uniform(rng, 1, 3);
    s.stride_h = uniform(rng, 1, 2);
    s.stride_w = uniform(rng, 1, 2);
    s.dilation_h = uniform(rng, 1, 2);
    s.dilation_w = uniform(rng, 1, 2);
    s.H = uniform(rng, 1, 5);
    s.W = uniform(rng, 1, 5);
    s.pad_top = uniform(rng, 0, 2);
    s.pad_left = uniform(rng, 0, 1);
    s.pad_bottom = uniform(rng, 0, 1);
    s.pad_right = uniform(rng, 0, 2);
    if (s.dilation_h * (s.R - 1) + 1 > s.H + s.pad_top + s.pad_bottom) continue;
    if (s.dilation_w * (s.S - 1) + 1 > s.W + s.pad_left + s.pad_right) continue;
    Layer layer(s);
    int live = 0;
    bool small = true;
    for (Dim d : kAllDims) {
      live += layer.bound(d) > 1;
      small = small && layer.bound(d) <= max_extent;
    }
    if (!small || live > max_live || live < 2) continue;
    return layer;
  }
}

inline std::string describe_level_case(const Layer& layer, const MemoryLevels& m) {
  const LayerSpec& s = layer.spec();
  std::ostringstream o;
  o << "N" << s.N << " C" << s.C << " M" << s.M << " H" << s.H << " W" << s.W << " R" << s.R << " S"
    << s.S << " stride " << s.stride_h << "x" << s.stride_w << " dil " << s.dilation_h << "x"
    << s.dilation_w << " pad " << s.pad_top << "," << s.pad_left << "," << s.pad_bottom << ","
    << s.pad_right << " G" << s.groups << " | prec in=" << m.precision.input
    << " w=" << m.precision.weight << " out=" << m.precision.output << " psum=" << m.precision.psum
    << " halo " << m.halo_reuse << " double " << m.double_buffer << " capacities";
  for (const MemoryLevel& l : m.levels)
    o << " " << (l.capacity_bytes ? std::to_string(*l.capacity_bytes) : std::string("unbounded"));
  return o.str();
}

}  // namespace spad::testing
