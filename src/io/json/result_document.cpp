// Whole result documents and their text (result_document.hpp).
#include "io/json/result_document.hpp"

#include "io/json/document_format.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/optimize_result_json.hpp"
#include "io/json/result_json.hpp"

namespace spad {

nlohmann::ordered_json cost_result_document(const Layer& layer, const Schedule& schedule,
                                            const Machine& machine, const Traffic& traffic) {
  nlohmann::ordered_json j =
      with_format(DocKind::result, result_to_json(schedule, traffic, machine));
  j["layer"] = layer_to_json(layer.spec());
  return j;
}

nlohmann::ordered_json optimize_result_document(const Layer& layer, const Machine& machine,
                                                const SearchSpace& space,
                                                const SearchResult& result, int threads,
                                                double seconds) {
  nlohmann::ordered_json j = optimize_result_to_json(layer, machine, space, result);
  j["search"]["threads"] = threads;
  j["search"]["seconds"] = seconds;
  return j;
}

std::string json_document_text(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace spad
