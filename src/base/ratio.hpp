// An exact positive rational num / den, for thresholds people write as
// decimals ("1.2" = 12 / 10), so comparisons with byte counts stay exact.
#pragma once

#include "base/checked.hpp"

namespace spad {

struct Ratio {
  Count num = 1, den = 1;
  friend bool operator==(const Ratio&, const Ratio&) = default;
};

}  // namespace spad
