// The "format" key every JSON document spad writes starts with, so a script
// (or spad itself, reading a document back) knows what it holds:
//   "spad-result/1"    one layer and schedule with its traffic (evaluate, simulate,
//                      optimize --layer)
//   "spad-network/1"   every layer of a network with its optimum (optimize --model)
//   "spad-compare/1"   a network document plus the lower bound and the fixed
//                      dataflows of each layer (compare)
//   "spad-accel/1"     a network document plus cycles, latency and energy on a
//                      machine (accel); its "accelerator" member is a machine document
//   "spad-accel-comparison/1"  the same layers on several machines (accel with
//                      two or more --machine): "machines", a list of accel
//                      documents, and a per-layer "comparison"
//   "spad-machine/1"   an accelerator description (the machine-file schema)
//   "spad-schedule/1"  a bare schedule (accepted on input; spad prints schedules
//                      inside results)
//   "spad-sweep/1"     network totals over capacities (spad sweep)
// Readers accept a document without the key (hand-written files) and reject
// one whose key names another kind or version, saying what the input takes.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace spad {

enum class DocKind { result, network, compare, accel, accel_comparison, machine, schedule, sweep };

// "spad-result/1", ...
std::string format_tag(DocKind kind);

// `doc` with "format": format_tag(kind) as its first key.
nlohmann::ordered_json with_format(DocKind kind, const nlohmann::ordered_json& doc);

// The kind named by doc["format"], nullopt when the key is absent. A format
// that is not a string, not spad's, or of another version -> UserError
// naming `source` and the value.
std::optional<DocKind> document_kind(const nlohmann::json& doc, const std::string& source);

// document_kind, and a UserError unless it is absent or one of `accepted`;
// `reader` says what is being read ("--schedule takes").
std::optional<DocKind> expect_document_kind(const nlohmann::json& doc, const std::string& source,
                                            std::initializer_list<DocKind> accepted,
                                            std::string_view reader);

}  // namespace spad
