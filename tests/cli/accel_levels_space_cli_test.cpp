// spad accel with --uniform-spans, --fixed-order and --fixed-spans (one group
// per level of the machine file, separated by ';') and --csv, on a machine
// file with levels, on a one-level one and on two machines side by side. The optima are the brute
// force's over the same space (tests/support/level_accel_brute_force: every schedule of the space
// counted by the level simulator and costed by model/level_accel_cost), for the latency and the
// energy objective; the spaces here are written as LevelSearchSpace values by hand, not parsed by
// spad. The JSON carries search.space, the table a space line; the CSV has a
// header and one line per layer whose cells are the JSON's values; bad
// values exit 2 naming the flag.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_fixtures.hpp"
#include "io/machine/accelerator_file.hpp"
#include "level_accel_brute_force.hpp"
#include "workload/layer.hpp"

namespace spad {
namespace {

using namespace testing;  // CliRun, run_spad, q, ok_json, contains, write_temp

// The layer and machine of accel_levels_search_cli_test: C=2, M=2 over a 1x4
// row, 1x2 kernel (q = 3, s = 2), small enough to enumerate; two levels of 64
// and 24 bytes where the objectives disagree.
const std::string kLayerText = "N=1,C=2,M=2,H=1,W=4,R=1,S=2,name=tiny";
const LayerSpec kLayerSpec{.name = "tiny", .N = 1, .C = 2, .M = 2, .H = 1, .W = 4, .R = 1, .S = 2};
const std::string kNet =
    R"({"model": "tinynet", "layers": [
    {"name": "tiny", "N": 1, "C": 2, "M": 2, "H": 1, "W": 4, "R": 1, "S": 2},
    {"name": "other", "N": 1, "C": 2, "M": 2, "H": 1, "W": 3, "R": 1, "S": 2},
    {"name": "again", "N": 1, "C": 2, "M": 2, "H": 1, "W": 4, "R": 1, "S": 2}]})";
const std::string kMachine =
    "spad_machine: 1\n"
    "name: small2\n"
    "levels:\n"
    "  - {name: L2, capacity_bytes: 64, double_buffer: true, bits_per_cycle: 8, "
    "dma_setup_cycles: 20, pj_per_byte: 3}\n"
    "  - {name: L1, capacity_bytes: 24, double_buffer: true, bits_per_cycle: 32, "
    "dma_setup_cycles: 2, pj_per_byte: 1}\n"
    "mac_array: {unroll: {m: 2}}\n"
    "clock_mhz: 100\n"
    "energy: {mac_pj: 0.2, offchip_pj_per_byte: 20}\n";
// One level of 24 bytes (the scratchpad form).
const std::string kOneLevelMachine =
    "spad_machine: 1\n"
    "name: small1\n"
    "scratchpad: {capacity_bytes: 24, double_buffer: true}\n"
    "mac_array: {unroll: {m: 2}}\n"
    "clock_mhz: 100\n"
    "offchip: {bits_per_cycle: 8, dma_setup_cycles: 20}\n"
    "energy: {mac_pj: 0.2, offchip_pj_per_byte: 20, scratchpad_pj_per_byte: 1}\n";

std::array<Dim, kNumDims> order_of(const std::string& letters) {
  std::array<Dim, kNumDims> order{};
  for (std::size_t i = 0; i < kNumDims; ++i) order[i] = *parse_dim(letters.substr(i, 1));
  return order;
}

LevelSearchSpace uniform_space() {
  LevelSearchSpace space;
  space.uniform_spans = true;
  return space;
}

struct SpaceCase {
  std::string flags;       // as given to spad
  LevelSearchSpace space;  // the same, written by hand
};

