// What `spad accel --machine A --machine B [...]` prints for people: the
// layers with each machine's latency, energy and traffic side by side (and
// each machine's latency against the first, the reference), the machine
// with the least objective per layer; then one totals row per machine
// (latency, frames/s, energy per frame, traffic, against the reference) and
// each machine's description. Every number is the one the machine's own
// `spad accel` report prints; each machine's objective is printed.
//
//   layer  shape  hwc-like latency  hwc-like uJ  hwc-like traffic B  edge-npu latency  x hwc-like
//   ...  best conv1  ...          1.234 ms       12.345           1,234,567          456.7 us 0.37x
//   edge-npu
#pragma once

#include <cstddef>
#include <string>

#include "study/accel_comparison.hpp"

namespace spad {

// `width` (0: unlimited): tables wider than that are folded and long lines
// wrapped (report/text_table), nothing is cut.
std::string format_accel_side_by_side(const AccelComparison& comparison, std::size_t width = 0);

}  // namespace spad
