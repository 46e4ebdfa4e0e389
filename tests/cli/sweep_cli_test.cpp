// `spad sweep` and `spad report` from the command line: the sweep JSON's rows
// equal separate `spad optimize --model ... --json` runs at each capacity;
// CSV and table are the JSON's twins; bad ranges and ratios exit 2 with a
// specific message; the report is one self-contained HTML file.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using testing::q;
using testing::run_spad;

TEST(SweepCli, RowsEqualSeparateOptimizeRuns) {
  const testing::CliRun sweep =
      run_spad("sweep --model squeezenet1_1 --buffers 2KiB,24KiB,1MiB --per-layer --json");
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  const auto doc = nlohmann::json::parse(sweep.out);
  EXPECT_EQ(doc["format"], "spad-sweep/1");
  ASSERT_EQ(doc["rows"].size(), 3u);
  for (const auto& row : doc["rows"]) {
    const std::string cap = std::to_string(row["capacity_bytes"].get<long long>());
    const testing::CliRun opt =
        run_spad("optimize --model squeezenet1_1 --buffer " + cap + " --json");
    ASSERT_EQ(opt.exit_code, 0) << opt.err;
    const auto net = nlohmann::json::parse(opt.out);
    EXPECT_EQ(row["model"], "squeezenet1_1");
    EXPECT_EQ(row["traffic_bytes"], net["totals"]["traffic_bytes"]) << cap;
    EXPECT_EQ(row["compulsory_bytes"], net["totals"]["compulsory_bytes"]) << cap;
    EXPECT_EQ(row["layers"], net["totals"]["layers"]);
    EXPECT_EQ(row["macs"], net["totals"]["macs"]);
    ASSERT_EQ(row["per_layer"].size(), net["layers"].size());
    for (std::size_t l = 0; l < net["layers"].size(); ++l) {
      EXPECT_EQ(row["per_layer"][l]["schedule"], net["layers"][l]["schedule"]) << cap << " " << l;
      EXPECT_EQ(row["per_layer"][l]["traffic_bytes"], net["layers"][l]["traffic_bytes"]);
      EXPECT_GE(row["per_layer"][l]["traffic_bytes"].get<long long>(),
                row["per_layer"][l]["lower_bound_bytes"].get<long long>());
    }
    EXPECT_LE(row["lower_bound_bytes"].get<long long>(), row["traffic_bytes"].get<long long>());
  }
}

TEST(SweepCli, CsvAndTableAgreeWithJson) {
  const std::string args = " --model squeezenet1_1 --buffers 4KiB..16KiB:x2 --threads 2";
  const auto doc = nlohmann::json::parse(run_spad("sweep" + args + " --json").out);
  const testing::CliRun csv = run_spad("sweep" + args + " --csv");
  const testing::CliRun table = run_spad("sweep" + args);
  ASSERT_EQ(csv.exit_code, 0);
  ASSERT_EQ(table.exit_code, 0);
  for (const auto& row : doc["rows"]) {
    const std::string traffic = std::to_string(row["traffic_bytes"].get<long long>());
    EXPECT_NE(csv.out.find("network,squeezenet1_1," +
                           std::to_string(row["capacity_bytes"].get<long long>()) + ",,," +
                           std::to_string(row["layers"].get<long long>())),
              std::string::npos)
        << csv.out;
    EXPECT_NE(csv.out.find(traffic), std::string::npos);
  }
  EXPECT_NE(table.out.find("x compulsory"), std::string::npos);
}

