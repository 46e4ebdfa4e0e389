// The latency and energy objectives against brute force: on random tiny
// layers and random accelerators, every tile vector x loop order x span
// triple is costed from the SIMULATED traffic and the REPLAYED activity
// (sim/activity_replay), and the search must return exactly the least
// (objective, secondary, traffic, fills, buffer bytes) among the schedules
// that fit (secondary: energy for latency, latency for energy).
// It also guards every search restriction that is valid for traffic only
// (tile 1 for loops that change no traffic; one tile per trip count for
// n g m c): with unrolled loops those would lose the optimum.
//
// As in search_bruteforce_test, loops with T = 1 are placed innermost
// (DESIGN.md: such a loop is a no-op wherever it stands).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <sstream>
#include <tuple>
#include <vector>

#include "model/accel_cost.hpp"
#include "model/evaluate.hpp"
#include "random_accelerator.hpp"
#include "random_cases.hpp"
#include "search/optimize.hpp"
#include "sim/activity_replay.hpp"

namespace spad {
namespace {

using testing::Rng;
using testing::uniform;

struct Cost {
  Count objective, secondary, traffic, buffer, fills;
  // DESIGN.md: fewer fills before fewer buffer bytes.
  auto key() const { return std::tuple(objective, secondary, traffic, fills, buffer); }
};

// The two leading terms, written out here rather than taken from search/.
std::pair<Count, Count> terms(Objective objective, const AccelCost& c, Count traffic_bytes) {
  if (objective == Objective::traffic) return {traffic_bytes, c.latency_cycles};
  if (objective == Objective::latency) return {c.latency_cycles, c.energy.total};
  return {c.energy.total, c.latency_cycles};
}

Layer tiny_layer(Rng& rng) {
  for (;;) {
    LayerSpec s;
    s.name = "tiny";
    s.N = uniform(rng, 1, 2);
    s.groups = uniform(rng, 0, 3) == 0 ? 2 : 1;
    s.C = s.groups * uniform(rng, 1, 3);
    s.M = s.groups * uniform(rng, 1, 4);
    s.R = uniform(rng, 1, 3);
    s.S = uniform(rng, 1, 2);
    s.stride_h = uniform(rng, 1, 2);
    s.dilation_w = uniform(rng, 1, 2);
    s.H = uniform(rng, 1, 5);
    s.W = uniform(rng, 1, 5);
    s.pad_top = uniform(rng, 0, 1);
    s.pad_right = uniform(rng, 0, 1);
    if (s.R > s.H + s.pad_top) continue;
    if (s.dilation_w * (s.S - 1) + 1 > s.W + s.pad_right) continue;
    Layer layer(s);
    int live = 0;
    bool small = true;
    for (Dim d : kAllDims) {
      live += layer.bound(d) > 1;
      small = small && layer.bound(d) <= 4;
    }
    if (!small || live > 4 || live < 2) continue;
    return layer;
  }
}

Count factorial(int n) { return n <= 1 ? 1 : n * factorial(n - 1); }

Count brute_force_size(const Layer& layer) {
  Count total = 0;
  PerDim<Count> t;
  for (Dim d : kAllDims) t[d] = 1;
  for (;;) {
    int active = 0;
    for (Dim d : kAllDims) active += ceil_div(layer.bound(d), t[d]) > 1;
    total += factorial(active) * (active + 1) * (active + 1) * (active + 1);
    std::size_t i = 0;
    for (; i < kNumDims; ++i) {
      if (++t[kAllDims[i]] <= layer.bound(kAllDims[i])) break;
      t[kAllDims[i]] = 1;
    }
    if (i == kNumDims) break;
  }
  return total;
}

// Cost of one schedule from the simulator and the replay only.
Cost simulated_cost(const Layer& layer, const Schedule& s, const Accelerator& accel,
                    Objective objective) {
  const SimulatedActivity sim = simulate_activity(layer, s, accel);
  const AccelCost c = cost_from_inputs(
      cost_inputs(accel.machine.precision, sim.activity, sim.traffic, accel.machine.double_buffer),
      accel);
  const auto [value, secondary] = terms(objective, c, sim.traffic.traffic_bytes);
  return {value, secondary, sim.traffic.traffic_bytes, sim.traffic.buffer_bytes,
          sim.traffic.total_fills()};
}

std::vector<Cost> brute_force(const Layer& layer, const Accelerator& accel, Objective objective) {
  std::vector<Cost> out;
  Schedule s;
  for (Dim d : kAllDims) s.tiles[d] = 1;
  for (;;) {
    std::vector<Dim> idle, active;
    for (Dim d : kAllDims) (ceil_div(layer.bound(d), s.tiles[d]) > 1 ? active : idle).push_back(d);
    const int z = static_cast<int>(idle.size());
    do {
      int pos = 0;
      for (Dim d : idle) s.order[pos++] = d;
      for (Dim d : active) s.order[pos++] = d;
      for (int ki = z; ki <= 8; ++ki)
        for (int kw = z; kw <= 8; ++kw)
          for (int ko = z; ko <= 8; ++ko) {
            s.buffer_span = PerTensor<int>{{ki, kw, ko}};
            out.push_back(simulated_cost(layer, s, accel, objective));
          }
    } while (std::next_permutation(active.begin(), active.end()));
    std::size_t i = 0;
    for (; i < kNumDims; ++i) {
      if (++s.tiles[kAllDims[i]] <= layer.bound(kAllDims[i])) break;
      s.tiles[kAllDims[i]] = 1;
    }
    if (i == kNumDims) break;
  }
  return out;
}

std::string describe(const Layer& layer, const Accelerator& a) {
  const LayerSpec& s = layer.spec();
  std::ostringstream o;
  o << "N" << s.N << " C" << s.C << " M" << s.M << " H" << s.H << " W" << s.W << " R" << s.R << " S"
    << s.S << " sh" << s.stride_h << " dw" << s.dilation_w << " pad " << s.pad_top << ","
    << s.pad_right << " G" << s.groups << " halo " << a.machine.halo_reuse << " double "
    << a.machine.double_buffer << " unroll";
  for (Dim d : kAllDims) o << " " << a.mac_array.unroll[d];
  o << " bits " << a.offchip_bits_per_cycle << " setup " << a.dma_setup_cycles;
  return o.str();
}

void check(const Layer& layer, Accelerator accel, Objective objective, Rng& rng) {
  const std::vector<Cost> all = brute_force(layer, accel, objective);
  Count min_buffer = all.front().buffer, max_buffer = all.front().buffer;
  for (const Cost& c : all) {
    min_buffer = std::min(min_buffer, c.buffer);
    max_buffer = std::max(max_buffer, c.buffer);
  }
  std::vector<Count> capacities = {min_buffer, max_buffer};
  capacities.push_back(uniform(rng, min_buffer, max_buffer));
  for (Count capacity : capacities) {
    accel.machine.capacity_bytes = capacity;
    std::optional<Cost> want;
    for (const Cost& c : all)
      if (c.buffer <= capacity && (!want || c.key() < want->key())) want = c;
    SearchOptions options;
    options.threads = 1;
    options.range_leaf = 1;  // range bounds down to single candidates
    options.objective = objective;
    options.accelerator = std::make_shared<const Accelerator>(accel);
    const SearchResult got = optimize(layer, accel.machine, options);
    SCOPED_TRACE(describe(layer, accel) + " capacity " + std::to_string(capacity) + " " +
                 std::string(objective_name(objective)));
    ASSERT_TRUE(want.has_value());
    ASSERT_TRUE(got.best.has_value());
    const Candidate& best = *got.best;
    EXPECT_EQ(best.objective, want->objective);
    EXPECT_EQ(best.secondary, want->secondary);
    EXPECT_EQ(best.traffic.traffic_bytes, want->traffic);
    EXPECT_EQ(best.traffic.buffer_bytes, want->buffer);
    EXPECT_EQ(best.traffic.total_fills(), want->fills);
    // The schedule returned really has the cost reported.
    const Cost replayed = simulated_cost(layer, best.schedule, accel, objective);
    EXPECT_EQ(replayed.objective, best.objective);
    EXPECT_EQ(replayed.secondary, best.secondary);
  }
}

void run_objective(Objective objective, std::uint64_t seed, int count) {
  Rng rng(seed);
  int layers = 0;
  while (layers < count) {
    const Layer layer = tiny_layer(rng);
    if (brute_force_size(layer) > 5000) continue;
    Machine machine;
    machine.halo_reuse = uniform(rng, 0, 1) == 1;
    machine.double_buffer = uniform(rng, 0, 1) == 1;
    machine.precision.psum = uniform(rng, 1, 4);
    check(layer, testing::random_accelerator(rng, machine), objective, rng);
    if (::testing::Test::HasFailure()) return;
    ++layers;
  }
}

TEST(SearchObjectiveBruteForce, LatencyMatchesExhaustiveSimulation) {
  run_objective(Objective::latency, 20261130, 300);
}

TEST(SearchObjectiveBruteForce, EnergyMatchesExhaustiveSimulation) {
  run_objective(Objective::energy, 1130, 300);
}

// Traffic first, ties by latency (the traffic objective on an accelerator).
TEST(SearchObjectiveBruteForce, TrafficOnAnAcceleratorMatchesExhaustiveSimulation) {
  run_objective(Objective::traffic, 3011, 200);
}

}  // namespace
}  // namespace spad

