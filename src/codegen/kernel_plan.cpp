// Checks and derived facts of a kernel (see kernel_plan.hpp).
#include "codegen/kernel_plan.hpp"

#include <fmt/format.h>

#include <utility>

#include "base/error.hpp"
#include "codegen/c_names.hpp"
#include "model/evaluate.hpp"

namespace spad::codegen {
namespace {

std::string who(const KernelRequest& r) {
  return fmt::format("codegen: layer '{}'", r.layer.name().empty() ? r.name : r.layer.name());
}

}  // namespace

void check_kernel_precision(const std::string& who_text, const Precision& p) {
  const auto data = [&](Count bytes, std::string_view field) {
    if (bytes != 1 && bytes != 2 && bytes != 4)
      throw UserError(
          fmt::format("{}: precision {} = {} bytes: generated kernels support 1, 2 or "
                      "4 bytes for data (int8/16/32)",
                      who_text, field, bytes));
  };
  const auto wide = [&](Count bytes, std::string_view field) {
    if (bytes != 1 && bytes != 2 && bytes != 4 && bytes != 8)
      throw UserError(
          fmt::format("{}: precision {} = {} bytes: generated kernels support 1, 2, 4 "
                      "or 8 bytes for outputs and partial sums",
                      who_text, field, bytes));
  };
  data(p.input, "in");
  data(p.weight, "w");
  wide(p.output, "out");
  wide(p.psum, "psum");
  if (p.output > p.psum)
    throw UserError(
        fmt::format("{}: precision out = {} bytes is wider than psum = {} bytes: the O "
                    "buffer holds partial sums and cannot hold the final outputs; use "
                    "psum >= out",
                    who_text, p.output, p.psum));
}

namespace {

// Position of j*_A: among the loops outside A's buffer, the innermost that
// indexes A and has more than one tile.
int j_star(const Schedule& s, const PerDim<Count>& trips, Tensor t) {
  for (int pos = s.buffer_span[t]; pos < static_cast<int>(kNumDims); ++pos) {
    const Dim d = s.order[pos];
    if (indexes(t, d) && trips[d] > 1) return pos;
  }
  return -1;
}

}  // namespace

bool valid_kernel_name(const std::string& name) { return kernel_name_problem(name).empty(); }

void check_kernel_name(const std::string& name) {
  const std::string problem = kernel_name_problem(name);
  if (!problem.empty())
    throw UserError(
        fmt::format("codegen: kernel name '{}' cannot name a C kernel: {}; choose "
                    "another --name",
                    name, problem));
}

std::string kernel_name_from(const std::string& layer_name) {
  std::string out;
  for (char c : layer_name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += ok ? c : '_';
  }
  if (out.empty()) return "conv";
  if ((out[0] >= '0' && out[0] <= '9') || out[0] == '_' || out.rfind("spad", 0) == 0 ||
      !kernel_name_problem(out.substr(0, 63)).empty())
    out = "conv_" + out;
  if (out.size() > 63) out.resize(63);
  return out;
}

KernelPlan plan_kernel(const KernelRequest& r) {
  check_kernel_name(r.name);
  validate(r.schedule, r.layer);
  validate(r.machine);
  check_kernel_precision(who(r), r.machine.precision);

  KernelPlan p{r.name,
               r.layer,
               r.schedule,
               r.machine,
               evaluate(r.layer, r.schedule, r.machine),
               trip_counts(r.schedule, r.layer)};
  if (!p.traffic.fits)
    throw UserError(
        fmt::format("{}: the schedule's buffers take {} bytes, more than the "
                    "scratchpad's {} bytes (--buffer)",
                    who(r), p.traffic.buffer_bytes, *r.machine.capacity_bytes));
  if (p.traffic.buffer_bytes > kMaxScratchpadBytes)
    throw UserError(
        fmt::format("{}: the schedule's buffers take {} bytes; generated kernels "
                    "allocate at most {} bytes of scratchpad",
                    who(r), p.traffic.buffer_bytes, kMaxScratchpadBytes));
  const Precision& bytes = r.machine.precision;
  const PerTensor<Count> elem_bytes{{bytes.input, bytes.weight, bytes.psum}};
  for (Tensor t : kAllTensors) {
    Count array_bytes = 0;
    if (!mul_fits(r.layer.size(t), elem_bytes[t], &array_bytes) || array_bytes > kMaxArrayBytes)
      throw UserError(
          fmt::format("{}: array {} has {} elements; generated kernels index off-chip "
                      "arrays of at most {} bytes",
                      who(r), tensor_name(t), r.layer.size(t), kMaxArrayBytes));
  }

  const LayerSpec& spec = r.layer.spec();
  for (const auto& [field, value] : {std::pair{"C", spec.C}, {"H", spec.H}, {"W", spec.W}})
    if (value > kMaxAxisExtent)
      throw UserError(fmt::format("{}: {} = {}: generated kernels support at most {}", who(r),
                                  field, value, kMaxAxisExtent));

  for (Tensor t : kAllTensors) p.j_star[t] = j_star(r.schedule, p.trips, t);
  const int j = p.j_star[Tensor::I];
  if (r.machine.halo_reuse && j >= 0) {
    const Dim d = r.schedule.order[j];
    if (d == Dim::p || d == Dim::r) p.halo_axis = 0;
    if (d == Dim::q || d == Dim::s) p.halo_axis = 1;
  }
  Count offset = 0;
  for (Tensor t : kAllTensors) {
    p.offset_bytes[t] = offset;
    offset = add(offset, p.traffic.arrays[t].buffer_bytes);
  }
  p.scratchpad_bytes = offset;
  SPAD_CHECK(offset == p.traffic.buffer_bytes, "codegen: buffer map differs from the model's sum");
  return p;
}

}  // namespace spad::codegen
