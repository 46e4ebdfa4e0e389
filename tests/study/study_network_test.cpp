// The network studies called as a library (study/optimize_network,
// compare_network, accel_network, accel_comparison's compare_accelerators)
// and the job runner under them
// (base/parallel_run): each distinct shape is searched once and its answer
// copied to the layers of the same shape, every answer equals the per-layer
// call it stands for (search/optimize, search/baselines, model/accel_cost),
// the result is the same for any thread count, and progress counts each job.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/parallel_run.hpp"
#include "io/json/accel_comparison_json.hpp"
#include "io/json/accel_result_json.hpp"
#include "io/json/compare_result_json.hpp"
#include "io/json/network_result_json.hpp"
#include "model/accel_cost.hpp"
#include "search/baselines.hpp"
#include "study/accel_comparison.hpp"
#include "study/accel_network.hpp"
#include "study/compare_network.hpp"
#include "study/layer_shapes.hpp"
#include "study/optimize_network.hpp"

namespace spad {
namespace {

LayerSpec conv3x3(std::string name) {
  return LayerSpec{.name = std::move(name),
                   .C = 8,
                   .M = 8,
                   .H = 8,
                   .W = 8,
                   .R = 3,
                   .S = 3,
                   .pad_top = 1,
                   .pad_left = 1,
                   .pad_bottom = 1,
                   .pad_right = 1};
}

// Layers 0 and 2 have one shape (names differ), 1 and 3 others.
Network small_network() {
  Network net;
  net.model = "small";
  net.layers.push_back({conv3x3("a"), LayerKind::conv, false});
  net.layers.push_back({{.name = "pw", .C = 8, .M = 16, .H = 8, .W = 8}, LayerKind::conv, false});
  net.layers.push_back({conv3x3("a again"), LayerKind::conv, false});
  net.layers.push_back({{.name = "fc", .C = 64, .M = 10}, LayerKind::fc, true});
  return net;
}

Machine small_machine() {
  Machine m;
  m.capacity_bytes = 1024;
  return m;
}

Accelerator small_accelerator() {
  Accelerator a;
  a.name = "test";
  a.machine = small_machine();
  a.mac_array.unroll[Dim::m] = 4;
  a.mac_array.unroll[Dim::q] = 2;
  a.clock_mhz = 100;
  a.offchip_bits_per_cycle = 32;
  a.dma_setup_cycles = 10;
  a.energy.mac_fj = 100;
  a.energy.scratchpad_fj_per_byte = 50;
  a.energy.offchip_fj_per_byte = 5000;
  return a;
}

NetworkLayer conv_layer(LayerSpec spec) { return {std::move(spec), LayerKind::conv, false}; }

TEST(LayerShapes, SameShapeIgnoresTheNameOnly) {
  const Precision p;
  EXPECT_TRUE(same_shape(conv_layer(conv3x3("x")), conv_layer(conv3x3("y")), p));
  LayerSpec other_spec = conv3x3("x");
  other_spec.stride_w = 2;
  const NetworkLayer other = conv_layer(other_spec);
  EXPECT_FALSE(same_shape(conv_layer(conv3x3("x")), other, p));
  const std::vector<std::size_t> first = first_of_shape(
      {conv_layer(conv3x3("a")), other, conv_layer(conv3x3("b")), other, conv_layer(conv3x3("c"))},
      p);
  EXPECT_EQ(first, (std::vector<std::size_t>{0, 1, 0, 1, 0}));
}

// A matmul's second operand moves at the input size (DESIGN.md, ONNX
// import): an fc and a matmul of one shape are one shape only while the
// input and weight sizes are equal.
TEST(LayerShapes, MatmulIsAnotherShapeWhenItsOperandSizesDiffer) {
  const LayerSpec spec{.name = "x", .C = 16, .M = 8};
  const NetworkLayer fc{spec, LayerKind::fc, false};
  const NetworkLayer mm{spec, LayerKind::matmul, false};
  EXPECT_TRUE(same_shape(fc, mm, Precision{}));
  EXPECT_FALSE(same_shape(fc, mm, Precision{.input = 2, .weight = 1, .output = 1, .psum = 4}));
  EXPECT_EQ(layer_precision(Precision{.input = 2, .weight = 1, .output = 1, .psum = 4},
                            LayerKind::matmul),
            (Precision{.input = 2, .weight = 2, .output = 1, .psum = 4}));
  EXPECT_EQ(
      layer_precision(Precision{.input = 2, .weight = 1, .output = 1, .psum = 4}, LayerKind::fc),
      (Precision{.input = 2, .weight = 1, .output = 1, .psum = 4}));
}

// A layer that states its own sizes (one integer operator of a quantized
// model, a mixed-precision network file) is searched and bounded at them;
// the others at the machine's. Hand count for N=4, C=16, M=8 with
// out = 4 bytes: I 64 + W 128 + O 32*4 = 320 bytes, at the defaults 224.
TEST(NetworkStudies, ALayersOwnSizesApplyToItAlone) {
  const LayerSpec spec{.name = "x", .N = 4, .C = 16, .M = 8};
  Network net;
  net.model = "mixed";
  net.layers.push_back({spec, LayerKind::fc, false});
  net.layers.push_back({spec, LayerKind::fc, false, Precision{1, 1, 4, 4}});
  Machine machine;
  machine.capacity_bytes = 4096;
  const NetworkResult r = optimize_network(net, all_layers(net), machine, SearchOptions{});
  EXPECT_EQ(r.unique_shapes, 2u);
  EXPECT_EQ(r.layers[0].compulsory_bytes, 224);
  EXPECT_EQ(r.layers[1].compulsory_bytes, 320);
  ASSERT_TRUE(r.layers[1].fits());
  EXPECT_EQ(r.layers[1].search.best->traffic.traffic_bytes, 320);
  const nlohmann::ordered_json doc = network_result_to_json(r);
  EXPECT_FALSE(doc["layers"][0].contains("precision"));
  EXPECT_EQ(doc["layers"][1]["precision"],
            (nlohmann::ordered_json{{"in", 1}, {"w", 1}, {"out", 4}, {"psum", 4}}));
  const CompareResult c = compare_network(net, all_layers(net), machine, 1);
  EXPECT_EQ(c.layers[1].bound.compulsory_bytes, 320);
}

// Every study prices a matmul's second operand at the input size. Hand
// count for N=4, C=16, M=8 at in=2, w=1, out=1: compulsory = I 4*16*2 = 128
// + W (an activation) 16*8*2 = 256 + O 4*8*1 = 32 = 416 bytes; as an fc
// layer W is 16*8*1 = 128, so 288.
TEST(NetworkStudies, MatmulSecondOperandAtTheInputSize) {
  const LayerSpec spec{.name = "x", .N = 4, .C = 16, .M = 8};
  Network net;
  net.model = "mm";
  net.layers.push_back({spec, LayerKind::fc, false});
  net.layers.push_back({spec, LayerKind::matmul, false});
  Machine machine;
  machine.capacity_bytes = 4096;
  machine.precision = Precision{.input = 2, .weight = 1, .output = 1, .psum = 4};
  const NetworkResult r = optimize_network(net, all_layers(net), machine, SearchOptions{});
  ASSERT_EQ(r.layers.size(), 2u);
  EXPECT_EQ(r.unique_shapes, 2u);
  EXPECT_EQ(r.layers[0].compulsory_bytes, 288);
  EXPECT_EQ(r.layers[1].compulsory_bytes, 416);
  ASSERT_TRUE(r.layers[1].fits());
  EXPECT_EQ(r.layers[1].search.best->traffic.compulsory_bytes, 416);
  // The whole layer fits 4 KiB: each array moves once.
  EXPECT_EQ(r.layers[1].search.best->traffic.traffic_bytes, 416);
  EXPECT_EQ(r.layers[0].search.best->traffic.traffic_bytes, 288);

  const CompareResult c = compare_network(net, all_layers(net), machine, 1);
  EXPECT_EQ(c.layers[1].bound.compulsory_bytes, 416);
  const auto& ws = c.layers[1].baselines[static_cast<std::size_t>(Baseline::weight_stationary)];
  ASSERT_TRUE(ws.has_value());
  EXPECT_EQ(ws->traffic.compulsory_bytes, 416);

  Accelerator accel = small_accelerator();
  accel.machine.capacity_bytes = 4096;
  accel.machine.precision = machine.precision;
  accel.energy.mac_fj = 100;
  const AccelResult a = accel_network(net, all_layers(net), accel, AccelRunOptions{});
  ASSERT_TRUE(a.layers[1].cost.has_value());
  EXPECT_EQ(a.network.layers[1].search.best->traffic.traffic_bytes, 416);
}

TEST(LayerShapes, LargestFirstIsStable) {
  const std::vector<Count> macs = {5, 9, 5, 1, 9};
  EXPECT_EQ(largest_first({0, 1, 2, 3, 4}, [&](std::size_t i) { return macs[i]; }),
            (std::vector<std::size_t>{1, 4, 0, 2, 3}));
}

TEST(JobRunner, SplitsThreadsBetweenJobs) {
  EXPECT_EQ(split_threads(4, 2).workers, 2);
  EXPECT_EQ(split_threads(4, 2).per_job, 2);
  EXPECT_EQ(split_threads(3, 10).workers, 3);
  EXPECT_EQ(split_threads(3, 10).per_job, 1);
  EXPECT_EQ(split_threads(5, 0).workers, 1);
  EXPECT_EQ(split_threads(5, 0).per_job, 5);
  EXPECT_EQ(split_threads(7, 3).per_job, 2);
}

TEST(JobRunner, RunsEveryJobOnceAndRethrowsTheFirstErrorInOrder) {
  for (int workers : {1, 3, 8}) {
    std::vector<std::atomic<int>> runs(20);
    std::atomic<int> done{0};
    const std::vector<std::size_t> order = {19, 3,  7,  0,  1,  2,  4,  5,  6,  8,
                                            9,  10, 11, 12, 13, 14, 15, 16, 17, 18};
    try {
      run_parallel(
          order, workers,
          [&](std::size_t i) {
            ++runs[i];
            if (i == 7 || i == 12) throw std::runtime_error("job " + std::to_string(i));
          },
          [&] { ++done; });
      ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
      // 7 comes before 12 in `order`, whichever ran first.
      EXPECT_EQ(std::string(e.what()), "job 7");
    }
    for (const std::atomic<int>& r : runs) EXPECT_EQ(r.load(), 1);
    EXPECT_EQ(done.load(), 20);
  }
}

TEST(OptimizeNetworkStudy, EachShapeSearchedOnceAndEqualToTheLayerSearch) {
  const Network net = small_network();
  SearchOptions options;
  options.threads = 2;
  std::vector<std::string> stages;
  std::atomic<int> steps{0};
  StudyProgress progress;
  progress.stage = [&](const std::string& name, const std::string&, std::int64_t total) {
    stages.push_back(name + " " + std::to_string(total));
  };
  progress.step = [&] { ++steps; };
  const NetworkResult result =
      optimize_network(net, all_layers(net), small_machine(), options, progress);
  EXPECT_EQ(stages, std::vector<std::string>{"optimum 3"});
  EXPECT_EQ(steps.load(), 3);
  ASSERT_EQ(result.layers.size(), 4u);
  EXPECT_EQ(result.unique_shapes, 3u);
  EXPECT_EQ(result.layers[2].searched_as, 0u);
  for (std::size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(result.layers[i].index, i);
    EXPECT_EQ(result.layers[i].layer.spec.name, net.layers[i].spec.name);
    SearchOptions one;
    one.threads = 1;
    const SearchResult direct = optimize(Layer(net.layers[i].spec), small_machine(), one);
    ASSERT_EQ(result.layers[i].fits(), direct.best.has_value());
    if (!direct.best) continue;
    EXPECT_EQ(result.layers[i].search.best->schedule, direct.best->schedule);
    EXPECT_EQ(result.layers[i].search.best->traffic, direct.best->traffic);
  }
  // Searched statistics count the three searches, not the copy.
  const SearchStats stats = searched_stats(result);
  EXPECT_EQ(stats.templates, result.layers[0].search.stats.templates +
                                 result.layers[1].search.stats.templates +
                                 result.layers[3].search.stats.templates);
}

TEST(OptimizeNetworkStudy, SelectionAndThreadCountIndependence) {
  const Network net = small_network();
  SearchOptions options;
  options.threads = 1;
  const NetworkResult one = optimize_network(net, {1, 2}, small_machine(), options);
  ASSERT_EQ(one.layers.size(), 2u);
  EXPECT_EQ(one.layers[0].index, 1u);
  EXPECT_EQ(one.layers[1].index, 2u);
  EXPECT_EQ(one.unique_shapes, 2u);
  SearchOptions single;
  single.threads = 1;
  for (int threads : {2, 5}) {
    options.threads = threads;
    EXPECT_EQ(
        network_result_to_json(optimize_network(net, all_layers(net), small_machine(), options)),
        network_result_to_json(optimize_network(net, all_layers(net), small_machine(), single)))
        << threads;
  }
}

TEST(CompareNetworkStudy, BaselinesEqualTheirOwnSearchesAndCopiesMatch) {
  const Network net = small_network();
  const Machine machine = small_machine();
  std::vector<std::string> stages;
  StudyProgress progress;
  progress.stage = [&](const std::string& name, const std::string&, std::int64_t total) {
    stages.push_back(name + " " + std::to_string(total));
  };
  const CompareResult result = compare_network(net, all_layers(net), machine, 2, progress);
  ASSERT_EQ(result.layers.size(), 4u);
  std::size_t fitting_shapes = 0;
  for (std::size_t i : {0u, 1u, 3u}) fitting_shapes += result.network.layers[i].fits() ? 1 : 0;
  EXPECT_EQ(stages, (std::vector<std::string>{"optimum 3",
                                              "baselines " + std::to_string(5 * fitting_shapes)}));
  for (std::size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(i);
    const Layer layer(net.layers[i].spec);
    EXPECT_EQ(result.layers[i].bound.bound_bytes,
              lower_bound(layer, machine.precision, *machine.capacity_bytes).bound_bytes);
    if (!result.network.layers[i].fits()) continue;
    SearchOptions one_thread;
    one_thread.threads = 1;
    for (Baseline d : kFixedDataflows) {
      const std::optional<Candidate> direct = dataflow_optimum(layer, machine, d, one_thread);
      const std::optional<Candidate>& got =
          result.layers[i].baselines[static_cast<std::size_t>(d)];  // dataflows come first
      ASSERT_EQ(got.has_value(), direct.has_value()) << baseline_name(d);
      if (direct) {
        EXPECT_EQ(got->traffic, direct->traffic) << baseline_name(d);
      }
    }
    const std::optional<Candidate> ws = working_set_optimum(layer, machine, one_thread);
    ASSERT_EQ(result.layers[i].baseline(Baseline::working_set).has_value(), ws.has_value());
  }
  EXPECT_EQ(compare_result_to_json(result),
            compare_result_to_json(compare_network(net, all_layers(net), machine, 1)));
}

TEST(AccelNetworkStudy, CostsEqualTheModelAndThreadCountIndependence) {
  const Network net = small_network();
  const Accelerator accel = small_accelerator();
  AccelRunOptions run;
  run.objective = Objective::latency;
  run.threads = 3;
  const AccelResult result = accel_network(net, all_layers(net), accel, run);
  ASSERT_EQ(result.layers.size(), 4u);
  bool some_fit = false;
  for (std::size_t i = 0; i < 4; ++i) {
    SCOPED_TRACE(i);
    const NetworkLayerResult& r = result.network.layers[i];
    ASSERT_EQ(result.layers[i].cost.has_value(), r.fits());
    if (!r.fits()) continue;
    some_fit = true;
    const Layer layer(net.layers[i].spec);
    EXPECT_EQ(*result.layers[i].cost,
              accel_cost(layer, r.search.best->schedule, accel, r.search.best->traffic));
  }
  EXPECT_TRUE(some_fit);
  EXPECT_EQ(result.layers[2].cost, result.layers[0].cost);
  run.threads = 1;
  EXPECT_EQ(accel_result_to_json(result),
            accel_result_to_json(accel_network(net, all_layers(net), accel, run)));
}

// A second machine unlike small_accelerator in name, clock, MAC array,
// bandwidth and energies, with the same precisions (so comparable).
Accelerator other_accelerator() {
  Accelerator a = small_accelerator();
  a.name = "other";
  a.machine.capacity_bytes = 2048;
  a.mac_array.unroll[Dim::m] = 1;
  a.mac_array.unroll[Dim::q] = 1;
  a.mac_array.unroll[Dim::c] = 8;
  a.clock_mhz = 250;
  a.offchip_bits_per_cycle = 64;
  a.dma_setup_cycles = 3;
  a.energy.offchip_fj_per_byte = 9000;
  return a;
}

TEST(AccelComparisonStudy, EachMachineIsItsOwnAccelRunInTheOrderGiven) {
  const Network net = small_network();
  AccelRunOptions run;
  run.objective = Objective::energy;
  run.threads = 2;
  const std::vector<Accelerator> accels{other_accelerator(), small_accelerator()};
  std::vector<std::string> stages;
  StudyProgress progress;
  progress.stage = [&](const std::string& name, const std::string&, std::int64_t) {
    stages.push_back(name);
  };
  const AccelComparison c = compare_accelerators(net, all_layers(net), accels,
                                                 {"other.yaml", "small.yaml"}, run, {}, progress);
  ASSERT_EQ(c.machines.size(), 2u);
  for (std::size_t m = 0; m < 2; ++m) {
    SCOPED_TRACE(m);
    EXPECT_EQ(c.machines[m].accel, accels[m]);
    EXPECT_EQ(accel_result_to_json(c.machines[m]),
              accel_result_to_json(accel_network(net, all_layers(net), accels[m], run)));
  }
  // The machines differ, so a mix-up of their results would show.
  EXPECT_NE(accel_result_to_json(c.machines[0]), accel_result_to_json(c.machines[1]));
  // Each machine's stages, machine after machine.
  EXPECT_EQ(stages, (std::vector<std::string>{"optimum", "dataflows", "optimum", "dataflows"}));
  run.threads = 1;
  EXPECT_EQ(accel_comparison_to_json(c),
            accel_comparison_to_json(compare_accelerators(net, all_layers(net), accels,
                                                          {"other.yaml", "small.yaml"}, run)));
}

TEST(AccelComparisonStudy, OneMachineIsTheOneMachineResult) {
  const Network net = small_network();
  const AccelRunOptions run;
  const AccelComparison c =
      compare_accelerators(net, {1, 3}, {small_accelerator()}, {"small.yaml"}, run);
  ASSERT_EQ(c.machines.size(), 1u);
  EXPECT_EQ(accel_result_to_json(c.machines[0]),
            accel_result_to_json(accel_network(net, {1, 3}, small_accelerator(), run)));
}

TEST(AccelComparisonStudy, MachinesThatCannotBeComparedAreUserErrors) {
  const Network net = small_network();
  const AccelRunOptions run;
  const auto message = [&](const std::vector<Accelerator>& accels,
                           const std::vector<std::string>& files) -> std::string {
    try {
      compare_accelerators(net, all_layers(net), accels, files, run);
    } catch (const UserError& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_EQ(message({small_accelerator(), other_accelerator()}, {"a.yaml", "a.yaml"}),
            "--machine a.yaml is given twice; give each machine to compare once");
  Accelerator renamed = other_accelerator();
  renamed.name = "test";
  EXPECT_NE(
      message({small_accelerator(), renamed}, {"a.yaml", "b.yaml"}).find("are both named \"test\""),
      std::string::npos);
  Accelerator wider = other_accelerator();
  wider.machine.precision.psum = 2;
  EXPECT_NE(message({small_accelerator(), wider}, {"a.yaml", "b.yaml"})
                .find("precision_bytes in=1,w=1,out=1,psum=2 differ from in=1,w=1,out=1,psum=4"),
            std::string::npos);
  // One file per accelerator, one given schedule per accelerator: the caller's slip.
  EXPECT_THROW(compare_accelerators(net, all_layers(net), {small_accelerator()}, {}, run),
               InternalError);
  EXPECT_THROW(compare_accelerators(net, all_layers(net), {small_accelerator()}, {"a.yaml"}, run,
                                    {std::nullopt, std::nullopt}),
               InternalError);
}

TEST(AccelComparisonStudy, GivenSchedulesGoToTheirOwnMachine) {
  const Network net = small_network();
  const std::vector<std::size_t> one{1};
  AccelRunOptions run;
  run.baselines = false;
  // Two schedules of layer 1 that fit both machines: the optimum on the
  // small machine, and the same with its m tile halved (smaller buffers).
  const Schedule optimum =
      accel_network(net, one, small_accelerator(), run).network.layers[0].search.best->schedule;
  Schedule halved = optimum;
  ASSERT_GE(halved.tiles[Dim::m], 2);
  halved.tiles[Dim::m] /= 2;
  const AccelComparison c =
      compare_accelerators(net, one, {small_accelerator(), other_accelerator()},
                           {"a.yaml", "b.yaml"}, run, {halved, optimum});
  ASSERT_EQ(c.machines.size(), 2u);
  EXPECT_TRUE(c.machines[0].given_schedule);
  EXPECT_TRUE(c.machines[1].given_schedule);
  EXPECT_EQ(c.machines[0].network.layers[0].search.best->schedule, halved);
  EXPECT_EQ(c.machines[1].network.layers[0].search.best->schedule, optimum);
}

}  // namespace
}  // namespace spad
