// Layer files (JSON) in and out, and the --layer argument.
#include "io/json/layer_json.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <utility>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/json/document_format.hpp"
#include "io/json/json_read.hpp"
#include "io/json/precision_json.hpp"
#include "io/json/result_check.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

// A layer object as spad writes it inside a network, compare or accel
// document: the shape, then the keys derived from it or describing the
// layer's run. Accepted so such an entry can be fed back as --layer; P, Q and
// macs are checked against the shape (result_check); the costs of the entry's
// schedule are checked where the document is read whole (its machine is at
// the top of the document, not in the entry).
constexpr std::array<std::string_view, 39> kKeys = {
    "name", "N", "C", "M", "H", "W", "R", "S", "stride", "dilation", "pad", "groups",
    // network file
    "kind", "bias", "precision",
    // derived from the shape
    "P", "Q", "macs",
    // network result
    "index", "same_shape_as", "min_capacity_bytes", "schedule", "arrays", "traffic_bytes",
    "buffer_bytes", "compulsory_bytes", "fits", "total_fills",
    // compare
    "lower_bound_bytes", "pebble_bound_bytes", "baselines", "working_set_capacity_bytes",
    // accel
    "compute_cycles", "transfer_cycles", "latency_cycles", "energy_pj", "accel",
    // network result with levels (io/json/network_level_result_json)
    "levels", "min_capacities_bytes"};

// stride / dilation: [h, w] or one integer for both.
std::pair<Count, Count> read_pair(const nlohmann::json& v, const std::string& source,
                                  const std::string& key) {
  if (v.is_array() && v.size() == 2)
    return {json_count(v[0], source, key + "[0] (h)", 1),
            json_count(v[1], source, key + "[1] (w)", 1)};
  if (v.is_number()) {
    const Count both = json_count(v, source, key, 1);
    return {both, both};
  }
  throw UserError(source + ": " + key + " = " + show_json(v) +
                  ": must be [h, w] (two positive integers) or one integer for both");
}

// pad: [top, left, bottom, right], [h, w] or one integer for all four.
void read_pad(const nlohmann::json& v, const std::string& source, LayerSpec& s) {
  if (v.is_array() && v.size() == 4) {
    s.pad_top = json_count(v[0], source, "pad[0] (top)", 0);
    s.pad_left = json_count(v[1], source, "pad[1] (left)", 0);
    s.pad_bottom = json_count(v[2], source, "pad[2] (bottom)", 0);
    s.pad_right = json_count(v[3], source, "pad[3] (right)", 0);
  } else if (v.is_array() && v.size() == 2) {
    s.pad_top = s.pad_bottom = json_count(v[0], source, "pad[0] (h)", 0);
    s.pad_left = s.pad_right = json_count(v[1], source, "pad[1] (w)", 0);
  } else if (v.is_number()) {
    s.pad_top = s.pad_left = s.pad_bottom = s.pad_right = json_count(v, source, "pad", 0);
  } else {
    throw UserError(source + ": pad = " + show_json(v) +
                    ": must be [top, left, bottom, right], [h, w] or one integer for all four "
                    "sides (non-negative integers)");
  }
}

// A whole document given as a layer: a result's "layer", or the one layer of
// a network, compare or accel document or of a network file ("layers", no
// "format"); any other object is the layer itself.
const nlohmann::json& layer_object(const nlohmann::json& j, const std::string& source) {
  if (!j.is_object()) return j;
  // A hand-written network file has "layers" and no "format".
  const bool network_file = !j.contains("format") && j.contains("layers") && !j.contains("C");
  if (!j.contains("format") && !network_file) return j;
  const std::optional<DocKind> kind =
      network_file
          ? std::optional<DocKind>(DocKind::network)
          : expect_document_kind(
                j, source, {DocKind::result, DocKind::network, DocKind::compare, DocKind::accel},
                "a layer is read from");
  if (kind == DocKind::result) {
    if (!j.contains("layer") || !j.at("layer").is_object())
      throw UserError(source + ": a " + format_tag(*kind) +
                      " document without a \"layer\" object; give the layer itself");
    return j.at("layer");
  }
  const nlohmann::json* layers = j.contains("layers") ? &j.at("layers") : nullptr;
  if (layers == nullptr || !layers->is_array() || layers->size() != 1)
    throw UserError(source + ": a " +
                    (network_file ? "network file" : format_tag(*kind) + " document") + " of " +
                    std::to_string(layers != nullptr && layers->is_array() ? layers->size() : 0) +
                    " layers; a layer is one of them: give one entry of its \"layers\", or read "
                    "the document whole with --model " +
                    source + " (and --layers NAME)");
  return (*layers)[0];
}

}  // namespace