namespace spad {
namespace {

// Fixed order and spans leave only the tiles free. Here extents reach 12 and
// lanes 5, so tiles of one trip count differ in lane steps (e.g. m = 11 on 4
// lanes: t = 6 takes 2 + 2 = 4 steps, t = 8 takes 2 + 1 = 3): every tile
// vector, costed by the model, against the search.
TEST(SearchObjectiveBruteForce, FixedStructureMatchesEveryTileVectorWithWideLanes) {
  Rng rng(424242);
  int done = 0;
  while (done < 300) {
    LayerSpec spec;
    const bool spatial = done % 2 == 1;  // long rows and columns instead of many channels
    spec.N = uniform(rng, 1, 2);
    spec.M = uniform(rng, 2, spatial ? 3 : 12);
    spec.C = uniform(rng, 1, spatial ? 2 : 12);
    spec.H = uniform(rng, 1, spatial ? 14 : 6);
    spec.W = uniform(rng, 1, spatial ? 10 : 4);
    spec.R = uniform(rng, 1, std::min<Count>(3, spec.H));
    spec.S = uniform(rng, 1, std::min<Count>(2, spec.W));
    spec.stride_h = uniform(rng, 1, 2);
    const Layer layer(spec);
    Count vectors = 1;
    for (Dim d : kAllDims) vectors *= layer.bound(d);
    if (vectors > 6000) continue;
    Machine machine;
    machine.halo_reuse = uniform(rng, 0, 1) == 1;
    machine.double_buffer = uniform(rng, 0, 1) == 1;
    Accelerator accel = testing::random_accelerator(rng, machine);
    for (Dim d : {Dim::m, Dim::c, Dim::p, Dim::q, Dim::r})
      if (uniform(rng, 0, 1) == 1) accel.mac_array.unroll[d] = uniform(rng, 2, 5);
    const Objective objective =
        std::array{Objective::traffic, Objective::latency, Objective::energy}[uniform(rng, 0, 2)];
    Schedule s;
    std::shuffle(s.order.begin(), s.order.end(), rng);
    for (Tensor t : kAllTensors) s.buffer_span[t] = static_cast<int>(uniform(rng, 0, 8));
    std::vector<Cost> all;
    for (Dim d : kAllDims) s.tiles[d] = 1;
    for (;;) {
      const Traffic t = evaluate(layer, s, accel.machine);
      const AccelCost c = accel_cost(layer, s, accel, t);
      const auto [value, secondary] = terms(objective, c, t.traffic_bytes);
      all.push_back({value, secondary, t.traffic_bytes, t.buffer_bytes, t.total_fills()});
      std::size_t i = 0;
      for (; i < kNumDims; ++i) {
        if (++s.tiles[kAllDims[i]] <= layer.bound(kAllDims[i])) break;
        s.tiles[kAllDims[i]] = 1;
      }
      if (i == kNumDims) break;
    }
    Count max_buffer = 0;
    for (const Cost& c : all) max_buffer = std::max(max_buffer, c.buffer);
    accel.machine.capacity_bytes = uniform(rng, max_buffer / 2 + 1, max_buffer);
    std::optional<Cost> want;
    for (const Cost& c : all)
      if (c.buffer <= *accel.machine.capacity_bytes && (!want || c.key() < want->key())) want = c;
    SearchOptions options;
    options.threads = 1;
    options.range_leaf = 1;  // range bounds down to single candidates
    options.space.fixed_order = s.order;
    options.space.fixed_spans = s.buffer_span;
    options.objective = objective;
    options.accelerator = std::make_shared<const Accelerator>(accel);
    const SearchResult got = optimize(layer, accel.machine, options);
    SCOPED_TRACE(describe(layer, accel));
    ASSERT_EQ(got.best.has_value(), want.has_value());
    if (!want) continue;
    EXPECT_EQ(got.best->objective, want->objective);
    EXPECT_EQ(got.best->secondary, want->secondary);
    EXPECT_EQ(got.best->traffic.traffic_bytes, want->traffic);
    EXPECT_EQ(got.best->traffic.buffer_bytes, want->buffer);
    EXPECT_EQ(got.best->traffic.total_fills(), want->fills);
    if (::testing::Test::HasFailure()) return;
    ++done;
  }
}

}  // namespace
}  // namespace spad

