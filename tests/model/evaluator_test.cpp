// The table-backed Evaluator (what the search calls) must count exactly what
// the plain evaluate() counts, on every field.
#include <gtest/gtest.h>

#include "model/evaluate.hpp"
#include "model/evaluator.hpp"
#include "random_cases.hpp"

namespace spad {
namespace {

TEST(Evaluator, MatchesEvaluateOnRandomCases) {
  testing::Rng rng(99);
  for (int i = 0; i < 3000; ++i) {
    const Layer layer = testing::random_layer(rng, 9);
    const Machine machine = testing::random_machine(rng);
    const Evaluator ev(layer, machine);
    for (int k = 0; k < 4; ++k) {
      const Schedule s = testing::random_schedule(rng, layer);
      const Traffic want = evaluate(layer, s, machine);
      ASSERT_EQ(ev.evaluate(s), want) << "case " << i;
      ASSERT_EQ(ev.evaluate_trusted(s), want) << "case " << i;
    }
  }
}

TEST(Evaluator, RejectsScheduleOfAnotherLayer) {
  const Layer small(LayerSpec{.name = "small", .C = 2, .M = 2, .H = 4, .W = 4});
  const Evaluator ev(small, Machine{});
  Schedule s;
  for (Dim d : kAllDims) s.tiles[d] = 1;
  s.tiles[Dim::m] = 3;  // M = 2
  s.buffer_span = PerTensor<int>{{0, 0, 0}};
  EXPECT_THROW(ev.evaluate(s), UserError);
}

}  // namespace
}  // namespace spad
