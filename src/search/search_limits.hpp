// The largest layer the exact search takes on. Every tile size of an output
// row or column loop is a candidate (the halo makes each one different), so
// the search's time grows with the output extents P and Q; beyond
// kMaxSearchOutputExtent a layer is refused up front, naming the extent,
// instead of running for hours (docs/resource-contract.md).
#pragma once

#include "workload/layer.hpp"

namespace spad {

// About 10 s for one layer on one core at the limit (P = Q = 65536, C = M = 64).
inline constexpr Count kMaxSearchOutputExtent = Count{1} << 16;

// UserError naming the first output extent above the limit.
void check_search_limits(const Layer& layer);

}  // namespace spad
