// Guarded inference functions for the ONNX conv / pool operators.
#include "io/onnx/onnx_schema_guard.hpp"

#include <onnx/defs/shape_inference.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace spad {
namespace {

// Largest spatial size whose SAME padding ONNX 1.12 computes in bounded time
// (it subtracts the stride in a loop).
constexpr std::int64_t kMaxSamePadExtent = std::int64_t{1} << 31;

// The index of the weight input whose dims 2.. give the kernel, if any.
std::optional<int> weight_input(const std::string& op) {
  if (op == "Conv" || op == "ConvInteger" || op == "ConvTranspose") return 1;
  if (op == "QLinearConv") return 3;
  return std::nullopt;
}

bool guarded_op(const std::string& op) {
  return weight_input(op) || op == "MaxPool" || op == "AveragePool" || op == "LpPool";
}

void check_conv_pool(onnx::InferenceContext& ctx, std::optional<int> weight) {
  std::vector<std::int64_t> strides, dilations;
  if (onnx::getRepeatedAttribute(ctx, "strides", strides))
    for (std::int64_t s : strides)
      if (s < 1) fail_shape_inference("Attribute strides must be positive, got ", s);
  if (onnx::getRepeatedAttribute(ctx, "dilations", dilations))
    for (std::int64_t d : dilations)
      if (d < 1) fail_shape_inference("Attribute dilations must be positive, got ", d);
  if (!onnx::hasInputShape(ctx, 0)) return;
  const onnx::TensorShapeProto& x = ctx.getInputType(0)->tensor_type().shape();
  if (weight && onnx::hasInputShape(ctx, *weight)) {
    const onnx::TensorShapeProto& w = ctx.getInputType(*weight)->tensor_type().shape();
    if (w.dim_size() != x.dim_size())
      fail_shape_inference("Weight rank ", w.dim_size(), " differs from input rank ", x.dim_size());
  }
  if (ctx.getAttribute("auto_pad") != nullptr)
    for (const auto& d : x.dim())
      if (d.has_dim_value() && d.dim_value() > kMaxSamePadExtent)
        fail_shape_inference("Input size ", d.dim_value(), " too large for auto_pad");
}

}  // namespace

const onnx::OpSchema* OnnxGuardedSchemas::GetSchema(const std::string& key,
                                                    const int maxInclusiveVersion,
                                                    const std::string& domain) const {
  const onnx::OpSchema* schema = base_->GetSchema(key, maxInclusiveVersion, domain);
  const bool default_domain = domain.empty() || domain == "ai.onnx";
  if (schema == nullptr || !default_domain || !guarded_op(key) ||
      !schema->has_type_and_shape_inference_function())
    return schema;
  std::unique_ptr<onnx::OpSchema>& copy = guarded_[schema];
  if (!copy) {
    copy = std::make_unique<onnx::OpSchema>(*schema);
    const onnx::InferenceFunction inner = schema->GetTypeAndShapeInferenceFunction();
    const std::optional<int> weight = weight_input(key);
    copy->TypeAndShapeInferenceFunction([inner, weight](onnx::InferenceContext& ctx) {
      check_conv_pool(ctx, weight);
      inner(ctx);
    });
  }
  return copy.get();
}

}  // namespace spad
