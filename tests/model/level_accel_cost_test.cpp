// The accelerator cost across levels (model/level_accel_cost) checked three
// ways: against the replay (sim/level_activity_replay: every innermost tile
// visited, the level simulator's DMA transfers) on random two- and
// three-level cases; against the one-level cost (model/accel_cost) on random
// one-level cases, field for field; and on a two-level case counted by hand.
#include "model/level_accel_cost.hpp"

#include <gtest/gtest.h>

#include <string>

#include "base/error.hpp"
#include "level_expect.hpp"
#include "model/accel_cost.hpp"
#include "model/evaluate.hpp"
#include "model/level_evaluate.hpp"
#include "random_accelerator.hpp"
#include "random_cases.hpp"
#include "random_level_cases.hpp"
#include "sim/level_activity_replay.hpp"

namespace spad {
namespace {

using golden::make_level;
using testing::Rng;
using testing::uniform;

// A random accelerator over `memory`: the one-level generator's MAC array
// and energies, and a random port and SRAM energy per level.
LevelAccelerator random_level_accelerator(Rng& rng, MemoryLevels memory) {
  Machine one;
  one.precision = memory.precision;
  const Accelerator base = testing::random_accelerator(rng, one);
  LevelAccelerator a = as_level_accelerator(base);
  a.memory = std::move(memory);
  a.ports.clear();
  for (MemoryLevel& level : a.memory.levels) {
    if (!level.capacity_bytes) level.capacity_bytes = Count{1} << 40;
    a.ports.push_back(LevelPort{uniform(rng, 1, 64),
                                uniform(rng, 0, 3) == 0 ? 0 : uniform(rng, 1, 40),
                                uniform(rng, 0, 5000), EnergySource::file});
  }
  return a;
}

TEST(LevelAccelCost, ModelEqualsReplayOnRandomCases) {
  Rng rng(1515);
  int read_backs = 0, bypasses = 0;  // cases that exercise partial sums read back, bypass
  for (int i = 0; i < 3000; ++i) {
    const Layer layer = testing::random_layer(rng, 6);
    const std::size_t levels = static_cast<std::size_t>(uniform(rng, 2, 3));
    const LevelSchedule schedule = testing::random_level_schedule(rng, layer, levels);
    const LevelAccelerator accel =
        random_level_accelerator(rng, testing::random_memory_levels(rng, levels));
    const LevelTraffic traffic = evaluate_levels(layer, schedule, accel.memory);
    const SimulatedLevelActivity sim = simulate_level_activity(layer, schedule, accel);
    ASSERT_EQ(sim.traffic, traffic) << "case " << i;
    const LevelActivity model = count_level_activity(layer, schedule, accel.mac_array, traffic);
    ASSERT_EQ(model.macs, sim.activity.macs) << "case " << i;
    ASSERT_EQ(model.compute_cycles, sim.activity.compute_cycles) << "case " << i;
    ASSERT_EQ(model.operand_reads, sim.activity.operand_reads) << "case " << i;
    ASSERT_EQ(model.psum_writes, sim.activity.psum_writes) << "case " << i;
    ASSERT_EQ(model.dma_transfers, sim.activity.dma_transfers) << "case " << i;
    ASSERT_EQ(level_accel_cost(layer, schedule, accel, traffic),
              level_cost_from_activity(schedule, accel, sim.traffic, sim.activity))
        << "case " << i;
    bool read_back = false, bypass = false;
    for (std::size_t l = 0; l < levels; ++l) {
      read_back = read_back || traffic.levels[l].arrays[Tensor::O].reads > 0;
      for (Tensor t : kAllTensors) bypass = bypass || !schedule.levels[l].buffer_span[t];
    }
    read_backs += read_back ? 1 : 0;
    bypasses += bypass ? 1 : 0;
  }
  EXPECT_GT(read_backs, 300);
  EXPECT_GT(bypasses, 300);
}

// One level: every figure is the one-level model's.
TEST(LevelAccelCost, OneLevelEqualsTheOneLevelCost) {
  Rng rng(2718);
  for (int i = 0; i < 3000; ++i) {
    const Layer layer = testing::random_layer(rng, 6);
    const Schedule schedule = testing::random_schedule(rng, layer);
    const Accelerator accel = testing::random_accelerator(rng, testing::random_machine(rng));
    const AccelCost one = accel_cost(layer, schedule, accel, evaluate(layer, schedule, accel.machine));
    const LevelAccelerator level_accel = as_level_accelerator(accel);
    const LevelSchedule levels = as_levels(schedule);
    const LevelAccelCost c = level_accel_cost(
        layer, levels, level_accel, evaluate_levels(layer, levels, level_accel.memory));
    ASSERT_EQ(c.levels.size(), 1u);
    const BoundaryAccelCost& b = c.levels.front();
    ASSERT_EQ(c.activity.macs, one.activity.macs) << "case " << i;
    ASSERT_EQ(c.activity.compute_cycles, one.activity.compute_cycles) << "case " << i;
    ASSERT_EQ(c.activity.operand_reads, one.activity.operand_reads) << "case " << i;
    ASSERT_EQ(c.activity.psum_writes, one.activity.psum_writes) << "case " << i;
    ASSERT_EQ(c.activity.dma_transfers.front(), one.activity.dma_transfers) << "case " << i;
    ASSERT_EQ(b.transfer_data_cycles, one.transfer_data_cycles) << "case " << i;
    ASSERT_EQ(b.transfer_setup_cycles, one.transfer_setup_cycles) << "case " << i;
    ASSERT_EQ(b.transfer_cycles, one.transfer_cycles) << "case " << i;
    ASSERT_EQ(c.transfer_cycles, one.transfer_cycles) << "case " << i;
    ASSERT_EQ(c.exposed_cycles, one.exposed_cycles) << "case " << i;
    ASSERT_EQ(c.latency_serial_cycles, one.latency_serial_cycles) << "case " << i;
    ASSERT_EQ(c.latency_overlapped_cycles, one.latency_overlapped_cycles) << "case " << i;
    ASSERT_EQ(c.latency_cycles, one.latency_cycles) << "case " << i;
    ASSERT_EQ(b.sram_bytes, one.scratchpad_bytes) << "case " << i;
    ASSERT_EQ(c.energy, one.energy) << "case " << i;
    ASSERT_EQ(c.memory_bound(), one.memory_bound()) << "case " << i;
  }
}

// The two-level case of tests/cli/levels_cli_test.cpp (its traffic counted
// by hand there), on a 2-lane array (q: 2), ports of 8 and 16 bits per cycle
// with setups 3 and 1, energies 0.3 pJ per MAC, 0.1 pJ per off-chip byte, 2
// and 1 pJ per L2 and L1 byte.
TEST(LevelAccelCost, TwoLevelsByHand) {
  const Layer layer(LayerSpec{.name = "tiny", .C = 2, .M = 2, .H = 1, .W = 4, .R = 1, .S = 1});
  LevelSchedule s;
  s.levels.push_back(make_level(layer, "srqpcmgn", {{Dim::q, 2}}, std::nullopt, 8, 0, "L2"));
  s.levels.push_back(make_level(layer, "srqpcmgn", {{Dim::m, 1}, {Dim::q, 2}}, 0, 0, 0, "L1"));
  LevelAccelerator a;
  a.name = "hand";
  a.memory.levels = {MemoryLevel{"L2", 1024}, MemoryLevel{"L1", 1024}};
  a.ports = {LevelPort{8, 3, 2000, EnergySource::file}, LevelPort{16, 1, 1000, EnergySource::file}};
  a.mac_array.unroll[Dim::q] = 2;
  a.clock_mhz = 100;
  a.mac_fj = 300;
  a.offchip_fj_per_byte = 100;
  for (bool double_buffer : {false, true}) {
    SCOPED_TRACE(double_buffer);
    a.memory.double_buffer = double_buffer;
    const LevelAccelCost c =
        level_accel_cost(layer, s, a, evaluate_levels(layer, s, a.memory));
    // Innermost tiles: m 2 x 1, c 1 x 2, q 2 x 2 (L2's q tiles [0,2) [2,4),
    // L1's the same): F_m = 2, F_c = 2, F_q = 2 x ceil(2/2) = 2: 8 cycles
    // for 16 MACs. I reads: n g c p q r s extents 1*1*2*1*4*1*1 = 8 times
    // F_m 2 = 16; W reads: g m c r s 1*2*2*1*1 = 4 times F_n F_p F_q = 2 =
    // 8; one reduction tile (T_c = T_r = T_s = 1): 8 psum writes, 0 reads.
    EXPECT_EQ(c.activity.compute_cycles, 8);
    EXPECT_EQ(c.activity.macs, 16);
    EXPECT_EQ(c.activity.operand_reads[Tensor::I], 16);
    EXPECT_EQ(c.activity.operand_reads[Tensor::W], 8);
    EXPECT_EQ(c.activity.operand_reads[Tensor::O], 0);
    EXPECT_EQ(c.activity.psum_writes, 8);
    // Transfers. Boundary 1: L1's I buffer from off-chip (I bypasses L2), 2
    // fills; L2's W, 1 fill; L2's O, 2 write-backs (2 positions, no
    // read-back): 5. Boundary 2: the same 2 I fills, L1's W 4 fills from
    // L2, L1's O 4 write-backs (4 positions): 10.
    ASSERT_EQ(c.levels.size(), 2u);
    EXPECT_EQ(c.activity.dma_transfers, (std::vector<Count>{5, 10}));
    // Bytes 20 and 24 (by hand in levels_cli_test): transfer 20 + 5 x 3 = 35
    // and 24 / 2 + 10 x 1 = 22 cycles.
    EXPECT_EQ(c.levels[0].traffic_bytes, 20);
    EXPECT_EQ(c.levels[0].transfer_cycles, 35);
    EXPECT_EQ(c.levels[1].traffic_bytes, 24);
    EXPECT_EQ(c.levels[1].transfer_cycles, 22);
    EXPECT_EQ(c.transfer_cycles, 35);
    // Exposed. Boundary 1: first loads L1's I (4 B) + L2's W (4 B) = 8
    // cycles, last store L2's O (4 outputs, 4 B) = 4, 3 buffers x 3 = 9:
    // 21. Boundary 2: L1's I (4 B) + L1's W (2 B) = 6 B = 3 cycles, L1's O
    // (2 outputs) 1 cycle, 3 setups of 1: 7. Sum 28.
    EXPECT_EQ(c.levels[0].first_load_bytes, 8);
    EXPECT_EQ(c.levels[0].last_store_bytes, 4);
    EXPECT_EQ(c.levels[0].exposed_cycles, 21);
    EXPECT_EQ(c.levels[1].first_load_bytes, 6);
    EXPECT_EQ(c.levels[1].last_store_bytes, 2);
    EXPECT_EQ(c.levels[1].exposed_cycles, 7);
    EXPECT_EQ(c.exposed_cycles, 28);
    // serial 8 + 35 + 22 = 65; overlapped min(65, max(8 + 28, 35)) = 36.
    EXPECT_EQ(c.latency_serial_cycles, 65);
    EXPECT_EQ(c.latency_overlapped_cycles, 36);
    EXPECT_EQ(c.latency_cycles, double_buffer ? 36 : 65);
    EXPECT_TRUE(c.memory_bound());
    // SRAM bytes. L2 holds W and O: W 4 B above + 8 B below, O 8 B above +
    // 8 B below = 28 B. L1 holds all three: 24 B above + the datapath's 16 +
    // 8 + 8 x 4 (partial sums) = 56: 80 B.
    EXPECT_EQ(c.levels[0].sram_bytes, 28);
    EXPECT_EQ(c.levels[1].sram_bytes, 80);
    EXPECT_EQ(c.levels[0].sram_energy, 56'000);
    EXPECT_EQ(c.levels[1].sram_energy, 80'000);
    EXPECT_EQ(c.energy.offchip, 2'000);  // 20 B x 100 fJ
    EXPECT_EQ(c.energy.scratchpad, 136'000);
    EXPECT_EQ(c.energy.mac, 4'800);  // 16 x 300 fJ
    EXPECT_EQ(c.energy.total, 142'800);
  }
}

TEST(LevelAccelCost, LevelCountsMustAgree) {
  const Layer layer(LayerSpec{.name = "t", .C = 2, .M = 2, .H = 2, .W = 2, .R = 1, .S = 1});
  LevelSchedule s;
  s.levels.push_back(make_level(layer, "srqpcmgn", {}, 0, 0, 0));
  LevelAccelerator a;
  a.memory.levels = {MemoryLevel{"L2", 64}, MemoryLevel{"L1", 64}};
  a.ports = {LevelPort{8, 0, 0}, LevelPort{8, 0, 0}};
  a.clock_mhz = 1;
  MemoryLevels one = a.memory;
  one.levels.pop_back();
  EXPECT_THROW(level_accel_cost(layer, s, a, evaluate_levels(layer, s, one)), UserError);
}

}  // namespace
}  // namespace spad
