// Round trips and accepted forms of src/io: byte sizes, precision, layer
// files and inline layers, schedules, result JSON.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "base/error.hpp"
#include "io/common/suggest.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/result_json.hpp"
#include "io/json/schedule_json.hpp"
#include "io/text/byte_size.hpp"
#include "io/text/precision_text.hpp"
#include "random_cases.hpp"

namespace spad {
namespace {

std::string write_temp(const std::string& name, const std::string& content) {
  const auto dir = std::filesystem::temp_directory_path() / "spad_io_test";
  std::filesystem::create_directories(dir);
  const auto path = (dir / name).string();
  std::ofstream(path) << content;
  return path;
}

// ---- byte sizes ----

TEST(ByteSize, AcceptedForms) {
  EXPECT_EQ(parse_byte_size("65536", "--buffer"), 65536);
  EXPECT_EQ(parse_byte_size("64KiB", "--buffer"), 65536);
  EXPECT_EQ(parse_byte_size("64 KiB", "--buffer"), 65536);
  EXPECT_EQ(parse_byte_size("  64kiB  ", "--buffer"), 65536);
  EXPECT_EQ(parse_byte_size("64K", "--buffer"), 65536);
  EXPECT_EQ(parse_byte_size("1MiB", "--buffer"), 1 << 20);
  EXPECT_EQ(parse_byte_size("1M", "--buffer"), 1 << 20);
  EXPECT_EQ(parse_byte_size("2GiB", "--buffer"), Count{2} << 30);
  EXPECT_EQ(parse_byte_size("1TiB", "--buffer"), Count{1} << 40);
  EXPECT_EQ(parse_byte_size("512B", "--buffer"), 512);
  EXPECT_EQ(parse_byte_size("512 B", "--buffer"), 512);
  EXPECT_EQ(parse_byte_size("1", "--buffer"), 1);
}

TEST(ByteSize, LowerCaseBIsABitNotAByte) {
  for (const char* text : {"64kb", "64 kb", "64kib", "512b", "1mb"}) {
    try {
      parse_byte_size(text, "--buffer");
      ADD_FAILURE() << text << " was accepted";
    } catch (const UserError& e) {
      EXPECT_NE(std::string(e.what()).find("is a bit, not a byte"), std::string::npos) << e.what();
    }
  }
  try {
    parse_byte_size("64kb", "--buffer");
  } catch (const UserError& e) {
    EXPECT_NE(std::string(e.what()).find("write 64KB (powers of 1000) or 64KiB (powers of 1024)"),
              std::string::npos)
        << e.what();
  }
}

TEST(ByteSize, DecimalSuffixesArePowersOf1000) {
  EXPECT_EQ(parse_byte_size("64KB", "--buffer"), 64000);
  EXPECT_EQ(parse_byte_size("64kB", "--buffer"), 64000);
  EXPECT_EQ(parse_byte_size("2MB", "--buffer"), 2000000);
  EXPECT_EQ(parse_byte_size("1GB", "--buffer"), 1000000000);
  EXPECT_EQ(parse_byte_size("3TB", "--buffer"), Count{3000000000000});
}

TEST(ByteSize, FractionsThatAreWholeBytes) {
  EXPECT_EQ(parse_byte_size("1.5MiB", "--buffer"), 3 << 19);
  EXPECT_EQ(parse_byte_size("0.5KiB", "--buffer"), 512);
  EXPECT_EQ(parse_byte_size("1.25 KB", "--buffer"), 1250);
  EXPECT_EQ(parse_byte_size("2.0", "--buffer"), 2);
  EXPECT_EQ(parse_byte_size("0.001KB", "--buffer"), 1);
}

TEST(ByteSize, LargestValues) {
  EXPECT_EQ(parse_byte_size("9223372036854775807", "--buffer"), INT64_MAX);
  EXPECT_EQ(parse_byte_size("8388607TiB", "--buffer"), Count{8388607} << 40);
}

TEST(ByteSize, Format) {
  EXPECT_EQ(format_bytes(0), "0 B");
  EXPECT_EQ(format_bytes(980), "980 B");
  EXPECT_EQ(format_bytes(1023), "1023 B");
  EXPECT_EQ(format_bytes(1024), "1 KiB");
  EXPECT_EQ(format_bytes(65536), "64 KiB");
  EXPECT_EQ(format_bytes(1536), "1.5 KiB");
  EXPECT_EQ(format_bytes(3 << 19), "1.5 MiB");
  EXPECT_EQ(format_bytes(Count{2} << 30), "2 GiB");
  EXPECT_EQ(format_bytes(1000), "1000 B");
  EXPECT_EQ(format_bytes(1025), "1 KiB");           // 1.0009..: rounds to 1.00
  EXPECT_EQ(format_bytes(1100), "1.07 KiB");        // 1.0742
  EXPECT_EQ(format_bytes((1 << 20) - 1), "1 MiB");  // 1023.999 KiB rounds up a unit
  EXPECT_EQ(format_bytes(-2048), "-2 KiB");
  EXPECT_EQ(format_bytes(INT64_MAX), "8 EiB");
}

TEST(ByteSize, FormatReparses) {
  for (Count b : {Count{1}, Count{512}, Count{1024}, Count{65536}, Count{3} << 19, Count{5} << 30})
    EXPECT_EQ(parse_byte_size(format_bytes(b), "x"), b) << format_bytes(b);
}

// ---- precision ----

TEST(PrecisionText, DefaultsAndSubsets) {
  EXPECT_EQ(parse_precision(""), Precision{});
  EXPECT_EQ(parse_precision("in=1,w=1,out=1,psum=4"), Precision{});
  EXPECT_EQ(parse_precision("psum=2"), (Precision{1, 1, 1, 2}));
  EXPECT_EQ(parse_precision("out=2, in=4"), (Precision{4, 1, 2, 4}));
  EXPECT_EQ(parse_precision(" w = 2 "), (Precision{1, 2, 1, 4}));
  EXPECT_EQ(parse_precision("in=int16,w=fp16,out=bf16,psum=fp32"), (Precision{2, 2, 2, 4}));
  EXPECT_EQ(parse_precision("psum=INT64"), (Precision{1, 1, 1, 8}));
  EXPECT_EQ(parse_precision("psum=16"), (Precision{1, 1, 1, 16}));
}

TEST(PrecisionText, RoundTrip) {
  const Precision p{2, 1, 4, 8};
  EXPECT_EQ(precision_to_string(p), "in=2,w=1,out=4,psum=8");
  EXPECT_EQ(parse_precision(precision_to_string(p)), p);
}

// ---- layers ----

TEST(LayerJson, DesignExampleParses) {
  const auto j = nlohmann::json::parse(R"({"name": "res2a_branch2b", "N": 1, "C": 64, "M": 64,
      "H": 56, "W": 56, "R": 3, "S": 3, "stride": [1, 1], "dilation": [1, 1],
      "pad": [1, 1, 1, 1], "groups": 1})");
  const LayerSpec s = layer_spec_from_json(j, "example");
  EXPECT_EQ(s.name, "res2a_branch2b");
  EXPECT_EQ(s.C, 64);
  EXPECT_EQ(s.M, 64);
  EXPECT_EQ(s.H, 56);
  EXPECT_EQ(s.W, 56);
  EXPECT_EQ(s.R, 3);
  EXPECT_EQ(s.pad_top, 1);
  EXPECT_EQ(Layer(s).P(), 56);
}

TEST(LayerJson, OptionalFieldsDefault) {
  const auto s = layer_spec_from_json(
      nlohmann::json::parse(R"({"C": 3, "M": 8, "H": 9, "W": 7, "R": 3, "S": 1})"), "x");
  LayerSpec expected;
  expected.C = 3;
  expected.M = 8;
  expected.H = 9;
  expected.W = 7;
  expected.R = 3;
  expected.S = 1;
  EXPECT_EQ(s, expected);
}

TEST(LayerJson, ShorthandsForStrideDilationPad) {
  const auto s = layer_spec_from_json(
      nlohmann::json::parse(
          R"({"C": 4, "M": 4, "H": 9, "W": 9, "R": 3, "S": 3, "stride": 2, "dilation": [2, 1],
              "pad": [1, 2], "groups": 2, "N": 3})"),
      "x");
  EXPECT_EQ(s.stride_h, 2);
  EXPECT_EQ(s.stride_w, 2);
  EXPECT_EQ(s.dilation_h, 2);
  EXPECT_EQ(s.dilation_w, 1);
  EXPECT_EQ(s.pad_top, 1);
  EXPECT_EQ(s.pad_bottom, 1);
  EXPECT_EQ(s.pad_left, 2);
  EXPECT_EQ(s.pad_right, 2);
  EXPECT_EQ(s.groups, 2);
  EXPECT_EQ(s.N, 3);
  const auto all = layer_spec_from_json(
      nlohmann::json::parse(R"({"C": 1, "M": 1, "H": 5, "W": 5, "R": 1, "S": 1, "pad": 3})"), "x");
  EXPECT_EQ(all.pad_top, 3);
  EXPECT_EQ(all.pad_left, 3);
  EXPECT_EQ(all.pad_bottom, 3);
  EXPECT_EQ(all.pad_right, 3);
}

