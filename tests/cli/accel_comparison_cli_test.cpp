// `spad accel` with two or more --machine files, through the binary: every
// machine's part of the comparison (its JSON document, its CSV lines, its
// numbers in the table) equals the one-machine run on that machine; the
// per-layer "best" is the least objective among them; the document reads
// back as a network (--model) and as schedules selected by machine name
// (--schedule); bad combinations exit 2 naming the files and the reason.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using nlohmann::json;
using namespace testing;  // CliRun, run_spad, q, kHwc, ok_json, ... (cli_fixtures.hpp)
const std::string kBoth = " --machine " + q(kHwc) + " --machine " + q(kNpu);
const std::string kNet = "--model resnet18 --layers 0-3,fc";

// `layers` without their "index" keys (a network read from a document of
// selected layers numbers them afresh).
json without_index(json layers) {
  for (json& l : layers) l.erase("index");
  return layers;
}

// The latency of a layer object in seconds at `mhz`.
double seconds(const json& layer, double mhz) {
  return static_cast<double>(layer.at("latency_cycles").get<std::int64_t>()) / (mhz * 1e6);
}

TEST(AccelComparisonCli, EachMachineIsItsOwnRunAndBestIsTheLeastLatency) {
  const json doc = ok_json(run_spad("accel " + kNet + kBoth + " --json"));
  const json hwc = ok_json(run_spad("accel " + kNet + " --machine " + q(kHwc) + " --json"));
  const json npu = ok_json(run_spad("accel " + kNet + " --machine " + q(kNpu) + " --json"));
  EXPECT_EQ(doc.at("format"), "spad-sweep/1");
  EXPECT_EQ(doc.at("model"), "resnet18");
  EXPECT_EQ(doc.at("objective"), "latency");
  ASSERT_EQ(doc.at("machines").size(), 2u);
  // Whole documents: every column of each machine is its one-machine run,
  // plus "name", so each entry also has the sweep's {name, objective, machine}.
  json hwc_entry = doc["machines"][0], npu_entry = doc["machines"][1];
  EXPECT_EQ(hwc_entry.at("name"), "hwc-like");
  EXPECT_EQ(npu_entry.at("name"), "edge-npu");
  hwc_entry.erase("name");
  npu_entry.erase("name");
  EXPECT_EQ(hwc_entry, hwc);
  EXPECT_EQ(npu_entry, npu);
  for (const json& m : doc["machines"]) {
    EXPECT_TRUE(m.at("objective").is_string());
    EXPECT_TRUE(m.at("machine").contains("capacity_bytes"));
  }
  const json& cmp = doc.at("comparison");
  EXPECT_EQ(cmp.at("reference"), "hwc-like");
  ASSERT_EQ(cmp.at("layers").size(), hwc.at("layers").size());
  const double hwc_mhz = 200, npu_mhz = 800;  // clock_mhz of the two example files
  for (std::size_t l = 0; l < hwc["layers"].size(); ++l) {
    const json& row = cmp["layers"][l];
    EXPECT_EQ(row.at("name"), hwc["layers"][l]["name"]);
    const json* singles[] = {&hwc, &npu};
    for (std::size_t m = 0; m < 2; ++m) {
      const json& single = (*singles[m])["layers"][l];
      const json& mine = row.at("machines")[m];
      EXPECT_EQ(mine.at("machine"), m == 0 ? "hwc-like" : "edge-npu");
      EXPECT_EQ(mine.at("traffic_bytes"), single.at("traffic_bytes"));
      EXPECT_EQ(mine.at("latency_cycles"), single.at("latency_cycles"));
      EXPECT_EQ(mine.at("energy_pj"), single.at("energy_pj").at("total"));
    }
    // Latency compares in seconds: the clocks differ (200 vs 800 MHz).
    const double a = seconds(hwc["layers"][l], hwc_mhz), b = seconds(npu["layers"][l], npu_mhz);
    ASSERT_NE(a, b);
    EXPECT_EQ(row.at("best"), a < b ? "hwc-like" : "edge-npu") << l;
    EXPECT_DOUBLE_EQ(row["machines"][1]["latency_x_reference"].get<double>(), b / a);
  }
  const json& totals = cmp.at("totals");
  EXPECT_TRUE(totals.at("comparable").get<bool>());
  EXPECT_EQ(totals["machines"][0]["latency_cycles"], hwc["totals"]["latency_cycles"]);
  EXPECT_EQ(totals["machines"][1]["latency_cycles"], npu["totals"]["latency_cycles"]);
  EXPECT_EQ(totals["machines"][1]["traffic_bytes"], npu["totals"]["traffic_bytes"]);
  EXPECT_EQ(totals.at("best"),
            npu["totals"]["latency_s"] < hwc["totals"]["latency_s"] ? "edge-npu" : "hwc-like");
}

