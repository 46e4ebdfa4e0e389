// The level search's document and its no-fit message (see level_optimize_document.hpp).
#include "io/json/level_optimize_document.hpp"

#include <algorithm>

#include "base/error.hpp"
#include "base/thread_launcher.hpp"
#include "io/json/level_result_json.hpp"
#include "io/json/search_json.hpp"
#include "search/level_min_capacity.hpp"

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

namespace {

std::string bytes_text(Count bytes) { return std::to_string(bytes) + " B"; }

// "L2 64 B, L1 24 B": every level's name and capacity, outermost first.
std::string level_capacities_text(const MemoryLevels& machine) {
  std::string levels;
  for (const MemoryLevel& l : machine.levels)
    levels += (levels.empty() ? "" : ", ") + l.name + " " +
              (l.capacity_bytes ? bytes_text(*l.capacity_bytes) : "unbounded");
  return levels;
}

// "L2 72 B, L1 24 B": a size per level, named by the machine's levels.
std::string per_level_text(const MemoryLevels& machine, const std::vector<Count>& bytes) {
  SPAD_CHECK(bytes.size() == machine.levels.size(), "per_level_text: not one size per level");
  std::string out;
  for (std::size_t l = 0; l < bytes.size(); ++l)
    out += (out.empty() ? "" : ", ") + machine.levels[l].name + " " + bytes_text(bytes[l]);
  return out;
}

}  // namespace

std::string level_infeasible_message(const Layer& layer, const MemoryLevels& machine) {
  return level_infeasible_message(layer, machine, LevelSearchSpace{});
}

std::string level_infeasible_message(const Layer& layer, const MemoryLevels& machine,
                                     const LevelSearchSpace& space) {
  SPAD_CHECK(!machine.levels.empty() && machine.levels.back().capacity_bytes,
             "level_infeasible_message: the innermost level has no capacity");
  const std::vector<Count> needs = smallest_level_capacities(layer, machine, space);
  if (!space.restricted()) {
    // The whole space: the outer levels may be bypassed, the innermost holds
    // one element of each array at least (search/level_min_capacity).
    return "layer " + layer.display_name() + ": no schedule fits: the innermost level (" +
           machine.levels.back().name + ", " + bytes_text(*machine.levels.back().capacity_bytes) +
           ") must hold a buffer of each of I, W and O, at least " + bytes_text(needs.back()) +
           " (one element each" + (machine.double_buffer ? ", double-buffered" : "") + ")";
  }
  return "layer " + layer.display_name() +
         ": no schedule of the restricted search space fits every level (" +
         level_capacities_text(machine) +
         "): its fixed loop orders, fixed buffer spans or uniform spans leave no schedule whose "
         "buffers fit: the smallest take " +
         per_level_text(machine, needs) +
         " (every tile 1); widen the space (fewer restrictions) or give capacities of at least "
         "those";
}

std::string level_network_infeasible_message(const NetworkLevelResult& result,
                                             const std::string& machine_label,
                                             const std::string& machine_file) {
  const MemoryLevels& machine = result.machine;
  SPAD_CHECK(!machine.levels.empty(), "level_network_infeasible_message: no level");
  // The layers nothing fits, and what each needs.
  std::string names, each;
  std::vector<Count> most(machine.levels.size(), 0);
  bool differ = false;
  const std::vector<Count>* first = nullptr;
  for (const NetworkLevelLayerResult& r : result.layers) {
    if (r.search.best) continue;
    const std::vector<Count>& needs = r.min_capacities_bytes;
    SPAD_CHECK(needs.size() == machine.levels.size(),
               "level_network_infeasible_message: a layer without its smallest capacities");
    names += (names.empty() ? "" : ", ") + r.layer.spec.name;
    for (std::size_t l = 0; l < needs.size(); ++l) most[l] = std::max(most[l], needs[l]);
    if (first && *first != needs) differ = true;
    if (!first) first = &needs;
    each += (each.empty() ? "" : "; ") + r.layer.spec.name + " " +
            (result.space.restricted() ? per_level_text(machine, needs) : bytes_text(needs.back()));
  }
  SPAD_CHECK(first != nullptr, "level_network_infeasible_message: every layer fits");
  const std::string of = machine_label.empty() ? "" : " of " + machine_label;
  const std::string per_layer = differ ? " (" + each + ")" : "";
  if (result.space.restricted())
    return "no schedule of the restricted search space fits every level" + of + " (" +
           level_capacities_text(machine) + ") for layer(s) " + names +
           "; widen the space (fewer restrictions) or give larger " +
           (machine_file.empty() ? "--buffer capacities" : "capacity_bytes in " + machine_file) +
           ": in this space the smallest schedules (every tile 1) take at least " +
           per_level_text(machine, most) + per_layer;
  const MemoryLevel& inner = machine.levels.back();
  return "no schedule fits the innermost level" + of + " (" + inner.name + ", " +
         (inner.capacity_bytes ? bytes_text(*inner.capacity_bytes) : "unbounded") +
         ") for layer(s) " + names +
         ": it must hold a buffer of each of I, W and O, one element each, at least " +
         bytes_text(most.back()) + per_layer + "; " +
         (machine_file.empty()
              ? "give a larger innermost --buffer capacity, at least " + bytes_text(most.back())
              : "give level " + inner.name + " a capacity_bytes of at least " +
                    bytes_text(most.back()) + " in " + machine_file);
}

}  // namespace spad
