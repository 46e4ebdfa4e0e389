// The accelerator objectives' brute force over several-level schedules
// (latency, energy, traffic on a LevelAccelerator): every schedule of a tiny
// layer enumerated as tests/support/level_brute_force.hpp enumerates it (its
// reductions, and its per-array combination of the LEVEL SIMULATOR's counts),
// the simulated traffic fed to model/level_accel_cost, and each objective's
// key written out here from DESIGN.md and the task, not taken from search/:
//   latency: (latency, energy, bytes across boundary 1..L, fills, buffer bytes)
//   energy:  (energy, latency, bytes across boundary 1..L, fills, buffer bytes)
//   traffic: (bytes across boundary 1..L, fills, buffer bytes, latency)
// Capacities are applied afterwards (brute_best). A restricted space
// (search/level_search_space's plain value) is enumerated as
// level_brute_force.hpp reads it: its fixed orders, its span tuples, and
// with uniform spans the combinations where I, W and O share a tuple.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "level_brute_force.hpp"
#include "model/level_accel_cost.hpp"
#include "model/level_accelerator.hpp"
#include "search/objective.hpp"
#include "sim/level_simulator.hpp"

namespace spad::testing {

inline constexpr Count kAccelHuge = Count{1} << 40;
inline constexpr std::array<Objective, 3> kObjectives = {Objective::latency, Objective::energy,
                                                         Objective::traffic};

// The key of a schedule for an objective, from its simulated traffic and
// the model's cost of that traffic (the order of the file comment).
inline std::vector<Count> accel_key(Objective objective, const LevelTraffic& t,
                                    const LevelAccelCost& c) {
  std::vector<Count> traffic;
  for (const LevelCost& l : t.levels) traffic.push_back(l.traffic_bytes);
  traffic.push_back(t.total_fills());
  traffic.push_back(t.total_buffer_bytes());
  std::vector<Count> key;
  if (objective == Objective::latency) key = {c.latency_cycles, c.energy.total};
  if (objective == Objective::energy) key = {c.energy.total, c.latency_cycles};
  key.insert(key.end(), traffic.begin(), traffic.end());
  if (objective == Objective::traffic) key.push_back(c.latency_cycles);
  return key;
}

// One enumerated schedule: its keys and per-level buffer bytes.
struct AccelRecord {
  std::array<std::vector<Count>, 3> keys;  // by kObjectives
  std::array<Count, kMaxLevels> level_buffer_bytes{};
  std::size_t structure = 0;
  PerTensor<std::size_t> tuple{};
};

struct AccelBrute {
  std::vector<LevelSchedule> structures;
  std::vector<std::vector<SpanTuple>> tuples;
  std::vector<AccelRecord> records;

  LevelSchedule schedule(const AccelRecord& r) const {
    LevelSchedule s = structures[r.structure];
    for (std::size_t l = 0; l < s.levels.size(); ++l)
      for (Tensor a : kAllTensors) s.levels[l].buffer_span[a] = tuples[r.structure][r.tuple[a]][l];
    return s;
  }
};

// Every several-level schedule of `layer` in `space`, simulated (per array,
// per span tuple) and costed on `accel` (its capacities are applied afterwards).
inline AccelBrute accel_brute_force(const Layer& layer, const LevelAccelerator& accel,
                                    const LevelSearchSpace& space = {}) {
  AccelBrute out;
  MemoryLevels unbounded = accel.memory;
  for (MemoryLevel& l : unbounded.levels) l.capacity_bytes = std::nullopt;
  LevelAccelerator costed = accel;
  for (MemoryLevel& l : costed.memory.levels) l.capacity_bytes = kAccelHuge;
  const std::size_t L = accel.memory.levels.size();
  detail::for_each_level_tiles(layer, L, [&](const std::vector<PerDim<Count>>& tiles) {
    detail::for_each_level_orders(layer, tiles, space, [&](const auto& orders, const auto& index) {
      LevelSchedule s;
      for (std::size_t l = 0; l < L; ++l) {
        LevelLoops loops;
        loops.name = accel.memory.levels[l].name;
        loops.tiles = tiles[l];
        loops.order = orders[l][index[l]];
        s.levels.push_back(loops);
      }
      const std::vector<SpanTuple> tuples = span_tuples(layer, s, space);
      std::vector<LevelTraffic> runs;
      for (const SpanTuple& t : tuples) {
        LevelSchedule run = s;
        for (std::size_t l = 0; l < L; ++l)
          for (Tensor a : kAllTensors) run.levels[l].buffer_span[a] = t[l];
        runs.push_back(simulate_levels(layer, run, unbounded));
      }
      const std::size_t structure = out.structures.size();
      out.structures.push_back(s);
      out.tuples.push_back(tuples);
      const std::size_t n = tuples.size();
      for (std::size_t ji = 0; ji < n; ++ji)
        for (std::size_t jw = 0; jw < n; ++jw)
          for (std::size_t jo = 0; jo < n; ++jo) {
            if (space.uniform_spans && (jw != ji || jo != ji)) continue;
            if (!tuple_allowed(space, Tensor::I, tuples[ji], L) ||
                !tuple_allowed(space, Tensor::W, tuples[jw], L) ||
                !tuple_allowed(space, Tensor::O, tuples[jo], L))
              continue;
            AccelRecord r;
            r.structure = structure;
            r.tuple = PerTensor<std::size_t>{{ji, jw, jo}};
            // The arrays' counts combined (level_brute_force.hpp, reduction 3).
            LevelTraffic t = runs[ji];
            for (std::size_t l = 0; l < L; ++l) {
              LevelCost& c = t.levels[l];
              c.traffic_bytes = c.buffer_bytes = 0;
              for (Tensor a : kAllTensors) {
                c.arrays[a] = runs[r.tuple[a]].levels[l].arrays[a];
                c.traffic_bytes += c.arrays[a].read_bytes + c.arrays[a].write_bytes;
                c.buffer_bytes += c.arrays[a].buffer_bytes;
              }
              r.level_buffer_bytes[l] = c.buffer_bytes;
            }
            const LevelAccelCost cost =
                level_accel_cost(layer, out.schedule(r), costed, t, OnOverflow::saturate);
            for (std::size_t k = 0; k < kObjectives.size(); ++k)
              r.keys[k] = accel_key(kObjectives[k], t, cost);
            out.records.push_back(std::move(r));
          }
    });
  });
  return out;
}

inline const AccelRecord* brute_best(const AccelBrute& all, std::size_t objective,
                                     const std::vector<Count>& capacity) {
  const AccelRecord* best = nullptr;
  for (const AccelRecord& r : all.records) {
    bool fits = true;
    for (std::size_t l = 0; l < capacity.size(); ++l)
      fits = fits && r.level_buffer_bytes[l] <= capacity[l];
    if (!fits) continue;
    if (!best || r.keys[objective] < best->keys[objective]) best = &r;
  }
  return best;
}

}  // namespace spad::testing
