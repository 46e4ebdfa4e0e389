// spad's shape rules for ONNX operators (see onnx_shape_rules.hpp): which
// operators have a rule, and the dispatch to the rule of each family
// (onnx_rule.hpp lists the files).
#include "io/onnx/onnx_shape_rules.hpp"

#include <set>

#include "io/onnx/onnx_contrib.hpp"
#include "io/onnx/onnx_rule.hpp"

namespace spad {
namespace onnx_rules {
namespace {

const std::set<std::string>& same_shape_ops() {
  static const std::set<std::string> ops = {"Identity",
                                            "Relu",
                                            "LeakyRelu",
                                            "PRelu",
                                            "Sigmoid",
                                            "HardSigmoid",
                                            "HardSwish",
                                            "Tanh",
                                            "Softmax",
                                            "LogSoftmax",
                                            "Hardmax",
                                            "Erf",
                                            "Gelu",
                                            "Sqrt",
                                            "Exp",
                                            "Log",
                                            "Neg",
                                            "Abs",
                                            "Reciprocal",
                                            "Floor",
                                            "Ceil",
                                            "Round",
                                            "Sign",
                                            "Sin",
                                            "Cos",
                                            "Elu",
                                            "Selu",
                                            "Celu",
                                            "Softplus",
                                            "Softsign",
                                            "Mish",
                                            "ThresholdedRelu",
                                            "Clip",
                                            "Dropout",
                                            "BatchNormalization",
                                            "InstanceNormalization",
                                            "LayerNormalization",
                                            "GroupNormalization",
                                            "LpNormalization",
                                            "MeanVarianceNormalization",
                                            "LRN",
                                            "Cast",
                                            "CastLike",
                                            "QuantizeLinear",
                                            "DequantizeLinear",
                                            "Not",
                                            "IsNaN",
                                            "IsInf",
                                            "CumSum",
                                            "Trilu",
                                            "Shrink",
                                            "Sinh",
                                            "Cosh",
                                            "Tan",
                                            "Asin",
                                            "Acos",
                                            "Atan",
                                            "Asinh",
                                            "Acosh",
                                            "Atanh"};
  return ops;
}

const std::set<std::string>& broadcast_ops() {
  static const std::set<std::string> ops = {
      "Add", "Sub",  "Mul",   "Div",   "Pow",     "Max",         "Min",
      "Sum", "Mean", "Equal", "Less",  "Greater", "LessOrEqual", "GreaterOrEqual",
      "And", "Or",   "Xor",   "Where", "Mod",     "BitShift"};
  return ops;
}

const std::set<std::string>& other_ops() {
  static const std::set<std::string> ops = {"Conv",
                                            "ConvInteger",
                                            "QLinearConv",
                                            "ConvTranspose",
                                            "MaxPool",
                                            "AveragePool",
                                            "LpPool",
                                            "GlobalAveragePool",
                                            "GlobalMaxPool",
                                            "GlobalLpPool",
                                            "Pad",
                                            "Concat",
                                            "Split",
                                            "Slice",
                                            "Reshape",
                                            "Flatten",
                                            "Transpose",
                                            "Squeeze",
                                            "Unsqueeze",
                                            "Resize",
                                            "Upsample",
                                            "MatMul",
                                            "MatMulInteger",
                                            "QLinearMatMul",
                                            "Gemm",
                                            "Shape",
                                            "Size",
                                            "Gather",
                                            "Constant",
                                            "ConstantOfShape",
                                            "Range",
                                            "Expand",
                                            "Tile",
                                            "ReduceMean",
                                            "ReduceSum",
                                            "ReduceMax",
                                            "ReduceMin",
                                            "ReduceProd",
                                            "ReduceL1",
                                            "ReduceL2",
                                            "ReduceLogSum",
                                            "ReduceLogSumExp",
                                            "ReduceSumSquare",
                                            "ArgMax",
                                            "ArgMin",
                                            "DepthToSpace",
                                            "SpaceToDepth"};
  return ops;
}

}  // namespace

// Product of dimensions: a number when all are; a symbol when exactly one is
// and the others are 1; unknown otherwise.
OnnxDim product(const Dims& dims) {
  std::int64_t p = 1;
  std::string symbol;
  int symbols = 0;
  for (const OnnxDim& d : dims) {
    if (d.value) {
      if (!mul_fits(p, *d.value, &p) || p > kMaxSize) return {};
    } else if (!d.symbol.empty()) {
      ++symbols;
      symbol = d.symbol;
    } else {
      return {};
    }
  }
  if (symbols == 0) return num(p);
  if (symbols == 1 && p == 1) return OnnxDim{std::nullopt, symbol};
  return {};
}

std::map<std::string, OnnxFact> Rule::run() {
  switch (onnx_contrib_form(node_)) {
    case OnnxProductForm::conv:
      conv_like(1, false);
      return facts_;
    case OnnxProductForm::gemm:
      gemm();
      return facts_;
    case OnnxProductForm::matmul:
      matmul(1, onnx_fused_matmul_transposed(node_, "transA"),
             onnx_fused_matmul_transposed(node_, "transB"));
      return facts_;
    case OnnxProductForm::none:
      break;
  }
  const std::string& op = node_.op();
  if (same_shape_ops().count(op))
    same_shape();
  else if (broadcast_ops().count(op))
    broadcast();
  else if (op == "Conv" || op == "ConvInteger")
    conv_like(1, false);
  else if (op == "QLinearConv")
    conv_like(3, false);
  else if (op == "ConvTranspose")
    conv_like(1, true);
  else if (op == "MaxPool" || op == "AveragePool" || op == "LpPool")
    pool();
  else if (op == "GlobalAveragePool" || op == "GlobalMaxPool" || op == "GlobalLpPool")
    global_pool();
  else if (op == "Pad")
    pad();
  else if (op == "Concat")
    concat();
  else if (op == "Split")
    split();
  else if (op == "Slice")
    slice();
  else if (op == "Reshape")
    reshape();
  else if (op == "Flatten")
    flatten();
  else if (op == "Transpose")
    transpose();
  else if (op == "Squeeze" || op == "Unsqueeze")
    squeeze(op == "Unsqueeze");
  else if (op == "Resize" || op == "Upsample")
    resize();
  else if (op == "MatMul" || op == "MatMulInteger")
    matmul(1, false, false);
  else if (op == "QLinearMatMul")
    matmul(3, false, false);
  else if (op == "Gemm")
    gemm();
  else if (op == "Shape")
    shape_op();
  else if (op == "Size") {
    if (const OnnxShape* x = shape(0)) {
      const OnnxDim n = product(x->dims);
      set_ints(0, OnnxShape{}, {n});
    }
  } else if (op == "Gather")
    gather();
  else if (op == "Constant")
    constant();
  else if (op == "ConstantOfShape")
    constant_of_shape();
  else if (op == "Range")
    range();
  else if (op == "Expand" || op == "Tile")
    expand_tile(op == "Tile");
  else if (op.rfind("Reduce", 0) == 0 || op == "ArgMax" || op == "ArgMin")
    reduce();
  else if (op == "DepthToSpace" || op == "SpaceToDepth")
    depth_space(op == "SpaceToDepth");
  return facts_;
}

}  // namespace onnx_rules

bool onnx_has_shape_rule(const OnnxNode& node) {
  if (onnx_contrib_form(node) != OnnxProductForm::none) return true;
  if (!node.in_default_domain()) return false;
  const std::string& op = node.op();
  return onnx_rules::same_shape_ops().count(op) || onnx_rules::broadcast_ops().count(op) ||
         onnx_rules::other_ops().count(op);
}

std::map<std::string, OnnxFact> onnx_apply_shape_rule(const OnnxNode& node, int opset,
                                                      const OnnxFactLookup& input) {
  if (!onnx_has_shape_rule(node)) return {};
  return onnx_rules::Rule(node, opset, input).run();
}

}  // namespace spad
