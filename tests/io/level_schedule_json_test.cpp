// Several-level schedule JSON (io/json/level_schedule_json): both forms read
// by both readers, every error path names the source, the field path and the
// value, and what is written reads back equal.
#include "io/json/level_schedule_json.hpp"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "io/json/schedule_json.hpp"
#include "random_cases.hpp"
#include "workload/layer.hpp"

namespace spad {
namespace {

std::string write_temp(const std::string& name, const std::string& content) {
  const auto dir = std::filesystem::temp_directory_path() / "spad_level_schedule_json_test";
  std::filesystem::create_directories(dir);
  const auto path = (dir / name).string();
  std::ofstream(path) << content;
  return path;
}

// DESIGN.md's two-level example.
const char* const kDesignLevels = R"({"levels": [
  {"name": "L2", "order": ["s","r","q","p","c","m","g","n"],
   "tiles": {"n":1,"g":1,"m":64,"c":64,"p":28,"q":56,"r":3,"s":3},
   "buffer_span": {"I": 2, "W": null, "O": 3}},
  {"name": "L1", "order": ["s","r","q","c","p","m","g","n"],
   "tiles": {"n":1,"g":1,"m":16,"c":8,"p":4,"q":56,"r":3,"s":3},
   "buffer_span": {"I": 0, "W": 4, "O": 2}}]})";

LevelSchedule design_levels() {
  LevelSchedule s;
  LevelLoops l2;
  l2.name = "L2";
  l2.order = {Dim::s, Dim::r, Dim::q, Dim::p, Dim::c, Dim::m, Dim::g, Dim::n};
  l2.tiles = PerDim<Count>{{1, 1, 64, 64, 28, 56, 3, 3}};
  l2.buffer_span[Tensor::I] = 2;
  l2.buffer_span[Tensor::O] = 3;  // W: nullopt, bypass
  LevelLoops l1;
  l1.name = "L1";
  l1.order = {Dim::s, Dim::r, Dim::q, Dim::c, Dim::p, Dim::m, Dim::g, Dim::n};
  l1.tiles = PerDim<Count>{{1, 1, 16, 8, 4, 56, 3, 3}};
  l1.buffer_span[Tensor::I] = 0;
  l1.buffer_span[Tensor::W] = 4;
  l1.buffer_span[Tensor::O] = 2;
  s.levels = {l2, l1};
  return s;
}

TEST(LevelScheduleJson, DesignExampleParses) {
  const LevelSchedule s = level_schedule_from_json(nlohmann::json::parse(kDesignLevels), "x");
  EXPECT_EQ(s, design_levels());
  EXPECT_FALSE(s.levels[0].buffer_span[Tensor::W].has_value());
}

TEST(LevelScheduleJson, OneLevelFormIsOneLevel) {
  const auto j = nlohmann::json::parse(R"({"order": ["s","r","q","p","c","m","g","n"],
      "tiles": {"n":1,"g":1,"m":32,"c":16,"p":14,"q":14,"r":3,"s":3},
      "buffer_span": {"I": 4, "W": 5, "O": 2}})");
  const LevelSchedule s = level_schedule_from_json(j, "x");
  ASSERT_EQ(s.levels.size(), 1u);
  EXPECT_EQ(as_one_level(s), schedule_from_json(j, "x"));
}

TEST(LevelScheduleJson, OneLevelListReadByTheOneLevelReader) {
  const auto j = nlohmann::json::parse(R"({"levels": [{"name": "L1",
      "order": ["s","r","q","p","c","m","g","n"],
      "tiles": {"n":1,"g":1,"m":32,"c":16,"p":14,"q":14,"r":3,"s":3},
      "buffer_span": {"I": 4, "W": 5, "O": 2}}]})");
  const Schedule one = schedule_from_json(j, "x");
  EXPECT_EQ(one.buffer_span[Tensor::I], 4);
  EXPECT_EQ(one.tiles[Dim::m], 32);
  // Written back in the one-level form.
  EXPECT_EQ(level_schedule_to_json(level_schedule_from_json(j, "x")).dump(),
            schedule_to_json(one).dump());
}

TEST(LevelScheduleJson, OneLevelReaderRefusesSeveralLevels) {
  const auto path = write_temp("two.json", kDesignLevels);
  try {
    load_schedule_arg(path);
    FAIL() << "no error";
  } catch (const UserError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(path + ": a schedule of 2 on-chip levels (\"L2\", \"L1\")"),
              std::string::npos)
        << what;
    EXPECT_NE(what.find("this command takes one level"), std::string::npos) << what;
    EXPECT_NE(what.find("spad simulate"), std::string::npos) << what;
  }
}

