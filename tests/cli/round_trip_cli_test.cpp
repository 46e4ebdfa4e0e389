// Everything spad writes as JSON can be read back by the flag that takes that
// kind of object, with identical numbers: optimize/evaluate/simulate results
// -> --schedule; network, compare and accel documents -> --model, their layer
// objects -> --layer, their one-layer form -> --schedule; the accelerator
// echo -> --machine. Every document starts with its "format" key, and a
// document whose derived numbers were edited is refused with the key named.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_fixtures.hpp"

namespace spad {
namespace {

using nlohmann::json;
using namespace testing;  // CliRun, run_spad, q, kHwc, ok_json, ... (cli_fixtures.hpp)

const std::string kLayer = "C=16,M=24,H=15,W=17,R=3,S=3,stride=2,pad=1:0:1:1,name=strided";

// stdout of `spad args`, which must succeed, as JSON.
json spad_json(const std::string& args) {
  SCOPED_TRACE(args);
  return ok_json(run_spad(args));
}

std::string write_file(const std::string& stem, const json& j) {
  const std::string path = temp_path(stem + ".json");
  std::ofstream(path) << j.dump(2);
  return path;
}

// The traffic keys of a result object.
json costs(const json& r) {
  json out;
  for (const char* key :
       {"arrays", "traffic_bytes", "buffer_bytes", "compulsory_bytes", "fits", "total_fills"})
    out[key] = r.at(key);
  return out;
}

json accel_costs(const json& r) {
  json out = costs(r);
  for (const char* key : {"compute_cycles", "transfer_cycles", "latency_cycles", "energy_pj"})
    out[key] = r.at(key);
  return out;
}

void expect_error(const std::string& args, const std::string& needle) {
  const CliRun run = run_spad(args);
  EXPECT_EQ(run.exit_code, 2) << args << "\n" << run.out;
  EXPECT_NE(run.err.find(needle), std::string::npos) << run.err;
}

// A matmul layer's second operand moves at the input size (DESIGN.md, "ONNX
// import"): with in=2, w=1 its 16 B of W per pass count 2 B per element. The
// result's "layer" states the kind (and the layer's own precision), so read
// back as --layer it is the same layer with the same traffic; before, it came
// back as a conv layer and W cost 1 B per element (64 B -> 56 B).
TEST(RoundTrip, AMatmulLayerKeepsItsKind) {
  const json layer = {{"name", "mm"},
                      {"kind", "matmul"},
                      {"N", 3},
                      {"C", 4},
                      {"M", 4},
                      {"H", 1},
                      {"W", 1},
                      {"R", 1},
                      {"S", 1},
                      {"groups", 2},
                      {"precision", {{"out", 2}}}};
  const std::string file = write_file("mm_layer", layer);
  const std::string flags = " --buffer 16B --precision in=2,w=1,psum=4";
  const json opt = spad_json("optimize --layer " + q(file) + flags + " --json");
  EXPECT_EQ(opt["layer"]["kind"], "matmul");
  EXPECT_EQ(opt["layer"]["precision"]["out"], 2);
  const std::string opt_file = write_file("mm_opt", opt);
  for (const char* command : {"evaluate", "simulate"}) {
    const json again = spad_json(std::string(command) + " --layer " + q(opt_file) + " --schedule " +
                                 q(opt_file) + flags + " --json");
    EXPECT_EQ(again["layer"], opt["layer"]) << command;
    EXPECT_EQ(costs(again), costs(opt)) << command;
  }
  const json levels = spad_json("optimize --layer " + q(opt_file) + " --buffer 64B,24B" +
                                " --precision in=2,w=1,psum=4 --json");
  EXPECT_EQ(levels["layer"]["kind"], "matmul");
  const std::string levels_file = write_file("mm_levels", levels);
  const json replay =
      spad_json("simulate --layer " + q(levels_file) + " --schedule " + q(levels_file) +
                " --buffer 64B,24B --precision in=2,w=1,psum=4 --json");
  EXPECT_EQ(replay["layer"], levels["layer"]);
  EXPECT_EQ(replay["traffic_bytes"], levels["traffic_bytes"]);
}

TEST(RoundTrip, EveryDocumentCarriesItsFormat) {
  const std::string buffer = " --buffer 2KiB";
  const json opt = spad_json("optimize --layer " + q(kLayer) + buffer + " --json");
  EXPECT_EQ(opt["format"], "spad-result/1");
  const std::string schedule = write_file("opt", opt);
  EXPECT_EQ(spad_json("evaluate --layer " + q(kLayer) + " --schedule " + q(schedule) + " --json")
                .at("format"),
            "spad-result/1");
  EXPECT_EQ(spad_json("simulate --layer " + q(kLayer) + " --schedule " + q(schedule) + " --json")
                .at("format"),
            "spad-result/1");
  EXPECT_EQ(spad_json("optimize --model resnet18 --layers 0-1" + buffer + " --json").at("format"),
            "spad-network/1");
  // Compare and accel documents are network documents with more keys.
  const json cmp = spad_json("compare --model resnet18 --layers 0-1" + buffer + " --json");
  EXPECT_EQ(cmp.at("format"), "spad-network/1");
  EXPECT_TRUE(cmp.at("layers").at(0).contains("baselines"));
  const json acc =
      spad_json("accel --model resnet18 --layers 0-1 --machine " + q(kHwc) + " --json");
  EXPECT_EQ(acc.at("format"), "spad-network/1");
  EXPECT_EQ(acc.at("accelerator").at("format"), "spad-machine/1");
  EXPECT_EQ(acc.at("objective"), "latency");  // the default (DESIGN.md)
}

TEST(RoundTrip, ResultsFeedEvaluateAndSimulate) {
  const std::string flags = " --buffer 2KiB --halo-reuse --precision in=2,w=1,out=2,psum=4";
  const json opt = spad_json("optimize --layer " + q(kLayer) + flags + " --json");
  const std::string from_opt = write_file("opt", opt);
  for (const char* command : {"evaluate", "simulate"}) {
    const json again = spad_json(std::string(command) + " --layer " + q(kLayer) + " --schedule " +
                                 q(from_opt) + flags + " --json");
    EXPECT_EQ(costs(again), costs(opt)) << command;
    EXPECT_EQ(again["schedule"], opt["schedule"]);
    // The evaluate/simulate result itself reads back the same way.
    const json third = spad_json("evaluate --layer " + q(kLayer) + " --schedule " +
                                 q(write_file("again", again)) + flags + " --json");
    EXPECT_EQ(costs(third), costs(opt));
  }
}

// A whole document given as --layer stands for its layer: a result's
// "layer", the one layer of a one-layer network document; so
// `evaluate --layer R --schedule R` reads back what optimize wrote. A
// document of several layers, or of another kind, is refused saying why.
TEST(RoundTrip, WholeDocumentsFeedLayer) {
  const std::string flags = " --buffer 2KiB";
  const json opt = spad_json("optimize --layer " + q(kLayer) + flags + " --json");
  const std::string result = write_file("result_as_layer", opt);
  const json again =
      spad_json("evaluate --layer " + q(result) + " --schedule " + q(result) + flags + " --json");
  EXPECT_EQ(costs(again), costs(opt));
  EXPECT_EQ(again["layer"], opt["layer"]);
  const json one = spad_json("optimize --model resnet18 --layers 1" + flags + " --json");
  const std::string net_file = write_file("one_layer_net", one);
  const json from_net = spad_json("simulate --layer " + q(net_file) + " --schedule " + q(net_file) +
                                  flags + " --json");
  EXPECT_EQ(costs(from_net), costs(one["layers"][0]));
  EXPECT_EQ(from_net["layer"]["name"], "layer1.0.conv1");
  // A hand-written network file of one layer, and of two.
  const std::string hand = write_file(
      "hand_net", json::parse(R"({"model": "m", "layers": [{"name": "only", "C": 4, "M": 4, "H": 8,
                                  "W": 8, "R": 3, "S": 3}]})"));
  EXPECT_EQ(spad_json("optimize --layer " + q(hand) + flags + " --json")["layer"]["name"], "only");
  const std::string hand2 = write_file(
      "hand_net2", json::parse(R"({"model": "m", "layers": [{"C": 4, "M": 4, "H": 8, "W": 8,
                                  "R": 3, "S": 3}, {"C": 4, "M": 4, "H": 8, "W": 8, "R": 1,
                                  "S": 1}]})"));
  expect_error("optimize --layer " + q(hand2) + flags, "network file of 2 layers");
  const json three = spad_json("optimize --model resnet18 --layers 0-2" + flags + " --json");
  expect_error("optimize --layer " + q(write_file("three", three)) + flags,
               "document of 3 layers; a layer is one of them");
  const json acc = spad_json("accel --layer " + q(kLayer) + " --machine " + q(kHwc) + " --json");
  expect_error("optimize --layer " + q(write_file("machine", acc["accelerator"])) + flags,
               "spad-machine/1");
}