LayerSpec layer_spec_from_json(const nlohmann::json& doc, const std::string& source) {
  const nlohmann::json& j = layer_object(doc, source);
  require_object(j, source, "a layer");
  reject_unknown_keys(j, kKeys, source, "");
  LayerSpec s;
  const auto required = [&](const char* key, const char* meaning) -> Count {
    if (!j.contains(key))
      throw UserError(source + ": missing required key " + in_quotes(key) + " (" + meaning +
                      "); a layer needs C M H W R S, e.g. {\"C\": 64, \"M\": 64, \"H\": 56, "
                      "\"W\": 56, \"R\": 3, \"S\": 3}");
    return json_count(j.at(key), source, key, 1);
  };
  s.C = required("C", "input channels");
  s.M = required("M", "output channels");
  s.H = required("H", "input height");
  s.W = required("W", "input width");
  s.R = required("R", "filter rows");
  s.S = required("S", "filter columns");
  if (j.contains("name")) {
    const auto& name = j.at("name");
    if (!name.is_string())
      throw UserError(source + ": name = " + show_json(name) + ": must be a string");
    s.name = name.get<std::string>();
  }
  if (j.contains("N")) s.N = json_count(j.at("N"), source, "N", 1);
  if (j.contains("groups")) s.groups = json_count(j.at("groups"), source, "groups", 1);
  if (j.contains("stride"))
    std::tie(s.stride_h, s.stride_w) = read_pair(j.at("stride"), source, "stride");
  if (j.contains("dilation"))
    std::tie(s.dilation_h, s.dilation_w) = read_pair(j.at("dilation"), source, "dilation");
  if (j.contains("pad")) read_pad(j.at("pad"), source, s);
  if (j.contains("kind") && !j.at("kind").is_string())
    throw UserError(source + ": kind = " + show_json(j.at("kind")) +
                    ": must be a string (\"conv\", \"fc\", ...)");
  if (j.contains("P") || j.contains("Q") || j.contains("macs")) {
    std::optional<Layer> layer;
    try {
      layer.emplace(s);
    } catch (const UserError& e) {
      throw UserError(source + ": " + e.what());
    }
    check_layer_derived(j, *layer, source, "");
  }
  return s;
}

std::span<const std::string_view> layer_object_keys() { return kKeys; }

LayerSpec read_layer_file(const std::string& path) {
  const nlohmann::json doc = parse_json_document(read_text_file(path, "layer file"), path);
  LayerSpec spec = layer_spec_from_json(doc, path);
  const nlohmann::json& j = layer_object(doc, path);
  if (!j.is_object() || !j.contains("name"))
    spec.name = std::filesystem::path(path).stem().string();
  return spec;
}

LayerSpec load_layer_arg(const std::string& arg) {
  if (names_existing_path(arg)) return read_layer_file(arg);
  const std::string_view text = trim(arg);
  const auto named = [](LayerSpec spec) {
    if (spec.name.empty()) spec.name = kUnnamedLayer;  // one name in every message
    return spec;
  };
  if (!text.empty() && text.front() == '{')
    return named(layer_spec_from_json(parse_json_document(text, "--layer"), "--layer"));
  if (text.find('=') != std::string_view::npos) return named(parse_layer_inline(text));
  throw UserError("no such layer file: " + arg +
                  " (--layer takes a layer file, a JSON object, or an inline layer such as "
                  "C=64,M=64,H=56,W=56,kernel=3,pad=1)");
}