TEST(AccelComparisonCli, ObjectiveIsEveryMachinesAndPrinted) {
  const json doc = json::parse(
      ok_out(run_spad("accel " + kNet + kBoth + " --objective energy --no-baselines --json")));
  EXPECT_EQ(doc.at("objective"), "energy");
  for (const json& m : doc.at("machines")) EXPECT_EQ(m.at("objective"), "energy");
  for (const json& row : doc["comparison"]["layers"]) {
    const json& a = row["machines"][0];
    const json& b = row["machines"][1];
    ASSERT_NE(a["energy_pj"], b["energy_pj"]);
    EXPECT_EQ(row["best"], a["energy_pj"] < b["energy_pj"] ? "hwc-like" : "edge-npu");
  }
  const std::string table =
      ok_out(run_spad("accel " + kNet + kBoth + " --objective energy --no-baselines"));
  EXPECT_NE(table.find("objective   energy (ties: latency, then traffic), on every machine"),
            std::string::npos)
      << table;
  // The totals table has one row per machine with its objective.
  for (const char* name : {"hwc-like", "edge-npu"}) {
    bool found = false;
    for (const std::string& line : lines_of(table))
      if (line.rfind(name, 0) == 0 && line.find(" energy ") != std::string::npos) found = true;
    EXPECT_TRUE(found) << name << "\n" << table;
  }
}

TEST(AccelComparisonCli, CsvLinesAreTheOneMachineLines) {
  const std::string both = ok_out(run_spad("accel " + kNet + kBoth + " --csv"));
  const std::vector<std::string> hwc =
      lines_of(ok_out(run_spad("accel " + kNet + " --machine " + q(kHwc) + " --csv")));
  const std::vector<std::string> npu =
      lines_of(ok_out(run_spad("accel " + kNet + " --machine " + q(kNpu) + " --csv")));
  std::vector<std::string> expected = {"machine," + hwc.at(0)};
  for (std::size_t i = 1; i < hwc.size(); ++i) expected.push_back("hwc-like," + hwc[i]);
  for (std::size_t i = 1; i < npu.size(); ++i) expected.push_back("edge-npu," + npu[i]);
  EXPECT_EQ(lines_of(both), expected);
  EXPECT_EQ(hwc.size(), 6u);  // header + 5 layers: the comparison is not vacuous
}