std::vector<SpaceCase> two_level_spaces() {
  std::vector<SpaceCase> cases;
  cases.push_back({"--uniform-spans", uniform_space()});
  LevelSearchSpace orders;
  orders.fixed_orders = {{order_of("qscmprgn"), order_of("sqmcprgn")}};
  cases.push_back({"--fixed-order " + q("q,s,c,m,p,r,g,n;s,q,m,c,p,r,g,n"), orders});
  LevelSearchSpace spans;
  spans.fixed_orders = {{order_of("sqcmrpgn"), order_of("sqcmrpgn")}};
  spans.fixed_spans = {{PerTensor<std::optional<int>>{{2, std::nullopt, 4}},
                        PerTensor<std::optional<int>>{{1, 2, 1}}}};
  cases.push_back({"--fixed-order " + q("s,q,c,m,r,p,g,n; s,q,c,m,r,p,g,n") + " --fixed-spans " +
                       q("I=2,W=null,O=4;O=1,I=1,W=2"),
                   spans});
  LevelSearchSpace both = orders;
  both.uniform_spans = true;
  cases.push_back({"--uniform-spans --fixed-order " + q("q,s,c,m,p,r,g,n;s,q,m,c,p,r,g,n"), both});
  return cases;
}

// The brute force's key of the document's schedule for objective k
// (level_accel_brute_force.hpp's order), read from the JSON.
std::vector<Count> document_key(const nlohmann::json& j, Objective objective) {
  const nlohmann::json& a = j.at("accel");
  const Count latency = a.at("latency_cycles").get<Count>();
  const Count energy_fj = std::llround(a.at("energy_pj").at("total").get<double>() * 1000);
  std::vector<Count> key;
  if (objective == Objective::latency) key = {latency, energy_fj};
  if (objective == Objective::energy) key = {energy_fj, latency};
  Count fills = 0, buffer = 0;
  for (const auto& level : j.at("levels")) {
    key.push_back(level.at("traffic_bytes").get<Count>());
    buffer += level.at("buffer_bytes").get<Count>();
    for (const char* t : {"I", "W", "O"})
      fills += level.at("arrays").at(t).at("fills").get<Count>();
  }
  key.push_back(fills);
  key.push_back(buffer);
  if (objective == Objective::traffic) key.push_back(latency);
  return key;
}

// The CSV as header -> cell maps, one per line after the header; the header
// itself in `header`.
std::vector<std::map<std::string, std::string>> parse_csv(const std::string& text,
                                                          std::vector<std::string>& header) {
  const auto cells = [](const std::string& line) {
    std::vector<std::string> out(1);
    for (char c : line) {
      if (c == ',')
        out.emplace_back();
      else
        out.back() += c;
    }
    return out;
  };
  const std::vector<std::string> lines = lines_of(text);
  header = cells(lines.at(0));
  std::vector<std::map<std::string, std::string>> rows;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::vector<std::string> c = cells(lines[i]);
    EXPECT_EQ(c.size(), header.size()) << lines[i];
    std::map<std::string, std::string> row;
    for (std::size_t k = 0; k < std::min(c.size(), header.size()); ++k) row[header[k]] = c[k];
    rows.push_back(row);
  }
  return rows;
}

Count fj_of(const std::string& pj) { return std::llround(std::stod(pj) * 1000); }

