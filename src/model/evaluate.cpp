// DESIGN.md's traffic rules, by formula.
//
// For array A, the loops outside its buffer are those at positions >= k_A.
// j*_A is the innermost of them that indexes A and has T > 1 (none: the
// buffer is filled once). Then
//   fills_A = Π T_d over loops at or outside j*_A
//   W reads = V_W |W|,   V_W = Π T over n, p, q at or outside j*_W
//   O writes = V_O |O|, O reads = (V_O - 1) |O|,  V_O = Π T over c, r, s at or outside j*_O
//   I reads = V_I * N * C * H_term * W_term,  V_I = T_m if m at or outside j*_I
// where H_term / W_term sum the per-axis footprints over tile positions
// (sums over n, g, c tiles telescope to N, G, C/G).
#include "model/evaluate.hpp"

#include <optional>

#include "base/error.hpp"
#include "model/axis_footprint.hpp"

namespace spad {
namespace {

// The loop structure of one array's buffer under a schedule.
struct BufferView {
  int span = 0;
  std::optional<int> jstar_pos;  // position of j*_A
  std::optional<Dim> jstar;
};

BufferView view_of(const Schedule& s, const PerDim<Count>& T, Tensor t) {
  BufferView v;
  v.span = s.buffer_span[t];
  for (int pos = v.span; pos < static_cast<int>(kNumDims); ++pos) {
    const Dim d = s.order[pos];
    if (indexes(t, d) && T[d] > 1) {
      v.jstar_pos = pos;
      v.jstar = d;
      break;
    }
  }
  return v;
}

bool at_or_outside_jstar(const BufferView& v, int pos) {
  return v.jstar_pos && pos >= *v.jstar_pos;
}

Count fills_of(const Schedule& s, const PerDim<Count>& T, const BufferView& v) {
  Count fills = 1;
  if (!v.jstar_pos) return fills;
  for (int pos = *v.jstar_pos; pos < static_cast<int>(kNumDims); ++pos)
    fills = mul(fills, T[s.order[pos]]);
  return fills;
}

// Extent of dimension d in A's buffer: whole range inside it, one tile outside.
Count buffer_extent(const Schedule& s, const Layer& layer, const BufferView& v, Dim d) {
  return loop_position(s, d) < v.span ? layer.bound(d) : s.tiles[d];
}

}  // namespace

PerTensor<Count> compulsory_elems(const Layer& layer) {
  const LayerSpec& spec = layer.spec();
  const AxisGeometry h = height_axis(layer), w = width_axis(layer);
  PerTensor<Count> e;
  e[Tensor::I] = mul(mul(mul(spec.N, spec.C), axis_footprint(h, 0, h.out_extent, 0, h.kernel)),
                     axis_footprint(w, 0, w.out_extent, 0, w.kernel));
  e[Tensor::W] = layer.size(Tensor::W);
  e[Tensor::O] = layer.size(Tensor::O);
  return e;
}

Count compulsory_bytes(const Layer& layer, const Precision& precision) {
  const PerTensor<Count> e = compulsory_elems(layer);
  return add(add(mul(e[Tensor::I], precision.input), mul(e[Tensor::W], precision.weight)),
             mul(e[Tensor::O], precision.output));
}

Traffic evaluate(const Layer& layer, const Schedule& schedule, const Machine& machine) {
  validate(schedule, layer);
  validate(machine);
  const Schedule& s = schedule;
  const Precision& bytes = machine.precision;
  const PerDim<Count> T = trip_counts(s, layer);
  const Count copies = machine.double_buffer ? 2 : 1;
  Traffic out;

  // ---- W: tiles partition W; every fill loads a whole tile.
  {
    const BufferView v = view_of(s, T, Tensor::W);
    Count reload = 1;
    for (Dim d : {Dim::n, Dim::p, Dim::q})
      if (at_or_outside_jstar(v, loop_position(s, d))) reload = mul(reload, T[d]);
    Count elems = 1;
    for (Dim d : {Dim::g, Dim::m, Dim::c, Dim::r, Dim::s})
      elems = mul(elems, buffer_extent(s, layer, v, d));
    ArrayTraffic& a = out.arrays[Tensor::W];
    a.buffer_elems = mul(elems, copies);
    a.buffer_bytes = mul(a.buffer_elems, bytes.weight);
    a.reads = mul(reload, layer.size(Tensor::W));
    a.fills = fills_of(s, T, v);
    a.read_bytes = mul(a.reads, bytes.weight);
  }

  // ---- O: each visit reads partial sums (not the first) and writes back.
  {
    const BufferView v = view_of(s, T, Tensor::O);
    Count visits = 1;
    for (Dim d : {Dim::c, Dim::r, Dim::s})
      if (at_or_outside_jstar(v, loop_position(s, d))) visits = mul(visits, T[d]);
    Count elems = 1;
    for (Dim d : {Dim::n, Dim::g, Dim::m, Dim::p, Dim::q})
      elems = mul(elems, buffer_extent(s, layer, v, d));
    const Count size = layer.size(Tensor::O);
    ArrayTraffic& a = out.arrays[Tensor::O];
    a.buffer_elems = mul(elems, copies);
    a.buffer_bytes = mul(a.buffer_elems, bytes.psum);
    a.writes = mul(visits, size);
    a.reads = mul(visits - 1, size);
    a.final_writes = size;
    a.fills = fills_of(s, T, v);
    a.read_bytes = mul(a.reads, bytes.psum);
    a.write_bytes = add(mul(size, bytes.output), mul(a.writes - size, bytes.psum));
  }

  // ---- I: footprints factor into n x channels x rows x cols.
  {
    const BufferView v = view_of(s, T, Tensor::I);
    const auto tiled = [&](Dim d) { return loop_position(s, d) >= v.span; };
    const Count reload = at_or_outside_jstar(v, loop_position(s, Dim::m)) ? T[Dim::m] : 1;
    const auto halo_for = [&](Dim out_dim, Dim ker_dim) {
      if (!machine.halo_reuse || !v.jstar) return HaloAlong::none;
      if (*v.jstar == out_dim) return HaloAlong::output;
      if (*v.jstar == ker_dim) return HaloAlong::kernel;
      return HaloAlong::none;
    };
    const AxisTerm rows = axis_term(height_axis(layer), s.tiles[Dim::p], tiled(Dim::p),
                                    s.tiles[Dim::r], tiled(Dim::r), halo_for(Dim::p, Dim::r));
    const AxisTerm cols = axis_term(width_axis(layer), s.tiles[Dim::q], tiled(Dim::q),
                                    s.tiles[Dim::s], tiled(Dim::s), halo_for(Dim::q, Dim::s));
    const LayerSpec& spec = layer.spec();
    Count elems = 1;
    for (Dim d : {Dim::n, Dim::g, Dim::c}) elems = mul(elems, buffer_extent(s, layer, v, d));
    elems = mul(mul(elems, rows.max), cols.max);
    ArrayTraffic& a = out.arrays[Tensor::I];
    a.buffer_elems = mul(elems, copies);
    a.buffer_bytes = mul(a.buffer_elems, bytes.input);
    a.reads = mul(mul(mul(mul(reload, spec.N), spec.C), rows.sum), cols.sum);
    a.fills = fills_of(s, T, v);
    a.read_bytes = mul(a.reads, bytes.input);
  }

  for (Tensor t : kAllTensors) {
    out.traffic_bytes =
        add(out.traffic_bytes, add(out.arrays[t].read_bytes, out.arrays[t].write_bytes));
    out.buffer_bytes = add(out.buffer_bytes, out.arrays[t].buffer_bytes);
  }
  out.compulsory_bytes = compulsory_bytes(layer, bytes);
  out.fits = !machine.capacity_bytes || out.buffer_bytes <= *machine.capacity_bytes;
  return out;
}

}  // namespace spad
