// The sweep (study/sweep) against separate searches: every row equals
// `optimize` run at that capacity, layer by layer; traffic never increases
// with capacity; the answer does not depend on the thread count; the target
// capacity equals a brute scan over every capacity; the knee equals its
// definition evaluated with separate searches.
#include "study/sweep.hpp"

#include <gtest/gtest.h>

#include "io/json/sweep_json.hpp"
#include "io/zoo/network_file.hpp"
#include "model/evaluate.hpp"
#include "model/lower_bound.hpp"
#include "random_accelerator.hpp"
#include "random_cases.hpp"
#include "search/baselines.hpp"
#include "search/optimize.hpp"
#include "study/capacity_optima.hpp"

namespace spad {
namespace {

// A small network with a repeated shape (layers 0 and 2), a strided
// convolution, a depthwise one and a fully-connected one.
Network tiny_network() {
  return parse_network_json(nlohmann::json::parse(R"({"model": "tiny", "layers": [
    {"name": "a", "C": 3, "M": 4, "H": 6, "W": 6, "R": 3, "S": 3, "pad": [1, 1, 1, 1]},
    {"name": "b<&\"", "C": 4, "M": 4, "H": 6, "W": 6, "R": 3, "S": 3, "stride": [2, 2],
     "groups": 4},
    {"name": "c", "C": 3, "M": 4, "H": 6, "W": 6, "R": 3, "S": 3, "pad": [1, 1, 1, 1]},
    {"name": "fc", "kind": "fc", "C": 36, "M": 5, "H": 1, "W": 1, "R": 1, "S": 1}]})"),
                            "tiny.json");
}

// Every row and every layer point equals a separate `optimize` of that layer
// at that capacity.
void expect_rows_equal_optimize(const std::vector<Network>& nets, const SweepOptions& options) {
  const SweepResult result = sweep(nets, options);
  ASSERT_EQ(result.rows.size(), nets.size() * options.capacities.size());
  for (std::size_t n = 0; n < nets.size(); ++n)
    for (std::size_t c = 0; c < options.capacities.size(); ++c) {
      const Count capacity = options.capacities[c];
      Machine machine = options.machine;
      machine.capacity_bytes = capacity;
      SearchOptions search;
      search.space = options.space;
      search.threads = 1;
      const SweepRow& row = result.row(n, c);
      EXPECT_EQ(row.capacity_bytes, capacity);
      ASSERT_EQ(row.layer_points.size(), nets[n].layers.size());
      Count traffic = 0, compulsory = 0, bound = 0, infeasible = 0;
      for (std::size_t l = 0; l < nets[n].layers.size(); ++l) {
        const Layer layer(nets[n].layers[l].spec);
        const SearchResult e = optimize(layer, machine, search);
        const SweepLayerPoint& p = row.layer_points[l];
        ASSERT_EQ(p.best.has_value(), e.best.has_value())
            << nets[n].model << " " << l << " at " << capacity;
        if (e.best) {
          EXPECT_EQ(p.best->schedule, e.best->schedule)
              << nets[n].model << " layer " << l << " at " << capacity;
          EXPECT_EQ(p.best->traffic, e.best->traffic);
          traffic += e.best->traffic.traffic_bytes;
        } else {
          ++infeasible;
        }
        const LowerBound lb = lower_bound(layer, machine.precision, capacity);
        const Count comp = compulsory_bytes(layer, machine.precision);
        EXPECT_EQ(p.compulsory_bytes, comp);
        EXPECT_EQ(p.lower_bound_bytes, lb.bound_bytes);
        compulsory += comp;
        bound += lb.bound_bytes;
      }
      EXPECT_EQ(row.infeasible_layers, infeasible);
      EXPECT_EQ(row.traffic_bytes.has_value(), infeasible == 0);
      if (row.traffic_bytes) {
        EXPECT_EQ(*row.traffic_bytes, traffic);
      }
      EXPECT_EQ(row.compulsory_bytes, compulsory);
      EXPECT_EQ(row.lower_bound_bytes, bound);
    }
}

TEST(Sweep, RowsEqualSeparateOptimizeRunsTiny) {
  SweepOptions options;
  options.capacities = {1, 40, 64, 100, 128, 200, 256, 512, 777, 1024, 4096, 1 << 20};
  options.threads = 2;
  expect_rows_equal_optimize({tiny_network()}, options);
  options.machine.halo_reuse = true;
  options.machine.double_buffer = true;
  options.machine.precision = Precision{2, 1, 2, 4};
  expect_rows_equal_optimize({tiny_network()}, options);
}

