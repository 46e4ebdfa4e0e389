// The check behind `simulate --execute` (study/execution_check) as a library
// call: a run that agrees with the simulator passes; a simulator count or
// buffer size changed by one is reported by name with both numbers.
#include "study/execution_check.hpp"

#include <gtest/gtest.h>

#include <string>

#include "sim/executor.hpp"
#include "sim/tile_simulator.hpp"

namespace spad {
namespace {

TEST(ExecutionCheck, AgreesWithTheSimulatorAndNamesEveryMismatch) {
  const Layer layer(LayerSpec{.name = "t", .C = 4, .M = 4, .H = 6, .W = 6, .R = 3, .S = 3});
  Schedule s;
  s.order = {Dim::s, Dim::r, Dim::c, Dim::q, Dim::p, Dim::m, Dim::g, Dim::n};
  for (Dim d : kAllDims) s.tiles[d] = layer.bound(d);
  s.tiles[Dim::p] = 2;
  s.tiles[Dim::m] = 2;
  s.buffer_span = {{3, 3, 3}};
  for (bool double_buffer : {false, true}) {
    SCOPED_TRACE(double_buffer);
    Machine m;
    m.double_buffer = double_buffer;
    const Execution run = execute(layer, s, m, 5);
    Traffic simulated = simulate(layer, s, m);
    const ExecutionCheck ok = check_execution(run, simulated, m, 5);
    EXPECT_TRUE(ok.ok()) << (ok.count_mismatches.empty() ? "" : ok.count_mismatches.front());
    EXPECT_EQ(ok.output_values, layer.size(Tensor::O));

    const Count size = simulated.arrays[Tensor::I].buffer_elems;
    simulated.arrays[Tensor::I].buffer_elems += 1;
    simulated.arrays[Tensor::W].fills += 1;
    const ExecutionCheck bad = check_execution(run, simulated, m, 5);
    EXPECT_TRUE(bad.output_matches());
    ASSERT_EQ(bad.count_mismatches.size(), 2u);
    EXPECT_EQ(bad.count_mismatches[0], "I buffer size: executor " + std::to_string(size) +
                                           ", simulator " + std::to_string(size + 1));
    EXPECT_EQ(bad.count_mismatches[1].rfind("W fills: executor ", 0), 0u)
        << bad.count_mismatches[1];
  }
}

}  // namespace
}  // namespace spad