TEST(RoundTrip, NetworkLayerObjectsFeedLayerAndSchedule) {
  const std::string flags = " --buffer 8KiB";
  const json net = spad_json("optimize --model resnet18 --layers 0-4,fc" + flags + " --json");
  ASSERT_EQ(net["layers"].size(), 6u);
  for (const json& entry : net["layers"]) {
    SCOPED_TRACE(entry["name"].get<std::string>());
    const std::string file = write_file("entry", entry);
    // The entry is both a layer (with kind, P, Q, macs) and a result.
    const json again =
        spad_json("evaluate --layer " + q(file) + " --schedule " + q(file) + flags + " --json");
    EXPECT_EQ(costs(again), costs(entry));
    const json opt = spad_json("optimize --layer " + q(file) + flags + " --json");
    EXPECT_EQ(costs(opt), costs(entry));
  }
}

// A layer entry keeps its kind and own sizes when read back as --layer: a
// matmul's second operand moves at the input size, and a layer that states
// its own precision is costed at it. Hand count for the matmul below (N=4,
// C=16, M=8 as G=1 matmul) at in=2, w=1: I 64*2 + W 128*2 + O 32*1 = 416
// bytes (288 if W were priced at w); for the fc layer with its own out=4:
// I 64 + W 128 + O 32*4 = 320 bytes.
TEST(RoundTrip, LayerEntriesKeepTheirKindAndOwnSizes) {
  const json net_file = {{"model", "mixed"},
                         {"layers",
                          {{{"name", "mm"},
                            {"kind", "matmul"},
                            {"N", 4},
                            {"C", 16},
                            {"M", 8},
                            {"H", 1},
                            {"W", 1},
                            {"R", 1},
                            {"S", 1}},
                           {{"name", "fc"},
                            {"kind", "fc"},
                            {"N", 4},
                            {"C", 16},
                            {"M", 8},
                            {"H", 1},
                            {"W", 1},
                            {"R", 1},
                            {"S", 1},
                            {"precision", {{"out", 4}}}}}}};
  const std::string model = write_file("mixed_net", net_file);
  const std::string flags = " --buffer 4KiB --precision in=2,w=1";
  const json net = spad_json("optimize --model " + q(model) + flags + " --json");
  ASSERT_EQ(net["layers"].size(), 2u);
  EXPECT_EQ(net["layers"][0]["compulsory_bytes"], 416);
  // The fc layer's own sizes with --precision's keys on top: in=2, w=1, out=4.
  EXPECT_EQ(net["layers"][1]["compulsory_bytes"], 4 * 16 * 2 + 16 * 8 + 4 * 8 * 4);
  EXPECT_EQ(net["layers"][1]["precision"], (json{{"in", 2}, {"w", 1}, {"out", 4}, {"psum", 4}}));
  for (const json& entry : net["layers"]) {
    SCOPED_TRACE(entry["name"].get<std::string>());
    const std::string file = write_file("sized_entry", entry);
    const json again =
        spad_json("evaluate --layer " + q(file) + " --schedule " + q(file) + flags + " --json");
    EXPECT_EQ(costs(again), costs(entry));
    const json opt = spad_json("optimize --layer " + q(file) + flags + " --json");
    EXPECT_EQ(costs(opt), costs(entry));
    const json cmp = spad_json("compare --layer " + q(file) + flags + " --json");
    EXPECT_EQ(cmp["layers"][0]["compulsory_bytes"], entry["compulsory_bytes"]);
  }
  const json fc_alone = spad_json(
      "evaluate --layer "
      "'{\"C\":16,\"M\":8,\"N\":4,\"H\":1,\"W\":1,\"R\":1,\"S\":1,\"precision\":{\"out\":4}}' "
      "--schedule " +
      q(write_file("sized_entry_schedule", net["layers"][1]["schedule"])) + " --json");
  EXPECT_EQ(fc_alone["compulsory_bytes"], 64 + 128 + 128);
  expect_error(
      "evaluate --layer '{\"C\":4,\"M\":4,\"H\":1,\"W\":1,\"R\":1,\"S\":1,\"kind\":\"mm\"}' "
      "--schedule " +
          q(write_file("sized_entry_schedule2", net["layers"][1]["schedule"])),
      "kind = \"mm\"");
}

