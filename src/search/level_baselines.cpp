// The baselines over several levels: their spaces and optima.
#include "search/level_baselines.hpp"

#include "base/error.hpp"

namespace spad {

std::optional<std::string> level_baseline_not_applicable(Baseline baseline) {
  if (hwce_maps_per_pass(baseline) > 0)
    return "the HWCE-like engine is one concrete one-level schedule (a line buffer streaming "
           "one input channel through one scratchpad); it has no several-level form";
  return std::nullopt;
}

LevelSearchSpace level_baseline_space(Baseline baseline, std::size_t levels) {
  if (const std::optional<std::string> why = level_baseline_not_applicable(baseline))
    throw InternalError("level_baseline_space: " + std::string(baseline_name(baseline)) + ": " +
                        *why);
  LevelSearchSpace space;
  if (baseline == Baseline::working_set) {
    space.uniform_spans = true;
    return space;
  }
  const SearchSpace one = dataflow_space(baseline);
  PerTensor<std::optional<int>> spans;
  for (Tensor a : kAllTensors) spans[a] = (*one.fixed_spans)[a];
  space.fixed_orders.emplace(levels, *one.fixed_order);
  space.fixed_spans.emplace(levels, spans);
  return space;
}

LevelSearchResult level_baseline_optimum(const Layer& layer, const MemoryLevels& machine,
                                         Baseline baseline, LevelSearchOptions options) {
  options.space = level_baseline_space(baseline, machine.levels.size());
  return optimize_levels(layer, machine, options);
}

}  // namespace spad