// The table (full width, as on a pipe) shows each machine's per-layer
// traffic and total latency cycles as its own report does.
TEST(AccelComparisonCli, TableShowsEachMachinesNumbers) {
  const std::string table = ok_out(run_spad("accel " + kNet + kBoth));
  const json hwc = ok_json(run_spad("accel " + kNet + " --machine " + q(kHwc) + " --json"));
  const json npu = ok_json(run_spad("accel " + kNet + " --machine " + q(kNpu) + " --json"));
  const auto separated = [](std::int64_t v) {
    std::string digits = std::to_string(v), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return out;
  };
  const std::vector<std::string> lines = lines_of(table);
  for (std::size_t l = 0; l < hwc["layers"].size(); ++l) {
    const std::string name = hwc["layers"][l]["name"];
    bool found = false;
    for (const std::string& line : lines) {
      if (line.rfind(name + " ", 0) != 0) continue;
      found = true;
      const std::size_t a =
          line.find(separated(hwc["layers"][l]["traffic_bytes"].get<std::int64_t>()));
      const std::size_t b =
          line.find(separated(npu["layers"][l]["traffic_bytes"].get<std::int64_t>()), a + 1);
      EXPECT_NE(a, std::string::npos) << line;
      EXPECT_NE(b, std::string::npos) << line;  // side by side: hwc-like's, then edge-npu's
    }
    EXPECT_TRUE(found) << name << "\n" << table;
  }
  for (const auto& [name, doc] :
       {std::pair<std::string, const json*>{"hwc-like", &hwc}, {"edge-npu", &npu}}) {
    const std::string cycles = separated((*doc)["totals"]["latency_cycles"].get<std::int64_t>());
    bool found = false;
    for (const std::string& line : lines)
      if (line.rfind(name + " ", 0) == 0 && line.find(" " + cycles + " ") != std::string::npos)
        found = true;
    EXPECT_TRUE(found) << name << " " << cycles << "\n" << table;
  }
  EXPECT_NE(table.find("accelerator hwc-like:"), std::string::npos);
  EXPECT_NE(table.find("accelerator edge-npu:"), std::string::npos);
}

// The comparison is a sweep document: each machine's row is the row `spad
// sweep --machine A --machine B` writes for that machine at its own capacity
// (hwc-like 64KiB, edge-npu 1MiB) and objective (accel's default latency), key
// for key, on the same network (the comparison read back as --model).
TEST(AccelComparisonCli, RowsAreTheSweepRowsAtEachMachinesCapacity) {
  const std::string text = ok_out(run_spad("accel " + kNet + kBoth + " --no-baselines --json"));
  const json doc = json::parse(text);
  const std::string path = write_temp("cmp_rows.json", text);
  const json sweep = ok_json(run_spad("sweep --model " + q(path) + kBoth +
                                      " --objective latency --buffers 64KiB,1MiB --json"));
  EXPECT_EQ(doc.at("format"), "spad-sweep/1");
  EXPECT_EQ(doc.at("models"), json::array({"resnet18"}));
  EXPECT_EQ(doc.at("capacities_bytes"), json::array({65536, 1048576}));
  ASSERT_EQ(doc.at("rows").size(), 2u);
  const std::pair<const char*, int> own[] = {{"hwc-like", 65536}, {"edge-npu", 1048576}};
  for (std::size_t m = 0; m < 2; ++m) {
    const json& row = doc["rows"][m];
    EXPECT_EQ(row.at("machine"), own[m].first);
    EXPECT_EQ(row.at("capacity_bytes"), own[m].second);
    EXPECT_EQ(row.at("objective"), "latency");
    std::size_t found = 0;
    for (const json& s : sweep.at("rows"))
      if (s.at("machine") == row.at("machine") &&
          s.at("capacity_bytes") == row.at("capacity_bytes")) {
        ++found;
        EXPECT_EQ(s, row) << m;
      }
    EXPECT_EQ(found, 1u) << m;
    // The totals are those of the machine's own accel document.
    const json& totals = doc["machines"][m]["totals"];
    EXPECT_EQ(row.at("traffic_bytes"), totals.at("traffic_bytes"));
    EXPECT_EQ(row.at("latency_cycles"), totals.at("latency_cycles"));
    EXPECT_EQ(row.at("layers"), totals.at("layers"));
  }
}