// A one-layer network or compare document (--layers NAME) is a --schedule
// as well, one level or several; its derived numbers are checked at the
// sizes its layer was costed at: a matmul's second operand at the input size,
// a layer's own precision. Both were refused ("arrays.W.read_bytes = 16 does
// not match the value recomputed ... (8)"): the check took the document's
// machine precision as it stood. Hand counts (in=2, w=1 from --precision):
// the matmul N=2, C=4, M=4 moves I 8*2 + W 16*2 + O 8*1 = 56 bytes (48 with
// W at w); the fc layer of its own in=2, w=2, out=2 (--precision's in and w
// on top) moves I 8*2 + W 16*1 + O 8*2 = 48 bytes.
TEST(RoundTrip, OneLayerDocumentsOfOwnSizesFeedSchedule) {
  const json shape = {{"N", 2}, {"C", 4}, {"M", 4}, {"H", 1}, {"W", 1}, {"R", 1}, {"S", 1}};
  json mm = shape, fc = shape;
  mm["name"] = "mm";
  mm["kind"] = "matmul";
  fc["name"] = "fc";
  fc["kind"] = "fc";
  fc["precision"] = {{"in", 2}, {"w", 2}, {"out", 2}, {"psum", 8}};
  const std::string model =
      write_file("own_sizes_net", {{"model", "own"}, {"layers", json::array({mm, fc})}});
  const std::string precision = " --precision in=2,w=1";
  for (const std::string buffer : {" --buffer 4KiB", " --buffer 4KiB,64"}) {
    for (const std::string& name : {std::string("mm"), std::string("fc")}) {
      for (const std::string command : {"optimize", "compare"}) {
        SCOPED_TRACE(command + buffer + " " + name);
        const json doc = spad_json(command + " --model " + q(model) + " --layers " + name + buffer +
                                   precision + " --json");
        ASSERT_EQ(doc["layers"].size(), 1u);
        const json& entry = doc["layers"][0];
        EXPECT_EQ(entry["compulsory_bytes"], name == "mm" ? 56 : 48);
        const std::string file = write_file("own_sizes_doc", doc);
        for (const std::string reader : {"evaluate", "simulate"}) {
          const json again = spad_json(reader + " --layer " + q(file) + " --schedule " + q(file) +
                                       buffer + precision + " --json");
          EXPECT_EQ(costs(again), costs(entry)) << reader;
          if (entry.contains("levels")) {
            EXPECT_EQ(again["levels"], entry["levels"]) << reader;
          }
        }
        // An edited count is still refused, naming it.
        json edited = doc;
        edited["layers"][0]["arrays"]["W"]["read_bytes"] =
            entry["arrays"]["W"]["read_bytes"].get<long long>() + 1;
        expect_error("evaluate --layer " + q(file) + " --schedule " +
                         q(write_file("own_sizes_edited", edited)) + buffer + precision,
                     "arrays.W.read_bytes");
      }
    }
  }
}