// The CSV line's cells equal the layer's JSON (a layer document, or a
// network document's layer entry: "levels" and "accel" alike).
void expect_row_is_json(const std::map<std::string, std::string>& row, const nlohmann::json& j) {
  const nlohmann::json& a = j.at("accel");
  EXPECT_EQ(row.at("fits"), "true");
  EXPECT_EQ(row.at("latency_cycles"), std::to_string(a.at("latency_cycles").get<Count>()));
  EXPECT_EQ(row.at("compute_cycles"), std::to_string(a.at("compute_cycles").get<Count>()));
  EXPECT_EQ(row.at("transfer_cycles"), std::to_string(a.at("transfer_cycles").get<Count>()));
  EXPECT_EQ(row.at("exposed_cycles"), std::to_string(a.at("exposed_cycles").get<Count>()));
  EXPECT_EQ(row.at("latency_serial_cycles"),
            std::to_string(a.at("latency_serial_cycles").get<Count>()));
  EXPECT_EQ(row.at("memory_bound"), a.at("memory_bound").get<bool>() ? "true" : "false");
  for (const char* part : {"offchip", "scratchpad", "mac", "total"})
    EXPECT_EQ(fj_of(row.at("energy_" + std::string(part) + "_pj")),
              std::llround(a.at("energy_pj").at(part).get<double>() * 1000))
        << part;
  const nlohmann::json& levels = j.at("levels");
  EXPECT_EQ(row.at("traffic_bytes"), std::to_string(levels[0].at("traffic_bytes").get<Count>()));
  EXPECT_EQ(row.at("compulsory_bytes"),
            std::to_string(levels[0].at("compulsory_bytes").get<Count>()));
  Count fills = 0, buffer = 0;
  for (std::size_t l = 0; l < levels.size(); ++l) {
    const std::string b = "boundary" + std::to_string(l + 1) + "_";
    const std::string v = "level" + std::to_string(l + 1) + "_";
    const nlohmann::json& port = a.at("levels")[l];
    EXPECT_EQ(row.at(b + "traffic_bytes"),
              std::to_string(levels[l].at("traffic_bytes").get<Count>()));
    EXPECT_EQ(row.at(b + "dma_transfers"), std::to_string(port.at("dma_transfers").get<Count>()));
    EXPECT_EQ(row.at(b + "transfer_cycles"),
              std::to_string(port.at("transfer_cycles").get<Count>()));
    EXPECT_EQ(row.at(b + "exposed_cycles"), std::to_string(port.at("exposed_cycles").get<Count>()));
    EXPECT_EQ(row.at(v + "buffer_bytes"),
              std::to_string(levels[l].at("buffer_bytes").get<Count>()));
    EXPECT_EQ(fj_of(row.at(v + "sram_pj")), std::llround(port.at("sram_pj").get<double>() * 1000));
    Count level_fills = 0;
    for (const char* t : {"I", "W", "O"})
      level_fills += levels[l].at("arrays").at(t).at("fills").get<Count>();
    EXPECT_EQ(row.at(v + "fills"), std::to_string(level_fills));
    fills += level_fills;
    buffer += levels[l].at("buffer_bytes").get<Count>();
  }
  EXPECT_EQ(row.at("fills"), std::to_string(fills));
  EXPECT_EQ(row.at("buffer_bytes"), std::to_string(buffer));
}

// Each restricted space's accel answer on two levels, for latency and energy,
// is the least key of the brute force over that space; the document's schedule
// keeps the space, search.space states it, the table prints it, the CSV is
// the document.
TEST(AccelLevelsSpaceCli, EachRestrictedSpaceGivesTheBruteForceOptimum) {
  const std::string machine = write_temp("small2.yaml", kMachine);
  const LevelAccelerator accel = read_level_accelerator_file(machine);
  const Layer layer(kLayerSpec);
  const AccelBrute whole = accel_brute_force(layer, accel);
  const std::vector<Count> capacity = {64, 24};
  int above_whole = 0;
  for (const SpaceCase& c : two_level_spaces()) {
    SCOPED_TRACE(c.flags);
    const AccelBrute all = accel_brute_force(layer, accel, c.space);
    for (const Objective objective : {Objective::latency, Objective::energy}) {
      const std::string name(objective_name(objective));
      SCOPED_TRACE(name);
      const std::size_t k = objective == Objective::latency ? 0 : 1;
      const AccelRecord* want = brute_best(all, k, capacity);
      ASSERT_NE(want, nullptr);
      above_whole += brute_best(whole, k, capacity)->keys[k] < want->keys[k];
      const std::string args = "accel --layer " + q(kLayerText) + " --machine " + q(machine) +
                               " --objective " + name + " " + c.flags;
      const nlohmann::json j = ok_json(run_spad(args + " --json"));
      EXPECT_EQ(document_key(j, objective), want->keys[k]) << key_text(want->keys[k]);
      // search.space, as optimize --buffer prints it.
      const nlohmann::json& space = j.at("search").at("space");
      EXPECT_EQ(j.at("search").at("objective"), name);
      EXPECT_EQ(space.at("uniform_spans"), c.space.uniform_spans);
      EXPECT_EQ(space.at("fixed_orders").is_null(), !c.space.fixed_orders);
      EXPECT_EQ(space.at("fixed_spans").is_null(), !c.space.fixed_spans);
      for (std::size_t l = 0; l < 2; ++l) {
        const nlohmann::json& level = j.at("schedule").at("levels")[l];
        if (c.space.fixed_orders) {
          std::string letters;
          for (const auto& d : level.at("order")) letters += d.get<std::string>();
          std::string expected;
          for (Dim d : (*c.space.fixed_orders)[l]) expected += dim_name(d);
          EXPECT_EQ(letters, expected) << l;
          EXPECT_EQ(space.at("fixed_orders")[l], level.at("order"));
        }
        for (const char* t : {"I", "W", "O"}) {
          const nlohmann::json& span = level.at("buffer_span").at(t);
          if (c.space.uniform_spans) {
            EXPECT_EQ(span, level.at("buffer_span").at("I")) << t;
          }
          if (c.space.fixed_spans) {
            const std::optional<int> k_fixed = (*c.space.fixed_spans)[l][*parse_tensor(t)];
            EXPECT_EQ(span.is_null(), !k_fixed) << t;
            if (k_fixed) {
              EXPECT_EQ(span.get<int>(), *k_fixed) << t;
            }
          }
        }
      }
      // The table's space line; the CSV holds the document's numbers.
      const std::string table = ok_out(run_spad(args));
      EXPECT_TRUE(contains(table, "\nspace     ")) << table;
      std::vector<std::string> header;
      const auto rows = parse_csv(ok_out(run_spad(args + " --csv")), header);
      ASSERT_EQ(rows.size(), 1u);
      EXPECT_EQ(rows[0].at("objective"), name);
      EXPECT_EQ(rows[0].at("schedule_source"), "search");
      EXPECT_EQ(rows[0].at("name"), "tiny");
      expect_row_is_json(rows[0], j);
    }
  }
  // Some space moves the optimum (so a flag that were ignored would fail).
  EXPECT_GT(above_whole, 0);
}