TEST(LayerJson, AsymmetricPadOrderIsTopLeftBottomRight) {
  const auto s = layer_spec_from_json(
      nlohmann::json::parse(R"({"C":1,"M":1,"H":5,"W":5,"R":1,"S":1,"pad":[1,2,3,4]})"), "x");
  EXPECT_EQ(s.pad_top, 1);
  EXPECT_EQ(s.pad_left, 2);
  EXPECT_EQ(s.pad_bottom, 3);
  EXPECT_EQ(s.pad_right, 4);
}

TEST(LayerJson, IntegralFloatsAccepted) {
  const auto s = layer_spec_from_json(
      nlohmann::json::parse(R"({"C": 64.0, "M": 8, "H": 9, "W": 7, "R": 3, "S": 1})"), "x");
  EXPECT_EQ(s.C, 64);
}

TEST(LayerJson, ToJsonHasDesignKeysInOrder) {
  LayerSpec s;
  s.name = "conv";
  s.C = 6;
  s.M = 4;
  s.H = 10;
  s.W = 12;
  s.R = 3;
  s.S = 5;
  s.stride_h = 2;
  s.dilation_w = 2;
  s.pad_top = 1;
  s.pad_left = 2;
  s.pad_bottom = 3;
  s.pad_right = 4;
  s.groups = 2;
  EXPECT_EQ(layer_to_json(s).dump(),
            R"({"name":"conv","N":1,"C":6,"M":4,"H":10,"W":12,"R":3,"S":5,"stride":[2,1],)"
            R"("dilation":[1,2],"pad":[1,2,3,4],"groups":2})");
}