Layer load_layer(const std::string& arg) {
  const LayerSpec spec = load_layer_arg(arg);
  const std::string source = names_existing_path(arg) ? arg : "--layer";
  try {
    return Layer(spec);
  } catch (const UserError& e) {
    throw UserError(source + ": " + e.what());
  }
}

namespace {

// A layer object's "kind" and own "precision" into `out` (absent: a conv
// layer of the machine's sizes). Throws UserError naming `source`.
void read_kind_and_precision(const nlohmann::json& j, const std::string& source,
                             NetworkLayer& out) {
  if (j.contains("kind")) {
    const nlohmann::json& k = j.at("kind");
    if (!k.is_string())
      throw UserError(source + ": kind = " + show_json(k) +
                      ": must be \"conv\", \"fc\" or \"matmul\"");
    const std::string kind = k.get<std::string>();
    const std::optional<LayerKind> known = layer_kind_from_name(kind);
    if (!known)
      throw UserError(source + ": kind = " + in_quotes(kind) +
                      ": must be \"conv\", \"fc\" or \"matmul\"");
    out.kind = *known;
  }
  if (j.contains("precision"))
    out.precision = precision_from_json(j.at("precision"), source, "precision");
}

}  // namespace

NetworkLayer load_network_layer(const std::string& arg) {
  NetworkLayer out;
  out.spec = load_layer(arg).spec();
  std::optional<nlohmann::json> j;
  std::string source = "--layer";
  if (names_existing_path(arg)) {
    source = arg;
    j = parse_json_document(read_text_file(arg, "layer file"), arg);
  } else if (const std::string_view text = trim(arg); !text.empty() && text.front() == '{') {
    j = parse_json_document(text, source);
  }
  if (!j || !j->is_object()) return out;
  j = layer_object(*j, source);
  if (!j->is_object()) return out;
  read_kind_and_precision(*j, source, out);
  return out;
}

NetworkLayer network_layer_from_json(const nlohmann::json& entry, const std::string& source) {
  NetworkLayer out;
  out.spec = layer_spec_from_json(entry, source);
  if (entry.is_object()) read_kind_and_precision(entry, source, out);
  return out;
}

void add_layer_entry_keys(nlohmann::ordered_json& doc, const NetworkLayer& entry) {
  if (!doc.is_object() || !doc.contains("layer") || !doc["layer"].is_object()) return;
  nlohmann::ordered_json& layer = doc["layer"];
  if (entry.kind != LayerKind::conv) layer["kind"] = layer_kind_name(entry.kind);
  if (entry.precision) layer["precision"] = precision_to_json(*entry.precision);
}

nlohmann::ordered_json network_layer_entry_head(const NetworkLayer& layer) {
  nlohmann::ordered_json j;
  j["name"] = layer.spec.name;
  j["kind"] = layer_kind_name(layer.kind);
  if (layer.precision) j["precision"] = precision_to_json(*layer.precision);
  const nlohmann::ordered_json shape = layer_to_json(layer.spec);
  for (const auto& [key, value] : shape.items())
    if (key != "name") j[key] = value;
  j["macs"] = Layer(layer.spec).macs();
  return j;
}

nlohmann::ordered_json layer_to_json(const LayerSpec& s) {
  nlohmann::ordered_json j;
  j["name"] = s.name;
  j["N"] = s.N;
  j["C"] = s.C;
  j["M"] = s.M;
  j["H"] = s.H;
  j["W"] = s.W;
  j["R"] = s.R;
  j["S"] = s.S;
  j["stride"] = {s.stride_h, s.stride_w};
  j["dilation"] = {s.dilation_h, s.dilation_w};
  j["pad"] = {s.pad_top, s.pad_left, s.pad_bottom, s.pad_right};
  j["groups"] = s.groups;
  return j;
}

}  // namespace spad
