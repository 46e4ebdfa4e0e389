// The floor no schedule can beat, for one layer and a scratchpad of B bytes:
// the compulsory traffic, and the red-blue pebble game bound for convolution
// (Hong & Kung 1981; Chen, Han, Wang, HPCA 2020),
//
//     Q  >=  2 * M / sqrt(R_max * S)   elements,
//
// M = the MACs whose input is not padding, R_max = the most output windows any
// single input element feeds (<= R*S; stride, dilation and padding
// included), S = the scratchpad in elements. The derivation, its assumptions
// and its looseness are in docs/lower-bound.md.
#pragma once

#include "base/checked.hpp"
#include "workload/layer.hpp"
#include "workload/precision.hpp"

namespace spad {

struct LowerBound {
  Count compulsory_bytes = 0;  // compulsory_bytes(layer, precision) of model/evaluate
  Count pebble_bytes = 0;      // the pebble bound, converted to bytes conservatively
  Count bound_bytes = 0;       // max of the two
  friend bool operator==(const LowerBound&, const LowerBound&) = default;
};

// Per spatial axis (height pairs output rows p with kernel rows r, width q
// with s): the largest number of (output, kernel) pairs that read one input
// position. R_max = height x width.
Count max_input_reuse(const Layer& layer);

// MACs N * M * (C/G) * #(p,r) * #(q,s) counted over the (output, kernel)
// pairs whose input position is in bounds (a MAC on padding needs no data).
Count effective_macs(const Layer& layer);

// floor(2 * effective_macs / sqrt(max_input_reuse * fast_elems)), computed in
// integers (so it is never above the real value); 0 when no MAC reads data.
// fast_elems >= 1: the most elements the fast memory holds at once.
Count pebble_elems(const Layer& layer, Count fast_elems);

// The bound at a scratchpad of capacity_bytes (> 0; UserError otherwise).
// Conservative conversions with e = the smallest of the four element sizes:
// S = max(1, floor(capacity_bytes / e)) elements, and e bytes per element moved.
LowerBound lower_bound(const Layer& layer, const Precision& precision, Count capacity_bytes);

}  // namespace spad
