// Reading a Result JSON with levels back (io/json/level_result_check): spad's
// own documents read back to the same schedule; every derived number changed
// (each count of each array at each level, every byte total, every fits) is
// an error naming that key, the value given and the value recomputed; a
// "levels" list of the wrong length or a bad capacity is refused naming it; a
// document without its layer is read without the check, as documented.
#include "io/json/level_result_check.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "io/json/level_result_json.hpp"
#include "io/json/level_schedule_json.hpp"
#include "model/level_evaluate.hpp"
#include "random_level_cases.hpp"

namespace spad {
namespace {

using testing::Rng;
using testing::uniform;

struct Case {
  Layer layer;
  LevelSchedule schedule;
  MemoryLevels machine;
  nlohmann::json document;
};

Case random_case(Rng& rng) {
  const Layer layer = testing::random_layer(rng, 5);
  const std::size_t levels = static_cast<std::size_t>(uniform(rng, 2, 3));
  const LevelSchedule s = testing::random_level_schedule(rng, layer, levels);
  const MemoryLevels m = testing::random_memory_levels(rng, levels);
  const LevelTraffic t = evaluate_levels(layer, s, m);
  return {layer, s, m, nlohmann::json::parse(level_result_document(layer, s, m, t).dump())};
}

// Paths ("levels[1].arrays.W.fills") of every number and boolean the
// document derives: everything outside schedule, machine and layer, except
// each level's name and capacity (inputs).
void derived_paths(const nlohmann::json& j, const std::string& path,
                   std::vector<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      if (path.empty() &&
          (key == "schedule" || key == "machine" || key == "layer" || key == "format"))
        continue;
      if (key == "name" || key == "capacity_bytes") continue;
      derived_paths(value, path + (path.empty() ? "" : ".") + key, out);
    }
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i)
      derived_paths(j[i], path + "[" + std::to_string(i) + "]", out);
  } else {
    out.push_back(path);
  }
}

// The JSON pointer of a path as derived_paths writes it.
nlohmann::json::json_pointer pointer(const std::string& path) {
  std::string p = "/";
  for (char c : path) {
    if (c == '.' || c == '[')
      p += '/';
    else if (c != ']')
      p += c;
  }
  return nlohmann::json::json_pointer(p);
}

std::string read_error(const nlohmann::json& doc) {
  try {
    (void)level_schedule_from_json(doc, "r.json");
  } catch (const UserError& e) {
    return e.what();
  }
  return "";
}

TEST(LevelResultCheck, SpadsOwnDocumentsReadBackToTheirSchedule) {
  Rng rng(20261204);
  for (int i = 0; i < 300; ++i) {
    const Case c = random_case(rng);
    SCOPED_TRACE(c.document.dump());
    ASSERT_EQ(level_schedule_from_json(c.document, "r.json"), c.schedule);
  }
}

TEST(LevelResultCheck, EveryDerivedNumberChangedIsAnErrorNamingIt) {
  Rng rng(20261205);
  int checked = 0;
  for (int i = 0; i < 40; ++i) {
    const Case c = random_case(rng);
    std::vector<std::string> paths;
    derived_paths(c.document, "", paths);
    // Top level: arrays (24 leaves), traffic, buffer, compulsory, bound,
    // fits, fills; per level: arrays (24), traffic, compulsory, bound,
    // buffer, fits.
    ASSERT_EQ(paths.size(), 30 + 29 * c.schedule.levels.size());
    for (const std::string& path : paths) {
      nlohmann::json doc = c.document;
      nlohmann::json& leaf = doc[pointer(path)];
      std::string given;
      if (leaf.is_boolean()) {
        leaf = !leaf.get<bool>();
        given = leaf.get<bool>() ? "true" : "false";
      } else {
        leaf = leaf.get<Count>() + 1;
        given = std::to_string(leaf.get<Count>());
      }
      const std::string error = read_error(doc);
      SCOPED_TRACE(path);
      EXPECT_NE(error.find("r.json: " + path + " = " + given +
                           " does not match the value "
                           "recomputed"),
                std::string::npos)
          << error;
      ++checked;
    }
  }
  EXPECT_GE(checked, 40 * 88);
}

TEST(LevelResultCheck, ACapacityChangedIsCaughtThroughFits) {
  Rng rng(20261206);
  int caught = 0;
  for (int i = 0; i < 200 && caught < 20; ++i) {
    Case c = random_case(rng);
    const LevelTraffic t = evaluate_levels(c.layer, c.schedule, c.machine);
    const Count buffer = t.levels.back().buffer_bytes;
    if (buffer < 2) continue;
    // The innermost level made one byte too small for its buffers.
    nlohmann::json doc = c.document;
    doc["levels"][c.schedule.levels.size() - 1]["capacity_bytes"] = buffer - 1;
    const std::string error = read_error(doc);
    if (t.fits()) {
      EXPECT_NE(error.find("r.json: fits = true does not match"), std::string::npos) << error;
      ++caught;
    }
  }
  EXPECT_EQ(caught, 20);
}

TEST(LevelResultCheck, BadLevelsListsAreRefusedNamingTheKey) {
  Rng rng(20261207);
  const Case c = random_case(rng);
  const std::size_t n = c.schedule.levels.size();
  {
    nlohmann::json doc = c.document;
    doc["levels"].erase(doc["levels"].size() - 1);
    // Both counts, not the whole list.
    const std::string error = read_error(doc);
    EXPECT_NE(error.find("r.json: levels has " + std::to_string(n - 1) +
                         (n - 1 == 1 ? " entry" : " entries") +
                         " but the document's schedule has " + std::to_string(n) + " levels"),
              std::string::npos)
        << error;
    EXPECT_EQ(error.find("levels = [{"), std::string::npos) << error;
  }
  {
    nlohmann::json doc = c.document;
    doc["levels"][0]["capacity_bytes"] = 0;
    EXPECT_NE(read_error(doc).find("r.json: levels[0].capacity_bytes = 0"), std::string::npos)
        << read_error(doc);
  }
  {
    nlohmann::json doc = c.document;
    doc["levels"][1] = 7;
    EXPECT_NE(read_error(doc).find("levels[1]"), std::string::npos) << read_error(doc);
  }
  {
    nlohmann::json doc = c.document;
    doc["levels"][0]["name"] = 3;
    EXPECT_NE(read_error(doc).find("r.json: levels[0].name = 3"), std::string::npos)
        << read_error(doc);
  }
  {
    nlohmann::json doc = c.document;
    doc["levels"][0]["arrays"]["I"] = 5;
    EXPECT_NE(read_error(doc).find("r.json: levels[0].arrays.I = 5: must be an object"),
              std::string::npos)
        << read_error(doc);
  }
}

TEST(LevelResultCheck, ADocumentWithoutItsLayerIsReadUnchecked) {
  Rng rng(20261208);
  Case c = random_case(rng);
  c.document.erase("layer");
  c.document["total_fills"] = 123456789;
  EXPECT_EQ(level_schedule_from_json(c.document, "r.json"), c.schedule);
}

}  // namespace
}  // namespace spad
