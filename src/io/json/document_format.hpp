// The "format" key every JSON document spad writes starts with, so a script
// (or spad itself, reading a document back) knows what it holds. spad writes
// the five kinds of DESIGN.md ("Machine-readable interface"):
//   "spad-result/1"    one layer and schedule with its traffic (evaluate, simulate,
//                      optimize --layer, accel on a machine of several levels)
//   "spad-network/1"   every layer of a network with its optimum (optimize --model);
//                      compare and accel write network documents with more keys
//                      (per layer "baselines"; "objective" and "accelerator")
//   "spad-sweep/1"     network totals over capacities (spad sweep); accel with two
//                      or more --machine writes one row per machine plus
//                      "machines" and "comparison" (accel_comparison_json.hpp)
//   "spad-machine/1"   an accelerator description (the machine-file schema)
//   "spad-schedule/1"  a bare schedule (accepted on input; spad prints schedules
//                      inside results)
// Earlier versions also wrote "spad-compare/1", "spad-accel/1" and
// "spad-accel-comparison/1"; they are read back where they were before.
// Readers accept a document without the key (hand-written files) and reject
// one whose key names another kind or version, saying what the input takes.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace spad {

// compare, accel and accel_comparison: input only (documents of earlier versions).
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

// Whether `doc` is a comparison of accelerators (accel with two or more
// --machine): a spad-sweep/1 document with "comparison", or a
// spad-accel-comparison/1 document of an earlier version.
bool is_accel_comparison(const nlohmann::json& doc, const std::string& source);

}  // namespace spad
