// Gemm / MatMul -> spad fully-connected layer.
#include "io/onnx_fc.hpp"

#include <string>

#include "io/text_fields.hpp"

namespace spad {
namespace {

bool transposed(const OnnxNode& node, const char* name) {
  const std::int64_t v = node.int_attr(name).value_or(0);
  if (v != 0 && v != 1)
    node.fail("attribute " + std::string(name) + " = " + std::to_string(v) + ": must be 0 or 1");
  return v == 1;
}

Count known_dim(const OnnxNode& node, const std::string& tensor, const OnnxShape& shape, int axis,
                const char* meaning) {
  if (auto v = shape.value(axis)) return *v;
  node.fail(std::string(meaning) + " is unknown: dim " + std::to_string(axis) + " of " +
            in_quotes(tensor) + " " + shape_text(shape) + " is not a fixed number");
}

}  // namespace

std::optional<NetworkLayer> onnx_fc_layer(const OnnxNode& node, const OnnxTensors& tensors,
                                          std::optional<Count> batch) {
  const bool gemm = node.op() == "Gemm";
  if (!node.has_input(0) || !node.has_input(1))
    node.fail("needs two operands A and B (inputs 0 and 1)");
  const std::string a = node.input(0), b = node.input(1);
  const bool trans_a = gemm && transposed(node, "transA");
  const bool trans_b = gemm && transposed(node, "transB");

  // A product of two activations (e.g. a Gram matrix) is not a layer with weights.
  if (!tensors.is_weight(b)) return std::nullopt;
  const OnnxShape* bs = tensors.shape(b);
  const OnnxShape* as = tensors.shape(a);
  if (gemm) {
    if (bs == nullptr)
      node.fail("weight " + in_quotes(b) + " " + tensors.unknown_shape_text(b) +
                "; spad needs its sizes");
    if (bs->rank() != 2)
      node.fail("weight " + in_quotes(b) + " has shape " + shape_text(*bs) +
                ": a Gemm operand must be 2-D");
    if (as && as->rank() != 2)
      node.fail("input " + in_quotes(a) + " has shape " + shape_text(*as) +
                ": a Gemm operand must be 2-D");
  } else {
    // MatMul: only the 2-D x 2-D product is a fully-connected layer.
    if (bs == nullptr || bs->rank() != 2) return std::nullopt;
    if (as == nullptr)
      node.fail("input " + in_quotes(a) + " " + tensors.unknown_shape_text(a) +
                ", so spad cannot tell whether this MatMul is a fully-connected layer");
    if (as->rank() != 2) return std::nullopt;
  }

  LayerSpec spec;
  spec.name = node.layer_name();
  spec.C = known_dim(node, b, *bs, trans_b ? 1 : 0, "the input feature count C");
  spec.M = known_dim(node, b, *bs, trans_b ? 0 : 1, "the output feature count M");
  spec.N = onnx_batch(node, a, as, trans_a ? 1 : 0, batch);
  if (as) {
    const int k_axis = trans_a ? 0 : 1;
    if (auto k = as->value(k_axis); k && *k != spec.C)
      node.fail("operands disagree: input " + in_quotes(a) + " " + shape_text(*as) + " has " +
                std::to_string(*k) + " features (dim " + std::to_string(k_axis) + "), weight " +
                in_quotes(b) + " " + shape_text(*bs) + " expects " + std::to_string(spec.C) +
                (gemm ? std::string(" (transA = ") + (trans_a ? "1" : "0") +
                            ", transB = " + (trans_b ? "1" : "0") + ")"
                      : std::string()));
  }
  node.validate(spec);
  return NetworkLayer{spec, "fc", gemm && node.has_input(2)};
}

}  // namespace spad