TEST(LayerJson, RandomLayersRoundTrip) {
  testing::Rng rng(7);
  for (int i = 0; i < 500; ++i) {
    const LayerSpec spec = testing::random_layer(rng).spec();
    EXPECT_EQ(layer_spec_from_json(layer_to_json(spec), "rt"), spec);
    EXPECT_EQ(layer_spec_from_json(nlohmann::json::parse(layer_to_json(spec).dump()), "rt"), spec);
  }
}

TEST(LayerJson, ReadFileAndNameFromStem) {
  const auto with_name = write_temp("named.json", R"({"name": "c1", "C": 2, "M": 2, "H": 4,
      "W": 4, "R": 1, "S": 1})");
  EXPECT_EQ(read_layer_file(with_name).name, "c1");
  const auto without = write_temp("conv_stem.json", R"({"C": 2, "M": 2, "H": 4, "W": 4,
      "R": 1, "S": 1})");
  EXPECT_EQ(read_layer_file(without).name, "conv_stem");
  // Comments are allowed in files.
  const auto commented = write_temp("commented.json",
                                    "// a layer\n{\"C\": 2, \"M\": 2, \"H\": 4,"
                                    " /* width */ \"W\": 4, \"R\": 1, \"S\": 1}");
  EXPECT_EQ(read_layer_file(commented).W, 4);
}

TEST(LayerInline, FullForm) {
  const auto s = parse_layer_inline(
      "C=64,M=64,H=56,W=56,R=3,S=3,stride=2,pad=1,groups=1,N=1,"
      "name=conv1");
  EXPECT_EQ(s.name, "conv1");
  EXPECT_EQ(s.C, 64);
  EXPECT_EQ(s.M, 64);
  EXPECT_EQ(s.H, 56);
  EXPECT_EQ(s.W, 56);
  EXPECT_EQ(s.R, 3);
  EXPECT_EQ(s.S, 3);
  EXPECT_EQ(s.stride_h, 2);
  EXPECT_EQ(s.stride_w, 2);
  EXPECT_EQ(s.pad_top, 1);
  EXPECT_EQ(s.pad_right, 1);
}

