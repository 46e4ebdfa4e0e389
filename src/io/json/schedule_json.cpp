// Schedules in canonical JSON, in and out (format in schedule_json.hpp).
#include "io/json/schedule_json.hpp"

#include <array>
#include <filesystem>
#include <string>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/json/document_format.hpp"
#include "io/json/json_read.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/level_schedule_json.hpp"
#include "io/json/result_check.hpp"
#include "io/json/schedule_fields.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

constexpr std::array<std::string_view, 3> kKeys = {"order", "tiles", "buffer_span"};

const char* const kExample =
    "e.g. {\"order\": [\"s\",\"r\",\"q\",\"p\",\"c\",\"m\",\"g\",\"n\"], \"tiles\": {\"n\":1,"
    "\"g\":1,\"m\":32,\"c\":16,\"p\":14,\"q\":14,\"r\":3,\"s\":3}, \"buffer_span\": {\"I\": 4, "
    "\"W\": 5, \"O\": 2}}";

const nlohmann::json& member(const nlohmann::json& j, const char* key, const std::string& source) {
  if (!j.contains(key))
    throw UserError(source + ": missing required key " + in_quotes(key) +
                    "; a schedule needs "
                    "order, tiles and buffer_span, " +
                    kExample);
  return j.at(key);
}

Schedule bare_schedule(const nlohmann::json& j, const std::string& source);

// The schedule of a result object (`obj` has "schedule"), its costs checked
// against the model when the document says on which layer (`layer`, else
// none) and machine (`machine`) they were computed.
Schedule result_schedule(const nlohmann::json& obj, const nlohmann::json* layer,
                         const nlohmann::json* machine, const std::string& source,
                         const std::string& where) {
  // One level of wrapping only: a schedule inside a "schedule" inside a
  // "schedule" is no document spad writes (and unbounded wrapping once made
  // the error path grow without bound).
  const nlohmann::json& inner = obj.at("schedule");
  if (inner.is_object() && !inner.contains("order") && inner.contains("schedule"))
    throw UserError(source + ": " + where +
                    "schedule.schedule: a schedule wrapped twice; give the schedule object "
                    "itself or a result JSON that holds one");
  const Schedule s = schedule_from_json(inner, source + " (" + where + "schedule)");
  if (layer && machine) {
    const Layer l(layer_spec_from_json(*layer, source + " (" + where + "layer)"));
    check_result_costs(obj, l, s, machine_from_result_json(*machine, source), source, where);
  }
  return s;
}

}  // namespace

