// Checks and buffer maps of a several-level kernel (see level_kernel_plan.hpp).
#include "codegen/level_kernel_plan.hpp"

#include <fmt/format.h>

#include <utility>

#include "base/error.hpp"
#include "codegen/kernel_plan.hpp"
#include "model/level_evaluate.hpp"

namespace spad::codegen {

LevelKernelPlan plan_level_kernel(const LevelKernelRequest& r) {
  const std::string who =
      fmt::format("codegen: layer '{}'", r.layer.name().empty() ? r.name : r.layer.name());
  check_kernel_name(r.name);
  validate(r.schedule, r.layer);
  validate(r.machine);
  check_kernel_precision(who, r.machine.precision);
  if (r.machine.double_buffer)
    throw UserError(fmt::format(
        "{}: --double-buffer with several on-chip levels: generated kernels of several "
        "levels keep one copy of each buffer; leave it out (the model and `spad simulate "
        "--buffer OUTER,INNER` count it), or generate one level",
        who));

  LevelKernelPlan p{
      r.name, r.layer, r.schedule, r.machine, evaluate_levels(r.layer, r.schedule, r.machine),
      {},     {}};
  for (std::size_t l = 0; l < p.traffic.levels.size(); ++l) {
    const LevelCost& level = p.traffic.levels[l];
    if (!level.fits)
      throw UserError(fmt::format(
          "{}: the schedule's buffers at {} take {} bytes, more than its {} bytes (--buffer)", who,
          level_label(r.schedule, l), level.buffer_bytes, *r.machine.levels[l].capacity_bytes));
    if (level.buffer_bytes > kMaxScratchpadBytes)
      throw UserError(fmt::format(
          "{}: the schedule's buffers at {} take {} bytes; generated kernels allocate at "
          "most {} bytes per level",
          who, level_label(r.schedule, l), level.buffer_bytes, kMaxScratchpadBytes));
    PerTensor<Count> offsets{};
    Count offset = 0;
    for (Tensor t : kAllTensors) {
      offsets[t] = offset;
      offset = add(offset, level.arrays[t].buffer_bytes);
    }
    SPAD_CHECK(offset == level.buffer_bytes, "codegen: level buffer map differs from the model");
    p.offset_bytes.push_back(offsets);
    p.level_bytes.push_back(offset);
  }
  const Precision& bytes = r.machine.precision;
  const PerTensor<Count> elem_bytes{{bytes.input, bytes.weight, bytes.psum}};
  for (Tensor t : kAllTensors) {
    Count array_bytes = 0;
    if (!mul_fits(r.layer.size(t), elem_bytes[t], &array_bytes) || array_bytes > kMaxArrayBytes)
      throw UserError(fmt::format(
          "{}: array {} has {} elements; generated kernels index off-chip arrays of at most "
          "{} bytes",
          who, tensor_name(t), r.layer.size(t), kMaxArrayBytes));
  }
  const LayerSpec& spec = r.layer.spec();
  for (const auto& [field, value] :
       {std::pair{"C", spec.C}, {"H", spec.H}, {"W", spec.W}, {"M", spec.M}, {"N", spec.N}})
    if (value > kMaxAxisExtent)
      throw UserError(fmt::format("{}: {} = {}: generated kernels support at most {}", who, field,
                                  value, kMaxAxisExtent));
  return p;
}

}  // namespace spad::codegen
