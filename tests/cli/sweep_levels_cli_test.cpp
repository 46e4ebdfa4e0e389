// `spad sweep` over several on-chip levels (`--buffers "OUTER;INNER"`): every
// row is `spad optimize --model M --buffer OUTER,INNER --json` at its point;
// the off-chip traffic never rises when any level grows; CSV and table are the
// JSON's twins; machine files with `levels:` take one set per level; a layer
// beyond the level search and the options without a several-level form are
// refused with a non-zero exit and nothing on stdout.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using namespace testing;

// Two layers small enough for the level search: a 2x2 conv and an fc.
const std::string kTinyNet = R"({"model": "tiny", "layers": [
  {"name": "conv", "N": 1, "C": 2, "M": 3, "H": 3, "W": 3, "R": 2, "S": 2},
  {"name": "fc", "kind": "fc", "N": 1, "C": 4, "M": 3, "H": 1, "W": 1, "R": 1, "S": 1}]})";

const std::string kGap = std::string(SPAD_SOURCE_DIR) + "/examples/machines/gap-like.yaml";

std::string tiny_net() { return write_temp("sweep_levels_tiny.json", kTinyNet); }

std::optional<long long> traffic(const nlohmann::json& row) {
  if (row["traffic_bytes"].is_null()) return std::nullopt;
  return row["traffic_bytes"].get<long long>();
}

TEST(SweepLevelsCli, EveryRowIsOptimizeAtItsPoint) {
  const std::string net = tiny_net();
  const nlohmann::json doc = ok_json(run_spad("sweep --model " + q(net) +
                                              " --buffers \"16B..32B:+8B;4B..16B:x2\" --per-layer "
                                              "--json --threads 2"));
  EXPECT_EQ(doc["format"], "spad-sweep/1");
  ASSERT_EQ(doc["levels"].size(), 2u);
  EXPECT_EQ(doc["levels"][0]["name"], "L2");
  EXPECT_EQ(doc["levels"][0]["capacities_bytes"], nlohmann::json::parse("[16, 24, 32]"));
  EXPECT_EQ(doc["levels"][1]["capacities_bytes"], nlohmann::json::parse("[4, 8, 16]"));
  EXPECT_EQ(doc["search"]["points"], 9);
  ASSERT_EQ(doc["rows"].size(), 9u);
  std::size_t feasible = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    const nlohmann::json& row = doc["rows"][i];
    // The outermost level varies slowest.
    const long long outer = row["capacities_bytes"][0], inner = row["capacities_bytes"][1];
    EXPECT_EQ(outer, doc["levels"][0]["capacities_bytes"][i / 3]);
    EXPECT_EQ(inner, doc["levels"][1]["capacities_bytes"][i % 3]);
    const std::string point = std::to_string(outer) + "," + std::to_string(inner);
    const CliRun opt = run_spad("optimize --model " + q(net) + " --buffer " + point + " --json");
    const nlohmann::json o = nlohmann::json::parse(opt.out);
    const nlohmann::json& totals = o["totals"];
    EXPECT_EQ(row["layers"], totals["layers"]);
    EXPECT_EQ(row["macs"], totals["macs"]);
    EXPECT_EQ(row["compulsory_bytes"], totals["compulsory_bytes"]) << point;
    EXPECT_EQ(row["infeasible_layers"], totals["infeasible_layers"]) << point;
    if (totals["infeasible_layers"] != 0) {
      // optimize exits 2 when a layer fits nowhere; the sweep row says null.
      EXPECT_EQ(opt.exit_code, 2) << point;
      EXPECT_TRUE(row["traffic_bytes"].is_null()) << point;
      continue;
    }
    ++feasible;
    ASSERT_EQ(opt.exit_code, 0) << opt.err;
    EXPECT_EQ(row["traffic_bytes"], totals["traffic_bytes"]) << point;
    long long bound = 0;
    for (std::size_t b = 0; b < 2; ++b) {
      EXPECT_EQ(row["levels"][b]["traffic_bytes"], totals["levels"][b]["traffic_bytes"]) << point;
      EXPECT_EQ(row["levels"][b]["capacity_bytes"], totals["levels"][b]["capacity_bytes"]);
      long long boundary_bound = 0;
      for (const auto& layer : o["layers"])
        boundary_bound += layer["levels"][b]["lower_bound_bytes"].get<long long>();
      EXPECT_EQ(row["levels"][b]["lower_bound_bytes"], boundary_bound) << point << " " << b;
      EXPECT_LE(boundary_bound, row["levels"][b]["traffic_bytes"].get<long long>());
      if (b == 0) bound = boundary_bound;
    }
    EXPECT_EQ(row["lower_bound_bytes"], bound);
    EXPECT_EQ(row["traffic_bytes"], row["levels"][0]["traffic_bytes"]);
    ASSERT_EQ(row["per_layer"].size(), o["layers"].size());
    for (std::size_t l = 0; l < o["layers"].size(); ++l) {
      EXPECT_EQ(row["per_layer"][l]["schedule"], o["layers"][l]["schedule"]) << point << " " << l;
      EXPECT_EQ(row["per_layer"][l]["traffic_bytes"], o["layers"][l]["traffic_bytes"]);
      EXPECT_EQ(row["per_layer"][l]["buffer_bytes"], o["layers"][l]["buffer_bytes"]);
    }
  }
  // Both kinds of rows occur (4 B holds no schedule's innermost buffers), so
  // both branches above ran.
  EXPECT_GT(feasible, 0u);
  EXPECT_LT(feasible, 9u);
}

