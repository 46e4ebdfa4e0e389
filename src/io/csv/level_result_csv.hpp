// The CSV of a study over several on-chip levels: `spad optimize --model M
// --buffer OUTER,INNER --csv` and `spad compare ... --buffer OUTER,INNER
// --csv` (the twins of report/network_level_table and
// report/compare_level_table). A header line, then one line per layer and
// boundary: layers in graph order, boundaries outermost first (boundary 1 is
// off-chip ⇄ level 1). No totals line: every byte column sums over the lines
// of a boundary to that boundary's network total.
//
// Columns:
//   index name kind macs                     the layer (repeated on each of its lines)
//   boundary                                 1..L, outermost first
//   outer_level inner_level                  the names on either side ("off-chip" above level 1)
//   capacity_bytes                           the inner level's capacity
//   fits                                     the layer's optimum fits every level
//   traffic_bytes                            the optimum's bytes across this boundary
//   compulsory_bytes lower_bound_bytes       at this boundary (model/level_evaluate)
//   buffer_bytes fills                       the optimum's at the inner level (every array)
// and, for compare only, per baseline b with a several-level form
// (weight_stationary output_stationary input_stationary working_set):
//   <b>_traffic_bytes <b>_buffer_bytes       its bytes across this boundary and its
//                                            buffer bytes at the inner level; empty where
//                                            b does not fit
// (the HWCE-like baselines have no several-level form: no columns), then
//   min_capacity_bytes                       the smallest capacity of the inner
//                                            level at which the layer has any
//                                            schedule of the space (0: every
//                                            array may bypass it;
//                                            search/level_min_capacity)
// A layer whose optimum does not fit has fits = false and empty optimum and
// baseline cells. Text cells are written by io/csv/csv_cell.
#pragma once

#include <string>

#include "study/compare_network_levels.hpp"
#include "study/optimize_network_levels.hpp"

namespace spad {

std::string network_level_result_to_csv(const NetworkLevelResult& result);
std::string compare_level_result_to_csv(const CompareLevelResult& result);

}  // namespace spad