TEST(AccelComparisonCli, DocumentReadsBackAsNetworkAndSchedules) {
  // --model: the comparison's network gives each machine the same result.
  const std::string doc_path =
      write_temp("cmp.json", ok_out(run_spad("accel " + kNet + kBoth + " --no-baselines --json")));
  const json again =
      ok_json(run_spad("accel --model " + q(doc_path) + kBoth + " --no-baselines --json"));
  const json first = json::parse(testing::read_all(doc_path));
  for (std::size_t m = 0; m < 2; ++m) {
    EXPECT_EQ(without_index(again["machines"][m]["layers"]),
              without_index(first["machines"][m]["layers"]))
        << m;
    EXPECT_EQ(again["machines"][m]["totals"], first["machines"][m]["totals"]) << m;
  }
  EXPECT_EQ(without_index(again["comparison"]["layers"]),
            without_index(first["comparison"]["layers"]));
  EXPECT_EQ(again["comparison"]["totals"], first["comparison"]["totals"]);

  // --schedule: each machine takes the schedule of the machine of its name.
  const std::string layer = "--layer C=16,M=32,H=28,W=28,R=3,S=3,pad=1";
  const std::string one_path = write_temp(
      "cmp1.json", ok_out(run_spad("accel " + layer + kBoth + " --no-baselines --json")));
  const json one = json::parse(read_all(one_path));
  const json given = ok_json(
      run_spad("accel " + layer + kBoth + " --no-baselines --schedule " + q(one_path) + " --json"));
  EXPECT_EQ(given.at("schedule_source"), "given");
  ASSERT_NE(one["machines"][0]["layers"][0]["schedule"],
            one["machines"][1]["layers"][0]["schedule"])
      << "the two machines' optima differ, so selecting by name is tested";
  for (std::size_t m = 0; m < 2; ++m) {
    const json& a = one["machines"][m]["layers"][0];
    const json& b = given["machines"][m]["layers"][0];
    for (const char* key : {"schedule", "traffic_bytes", "latency_cycles", "energy_pj"})
      EXPECT_EQ(a.at(key), b.at(key)) << m << " " << key;
  }
  // One machine selects its own entry (the second one here).
  const json npu_only = ok_json(run_spad("accel " + layer + " --machine " + q(kNpu) +
                                         " --no-baselines --schedule " + q(one_path) + " --json"));
  EXPECT_EQ(npu_only["layers"][0]["schedule"], one["machines"][1]["layers"][0]["schedule"]);

  // Elsewhere a schedule is one machine's: the document is refused, saying why.
  const CliRun evaluate =
      run_spad("evaluate " + layer + " --buffer 64KiB --schedule " + q(one_path));
  EXPECT_EQ(evaluate.exit_code, 2);
  EXPECT_NE(evaluate.err.find("holds one schedule per machine"), std::string::npos) << evaluate.err;
  // A comparison nested in a comparison is no document spad writes.
  json nested = first;
  nested["machines"][1] = first;
  const std::string nested_path = write_temp("nested.json", nested.dump());
  const CliRun twice = run_spad("accel --model " + q(nested_path) + " --machine " + q(kHwc));
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_NE(twice.err.find("(machines[1]): this is a spad-sweep/1 document"), std::string::npos)
      << twice.err;
  // Machines of one comparison run the same layers.
  json fewer = first;
  fewer["machines"][1]["layers"].erase(fewer["machines"][1]["layers"].size() - 1);
  fewer["machines"][1].erase("totals");
  const std::string fewer_path = write_temp("fewer.json", fewer.dump());
  const CliRun differ = run_spad("accel --model " + q(fewer_path) + " --machine " + q(kHwc));
  EXPECT_EQ(differ.exit_code, 2);
  EXPECT_NE(differ.err.find("the machines of a comparison run the same layers"), std::string::npos)
      << differ.err;
  // A machine the document does not hold.
  std::string other = testing::read_all(kHwc);
  other.replace(other.find("name: hwc-like"), 14, "name: other-one");
  const std::string other_path = write_temp("other.yaml", other);
  const CliRun missing =
      run_spad("accel " + layer + " --machine " + q(other_path) + " --schedule " + q(one_path));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no machine named \"other-one\""), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("\"hwc-like\", \"edge-npu\""), std::string::npos) << missing.err;
  // An entry's "name" is its machine's (accelerator.name): a changed one is
  // refused, as --model and as --schedule.
  json renamed = one;
  renamed["machines"][0]["name"] = "zzz";
  const std::string renamed_path = write_temp("renamed.json", renamed.dump());
  for (const std::string& command : {"accel --model " + q(renamed_path) + kBoth,
                                     "accel " + layer + kBoth + " --schedule " + q(renamed_path)}) {
    const CliRun r = run_spad(command);
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_NE(r.err.find("name = \"zzz\" differs from accelerator.name \"hwc-like\""),
              std::string::npos)
        << r.err;
  }
}