// A larger level can run every schedule of a smaller one, so the optimum's
// off-chip traffic never rises along either level's axis (and a point where
// every layer fits stays so).
TEST(SweepLevelsCli, OffChipTrafficNeverRisesWhenALevelGrows) {
  const nlohmann::json doc = ok_json(run_spad("sweep --model " + q(tiny_net()) +
                                              " --buffers \"12B..36B:+8B;6B..30B:+6B\" --json"));
  const std::size_t outer = doc["levels"][0]["capacities_bytes"].size();
  const std::size_t inner = doc["levels"][1]["capacities_bytes"].size();
  ASSERT_EQ(outer, 4u);
  ASSERT_EQ(inner, 5u);
  ASSERT_EQ(doc["rows"].size(), outer * inner);
  const auto at = [&](std::size_t o, std::size_t i) { return traffic(doc["rows"][o * inner + i]); };
  // nullopt (does not fit) is above every number.
  const auto not_above = [](std::optional<long long> larger, std::optional<long long> smaller) {
    if (!smaller) return true;
    return larger.has_value() && *larger <= *smaller;
  };
  const auto below = [](std::optional<long long> larger, std::optional<long long> smaller) {
    return larger && (!smaller || *larger < *smaller);
  };
  bool inner_helps = false, outer_helps = false;
  for (std::size_t o = 0; o < outer; ++o)
    for (std::size_t i = 0; i < inner; ++i) {
      if (i + 1 < inner) {
        EXPECT_TRUE(not_above(at(o, i + 1), at(o, i))) << o << " " << i;
        inner_helps = inner_helps || below(at(o, i + 1), at(o, i));
      }
      if (o + 1 < outer) {
        EXPECT_TRUE(not_above(at(o + 1, i), at(o, i))) << o << " " << i;
        outer_helps = outer_helps || below(at(o + 1, i), at(o, i));
      }
    }
  // Not vacuous: growing either level lowers the traffic somewhere.
  EXPECT_TRUE(inner_helps);
  EXPECT_TRUE(outer_helps);
}

TEST(SweepLevelsCli, CsvAndTableAgreeWithJson) {
  const std::string args = "sweep --model " + q(tiny_net()) + " --buffers \"16B,64B;8B,16B\"";
  const nlohmann::json doc = ok_json(run_spad(args + " --json"));
  const std::string csv = ok_out(run_spad(args + " --csv"));
  const std::string table = ok_out(run_spad(args));
  const std::vector<std::string> lines = lines_of(csv);
  ASSERT_EQ(lines.size(), 1 + doc["rows"].size());
  EXPECT_EQ(lines[0],
            "scope,model,level1_capacity_bytes,level2_capacity_bytes,layer,index,layers,macs,"
            "traffic_bytes,buffer_bytes,compulsory_bytes,lower_bound_bytes,infeasible_layers,"
            "level1_traffic_bytes,level1_compulsory_bytes,level1_lower_bound_bytes,"
            "level2_traffic_bytes,level2_compulsory_bytes,level2_lower_bound_bytes");
  const auto text = [](const nlohmann::json& v) {
    return v.is_null() ? std::string() : std::to_string(v.get<long long>());
  };
  for (std::size_t r = 0; r < doc["rows"].size(); ++r) {
    const nlohmann::json& row = doc["rows"][r];
    std::vector<std::string> cells = {"network",
                                      "tiny",
                                      text(row["capacities_bytes"][0]),
                                      text(row["capacities_bytes"][1]),
                                      "",
                                      "",
                                      "2",
                                      "108",
                                      text(row["traffic_bytes"]),
                                      "",
                                      text(row["compulsory_bytes"]),
                                      text(row["lower_bound_bytes"]),
                                      text(row["infeasible_layers"])};
    for (const auto& b : row["levels"])
      for (const char* key : {"traffic_bytes", "compulsory_bytes", "lower_bound_bytes"})
        cells.push_back(text(b[key]));
    std::string expect;
    for (const std::string& c : cells) {
      if (!expect.empty()) expect += ',';
      expect += c;
    }
    EXPECT_EQ(lines[1 + r], expect);
    if (!row["traffic_bytes"].is_null()) {
      EXPECT_TRUE(contains(table, text(row["levels"][1]["traffic_bytes"]))) << table;
    }
  }
  EXPECT_TRUE(contains(table, "off-chip ⇄ L2 B")) << table;
  EXPECT_TRUE(contains(table, "L2 ⇄ L1 B")) << table;
  EXPECT_TRUE(contains(table, "tiny: 2 layers, 108 MACs")) << table;
}