TEST(Sweep, RowsEqualSeparateOptimizeRunsZoo) {
  SweepOptions options;
  options.capacities = {1024, 3000, 8192, 65536, 1 << 20};
  options.threads = 2;
  expect_rows_equal_optimize(
      {load_zoo_model("squeezenet1_1"), load_zoo_model("mobilenet_v1"), tiny_network()}, options);
}

TEST(SweepSlow, RandomLayersAtRandomCapacitiesInAnyOrder) {
  // CapacityOptima answers in any order of capacities equal fresh searches.
  testing::Rng rng(11);
  for (int i = 0; i < 12; ++i) {
    const Layer layer = testing::random_layer(rng, 8);
    Machine m = testing::random_machine(rng);
    SearchOptions o;
    o.threads = 1;
    CapacityOptima optima(layer, m, o);
    for (int k = 0; k < 8; ++k) {
      const Count capacity = testing::uniform(rng, 1, 3000);
      Machine at = m;
      at.capacity_bytes = capacity;
      const SearchResult fresh = optimize(layer, at, o);
      const SearchResult& shared = optima.at(capacity);
      ASSERT_EQ(shared.best.has_value(), fresh.best.has_value()) << "case " << i;
      if (!fresh.best) continue;
      EXPECT_EQ(shared.best->schedule, fresh.best->schedule) << "case " << i << " at " << capacity;
      EXPECT_EQ(shared.best->traffic, fresh.best->traffic);
    }
  }
}

TEST(Sweep, TrafficNeverIncreasesWithCapacity) {
  SweepOptions options;
  for (Count c = 16; c <= (Count{1} << 22); c *= 2) {
    options.capacities.push_back(c);
    options.capacities.push_back(c + c / 2);
  }
  options.baselines = true;
  const SweepResult result = sweep({load_zoo_model("squeezenet1_1"), tiny_network()}, options);
  for (std::size_t n = 0; n < result.networks.size(); ++n)
    for (std::size_t c = 1; c < result.capacities.size(); ++c) {
      const SweepRow& a = result.row(n, c - 1);
      const SweepRow& b = result.row(n, c);
      if (a.traffic_bytes) {
        ASSERT_TRUE(b.traffic_bytes.has_value());
        EXPECT_LE(*b.traffic_bytes, *a.traffic_bytes) << result.networks[n].model;
      }
      EXPECT_LE(b.infeasible_layers, a.infeasible_layers);
      EXPECT_LE(b.lower_bound_bytes, a.lower_bound_bytes);
      for (std::size_t l = 0; l < a.layer_points.size(); ++l) {
        const SweepLayerPoint& pa = a.layer_points[l];
        const SweepLayerPoint& pb = b.layer_points[l];
        if (pa.best) {
          EXPECT_LE(pb.best->traffic.traffic_bytes, pa.best->traffic.traffic_bytes);
        }
        if (pb.best) {
          EXPECT_GE(pb.best->traffic.traffic_bytes, pb.lower_bound_bytes);
        }
        // The searched baselines are optima of smaller spaces: monotone too,
        // and never below the optimum.
        for (Baseline base : {Baseline::weight_stationary, Baseline::output_stationary,
                              Baseline::input_stationary, Baseline::working_set}) {
          const auto& ba = pa.baselines[static_cast<std::size_t>(base)];
          const auto& bb = pb.baselines[static_cast<std::size_t>(base)];
          if (ba) {
            EXPECT_LE(bb->traffic.traffic_bytes, ba->traffic.traffic_bytes);
          }
          if (bb) {
            EXPECT_GE(bb->traffic.traffic_bytes, pb.best->traffic.traffic_bytes);
          }
        }
      }
    }
}

