// Several on-chip levels (public API; part of <spad/spad.hpp>): what a
// schedule of off-chip -> level 1 (e.g. "L2") -> ... -> level L ("L1") ->
// datapath costs at every boundary (DESIGN.md, "Several on-chip levels").
// Every list below is outermost first: index 0 is level 1, next to off-chip.
//
// VALUES
//   LevelSchedule  levels: one LevelLoops per level (name: a label, may be
//                  empty; tiles, order (innermost first) and buffer_span as a
//                  Schedule's, except buffer_span[A] = nullopt: A bypasses
//                  this level, allowed at every level but the innermost).
//                  Level l's loops step over its tiles inside the current
//                  level-(l-1) tile (the last may be partial). 1..kMaxLevels
//                  (4) levels. validate(schedule, layer): UserError naming the
//                  level, field and value. as_levels(Schedule) /
//                  as_one_level(LevelSchedule) convert the one-level case.
//   MemoryLevels   precision, halo_reuse, double_buffer (at every level) and
//                  levels: MemoryLevel {name, capacity_bytes (bytes; nullopt
//                  = unbounded)}. validate(machine): UserError for a bad
//                  precision, no level, too many, a capacity < 1.
//   LevelTraffic   levels: one LevelCost per level: name, arrays[I|W|O]
//                  (ArrayTraffic: the level's own buffer of A -- buffer_elems,
//                  buffer_bytes, fills; 0 when A bypasses it -- and the
//                  elements of A crossing the boundary above the level:
//                  reads, writes, final_writes, read_bytes, write_bytes),
//                  traffic_bytes (bytes across that boundary; levels[0]'s is
//                  the off-chip traffic), buffer_bytes, compulsory_bytes, fits.
//                  total_fills(), total_buffer_bytes(), fits() (every level).
//
// QUESTIONS (each validates schedule and machine against the layer first;
// UserError when their level counts differ, naming both)
//   evaluate_levels(layer, schedule, machine) -> LevelTraffic   the level model
//                  (formulas); a one-level schedule gives evaluate()'s counts.
//   simulate_levels(layer, schedule, machine) -> LevelTraffic   the level
//                  simulator (replays the flat nest); equal to the model on
//                  every field. UserError beyond 2^28 replayed iterations.
//   execute_levels(layer, schedule, machine, seed) -> LevelExecution
//                  the convolution on integers through every level's buffers:
//                  output, reference, per level and array the counts
//                  (LevelExecArrayCounts). UserError for layers too large to
//                  run (sim/level_executor.hpp's limits).
//   level_lower_bounds(layer, machine) -> one LowerBound per boundary.
//
// SEARCH (`spad optimize --layer L --buffer OUTER,INNER[,...] --json`)
//   optimize_levels(layer, machine, LevelSearchOptions{threads}) ->
//                  LevelSearchResult: best (optional LevelCandidate: a
//                  LevelSchedule and its LevelTraffic by the level model;
//                  empty when nothing fits, i.e. the innermost level cannot
//                  hold one element of each of I, W and O) and stats
//                  (evaluations, leaves, nodes_cut, orders_joined). Objective, exact over
//                  every level's tiles x order x spans and bypasses:
//                  lexicographic from the outside in -- bytes across boundary
//                  1 (off-chip), then boundary 2, ..., then DMA fills summed
//                  over all levels and arrays, then buffer bytes summed over
//                  all levels, then a total order on the canonical schedule
//                  (search/level_search.hpp states it), so the answer is the
//                  same for any `threads` (0 = all hardware threads). Every
//                  level of `machine` must have a capacity (bytes; UserError
//                  naming the level). With one level it is optimize()'s
//                  answer (any layer size); from two levels the search
//                  visits at most options.max_search_size
//                  (kMaxLevelSearchSize) tile x order choices: level 1's
//                  are counted before it runs, and the rest below the
//                  level-1 choices its bounds cannot cut as it goes
//                  (search/level_search.cpp, "Size"); beyond it, a UserError
//                  naming the layer and the counts, the same for any thread
//                  count.
//                  LevelSearchOptions::objective (LevelObjective {objective,
//                  accel}: an Objective and a LevelAccelerator of two or more
//                  levels whose memory is `machine`; `spad accel --layer L
//                  --machine M.yaml`) makes the key latency, energy, then the
//                  traffic key above (latency), energy, latency, then it
//                  (energy), or the traffic key then latency (traffic), each
//                  computed by level_accel_cost; UserError for latency or
//                  energy without an accelerator, or one of one level.
//   level_optimize_document(layer, machine, result, threads, seconds, space)
//                  the document the command prints (the Result JSON with levels
//                  plus "search": objective, space, evaluations, leaves, nodes_cut,
//                  orders_joined, threads, seconds); level_infeasible_message(layer,
//                  machine): the command's message when best is empty.
//   optimize_network_levels(net, selection, machine, threads, progress = {},
//                  space = {})
//                  -> NetworkLevelResult (`spad optimize --model M --buffer
//                  OUTER,INNER --json`): the level search on each distinct
//                  layer shape once; a layer where nothing fits has an empty
//                  search.best (not an error); the first layer beyond the
//                  search throws its UserError. network_level_result_to_json
//                  writes the command's document; network_level_traffic(r):
//                  bytes per boundary summed over the layers that fit.
//   optimize_network_levels(net, selection, accel, objective, threads,
//                  progress = {}) the same on a LevelAccelerator for an
//                  Objective (`spad accel --model M --machine M.yaml`), each
//                  layer on layer_accelerator(accel, layer);
//                  network_level_accel_costs(result, accel): each layer's
//                  LevelAccelCost (nullopt where nothing fits);
//                  network_level_accel_to_json writes the command's document.
//
// READERS AND WRITERS (the CLI's, so messages and documents are its own)
//   load_level_schedule_arg(arg)   a file or JSON text: {"levels": [...]}, the
//                  one-level form, or a result document holding either.
//   level_schedule_to_json(s)      the "levels" form (one level: the one-level
//                  form).
//   parse_buffer_levels(text, what)   "512KiB,64KiB": one capacity per level.
//   memory_levels_for(names, capacities, buffer_text, precision, halo_reuse,
//                  double_buffer)   the machine `--buffer OUTER,INNER` gives
//                  for a schedule with these level names ("" = the default
//                  name, L2, L1, ...); capacities empty = unbounded; UserError
//                  "--buffer TEXT gives N capacities but the schedule has M
//                  levels ..." when the counts differ.
//   level_result_document(layer, schedule, machine, traffic)   the document
//                  `spad evaluate|simulate --schedule S --buffer A,B --json`
//                  prints (spad-result/1 with "levels").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/json/level_optimize_document.hpp"
#include "io/json/level_result_json.hpp"
#include "io/json/level_schedule_json.hpp"
#include "io/json/network_level_accel_json.hpp"
#include "io/json/network_level_result_json.hpp"
#include "io/text/buffer_levels.hpp"
#include "model/level_evaluate.hpp"
#include "model/level_traffic.hpp"
#include "model/memory_levels.hpp"
#include "schedule/level_schedule.hpp"
#include "search/level_search.hpp"
#include "search/level_search_size.hpp"
#include "sim/level_executor.hpp"
#include "sim/level_simulator.hpp"
#include "spad/values.hpp"
#include "study/optimize_network_levels.hpp"