// A machine file with levels: the sweep at the file's own capacities is
// `spad accel --model` on it (each level's capacity replaced by the point's).
TEST(SweepLevelsCli, OnAMachineFileOfLevelsRowEqualsAccel) {
  const std::string net = tiny_net();
  const nlohmann::json accel =
      ok_json(run_spad("accel --model " + q(net) + " --machine " + q(kGap) + " --json"));
  const long long l2 = accel["totals"]["levels"][0]["capacity_bytes"];
  const long long l1 = accel["totals"]["levels"][1]["capacity_bytes"];
  const nlohmann::json doc = ok_json(run_spad(
      "sweep --model " + q(net) + " --machine " + q(kGap) + " --buffers \"" + std::to_string(l2) +
      ";16B," + std::to_string(l1) + "\" --objective latency,traffic --json"));
  ASSERT_EQ(doc["rows"].size(), 4u);  // 2 objectives x 2 points
  const nlohmann::json& row = doc["rows"][1];
  EXPECT_EQ(row["machine"], "gap-like");
  EXPECT_EQ(row["objective"], "latency");
  EXPECT_EQ(row["capacities_bytes"], nlohmann::json::array({l2, l1}));
  EXPECT_EQ(row["traffic_bytes"], accel["totals"]["traffic_bytes"]);
  EXPECT_EQ(row["latency_cycles"], accel["totals"]["latency_cycles"]);
  for (std::size_t b = 0; b < 2; ++b)
    EXPECT_EQ(row["levels"][b]["traffic_bytes"], accel["totals"]["levels"][b]["traffic_bytes"]);
  // The traffic objective at the same point never moves more bytes off chip.
  EXPECT_LE(doc["rows"][3]["traffic_bytes"].get<long long>(),
            row["traffic_bytes"].get<long long>());
}

void expect_refused(const std::string& args, const std::vector<std::string>& fragments) {
  const CliRun run = run_spad(args);
  EXPECT_EQ(run.exit_code, 2) << args << "\n" << run.err;
  EXPECT_EQ(run.out, "") << args;
  for (const std::string& f : fragments)
    EXPECT_TRUE(contains(run.err, f)) << args << "\n" << run.err;
}

TEST(SweepLevelsCli, RefusesWhatItCannotAnswer) {
  const std::string sweep = "sweep --model " + q(tiny_net());
  // A layer beyond the level search: the guard's message, nothing on stdout,
  // whatever the output format.
  const std::string big = write_temp("sweep_levels_big.json", R"({"model": "big", "layers": [
    {"name": "small", "N": 1, "C": 2, "M": 3, "H": 3, "W": 3, "R": 2, "S": 2},
    {"name": "large", "N": 1, "C": 64, "M": 64, "H": 56, "W": 56, "R": 3, "S": 3}]})");
  for (const char* format : {"", " --json", " --csv"})
    expect_refused("sweep --model " + q(big) + " --buffers \"512KiB;16KiB..64KiB\"" + format,
                   {"layer large", "level search", "more than the 1000000"});
  // Options with no several-level form, by name.
  for (const char* option : {"--target-ratio 1.2", "--knee"})
    expect_refused(
        sweep + " --buffers \"64B;8B\" " + option,
        {std::string(option).substr(0, std::string(option).find(' ')), "no several-level form"});
  // Machine files: one set per level, the count and the file named.
  expect_refused(sweep + " --buffers 64B --machine " + q(kGap),
                 {"--buffers", "1 capacity set", kGap, "2 on-chip levels", "';'"});
  expect_refused(sweep + " --buffers \"64B;8B\" --machine " + q(kHwc),
                 {"--buffers", "2 capacity sets", kHwc, "1 on-chip level"});
  expect_refused(sweep + " --buffers \"64B;8B\" --machine " + q(kGap) + " --precision w=2",
                 {"--machine", "--precision"});
  // The grammar's errors name the level.
  expect_refused(sweep + " --buffers \"64B;8KiB..1KiB\"",
                 {"--buffers (level 2 of 2)", "8KiB..1KiB"});
}

TEST(SweepLevelsCli, ARefusalAtOnePointNamesThePoint) {
  // The level search's size is counted as it goes, so whether it is refused
  // depends on the capacities: this layer passes the check made before any
  // point (level 1's choices alone) and, at 4KiB,64B, is refused after its
  // first level-1 choices (`spad optimize --model M --buffer 4KiB,64B` says
  // so; at 4KiB,512B it is solved). The message names that point as
  // --buffer takes it, then the network, then the search's own words.
  const std::string net = write_temp("sweep_levels_point.json", R"({"model": "pt", "layers": [
    {"name": "c8", "N": 1, "C": 8, "M": 8, "H": 3, "W": 3, "R": 2, "S": 2}]})");
  expect_refused(
      "sweep --model " + q(net) + " --buffers \"4KiB;64B,512B\" --threads 2",
      {"sweep at 4KiB,64B (network pt): layer c8: the level search", "after searching below"});
}

}  // namespace
}  // namespace spad
