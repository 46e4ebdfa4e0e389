// A schedule: how one layer runs on one buffer level (off-chip <-> scratchpad).
//
//   tiles  t_d for the 8 dims (1 <= t_d <= D_d); trip count T_d = ceil(D_d / t_d),
//          the last tile may be partial.
//   order  the 8 tile loops, innermost first. Printed outermost first, e.g.
//          order = [s r q p c m g n] with spans I=4 W=5 O=2:
//
//            for n   (T_n)
//             for g  (T_g)
//              for m (T_m)
//               ---- W buffer filled here: holds W for the 5 innermost loops
//               for c (T_c)
//                ---- I buffer filled here
//                for p (T_p)
//                 for q (T_q)
//                  ---- O buffer filled here
//                  for r (T_r)
//                   for s (T_s)
//                     compute one tile  (t_n x t_g x ... x t_s MACs)
//
//   buffer_span k_A in 0..8 per array A in {I, W, O}: A's buffer holds every
//          element of A touched while the k_A innermost tile loops run through
//          their whole range.
//
// A plain value: it knows nothing of costs or of search. validate() checks it
// against a layer.
#pragma once

#include <array>

#include "base/checked.hpp"
#include "base/dims.hpp"

namespace spad {

class Layer;

struct Schedule {
  PerDim<Count> tiles;
  std::array<Dim, kNumDims> order = kAllDims;  // innermost first
  PerTensor<int> buffer_span;
  friend bool operator==(const Schedule&, const Schedule&) = default;
};

// Throws UserError naming the field and value when `s` is not a schedule of
// `layer`: order not a permutation of the 8 dims, a tile outside 1..D_d, a
// span outside 0..8.
void validate(const Schedule& s, const Layer& layer);

// Position of d in the order: 0 = innermost, 7 = outermost.
int loop_position(const Schedule& s, Dim d);

// Trip counts T_d = ceil(D_d / t_d).
PerDim<Count> trip_counts(const Schedule& s, const Layer& layer);

}  // namespace spad
