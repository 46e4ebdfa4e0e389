// Emission of the self-test (see emit_selftest.hpp).
#include "codegen/emit_selftest.hpp"

#include <fmt/format.h>

#include <cmath>

#include "codegen/emit_kernel.hpp"

namespace spad::codegen {

Count operand_amplitude(const Layer& layer, const Precision& precision, Count data_bytes) {
  const LayerSpec& s = layer.spec();
  const double terms = static_cast<double>(layer.bound(Dim::c) * s.R * s.S);
  const Count out_bits = 8 * precision.output;
  const double out_max = out_bits >= 63 ? 9.2e18 : std::ldexp(1.0, static_cast<int>(out_bits) - 1);
  // A sum of `terms` products of values uniform in [-a, a] has a standard
  // deviation of about sqrt(terms) * a^2 / 3; aim it at a quarter of the range.
  const double a = std::sqrt(3.0 * out_max / (4.0 * std::sqrt(terms)));
  const double type_max = std::ldexp(1.0, static_cast<int>(8 * data_bytes) - 1) - 1.0;
  const double clamped = std::min(std::max(std::floor(a), 1.0), type_max);
  return static_cast<Count>(clamped);
}

std::string emit_reference(const std::string& name, const Layer& layer, const Precision& b) {
  const LayerSpec& s = layer.spec();
  const Count cg = layer.bound(Dim::c), mg = layer.bound(Dim::m);
  std::string o;
  o += fmt::format(
      "/* The naive convolution: the loop nest of DESIGN.md, accumulated modulo 2^{} like\n"
      " * the kernel's partial sums, then saturated to {} bytes. */\n",
      8 * b.psum, b.output);
  o += fmt::format("static void {}_reference(const {} *I, const {} *W, {} *O) {{\n", name,
                   data_type(b.input), data_type(b.weight), output_type(b.output));
  o += "  spad_i64 n, g, m, c, p, q, r, s;\n";
  o += fmt::format("  for (n = 0; n < {}; ++n)\n", s.N);
  o += fmt::format("   for (g = 0; g < {}; ++g)\n", s.groups);
  o += fmt::format("    for (m = 0; m < {}; ++m)\n", mg);
  o += fmt::format("     for (p = 0; p < {}; ++p)\n", layer.P());
  o += fmt::format("      for (q = 0; q < {}; ++q) {{\n", layer.Q());
  o += "        uint64_t acc = 0;\n";
  o += fmt::format("        for (c = 0; c < {}; ++c)\n", cg);
  o += fmt::format("         for (r = 0; r < {}; ++r)\n", s.R);
  o += fmt::format("          for (s = 0; s < {}; ++s) {{\n", s.S);
  o += fmt::format("            const spad_i64 y = p * {} + r * {} - {};\n", s.stride_h,
                   s.dilation_h, s.pad_top);
  o += fmt::format("            const spad_i64 x = q * {} + s * {} - {};\n", s.stride_w,
                   s.dilation_w, s.pad_left);
  o += fmt::format("            if (y < 0 || y >= {} || x < 0 || x >= {}) continue;\n", s.H, s.W);
  o += fmt::format(
      "            acc += (uint64_t)((spad_i64)I[((n * {0} + g * {1} + c) * {2} + y) * {3} + x] *\n"
      "                              (spad_i64)W[(((g * {4} + m) * {1} + c) * {5} + r) * {6} + "
      "s]);\n",
      s.C, cg, s.H, s.W, mg, s.R, s.S);
  o += "          }\n";
  o += fmt::format(
      "        O[((n * {} + g * {} + m) * {} + p) * {} + q] =\n"
      "            ({})spad_saturate(spad_psum_value(acc, {}), {});\n",
      s.M, mg, layer.P(), layer.Q(), output_type(b.output), b.psum, b.output);
  o += "      }\n}\n\n";
  return o;
}

std::string emit_selftest_start(const std::string& name, const Layer& layer, const Precision& b,
                                bool psum_array) {
  std::string o;
  const Count nI = layer.size(Tensor::I), nW = layer.size(Tensor::W), nO = layer.size(Tensor::O);
  o += fmt::format("static int {}_selftest(uint64_t seed) {{\n", name);
  o += fmt::format("  {0} *I = ({0} *)malloc({1} * sizeof *I);\n", data_type(b.input), nI);
  o += fmt::format("  {0} *W = ({0} *)malloc({1} * sizeof *W);\n", data_type(b.weight), nW);
  o += fmt::format("  {0} *O = ({0} *)calloc({1}, sizeof *O);\n", output_type(b.output), nO);
  o += fmt::format("  {0} *R = ({0} *)calloc({1}, sizeof *R);\n", output_type(b.output), nO);
  if (psum_array)
    o +=
        fmt::format("  {0} *O_psum = ({0} *)calloc({1}, sizeof *O_psum);\n", psum_type(b.psum), nO);
  o += "  uint64_t rng = seed, hook_in = 0, hook_out = 0;\n  spad_i64 i;\n  int match;\n";
  o += std::string("  if (!I || !W || !O || !R") + (psum_array ? " || !O_psum" : "") +
       ") {\n    fprintf(stderr, \"" + name + ": out of memory\\n\");\n    exit(2);\n  }\n";
  o += fmt::format("  for (i = 0; i < {}; ++i) I[i] = ({})spad_random(&rng, {});\n", nI,
                   data_type(b.input), operand_amplitude(layer, b, b.input));
  o += fmt::format("  for (i = 0; i < {}; ++i) W[i] = ({})spad_random(&rng, {});\n", nW,
                   data_type(b.weight), operand_amplitude(layer, b, b.weight));
  o += "#ifndef SPAD_CUSTOM_DMA\n  hook_in = spad_hook_in_bytes;\n  hook_out = "
       "spad_hook_out_bytes;\n#endif\n";
  o += fmt::format("  {}(I, W, O{});\n", name, psum_array ? ", O_psum" : "");
  o += fmt::format("  {}_reference(I, W, R);\n", name);
  return o;
}

std::string emit_selftest(const KernelPlan& k, bool name_in_json) {
  const Precision& b = k.machine.precision;
  const bool psum_array = separate_psum_array(k);
  std::string o;
  o += "#ifdef SPAD_SELFTEST\n";
  o += emit_reference(k.name, k.layer, b);

  o += emit_selftest_start(k.name, k.layer, b, psum_array);
  const Count nO = k.layer.size(Tensor::O);
  o += fmt::format("  match = memcmp(O, R, {} * sizeof *O) == 0;\n", nO);
  o += "#ifndef SPAD_CUSTOM_DMA\n"
       "  /* the hooks saw exactly the bytes counted per array */\n"
       "  if (spad_hook_in_bytes - hook_in != spad_in_bytes[0] + spad_in_bytes[1] + "
       "spad_in_bytes[2] ||\n"
       "      spad_hook_out_bytes - hook_out != spad_out_bytes[0] + spad_out_bytes[1] + "
       "spad_out_bytes[2])\n"
       "    match = 0;\n"
       "#else\n  (void)hook_in;\n  (void)hook_out;\n#endif\n";
  o += fmt::format(
      "  printf(\"{{{}\\\"match\\\": %s, \\\"dma_in_bytes\\\": {{\\\"I\\\": %llu, \\\"W\\\": %llu, "
      "\\\"O\\\": %llu}}, \\\"dma_out_bytes\\\": {{\\\"O\\\": %llu}}, \\\"scratchpad_bytes\\\": "
      "%llu}}\\n\",\n",
      name_in_json ? fmt::format("\\\"kernel\\\": \\\"{}\\\", ", k.name) : "");
  o += fmt::format(
      "         match ? \"true\" : \"false\", (unsigned long long)spad_in_bytes[SPAD_I],\n"
      "         (unsigned long long)spad_in_bytes[SPAD_W], (unsigned long "
      "long)spad_in_bytes[SPAD_O],\n"
      "         (unsigned long long)spad_out_bytes[SPAD_O], (unsigned long long)sizeof {}_spad);\n",
      k.name);
  o += std::string("  free(I);\n  free(W);\n  free(O);\n  free(R);\n") +
       (psum_array ? "  free(O_psum);\n" : "") + "  return match;\n}\n#endif /* SPAD_SELFTEST */\n";
  return o;
}

std::string emit_selftest_main(const std::vector<std::string>& kernel_names) {
  std::string o = "#ifdef SPAD_SELFTEST\n";
  o += "/* Runs every kernel's self-test; argv[1] is the seed (default 1). */\n";
  o += "int main(int argc, char **argv) {\n  uint64_t seed = 1;\n  int ok = 1;\n";
  o += "  if (argc > 1) seed = (uint64_t)strtoull(argv[1], NULL, 10);\n";
  for (const std::string& name : kernel_names)
    o += fmt::format("  ok &= {}_selftest(seed);\n", name);
  o += "  return ok ? 0 : 1;\n}\n#endif /* SPAD_SELFTEST */\n";
  return o;
}

}  // namespace spad::codegen