TEST(RoundTrip, NetworkCompareAndAccelDocumentsFeedModel) {
  const std::string flags = " --layers 0-3 --buffer 8KiB";
  const json net = spad_json("optimize --model resnet18" + flags + " --json");
  const json cmp = spad_json("compare --model resnet18" + flags + " --json");
  for (const json& doc : {net, cmp}) {
    const json again =
        spad_json("optimize --model " + q(write_file("net", doc)) + " --buffer 8KiB --json");
    ASSERT_EQ(again["layers"].size(), doc["layers"].size());
    for (std::size_t i = 0; i < doc["layers"].size(); ++i)
      EXPECT_EQ(costs(again["layers"][i]), costs(doc["layers"][i])) << i;
    EXPECT_EQ(again["totals"], net["totals"]);
  }
  // What an ONNX import reports beside the layers is carried through.
  json with_skipped = net;
  with_skipped["skipped"] = json::array(
      {{{"node", "up1"}, {"op", "ConvTranspose"}, {"reason", "not supported"}, {"macs", 1234}}});
  with_skipped["warnings"] = json::array({"a shape disagreement"});
  const json carried = spad_json("optimize --model " + q(write_file("skipped", with_skipped)) +
                                 " --buffer 8KiB --json");
  EXPECT_EQ(carried["skipped"], with_skipped["skipped"]);
  EXPECT_EQ(carried["warnings"], with_skipped["warnings"]);

  const json acc =
      spad_json("accel --model resnet18 --layers 0-3 --machine " + q(kHwc) + " --json");
  const json acc2 =
      spad_json("accel --model " + q(write_file("acc", acc)) + " --machine " + q(kHwc) + " --json");
  for (std::size_t i = 0; i < acc["layers"].size(); ++i)
    EXPECT_EQ(accel_costs(acc2["layers"][i]), accel_costs(acc["layers"][i])) << i;
}

