// The header comment of a kernel (see emit_header.hpp).
#include "codegen/emit_header.hpp"

#include <fmt/format.h>

#include "codegen/c_text.hpp"
#include "codegen/emit_kernel.hpp"
#include "io/json/schedule_json.hpp"
#include "report/loop_nest.hpp"

namespace spad::codegen {

std::string header_shape_line(const Layer& layer) {
  const LayerSpec& s = layer.spec();
  return fmt::format(
      " *   N={} C={} M={} H={} W={} R={} S={} stride {}x{} dilation {}x{} pad {}:{}:{}:{} "
      "(top:left:bottom:right) groups {} -> P={} Q={}\n",
      s.N, s.C, s.M, s.H, s.W, s.R, s.S, s.stride_h, s.stride_w, s.dilation_h, s.dilation_w,
      s.pad_top, s.pad_left, s.pad_bottom, s.pad_right, s.groups, layer.P(), layer.Q());
}

std::string header_offchip_line(const Precision& b) {
  return fmt::format(" *   off-chip: I {} [N][C][H][W], W {} [M][C/G][R][S], O {} [N][M][P][Q]{}\n",
                     data_type(b.input), data_type(b.weight), output_type(b.output),
                     separate_psum_array(b)
                         ? fmt::format(", O_psum {} [N][M][P][Q] (partial sums)", psum_type(b.psum))
                         : " (partial sums pass through O itself)");
}

std::string header_precision_lines(const Precision& b) {
  return fmt::format(
      " * Precision (bytes): in {}, w {}, out {}, psum {}; final outputs are the partial\n"
      " * sum (two's complement, {} bits) saturated to the output range.\n",
      b.input, b.weight, b.output, b.psum, 8 * b.psum);
}

std::string emit_header(const KernelPlan& k) {
  const LayerSpec& s = k.layer.spec();
  const Precision& b = k.machine.precision;
  std::string o = "/*\n";
  o += fmt::format(" * Kernel {}: layer '{}'\n", k.name, comment_safe(s.name));
  o += header_shape_line(k.layer);
  o += fmt::format(" *   {}\n", kernel_prototype(k));
  o += header_offchip_line(b);
  o += header_precision_lines(b);
  o += fmt::format(" * Halo reuse: {}; double buffer: {}; capacity: {}\n",
                   k.machine.halo_reuse ? "on" : "off", k.machine.double_buffer ? "on" : "off",
                   k.machine.capacity_bytes ? fmt::format("{} bytes", *k.machine.capacity_bytes)
                                            : std::string("unbounded"));
  o += " *\n * Schedule: " + comment_safe(schedule_to_canonical_string(k.schedule)) + "\n";
  o += prefixed_lines(comment_safe(format_loop_nest(k.layer, k.schedule, k.traffic)), " *   ");
  o += " *\n * Scratchpad (one static byte array, " + std::to_string(k.scratchpad_bytes) +
       " bytes):\n";
  o += " *   buffer  offset      bytes    elements  copies  element bytes\n";
  for (Tensor t : kAllTensors) {
    const ArrayTraffic& a = k.traffic.arrays[t];
    const Count eb = t == Tensor::I ? b.input : t == Tensor::W ? b.weight : b.psum;
    o += fmt::format(" *   {:<6}  {:>6}  {:>9}  {:>10}  {:>6}  {:>13}\n", tensor_name(t),
                     k.offset_bytes[t], a.buffer_bytes, a.buffer_elems,
                     k.machine.double_buffer ? 2 : 1, eb);
  }
  o += " *\n * Predicted traffic (spad's model; the self-test counts the same bytes):\n";
  o += " *   array  read elems  read bytes  write elems  write bytes  fills\n";
  for (Tensor t : kAllTensors) {
    const ArrayTraffic& a = k.traffic.arrays[t];
    o += fmt::format(" *   {:<5}  {:>10}  {:>10}  {:>11}  {:>11}  {:>5}\n", tensor_name(t), a.reads,
                     a.read_bytes, a.writes, a.write_bytes, a.fills);
  }
  o += fmt::format(" *   total {} bytes (compulsory {} bytes)\n", k.traffic.traffic_bytes,
                   k.traffic.compulsory_bytes);
  o += " */\n";
  return o;
}

}  // namespace spad::codegen