TEST(Sweep, BaselinesEqualTheirSearches) {
  const Network net = tiny_network();
  SweepOptions options;
  options.capacities = {64, 300, 2048};
  options.baselines = true;
  const SweepResult result = sweep({net}, options);
  for (std::size_t c = 0; c < options.capacities.size(); ++c)
    for (std::size_t l = 0; l < net.layers.size(); ++l) {
      const Layer layer(net.layers[l].spec);
      Machine m;
      m.capacity_bytes = options.capacities[c];
      const SweepLayerPoint& p = result.row(0, c).layer_points[l];
      const auto check = [&](Baseline b, const std::optional<Candidate>& expected) {
        const std::optional<Candidate>& got = p.baselines[static_cast<std::size_t>(b)];
        ASSERT_EQ(got.has_value(), expected.has_value()) << baseline_name(b);
        if (got) {
          EXPECT_EQ(got->traffic, expected->traffic) << baseline_name(b);
        }
      };
      check(Baseline::weight_stationary, dataflow_optimum(layer, m, Baseline::weight_stationary));
      check(Baseline::input_stationary, dataflow_optimum(layer, m, Baseline::input_stationary));
      check(Baseline::working_set, working_set_optimum(layer, m));
      check(Baseline::hwce_v2, hwce_baseline(layer, m, 2));
    }
}

TEST(SweepSlow, SameDocumentForAnyThreadCount) {
  SweepOptions options;
  options.capacities = {512, 4096, 262144};
  options.baselines = true;
  options.target_ratio = Ratio{15, 10};
  options.knee_share = Ratio{1, 10};
  const std::vector<Network> nets = {load_zoo_model("squeezenet1_1"), tiny_network()};
  options.threads = 1;
  const std::string one = sweep_to_json(sweep(nets, options), true).dump();
  for (int threads : {2, 3}) {
    options.threads = threads;
    EXPECT_EQ(sweep_to_json(sweep(nets, options), true).dump(), one) << threads;
  }
}

// Brute force: the optimum at every capacity from 1 up to the whole layer.
struct Scan {
  std::vector<std::optional<Count>> traffic;  // [capacity], index 0 unused
};

Scan scan(const Layer& layer, const Machine& machine, Count top) {
  Scan s;
  s.traffic.resize(static_cast<std::size_t>(top) + 1);
  SearchOptions o;
  o.threads = 1;
  for (Count c = 1; c <= top; ++c) {
    Machine at = machine;
    at.capacity_bytes = c;
    const SearchResult r = optimize(layer, at, o);
    if (r.best) s.traffic[static_cast<std::size_t>(c)] = r.best->traffic.traffic_bytes;
  }
  return s;
}

TEST(SweepSlow, TargetRatioEqualsABruteScan) {
  const Network net = tiny_network();
  Machine machine;
  // Capacity at which every layer's whole arrays fit: above it nothing changes.
  Count top = 0;
  for (const NetworkLayer& l : net.layers) {
    const Layer layer(l.spec);
    top = std::max(top, layer.size(Tensor::I) + layer.size(Tensor::W) + 4 * layer.size(Tensor::O));
  }
  std::vector<Scan> scans;
  for (const NetworkLayer& l : net.layers) scans.push_back(scan(Layer(l.spec), machine, top));
  for (const Ratio ratio : {Ratio{1, 1}, Ratio{11, 10}, Ratio{12, 10}, Ratio{2, 1}, Ratio{5, 1}}) {
    SweepOptions options;
    options.capacities = {1024};
    options.target_ratio = ratio;
    const SweepResult result = sweep({net}, options);
    ASSERT_TRUE(result.targets.has_value());
    const auto meets = [&](Count traffic, Count compulsory) {
      return traffic * ratio.den <= compulsory * ratio.num;
    };
    Count total_compulsory = 0;
    for (std::size_t l = 0; l < net.layers.size(); ++l) {
      const Count compulsory = compulsory_bytes(Layer(net.layers[l].spec), machine.precision);
      total_compulsory += compulsory;
      std::optional<Count> expected;
      for (Count c = 1; c <= top && !expected; ++c)
        if (const auto t = scans[l].traffic[static_cast<std::size_t>(c)];
            t && meets(*t, compulsory))
          expected = c;
      const std::optional<CapacityPoint>& got = result.targets->layers[0][l];
      ASSERT_EQ(got.has_value(), expected.has_value()) << "layer " << l;
      if (!got) continue;
      EXPECT_EQ(got->capacity_bytes, *expected) << "layer " << l << " ratio " << ratio.num;
      EXPECT_EQ(got->traffic_bytes, *scans[l].traffic[static_cast<std::size_t>(*expected)]);
    }
    std::optional<Count> expected;
    for (Count c = 1; c <= top && !expected; ++c) {
      Count traffic = 0;
      bool fits = true;
      for (const Scan& s : scans) {
        if (!s.traffic[static_cast<std::size_t>(c)])
          fits = false;
        else
          traffic += *s.traffic[static_cast<std::size_t>(c)];
      }
      if (fits && meets(traffic, total_compulsory)) expected = c;
    }
    const std::optional<CapacityPoint>& got = result.targets->networks[0];
    ASSERT_EQ(got.has_value(), expected.has_value());
    if (got) {
      EXPECT_EQ(got->capacity_bytes, *expected) << "ratio " << ratio.num << "/" << ratio.den;
    }
  }
}

