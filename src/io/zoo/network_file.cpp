// Network files (strict JSON reading) and the embedded model zoo.
#include "io/zoo/network_file.hpp"

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/common/suggest.hpp"
#include "io/json/accel_comparison_json.hpp"
#include "io/json/document_format.hpp"
#include "io/json/json_read.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/precision_json.hpp"
#include "io/json/result_check.hpp"
#include "io/json/schedule_json.hpp"
#include "io/text/text_fields.hpp"
#include "workload/layer_kind.hpp"
#include "workload/network_batch.hpp"

namespace spad {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 5> kFileKeys = {"model", "source", "input", "reference",
                                                       "layers"};
// What a network, compare or accel document spad writes adds at the top: its
// format, totals (layers and macs checked), the operators not scheduled, the
// skipped nodes and the import warnings (read back), the machine (the layers'
// costs are checked against it) and informative keys (precision_source: the
// precision of a new run comes from its own flags; level_machine: the machine
// of a several-level optimum, io/json/network_level_result_json, whose layers
// are read for their shapes only).
constexpr std::array<std::string_view, 19> kTopKeys = {"model",         "skipped",
                                                       "warnings",      "precision_source",
                                                       "source",        "input",
                                                       "reference",     "layers",
                                                       "format",        "totals",
                                                       "not_scheduled", "machine",
                                                       "search",        "baseline_machines",
                                                       "objective",     "schedule_source",
                                                       "accelerator",   "baseline_totals",
                                                       "level_machine"};
// An accel comparison document: its own keys; the network is read from
// "machines" (the rest, rows included, is derived from them, reported again
// on a new run).
constexpr std::array<std::string_view, 9> kComparisonKeys = {
    "format",           "model", "objective", "schedule_source", "machines", "comparison", "models",
    "capacities_bytes", "rows"};
constexpr std::array<std::string_view, 4> kInputKeys = {"N", "C", "H", "W"};
constexpr std::array<std::string_view, 8> kReferenceKeys = {
    "macs",         "macs_rounded_to", "params", "params_rounded_to", "bn_params_per_channel",
    "other_params", "source",          "note"};

struct ZooEntry {
  std::string_view name;
  std::string_view json;
};

constexpr ZooEntry kZoo[] = {
#include "io/zoo/network_file.zoo.inc"
};

std::string json_string(const json& v, const std::string& source, const std::string& field) {
  if (!v.is_string())
    throw UserError(source + ": " + field + " = " + show_json(v) + ": must be a string");
  return v.get<std::string>();
}

const json& required(const json& obj, std::string_view key, const std::string& source,
                     const std::string& where, const std::string& meaning) {
  if (!obj.contains(key))
    throw UserError(source + ": missing required key " + in_quotes(where + std::string(key)) +
                    " (" + meaning + ")");
  return obj.at(key);
}

NetworkInput parse_input(const json& j, const std::string& source) {
  require_object(j, source, "input");
  reject_unknown_keys(j, kInputKeys, source, "input.");
  NetworkInput in;
  const auto field = [&](const char* key, const char* meaning) {
    return json_count(required(j, key, source, "input.", meaning), source,
                      std::string("input.") + key, 1);
  };
  in.N = field("N", "batch");
  in.C = field("C", "channels");
  in.H = field("H", "height");
  in.W = field("W", "width");
  return in;
}

void parse_reference(const json& j, const std::string& source, Network& net) {
  require_object(j, source, "reference");
  reject_unknown_keys(j, kReferenceKeys, source, "reference.");
  const auto count = [&](const char* key, Count min, Count& out) {
    if (j.contains(key)) out = json_count(j.at(key), source, std::string("reference.") + key, min);
  };
  count("macs", 1, net.reference_macs);
  count("macs_rounded_to", 1, net.reference_macs_rounded_to);
  count("params", 1, net.reference_params);
  count("params_rounded_to", 1, net.reference_params_rounded_to);
  count("bn_params_per_channel", 0, net.reference_bn_params_per_channel);
  count("other_params", 0, net.reference_other_params);
  if (j.contains("source"))
    net.reference_source = json_string(j["source"], source, "reference.source");
  if (j.contains("note")) net.reference_note = json_string(j["note"], source, "reference.note");
}

NetworkLayer parse_layer(const json& j, std::size_t index, const std::string& source) {
  std::string where = source + ": layers[" + std::to_string(index) + "]";
  if (j.is_object() && j.contains("name") && j["name"].is_string())
    where += " " + in_quotes(j["name"].get<std::string>());
  require_object(j, where, "a layer");
  reject_unknown_keys(j, layer_object_keys(), where, "");

  NetworkLayer out;
  const std::string kind = j.contains("kind") ? json_string(j["kind"], where, "kind") : "conv";
  const std::optional<LayerKind> known = layer_kind_from_name(kind);
  if (!known)
    throw UserError(where + ": kind = " + in_quotes(kind) +
                    ": must be \"conv\", \"fc\" or \"matmul\"");
  out.kind = *known;
  if (j.contains("bias")) {
    if (!j["bias"].is_boolean())
      throw UserError(where + ": bias = " + show_json(j["bias"]) + ": must be true or false");
    out.bias = j["bias"].get<bool>();
  }
  // The layer's own element sizes (a mixed-precision network; what an
  // integer ONNX operator states), keys missing from it at the defaults.
  if (j.contains("precision"))
    out.precision = precision_from_json(j["precision"], where, "precision");
  json shape = j;
  shape.erase("bias");
  shape.erase("precision");
  out.spec = layer_spec_from_json(shape, where);
  if (out.spec.name.empty()) out.spec.name = "layers[" + std::to_string(index) + "]";
  try {
    const Layer validated(out.spec);
  } catch (const UserError& e) {
    // Layer's message starts "layer 'NAME': "; `where` already names it.
    std::string why = e.what();
    const std::string own = "layer '" + out.spec.name + "': ";
    if (why.rfind(own, 0) == 0) why.erase(0, own.size());
    throw UserError(where + ": " + why);
  }
  check_layer_kind_shape(out.spec, out.kind, where);
  return out;
}

// The parts of a network document spad wrote that can be checked or read back.
void read_document_keys(const json& j, const std::string& source, Network& net) {
  if (j.contains("not_scheduled")) {
    const json& ops = j.at("not_scheduled");
    require_object(ops, source, "not_scheduled");
    for (const auto& [op, count] : ops.items())
      net.not_scheduled[op] = json_count(count, source, "not_scheduled." + op, 0);
  }
  if (j.contains("skipped")) {
    const json& skipped = j.at("skipped");
    if (!skipped.is_array())
      throw UserError(source + ": skipped = " + show_json(skipped) + ": must be an array");
    for (std::size_t i = 0; i < skipped.size(); ++i) {
      const std::string where = "skipped[" + std::to_string(i) + "]";
      const json& e = skipped[i];
      require_object(e, source, where);
      constexpr std::array<std::string_view, 4> kKeys = {"node", "op", "reason", "macs"};
      reject_unknown_keys(e, kKeys, source, where + ".");
      SkippedNode node;
      node.node = json_string(required(e, "node", source, where + ".", "the node"), source,
                              where + ".node");
      node.op = json_string(required(e, "op", source, where + ".", "the operator"), source,
                            where + ".op");
      if (e.contains("reason"))
        node.reason = json_string(e.at("reason"), source, where + ".reason");
      if (e.contains("macs") && !e.at("macs").is_null())
        node.macs = json_count(e.at("macs"), source, where + ".macs", 0);
      net.skipped.push_back(std::move(node));
    }
  }
  if (j.contains("warnings")) {
    const json& warnings = j.at("warnings");
    if (!warnings.is_array())
      throw UserError(source + ": warnings = " + show_json(warnings) + ": must be an array");
    for (std::size_t i = 0; i < warnings.size(); ++i)
      net.warnings.push_back(
          json_string(warnings[i], source, "warnings[" + std::to_string(i) + "]"));
  }
  const json& layers = j.at("layers");
  if (j.contains("machine")) {
    const Machine machine = machine_from_result_json(j.at("machine"), source);
    for (std::size_t i = 0; i < layers.size(); ++i)
      if (layers[i].contains("schedule")) {
        const std::string where = "layers[" + std::to_string(i) + "].";
        const Schedule s =
            schedule_from_json(layers[i].at("schedule"), source + " (" + where + "schedule)");
        // At the layer's own sizes, as the study costed it (workload/network's
        // layer_precision: its stated sizes, a matmul's second operand).
        Machine own = machine;
        own.precision = layer_precision(machine.precision, net.layers[i]);
        check_result_costs(layers[i], Layer(net.layers[i].spec), s, own, source, where);
      }
  }
  if (j.contains("totals")) {
    const json& totals = j.at("totals");
    require_object(totals, source, "totals");
    Count macs = 0;
    for (const NetworkLayer& l : net.layers) macs = add(macs, Layer(l.spec).macs());
    const std::array<std::pair<const char*, Count>, 2> derived = {
        {{"layers", static_cast<Count>(net.layers.size())}, {"macs", macs}}};
    for (const auto& [key, value] : derived) {
      if (!totals.contains(key)) continue;
      const Count given = json_count(totals.at(key), source, std::string("totals.") + key, 0);
      if (given != value)
        throw UserError(source + ": totals." + key + " = " + std::to_string(given) +
                        " does not match the layers, which give " + std::to_string(value) +
                        " (totals are derived: remove them or correct them)");
    }
  }
}

// An accel comparison document: the network of its machines' documents,
// which must all hold the same layers.
Network comparison_network(const json& j, const std::string& source) {
  reject_unknown_keys(j, kComparisonKeys, source, "");
  const json& machines = required(j, "machines", source, "", "one accel document per machine");
  if (!machines.is_array() || machines.empty())
    throw UserError(source + ": machines = " + show_json(machines) +
                    ": must be a list of accel documents, one per machine");
  std::optional<Network> first;
  for (std::size_t i = 0; i < machines.size(); ++i) {
    const std::string where = source + " (machines[" + std::to_string(i) + "])";
    // Each entry is one machine's accel document (never a comparison again):
    // a network document, or spad-accel/1 from an earlier version.
    expect_document_kind(machines[i], where, {DocKind::network, DocKind::accel},
                         "a comparison's machine entry is");
    // "name" (the machine's) makes the entry a sweep machine entry too
    // (io/json/accel_comparison_json.hpp); the rest is the accel document.
    json entry = machines[i];
    if (entry.is_object() && entry.contains("name")) {
      comparison_entry_name(entry, where);  // equals its accelerator.name
      entry.erase("name");
    }
    Network net = parse_network_json(entry, where);
    if (!first) {
      first = std::move(net);
      continue;
    }
    bool same = net.model == first->model && net.layers.size() == first->layers.size();
    for (std::size_t l = 0; same && l < net.layers.size(); ++l)
      same = net.layers[l].spec == first->layers[l].spec &&
             net.layers[l].kind == first->layers[l].kind;
    if (!same)
      throw UserError(where +
                      ": its model or layers differ from machines[0]'s; the machines "
                      "of a comparison run the same layers");
  }
  if (j.contains("model") && j.at("model") != json(first->model))
    throw UserError(source + ": model = " + show_json(j.at("model")) + " differs from " +
                    in_quotes(first->model) + " of its machines' documents");
  return *first;
}

}  // namespace

