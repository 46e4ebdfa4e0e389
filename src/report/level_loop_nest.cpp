// The flat loop nest of a several-level schedule, with fill markers per level.
#include "report/level_loop_nest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "base/error.hpp"
#include "io/text/byte_size.hpp"
#include "report/number_text.hpp"

namespace spad {
namespace {

constexpr int kIndent = 2;
constexpr int kLoops = static_cast<int>(kNumDims);

// The sizes of the tiles of level `level` (0-based) along d, with how many
// tiles have each size: level 0's loops cut the whole extent, each deeper
// level's loops cut every tile of the level above.
std::map<Count, Count> tile_sizes(const Layer& layer, const LevelSchedule& s, std::size_t level,
                                  Dim d) {
  std::map<Count, Count> sizes = {{layer.bound(d), 1}};
  for (std::size_t l = 0; l <= level; ++l) {
    const Count t = s.levels[l].tiles[d];
    std::map<Count, Count> next;
    for (const auto& [extent, count] : sizes) {
      if (extent / t > 0) next[t] = add(next[t], mul(count, extent / t));
      if (extent % t > 0) next[extent % t] = add(next[extent % t], count);
    }
    sizes = std::move(next);
  }
  return sizes;
}

// The largest tile of level `level` along d (the whole extent for level -1).
Count full_extent(const Layer& layer, const LevelSchedule& s, int level, Dim d) {
  Count e = layer.bound(d);
  for (int l = 0; l <= level; ++l) e = std::min(e, s.levels[static_cast<std::size_t>(l)].tiles[d]);
  return e;
}

std::string loop_note(const Layer& layer, const LevelSchedule& s, std::size_t level, Dim d) {
  const Count t = s.levels[level].tiles[d];
  const std::map<Count, Count> enclosing =
      level == 0 ? std::map<Count, Count>{{layer.bound(d), 1}} : tile_sizes(layer, s, level - 1, d);
  Count least = 0, most = 0;
  std::set<Count> partial;
  for (const auto& [extent, count] : enclosing) {
    const Count trips = (extent + t - 1) / t;
    least = least == 0 ? trips : std::min(least, trips);
    most = std::max(most, trips);
    if (trips > 1 && extent % t != 0) partial.insert(extent % t);
  }
  if (most == 1) return "(T=1, no-op)";
  std::string note =
      least == most ? fmt::format("(T={}", most) : fmt::format("(T={}..{}", least, most);
  if (!partial.empty()) {
    std::string sizes;
    for (Count p : partial) sizes += fmt::format("{}{}", sizes.empty() ? "" : ", ", p);
    note += fmt::format(", last tile{} {}", partial.size() == 1 ? "" : "s", sizes);
  }
  return note + ")";
}

std::string level_label(const LevelTraffic& traffic, const LevelSchedule& s, std::size_t l) {
  if (!traffic.levels[l].name.empty()) return traffic.levels[l].name;
  if (!s.levels[l].name.empty()) return s.levels[l].name;
  return fmt::format("level {}", l + 1);
}

std::string loop_text(const Layer& layer, const LevelSchedule& s, const LevelTraffic& traffic,
                      std::size_t level, Dim d) {
  const Count t = s.levels[level].tiles[d];
  if (level == 0) return fmt::format("for {} in 0..{} step {}", dim_name(d), layer.bound(d), t);
  return fmt::format("for {} in {} tile step {}", dim_name(d), level_label(traffic, s, level - 1),
                     t);
}

std::string marker_line(const Layer& layer, const LevelSchedule& s, const LevelTraffic& traffic,
                        std::size_t level, Tensor t) {
  const LevelLoops& group = s.levels[level];
  const int span = *group.buffer_span[t];
  std::string extents;
  for (Dim d : kAllDims) {
    if (!indexes(t, d)) continue;
    const int pos = static_cast<int>(std::find(group.order.begin(), group.order.end(), d) -
                                     group.order.begin());
    const int inner = pos < span ? static_cast<int>(level) - 1 : static_cast<int>(level);
    if (!extents.empty()) extents += ' ';
    extents += fmt::format("{}{}", dim_name(d), full_extent(layer, s, inner, d));
  }
  const ArrayTraffic& a = traffic.levels[level].arrays[t];
  return fmt::format("── {}: fill {} buffer ({}, {} fill{}: {})", level_label(traffic, s, level),
                     tensor_name(t), format_bytes(a.buffer_bytes), with_separators(a.fills),
                     a.fills == 1 ? "" : "s", extents);
}

std::string group_header(const Layer& layer, const LevelSchedule& s, const LevelTraffic& traffic,
                         std::size_t level) {
  std::string tiles;
  for (Dim d : kAllDims)
    tiles += fmt::format("{}{}{}", tiles.empty() ? "" : " ", dim_name(d), s.levels[level].tiles[d]);
  std::string text = fmt::format("level {} ({})", level + 1, level_label(traffic, s, level));
  if (level > 0) text += fmt::format(", inside one {} tile", level_label(traffic, s, level - 1));
  text += ": tiles " + tiles;
  std::string bypass;
  for (Tensor t : kAllTensors)
    if (!s.levels[level].buffer_span[t])
      bypass += fmt::format("{}{}", bypass.empty() ? "" : " ", tensor_name(t));
  if (!bypass.empty())
    text += fmt::format("; {} bypass{} it", bypass, bypass.size() == 1 ? "es" : "");
  (void)layer;
  return text;
}

}  // namespace

std::string format_level_loop_nest(const Layer& layer, const LevelSchedule& schedule,
                                   const LevelTraffic& traffic) {
  validate(schedule, layer);
  const std::size_t levels = schedule.levels.size();
  if (traffic.levels.size() != levels)
    throw InternalError("format_level_loop_nest: " + std::to_string(levels) + " schedule levels, " +
                        std::to_string(traffic.levels.size()) + " counted");

  // Loop lines are aligned so that their notes form one column.
  std::size_t note_column = 0;
  for (std::size_t l = 0; l < levels; ++l)
    for (int i = 0; i < kLoops; ++i) {
      const int depth = static_cast<int>(l) * kLoops + i;
      const Dim d = schedule.levels[l].order[static_cast<std::size_t>(kLoops - 1 - i)];
      note_column =
          std::max(note_column, depth * kIndent + loop_text(layer, schedule, traffic, l, d).size());
    }
  note_column += 2;

  std::string out;
  const auto emit = [&](int depth, const std::string& text) {
    out += std::string(static_cast<std::size_t>(depth * kIndent), ' ') + text + '\n';
  };
  for (std::size_t l = 0; l < levels; ++l) {
    const LevelLoops& group = schedule.levels[l];
    const int base = static_cast<int>(l) * kLoops;
    const auto emit_markers = [&](int depth, int span) {
      for (Tensor t : kAllTensors)
        if (group.buffer_span[t] && *group.buffer_span[t] == span)
          emit(depth, marker_line(layer, schedule, traffic, l, t));
    };
    emit(base, group_header(layer, schedule, traffic, l));
    for (int i = 0; i < kLoops; ++i) {
      const int pos = kLoops - 1 - i;  // position in the order, 0 = innermost
      emit_markers(base + i, pos + 1);
      const Dim d = group.order[static_cast<std::size_t>(pos)];
      std::string text = loop_text(layer, schedule, traffic, l, d);
      text.resize(note_column - static_cast<std::size_t>((base + i) * kIndent), ' ');
      emit(base + i, text + loop_note(layer, schedule, l, d));
    }
    emit_markers(base + kLoops, 0);
  }
  std::string tile;
  Count macs = 1;
  for (Dim d : kAllDims) {
    const Count e = full_extent(layer, schedule, static_cast<int>(levels) - 1, d);
    tile += fmt::format("{}{}{}", tile.empty() ? "" : " ", dim_name(d), e);
    macs = mul(macs, e);
  }
  emit(static_cast<int>(levels) * kLoops,
       fmt::format("compute tile: {} ({} MACs, the largest)", tile, with_separators(macs)));
  return out;
}

}  // namespace spad