TEST(RoundTrip, AccelJsonFeedsAccelScheduleAndMachine) {
  for (const char* objective : {"latency", "energy", "traffic"}) {
    SCOPED_TRACE(objective);
    const std::string base = "accel --layer " + q(kLayer) + " --objective " + objective;
    const json acc = spad_json(base + " --machine " + q(kHwc) + " --json");
    ASSERT_EQ(acc["layers"].size(), 1u);
    const json given = spad_json(base + " --machine " + q(kHwc) + " --schedule " +
                                 q(write_file("acc", acc)) + " --json");
    EXPECT_EQ(given["schedule_source"], "given");
    EXPECT_EQ(accel_costs(given["layers"][0]), accel_costs(acc["layers"][0]));
    // The machine echo is a machine file.
    const std::string machine = write_file("machine", acc["accelerator"]);
    const json echoed = spad_json(base + " --machine " + q(machine) + " --json");
    EXPECT_EQ(echoed["accelerator"], acc["accelerator"]);
    EXPECT_EQ(accel_costs(echoed["layers"][0]), accel_costs(acc["layers"][0]));
  }
}

TEST(RoundTrip, EditedDerivedNumbersAreRefusedByName) {
  const std::string flags = " --buffer 2KiB";
  json opt = spad_json("optimize --layer " + q(kLayer) + flags + " --json");
  opt["traffic_bytes"] = opt["traffic_bytes"].get<long long>() + 1;
  expect_error("evaluate --layer " + q(kLayer) + " --schedule " + q(write_file("bad", opt)) + flags,
               "traffic_bytes");
  opt = spad_json("optimize --layer " + q(kLayer) + flags + " --json");
  opt["arrays"]["W"]["fills"] = 0;
  expect_error("evaluate --layer " + q(kLayer) + " --schedule " + q(write_file("bad", opt)) + flags,
               "arrays.W.fills = 0 does not match");

  json net = spad_json("optimize --model resnet18 --layers 0-2" + flags + " --json");
  json entry = net["layers"][1];
  entry["P"] = entry["P"].get<long long>() + 1;
  expect_error("optimize --layer " + q(write_file("entry", entry)) + flags, "P = ");
  net["layers"][2]["buffer_bytes"] = 1;
  expect_error("optimize --model " + q(write_file("net", net)) + flags,
               "layers[2].buffer_bytes = 1 does not match");
  net = spad_json("optimize --model resnet18 --layers 0-2" + flags + " --json");
  net["totals"]["macs"] = 5;
  expect_error("optimize --model " + q(write_file("net", net)) + flags, "totals.macs = 5");

  json acc = spad_json("accel --layer " + q(kLayer) + " --machine " + q(kHwc) + " --json");
  json machine = acc["accelerator"];
  machine["mac_array"]["macs_per_cycle"] = 31;
  expect_error("accel --layer " + q(kLayer) + " --machine " + q(write_file("m", machine)),
               "macs_per_cycle");
  machine = acc["accelerator"];
  machine["energy_source"]["mac_pj"] = "file";
  machine["energy"].erase("mac_pj");
  expect_error("accel --layer " + q(kLayer) + " --machine " + q(write_file("m", machine)),
               "energy_source.mac_pj");
}

TEST(RoundTrip, AWrongKindOfDocumentIsNamed) {
  const json acc = spad_json("accel --layer " + q(kLayer) + " --machine " + q(kHwc) + " --json");
  expect_error(
      "evaluate --layer " + q(kLayer) + " --schedule " + q(write_file("m", acc["accelerator"])),
      "spad-machine/1");
  json opt = spad_json("optimize --layer " + q(kLayer) + " --buffer 2KiB --json");
  opt["format"] = "spad-result/7";
  expect_error("evaluate --layer " + q(kLayer) + " --schedule " + q(write_file("v", opt)),
               "version 7");
  const json net = spad_json("optimize --model resnet18 --layers 0-2 --buffer 8KiB --json");
  expect_error("evaluate --layer " + q(kLayer) + " --schedule " + q(write_file("n", net)),
               "3 layers");
  // A bare schedule whose format names another kind (it was taken as is).
  json bare = opt["schedule"];
  bare["format"] = "spad-network/1";
  expect_error("evaluate --layer " + q(kLayer) + " --schedule " + q(write_file("b", bare)),
               "spad-network/1");
  bare["format"] = "spad-schedule/1";
  EXPECT_EQ(run_spad("evaluate --layer " + q(kLayer) + " --schedule " + q(write_file("b", bare)))
                .exit_code,
            0);
}

}  // namespace
}  // namespace spad