// --model in a restricted space: every layer as --layer alone in that space;
// the CSV has a header and one line per layer holding the document's values.
TEST(AccelLevelsSpaceCli, ModelInARestrictedSpaceAndItsCsv) {
  const std::string machine = write_temp("small2.yaml", kMachine);
  const std::string net = write_temp("tinynet.json", kNet);
  const std::string flags = "--fixed-order " + q("q,s,c,m,p,r,g,n;s,q,m,c,p,r,g,n");
  const std::string args =
      "accel --model " + q(net) + " --machine " + q(machine) + " --objective energy " + flags;
  const nlohmann::json j = ok_json(run_spad(args + " --json"));
  EXPECT_EQ(j.at("search").at("objective"), "energy");
  EXPECT_EQ(j.at("search").at("space").at("fixed_orders").size(), 2u);
  std::vector<std::string> header;
  const auto rows = parse_csv(ok_out(run_spad(args + " --csv")), header);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(header.at(0), "index");
  for (std::size_t i = 0; i < 3; ++i) {
    const nlohmann::json& entry = j.at("layers")[i];
    SCOPED_TRACE(entry.at("name").get<std::string>());
    EXPECT_EQ(rows[i].at("name"), entry.at("name").get<std::string>());
    EXPECT_EQ(rows[i].at("index"), std::to_string(i));
    EXPECT_EQ(rows[i].at("objective"), "energy");
    expect_row_is_json(rows[i], entry);
    const std::string layer = i == 1 ? "N=1,C=2,M=2,H=1,W=3,R=1,S=2,name=other" : kLayerText;
    const nlohmann::json alone =
        ok_json(run_spad("accel --layer " + q(layer) + " --machine " + q(machine) +
                         " --objective energy " + flags + " --json"));
    EXPECT_EQ(entry.at("accel"), alone.at("accel"));
    EXPECT_EQ(entry.at("levels"), alone.at("levels"));
  }
  const std::string table = ok_out(run_spad(args));
  EXPECT_TRUE(contains(table, "space     loop orders fixed")) << table;
  // A given schedule's CSV line: schedule_source given, no objective.
  const std::string doc =
      ok_out(run_spad("accel --layer " + q(kLayerText) + " --machine " + q(machine) + " --json"));
  const std::string given_args = "accel --layer " + q(kLayerText) + " --machine " + q(machine) +
                                 " --schedule " + q(write_temp("searched.json", doc));
  const auto given = parse_csv(ok_out(run_spad(given_args + " --csv")), header);
  ASSERT_EQ(given.size(), 1u);
  EXPECT_EQ(given[0].at("schedule_source"), "given");
  EXPECT_EQ(given[0].at("objective"), "");
  expect_row_is_json(given[0], ok_json(run_spad(given_args + " --json")));
}