TEST(LevelScheduleJson, WrittenFormIsDesignForm) {
  EXPECT_EQ(level_schedule_to_canonical_string(design_levels()),
            R"({"levels":[{"name":"L2","order":["s","r","q","p","c","m","g","n"],)"
            R"("tiles":{"n":1,"g":1,"m":64,"c":64,"p":28,"q":56,"r":3,"s":3},)"
            R"("buffer_span":{"I":2,"W":null,"O":3}},)"
            R"({"name":"L1","order":["s","r","q","c","p","m","g","n"],)"
            R"("tiles":{"n":1,"g":1,"m":16,"c":8,"p":4,"q":56,"r":3,"s":3},)"
            R"("buffer_span":{"I":0,"W":4,"O":2}}]})");
}

// Random two- to four-level schedules (bypass anywhere but the innermost
// level, names or none) print and read back equal, as text and from a file.
TEST(LevelScheduleJson, RandomSchedulesRoundTrip) {
  testing::Rng rng(15);
  for (int i = 0; i < 400; ++i) {
    const Layer layer = testing::random_layer(rng);
    LevelSchedule s;
    const int levels = 2 + static_cast<int>(rng() % 3);
    for (int l = 0; l < levels; ++l) {
      const Schedule group = testing::random_schedule(rng, layer);
      LevelLoops level;
      // Names moved in whole (GCC 12 warns falsely, -Wrestrict, when a short
      // literal is copied into the string here).
      const std::array<std::string, 4> names = {"L1", "L2", "L3", "L4"};
      if (rng() % 2) level.name = names[static_cast<std::size_t>(levels - l - 1)];
      level.tiles = group.tiles;
      level.order = group.order;
      for (Tensor t : kAllTensors)
        if (l + 1 == levels || rng() % 3) level.buffer_span[t] = group.buffer_span[t];
      s.levels.push_back(level);
    }
    validate(s, layer);
    const std::string text = level_schedule_to_canonical_string(s);
    EXPECT_EQ(load_level_schedule_arg(text), s) << text;
    EXPECT_EQ(level_schedule_from_json(level_schedule_to_json(s), "rt"), s);
  }
  const auto path = write_temp("design.json", level_schedule_to_json(design_levels()).dump(2));
  EXPECT_EQ(load_level_schedule_arg(path), design_levels());
}

// A result document fed back in is read through its "schedule" member.
TEST(LevelScheduleJson, ReadFromResultDocument) {
  nlohmann::ordered_json result;
  result["format"] = "spad-result/1";
  result["schedule"] = level_schedule_to_json(design_levels());
  result["traffic_bytes"] = 0;
  result["levels"] = nlohmann::ordered_json::array();
  EXPECT_EQ(load_level_schedule_arg(result.dump()), design_levels());
}

// ---- every error names the source, the field path and the value ----

struct BadLevels {
  std::string label;
  std::string body;
  std::vector<std::string> expected;
};

const std::string kOrder = R"("order": ["s","r","q","p","c","m","g","n"])";
const std::string kTiles = R"("tiles": {"n":1,"g":1,"m":4,"c":4,"p":4,"q":4,"r":3,"s":3})";
const std::string kSpans = R"("buffer_span": {"I": 1, "W": 2, "O": 3})";
const std::string kLevel = "{" + kOrder + ", " + kTiles + ", " + kSpans + "}";

std::string two_levels(const std::string& outer, const std::string& inner) {
  return R"({"levels": [)" + outer + ", " + inner + "]}";
}

