// Layers in and out: the DESIGN.md layer file, an inline command-line form,
// and the --layer argument that accepts either.
//
// Layer file (JSON object; keys are case-sensitive, unknown keys are errors):
//   {"name": "res2a_branch2b", "N": 1, "C": 64, "M": 64, "H": 56, "W": 56, "R": 3, "S": 3,
//    "stride": [1, 1], "dilation": [1, 1], "pad": [1, 1, 1, 1], "groups": 1}
//   required: C M H W R S (non-negative integers; Layer checks the rest)
//   optional: name (string, default ""), N (default 1), groups (default 1),
//             stride, dilation: [h, w] or one integer for both (default 1),
//             pad: [top, left, bottom, right], [h, w] (top=bottom=h,
//                  left=right=w) or one integer for all four (default 0).
//   Integral floats (64.0) are accepted; 3.5, strings, booleans, negatives
//   and numbers beyond int64 are errors.
//
// Inline form (--layer "C=64,M=64,H=56,W=56,kernel=3,stride=2,pad=1"):
//   layer := field { "," field }          spaces around tokens ignored
//   field := key "=" value
//   keys  : N C M H W R S      integer (letters case-insensitive: c=64 works)
//           groups | G         integer
//           kernel             K | RxS        e.g. 3, 1x7  (sets R and S)
//           stride, dilation   K | HxW        e.g. 2, 2x1
//           pad                K              all four sides
//                              HxW            top=bottom=H, left=right=W
//                              T:L:B:R        top:left:bottom:right
//           name               any text without ','
//   required: C M H W, and R S (or kernel); the rest as in the file form.
//   'x' may also be 'X'. A key given twice (or kernel together with R or S)
//   is an error.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "workload/layer.hpp"
#include "workload/network.hpp"

namespace spad {

// `source` names the input in messages: a file name or "--layer". Besides the
// layer file's keys, the keys spad writes in a layer object of a network,
// compare or accel document are accepted (layer_object_keys): P, Q and macs
// are checked against the shape; the others describe a run and are not used.
// A whole document (it has "format") stands for its layer: a spad-result/1
// document's "layer", or the one layer of a network, compare or accel
// document (several layers, or another kind, are a UserError saying what to
// give instead).
LayerSpec layer_spec_from_json(const nlohmann::json& j, const std::string& source);

// Every key layer_spec_from_json accepts.
std::span<const std::string_view> layer_object_keys();

// Reads and parses a layer file. If the file has no "name", the name is the
// file's stem ("layers/conv1.json" -> "conv1").
LayerSpec read_layer_file(const std::string& path);

// The inline form above.
LayerSpec parse_layer_inline(std::string_view text);

// The CLI's --layer argument: an existing file -> read_layer_file; text
// starting with '{' -> JSON; text containing '=' -> inline; otherwise
// UserError "no such layer file: X". A layer without a name (JSON text or
// inline) is named kUnnamedLayer, "(unnamed layer)" (workload/layer.hpp).
LayerSpec load_layer_arg(const std::string& arg);

// load_layer_arg, then Layer's validation; a semantic error (groups not
// dividing C, kernel larger than the padded input, ...) is rethrown as a
// UserError prefixed with the source ("conv1.json: layer 'conv1': groups = 3 ...").
Layer load_layer(const std::string& arg);

// load_layer, as the network layer a JSON --layer states: besides its shape
// a network document's layer entry (or a layer file) may give "kind" (a
// matmul's second operand moves at the input size) and its own "precision"
// (workload/network's NetworkLayer); an inline layer is a conv layer with
// neither. Throws UserError naming the source for a bad kind or precision.
NetworkLayer load_network_layer(const std::string& arg);

// A network document's layer entry (or a layer file's object) as the network
// layer it states: its shape, "kind" and own "precision". Throws UserError
// naming `source`.
NetworkLayer network_layer_from_json(const nlohmann::json& entry, const std::string& source);

// The first keys of a network document's layer entry, for every kind of
// network result: "name", "kind", its own "precision" (when it states one),
// the shape keys of layer_to_json, "macs".
nlohmann::ordered_json network_layer_entry_head(const NetworkLayer& layer);

// Adds to a result document's "layer" what the layer states beyond its shape:
// "kind" when it is not a conv layer (a matmul's second operand moves at the
// input size) and its own "precision", so that the document read back as
// --layer is the same layer. No-op without a "layer" object.
void add_layer_entry_keys(nlohmann::ordered_json& doc, const NetworkLayer& entry);

// The layer file form, every key present, in DESIGN's order; round-trips
// through layer_spec_from_json.
nlohmann::ordered_json layer_to_json(const LayerSpec& spec);

}  // namespace spad
