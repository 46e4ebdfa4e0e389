// The whole documents that `spad evaluate --json`, `spad simulate --json` and
// `spad optimize --layer ... --json` print, and the one text form every JSON
// document is written in. The CLI and the public API (include/spad) both
// build their documents here, so the two cannot drift.
//
//   cost_result_document      {"format": "spad-result/1", ...Result JSON
//                              (io/json/result_json)..., "layer": {...}}
//   optimize_result_document  optimize_result_to_json (io/json/optimize_result_json)
//                              with "search": {..., "threads", "seconds"}
//   json_document_text        indented by 2, invalid UTF-8 written as U+FFFD
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/machine.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "search/optimize.hpp"
#include "workload/layer.hpp"

namespace spad {

nlohmann::ordered_json cost_result_document(const Layer& layer, const Schedule& schedule,
                                            const Machine& machine, const Traffic& traffic);

// `result.best` must be set (InternalError otherwise). `threads` as asked
// (0: all hardware threads); `seconds`: the search's wall-clock time.
nlohmann::ordered_json optimize_result_document(const Layer& layer, const Machine& machine,
                                                const SearchSpace& space,
                                                const SearchResult& result, int threads,
                                                double seconds);

// The text of a JSON document as spad prints it (no trailing newline).
std::string json_document_text(const nlohmann::ordered_json& j);

}  // namespace spad