// The one-level accel takes the same flags (one group, no ';'): its latency
// and energy are the brute force's over that space on the one level.
TEST(AccelLevelsSpaceCli, OneLevelMachineTakesTheSameFlags) {
  const std::string machine = write_temp("small1.yaml", kOneLevelMachine);
  const LevelAccelerator accel = read_level_accelerator_file(machine);
  ASSERT_EQ(accel.memory.levels.size(), 1u);
  const Layer layer(kLayerSpec);
  std::vector<SpaceCase> cases;
  cases.push_back({"--uniform-spans", uniform_space()});
  LevelSearchSpace order;
  order.fixed_orders = {{order_of("qscmprgn")}};
  cases.push_back({"--fixed-order q,s,c,m,p,r,g,n", order});
  LevelSearchSpace spans = order;
  spans.fixed_spans = {{PerTensor<std::optional<int>>{{1, 3, 0}}}};
  cases.push_back({"--fixed-order q,s,c,m,p,r,g,n --fixed-spans I=1,W=3,O=0", spans});
  for (const SpaceCase& c : cases) {
    SCOPED_TRACE(c.flags);
    const AccelBrute all = accel_brute_force(layer, accel, c.space);
    for (const Objective objective : {Objective::latency, Objective::energy}) {
      const std::string name(objective_name(objective));
      SCOPED_TRACE(name);
      const std::size_t k = objective == Objective::latency ? 0 : 1;
      const AccelRecord* want = brute_best(all, k, {24});
      ASSERT_NE(want, nullptr);
      const std::string args = "accel --layer " + q(kLayerText) + " --machine " + q(machine) +
                               " --no-baselines --objective " + name + " " + c.flags;
      const nlohmann::json j = ok_json(run_spad(args + " --json"));
      const nlohmann::json& entry = j.at("layers")[0];
      const Count latency = entry.at("latency_cycles").get<Count>();
      const Count energy = std::llround(entry.at("energy_pj").at("total").get<double>() * 1000);
      // The objective and its first tie-break (the one-level search's ties
      // after those are its own).
      const std::vector<Count> got = objective == Objective::latency ? std::vector{latency, energy}
                                                                     : std::vector{energy, latency};
      EXPECT_EQ(got, std::vector<Count>(want->keys[k].begin(), want->keys[k].begin() + 2))
          << key_text(want->keys[k]);
      EXPECT_EQ(j.at("search").at("space").at("uniform_spans"), c.space.uniform_spans);
      EXPECT_EQ(j.at("search").at("space").at("fixed_order").is_null(), !c.space.fixed_orders);
      EXPECT_TRUE(contains(ok_out(run_spad(args)), "\nspace       ")) << c.flags;
    }
  }
}

// Two machines side by side: each machine's search in the space (its own
// document's search.space), the table's space line.
TEST(AccelLevelsSpaceCli, MachinesSideBySideSearchTheSpace) {
  const std::string args = "accel --layer " + q("C=8,M=8,H=6,W=6,R=3,S=3,pad=1") + " --machine " +
                           q(kHwc) + " --machine " + q(kNpu) +
                           " --no-baselines --fixed-order s,r,q,p,c,m,g,n";
  const nlohmann::json j = ok_json(run_spad(args + " --json"));
  ASSERT_EQ(j.at("machines").size(), 2u);
  for (const auto& m : j.at("machines")) {
    EXPECT_EQ(m.at("search").at("space").at("fixed_order").size(), kNumDims);
    EXPECT_EQ(m.at("layers")[0].at("schedule").at("order"),
              nlohmann::json({"s", "r", "q", "p", "c", "m", "g", "n"}));
  }
  const std::string table = ok_out(run_spad(args));
  EXPECT_TRUE(contains(table, "\nspace       loop order fixed to s,r,q,p,c,m,g,n")) << table;
}