// A layer that fits one machine only: that machine is best, totals are not
// compared, and the run exits 2 naming the file whose scratchpad is too small.
TEST(AccelComparisonCli, LayerThatFitsOneMachineOnly) {
  std::string text = testing::read_all(kHwc);
  text.replace(text.find("name: hwc-like"), 14, "name: tiny");
  text.replace(text.find("capacity_bytes: 64KiB"), 21, "capacity_bytes: 8");
  const std::string tiny = write_temp("tiny.yaml", text);
  const std::string args = "accel " + kNet + " --machine " + q(kHwc) + " --machine " + q(tiny);
  const CliRun run = run_spad(args + " --json");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find(tiny), std::string::npos) << run.err;
  const json doc = json::parse(run.out);
  for (const json& row : doc["comparison"]["layers"]) {
    EXPECT_EQ(row["best"], "hwc-like");
    EXPECT_FALSE(row["machines"][1]["fits"].get<bool>());
    EXPECT_TRUE(row["machines"][1]["latency_cycles"].is_null());
  }
  EXPECT_FALSE(doc["comparison"]["totals"]["comparable"].get<bool>());
  EXPECT_TRUE(doc["comparison"]["totals"]["best"].is_null());
  const CliRun table = run_spad(args);
  EXPECT_EQ(table.exit_code, 2);
  EXPECT_NE(table.out.find("does not fit"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("totals not compared"), std::string::npos) << table.out;
}

TEST(AccelComparisonCli, MachinesThatCannotBeComparedAreNamed) {
  const auto fails = [](const std::string& machines, const std::string& expected) {
    const CliRun run = run_spad("accel --layer C=8,M=8,H=8,W=8,R=3,S=3" + machines);
    EXPECT_EQ(run.exit_code, 2) << machines;
    EXPECT_NE(run.err.find(expected), std::string::npos) << run.err;
    EXPECT_EQ(run.out, "");
  };
  fails(" --machine " + q(kHwc) + " --machine " + q(kHwc), "is given twice");
  const std::string text = testing::read_all(kHwc);
  const std::string copy = write_temp("copy.yaml", text);
  fails(" --machine " + q(kHwc) + " --machine " + q(copy), "describe the same machine");
  std::string faster = text;
  faster.replace(faster.find("clock_mhz: 200"), 14, "clock_mhz: 400");
  const std::string same_name = write_temp("same_name.yaml", faster);
  fails(" --machine " + q(kHwc) + " --machine " + q(same_name), "are both named \"hwc-like\"");
  std::string wide = text;
  wide.replace(wide.find("name: hwc-like"), 14, "name: hwc-int16");
  wide += "precision_bytes:\n  input: 2\n  weight: 2\nenergy:\n  mac_pj: 0.6\n";
  const std::string int16 = write_temp("int16.yaml", wide);
  fails(" --machine " + q(kHwc) + " --machine " + q(int16), "precision_bytes in=2,w=2");
  fails(" --machine " + q(kHwc) + " --machine " + q(int16), "same element sizes");
}

}  // namespace
}  // namespace spad
