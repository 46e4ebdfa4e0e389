// Footprints by enumeration. The I footprint is a Cartesian product: the
// batch index comes from n alone, the channel from (g, c), the input row from
// (p, r) and the column from (q, s), so each coordinate's set is enumerated
// over its own loops and the product is taken. W and O coordinates are loop
// indices themselves (each element once).
#include "sim/exec_footprint.hpp"

#include <algorithm>

namespace spad {
namespace {

// Every value out*stride + k*dilation - pad for out in [out_lo, out_hi),
// k in [k_lo, k_hi) that lies in [0, extent), ascending and distinct.
// The marks span only the values the tile can reach (time and memory grow
// with the tile, not with the extent: a scan of the whole extent per tile
// made --execute quadratic in H and W).
std::vector<Count> touched_coords(Count out_lo, Count out_hi, Count k_lo, Count k_hi, Count stride,
                                  Count dilation, Count pad, Count extent) {
  if (out_lo >= out_hi || k_lo >= k_hi) return {};
  const Count first = std::max<Count>(0, out_lo * stride + k_lo * dilation - pad);
  const Count last = std::min(extent - 1, (out_hi - 1) * stride + (k_hi - 1) * dilation - pad);
  if (first > last) return {};
  std::vector<char> hit(static_cast<std::size_t>(last - first + 1), 0);
  for (Count o = out_lo; o < out_hi; ++o)
    for (Count k = k_lo; k < k_hi; ++k) {
      const Count x = o * stride + k * dilation - pad;
      if (x >= first && x <= last) hit[static_cast<std::size_t>(x - first)] = 1;
    }
  std::vector<Count> coords;
  for (Count x = first; x <= last; ++x)
    if (hit[static_cast<std::size_t>(x - first)] != 0) coords.push_back(x);
  return coords;
}

}  // namespace

std::vector<Count> footprint(const Layer& layer, Tensor array, const LoopBox& b) {
  const LayerSpec& s = layer.spec();
  const Count G = s.groups, Mg = s.M / G, Cg = s.C / G;
  const Count P = layer.P(), Q = layer.Q();
  std::vector<Count> out;
  switch (array) {
    case Tensor::I: {
      const std::vector<Count> rows =
          touched_coords(b.lo[Dim::p], b.hi[Dim::p], b.lo[Dim::r], b.hi[Dim::r], s.stride_h,
                         s.dilation_h, s.pad_top, s.H);
      const std::vector<Count> cols =
          touched_coords(b.lo[Dim::q], b.hi[Dim::q], b.lo[Dim::s], b.hi[Dim::s], s.stride_w,
                         s.dilation_w, s.pad_left, s.W);
      for (Count n = b.lo[Dim::n]; n < b.hi[Dim::n]; ++n)
        for (Count g = b.lo[Dim::g]; g < b.hi[Dim::g]; ++g)
          for (Count c = b.lo[Dim::c]; c < b.hi[Dim::c]; ++c)
            for (Count h : rows)
              for (Count w : cols) out.push_back(((n * s.C + g * Cg + c) * s.H + h) * s.W + w);
      break;
    }
    case Tensor::W:
      for (Count g = b.lo[Dim::g]; g < b.hi[Dim::g]; ++g)
        for (Count m = b.lo[Dim::m]; m < b.hi[Dim::m]; ++m)
          for (Count c = b.lo[Dim::c]; c < b.hi[Dim::c]; ++c)
            for (Count r = b.lo[Dim::r]; r < b.hi[Dim::r]; ++r)
              for (Count sc = b.lo[Dim::s]; sc < b.hi[Dim::s]; ++sc)
                out.push_back((((g * Mg + m) * Cg + c) * s.R + r) * s.S + sc);
      break;
    case Tensor::O:
      for (Count n = b.lo[Dim::n]; n < b.hi[Dim::n]; ++n)
        for (Count g = b.lo[Dim::g]; g < b.hi[Dim::g]; ++g)
          for (Count m = b.lo[Dim::m]; m < b.hi[Dim::m]; ++m)
            for (Count p = b.lo[Dim::p]; p < b.hi[Dim::p]; ++p)
              for (Count q = b.lo[Dim::q]; q < b.hi[Dim::q]; ++q)
                out.push_back(((n * s.M + g * Mg + m) * P + p) * Q + q);
      break;
  }
  return out;
}

}  // namespace spad
