// A schedule printed for people: its tile loops as an indented nest,
// outermost first, with a marker line where each buffer is (re)filled. The
// marker of array A stands just outside the k_A innermost loops (k_A = A's
// buffer span), so everything printed below it is covered by the buffer.
// Every loop is shown; loops with one trip (T=1) are no-ops and say so.
//
//   for n in 0..1 step 1                (T=1, no-op)
//     for g in 0..1 step 1              (T=1, no-op)
//       for m in 0..64 step 32          (T=2)
//         ── fill W buffer (18,432 elems: g1 m32 c64 r3 s3)
//         for c in 0..64 step 16        (T=4)
//           ── fill I buffer (50,176 elems: n1 g1 c16 h56 w56)
//           ...
//                   compute tile: n1 g1 m32 c16 p14 q14 r3 s3 (903,168 MACs)
//
// A partial last tile is noted: "(T=4, last tile 11)". A buffer is refilled
// only when the tile it must hold changes; the marker shows where its
// contents are decided, the fills count (with a Traffic) how often.
// A buffer's extents are those of one copy: the whole range of each loop
// inside it, one tile of each loop outside. I is shown as n g c and its input
// window h x w (the largest number of distinct in-bounds rows and columns).
#pragma once

#include <string>

#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

// Markers give each buffer's size in elements (one copy). Validates the
// schedule against the layer (throws UserError).
std::string format_loop_nest(const Layer& layer, const Schedule& schedule);

// Markers give each buffer's bytes and DMA fills as counted in `traffic`
// (bytes include the second copy under double_buffer).
std::string format_loop_nest(const Layer& layer, const Schedule& schedule, const Traffic& traffic);

}  // namespace spad
