// Compulsory traffic as the simulators count it: every input element some
// output uses (in bounds), every weight and every output once, at their
// precisions (DESIGN.md, "compulsory"). Found by enumerating the footprint of
// a buffer that holds the whole layer; shared by the one-level and the
// several-level simulator (the same at every boundary).
#pragma once

#include "base/checked.hpp"
#include "workload/layer.hpp"
#include "workload/precision.hpp"

namespace spad::sim {

Count compulsory_bytes(const Layer& layer, const Precision& precision);

}  // namespace spad::sim