TEST(SweepCli, TargetRatioAndKnee) {
  const testing::CliRun run = run_spad(
      "sweep --model squeezenet1_1 --buffers 1KiB..64KiB --target-ratio 1.5 --knee 0.2 --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  const auto& target = doc["target"]["models"][0];
  ASSERT_TRUE(target["capacity_bytes"].is_number());
  const long long cap = target["capacity_bytes"];
  // At the target capacity the ratio is met; one byte less it is not.
  const auto at = [](long long c) {
    return nlohmann::json::parse(
        run_spad("optimize --model squeezenet1_1 --buffer " + std::to_string(c) + " --json")
            .out)["totals"];
  };
  const auto t = at(cap), below = at(cap - 1);
  EXPECT_LE(t["traffic_bytes"].get<long long>() * 10, t["compulsory_bytes"].get<long long>() * 15);
  EXPECT_GT(below["traffic_bytes"].get<long long>() * 10,
            below["compulsory_bytes"].get<long long>() * 15);
  EXPECT_EQ(doc["target"]["ratio"], 1.5);
  EXPECT_EQ(doc["knee"]["share"], 0.2);
  EXPECT_EQ(doc["target"]["models"][0]["layers"].size(), doc["rows"][0]["layers"]);
  // --knee without a value: the default share.
  const testing::CliRun knee = run_spad("sweep --model squeezenet1_1 --buffers 1KiB..4KiB --knee");
  EXPECT_EQ(knee.exit_code, 0) << knee.err;
  EXPECT_NE(knee.out.find("less than 0.1"), std::string::npos) << knee.out;
}

// The CSV has rows only (io/csv/sweep_csv.hpp: no target or knee columns):
// --target-ratio or --knee with --csv is refused, saying where the answers
// are, instead of printing the rows and dropping them with exit 0.
TEST(SweepCli, TargetAndKneeWithCsvAreRefused) {
  const std::string sweep = "sweep --model squeezenet1_1 --buffers 1KiB..4KiB --csv";
  const struct {
    std::string flags, named;
  } cases[] = {
      {" --target-ratio 1.5 --knee", "--target-ratio and --knee with --csv"},
      {" --target-ratio 1.5", "--target-ratio with --csv"},
      {" --knee 0.2", "--knee with --csv"},
  };
  for (const auto& c : cases) {
    const testing::CliRun run = run_spad(sweep + c.flags);
    EXPECT_EQ(run.exit_code, 2) << c.flags;
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_NE(run.err.find(c.named), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("the table (leave out --csv) and --json"), std::string::npos) << run.err;
  }
  // Without them the CSV is printed.
  const testing::CliRun rows = run_spad(sweep);
  EXPECT_EQ(rows.exit_code, 0) << rows.err;
  EXPECT_EQ(rows.out.rfind("scope,model,capacity_bytes,", 0), 0U) << rows.out;
}

TEST(SweepCli, BadInputExitsTwoWithASpecificMessage) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"--buffers 0..4KiB", "at least 1 byte"},
      {"--buffers 8KiB..1KiB", "above its end"},
      {"--buffers 1KiB..4KiB:x1", "never grows"},
      {"--buffers 1KiB..4KiB:+0", "never grows"},
      {"--buffers 1..1MiB:+1", "--buffers \"1..1MiB:+1\": 1048576 capacities, more than 1024"},
      {"--buffers 1KiB --target-ratio 0.5", "--target-ratio"},
      {"--buffers 1KiB --knee 1.5", "--knee"},
  };
  for (const auto& [args, fragment] : cases) {
    const testing::CliRun run = run_spad("sweep --model squeezenet1_1 " + args);
    EXPECT_EQ(run.exit_code, 2) << args;
    EXPECT_NE(run.err.find(fragment), std::string::npos) << args << ": " << run.err;
  }
  // Repeated models, machines or objectives would repeat rows under one label.
  const std::vector<std::pair<std::string, std::string>> repeats = {
      {"--model tc_resnet8,tc_resnet8 --buffers 1KiB", "\"tc_resnet8\" is given twice"},
      {"--model tc_resnet8 --buffers 1KiB --machine " + q(testing::kHwc) + " --machine " +
           q(testing::kHwc),
       "\"hwc-like\" is given twice"},
      {"--model tc_resnet8 --buffers 1KiB --machine " + q(testing::kHwc) +
           " --objective latency,latency",
       "\"latency\" is given twice"},
  };
  for (const auto& [args, fragment] : repeats) {
    const testing::CliRun run = run_spad("sweep " + args);
    EXPECT_EQ(run.exit_code, 2) << args;
    EXPECT_NE(run.err.find(fragment), std::string::npos) << args << ": " << run.err;
  }
  const testing::CliRun unknown = run_spad("sweep --model nosuchnet --buffers 1KiB");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("nosuchnet"), std::string::npos);
}

