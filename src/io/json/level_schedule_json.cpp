// Several-level schedules in JSON, in and out (format in level_schedule_json.hpp).
#include "io/json/level_schedule_json.hpp"

#include <array>
#include <string_view>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/json/document_format.hpp"
#include "io/json/json_read.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/level_result_check.hpp"
#include "io/json/result_check.hpp"
#include "io/json/schedule_fields.hpp"
#include "io/json/schedule_json.hpp"
#include "io/text/text_fields.hpp"
#include "workload/layer.hpp"

namespace spad {
namespace {

constexpr std::array<std::string_view, 2> kTopKeys = {"levels", "format"};
constexpr std::array<std::string_view, 4> kLevelKeys = {"name", "order", "tiles", "buffer_span"};

const char* const kLevelsExample =
    "e.g. {\"levels\": [{\"name\": \"L2\", \"order\": [...], \"tiles\": {...}, \"buffer_span\": "
    "{\"I\": 2, \"W\": null, \"O\": 3}}, {\"name\": \"L1\", ...}]}";

std::string read_level_name(const nlohmann::json& v, const std::string& source,
                            const std::string& field) {
  if (!v.is_string())
    throw UserError(source + ": " + field + " = " + show_json(v) +
                    ": must be a text label such as \"L2\"");
  const std::string name = v.get<std::string>();
  if (const std::string problem = name_problem(name); !problem.empty())
    throw UserError(source + ": " + field + " = " + in_quotes(name) + ": the name has " + problem +
                    "; names must be printable UTF-8 text");
  return name;
}

LevelLoops read_level(const nlohmann::json& v, const std::string& source, std::size_t i,
                      bool innermost) {
  const std::string prefix = "levels[" + std::to_string(i) + "].";
  require_object(v, source, "levels[" + std::to_string(i) + "]");
  reject_unknown_keys(v, kLevelKeys, source, prefix);
  for (const char* key : {"order", "tiles", "buffer_span"})
    if (!v.contains(key))
      throw UserError(source + ": levels[" + std::to_string(i) + "] is missing required key " +
                      in_quotes(key) + "; every level needs order, tiles and buffer_span");
  LevelLoops level;
  if (v.contains("name")) level.name = read_level_name(v.at("name"), source, prefix + "name");
  level.order = read_schedule_order(v.at("order"), source, prefix);
  level.tiles = read_schedule_tiles(v.at("tiles"), source, prefix);
  level.buffer_span = read_schedule_spans(v.at("buffer_span"), source, prefix, !innermost);
  return level;
}

}  // namespace

LevelSchedule level_list_from_json(const nlohmann::json& j, const std::string& source) {
  require_object(j, source, "a schedule");
  for (const char* key : {"order", "tiles", "buffer_span"})
    if (j.contains(key))
      throw UserError(source + ": both \"levels\" and " + in_quotes(key) +
                      ": a schedule gives either order, tiles and buffer_span (one level) or a "
                      "\"levels\" list (one entry per level, each with its own order, tiles and "
                      "buffer_span), not both");
  reject_unknown_keys(j, kTopKeys, source, "");
  expect_document_kind(j, source, {DocKind::schedule}, "a bare schedule is read from");
  const nlohmann::json& levels = j.at("levels");
  if (!levels.is_array())
    throw UserError(source + ": levels = " + show_json(levels) +
                    ": must be an array of levels, outermost first, " + kLevelsExample);
  if (levels.empty())
    throw UserError(source + ": levels = []: give at least one level, outermost first, " +
                    kLevelsExample);
  if (levels.size() > kMaxLevels)
    throw UserError(source + ": levels has " + std::to_string(levels.size()) +
                    " entries: at most " + std::to_string(kMaxLevels) +
                    " on-chip levels are supported");
  LevelSchedule s;
  for (std::size_t i = 0; i < levels.size(); ++i)
    s.levels.push_back(read_level(levels[i], source, i, i + 1 == levels.size()));
  return s;
}

LevelSchedule level_schedule_from_json(const nlohmann::json& j, const std::string& source) {
  require_object(j, source, "a schedule");
  // A result document fed back in whose schedule has levels: that schedule,
  // its per-level counts checked (io/json/level_result_check). (One-level results, network
  // documents and everything else go through the one-level reader, which checks their costs.)
  if (!j.contains("order") && j.contains("schedule")) {
    const nlohmann::json& inner = j.at("schedule");
    if (inner.is_object() && inner.contains("levels") && !inner.contains("schedule")) {
      expect_document_kind(j, source, {DocKind::result}, "a several-level schedule is read from");
      LevelSchedule s = level_list_from_json(inner, source + " (schedule)");
      if (s.levels.size() > 1) {
        // Its derived numbers, when it says on which layer and machine.
        if (j.contains("layer") && j.contains("machine") && j.contains("levels"))
          check_level_result_costs(
              j, Layer(layer_spec_from_json(j.at("layer"), source + " (layer)")), s, source);
        return s;
      }
    }
  }
  // A network or compare document of one layer whose schedule has levels
  // (optimize/compare --buffer OUTER,INNER --json): that layer's schedule, its
  // per-level counts checked on the document's level_machine.
  if (!j.contains("order") && j.contains("layers") && j.contains("level_machine")) {
    const nlohmann::json& layers = j.at("layers");
    if (layers.is_array() && layers.size() == 1 && layers[0].is_object() &&
        layers[0].contains("schedule") && layers[0].at("schedule").is_object() &&
        layers[0].at("schedule").contains("levels")) {
      expect_document_kind(j, source, {DocKind::network, DocKind::compare},
                           "a several-level schedule is read from");
      const LevelSchedule s =
          level_list_from_json(layers[0].at("schedule"), source + " (layers[0].schedule)");
      nlohmann::json entry = layers[0];
      // At the sizes the layer was costed at (its own, its kind's rule).
      entry["machine"] =
          machine_at_entry_sizes(j.at("level_machine"), layers[0], source, "layers[0]");
      check_level_result_costs(entry,
                               Layer(layer_spec_from_json(layers[0], source + " (layers[0])")), s,
                               source + " (layers[0])");
      return s;
    }
  }
  if (!j.contains("schedule") && j.contains("levels")) return level_list_from_json(j, source);
  return as_levels(schedule_from_json(j, source));
}

LevelSchedule load_level_schedule_arg(const std::string& arg) {
  std::string source;
  const nlohmann::json doc = load_schedule_document(arg, source);
  return level_schedule_from_json(doc, source);
}

void validate_level_schedule_from(const LevelSchedule& schedule, const Layer& layer,
                                  const std::string& source) {
  try {
    validate(schedule, layer);
  } catch (const UserError& e) {
    throw UserError(source + ": " + e.what());
  }
}

nlohmann::ordered_json level_schedule_to_json(const LevelSchedule& s) {
  if (const auto one = as_one_level(s)) return schedule_to_json(*one);
  nlohmann::ordered_json levels = nlohmann::ordered_json::array();
  for (const LevelLoops& level : s.levels) {
    nlohmann::ordered_json l;
    if (!level.name.empty()) l["name"] = level.name;
    const Schedule group{level.tiles, level.order, {}};
    const nlohmann::ordered_json g = schedule_to_json(group);
    l["order"] = g.at("order");
    l["tiles"] = g.at("tiles");
    auto& spans = l["buffer_span"] = nlohmann::ordered_json::object();
    for (Tensor t : kAllTensors) {
      const std::string name(tensor_name(t));
      if (level.buffer_span[t])
        spans[name] = *level.buffer_span[t];
      else
        spans[name] = nullptr;
    }
    levels.push_back(std::move(l));
  }
  nlohmann::ordered_json j;
  j["levels"] = std::move(levels);
  return j;
}

std::string level_schedule_to_canonical_string(const LevelSchedule& s) {
  return level_schedule_to_json(s).dump();
}

}  // namespace spad