namespace spad {
namespace {

// On layers too large for brute force: the latency optimum has no more
// latency than the traffic optimum, the energy optimum no more energy, and
// the traffic optimum no more traffic than either; each reported objective is
// the model's cost of the schedule returned.
TEST(SearchObjectiveProperty, EachObjectiveIsNoWorseThanTheOthersOptima) {
  Rng rng(99);
  for (int i = 0; i < 60; ++i) {
    const Layer layer = testing::random_layer(rng, 12);
    Machine machine = testing::random_machine(rng);
    Accelerator accel = testing::random_accelerator(rng, machine);
    accel.machine.capacity_bytes = uniform(rng, 64, 8192);
    const auto shared = std::make_shared<const Accelerator>(accel);
    const auto run = [&](Objective objective) {
      SearchOptions options;
      options.threads = 1;
      options.objective = objective;
      options.accelerator = shared;
      return optimize(layer, accel.machine, options).best;
    };
    const auto traffic = run(Objective::traffic);
    const auto latency = run(Objective::latency);
    const auto energy = run(Objective::energy);
    SCOPED_TRACE(describe(layer, accel));
    ASSERT_EQ(traffic.has_value(), latency.has_value());
    ASSERT_EQ(traffic.has_value(), energy.has_value());
    if (!traffic) continue;
    const auto cost = [&](const Candidate& c) {
      return accel_cost(layer, c.schedule, accel, evaluate(layer, c.schedule, accel.machine));
    };
    const AccelCost t = cost(*traffic), l = cost(*latency), e = cost(*energy);
    EXPECT_EQ(latency->objective, l.latency_cycles);
    EXPECT_EQ(energy->objective, e.energy.total);
    EXPECT_LE(l.latency_cycles, t.latency_cycles);
    EXPECT_LE(l.latency_cycles, e.latency_cycles);
    EXPECT_LE(e.energy.total, t.energy.total);
    EXPECT_LE(e.energy.total, l.energy.total);
    EXPECT_LE(traffic->traffic.traffic_bytes, latency->traffic.traffic_bytes);
    EXPECT_LE(traffic->traffic.traffic_bytes, energy->traffic.traffic_bytes);
  }
}

}  // namespace
}  // namespace spad
