// Emission of one several-level kernel's C (see emit_level_kernel.hpp).
#include "codegen/emit_level_kernel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "codegen/c_text.hpp"
#include "codegen/emit_header.hpp"
#include "codegen/emit_kernel.hpp"
#include "io/json/level_schedule_json.hpp"
#include "report/level_loop_nest.hpp"

namespace spad::codegen {
namespace {

constexpr int kLoops = static_cast<int>(kNumDims);
constexpr std::size_t kRows = kMaxLevels + 1;  // row 0: off-chip

// The table line of one row per level 0..kMaxLevels, row l from `row(l)`
// for 1 <= l <= L and zeros elsewhere, with its comment.
template <typename Row>
std::string level_rows(const LevelKernelPlan& k, std::size_t width, Row row,
                       std::string_view comment) {
  std::vector<std::string> rows;
  for (std::size_t l = 0; l < kRows; ++l) {
    std::vector<std::string> cells;
    if (l >= 1 && l <= k.schedule.levels.size()) {
      cells = row(l - 1);
    } else {
      cells.assign(width, "0");
    }
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on
    // "literal" + std::string&& once inlined.
    std::string row_text = "{";
    row_text += comma_list(cells);
    row_text += '}';
    rows.push_back(row_text);
  }
  std::string line = "    {";
  line += comma_list(rows);
  line += "}, /* ";
  line += comment;
  line += " */\n";
  return line;
}

std::string array_name(const LevelKernelPlan& k, std::size_t level_index) {
  return fmt::format("{}_level{}", k.name, level_index + 1);
}

Count axis_entries(const Layer& layer) {
  const LayerSpec& s = layer.spec();
  return s.N + s.C + s.H + s.W + s.M + layer.bound(Dim::c) + s.R + s.S + s.N + s.M + layer.P() +
         layer.Q();
}

std::string layer_table(const LevelKernelPlan& k) {
  const LayerSpec& s = k.layer.spec();
  const Precision& b = k.machine.precision;
  std::vector<std::string> D;
  for (Dim d : kAllDims) D.push_back(std::to_string(k.layer.bound(d)));
  std::string out = fmt::format("static const spad_lv_layer {}_layer = {{\n", k.name);
  out += fmt::format("    {{{}}}, /* D: n g m c p q r s */\n", comma_list(D));
  out += fmt::format("    {}, /* on-chip levels */\n", k.schedule.levels.size());
  out += level_rows(
      k, kNumDims,
      [&](std::size_t l) {
        std::vector<std::string> t;
        for (Dim d : kAllDims) t.push_back(std::to_string(k.schedule.levels[l].tiles[d]));
        return t;
      },
      "tiles per level");
  out += level_rows(
      k, kNumDims,
      [&](std::size_t l) {
        std::vector<std::string> pos(kNumDims);
        const auto& order = k.schedule.levels[l].order;
        for (int p = 0; p < kLoops; ++p)
          pos[static_cast<std::size_t>(order[p])] = std::to_string(p);
        return pos;
      },
      "position of each loop in its level's order");
  out += level_rows(
      k, 3,
      [&](std::size_t l) {
        std::vector<std::string> span;
        for (Tensor t : kAllTensors) {
          const auto& v = k.schedule.levels[l].buffer_span[t];
          span.push_back(v ? std::to_string(*v) : "-1");
        }
        return span;
      },
      "buffer spans I W O (-1: bypass)");
  out += level_rows(
      k, 3,
      [&](std::size_t l) {
        std::vector<std::string> off;
        for (Tensor t : kAllTensors) off.push_back(std::to_string(k.offset_bytes[l][t]));
        return off;
      },
      "buffer offsets in each level's array (bytes)");
  out += level_rows(
      k, 3,
      [&](std::size_t l) {
        std::vector<std::string> elems;
        for (Tensor t : kAllTensors)
          elems.push_back(std::to_string(k.traffic.levels[l].arrays[t].buffer_elems));
        return elems;
      },
      "buffer elements");
  out += fmt::format("    {}, {}, {}, {}, {}, {}, {}, {}, {}, /* N C M H W P Q R S */\n", s.N, s.C,
                     s.M, s.H, s.W, k.layer.P(), k.layer.Q(), s.R, s.S);
  out += fmt::format("    {}, {}, {}, {}, {}, {}, /* stride h w, dilation h w, pad top left */\n",
                     s.stride_h, s.stride_w, s.dilation_h, s.dilation_w, s.pad_top, s.pad_left);
  out += fmt::format("    {{{}, {}, {}}}, /* bytes per element off-chip: I W O */\n", b.input,
                     b.weight, b.output);
  out += fmt::format("    {}, /* bytes per partial sum */\n", b.psum);
  out += fmt::format("    {}, /* halo reuse */\n", k.machine.halo_reuse ? 1 : 0);
  out += "};\n";
  return out;
}

std::string header_comment(const LevelKernelPlan& k) {
  const LayerSpec& s = k.layer.spec();
  const Precision& b = k.machine.precision;
  std::string o = "/*\n";
  o += fmt::format(" * Kernel {}: layer '{}', {} on-chip levels\n", k.name, comment_safe(s.name),
                   k.schedule.levels.size());
  o += header_shape_line(k.layer);
  o += fmt::format(" *   {}\n", level_kernel_prototype(k));
  o += fmt::format(" *   halo reuse: {}\n", k.machine.halo_reuse ? "on (at every level)" : "off");
  o += header_offchip_line(b);
  o += header_precision_lines(b);
  o += " *\n * Schedule: " + comment_safe(level_schedule_to_canonical_string(k.schedule)) + "\n";
  o +=
      prefixed_lines(comment_safe(format_level_loop_nest(k.layer, k.schedule, k.traffic)), " *   ");
  o += " *\n * Levels, outermost first (level 0 is off-chip memory); each is one static byte\n"
       " * array holding its buffers; a transfer between levels j < i crosses boundaries\n"
       " * j+1..i and calls dma_in(j, i, ...) or dma_out(j, i, ...):\n";
  for (std::size_t l = 0; l < k.schedule.levels.size(); ++l) {
    const LevelCost& c = k.traffic.levels[l];
    const auto& cap = k.machine.levels[l].capacity_bytes;
    o += fmt::format(" *   level {} ({}): {} [{} bytes] of {}\n", l + 1,
                     comment_safe(c.name.empty() ? "unnamed" : c.name), array_name(k, l),
                     k.level_bytes[l],
                     cap ? fmt::format("{} bytes", *cap) : std::string("unbounded"));
    for (Tensor t : kAllTensors) {
      const ArrayTraffic& a = c.arrays[t];
      if (!k.schedule.levels[l].buffer_span[t]) {
        o += fmt::format(" *     {}: bypasses this level\n", tensor_name(t));
        continue;
      }
      o += fmt::format(" *     {}: offset {}, {} bytes ({} elements), {} fill{}\n", tensor_name(t),
                       k.offset_bytes[l][t], a.buffer_bytes, a.buffer_elems, a.fills,
                       a.fills == 1 ? "" : "s");
    }
    o += fmt::format(
        " *     boundary {} (above it): I {} B in, W {} B in, O {} B in, {} B out; total {} B "
        "(compulsory {} B)\n",
        l + 1, c.arrays[Tensor::I].read_bytes, c.arrays[Tensor::W].read_bytes,
        c.arrays[Tensor::O].read_bytes, c.arrays[Tensor::O].write_bytes, c.traffic_bytes,
        c.compulsory_bytes);
  }
  o += " * (spad's level model; the self-test counts the same bytes per boundary.)\n */\n";
  return o;
}

std::string fill_line(const LevelKernelPlan& k, std::size_t l, Tensor t, int depth) {
  const std::string pad(static_cast<std::size_t>(2 + 2 * depth), ' ');
  const ArrayTraffic& a = k.traffic.levels[l].arrays[t];
  return fmt::format(
      "{}spad_lv_fill(&K, {}, {}); /* level {}: {} {} buffer, {} bytes, {} fill{} */\n", pad, l + 1,
      tensor_enum(t), l + 1, t == Tensor::O ? "visit" : "fill", tensor_name(t), a.buffer_bytes,
      a.fills, a.fills == 1 ? "" : "s");
}

std::string entry_function(const LevelKernelPlan& k) {
  const std::size_t L = k.schedule.levels.size();
  std::string o = level_kernel_prototype(k) + " {\n";
  std::vector<std::string> mems{"NULL"};
  for (std::size_t l = 0; l < L; ++l) mems.push_back(array_name(k, l));
  while (mems.size() < kRows) mems.push_back("NULL");
  o += fmt::format("  unsigned char *const mem[SPAD_MAX_LEVELS + 1] = {{{}}};\n", comma_list(mems));
  o += "  spad_lv_kernel K;\n";
  o += fmt::format(
      "  spad_lv_begin(&K, &{0}_layer, mem, {0}_coords, {0}_slots, {0}_marks, {0}_hrank, "
      "{0}_hlist, I, W, O, {1});\n",
      k.name, level_separate_psum_array(k) ? "O_psum" : "O");
  int depth = 0;
  for (std::size_t l = 0; l < L; ++l) {
    const LevelLoops& level = k.schedule.levels[l];
    for (int pos = kLoops - 1; pos >= 0; --pos) {
      for (Tensor t : kAllTensors)
        if (level.buffer_span[t] && *level.buffer_span[t] == pos + 1)
          o += fill_line(k, l, t, depth);
      const Dim d = level.order[pos];
      o += fmt::format("{}SPAD_LV_FOR(K, {}, {}, {}) {{ /* level {}: {} step {} */\n",
                       std::string(static_cast<std::size_t>(2 + 2 * depth), ' '), l + 1,
                       dim_enum(d), level.tiles[d], l + 1, dim_name(d), level.tiles[d]);
      ++depth;
    }
    for (Tensor t : kAllTensors)
      if (level.buffer_span[t] && *level.buffer_span[t] == 0) o += fill_line(k, l, t, depth);
  }
  o += std::string(static_cast<std::size_t>(2 + 2 * depth), ' ') +
       "spad_lv_compute(&K); /* one level-" + std::to_string(L) + " tile */\n";
  for (--depth; depth >= 0; --depth)
    o += std::string(static_cast<std::size_t>(2 + 2 * depth), ' ') + "}\n";
  o += "  spad_lv_end(&K);\n}\n";
  return o;
}

}  // namespace

bool level_separate_psum_array(const LevelKernelPlan& k) {
  return separate_psum_array(k.machine.precision);
}

std::string level_c_label(const LevelKernelPlan& k, std::size_t level_index) {
  const std::string& name = k.traffic.levels[level_index].name;
  if (name.empty()) return fmt::format("level{}", level_index + 1);
  std::string out;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.';
    out += ok ? c : '_';
  }
  return out;
}

