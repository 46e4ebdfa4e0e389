// The accelerator model (model/accel_cost: formulas) against the replay
// (sim/activity_replay: every tile visited, plus the tile-level simulator for
// the DMA side), on random layers, schedules and accelerators: equal on every
// count, exactly.
#include <gtest/gtest.h>

#include "model/accel_cost.hpp"
#include "model/evaluate.hpp"
#include "random_accelerator.hpp"
#include "random_cases.hpp"
#include "sim/activity_replay.hpp"

namespace spad {
namespace {

using testing::Rng;

TEST(AccelModelVsReplay, ActivityAndCostAgreeOnRandomCases) {
  Rng rng(5309);
  for (int i = 0; i < 4000; ++i) {
    const Layer layer = testing::random_layer(rng, 6);
    const Schedule schedule = testing::random_schedule(rng, layer);
    const Accelerator accel = testing::random_accelerator(rng, testing::random_machine(rng));
    const Traffic traffic = evaluate(layer, schedule, accel.machine);
    const SimulatedActivity sim = simulate_activity(layer, schedule, accel);
    ASSERT_EQ(sim.traffic, traffic) << "case " << i;
    const Activity model =
        count_activity(layer, loop_steps(layer, schedule, accel.mac_array), traffic);
    ASSERT_EQ(model.macs, sim.activity.macs) << "case " << i;
    ASSERT_EQ(model.compute_cycles, sim.activity.compute_cycles) << "case " << i;
    ASSERT_EQ(model.operand_reads, sim.activity.operand_reads) << "case " << i;
    ASSERT_EQ(model.psum_writes, sim.activity.psum_writes) << "case " << i;
    ASSERT_EQ(model.dma_transfers, sim.activity.dma_transfers) << "case " << i;
    const AccelCost from_model = accel_cost(layer, schedule, accel, traffic);
    const AccelCost from_replay =
        cost_from_inputs(cost_inputs(accel.machine.precision, sim.activity, sim.traffic,
                                     accel.machine.double_buffer),
                         accel);
    ASSERT_EQ(from_model, from_replay) << "case " << i;
  }
}

}  // namespace
}  // namespace spad
