// The level search's document and its no-fit message (see level_optimize_document.hpp).
#include "io/json/level_optimize_document.hpp"

#include "base/error.hpp"
#include "base/thread_launcher.hpp"
#include "io/json/level_result_json.hpp"
#include "io/json/search_json.hpp"

namespace spad {

nlohmann::ordered_json level_optimize_document(const Layer& layer, const MemoryLevels& machine,
                                               const LevelSearchResult& result, int threads,
                                               double seconds, const LevelSearchSpace& space) {
  SPAD_CHECK(result.best.has_value(), "level_optimize_document: no schedule");
  nlohmann::ordered_json j =
      level_result_document(layer, result.best->schedule, machine, result.best->traffic);
  const LevelSearchStats& s = result.stats;
  nlohmann::ordered_json search;
  search["objective"] = "traffic";
  search["space"] = level_search_space_to_json(space);
  search["evaluations"] = s.evaluations;
  search["leaves"] = s.leaves;
  search["nodes_cut"] = s.nodes_cut;
  search["orders_joined"] = s.orders_joined;
  search["threads"] = resolved_thread_count(threads);
  search["seconds"] = seconds;
  j["search"] = search;
  return j;
}

std::string level_infeasible_message(const Layer& layer, const MemoryLevels& machine) {
  // (S) of search/level_search: the innermost level holds one element of
  // each array at least.
  SPAD_CHECK(!machine.levels.empty() && machine.levels.back().capacity_bytes,
             "level_infeasible_message: the innermost level has no capacity");
  const Count copies = machine.double_buffer ? 2 : 1;
  const Precision& p = machine.precision;
  return "layer " + layer.display_name() + ": no schedule fits: the innermost level (" +
         machine.levels.back().name + ", " + std::to_string(*machine.levels.back().capacity_bytes) +
         " B) must hold a buffer of each of I, W and O, at least " +
         std::to_string(copies * (p.input + p.weight + p.psum)) + " B (one element each" +
         (copies == 2 ? ", double-buffered" : "") + ")";
}

namespace {

// "L2 64 B, L1 24 B": every level's name and capacity, outermost first.
std::string level_capacities_text(const MemoryLevels& machine) {
  std::string levels;
  for (const MemoryLevel& l : machine.levels)
    levels += (levels.empty() ? "" : ", ") + l.name + " " +
              (l.capacity_bytes ? std::to_string(*l.capacity_bytes) + " B" : "unbounded");
  return levels;
}

}  // namespace

std::string level_network_infeasible_message(const MemoryLevels& machine,
                                             const LevelSearchSpace& space,
                                             const std::string& layers) {
  if (space.restricted())
    return "no schedule of the restricted search space fits every level (" +
           level_capacities_text(machine) + ") for layer(s) " + layers +
           "; widen the space (fewer restrictions) or give larger --buffer capacities";
  SPAD_CHECK(!machine.levels.empty(), "level_network_infeasible_message: no level");
  const MemoryLevel& inner = machine.levels.back();
  return "no schedule fits the innermost level (" + inner.name + ", " +
         (inner.capacity_bytes ? std::to_string(*inner.capacity_bytes) + " B" : "unbounded") +
         ") for layer(s) " + layers +
         ": it must hold a buffer of each of I, W and O; give a larger innermost --buffer "
         "capacity";
}

std::string level_infeasible_message(const Layer& layer, const MemoryLevels& machine,
                                     const LevelSearchSpace& space) {
  if (!space.restricted()) return level_infeasible_message(layer, machine);
  const std::string levels = level_capacities_text(machine);
  return "layer " + layer.display_name() +
         ": no schedule of the restricted search space fits every level (" + levels +
         "): its fixed loop orders, fixed buffer spans or uniform spans leave no schedule whose "
         "buffers fit; widen the space (fewer restrictions) or give larger capacities";
}

}  // namespace spad