TEST(LayerInline, PairsPadsKernelAndCase) {
  const auto s = parse_layer_inline(
      " c = 8 , m=16, h=20, w=30, kernel=1x7, stride=2x1, dilation=1X3, pad=1x2, g=2, n=2 ");
  EXPECT_EQ(s.C, 8);
  EXPECT_EQ(s.M, 16);
  EXPECT_EQ(s.H, 20);
  EXPECT_EQ(s.W, 30);
  EXPECT_EQ(s.R, 1);
  EXPECT_EQ(s.S, 7);
  EXPECT_EQ(s.stride_h, 2);
  EXPECT_EQ(s.stride_w, 1);
  EXPECT_EQ(s.dilation_h, 1);
  EXPECT_EQ(s.dilation_w, 3);
  EXPECT_EQ(s.pad_top, 1);
  EXPECT_EQ(s.pad_bottom, 1);
  EXPECT_EQ(s.pad_left, 2);
  EXPECT_EQ(s.pad_right, 2);
  EXPECT_EQ(s.groups, 2);
  EXPECT_EQ(s.N, 2);
  const auto t = parse_layer_inline("C=1,M=1,H=9,W=9,kernel=3,pad=1:2:3:4");
  EXPECT_EQ(t.R, 3);
  EXPECT_EQ(t.S, 3);
  EXPECT_EQ(t.pad_top, 1);
  EXPECT_EQ(t.pad_left, 2);
  EXPECT_EQ(t.pad_bottom, 3);
  EXPECT_EQ(t.pad_right, 4);
  EXPECT_EQ(t.stride_h, 1);
  EXPECT_EQ(t.groups, 1);
}

TEST(LayerInline, MatchesJsonForm) {
  const auto inline_spec = parse_layer_inline(
      "name=x,C=6,M=4,H=10,W=12,R=3,S=5,stride=2x1,"
      "dilation=1x2,pad=1:2:3:4,groups=2");
  const auto json_spec = layer_spec_from_json(
      nlohmann::json::parse(R"({"name":"x","C":6,"M":4,"H":10,"W":12,"R":3,"S":5,
          "stride":[2,1],"dilation":[1,2],"pad":[1,2,3,4],"groups":2})"),
      "x");
  EXPECT_EQ(inline_spec, json_spec);
}

TEST(LayerArg, FileJsonOrInline) {
  const auto path = write_temp("arg.json", R"({"C": 2, "M": 3, "H": 4, "W": 4, "R": 1, "S": 1})");
  EXPECT_EQ(load_layer_arg(path).M, 3);
  EXPECT_EQ(load_layer_arg(R"( {"C": 2, "M": 5, "H": 4, "W": 4, "R": 1, "S": 1})").M, 5);
  EXPECT_EQ(load_layer_arg("C=2,M=7,H=4,W=4,R=1,S=1").M, 7);
  EXPECT_EQ(load_layer(path).P(), 4);
  EXPECT_EQ(load_layer("C=2,M=7,H=9,W=9,kernel=3,stride=2").Q(), 4);
}

// ---- schedules ----

Schedule design_schedule() {
  Schedule s;
  s.order = {Dim::s, Dim::r, Dim::q, Dim::p, Dim::c, Dim::m, Dim::g, Dim::n};
  s.tiles[Dim::n] = 1;
  s.tiles[Dim::g] = 1;
  s.tiles[Dim::m] = 32;
  s.tiles[Dim::c] = 16;
  s.tiles[Dim::p] = 14;
  s.tiles[Dim::q] = 14;
  s.tiles[Dim::r] = 3;
  s.tiles[Dim::s] = 3;
  s.buffer_span[Tensor::I] = 4;
  s.buffer_span[Tensor::W] = 5;
  s.buffer_span[Tensor::O] = 2;
  return s;
}

TEST(ScheduleJson, DesignExampleParses) {
  const auto j = nlohmann::json::parse(R"({"order": ["s","r","q","p","c","m","g","n"],
      "tiles": {"n":1,"g":1,"m":32,"c":16,"p":14,"q":14,"r":3,"s":3},
      "buffer_span": {"I": 4, "W": 5, "O": 2}})");
  EXPECT_EQ(schedule_from_json(j, "example"), design_schedule());
}

TEST(ScheduleJson, CanonicalString) {
  EXPECT_EQ(schedule_to_canonical_string(design_schedule()),
            R"({"order":["s","r","q","p","c","m","g","n"],)"
            R"("tiles":{"n":1,"g":1,"m":32,"c":16,"p":14,"q":14,"r":3,"s":3},)"
            R"("buffer_span":{"I":4,"W":5,"O":2}})");
}

