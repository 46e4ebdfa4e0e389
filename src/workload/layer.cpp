// Validation and derived sizes of a convolution layer.
#include "workload/layer.hpp"

#include <string>

#include "base/error.hpp"
#include "base/name_text.hpp"

namespace spad {
namespace {

std::string where(const LayerSpec& s) {
  return "layer '" + (s.name.empty() ? std::string(kUnnamedLayer) : printable(s.name)) + "'";
}

[[noreturn]] void reject(const LayerSpec& s, const std::string& field, Count value,
                         const std::string& why) {
  throw UserError(where(s) + ": " + field + " = " + std::to_string(value) + ": " + why);
}

void require_positive(const LayerSpec& s, const std::string& field, Count value) {
  if (value < 1) reject(s, field, value, "must be a positive integer");
}

void require_non_negative(const LayerSpec& s, const std::string& field, Count value) {
  if (value < 0) reject(s, field, value, "must be zero or positive");
}

// One spatial axis: output extent from input extent, kernel, stride, dilation, pads.
Count output_extent(const LayerSpec& s, const char* axis, Count in, Count kernel, Count stride,
                    Count dilation, Count pad_lo, Count pad_hi) {
  Count kernel_extent = 0;
  if (!mul_fits(dilation, kernel - 1, &kernel_extent) || kernel_extent > kMaxWorkProduct)
    reject(s, std::string("dilation_") + axis, dilation, "dilated kernel extent overflows");
  kernel_extent += 1;
  if (kernel_extent > kMaxKernelExtent)
    throw UserError(where(s) + ": kernel extent along " + axis + " is " +
                    std::to_string(kernel_extent) +
                    " (dilation*(kernel-1)+1); spad accepts at most " +
                    std::to_string(kMaxKernelExtent) + " (docs/resource-contract.md)");
  const Count padded = in + pad_lo + pad_hi;
  if (kernel_extent > padded)
    throw UserError(where(s) + ": kernel extent along " + axis + " (" +
                    std::to_string(kernel_extent) +
                    " = dilation*(kernel-1)+1) is larger than the padded input (" +
                    std::to_string(padded) + "); reduce the kernel or dilation, or add padding");
  return (padded - kernel_extent) / stride + 1;
}

}  // namespace

Layer::Layer(LayerSpec spec) : spec_(std::move(spec)) {
  const LayerSpec& s = spec_;
  if (const std::string problem = name_problem(s.name); !problem.empty())
    throw UserError(where(s) + ": the name has " + problem +
                    "; names must be printable UTF-8 text");
  require_positive(s, "N", s.N);
  require_positive(s, "C", s.C);
  require_positive(s, "M", s.M);
  require_positive(s, "H", s.H);
  require_positive(s, "W", s.W);
  require_positive(s, "R", s.R);
  require_positive(s, "S", s.S);
  require_positive(s, "stride[0] (h)", s.stride_h);
  require_positive(s, "stride[1] (w)", s.stride_w);
  require_positive(s, "dilation[0] (h)", s.dilation_h);
  require_positive(s, "dilation[1] (w)", s.dilation_w);
  require_non_negative(s, "pad[0] (top)", s.pad_top);
  require_non_negative(s, "pad[1] (left)", s.pad_left);
  require_non_negative(s, "pad[2] (bottom)", s.pad_bottom);
  require_non_negative(s, "pad[3] (right)", s.pad_right);
  require_positive(s, "groups", s.groups);
  for (auto [field, value] : {std::pair{"H", s.H},
                              {"W", s.W},
                              {"R", s.R},
                              {"S", s.S},
                              {"pad[0] (top)", s.pad_top},
                              {"pad[1] (left)", s.pad_left},
                              {"pad[2] (bottom)", s.pad_bottom},
                              {"pad[3] (right)", s.pad_right},
                              {"stride[0] (h)", s.stride_h},
                              {"stride[1] (w)", s.stride_w}}) {
    if (value > kMaxWorkProduct) reject(s, field, value, "is too large for spad's 64-bit counts");
  }
  if (s.C % s.groups != 0)
    throw UserError(where(s) + ": groups = " + std::to_string(s.groups) +
                    " does not divide C = " + std::to_string(s.C));
  if (s.M % s.groups != 0)
    throw UserError(where(s) + ": groups = " + std::to_string(s.groups) +
                    " does not divide M = " + std::to_string(s.M));

  P_ = output_extent(s, "h", s.H, s.R, s.stride_h, s.dilation_h, s.pad_top, s.pad_bottom);
  Q_ = output_extent(s, "w", s.W, s.S, s.stride_w, s.dilation_w, s.pad_left, s.pad_right);

  bounds_[Dim::n] = s.N;
  bounds_[Dim::g] = s.groups;
  bounds_[Dim::m] = s.M / s.groups;
  bounds_[Dim::c] = s.C / s.groups;
  bounds_[Dim::p] = P_;
  bounds_[Dim::q] = Q_;
  bounds_[Dim::r] = s.R;
  bounds_[Dim::s] = s.S;

  // Every traffic count is bounded by N*M*C*P*Q*R*S (times a byte size and a
  // small constant); reject layers where that product leaves no headroom.
  Count work = 1;
  for (auto [field, value] : {std::pair{"N", s.N},
                              {"M", s.M},
                              {"C", s.C},
                              {"P", P_},
                              {"Q", Q_},
                              {"R", s.R},
                              {"S", s.S}}) {
    if (!mul_fits(work, value, &work) || work > kMaxWorkProduct)
      throw UserError(where(s) +
                      ": sizes too large: the product N*M*C*P*Q*R*S overflows "
                      "spad's 64-bit counts (at " +
                      std::string(field) + " = " + std::to_string(value) + ")");
  }
  Count input_elems = 1;
  for (auto [field, value] : {std::pair{"N", s.N}, {"C", s.C}, {"H", s.H}, {"W", s.W}}) {
    if (!mul_fits(input_elems, value, &input_elems) || input_elems > kMaxWorkProduct)
      throw UserError(where(s) +
                      ": sizes too large: the input N*C*H*W overflows "
                      "spad's 64-bit counts (at " +
                      std::string(field) + " = " + std::to_string(value) + ")");
  }

  sizes_[Tensor::I] = s.N * s.C * s.H * s.W;
  sizes_[Tensor::W] = s.M * (s.C / s.groups) * s.R * s.S;
  sizes_[Tensor::O] = s.N * s.M * P_ * Q_;
  macs_ = s.N * s.M * (s.C / s.groups) * s.R * s.S * P_ * Q_;
}

}  // namespace spad
