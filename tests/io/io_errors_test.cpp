// Must-fail suite for src/io: every malformed input is a UserError whose
// message names the source, the field and the offending value.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/schedule_json.hpp"
#include "io/text/byte_size.hpp"
#include "io/text/precision_text.hpp"

namespace spad {
namespace {

struct BadInput {
  std::string label;
  std::function<void()> run;
  std::vector<std::string> expected;  // substrings of the message
};

std::string temp_path(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / "spad_io_errors_test";
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

std::string write_temp(const std::string& name, const std::string& content) {
  const auto path = temp_path(name);
  std::ofstream(path) << content;
  return path;
}

// A layer file's JSON text with `extra` spliced in / `drop` removed.
const std::string kLayerBase = R"("C": 64, "M": 64, "H": 56, "W": 56, "R": 3, "S": 3)";

std::function<void()> layer_json(const std::string& body) {
  return [body] { layer_spec_from_json(nlohmann::json::parse(body), "l.json"); };
}

std::function<void()> layer_with(const std::string& extra) {
  return layer_json("{" + kLayerBase + ", " + extra + "}");
}

std::function<void()> inline_layer(const std::string& text) {
  return [text] { parse_layer_inline(text); };
}

const std::string kOrder = R"("order": ["s","r","q","p","c","m","g","n"])";
const std::string kTiles = R"("tiles": {"n":1,"g":1,"m":32,"c":16,"p":14,"q":14,"r":3,"s":3})";
const std::string kSpans = R"("buffer_span": {"I": 4, "W": 5, "O": 2})";

std::function<void()> schedule_json(const std::string& body) {
  return [body] { schedule_from_json(nlohmann::json::parse(body), "s.json"); };
}

std::function<void()> bytes(const std::string& text) {
  return [text] { parse_byte_size(text, "--buffer"); };
}

std::function<void()> precision(const std::string& text) {
  return [text] { parse_precision(text); };
}

std::vector<BadInput> bad_inputs() {
  const std::string missing_path = temp_path("does_not_exist.json");
  return {
      // ---- layer JSON ----
      {"layer missing C",
       layer_json(R"({"M": 64, "H": 56, "W": 56, "R": 3, "S": 3})"),
       {"l.json", "missing required key \"C\""}},
      {"layer missing S",
       layer_json(R"({"C": 1, "M": 64, "H": 56, "W": 56, "R": 3})"),
       {"l.json", "missing required key \"S\""}},
      {"layer misspelt key",
       layer_with(R"("strides": [1, 1])"),
       {"l.json", "unknown key \"strides\"", "did you mean \"stride\""}},
      {"layer lower-case channel key",
       layer_json(R"({"c": 64, "M": 64, "H": 56, "W": 56, "R": 3, "S": 3})"),
       {"l.json", "unknown key \"c\"", "did you mean \"C\""}},
      {"layer string number",
       layer_json(R"({"C": "64", "M": 64, "H": 56, "W": 56, "R": 3, "S": 3})"),
       {"l.json", "C = \"64\"", "string"}},
      {"layer fraction",
       layer_json(R"({"C": 3.5, "M": 64, "H": 56, "W": 56, "R": 3, "S": 3})"),
       {"l.json", "C = 3.5", "integer"}},
      {"layer negative",
       layer_json(R"({"C": 64, "M": -1, "H": 56, "W": 56, "R": 3, "S": 3})"),
       {"l.json", "M = -1", "positive"}},
      {"layer zero height",
       layer_json(R"({"C": 64, "M": 1, "H": 0, "W": 56, "R": 3, "S": 3})"),
       {"l.json", "H = 0", "positive"}},
      {"layer beyond uint64",
       layer_json(R"({"C": 64, "M": 1, "H": 1e30, "W": 56, "R": 3, "S": 3})"),
       {"l.json", "H = 1e+30", "too large"}},
      {"layer beyond int64",
       layer_json(R"({"C": 9223372036854775808, "M": 1, "H": 5, "W": 56, "R": 3, "S": 3})"),
       {"l.json", "C = 9223372036854775808", "too large"}},
      {"layer boolean", layer_with(R"("groups": true)"), {"l.json", "groups = true"}},
      {"layer null", layer_with(R"("N": null)"), {"l.json", "N = null"}},
      {"layer name not a string", layer_with(R"("name": 5)"), {"l.json", "name = 5", "string"}},
      {"layer negative pad",
       layer_with(R"("pad": [1, 1, -1, 1])"),
       {"l.json", "pad[2] (bottom) = -1"}},
      {"layer pad with three entries",
       layer_with(R"("pad": [1, 2, 3])"),
       {"l.json", "pad = [1,2,3]", "[top, left, bottom, right]"}},
      {"layer stride with three entries",
       layer_with(R"("stride": [1, 2, 3])"),
       {"l.json", "stride = [1,2,3]", "[h, w]"}},
      {"layer zero stride", layer_with(R"("stride": [0, 1])"), {"l.json", "stride[0] (h) = 0"}},
      {"layer dilation as string",
       layer_with(R"("dilation": "2")"),
       {"l.json", "dilation = \"2\""}},
      {"layer fractional dilation",
       layer_with(R"("dilation": [1, 1.5])"),
       {"l.json", "dilation[1] (w) = 1.5"}},
      {"layer not an object", layer_json("[1, 2, 3]"), {"l.json", "must be a JSON object"}},
      // ---- layer files and --layer ----
      {"layer file missing",
       [missing_path] { read_layer_file(missing_path); },
       {missing_path, "no such file"}},
      {"layer file empty",
       [] { read_layer_file(write_temp("empty.json", "  \n")); },
       {"empty.json", "empty"}},
      {"layer file malformed",
       [] { read_layer_file(write_temp("bad.json", "{\"C\": 64,\n \"M\": }")); },
       {"bad.json", "malformed JSON", "line 2, column"}},
      {"layer file is a directory",
       [] { read_layer_file(std::filesystem::temp_directory_path().string()); },
       {"directory"}},
      {"layer file duplicate key",
       [] { read_layer_file(write_temp("dup.json", "{" + kLayerBase + ", \"C\": 32}")); },
       {"dup.json", "\"C\" appears twice"}},
      {"layer file semantic field error names the file",
       [] {
         read_layer_file(write_temp("neg.json", R"({"C": 64, "M": 64, "H": 56, "W": 56,
            "R": 3, "S": 3, "pad": -2})"));
       },
       {"neg.json", "pad = -2"}},
      {"--layer not a file",
       [] { load_layer_arg("no_such_layer"); },
       {"no such layer file: no_such_layer"}},
      {"--layer malformed JSON",
       [] { load_layer_arg("{\"C\": 64,"); },
       {"--layer", "malformed JSON", "line 1"}},
      {"--layer JSON bad field",
       [] { load_layer_arg(R"({"C": 64, "M": 64, "H": 56, "W": 56, "R": 3, "S": "3"})"); },
       {"--layer", "S = \"3\""}},
      // ---- inline layers ----
      {"inline missing H",
       inline_layer("C=64,M=64,W=5,R=1,S=1"),
       {"--layer", "missing required key H"}},
      {"inline missing kernel",
       inline_layer("C=64,M=64,H=5,W=5"),
       {"--layer", "missing required key R"}},
      {"inline misspelt key",
       inline_layer("C=1,M=1,H=5,W=5,kernel=3,strid=2"),
       {"--layer", "unknown key \"strid\"", "did you mean \"stride\""}},
      {"inline not a number",
       inline_layer("C=abc,M=1,H=5,W=5,R=1,S=1"),
       {"--layer", "C = \"abc\"", "positive integer"}},
      {"inline duplicate",
       inline_layer("C=64,M=1,H=5,W=5,R=1,S=1,C=32"),
       {"--layer", "C = \"32\"", "twice"}},
      {"inline kernel with R",
       inline_layer("C=1,M=1,H=5,W=5,kernel=3,R=3"),
       {"--layer", "kernel", "together with R"}},
      {"inline half a pair",
       inline_layer("C=1,M=1,H=5,W=5,kernel=3,stride=2x"),
       {"--layer", "stride = \"2x\""}},
      {"inline zero stride",
       inline_layer("C=1,M=1,H=5,W=5,kernel=3,stride=0"),
       {"--layer", "stride = \"0\"", "positive"}},
      {"inline pad with three sides",
       inline_layer("C=1,M=1,H=5,W=5,kernel=3,pad=1:2:3"),
       {"--layer", "pad = \"1:2:3\"", "four"}},
      {"inline negative pad",
       inline_layer("C=1,M=1,H=5,W=5,kernel=3,pad=-1"),
       {"--layer", "pad = \"-1\"", "zero or positive"}},
      {"inline field without =",
       inline_layer("C64,M=1,H=5,W=5,R=1,S=1"),
       {"--layer", "\"C64\"", "no '='"}},
      {"inline too large",
       inline_layer("C=99999999999999999999,M=1,H=5,W=5,R=1,S=1"),
       {"--layer", "C = \"99999999999999999999\"", "too large"}},
      {"inline empty field", inline_layer("C=1,,M=1,H=5,W=5,R=1,S=1"), {"--layer", "empty field"}},
      {"inline empty name",
       inline_layer("name=,C=1,M=1,H=5,W=5,R=1,S=1"),
       {"--layer", "name = \"\"", "empty value"}},
      {"inline fractional kernel",
       inline_layer("C=1,M=1,H=5,W=5,kernel=1.5"),
       {"--layer", "kernel = \"1.5\""}},
      // ---- schedule JSON ----
      {"schedule missing tiles",
       schedule_json("{" + kOrder + ", " + kSpans + "}"),
       {"s.json", "missing required key \"tiles\""}},
      {"schedule missing order",
       schedule_json("{" + kTiles + ", " + kSpans + "}"),
       {"s.json", "missing required key \"order\""}},
      {"schedule misspelt key",
       schedule_json("{" + kOrder + ", " + kSpans + R"(, "tile": {"n": 1}})"),
       {"s.json", "unknown key \"tile\"", "did you mean \"tiles\""}},
      {"schedule order with 7 entries",
       schedule_json(R"({"order": ["s","r","q","p","c","m","g"], )" + kTiles + ", " + kSpans + "}"),
       {"s.json", "order has 7 entries", "missing: n"}},
      {"schedule order with 9 entries",
       schedule_json(R"({"order": ["s","r","q","p","c","m","g","n","x"], )" + kTiles + ", " +
                     kSpans + "}"),
       {"s.json", "order[8] = \"x\""}},
      {"schedule order with unknown letter",
       schedule_json(R"({"order": ["s","r","q","x","c","m","g","n"], )" + kTiles + ", " + kSpans +
                     "}"),
       {"s.json", "order[3] = \"x\"", "not a dimension letter"}},
      {"schedule order with upper-case letter",
       schedule_json(R"({"order": ["s","r","q","p","c","m","g","N"], )" + kTiles + ", " + kSpans +
                     "}"),
       {"s.json", "order[7] = \"N\"", "did you mean \"n\""}},
      {"schedule order not a permutation",
       schedule_json(R"({"order": ["s","s","q","p","c","m","g","n"], )" + kTiles + ", " + kSpans +
                     "}"),
       {"s.json", "order[1] = \"s\"", "twice", "permutation"}},
      {"schedule order entry a number",
       schedule_json(R"({"order": [5,"r","q","p","c","m","g","n"], )" + kTiles + ", " + kSpans +
                     "}"),
       {"s.json", "order[0] = 5"}},
      {"schedule order a string",
       schedule_json(R"({"order": "srqpcmgn", )" + kTiles + ", " + kSpans + "}"),
       {"s.json", "order = \"srqpcmgn\"", "array"}},
      {"schedule tile for unknown dim",
       schedule_json("{" + kOrder + R"(, "tiles": {"n":1,"g":1,"m":32,"c":16,"p":14,"q":14,
           "r":3,"s":3,"x":2}, )" +
                     kSpans + "}"),
       {"s.json", "unknown key \"tiles.x\""}},
      {"schedule tile missing",
       schedule_json("{" + kOrder + R"(, "tiles": {"n":1,"g":1,"m":32,"c":16,"p":14,"r":3,
           "s":3}, )" +
                     kSpans + "}"),
       {"s.json", "tiles is missing dimension \"q\""}},
      {"schedule zero tile",
       schedule_json("{" + kOrder + R"(, "tiles": {"n":1,"g":1,"m":0,"c":16,"p":14,"q":14,
           "r":3,"s":3}, )" +
                     kSpans + "}"),
       {"s.json", "tiles.m = 0", "positive"}},
      {"schedule fractional tile",
       schedule_json("{" + kOrder + R"(, "tiles": {"n":1,"g":1,"m":3.5,"c":16,"p":14,"q":14,
           "r":3,"s":3}, )" +
                     kSpans + "}"),
       {"s.json", "tiles.m = 3.5"}},
      {"schedule string tile",
       schedule_json("{" + kOrder + R"(, "tiles": {"n":1,"g":1,"m":"32","c":16,"p":14,"q":14,
           "r":3,"s":3}, )" +
                     kSpans + "}"),
       {"s.json", "tiles.m = \"32\"", "string"}},
      {"schedule tiles not an object",
       schedule_json("{" + kOrder + R"(, "tiles": [1,1,1,1,1,1,1,1], )" + kSpans + "}"),
       {"s.json", "tiles must be a JSON object"}},
      {"schedule span above 8",
       schedule_json("{" + kOrder + ", " + kTiles + R"(, "buffer_span": {"I": 9, "W": 5,
           "O": 2}})"),
       {"s.json", "buffer_span.I = 9", "0..8"}},
      {"schedule negative span",
       schedule_json("{" + kOrder + ", " + kTiles + R"(, "buffer_span": {"I": 1, "W": -1,
           "O": 2}})"),
       {"s.json", "buffer_span.W = -1"}},
      {"schedule span for unknown array",
       schedule_json("{" + kOrder + ", " + kTiles + R"(, "buffer_span": {"I": 1, "W": 1,
           "O": 2, "X": 1}})"),
       {"s.json", "unknown key \"buffer_span.X\""}},
      {"schedule span missing",
       schedule_json("{" + kOrder + ", " + kTiles + R"(, "buffer_span": {"I": 1, "W": 1}})"),
       {"s.json", "buffer_span is missing array \"O\""}},
      {"schedule not an object", schedule_json("[]"), {"s.json", "must be a JSON object"}},
      {"schedule file missing",
       [missing_path] { load_schedule_arg(missing_path); },
       {"no such schedule file: " + missing_path}},
      {"layer semantics name the file",
       [] {
         load_layer(write_temp("groups.json", R"({"name": "g3", "C": 64, "M": 64, "H": 8, "W": 8,
            "R": 3, "S": 3, "groups": 3})"));
       },
       {"groups.json: ", "groups = 3", "does not divide C = 64"}},
      {"inline layer semantics name --layer",
       [] { load_layer("C=4,M=4,H=2,W=2,kernel=5"); },
       {"--layer: ", "kernel extent"}},
      {"schedule file empty",
       [] { load_schedule_arg(write_temp("empty_schedule.json", "")); },
       {"empty_schedule.json", "empty"}},
      {"schedule file bad field",
       [] {
         load_schedule_arg(write_temp("bad_span.json", "{" + kOrder + ", " + kTiles +
                                                           R"(, "buffer_span": {"I": 1, "W": 1,
                                                              "O": 12}})"));
       },
       {"bad_span.json", "buffer_span.O = 12"}},
      {"--schedule malformed JSON",
       [] { load_schedule_arg(R"({"order": ["s",])"); },
       {"--schedule", "malformed JSON", "line 1"}},
      {"--schedule duplicate key",
       [] {
         load_schedule_arg("{" + kOrder + ", " + kTiles + ", " + kSpans + ", " + kSpans + "}");
       },
       {"--schedule", "\"buffer_span\" appears twice"}},
      // ---- byte sizes ----
      {"bytes empty", bytes(""), {"--buffer", "empty"}},
      {"bytes unknown unit", bytes("64XB"), {"--buffer", "\"64XB\"", "unknown unit \"XB\"", "KiB"}},
      {"bytes negative", bytes("-1KiB"), {"--buffer", "\"-1KiB\"", "negative"}},
      {"bytes zero", bytes("0"), {"--buffer", "\"0\"", "at least 1 byte"}},
      {"bytes fraction of a byte", bytes("0.5B"), {"--buffer", "\"0.5B\"", "whole number"}},
      {"bytes not a number", bytes("abc"), {"--buffer", "\"abc\"", "not a number"}},
      {"bytes too large", bytes("99999999999TiB"), {"--buffer", "\"99999999999TiB\"", "too large"}},
      {"bytes trailing point", bytes("1.KiB"), {"--buffer", "\"1.KiB\"", "decimal point"}},
      {"bytes trailing text", bytes("64 KiB extra"), {"--buffer", "unknown unit \"KiB extra\""}},
      {"bytes two numbers", bytes("64 64"), {"--buffer", "\"64 64\""}},
      // ---- precision ----
      {"precision zero", precision("in=0"), {"--precision", "in = \"0\"", "1..16"}},
      {"precision too wide", precision("w=17"), {"--precision", "w = \"17\"", "1..16"}},
      {"precision misspelt key",
       precision("inp=1"),
       {"--precision", "unknown key \"inp\"", "did you mean \"in\""}},
      {"precision duplicate", precision("psum=4,psum=2"), {"--precision", "\"psum\" given twice"}},
      {"precision bad value", precision("w=abc"), {"--precision", "w = \"abc\""}},
      {"precision no =", precision("w"), {"--precision", "\"w\" has no '='"}},
      {"precision empty entry", precision("in=1,,w=1"), {"--precision", "empty entry"}},
      {"precision negative", precision("out=-2"), {"--precision", "out = \"-2\""}},
  };
}

class IoErrors : public ::testing::TestWithParam<BadInput> {};

TEST_P(IoErrors, IsUserErrorNamingFieldAndValue) {
  const BadInput& c = GetParam();
  try {
    c.run();
    FAIL() << c.label << ": accepted";
  } catch (const UserError& e) {
    const std::string message = e.what();
    for (const std::string& part : c.expected)
      EXPECT_NE(message.find(part), std::string::npos)
          << c.label << ": message lacks \"" << part << "\"\n  message: " << message;
  } catch (const std::exception& e) {
    FAIL() << c.label << ": not a UserError: " << e.what();
  }
}

std::string case_name(const ::testing::TestParamInfo<BadInput>& info) {
  std::string name;
  for (char ch : info.param.label) name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(MustFail, IoErrors, ::testing::ValuesIn(bad_inputs()), case_name);

TEST(IoErrorsCount, AtLeastForty) { EXPECT_GE(bad_inputs().size(), 40u); }

}  // namespace
}  // namespace spad
