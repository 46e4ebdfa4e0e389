// The counting routine behind evaluate() and Evaluator: DESIGN.md's rules per
// array (see model/evaluate.cpp for the formulas).
#include "model/count_traffic.hpp"

#include <array>

namespace spad {
namespace {

// The loop structure of one array's buffer under a schedule.
struct BufferView {
  int span = 0;
  int jstar_pos = -1;  // position of j*_A; -1 when no loop outside indexes A with T > 1
  Dim jstar = Dim::n;
  bool has_jstar() const { return jstar_pos >= 0; }
  bool at_or_outside_jstar(int pos) const { return jstar_pos >= 0 && pos >= jstar_pos; }
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

}  // namespace

Traffic count_traffic(const Layer& layer, const Schedule& s, const PerDim<Count>& T,
                      const Machine& machine, const AxisSource& rows, const AxisSource& cols,
                      Count compulsory_bytes) {
  const Precision& bytes = machine.precision;
  PerDim<int> pos;
  for (int i = 0; i < static_cast<int>(kNumDims); ++i) pos[s.order[i]] = i;
  const Count copies = machine.double_buffer ? 2 : 1;

  const auto fills_of = [&](const BufferView& v) {
    Count fills = 1;
    if (!v.has_jstar()) return fills;
    for (int p = v.jstar_pos; p < static_cast<int>(kNumDims); ++p)
      fills = mul(fills, T[s.order[p]]);
    return fills;
  };
  // Extent of d in a buffer: its whole range inside the span, one tile outside.
  const auto extent = [&](const BufferView& v, Dim d) {
    return pos[d] < v.span ? layer.bound(d) : s.tiles[d];
  };

  Traffic out;

  // ---- W: tiles partition W; every fill loads a whole tile.
  {
    const BufferView v = view_of(s, T, Tensor::W);
    Count reload = 1;
    for (Dim d : {Dim::n, Dim::p, Dim::q})
      if (v.at_or_outside_jstar(pos[d])) reload = mul(reload, T[d]);
    Count elems = 1;
    for (Dim d : {Dim::g, Dim::m, Dim::c, Dim::r, Dim::s}) elems = mul(elems, extent(v, d));
    ArrayTraffic& a = out.arrays[Tensor::W];
    a.buffer_elems = mul(elems, copies);
    a.buffer_bytes = mul(a.buffer_elems, bytes.weight);
    a.reads = mul(reload, layer.size(Tensor::W));
    a.fills = fills_of(v);
    a.read_bytes = mul(a.reads, bytes.weight);
  }

  // ---- O: each visit reads partial sums (not the first) and writes back.
  {
    const BufferView v = view_of(s, T, Tensor::O);
    Count visits = 1;
    for (Dim d : {Dim::c, Dim::r, Dim::s})
      if (v.at_or_outside_jstar(pos[d])) visits = mul(visits, T[d]);
    Count elems = 1;
    for (Dim d : {Dim::n, Dim::g, Dim::m, Dim::p, Dim::q}) elems = mul(elems, extent(v, d));
    const Count size = layer.size(Tensor::O);
    ArrayTraffic& a = out.arrays[Tensor::O];
    a.buffer_elems = mul(elems, copies);
    a.buffer_bytes = mul(a.buffer_elems, bytes.psum);
    a.writes = mul(visits, size);
    a.reads = mul(visits - 1, size);
    a.final_writes = size;
    a.fills = fills_of(v);
    a.read_bytes = mul(a.reads, bytes.psum);
    a.write_bytes = add(mul(size, bytes.output), mul(a.writes - size, bytes.psum));
  }

  // ---- I: footprints factor into n x channels x rows x cols.
  {
    const BufferView v = view_of(s, T, Tensor::I);
    const auto tiled = [&](Dim d) { return pos[d] >= v.span; };
    const Count reload = v.at_or_outside_jstar(pos[Dim::m]) ? T[Dim::m] : 1;
    const auto halo_for = [&](Dim out_dim, Dim ker_dim) {
      if (!machine.halo_reuse || !v.has_jstar()) return HaloAlong::none;
      if (v.jstar == out_dim) return HaloAlong::output;
      if (v.jstar == ker_dim) return HaloAlong::kernel;
      return HaloAlong::none;
    };
    const AxisTerm h = rows.term(s.tiles[Dim::p], tiled(Dim::p), s.tiles[Dim::r], tiled(Dim::r),
                                 halo_for(Dim::p, Dim::r));
    const AxisTerm w = cols.term(s.tiles[Dim::q], tiled(Dim::q), s.tiles[Dim::s], tiled(Dim::s),
                                 halo_for(Dim::q, Dim::s));
    const LayerSpec& spec = layer.spec();
    Count elems = 1;
    for (Dim d : {Dim::n, Dim::g, Dim::c}) elems = mul(elems, extent(v, d));
    elems = mul(mul(elems, h.max), w.max);
    ArrayTraffic& a = out.arrays[Tensor::I];
    a.buffer_elems = mul(elems, copies);
    a.buffer_bytes = mul(a.buffer_elems, bytes.input);
    a.reads = mul(mul(mul(mul(reload, spec.N), spec.C), h.sum), w.sum);
    a.fills = fills_of(v);
    a.read_bytes = mul(a.reads, bytes.input);
  }

  for (Tensor t : kAllTensors) {
    out.traffic_bytes =
        add(out.traffic_bytes, add(out.arrays[t].read_bytes, out.arrays[t].write_bytes));
    out.buffer_bytes = add(out.buffer_bytes, out.arrays[t].buffer_bytes);
  }
  out.compulsory_bytes = compulsory_bytes;
  out.fits = !machine.capacity_bytes || out.buffer_bytes <= *machine.capacity_bytes;
  return out;
}

}  // namespace spad
