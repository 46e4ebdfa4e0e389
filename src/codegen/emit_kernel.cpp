// Emission of one kernel's C (see emit_kernel.hpp).
#include "codegen/emit_kernel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "base/error.hpp"
#include "codegen/c_text.hpp"

namespace spad::codegen {
namespace {

constexpr int kLoops = static_cast<int>(kNumDims);

std::string layer_table(const KernelPlan& k) {
  const LayerSpec& s = k.layer.spec();
  const Schedule& sc = k.schedule;
  std::vector<std::string> D, t, order, pos, span, jpos, off, elems;
  for (Dim d : kAllDims) {
    D.push_back(std::to_string(k.layer.bound(d)));
    t.push_back(std::to_string(sc.tiles[d]));
    pos.push_back(std::to_string(loop_position(sc, d)));
  }
  for (Dim d : sc.order) order.push_back(dim_enum(d));
  for (Tensor a : kAllTensors) {
    span.push_back(std::to_string(sc.buffer_span[a]));
    jpos.push_back(std::to_string(k.j_star[a]));
    off.push_back(std::to_string(k.offset_bytes[a]));
    elems.push_back(std::to_string(k.traffic.arrays[a].buffer_elems));
  }
  const Precision& b = k.machine.precision;
  std::string out = fmt::format("static const spad_layer {}_layer = {{\n", k.name);
  out += fmt::format("    {{{}}}, /* D: n g m c p q r s */\n", comma_list(D));
  out += fmt::format("    {{{}}}, /* tiles */\n", comma_list(t));
  out += fmt::format("    {{{}}}, /* order, innermost first */\n", comma_list(order));
  out += fmt::format("    {{{}}}, /* position of each loop */\n", comma_list(pos));
  out += fmt::format("    {{{}}}, /* buffer spans I W O */\n", comma_list(span));
  out += fmt::format("    {{{}}}, /* positions of j*_I j*_W j*_O */\n", comma_list(jpos));
  out += fmt::format("    {}, /* halo axis: -1 none, 0 rows, 1 columns */\n", k.halo_axis);
  out += fmt::format("    {}, /* copies of each buffer */\n", k.machine.double_buffer ? 2 : 1);
  out += fmt::format("    {}, {}, {}, {}, {}, {}, {}, {}, {}, /* N C M H W P Q R S */\n", s.N, s.C,
                     s.M, s.H, s.W, k.layer.P(), k.layer.Q(), s.R, s.S);
  out += fmt::format("    {}, {}, {}, {}, {}, {}, /* stride h w, dilation h w, pad top left */\n",
                     s.stride_h, s.stride_w, s.dilation_h, s.dilation_w, s.pad_top, s.pad_left);
  out += fmt::format("    {{{}, {}, {}}}, /* bytes per element off-chip: I W O */\n", b.input,
                     b.weight, b.output);
  out += fmt::format("    {}, /* bytes per partial sum */\n", b.psum);
  out +=
      fmt::format("    {{{}}}, /* buffer offsets in the scratchpad (bytes) */\n", comma_list(off));
  out += fmt::format("    {{{}}}, /* buffer elements, every copy */\n", comma_list(elems));
  out += "};\n";
  return out;
}

std::string suffix_signed(Count bytes) { return fmt::format("s{}", bytes); }
std::string suffix_unsigned(Count bytes) { return fmt::format("u{}", bytes); }

std::string compute_function(const KernelPlan& k) {
  const LayerSpec& s = k.layer.spec();
  const Precision& b = k.machine.precision;
  const Count copy_i = k.traffic.arrays[Tensor::I].buffer_bytes / (k.machine.double_buffer ? 2 : 1);
  const Count copy_w = k.traffic.arrays[Tensor::W].buffer_bytes / (k.machine.double_buffer ? 2 : 1);
  const Count copy_o = k.traffic.arrays[Tensor::O].buffer_bytes / (k.machine.double_buffer ? 2 : 1);
  std::string o;
  o += "/* One tile of the loop nest (the tile loops' current starts `at`), computed from\n"
       " * the buffers only: I through its slot tables (padding reads as zero, never\n"
       " * stored), W and O relative to the origin of the tile they hold. */\n";
  o += fmt::format("static void {}_compute(const spad_kernel *K, const spad_i64 at[8]) {{\n",
                   k.name);
  o += "  const spad_iwindow *iw = &K->iw[K->cur[SPAD_I]];\n";
  o += fmt::format("  const unsigned char *ib = K->spad + {} + (spad_i64)K->cur[SPAD_I] * {};\n",
                   k.offset_bytes[Tensor::I], copy_i);
  o += fmt::format("  const unsigned char *wb = K->spad + {} + (spad_i64)K->cur[SPAD_W] * {};\n",
                   k.offset_bytes[Tensor::W], copy_w);
  o += fmt::format("  unsigned char *ob = K->spad + {} + (spad_i64)K->cur[SPAD_O] * {};\n",
                   k.offset_bytes[Tensor::O], copy_o);
  o +=
      "  const spad_i64 *wl = K->lo[SPAD_W][K->cur[SPAD_W]], *wh = K->hi[SPAD_W][K->cur[SPAD_W]];\n"
      "  const spad_i64 *ol = K->lo[SPAD_O][K->cur[SPAD_O]], *oh = K->hi[SPAD_O][K->cur[SPAD_O]];\n"
      "  const spad_i64 we_m = wh[SPAD_m] - wl[SPAD_m], we_c = wh[SPAD_c] - wl[SPAD_c];\n"
      "  const spad_i64 we_r = wh[SPAD_r] - wl[SPAD_r], we_s = wh[SPAD_s] - wl[SPAD_s];\n"
      "  const spad_i64 oe_g = oh[SPAD_g] - ol[SPAD_g], oe_m = oh[SPAD_m] - ol[SPAD_m];\n"
      "  const spad_i64 oe_p = oh[SPAD_p] - ol[SPAD_p], oe_q = oh[SPAD_q] - ol[SPAD_q];\n"
      "  spad_i64 end[8], n, g, m, c, p, q, r, s;\n"
      "  int d;\n"
      "  for (d = 0; d < 8; ++d)\n"
      "    end[d] = at[d] + K->L->t[d] < K->L->D[d] ? at[d] + K->L->t[d] : K->L->D[d];\n";
  o += "  for (n = at[SPAD_n]; n < end[SPAD_n]; ++n)\n"
       "   for (g = at[SPAD_g]; g < end[SPAD_g]; ++g)\n"
       "    for (m = at[SPAD_m]; m < end[SPAD_m]; ++m)\n"
       "     for (p = at[SPAD_p]; p < end[SPAD_p]; ++p)\n"
       "      for (q = at[SPAD_q]; q < end[SPAD_q]; ++q) {\n"
       "        unsigned char *acc_at = ob + (((((n - ol[SPAD_n]) * oe_g + (g - ol[SPAD_g])) * "
       "oe_m +\n"
       "                                         (m - ol[SPAD_m])) * oe_p + (p - ol[SPAD_p])) * "
       "oe_q +\n"
       "                                       (q - ol[SPAD_q])) * " +
       std::to_string(b.psum) + ";\n";
  o += fmt::format("        uint64_t acc = spad_ld_{}(acc_at);\n", suffix_unsigned(b.psum));
  o += "        for (c = at[SPAD_c]; c < end[SPAD_c]; ++c) {\n";
  o += fmt::format("          const spad_i64 cs = iw->ch_slot[g * {} + c];\n",
                   k.layer.bound(Dim::c));
  o += "          for (r = at[SPAD_r]; r < end[SPAD_r]; ++r) {\n";
  o += fmt::format("            const spad_i64 y = p * {} + r * {} - {};\n", s.stride_h,
                   s.dilation_h, s.pad_top);
  o += "            spad_i64 row;\n";
  o += fmt::format("            if (y < 0 || y >= {}) continue; /* padding: zero */\n", s.H);
  o += "            row = ((n - iw->n_lo) * iw->nch + cs) * iw->ext[0] + iw->slot[0][y];\n";
  o += "            for (s = at[SPAD_s]; s < end[SPAD_s]; ++s) {\n";
  o += fmt::format("              const spad_i64 x = q * {} + s * {} - {};\n", s.stride_w,
                   s.dilation_w, s.pad_left);
  o += "              spad_i64 ie, we;\n";
  o += fmt::format("              if (x < 0 || x >= {}) continue; /* padding: zero */\n", s.W);
  o += "              ie = row * iw->ext[1] + iw->slot[1][x];\n"
       "              we = ((((g - wl[SPAD_g]) * we_m + (m - wl[SPAD_m])) * we_c + (c - "
       "wl[SPAD_c])) *\n"
       "                        we_r + (r - wl[SPAD_r])) * we_s + (s - wl[SPAD_s]);\n";
  o += fmt::format(
      "              acc += (uint64_t)(spad_ld_{}(ib + ie * {}) * spad_ld_{}(wb + we * {}));\n",
      suffix_signed(b.input), b.input, suffix_signed(b.weight), b.weight);
  o += "            }\n"
       "          }\n"
       "        }\n";
  o += fmt::format("        spad_st_{}(acc_at, acc);\n", suffix_unsigned(b.psum));
  o += "      }\n}\n";
  return o;
}

std::string loop_note(const KernelPlan& k, Dim d) {
  const Count T = k.trips[d];
  if (T == 1) return fmt::format("{}: T=1, no-op", dim_name(d));
  const Count last = k.layer.bound(d) - (T - 1) * k.schedule.tiles[d];
  if (last != k.schedule.tiles[d])
    return fmt::format("{}: T={}, last tile {}", dim_name(d), T, last);
  return fmt::format("{}: T={}", dim_name(d), T);
}

// The extents a buffer holds, as the loop nest marker shows them.
std::string held_extents(const KernelPlan& k, Tensor t) {
  std::string out;
  for (Dim d : kAllDims) {
    if (!indexes(t, d)) continue;
    const bool inside = loop_position(k.schedule, d) < k.schedule.buffer_span[t];
    out += fmt::format("{}{}{}", out.empty() ? "" : " ", dim_name(d),
                       inside ? k.layer.bound(d) : k.schedule.tiles[d]);
  }
  return out;
}

std::string fill_lines(const KernelPlan& k, Tensor t, int depth) {
  const std::string pad(static_cast<std::size_t>(2 + 2 * depth), ' ');
  const ArrayTraffic& a = k.traffic.arrays[t];
  std::string out = fmt::format("{}/* ── {} {} buffer: {} bytes, {} fill{}; holds {}", pad,
                                t == Tensor::O ? "visit" : "fill", tensor_name(t), a.buffer_bytes,
                                a.fills, a.fills == 1 ? "" : "s", held_extents(k, t));
  if (t == Tensor::O)
    out += fmt::format(
        "\n{} *    writes back the tile it held; reads the new tile's partial sums "
        "(none on its first visit)",
        pad);
  if (t == Tensor::I && k.halo_axis >= 0)
    out += fmt::format("\n{} *    halo reuse: loads only the new {} when j*_I steps", pad,
                       k.halo_axis == 0 ? "rows" : "columns");
  out += " */\n";
  out += fmt::format("{}spad_fill(&K, {}, at);\n", pad, tensor_enum(t));
  return out;
}

std::string entry_function(const KernelPlan& k) {
  std::string o = kernel_prototype(k) + " {\n";
  o += "  spad_kernel K;\n  spad_i64 at[8] = {0, 0, 0, 0, 0, 0, 0, 0};\n";
  o += fmt::format(
      "  spad_begin(&K, &{0}_layer, {0}_spad, {0}_tables, {0}_lists, {0}_marks, I, W, O, {1});\n",
      k.name, separate_psum_array(k) ? "O_psum" : "O");
  for (int depth = 0; depth < kLoops; ++depth) {
    const int pos = kLoops - 1 - depth;
    for (Tensor t : kAllTensors)
      if (k.schedule.buffer_span[t] == pos + 1) o += fill_lines(k, t, depth);
    const Dim d = k.schedule.order[pos];
    const std::string pad(static_cast<std::size_t>(2 + 2 * depth), ' ');
    o += fmt::format("{0}for (at[{1}] = 0; at[{1}] < {2}; at[{1}] += {3}) {{ /* {4} */\n", pad,
                     dim_enum(d), k.layer.bound(d), k.schedule.tiles[d], loop_note(k, d));
  }
  for (Tensor t : kAllTensors)
    if (k.schedule.buffer_span[t] == 0) o += fill_lines(k, t, kLoops);
  const std::string pad(static_cast<std::size_t>(2 + 2 * kLoops), ' ');
  o += fmt::format("{}{}_compute(&K, at); /* compute tile: ", pad, k.name);
  for (Dim d : kAllDims) o += fmt::format("{}{} ", dim_name(d), k.schedule.tiles[d]);
  o += "*/\n";
  for (int depth = kLoops - 1; depth >= 0; --depth)
    o += std::string(static_cast<std::size_t>(2 + 2 * depth), ' ') + "}\n";
  o += "  spad_end(&K);\n}\n";
  return o;
}

}  // namespace

std::string data_type(Count bytes) { return fmt::format("int{}_t", 8 * bytes); }
std::string output_type(Count bytes) { return fmt::format("int{}_t", 8 * bytes); }
std::string psum_type(Count bytes) { return fmt::format("uint{}_t", 8 * bytes); }

bool separate_psum_array(const Precision& precision) { return precision.output != precision.psum; }

bool separate_psum_array(const KernelPlan& k) { return separate_psum_array(k.machine.precision); }

std::string kernel_prototype(const std::string& name, const Precision& b) {
  std::string out = fmt::format("void {}(const {} *I, const {} *W, {} *O", name, data_type(b.input),
                                data_type(b.weight), output_type(b.output));
  if (separate_psum_array(b)) out += fmt::format(", {} *O_psum", psum_type(b.psum));
  return out + ")";
}

std::string kernel_prototype(const KernelPlan& k) {
  return kernel_prototype(k.name, k.machine.precision);
}

std::string emit_kernel(const KernelPlan& k) {
  const LayerSpec& s = k.layer.spec();
  std::string o = layer_table(k) + "\n";
  o += fmt::format("static unsigned char {}_spad[{}]; /* the scratchpad: I, W, O buffers */\n",
                   k.name, k.scratchpad_bytes);
  o += fmt::format(
      "static int32_t {}_tables[{}]; /* I slot tables (control state, not scratchpad) */\n", k.name,
      2 * (s.C + s.H + s.W) + s.H + s.W);
  o += fmt::format("static spad_i64 {}_lists[{}];\n", k.name, s.C + 4 * (s.H + s.W));
  o += fmt::format("static unsigned char {}_marks[{}];\n\n", k.name, std::max(s.H, s.W));
  o += compute_function(k) + "\n";
  o += "/* The tiled kernel: tile loops in the schedule's order, outermost first. */\n";
  o += kernel_prototype(k) + ";\n";
  o += entry_function(k);
  return o;
}

}  // namespace spad::codegen