// Bad values: exit 2 and a message naming the flag.
TEST(AccelLevelsSpaceCli, BadValuesNameTheFlag) {
  const std::string machine = write_temp("small2.yaml", kMachine);
  const std::string one = write_temp("small1.yaml", kOneLevelMachine);
  const std::string layer = "accel --layer " + q(kLayerText) + " --machine " + q(machine);
  const std::string order2 = " --fixed-order " + q("s,r,q,p,c,m,g,n;s,r,q,p,c,m,g,n");
  struct Bad {
    std::string args, flag, why;
  };
  const std::vector<Bad> bad = {
      // One order for two levels.
      {layer + " --fixed-order s,r,q,p,c,m,g,n", "--fixed-order",
       "gives 1 loop order (one per on-chip level, separated by ';'), but the machine file gives 2 "
       "on-chip levels"},
      {"accel --model " + q(write_temp("tinynet.json", kNet)) + " --machine " + q(machine) +
           " --fixed-order " + q("s,r,q,p,c,m,g,n;s,r,q,p,c,m,g,n;s,r,q,p,c,m,g,n"),
       "--fixed-order", "gives 3 loop orders (one per on-chip level, separated by ';')"},
      // Two orders for a one-level machine: both counts and the file.
      {"accel --layer " + q(kLayerText) + " --machine " + q(one) + order2, "--fixed-order",
       "gives 2 loop orders (one per on-chip level, separated by ';'), but the machine file gives "
       "1 on-chip level: give one loop order, without ';'"},
      // One span group for two levels.
      {layer + order2 + " --fixed-spans I=1,W=1,O=1", "--fixed-spans",
       "gives 1 span group (one per on-chip level, separated by ';'), but the machine file gives 2 "
       "on-chip levels"},
      // A bypass at the innermost level.
      {layer + order2 + " --fixed-spans " + q("I=1,W=1,O=1;I=null,W=1,O=1"),
       "--fixed-spans (level 2 of 2)", "bypasses the innermost level"},
      {"accel --layer " + q(kLayerText) + " --machine " + q(one) +
           " --fixed-order s,r,q,p,c,m,g,n --fixed-spans I=1,W=null,O=1",
       "--fixed-spans", "bypasses the innermost level"},
      // Not a permutation; spans without an order; spans with uniform spans.
      {layer + " --fixed-order " + q("s,r,q,p,c,m,g,g;s,r,q,p,c,m,g,n"),
       "--fixed-order (level 1 of 2)", ""},
      {layer + " --fixed-spans " + q("I=1,W=1,O=1;I=1,W=1,O=1"), "--fixed-spans",
       "needs --fixed-order"},
      {layer + order2 + " --uniform-spans --fixed-spans " + q("I=1,W=1,O=1;I=1,W=1,O=1"),
       "--uniform-spans", "give one of the two"},
      // A given schedule is not searched.
      {layer + " --uniform-spans --schedule " +
           q(write_temp("given.json", ok_out(run_spad(layer + " --json")))),
       "--uniform-spans", "costed, not searched"},
  };
  for (const Bad& b : bad) {
    SCOPED_TRACE(b.args);
    const CliRun run = run_spad(b.args);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_TRUE(contains(run.err, b.flag)) << run.err;
    EXPECT_TRUE(contains(run.err, b.why)) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
  }
}

// A restricted space where nothing fits says so (not that the innermost level
// is too small: 24 B holds one element of each array, the whole space fits),
// for accel and optimize, --layer and --model (exit 2).
TEST(AccelLevelsSpaceCli, NothingFitsInTheSpaceIsNamed) {
  const std::string machine = write_temp("small2.yaml", kMachine);
  const std::string all_spans = " --fixed-order " + q("s,q,c,m,r,p,g,n;s,q,c,m,r,p,g,n") +
                                " --fixed-spans " + q("I=8,W=8,O=8;I=8,W=8,O=8");
  const std::string message =
      "no schedule of the restricted search space fits every level (L2 64 B, L1 24 B)";
  CliRun run = run_spad("accel --layer " + q(kLayerText) + " --machine " + q(machine) + all_spans);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "layer tiny: " + message)) << run.err;
  run = run_spad("optimize --layer " + q(kLayerText) + " --buffer 64B,24B --double-buffer" +
                 all_spans);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.err, "layer tiny: " + message)) << run.err;
  run = run_spad("accel --model " + q(write_temp("tinynet.json", kNet)) + " --machine " +
                 q(machine) + all_spans);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(
      contains(run.err, "no schedule of the restricted search space fits every level of small2"))
      << run.err;
  // The whole space fits.
  EXPECT_EQ(run_spad("accel --layer " + q(kLayerText) + " --machine " + q(machine)).exit_code, 0);
}

}  // namespace
}  // namespace spad