TEST(Sweep, KneeIsTheFirstCapacityWhereDoublingSavesLittle) {
  const Network net = load_zoo_model("squeezenet1_1");
  SweepOptions options;
  for (Count c = 256; c <= (Count{1} << 20); c *= 2) options.capacities.push_back(c);
  options.knee_share = Ratio{1, 10};
  const SweepResult result = sweep({net}, options);
  ASSERT_TRUE(result.knees.has_value());
  // Traffic at every listed capacity and its double, from the sweep's rows
  // (equal to optimize: tests above); the knee is the first with a saving
  // below 10%.
  std::optional<Count> expected;
  for (std::size_t c = 0; c + 1 < options.capacities.size() && !expected; ++c) {
    const auto& a = result.row(0, c).traffic_bytes;
    const auto& b = result.row(0, c + 1).traffic_bytes;
    if (a && (*a - *b) * 10 < *a) expected = options.capacities[c];
  }
  const std::optional<KneePoint>& got = result.knees->networks[0];
  if (expected) {
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->capacity_bytes, *expected);
  } else if (got) {
    EXPECT_EQ(got->capacity_bytes, options.capacities.back());  // its double is not listed
  }
}

// A network's own element sizes (a quantized ONNX model) replace the
// machine's for that network only; networks of different sizes sweep side by
// side.
TEST(Sweep, ANetworksOwnPrecisionIsUsedForIt) {
  Network own = tiny_network();
  own.model = "tiny-int16";
  own.precision = Precision{2, 2, 2, 4};
  SweepOptions options;
  options.capacities = {100, 600, 5000};
  const SweepResult result = sweep({own, tiny_network()}, options);
  for (std::size_t n = 0; n < 2; ++n)
    for (std::size_t c = 0; c < options.capacities.size(); ++c) {
      Machine m;
      if (n == 0) m.precision = *own.precision;
      m.capacity_bytes = options.capacities[c];
      SearchOptions o;
      o.threads = 1;
      const SweepRow& row = result.row(n, c);
      for (std::size_t l = 0; l < own.layers.size(); ++l) {
        const Layer layer(own.layers[l].spec);
        const SearchResult e = optimize(layer, m, o);
        ASSERT_EQ(row.layer_points[l].best.has_value(), e.best.has_value());
        if (e.best) {
          EXPECT_EQ(row.layer_points[l].best->traffic, e.best->traffic) << n << " " << l;
        }
        EXPECT_EQ(row.layer_points[l].compulsory_bytes, compulsory_bytes(layer, m.precision));
      }
    }
  EXPECT_GT(result.row(0, 2).compulsory_bytes, result.row(1, 2).compulsory_bytes);
}