Network parse_network_json(const json& j, const std::string& source) {
  require_object(j, source, "a network file");
  // A sweep document holds a network when it is an accelerator comparison.
  if (is_accel_comparison(j, source)) return comparison_network(j, source);
  if (document_kind(j, source) == DocKind::sweep)
    throw UserError(source + ": this is a " + format_tag(DocKind::sweep) +
                    " document of capacities without \"comparison\"; a network is read from " +
                    format_tag(DocKind::network) +
                    " documents and from the spad-sweep/1 documents of accel with several "
                    "--machine (which carry \"comparison\")");
  const std::optional<DocKind> kind = expect_document_kind(
      j, source, {DocKind::network, DocKind::compare, DocKind::accel, DocKind::accel_comparison},
      "a network is read from");
  reject_unknown_keys(j,
                      kind ? std::span<const std::string_view>(kTopKeys)
                           : std::span<const std::string_view>(kFileKeys),
                      source, "");
  Network net;
  net.model = json_string(required(j, "model", source, "", "the network's name"), source, "model");
  if (net.model.empty()) throw UserError(source + ": model = \"\": give the network a name");
  if (j.contains("source")) net.source = json_string(j["source"], source, "source");
  if (j.contains("input")) net.input = parse_input(j["input"], source);
  if (j.contains("reference")) parse_reference(j["reference"], source, net);

  const json& layers = required(j, "layers", source, "", "the conv and fc layers in graph order");
  if (!layers.is_array())
    throw UserError(source + ": layers = " + show_json(layers) +
                    ": must be an array of layer objects [{...}, ...]");
  if (layers.empty())
    throw UserError(source + ": layers = []: a network needs at least one conv or fc layer");
  for (std::size_t i = 0; i < layers.size(); ++i) {
    net.layers.push_back(parse_layer(layers[i], i, source));
    const LayerSpec& s = net.layers.back().spec;
    // Every layer runs on the network's batch, each kind holding it in its
    // own count, as ONNX import writes them (workload/network_batch).
    const NetworkLayer& l = net.layers.back();
    const Count n0 = net.input ? net.input->N : 0;
    if (net.input && !layer_holds_batch(l, n0)) {
      const std::string n = "N = " + std::to_string(s.N), batch = std::to_string(n0);
      throw UserError(source + ": layers[" + std::to_string(i) + "] " + in_quotes(s.name) + ": " +
                      (l.kind == LayerKind::conv ? n + " differs from input.N = " + batch +
                                                       "; every layer runs on the network's batch"
                       : l.kind == LayerKind::fc
                           ? n + " is not a multiple of input.N = " + batch +
                                 " (an fc layer's N is the batch times its rows per sample)"
                           : n + " and groups = " + std::to_string(s.groups) +
                                 ": neither holds input.N = " + batch +
                                 " (a matmul's N is the batch, or its groups the batch times its "
                                 "heads)"));
    }
  }
  if (kind) read_document_keys(j, source, net);
  return net;
}

Network read_network_file(const std::string& path) {
  return parse_network_json(parse_json_document(read_text_file(path, "network file"), path), path);
}

std::vector<std::string> zoo_model_names() {
  std::vector<std::string> names;
  for (const ZooEntry& e : kZoo) names.emplace_back(e.name);
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string_view> zoo_model_text(std::string_view name) {
  for (const ZooEntry& e : kZoo)
    if (to_lower(e.name) == to_lower(name)) return e.json;
  return std::nullopt;
}

Network load_zoo_model(const std::string& name) {
  for (const ZooEntry& e : kZoo) {
    if (to_lower(e.name) != to_lower(name)) continue;
    const std::string source =
        "built-in model " + in_quotes(e.name) + " (data/zoo/" + std::string(e.name) + ".json)";
    return parse_network_json(parse_json_document(e.json, source), source);
  }
  std::vector<std::string_view> names;
  for (const ZooEntry& e : kZoo) names.push_back(e.name);
  std::sort(names.begin(), names.end());
  throw UserError("unknown model " + in_quotes(name) + did_you_mean(name, names) +
                  "; built-in models: " + join(names, " ") +
                  " (or give a network file: FILE.json or FILE.onnx)");
}

}  // namespace spad