namespace spad {

// Compile-checked restatements of the functions documented above.
void validate(const LevelSchedule& s, const Layer& layer);
void validate(const MemoryLevels& machine);
LevelSchedule as_levels(const Schedule& s);
std::optional<Schedule> as_one_level(const LevelSchedule& s);

LevelTraffic evaluate_levels(const Layer& layer, const LevelSchedule& schedule,
                             const MemoryLevels& machine);
LevelTraffic simulate_levels(const Layer& layer, const LevelSchedule& schedule,
                             const MemoryLevels& machine);
LevelExecution execute_levels(const Layer& layer, const LevelSchedule& schedule,
                              const MemoryLevels& machine, std::uint64_t seed);
std::vector<LowerBound> level_lower_bounds(const Layer& layer, const MemoryLevels& machine);

LevelSearchResult optimize_levels(const Layer& layer, const MemoryLevels& machine,
                                  const LevelSearchOptions& options);
Count level_search_size(const Layer& layer, std::size_t levels, const LevelSearchSpace& space);
nlohmann::ordered_json level_optimize_document(const Layer& layer, const MemoryLevels& machine,
                                               const LevelSearchResult& result, int threads,
                                               double seconds, const LevelSearchSpace& space);
std::string level_infeasible_message(const Layer& layer, const MemoryLevels& machine);
NetworkLevelResult optimize_network_levels(const Network& net,
                                           const std::vector<std::size_t>& selection,
                                           const MemoryLevels& machine, int threads,
                                           const StudyProgress& progress,
                                           const LevelSearchSpace& space);
nlohmann::ordered_json network_level_result_to_json(const NetworkLevelResult& result);
NetworkLevelResult optimize_network_levels(const Network& net,
                                           const std::vector<std::size_t>& selection,
                                           const LevelAccelerator& accel, Objective objective,
                                           int threads, const StudyProgress& progress);
std::vector<std::optional<LevelAccelCost>> network_level_accel_costs(
    const NetworkLevelResult& result, const LevelAccelerator& accel);
nlohmann::ordered_json network_level_accel_to_json(
    const NetworkLevelResult& result, const LevelAccelerator& accel, Objective objective,
    const std::vector<std::optional<LevelAccelCost>>& costs);
std::vector<Count> network_level_traffic(const NetworkLevelResult& result);

LevelSchedule load_level_schedule_arg(const std::string& arg);
nlohmann::ordered_json level_schedule_to_json(const LevelSchedule& s);
std::vector<Count> parse_buffer_levels(std::string_view text, std::string_view what);
MemoryLevels memory_levels_for(const std::vector<std::string>& names,
                               const std::vector<Count>& capacities, std::string_view buffer_text,
                               const Precision& precision, bool halo_reuse, bool double_buffer);
nlohmann::ordered_json level_result_document(const Layer& layer, const LevelSchedule& s,
                                             const MemoryLevels& m, const LevelTraffic& t);

}  // namespace spad