// On an accelerator each capacity is the accelerator with that scratchpad
// (default scratchpad energy re-derived): every point equals optimize() on
// that accelerator, for each objective, whether or not answers are shared.
TEST(Sweep, OnAnAcceleratorRowsEqualSeparateSearches) {
  testing::Rng rng(3);
  const Network net = tiny_network();
  for (int i = 0; i < 4; ++i) {
    Accelerator accel = testing::random_accelerator(rng, Machine{});
    if (i % 2 == 0) {  // half the cases with the capacity-dependent default energy
      accel.energy.scratchpad_source = EnergySource::default_value;
      accel.energy.scratchpad_fj_per_byte = default_scratchpad_fj_per_byte(1 << 20);
    }
    SweepOptions options;
    options.capacities = {48, 200, 700, 4096, 1 << 20};
    options.accelerators = {accel};
    options.objectives = {Objective::traffic, Objective::latency, Objective::energy};
    options.threads = 2;
    const SweepResult result = sweep({net}, options);
    ASSERT_EQ(result.machines.size(), 3u);
    for (std::size_t m = 0; m < 3; ++m)
      for (std::size_t c = 0; c < options.capacities.size(); ++c) {
        const Accelerator at = accelerator_at(accel, options.capacities[c]);
        if (i % 2 == 0) {
          EXPECT_EQ(at.energy.scratchpad_fj_per_byte,
                    default_scratchpad_fj_per_byte(options.capacities[c]));
        }
        SearchOptions o;
        o.threads = 1;
        o.objective = result.machines[m].objective;
        o.accelerator = std::make_shared<const Accelerator>(at);
        const SweepRow& row = result.row(0, c, m);
        Count latency = 0;
        bool all_fit = true;
        for (std::size_t l = 0; l < net.layers.size(); ++l) {
          const Layer layer(net.layers[l].spec);
          const SearchResult e = optimize(layer, at.machine, o);
          const SweepLayerPoint& p = row.layer_points[l];
          ASSERT_EQ(p.best.has_value(), e.best.has_value());
          if (!e.best) {
            all_fit = false;
            continue;
          }
          EXPECT_EQ(p.best->schedule, e.best->schedule) << "case " << i << " objective " << m;
          EXPECT_EQ(p.best->objective, e.best->objective);
          const AccelCost cost = accel_cost(layer, e.best->schedule, at, e.best->traffic);
          ASSERT_TRUE(p.cost.has_value());
          EXPECT_EQ(*p.cost, cost);
          latency += cost.latency_cycles;
        }
        EXPECT_EQ(row.latency_cycles.has_value(), all_fit);
        if (all_fit) {
          EXPECT_EQ(*row.latency_cycles, latency);
        }
      }
  }
}

// With baselines on an accelerator, each baseline at each capacity is its
// own search on that accelerator for the row's objective (the fixed
// dataflows, the working-set model), or the HWCE-like engine's one schedule.
TEST(Sweep, OnAnAcceleratorBaselinesEqualTheirSearches) {
  testing::Rng rng(5);
  const Network net = tiny_network();
  const Accelerator accel = testing::random_accelerator(rng, Machine{});
  SweepOptions options;
  options.capacities = {64, 300, 2048};
  options.accelerators = {accel};
  options.objectives = {Objective::latency, Objective::traffic};
  options.baselines = true;
  options.threads = 2;
  const SweepResult result = sweep({net}, options);
  ASSERT_EQ(result.machines.size(), 2u);
  std::size_t fits = 0;
  for (std::size_t m = 0; m < 2; ++m)
    for (std::size_t c = 0; c < options.capacities.size(); ++c) {
      const Accelerator at = accelerator_at(accel, options.capacities[c]);
      const SweepRow& row = result.row(0, c, m);
      for (std::size_t l = 0; l < net.layers.size(); ++l) {
        const Layer layer(net.layers[l].spec);
        const SweepLayerPoint& p = row.layer_points[l];
        const auto check = [&](Baseline b, const std::optional<Candidate>& expected) {
          const std::optional<Candidate>& got = p.baselines[static_cast<std::size_t>(b)];
          ASSERT_EQ(got.has_value(), expected.has_value()) << baseline_name(b);
          if (!got) return;
          ++fits;
          EXPECT_EQ(got->schedule, expected->schedule) << baseline_name(b) << " at " << c;
          EXPECT_EQ(got->traffic, expected->traffic) << baseline_name(b);
        };
        const auto searched = [&](const SearchSpace& space) {
          SearchOptions o;
          o.threads = 1;
          o.objective = result.machines[m].objective;
          o.accelerator = std::make_shared<const Accelerator>(at);
          o.space = space;
          return optimize(layer, at.machine, o).best;
        };
        check(Baseline::weight_stationary, searched(dataflow_space(Baseline::weight_stationary)));
        check(Baseline::output_stationary, searched(dataflow_space(Baseline::output_stationary)));
        check(Baseline::input_stationary, searched(dataflow_space(Baseline::input_stationary)));
        SearchSpace uniform;
        uniform.uniform_spans = true;
        check(Baseline::working_set, searched(uniform));
        check(Baseline::hwce_v1, hwce_baseline(layer, at.machine, 1));
        check(Baseline::hwce_v4, hwce_baseline(layer, at.machine, 4));
      }
    }
  EXPECT_GT(fits, 0u);  // the comparison compared schedules, not only absences
}

