// What `spad compare` prints for people: one row per layer in graph order,
// a totals row, then a legend naming the machine each column was costed on.
//
//   layer    optimum B  bound B  opt/bound  WS     OS     IS     HWCE1  HWCE2  HWCE4  wset   opt
//   buf B  wset needs B  /capacity conv1    1,234,567
//   987,654  1.25x      1.10x  1.43x  2.01x  9.87x  5.12x  —      1.00x  65,280 131,072       2.00x
//   ...
//   totals   ...
//
// Columns: the optimum's traffic, the lower bound (max of compulsory and the
// pebble bound), their ratio; each baseline's traffic as a multiple of the
// optimum's ("—" where it does not fit); the optimum's buffer bytes (the
// storage per-array buffers need for that traffic); the smallest capacity at
// which the working-set model reaches the same traffic, and its ratio to the
// capacity given. Totals sum over the layers that fit (a baseline's over the
// layers where it fits too); the capacity columns show the largest layer's.
#pragma once

#include <string>

#include "study/compare_result.hpp"

namespace spad {

// `width` (0: unlimited): tables wider than that are folded and long lines
// wrapped (report/text_table), nothing is cut.
std::string format_compare_table(const CompareResult& result, std::size_t width = 0);

}  // namespace spad