Schedule schedule_from_json(const nlohmann::json& j, const std::string& source) {
  require_object(j, source, "a schedule");
  if (is_accel_comparison(j, source))
    throw UserError(source +
                    ": an accelerator comparison (accel with several --machine) "
                    "holds one schedule per machine; `spad accel --machine FILE "
                    "--schedule` takes the one of that machine's name, elsewhere give one entry "
                    "of its \"machines\"");
  expect_document_kind(
      j, source,
      {DocKind::schedule, DocKind::result, DocKind::network, DocKind::compare, DocKind::accel},
      "a schedule is read from");
  const nlohmann::json* machine = j.contains("machine") ? &j.at("machine") : nullptr;
  // A network, compare or accel document of one layer: that layer's schedule.
  if (!j.contains("order") && j.contains("layers")) {
    const nlohmann::json& layers = j.at("layers");
    if (!layers.is_array() || layers.size() != 1)
      throw UserError(source + ": a document of " +
                      std::to_string(layers.is_array() ? layers.size() : 0) +
                      " layers; a schedule is one layer's: run with --layer (or --layers NAME) "
                      "to write a one-layer document");
    const nlohmann::json& entry = layers[0];
    require_object(entry, source, "layers[0]");
    if (!entry.contains("schedule"))
      throw UserError(source + ": layers[0] has no schedule (it does not fit its scratchpad)");
    // Its costs at the sizes the layer was costed at (its own, its kind's rule).
    nlohmann::json sized;
    if (machine) sized = machine_at_entry_sizes(*machine, entry, source, "layers[0]");
    return result_schedule(entry, &entry, machine ? &sized : nullptr, source, "layers[0].");
  }
  // A result document fed back in: its schedule.
  if (!j.contains("order") && j.contains("schedule"))
    return result_schedule(j, j.contains("layer") ? &j.at("layer") : nullptr, machine, source, "");
  // The several-level form: one level is a Schedule; several are refused here.
  if (j.contains("levels")) {
    const LevelSchedule levels = level_list_from_json(j, source);
    if (const auto one = as_one_level(levels)) return *one;
    std::string names;
    for (std::size_t l = 0; l < levels.levels.size(); ++l)
      names += (l ? ", " : "") + (levels.levels[l].name.empty() ? "level " + std::to_string(l + 1)
                                                                : in_quotes(levels.levels[l].name));
    throw UserError(source + ": a schedule of " + std::to_string(levels.levels.size()) +
                    " on-chip levels (" + names +
                    "); this command takes one level: a several-level schedule is counted by "
                    "'spad evaluate' and 'spad simulate' (with --buffer OUTER,INNER), and "
                    "costed by 'spad accel' with a machine file of as many levels");
  }
  // A bare schedule is a spad-schedule/1 document (or has no format), as the
  // "levels" form is (level_list_from_json).
  expect_document_kind(j, source, {DocKind::schedule}, "a bare schedule is read from");
  nlohmann::json bare = j;
  bare.erase("format");
  return bare_schedule(bare, source);
}

namespace {

Schedule bare_schedule(const nlohmann::json& j, const std::string& source) {
  reject_unknown_keys(j, kKeys, source, "");
  Schedule s;
  s.order = read_schedule_order(member(j, "order", source), source, "");
  s.tiles = read_schedule_tiles(member(j, "tiles", source), source, "");
  const PerTensor<std::optional<int>> spans =
      read_schedule_spans(member(j, "buffer_span", source), source, "", false);
  for (Tensor t : kAllTensors) s.buffer_span[t] = spans[t].value();
  return s;
}

}  // namespace

std::string schedule_arg_source(const std::string& arg) {
  const std::string_view text = trim(arg);
  return !text.empty() && text.front() == '{' ? std::string("--schedule") : arg;
}

void validate_schedule_from(const Schedule& schedule, const Layer& layer,
                            const std::string& source) {
  try {
    validate(schedule, layer);
  } catch (const UserError& e) {
    throw UserError(source + ": " + e.what());
  }
}

nlohmann::json load_schedule_document(const std::string& arg, std::string& source) {
  const std::string_view text = trim(arg);
  if (!text.empty() && text.front() == '{') {
    source = "--schedule";
    return parse_json_document(text, source);
  }
  if (!names_existing_path(arg))
    throw UserError("no such schedule file: " + arg +
                    " (--schedule takes a schedule file or a JSON object, " + kExample + ")");
  source = arg;
  const std::string content = read_text_file(arg, "schedule file");
  return parse_json_document(content, arg);
}

Schedule load_schedule_arg(const std::string& arg) {
  std::string source;
  const nlohmann::json doc = load_schedule_document(arg, source);
  return schedule_from_json(doc, source);
}

nlohmann::ordered_json schedule_to_json(const Schedule& s) {
  nlohmann::ordered_json j;
  auto& order = j["order"] = nlohmann::ordered_json::array();
  for (Dim d : s.order) order.push_back(std::string(dim_name(d)));
  auto& tiles = j["tiles"] = nlohmann::ordered_json::object();
  for (Dim d : kAllDims) tiles[std::string(dim_name(d))] = s.tiles[d];
  auto& spans = j["buffer_span"] = nlohmann::ordered_json::object();
  for (Tensor t : kAllTensors) spans[std::string(tensor_name(t))] = s.buffer_span[t];
  return j;
}

std::string schedule_to_canonical_string(const Schedule& s) { return schedule_to_json(s).dump(); }

}  // namespace spad
