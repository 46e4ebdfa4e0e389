// Assembling a generated C file of several-level kernels, and their self-test
// (see generate_level_c.hpp).
#include "codegen/generate_level_c.hpp"

#include <fmt/format.h>

#include <set>

#include "base/error.hpp"
#include "codegen/emit_kernel.hpp"
#include "codegen/emit_level_kernel.hpp"
#include "codegen/emit_selftest.hpp"
#include "codegen/level_c_runtime.hpp"

namespace spad::codegen {
namespace {

std::string in_bytes_json(const std::string& row) {
  return fmt::format(
      "(unsigned long long)spad_lv_in_bytes[{0}][SPAD_I], (unsigned long "
      "long)spad_lv_in_bytes[{0}][SPAD_W],\n         (unsigned long "
      "long)spad_lv_in_bytes[{0}][SPAD_O], "
      "(unsigned long long)spad_lv_out_bytes[{0}][SPAD_O]",
      row);
}

std::string emit_level_selftest(const LevelKernelPlan& k, bool name_in_json) {
  const Precision& b = k.machine.precision;
  const bool psum_array = level_separate_psum_array(k);
  std::string o = "#ifdef SPAD_SELFTEST\n";
  o += emit_reference(k.name, k.layer, b);
  const Count nI = k.layer.size(Tensor::I), nW = k.layer.size(Tensor::W),
              nO = k.layer.size(Tensor::O);
  Count total = 0;
  for (Count bytes : k.level_bytes) total += bytes;
  o += fmt::format("static int {}_selftest(uint64_t seed) {{\n", k.name);
  o += fmt::format("  {0} *I = ({0} *)malloc({1} * sizeof *I);\n", data_type(b.input), nI);
  o += fmt::format("  {0} *W = ({0} *)malloc({1} * sizeof *W);\n", data_type(b.weight), nW);
  o += fmt::format("  {0} *O = ({0} *)calloc({1}, sizeof *O);\n", output_type(b.output), nO);
  o += fmt::format("  {0} *R = ({0} *)calloc({1}, sizeof *R);\n", output_type(b.output), nO);
  if (psum_array)
    o +=
        fmt::format("  {0} *O_psum = ({0} *)calloc({1}, sizeof *O_psum);\n", psum_type(b.psum), nO);
  o += "  uint64_t rng = seed, hook_in = 0, hook_out = 0;\n  spad_i64 i;\n  int match;\n";
  o += std::string("  if (!I || !W || !O || !R") + (psum_array ? " || !O_psum" : "") +
       ") {\n    fprintf(stderr, \"" + k.name + ": out of memory\\n\");\n    exit(2);\n  }\n";
  o += fmt::format("  for (i = 0; i < {}; ++i) I[i] = ({})spad_random(&rng, {});\n", nI,
                   data_type(b.input), operand_amplitude(k.layer, b, b.input));
  o += fmt::format("  for (i = 0; i < {}; ++i) W[i] = ({})spad_random(&rng, {});\n", nW,
                   data_type(b.weight), operand_amplitude(k.layer, b, b.weight));
  o += "#ifndef SPAD_CUSTOM_DMA\n  hook_in = spad_hook_in_bytes;\n  hook_out = "
       "spad_hook_out_bytes;\n#endif\n";
  o += fmt::format("  {}(I, W, O{});\n", k.name, psum_array ? ", O_psum" : "");
  o += fmt::format("  {}_reference(I, W, R);\n", k.name);
  o += fmt::format("  match = memcmp(O, R, {} * sizeof *O) == 0 && !spad_lv_fault;\n", nO);
  o += "#ifndef SPAD_CUSTOM_DMA\n"
       "  /* the hooks saw exactly the bytes the kernel moved */\n"
       "  if (spad_hook_in_bytes - hook_in != spad_lv_moved_in ||\n"
       "      spad_hook_out_bytes - hook_out != spad_lv_moved_out)\n"
       "    match = 0;\n"
       "#else\n  (void)hook_in;\n  (void)hook_out;\n#endif\n";
  o += fmt::format(
      "  printf(\"{{{}\\\"match\\\": %s, \\\"dma_in_bytes\\\": {{\\\"I\\\": %llu, \\\"W\\\": %llu, "
      "\\\"O\\\": %llu}}, \\\"dma_out_bytes\\\": {{\\\"O\\\": %llu}}, \\\"scratchpad_bytes\\\": "
      "{}, \\\"levels\\\": [\",\n         match ? \"true\" : \"false\", {});\n",
      name_in_json ? fmt::format("\\\"kernel\\\": \\\"{}\\\", ", k.name) : "", total,
      in_bytes_json("1"));
  for (std::size_t l = 0; l < k.schedule.levels.size(); ++l)
    o += fmt::format(
        "  printf(\"{}{{\\\"name\\\": \\\"{}\\\", \\\"bytes\\\": {}, \\\"dma_in_bytes\\\": "
        "{{\\\"I\\\": %llu, \\\"W\\\": %llu, \\\"O\\\": %llu}}, \\\"dma_out_bytes\\\": "
        "{{\\\"O\\\": %llu}}}}\",\n         {});\n",
        l == 0 ? "" : ", ", level_c_label(k, l), k.level_bytes[l],
        in_bytes_json(std::to_string(l + 1)));
  o += "  printf(\"]}\\n\");\n";
  o += std::string("  free(I);\n  free(W);\n  free(O);\n  free(R);\n") +
       (psum_array ? "  free(O_psum);\n" : "") + "  return match;\n}\n#endif /* SPAD_SELFTEST */\n";
  return o;
}

std::string emit_level_selftest_main(const std::vector<LevelKernelPlan>& plans) {
  std::string o = "#ifdef SPAD_SELFTEST\n";
  o += "/* Runs every kernel's self-test; argv[1] is the seed (default 1). */\n";
  o += "int main(int argc, char **argv) {\n  uint64_t seed = 1;\n  int ok = 1;\n";
  o += "  if (argc > 1) seed = (uint64_t)strtoull(argv[1], NULL, 10);\n";
  for (const LevelKernelPlan& k : plans) o += fmt::format("  ok &= {}_selftest(seed);\n", k.name);
  o += "  return ok ? 0 : 1;\n}\n#endif /* SPAD_SELFTEST */\n";
  return o;
}

}  // namespace

std::string generate_level_c(const std::vector<LevelKernelRequest>& kernels) {
  SPAD_CHECK(!kernels.empty(), "generate_level_c: no kernel");
  std::vector<LevelKernelPlan> plans;
  std::set<std::string> names;
  for (const LevelKernelRequest& r : kernels) {
    if (!names.insert(r.name).second)
      throw UserError(fmt::format("codegen: two kernels are named '{}'", r.name));
    plans.push_back(plan_level_kernel(r));
  }
  std::string o =
      "/* Generated by spad codegen: tiled convolution kernels over several on-chip levels\n"
      " * with explicit DMA. Standalone C99. Build the self-test with\n"
      " *   cc -std=c99 -O2 -DSPAD_SELFTEST this.c && ./a.out [seed]\n"
      " * Port the DMA hooks with -DSPAD_CUSTOM_DMA (see below). */\n";
  o += level_c_runtime_source();
  for (const LevelKernelPlan& p : plans) {
    o += '\n';
    o += emit_level_kernel(p);
    o += '\n';
    o += emit_level_selftest(p, plans.size() > 1);
  }
  o += '\n';
  o += emit_level_selftest_main(plans);
  return o;
}

}  // namespace spad::codegen
