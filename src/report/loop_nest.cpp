// The indented loop nest of a schedule, with buffer fill markers.
#include "report/loop_nest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "io/text/byte_size.hpp"
#include "model/axis_footprint.hpp"
#include "report/number_text.hpp"

namespace spad {
namespace {

constexpr int kIndent = 2;

bool inside_buffer(const Schedule& s, Tensor t, Dim d) {
  return loop_position(s, d) < s.buffer_span[t];
}

// Extent of loop d in A's buffer: whole range inside it, one tile outside.
Count extent_in_buffer(const Layer& layer, const Schedule& s, Tensor t, Dim d) {
  return inside_buffer(s, t, d) ? layer.bound(d) : s.tiles[d];
}

// The buffer's extents as "g1 m32 c64 r3 s3", and its element count (one copy).
struct BufferShape {
  std::string text;
  Count elems = 1;
};

BufferShape buffer_shape(const Layer& layer, const Schedule& s, Tensor t) {
  BufferShape shape;
  const auto append = [&](std::string_view name, Count extent) {
    if (!shape.text.empty()) shape.text += ' ';
    shape.text += fmt::format("{}{}", name, extent);
    shape.elems = mul(shape.elems, extent);
  };
  if (t != Tensor::I) {
    for (Dim d : kAllDims)
      if (indexes(t, d)) append(dim_name(d), extent_in_buffer(layer, s, t, d));
    return shape;
  }
  for (Dim d : {Dim::n, Dim::g, Dim::c}) append(dim_name(d), extent_in_buffer(layer, s, t, d));
  const auto window = [&](const AxisGeometry& g, Dim out, Dim ker) {
    return axis_term(g, s.tiles[out], !inside_buffer(s, t, out), s.tiles[ker],
                     !inside_buffer(s, t, ker), HaloAlong::none)
        .max;
  };
  append("h", window(height_axis(layer), Dim::p, Dim::r));
  append("w", window(width_axis(layer), Dim::q, Dim::s));
  return shape;
}

std::string marker_line(const Layer& layer, const Schedule& s, Tensor t, const Traffic* traffic) {
  const BufferShape shape = buffer_shape(layer, s, t);
  std::string size;
  if (traffic) {
    const ArrayTraffic& a = traffic->arrays[t];
    size = fmt::format("{}, {} fill{}", format_bytes(a.buffer_bytes), with_separators(a.fills),
                       a.fills == 1 ? "" : "s");
  } else {
    size = with_separators(shape.elems) + " elems";
  }
  return fmt::format("── fill {} buffer ({}: {})", tensor_name(t), size, shape.text);
}

std::string loop_text(const Layer& layer, const Schedule& s, Dim d) {
  return fmt::format("for {} in 0..{} step {}", dim_name(d), layer.bound(d), s.tiles[d]);
}

std::string loop_note(const Layer& layer, const Schedule& s, const PerDim<Count>& T, Dim d) {
  if (T[d] == 1) return "(T=1, no-op)";
  const Count last = layer.bound(d) - (T[d] - 1) * s.tiles[d];
  if (last != s.tiles[d]) return fmt::format("(T={}, last tile {})", T[d], last);
  return fmt::format("(T={})", T[d]);
}

std::string compute_line(const Schedule& s) {
  std::string tile;
  Count macs = 1;
  for (Dim d : kAllDims) {
    if (!tile.empty()) tile += ' ';
    tile += fmt::format("{}{}", dim_name(d), s.tiles[d]);
    macs = mul(macs, s.tiles[d]);
  }
  return fmt::format("compute tile: {} ({} MACs)", tile, with_separators(macs));
}

std::string format(const Layer& layer, const Schedule& s, const Traffic* traffic) {
  validate(s, layer);
  const PerDim<Count> T = trip_counts(s, layer);
  constexpr int kLoops = static_cast<int>(kNumDims);

  // Loop lines are aligned so that their notes form one column.
  std::size_t note_column = 0;
  for (int depth = 0; depth < kLoops; ++depth) {
    const Dim d = s.order[kLoops - 1 - depth];
    note_column = std::max(note_column, depth * kIndent + loop_text(layer, s, d).size());
  }
  note_column += 2;

  std::string out;
  const auto emit = [&](int depth, const std::string& text) {
    out += std::string(static_cast<std::size_t>(depth * kIndent), ' ') + text + '\n';
  };
  // Markers of the buffers whose span is `span`, at the given depth.
  const auto emit_markers = [&](int depth, int span) {
    for (Tensor t : kAllTensors)
      if (s.buffer_span[t] == span) emit(depth, marker_line(layer, s, t, traffic));
  };
  for (int depth = 0; depth < kLoops; ++depth) {
    const int pos = kLoops - 1 - depth;  // position in the order, 0 = innermost
    emit_markers(depth, pos + 1);
    const Dim d = s.order[pos];
    std::string text = loop_text(layer, s, d);
    text.resize(note_column - depth * kIndent, ' ');
    emit(depth, text + loop_note(layer, s, T, d));
  }
  emit_markers(kLoops, 0);
  emit(kLoops, compute_line(s));
  return out;
}

}  // namespace

std::string format_loop_nest(const Layer& layer, const Schedule& schedule) {
  return format(layer, schedule, nullptr);
}

std::string format_loop_nest(const Layer& layer, const Schedule& schedule, const Traffic& traffic) {
  return format(layer, schedule, &traffic);
}

}  // namespace spad