TEST(ScheduleJson, KeyOrderInInputDoesNotMatter) {
  const auto j = nlohmann::json::parse(R"({"buffer_span": {"O": 2, "W": 5, "I": 4},
      "tiles": {"s":3,"r":3,"q":14,"p":14,"c":16,"m":32,"g":1,"n":1},
      "order": ["s","r","q","p","c","m","g","n"]})");
  EXPECT_EQ(schedule_from_json(j, "x"), design_schedule());
}

TEST(ScheduleJson, RandomSchedulesRoundTrip) {
  testing::Rng rng(11);
  for (int i = 0; i < 500; ++i) {
    const Layer layer = testing::random_layer(rng);
    const Schedule s = testing::random_schedule(rng, layer);
    EXPECT_EQ(schedule_from_json(schedule_to_json(s), "rt"), s);
    EXPECT_EQ(load_schedule_arg(schedule_to_canonical_string(s)), s);
  }
}

TEST(ScheduleJson, LoadFromFileAndFromResult) {
  const Schedule s = design_schedule();
  const auto path = write_temp("sched.json", schedule_to_json(s).dump(2));
  EXPECT_EQ(load_schedule_arg(path), s);
  // A Result JSON fed back in is read through its "schedule" member.
  const auto result = result_to_json(s, Traffic{}, Machine{});
  EXPECT_EQ(load_schedule_arg(result.dump()), s);
  const auto result_path = write_temp("result.json", result.dump(2));
  EXPECT_EQ(load_schedule_arg(result_path), s);
}

// ---- result ----

TEST(ResultJson, DesignKeysInOrder) {
  Traffic t;
  for (Tensor a : kAllTensors) {
    auto& x = t.arrays[a];
    const Count base = 10 * (static_cast<Count>(index(a)) + 1);
    x.buffer_elems = base + 1;
    x.buffer_bytes = base + 2;
    x.reads = base + 3;
    x.writes = a == Tensor::O ? base + 4 : 0;
    x.final_writes = a == Tensor::O ? base + 5 : 0;
    x.fills = base + 6;
    x.read_bytes = base + 7;
    x.write_bytes = a == Tensor::O ? base + 8 : 0;
  }
  t.traffic_bytes = 1000;
  t.buffer_bytes = 200;
  t.compulsory_bytes = 900;
  t.fits = false;
  Machine m;
  m.capacity_bytes = 65536;
  m.halo_reuse = true;
  const auto j = result_to_json(design_schedule(), t, m);
  std::vector<std::string> keys;
  for (const auto& item : j.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"schedule", "arrays", "traffic_bytes", "buffer_bytes",
                                            "compulsory_bytes", "fits", "total_fills", "machine"}));
  EXPECT_EQ(j["schedule"], schedule_to_json(design_schedule()));
  EXPECT_EQ(j["arrays"]["I"].dump(),
            R"({"buffer_elems":11,"buffer_bytes":12,"reads":13,"writes":0,"fills":16,)"
            R"("read_bytes":17,"write_bytes":0})");
  EXPECT_EQ(j["arrays"]["O"].dump(),
            R"({"buffer_elems":31,"buffer_bytes":32,"reads":33,"writes":34,"final_writes":35,)"
            R"("fills":36,"read_bytes":37,"write_bytes":38})");
  EXPECT_TRUE(j["arrays"]["W"].contains("fills"));
  EXPECT_FALSE(j["arrays"]["W"].contains("final_writes"));
  EXPECT_EQ(j["traffic_bytes"], 1000);
  EXPECT_TRUE(j["traffic_bytes"].is_number_integer());
  EXPECT_EQ(j["buffer_bytes"], 200);
  EXPECT_EQ(j["compulsory_bytes"], 900);
  EXPECT_EQ(j["fits"], false);
  EXPECT_EQ(j["total_fills"], 16 + 26 + 36);
  EXPECT_EQ(j["machine"].dump(),
            R"({"precision":{"in":1,"w":1,"out":1,"psum":4},"halo_reuse":true,)"
            R"("double_buffer":false,"capacity_bytes":65536})");
  EXPECT_TRUE(
      result_to_json(design_schedule(), t, Machine{})["machine"]["capacity_bytes"].is_null());
}

// ---- suggestions ----

TEST(Suggest, ClosestKey) {
  constexpr std::array<std::string_view, 3> keys = {"stride", "dilation", "pad"};
  EXPECT_EQ(closest_match("strides", keys), "stride");
  EXPECT_EQ(closest_match("dilaton", keys), "dilation");
  EXPECT_EQ(closest_match("PAD", keys), "pad");
  EXPECT_EQ(closest_match("groups", keys), std::nullopt);
}

}  // namespace
}  // namespace spad