// The progress callback starts at (0, total), counts up by one, and ends at
// total: the planned steps are exactly the steps run (with target and knee).
TEST(Sweep, ProgressCountsEveryStepOnce) {
  SweepOptions options;
  options.capacities = {64, 300, 2048};
  options.baselines = true;
  options.target_ratio = Ratio{12, 10};
  options.knee_share = Ratio{1, 10};
  options.threads = 2;
  std::vector<std::pair<std::int64_t, std::int64_t>> calls;
  options.progress = [&](std::int64_t done, std::int64_t total) {
    calls.emplace_back(done, total);
  };
  sweep({tiny_network()}, options);
  ASSERT_FALSE(calls.empty());
  const std::int64_t total = calls.front().second;
  // 3 distinct shapes x 5 spaces, + 3 shapes and 1 network (target), + 3 x 5
  // twice (knee: the capacities, then their doubles).
  EXPECT_EQ(total, 3 * 5 + 3 + 1 + 2 * 3 * 5);
  for (std::size_t i = 0; i < calls.size(); ++i) {
    EXPECT_EQ(calls[i].first, static_cast<std::int64_t>(i));
    EXPECT_EQ(calls[i].second, total);
  }
  EXPECT_EQ(calls.back().first, total);
}

// On machine files the target and the knee are those of each machine's least
// traffic: a plain sweep on the machine's scratchpad options (precisions,
// halo reuse, double buffering) gives the same answers, whatever the objective.
TEST(Sweep, OnAnAcceleratorTargetAndKneeAreThoseOfItsLeastTraffic) {
  testing::Rng rng(9);
  const Network net = tiny_network();
  SweepOptions options;
  options.capacities = {48, 200, 700, 4096};
  options.accelerators = {testing::random_accelerator(rng, Machine{}),
                          testing::random_accelerator(rng, Machine{})};
  options.accelerators[1].name = "second";
  options.accelerators[1].machine.halo_reuse = !options.accelerators[0].machine.halo_reuse;
  options.objectives = {Objective::latency};
  options.target_ratio = Ratio{12, 10};
  options.knee_share = Ratio{1, 10};
  options.threads = 2;
  const SweepResult result = sweep({net}, options);
  EXPECT_FALSE(result.targets.has_value());
  EXPECT_FALSE(result.knees.has_value());
  ASSERT_EQ(result.machine_answers.size(), 2u);
  std::size_t reached = 0;
  for (std::size_t a = 0; a < 2; ++a) {
    const SweepMachineAnswers& got = result.machine_answers[a];
    EXPECT_EQ(got.machine, options.accelerators[a].name);
    SweepOptions plain;
    plain.capacities = options.capacities;
    plain.machine = options.accelerators[a].machine;
    plain.target_ratio = options.target_ratio;
    plain.knee_share = options.knee_share;
    const SweepResult expected = sweep({net}, plain);
    ASSERT_TRUE(got.targets && got.knees);
    const auto same_target = [&](const std::optional<CapacityPoint>& x,
                                 const std::optional<CapacityPoint>& y) {
      ASSERT_EQ(x.has_value(), y.has_value());
      if (!x) return;
      ++reached;
      EXPECT_EQ(x->capacity_bytes, y->capacity_bytes);
      EXPECT_EQ(x->traffic_bytes, y->traffic_bytes);
    };
    const auto same_knee = [](const std::optional<KneePoint>& x,
                              const std::optional<KneePoint>& y) {
      ASSERT_EQ(x.has_value(), y.has_value());
      if (!x) return;
      EXPECT_EQ(x->capacity_bytes, y->capacity_bytes);
      EXPECT_EQ(x->traffic_bytes, y->traffic_bytes);
      EXPECT_EQ(x->doubled_traffic_bytes, y->doubled_traffic_bytes);
    };
    same_target(got.targets->networks[0], expected.targets->networks[0]);
    same_knee(got.knees->networks[0], expected.knees->networks[0]);
    for (std::size_t l = 0; l < net.layers.size(); ++l) {
      same_target(got.targets->layers[0][l], expected.targets->layers[0][l]);
      same_knee(got.knees->layers[0][l], expected.knees->layers[0][l]);
    }
  }
  EXPECT_GT(reached, 0u);  // some targets were reached: the comparison is not vacuous
}

TEST(Sweep, BadInputIsAUserError) {
  SweepOptions options;
  EXPECT_THROW(sweep({tiny_network()}, options), UserError);  // no capacity
  options.capacities = {0};
  EXPECT_THROW(sweep({tiny_network()}, options), UserError);
  options.capacities = {64};
  EXPECT_THROW(sweep({}, options), UserError);
  testing::Rng rng(1);
}

}  // namespace
}  // namespace spad