TEST(LevelScheduleJson, ErrorsNameFieldAndValue) {
  const std::vector<BadLevels> cases = {
      {"levels not an array", R"({"levels": {"a": 1}})", {"s.json", "levels = {", "array"}},
      {"levels empty", R"({"levels": []})", {"s.json", "levels = []", "at least one level"}},
      {"too many levels",
       R"({"levels": [)" + kLevel + "," + kLevel + "," + kLevel + "," + kLevel + "," + kLevel +
           "]}",
       {"s.json", "levels has 5 entries", "at most 4"}},
      {"level not an object", two_levels("3", kLevel), {"s.json", "levels[0]", "object"}},
      {"level missing tiles",
       two_levels(kLevel, "{" + kOrder + ", " + kSpans + "}"),
       {"s.json", "levels[1] is missing required key \"tiles\""}},
      {"level misspelt key",
       two_levels(kLevel, "{" + kOrder + ", " + kTiles + ", " + kSpans + R"(, "tile": 1})"),
       {"s.json", "unknown key \"levels[1].tile\"", "did you mean \"tiles\""}},
      {"level order bad letter",
       two_levels(R"({"order": ["s","r","q","x","c","m","g","n"], )" + kTiles + ", " + kSpans + "}",
                  kLevel),
       {"s.json", "levels[0].order[3] = \"x\"", "not a dimension letter"}},
      {"level order short",
       two_levels(kLevel,
                  R"({"order": ["s","r","q","p","c","m","g"], )" + kTiles + ", " + kSpans + "}"),
       {"s.json", "levels[1].order has 7 entries", "missing: n"}},
      {"level zero tile",
       two_levels(kLevel, "{" + kOrder +
                              R"(, "tiles": {"n":1,"g":1,"m":0,"c":4,"p":4,"q":4,"r":3,"s":3}, )" +
                              kSpans + "}"),
       {"s.json", "levels[1].tiles.m = 0"}},
      {"level tile missing",
       two_levels("{" + kOrder + R"(, "tiles": {"n":1,"g":1,"m":4,"c":4,"p":4,"q":4,"r":3}, )" +
                      kSpans + "}",
                  kLevel),
       {"s.json", "levels[0].tiles is missing dimension \"s\""}},
      {"level span above 8",
       two_levels("{" + kOrder + ", " + kTiles + R"(, "buffer_span": {"I": 1, "W": 9, "O": 3}})",
                  kLevel),
       {"s.json", "levels[0].buffer_span.W = 9", "0..8"}},
      {"level span a string",
       two_levels(kLevel,
                  "{" + kOrder + ", " + kTiles + R"(, "buffer_span": {"I": 1, "W": "2", "O": 3}})"),
       {"s.json", "levels[1].buffer_span.W = \"2\""}},
      {"innermost bypass",
       two_levels(kLevel, "{" + kOrder + ", " + kTiles +
                              R"(, "buffer_span": {"I": 1, "W": null, "O": 3}})"),
       {"s.json", "levels[1].buffer_span.W = null", "cannot be bypassed"}},
      {"level span missing",
       two_levels("{" + kOrder + ", " + kTiles + R"(, "buffer_span": {"I": 1, "W": null}})",
                  kLevel),
       {"s.json", "levels[0].buffer_span is missing array \"O\"", "null"}},
      {"level span unknown array",
       two_levels("{" + kOrder + ", " + kTiles +
                      R"(, "buffer_span": {"I": 1, "W": null, "O": 1, "X": 2}})",
                  kLevel),
       {"s.json", "unknown key \"levels[0].buffer_span.X\""}},
      {"level name a number",
       two_levels("{\"name\": 2, " + kOrder + ", " + kTiles + ", " + kSpans + "}", kLevel),
       {"s.json", "levels[0].name = 2", "text"}},
      {"level name with a control character",
       two_levels("{\"name\": \"L\\u0007\", " + kOrder + ", " + kTiles + ", " + kSpans + "}",
                  kLevel),
       {"s.json", "levels[0].name", "printable"}},
      {"levels and order together",
       R"({"levels": [)" + kLevel + "], " + kOrder + "}",
       {"s.json", "both \"levels\" and \"order\""}},
      {"unknown top key",
       R"({"levels": [)" + kLevel + R"(], "level": 1})",
       {"s.json", "unknown key \"level\""}},
      {"schedule kind of another document",
       R"({"format": "spad-network/1", "levels": [)" + kLevel + "]}",
       {"s.json", "spad-network/1"}},
  };
  for (const BadLevels& c : cases) {
    for (const bool one_level_reader : {false, true}) {
      SCOPED_TRACE(c.label + (one_level_reader ? " (one-level reader)" : ""));
      try {
        const auto j = nlohmann::json::parse(c.body);
        if (one_level_reader)
          schedule_from_json(j, "s.json");
        else
          level_schedule_from_json(j, "s.json");
        ADD_FAILURE() << "no error";
      } catch (const UserError& e) {
        const std::string what = e.what();
        EXPECT_EQ(what.rfind("s.json", 0), 0u) << what;
        for (const std::string& part : c.expected)
          EXPECT_NE(what.find(part), std::string::npos) << "missing '" << part << "' in: " << what;
      }
    }
  }
}

}  // namespace
}  // namespace spad
