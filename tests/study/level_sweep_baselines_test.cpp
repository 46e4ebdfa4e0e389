// The level sweep's baselines (study/level_sweep with baselines) against
// separate searches: each row's total per boundary is the sum over the layers
// of search/level_baselines' optimum of each layer at that point (searched
// here on its own, layer by layer, not through the study), null unless every
// layer fits; the HWCE-like baselines fit no layer; accelerators refuse it.
#include <gtest/gtest.h>

#include "base/error.hpp"
#include "io/machine/accelerator_file.hpp"
#include "io/zoo/network_file.hpp"
#include "search/level_baselines.hpp"
#include "study/level_sweep.hpp"

namespace spad {
namespace {

// Three layers, the first shape twice (searched once by the study, summed twice).
Network tiny_levels_network() {
  return parse_network_json(nlohmann::json::parse(R"({"model": "tl", "layers": [
    {"name": "a", "C": 2, "M": 3, "H": 3, "W": 3, "R": 2, "S": 2},
    {"name": "fc", "kind": "fc", "C": 4, "M": 3, "H": 1, "W": 1, "R": 1, "S": 1},
    {"name": "a2", "C": 2, "M": 3, "H": 3, "W": 3, "R": 2, "S": 2}]})"),
                            "tl.json");
}

LevelSweepOptions options_for(std::vector<std::vector<Count>> capacities) {
  LevelSweepOptions o;
  o.capacities = std::move(capacities);
  o.machine.levels = {MemoryLevel{"L2", std::nullopt}, MemoryLevel{"L1", std::nullopt}};
  o.baselines = true;
  o.threads = 2;
  return o;
}

TEST(LevelSweepBaselines, RowsAreTheSumOfEachLayersBaselineOptimum) {
  const Network net = tiny_levels_network();
  // 4B,12B: the optimum fits (L2 bypassed), no baseline does; 40B,12B: all fit.
  const LevelSweepResult result = sweep_levels({net}, options_for({{4, 40}, {12}}));
  ASSERT_TRUE(result.baselines);
  ASSERT_EQ(result.rows.size(), 2u);
  int fit = 0, unfit = 0;
  for (const LevelSweepRow& row : result.rows) {
    SCOPED_TRACE(row.capacities_bytes[0]);
    ASSERT_EQ(row.infeasible_layers, 0);
    ASSERT_EQ(row.layer_baselines.size(), 3u);
    MemoryLevels machine = options_for({}).machine;
    for (std::size_t l = 0; l < 2; ++l) machine.levels[l].capacity_bytes = row.capacities_bytes[l];
    for (Baseline b : kAllBaselines) {
      SCOPED_TRACE(baseline_name(b));
      const LevelSweepBaselineTotal& total = row.baselines[static_cast<std::size_t>(b)];
      ASSERT_EQ(total.traffic_bytes.size(), 2u);
      if (level_baseline_not_applicable(b)) {
        EXPECT_EQ(total.layers_fit, 0);
        EXPECT_FALSE(total.traffic_bytes[0] || total.traffic_bytes[1]);
        continue;
      }
      Count layers_fit = 0;
      std::vector<Count> sum(2, 0);
      for (std::size_t i = 0; i < net.layers.size(); ++i) {
        const std::optional<LevelCandidate> alone =
            level_baseline_optimum(Layer(net.layers[i].spec), machine, b).best;
        const std::optional<LevelCandidate>& mine = row.layer_baselines[i].baseline(b);
        ASSERT_EQ(alone.has_value(), mine.has_value()) << i;
        if (!alone) continue;
        ++layers_fit;
        for (std::size_t l = 0; l < 2; ++l) {
          EXPECT_EQ(mine->traffic.levels[l].traffic_bytes, alone->traffic.levels[l].traffic_bytes);
          sum[l] += alone->traffic.levels[l].traffic_bytes;
        }
      }
      EXPECT_EQ(total.layers_fit, layers_fit);
      (layers_fit == 3 ? fit : unfit) += 1;
      for (std::size_t l = 0; l < 2; ++l)
        EXPECT_EQ(total.traffic_bytes[l],
                  layers_fit == 3 ? std::optional<Count>(sum[l]) : std::nullopt);
    }
  }
  EXPECT_EQ(fit, 4);    // 40B,12B
  EXPECT_EQ(unfit, 4);  // 4B,12B
}

TEST(LevelSweepBaselines, NotOnAccelerators) {
  LevelSweepOptions o = options_for({{64}, {8}});
  o.accelerators.push_back(read_level_accelerator_file(std::string(SPAD_SOURCE_DIR) +
                                                       "/examples/machines/gap-like.yaml"));
  try {
    sweep_levels({tiny_levels_network()}, o);
    FAIL() << "no error";
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("not on a machine file"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace spad
