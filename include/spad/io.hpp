// Readers and writers (public API; part of <spad/spad.hpp>). Every reader
// throws UserError naming the file (or the CLI flag the text stands for:
// "--layer", "--schedule", "--buffer"), the field and the value; the
// messages are exactly those of the `spad` command. Every JSON writer gives
// the document the command prints with --json (docs/reference.md lists the
// keys; "format": "spad-<kind>/1" marks each document).
//
// READERS
//   Layer load_layer(arg)           a layer file, JSON text ('{...}') or the
//                                   inline form "C=64,M=64,H=56,W=56,kernel=3,pad=1"
//                                   (grammar: io/json/layer_json.hpp; DESIGN.md's
//                                   layer file: pad is [top, left, bottom, right])
//   NetworkLayer load_network_layer(arg)  the same, or a network document's
//                                   layer entry, keeping its "kind" (a matmul's
//                                   second operand moves at the input size) and
//                                   own "precision" (layer_arg_precision(entry,
//                                   machine precision, --precision text) gives
//                                   the sizes the CLI costs it at)
//   Schedule load_schedule_arg(arg) a schedule file or JSON text: canonical
//                                   {"order": [innermost first], "tiles", "buffer_span"},
//                                   or a result document (its "schedule" is read)
//   Precision parse_precision(text) "in=1,w=1,out=1,psum=4", any subset, type
//                                   names (int8, fp16, int32, ...) accepted
//   Count parse_byte_size(text, what)  "65536", "64KiB", "1.5MiB", "64KB" (= 64000)
//   Accelerator read_accelerator_file(path)   machine file, YAML or JSON
//                                   (schema: io/machine/accelerator_file.hpp,
//                                   examples/machines/*.yaml)
//   Network load_network(arg, {batch})  a zoo name, a network .json file or an
//                                   .onnx model (what --model takes)
//   Network read_onnx_network(path, batch)    an ONNX model (DESIGN.md "ONNX import")
//   std::vector<std::string> zoo_model_names(); Network load_zoo_model(name)
//                                   the built-in models (compiled in: no data file)
//   std::vector<std::size_t> select_layers(net, text)   what --layers takes:
//                                   "0-3,7", layer names; ascending indices
//   std::vector<Count> parse_capacity_list(text, what)  what sweep --buffers
//                                   takes: "4KiB,1MiB", "1KiB..4MiB:x2",
//                                   "1KiB..8KiB:+1KiB"; ascending, distinct
//   Objective objective_from_text(text)  "traffic", "latency" or "energy"
//
// WRITERS (nlohmann::ordered_json; json_document_text gives the text spad prints)
//   layer_to_json(spec), schedule_to_json(s), machine_to_json(m),
//   accelerator_to_json(a)           the value objects
//   cost_result_document(...)        `spad evaluate|simulate --json` (spad-result/1)
//   optimize_result_document(...)    `spad optimize --layer --json` (spad-result/1)
//   network_result_to_json(r)        `spad optimize --model --json` (spad-network/1)
//   compare_result_to_json(r)        `spad compare --json` (spad-network/1, more keys)
//   accel_result_to_json(r)          `spad accel --json` (spad-network/1, more keys)
//   accel_comparison_to_json(c)      `spad accel --machine A --machine B --json`
//                                    (spad-sweep/1: a row per machine, "machines",
//                                    "comparison")
//   sweep_to_json(r, per_layer)      `spad sweep --json` (spad-sweep/1)
//   network_result_to_csv, compare_result_to_csv, accel_result_to_csv,
//   accel_comparison_to_csv, sweep_to_csv(r, per_layer)   the same with --csv
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "io/common/network_source.hpp"
#include "io/csv/accel_comparison_csv.hpp"
#include "io/csv/accel_result_csv.hpp"
#include "io/csv/compare_result_csv.hpp"
#include "io/csv/network_result_csv.hpp"
#include "io/csv/sweep_csv.hpp"
#include "io/json/accel_comparison_json.hpp"
#include "io/json/accel_result_json.hpp"
#include "io/json/compare_result_json.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/network_result_json.hpp"
#include "io/json/result_document.hpp"
#include "io/json/result_json.hpp"
#include "io/json/schedule_json.hpp"
#include "io/json/sweep_json.hpp"
#include "io/machine/accelerator_file.hpp"
#include "io/machine/accelerator_json.hpp"
#include "io/onnx/onnx_network.hpp"
#include "io/text/byte_size.hpp"
#include "io/text/capacity_list.hpp"
#include "io/text/network_layer_selection.hpp"
#include "io/text/network_precision.hpp"
#include "io/text/objective_text.hpp"
#include "io/text/precision_text.hpp"
#include "io/zoo/network_file.hpp"
#include "spad/studies.hpp"
#include "spad/values.hpp"

namespace spad {

// Readers (compile-checked restatements of the list above).
Layer load_layer(const std::string& arg);
NetworkLayer load_network_layer(const std::string& arg);
Precision layer_arg_precision(const NetworkLayer& layer, const Precision& machine,
                              const std::string& precision_text);
Schedule load_schedule_arg(const std::string& arg);
Precision parse_precision(std::string_view text);
Count parse_byte_size(std::string_view text, std::string_view what);
Accelerator read_accelerator_file(const std::string& path);
Network load_network(const std::string& arg, const NetworkLoadOptions& options);
Network read_onnx_network(const std::string& path, std::optional<Count> batch);
std::vector<std::string> zoo_model_names();
Network load_zoo_model(const std::string& name);
std::vector<std::size_t> select_layers(const Network& net, std::string_view spec);
std::vector<Count> parse_capacity_list(std::string_view text, std::string_view what);
Objective objective_from_text(std::string_view text);

// Writers.
nlohmann::ordered_json layer_to_json(const LayerSpec& spec);
nlohmann::ordered_json schedule_to_json(const Schedule& s);
nlohmann::ordered_json machine_to_json(const Machine& m);
nlohmann::ordered_json accelerator_to_json(const Accelerator& accel);
nlohmann::ordered_json cost_result_document(const Layer& layer, const Schedule& schedule,
                                            const Machine& machine, const Traffic& traffic);
nlohmann::ordered_json optimize_result_document(const Layer& layer, const Machine& machine,
                                                const SearchSpace& space,
                                                const SearchResult& result, int threads,
                                                double seconds);
nlohmann::ordered_json network_result_to_json(const NetworkResult& result);
nlohmann::ordered_json compare_result_to_json(const CompareResult& result);
nlohmann::ordered_json accel_result_to_json(const AccelResult& result);
nlohmann::ordered_json accel_comparison_to_json(const AccelComparison& comparison);
nlohmann::ordered_json sweep_to_json(const SweepResult& result, bool per_layer);
std::string network_result_to_csv(const NetworkResult& result);
std::string compare_result_to_csv(const CompareResult& result);
std::string accel_result_to_csv(const AccelResult& result);
std::string accel_comparison_to_csv(const AccelComparison& comparison);
std::string sweep_to_csv(const SweepResult& result, bool per_layer);
std::string json_document_text(const nlohmann::ordered_json& j);

}  // namespace spad
