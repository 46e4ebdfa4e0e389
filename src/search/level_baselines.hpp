// Baselines over several on-chip levels (DESIGN.md, "Several on-chip
// levels"; docs/dataflows.md), each the exact optimum of the level search
// (search/level_search) over a restricted space (search/level_search_space),
// costed by the same level model:
//
//   weight_stationary,   the one-level dataflow's loop order and spans
//   output_stationary,   (search/baselines: dataflow_space) at EVERY level,
//   input_stationary     nothing bypassed; every level's tiles searched
//   working_set          uniform spans: at every level I, W and O share one
//                        span (Timeloop-style: every array at every level
//                        boundary); orders and tiles free
//
// The HWCE-like engine (hwce_v1/v2/v4) is one concrete one-level schedule (a
// line buffer streaming one input channel through one scratchpad): it has no
// several-level form and is reported as not applicable, with
// level_baseline_not_applicable's reason.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "search/baselines.hpp"
#include "search/level_search.hpp"

namespace spad {

// The baselines with a several-level form, in kAllBaselines order.
inline constexpr std::array<Baseline, 4> kLevelBaselines = {
    Baseline::weight_stationary, Baseline::output_stationary, Baseline::input_stationary,
    Baseline::working_set};

// The reason a baseline has no several-level form; nullopt when it has one.
std::optional<std::string> level_baseline_not_applicable(Baseline baseline);

// The space of an applicable baseline over `levels` levels; InternalError
// for one that is not applicable.
LevelSearchSpace level_baseline_space(Baseline baseline, std::size_t levels);

// The baseline's optimum (optimize_levels over its space; options.space is
// replaced). InternalError for a baseline that is not applicable; the level
// search's UserErrors (a layer beyond it) pass through.
LevelSearchResult level_baseline_optimum(const Layer& layer, const MemoryLevels& machine,
                                         Baseline baseline, LevelSearchOptions options = {});

}  // namespace spad
