// Which buffers of one level are the same buffer: for every order of a
// level's live loops and every span, a signature per array such that equal
// signatures mean equal records (buffer bytes, fills, bytes moved, DMA
// transfers) for every tile vector of the level and every group of the outer
// levels. The level search (search/level_search) costs each signature once
// per tile vector instead of once per order and span, at every level.
//
// A level's buffers do not depend on the deeper levels (a level-l buffer
// spans every deeper loop), and the outer levels' loops are all outside it,
// fixed by the path. So A's level-l buffer spanning the first k live loops
// of level l is a function of:
//   - the A-indexing loops among the k spanned ones (they take the enclosing
//     tile's whole extent; the other A-indexing loops, their own tile;
//     loops that do not index A do not change what it holds);
//   - the sequence of A-index tuples the loops outside it step through (a
//     fill per change, DESIGN.md), which is unchanged by
//       * dropping the loops that do not index A between the span and the
//         first A-indexing loop outside it (their steps change no A index);
//       * swapping two adjacent outside loops that both do not index A (the
//         inner sequence runs T x T' times either way; the trip counts of one
//         level's loops depend only on the enclosing tile, not on each
//         other), or that both index A when neither can make a halo fill (the
//         same positions are visited, one fill each, in another order: the
//         same fills, loads, first holds of O, write-backs and final writes;
//         a halo fill needs p, q, r or s stepping alone as I's innermost
//         moving loop outside, so with halo reuse those four never swap with
//         another loop indexing I).
//     Each holds in every enclosing tile, partial ones included (a loop of
//     one trip there steps never, in either order).
// The signature is the spanned A-indexing set and the outside sequence with
// both rules applied (each maximal run of swappable loops sorted): orders
// with equal signatures are joined by such steps, so their buffers are equal.
// Loops of one trip in every enclosing tile (no-ops) are not live: the search
// places them innermost and never spans only them (level_search.hpp). A
// fixed order (level_search_space) is taken literally: its table
// (fixed_order_table) has all 8 loops live (the argument above does not
// need a loop to step).
//
// What the deeper levels see. Every loop of level l is outside every buffer
// of the levels deeper than l, so the swap rule above holds for those
// buffers too (the drop rule does not: a deeper level's own loops may stand
// between): two orders of level l whose live loops have, for array A, the
// same sequence once each maximal run of swappable loops is sorted (A's
// "deeper signature") give every deeper buffer of A the same records, for
// every group of the deeper levels.
// Tested against the level simulator in tests/search/order_signature_table_test.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "base/dims.hpp"

namespace spad {

// The live loops of a level, as a bit set over Dim.
using LiveDims = std::uint8_t;

struct OrderSignatureTable {
  // Every order of the live loops (innermost first), in std::next_permutation
  // order from n g m c p q r s order.
  std::vector<std::array<Dim, kNumDims>> orders;
  std::size_t live = 0;  // live loops per order (the first `live` entries)
  // signature[i][A][j]: A's buffer spanning the first j loops of orders[i]
  // (j = 0..live), numbered 0..signatures[A]-1 per array.
  std::vector<PerTensor<std::array<std::uint32_t, kNumDims + 1>>> signature;
  PerTensor<std::uint32_t> signatures{};
  // deeper[i][A]: A's deeper signature of orders[i], numbered per array.
  std::vector<PerTensor<std::uint32_t>> deeper;
};

// Thread-safe; built once per (live, halo_reuse) and kept.
const OrderSignatureTable& order_signature_table(LiveDims live, bool halo_reuse);

// The table of one order taken as given (a fixed order, level_search_space):
// all 8 loops live.
OrderSignatureTable fixed_order_table(const std::array<Dim, kNumDims>& order, bool halo_reuse);

// The signature above of A's buffer spanning the first `spanned` loops of
// `order` (live loops only, innermost first), as a number: equal iff equal.
std::uint64_t buffer_signature(Tensor a, const Dim* order, std::size_t live, std::size_t spanned,
                               bool halo_reuse);

// A's deeper signature of `order` (live loops only, innermost first), as a
// number: equal iff equal.
std::uint64_t deeper_signature(Tensor a, const Dim* order, std::size_t live, bool halo_reuse);

}  // namespace spad