// On a machine file at the file's own capacity, a sweep row is what
// `spad accel` reports for the network (traffic, latency; energy in fJ there
// pJ here).
TEST(SweepCli, OnAMachineFileRowsEqualAccel) {
  const std::string machine = q(testing::kNpu);
  const testing::CliRun sweep =
      run_spad("sweep --model squeezenet1_1 --machine " + machine +
               " --objective latency,traffic --buffers 64KiB,1MiB --json");
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  const auto doc = nlohmann::json::parse(sweep.out);
  ASSERT_EQ(doc["rows"].size(), 4u);
  for (const char* objective : {"latency", "traffic"}) {
    const auto accel =
        nlohmann::json::parse(run_spad("accel --model squeezenet1_1 --machine " + machine +
                                       " --objective " + objective + " --no-baselines --json")
                                  .out)["totals"];
    bool found = false;
    for (const auto& row : doc["rows"])
      if (row["objective"] == objective && row["capacity_bytes"] == 1 << 20) {
        found = true;
        EXPECT_EQ(row["machine"], "edge-npu");
        EXPECT_EQ(row["traffic_bytes"], accel["traffic_bytes"]) << objective;
        EXPECT_EQ(row["latency_cycles"], accel["latency_cycles"]) << objective;
        EXPECT_NEAR(row["energy_fj"].get<double>() / 1000,
                    accel["energy_pj"]["total"].get<double>(), 1.0);
      }
    EXPECT_TRUE(found) << objective;
  }
  const testing::CliRun mixed =
      run_spad("sweep --model squeezenet1_1 --machine " + machine + " --halo-reuse --buffers 1MiB");
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_NE(mixed.err.find("--halo-reuse"), std::string::npos) << mixed.err;
  const testing::CliRun objective_alone =
      run_spad("sweep --model squeezenet1_1 --objective latency --buffers 1MiB");
  EXPECT_EQ(objective_alone.exit_code, 2);
  EXPECT_NE(objective_alone.err.find("--objective needs --machine"), std::string::npos);
}

// One message for a bad --objective and for a bad size in --buffers (the
// size named once): accel, sweep and report read them with the same code.
TEST(SweepCli, BadObjectiveAndBufferMessagesAreTheSameEverywhere) {
  const std::string machine = q(testing::kNpu);
  const std::string want = "spad: error: --objective \"fast\": expected traffic, latency or energy";
  for (const std::string& args :
       {"accel --model tc_resnet8 --machine " + machine + " --objective fast",
        "sweep --model tc_resnet8 --machine " + machine + " --buffers 1KiB --objective fast",
        "report --model tc_resnet8 --machine " + machine + " --objective fast --output " +
            q(testing::temp_path("objective.html"))}) {
    const testing::CliRun run = run_spad(args);
    EXPECT_EQ(run.exit_code, 2) << args;
    EXPECT_EQ(run.err.substr(0, run.err.find('\n')), want) << args;
  }
  const testing::CliRun negative = run_spad("sweep --model tc_resnet8 --buffers -1");
  EXPECT_EQ(negative.exit_code, 2);
  EXPECT_EQ(negative.err.rfind("spad: error: --buffers \"-1\": a size cannot be negative", 0), 0u)
      << negative.err;
}

