// The largest layer the exact search takes on. Every tile size of an output
// row or column loop is a candidate (the halo makes each one different), so
// the search's time grows with the output extents P and Q; beyond
// kMaxSearchOutputExtent a layer is refused up front, naming the extent,
// instead of running for hours (docs/resource-contract.md). Every pair of an
// output-loop tile and a kernel-loop tile (p with r, q with s) has its own
// input footprint, so time and memory also grow with P x R and Q x S: beyond
// kMaxSearchAxisPairs on either axis the layer is refused as well (a 1-D layer
// with a 4096-tap kernel and P = 4096 took 2 minutes and 2 GB): the search's
// model keeps a table of every pair (model/evaluator, the same limit) and
// without it every model call would walk the tiles.
#pragma once

#include "workload/layer.hpp"

namespace spad {

// About 10 s for one layer on one core at the limit (P = Q = 65536, C = M = 64).
inline constexpr Count kMaxSearchOutputExtent = Count{1} << 16;

// At the limit, on one core of the loaded 2-core CI machine: 1-D R = 4096,
// P = 64 in 2.5 s and 100 MB; 2-D R = S = 1024, P = Q = 256 in 5.4 s and
// 104 MB (compare: 25 s); 3x3 and 4x4 kernels keep P, Q up to 65536.
inline constexpr Count kMaxSearchAxisPairs = Count{1} << 18;

// UserError naming the first output extent, or output x kernel product,
// above its limit.
void check_search_limits(const Layer& layer);

}  // namespace spad