std::string level_kernel_prototype(const LevelKernelPlan& k) {
  return kernel_prototype(k.name, k.machine.precision);
}

std::string emit_level_kernel(const LevelKernelPlan& k) {
  const LayerSpec& s = k.layer.spec();
  std::string o = header_comment(k);
  o += layer_table(k) + "\n";
  for (std::size_t l = 0; l < k.schedule.levels.size(); ++l) {
    std::string parts;
    for (Tensor t : kAllTensors)
      if (k.schedule.levels[l].buffer_span[t])
        parts += fmt::format("{}{} at {}", parts.empty() ? "" : ", ", tensor_name(t),
                             k.offset_bytes[l][t]);
    // C has no empty arrays: a level every array bypasses gets one unused byte.
    o += fmt::format("static unsigned char {}[{}]; /* level {}: {} */\n", array_name(k, l),
                     std::max<Count>(k.level_bytes[l], 1), l + 1,
                     parts.empty() ? "every array bypasses it" : parts);
  }
  const Count entries = axis_entries(k.layer) * static_cast<Count>(k.schedule.levels.size());
  o += fmt::format(
      "static spad_i64 {}_coords[{}]; /* what each buffer holds (control state, not "
      "scratchpad) */\n",
      k.name, entries);
  o += fmt::format("static int32_t {}_slots[{}];\n", k.name, entries);
  o += fmt::format("static unsigned char {}_marks[{}];\n", k.name, std::max(s.H, s.W));
  o += fmt::format("static int32_t {}_hrank[{}];\n", k.name, std::max(s.H, s.W));
  o += fmt::format("static spad_i64 {}_hlist[{}];\n\n", k.name, 2 * std::max(s.H, s.W));
  o += "/* The tiled kernel: the flat nest, level 1's loops outermost. */\n";
  o += level_kernel_prototype(k) + ";\n";
  o += entry_function(k);
  return o;
}

}  // namespace spad::codegen