// With --baselines on a machine file, each baseline is searched on the
// machine for the row's objective: at the file's own capacity its network
// traffic is what `spad accel` reports for the same baseline.
TEST(SweepCli, OnAMachineFileBaselinesEqualAccel) {
  const std::string machine = q(testing::kNpu);
  const testing::CliRun sweep =
      run_spad("sweep --model squeezenet1_1 --machine " + machine +
               " --objective latency,energy --buffers 64KiB,1MiB --baselines --json");
  ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
  const auto doc = nlohmann::json::parse(sweep.out);
  ASSERT_EQ(doc["rows"].size(), 4u);
  std::size_t compared = 0;
  for (const char* objective : {"latency", "energy"}) {
    const auto accel =
        nlohmann::json::parse(run_spad("accel --model squeezenet1_1 --machine " + machine +
                                       " --objective " + objective + " --json")
                                  .out);
    for (const auto& row : doc["rows"]) {
      if (row["objective"] != objective || row["capacity_bytes"] != 1 << 20) continue;
      for (const char* b : {"weight_stationary", "output_stationary", "input_stationary", "hwce_v1",
                            "hwce_v2", "hwce_v4"}) {
        const auto& total = accel["baseline_totals"][b];
        if (total["layers"] != accel["totals"]["layers"]) continue;  // not on every layer
        EXPECT_EQ(row["baselines"][b]["traffic_bytes"], total["traffic_bytes"])
            << objective << " " << b;
        ++compared;
      }
    }
  }
  EXPECT_GE(compared, 6u);
  const testing::CliRun csv = run_spad("sweep --model squeezenet1_1 --machine " + machine +
                                       " --buffers 64KiB --baselines --csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("weight_stationary"), std::string::npos) << csv.out;
}

// With --machine, --target-ratio and --knee are answered per machine file on
// its least traffic: hwc-like (int8, double buffering, no halo reuse) gives
// what a plain sweep with --double-buffer gives, whatever the objective.
TEST(SweepCli, OnAMachineFileTargetAndKneeAreItsLeastTraffics) {
  const std::string machine = q(testing::kHwc);
  const std::string question = " --buffers 4KiB..1MiB:x4 --target-ratio 1.5 --knee --json";
  const testing::CliRun on_machine = run_spad("sweep --model squeezenet1_1 --machine " + machine +
                                              " --objective latency" + question);
  ASSERT_EQ(on_machine.exit_code, 0) << on_machine.err;
  const testing::CliRun plain = run_spad("sweep --model squeezenet1_1 --double-buffer" + question);
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  const auto got = nlohmann::json::parse(on_machine.out);
  const auto expected = nlohmann::json::parse(plain.out);
  for (const char* key : {"target", "knee"}) {
    EXPECT_EQ(got[key]["objective"], "traffic") << key;
    ASSERT_EQ(got[key]["models"].size(), 1u) << key;
    auto model = got[key]["models"][0];
    EXPECT_EQ(model["machine"], "hwc-like") << key;
    model.erase("machine");
    EXPECT_EQ(model, expected[key]["models"][0]) << key;
  }
  EXPECT_FALSE(got["target"]["models"][0]["capacity_bytes"].is_null());
  // The table (the knee alone: the target's bisection is what takes time).
  const testing::CliRun table = run_spad("sweep --model squeezenet1_1 --machine " + machine +
                                         " --buffers 4KiB..1MiB:x4 --knee");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("knee on hwc-like (its least traffic)"), std::string::npos) << table.out;
}

TEST(ReportCli, WritesOneSelfContainedHtmlFile) {
  const std::string path = testing::temp_path("report.html");
  const testing::CliRun run =
      run_spad("report --model squeezenet1_1 --buffer 16KiB --sweep 1KiB..1MiB:x4 -o " + q(path));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string html = testing::read_all(path);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  // Nothing is fetched: no external URL in a src or href, no link elements.
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_NE(html.find("id=\"layer-table\""), std::string::npos);
  std::remove(path.c_str());
  // On a machine file: the latency, energy and roofline charts, one roofline
  // point per layer (squeezenet1_1 has 26 conv layers).
  const testing::CliRun accel =
      run_spad("report --model squeezenet1_1 --machine " + q(testing::kNpu) +
               " --objective latency --sweep 64KiB..1MiB:x4 -o " + q(path));
  ASSERT_EQ(accel.exit_code, 0) << accel.err;
  const std::string page = testing::read_all(path);
  for (const char* id : {"id=\"latency-bars\"", "id=\"energy-bars\"", "id=\"roofline\""})
    EXPECT_NE(page.find(id), std::string::npos) << id;
  std::size_t points = 0;
  for (std::size_t at = page.find("data-series=\"layers\""); at != std::string::npos;
       at = page.find("data-series=\"layers\"", at + 1))
    ++points;
  EXPECT_EQ(points, 26u);
  std::remove(path.c_str());
  // An unwritable path is a user error naming it, and leaves nothing behind.
  const testing::CliRun bad = run_spad(
      "report --model squeezenet1_1 --buffer 16KiB --sweep 16KiB -o /nonexistent/dir/r.html");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("/nonexistent/dir/r.html"), std::string::npos) << bad.err;
}

// As optimize --model: the report is written whole, and a layer that fits no
// schedule at the chosen capacity is exit code 2 with a message (before: 0).
TEST(ReportCli, LayersThatDoNotFitAreExitCode2) {
  const std::string path = testing::temp_path("report_small.html");
  const testing::CliRun run =
      run_spad("report --model tc_resnet8 --buffer 4B --sweep 4B..64KiB:x4 -o " + q(path));
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("spad: error: 11 of 11 layers of tc_resnet8 do not fit in 4 B"),
            std::string::npos)
      << run.err;
  EXPECT_NE(testing::read_all(path).find("</html>"), std::string::npos);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace spad
