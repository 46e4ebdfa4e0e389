// The CSV of `spad accel --machine A --machine B [...] --csv`: one line per
// machine and layer, machines in the order given, layers in graph order. The
// first column is `machine` (the machine file's name); the others are exactly
// the columns of the one-machine CSV (io/csv/accel_result_csv), and each line
// after the machine cell is the line that `spad accel --machine THAT --csv`
// prints for the layer (a "long" table: pivot on `machine` to set the
// machines side by side).
#pragma once

#include <string>

#include "study/accel_comparison.hpp"

namespace spad {

std::string accel_comparison_to_csv(const AccelComparison& comparison);

}  // namespace spad
