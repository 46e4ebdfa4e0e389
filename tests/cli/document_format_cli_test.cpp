// Every JSON-writing command, run through the binary on small inputs, writes
// one of the five "format" kinds of DESIGN.md ("Machine-readable interface");
// documents of the kinds earlier versions wrote (spad-compare/1, spad-accel/1,
// spad-accel-comparison/1) are still read back where they were, and a sweep
// document of capacities is refused where a network is read, saying why.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using nlohmann::json;
using namespace testing;  // CliRun, run_spad, q, kHwc, ok_json, ... (cli_fixtures.hpp)

// The list is DESIGN.md's ("Every JSON document spad writes carries "format":
// "spad-<kind>/1" (kind: result, network, sweep, machine, schedule)").
const std::set<std::string> kDesignFormats = {"spad-result/1", "spad-network/1", "spad-sweep/1",
                                              "spad-machine/1", "spad-schedule/1"};

const std::string kSmallLayer = "--layer " + q("N=1,C=2,M=4,H=4,W=4,R=1,S=1,name=tiny");
const std::string kNet = "--model resnet18 --layers 0-1";
const std::string kBoth = " --machine " + q(kHwc) + " --machine " + q(kNpu);
const std::string kGap = std::string(SPAD_SOURCE_DIR) + "/examples/machines/gap-like.yaml";

// A network file of two resnet18 layers (sweep takes no --layers).
std::string two_layer_network() {
  return write_temp("two_layers.json",
                    ok_out(run_spad("optimize " + kNet + " --buffer 64KiB --json")));
}

TEST(DocumentFormatCli, EveryJsonCommandWritesADesignKind) {
  const std::string net = two_layer_network();
  const std::string example = "--layer " + q(kExampleLayer) + " --schedule " + q(kExampleSchedule) +
                              " --buffer 64KiB --json";
  const struct {
    std::string args, want;
  } runs[] = {
      {"evaluate " + example, "spad-result/1"},
      {"simulate " + example, "spad-result/1"},
      {"optimize " + kSmallLayer + " --buffer 64B --json", "spad-result/1"},
      {"optimize " + kNet + " --buffer 64KiB --json", "spad-network/1"},
      {"optimize " + kSmallLayer + " --buffer 40B,12B --json", "spad-result/1"},
      {"compare " + kNet + " --buffer 64KiB --json", "spad-network/1"},
      {"compare " + kSmallLayer + " --buffer 40B,12B --json", "spad-network/1"},
      {"accel " + kNet + " --machine " + q(kHwc) + " --json", "spad-network/1"},
      {"accel " + kSmallLayer + " --machine " + q(kGap) + " --json", "spad-result/1"},
      {"accel " + kNet + kBoth + " --json", "spad-sweep/1"},
      {"sweep --model " + q(net) + " --buffers 16KiB,64KiB --json", "spad-sweep/1"},
      {"sweep --model " + q(net) + kBoth + " --buffers 64KiB --json", "spad-sweep/1"},
  };
  for (const auto& run : runs) {
    SCOPED_TRACE(run.args);
    const json doc = ok_json(run_spad(run.args));
    ASSERT_TRUE(doc.contains("format"));
    EXPECT_EQ(kDesignFormats.count(doc.at("format").get<std::string>()), 1u) << doc.at("format");
    EXPECT_EQ(doc.at("format"), run.want);
  }
}

// `doc` with "format" replaced by `format`.
json tagged(json doc, const std::string& format) {
  doc["format"] = format;
  return doc;
}

TEST(DocumentFormatCli, FormatsOfEarlierVersionsAreReadWhereTheyWere) {
  const std::string layer = "--layer C=16,M=32,H=28,W=28,R=3,S=3,pad=1";
  const json compare = ok_json(run_spad("compare " + layer + " --buffer 64KiB --json"));
  const json accel =
      ok_json(run_spad("accel " + layer + " --machine " + q(kHwc) + " --no-baselines --json"));
  const json comparison = ok_json(run_spad("accel " + layer + kBoth + " --no-baselines --json"));

  // spad-compare/1 and spad-accel/1: as a network, a layer and a schedule.
  for (const auto& [doc, format] :
       {std::pair{compare, "spad-compare/1"}, {accel, "spad-accel/1"}}) {
    const std::string path = write_temp("old.json", tagged(doc, format).dump());
    SCOPED_TRACE(format);
    const json opt = ok_json(run_spad("optimize --model " + q(path) + " --buffer 64KiB --json"));
    EXPECT_EQ(opt.at("layers").at(0).at("C"), 16);
    EXPECT_EQ(opt.at("layers").at(0).at("M"), 32);
    const json eval = ok_json(run_spad("evaluate --layer " + q(path) + " --schedule " + q(path) +
                                       " --buffer 64KiB --json"));
    EXPECT_EQ(eval.at("schedule"), doc.at("layers").at(0).at("schedule"));
  }

  // spad-accel-comparison/1, as earlier versions wrote it (no sweep keys,
  // machine entries spad-accel/1): a network, and per machine a schedule.
  json old = tagged(comparison, "spad-accel-comparison/1");
  for (const char* key : {"models", "capacities_bytes", "rows"}) old.erase(key);
  for (json& entry : old.at("machines")) entry["format"] = "spad-accel/1";
  const std::string old_path = write_temp("old_cmp.json", old.dump());
  const json again =
      ok_json(run_spad("accel --model " + q(old_path) + kBoth + " --no-baselines --json"));
  EXPECT_EQ(again.at("rows"), comparison.at("rows"));
  const json given = ok_json(
      run_spad("accel " + layer + kBoth + " --no-baselines --schedule " + q(old_path) + " --json"));
  EXPECT_EQ(given.at("schedule_source"), "given");
  for (std::size_t m = 0; m < 2; ++m)
    EXPECT_EQ(given["machines"][m]["layers"][0]["schedule"],
              comparison["machines"][m]["layers"][0]["schedule"])
        << m;
  const CliRun evaluate =
      run_spad("evaluate " + layer + " --buffer 64KiB --schedule " + q(old_path));
  EXPECT_EQ(evaluate.exit_code, 2);
  EXPECT_TRUE(contains(evaluate.err, "holds one schedule per machine")) << evaluate.err;
}

TEST(DocumentFormatCli, ASweepOfCapacitiesIsNoNetworkAndNoSchedule) {
  const std::string sweep = write_temp(
      "sweep.json",
      ok_out(run_spad("sweep --model " + q(two_layer_network()) + " --buffers 64KiB --json")));
  const CliRun model = run_spad("optimize --model " + q(sweep) + " --buffer 64KiB");
  EXPECT_EQ(model.exit_code, 2);
  EXPECT_TRUE(contains(model.err, sweep + ": this is a spad-sweep/1 document of capacities without "
                                          "\"comparison\"; a network is read from spad-network/1"))
      << model.err;
  const CliRun schedule =
      run_spad("evaluate " + kSmallLayer + " --buffer 64KiB --schedule " + q(sweep));
  EXPECT_EQ(schedule.exit_code, 2);
  EXPECT_TRUE(contains(schedule.err, "this is a spad-sweep/1 document; a schedule is read from"))
      << schedule.err;
  // A kind spad never wrote names the kinds it writes.
  const std::string other = write_temp("other.json", json{{"format", "spad-report/1"}}.dump());
  const CliRun unknown = run_spad("optimize --model " + q(other) + " --buffer 64KiB");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(contains(unknown.err, "spad writes result, network, sweep, machine and schedule"))
      << unknown.err;
}

}  // namespace
}  // namespace spad
