// 128-bit intermediates of the accelerator cost formulas (model/accel_cost,
// model/level_accel_cost) and their way back to Count. Energies of absurd
// layers and machines can exceed int64 (9.2e18 fJ = 9.2 kJ): that is
// reported (UserError) or, for the search, saturated (still
// non-decreasing), never wrapped. Internal to model/.
#pragma once

#include <limits>
#include <string>

#include "base/checked.hpp"
#include "base/error.hpp"
#include "model/accel_cost.hpp"

namespace spad::wide {

__extension__ typedef __int128 Wide;

inline constexpr Wide kMaxCount = std::numeric_limits<Count>::max();

// Non-negative wide values back to Count under `policy`.
class Narrow {
 public:
  explicit Narrow(OnOverflow policy) : policy_(policy) {}
  Count operator()(Wide v, const char* what) {
    if (v <= kMaxCount) return static_cast<Count>(v);
    if (policy_ == OnOverflow::reject)
      throw UserError(std::string(what) + " exceeds the 64-bit range of spad's counts");
    saturated_ = true;
    return static_cast<Count>(kMaxCount);
  }
  bool saturated() const { return saturated_; }

 private:
  OnOverflow policy_;
  bool saturated_ = false;
};

// Cycles to move `bytes` at `bits` per cycle: ceil(8 bytes / bits).
inline Wide data_cycles(Count bytes, Count bits) { return (Wide{bytes} * 8 + bits - 1) / bits; }

}  // namespace spad::wide
