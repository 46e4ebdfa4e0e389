// The CSV of `spad compare --csv` (the twin of report/compare_table): a
// header line, then one line per layer in graph order. No totals line: the
// optimum, compulsory and bound columns sum to the network's totals.
//
// Columns (bytes):
//   index name kind macs fits min_capacity_bytes
//   traffic_bytes buffer_bytes compulsory_bytes      (the optimum)
//   lower_bound_bytes pebble_bound_bytes
//   <b>_traffic_bytes <b>_buffer_bytes               for each baseline b, in the order
//       weight_stationary output_stationary input_stationary hwce_v1 hwce_v2 hwce_v4
//       working_set; both empty where b does not fit
//   working_set_capacity_bytes
// A layer whose optimum does not fit has fits = false and empty optimum,
// baseline and capacity cells. A name is quoted (RFC 4180) only if it holds a
// comma, a quote or a line break.
#pragma once

#include <string>

#include "study/compare_result.hpp"

namespace spad {

std::string compare_result_to_csv(const CompareResult& result);

}  // namespace spad
