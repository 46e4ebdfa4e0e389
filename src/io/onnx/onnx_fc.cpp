// Gemm / MatMul -> spad fully-connected ("fc") or activation-product ("matmul") layer.
#include "io/onnx/onnx_fc.hpp"

#include <string>
#include <utility>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/onnx/onnx_contrib.hpp"

namespace spad {
namespace {

// Gemm, or ONNX Runtime's FusedGemm (Gemm + activation).
bool is_gemm(const OnnxNode& node) {
  return (node.in_default_domain() && node.op() == "Gemm") ||
         onnx_contrib_form(node) == OnnxProductForm::gemm;
}

// `shape` with its last two axes swapped when `transpose` (FusedMatMul's transA / transB).
OnnxShape swapped(const OnnxShape& shape, bool transpose) {
  OnnxShape out = shape;
  if (transpose && out.rank() >= 2) std::swap(out.dims[out.rank() - 2], out.dims[out.rank() - 1]);
  return out;
}

bool transposed(const OnnxNode& node, const char* name) {
  const std::int64_t v = node.int_attr(name).value_or(0);
  if (v != 0 && v != 1)
    node.fail("attribute " + std::string(name) + " = " + std::to_string(v) + ": must be 0 or 1");
  return v == 1;
}

Count known_dim(const OnnxNode& node, const std::string& tensor, const OnnxShape& shape, int axis,
                const char* meaning) {
  if (auto v = shape.value(axis)) {
    if (*v < 1)
      node.fail(std::string(meaning) + " = " + std::to_string(*v) + " (dim " +
                std::to_string(axis) + " of " + in_quotes(tensor) + " " + shape_text(shape) +
                "): must be a positive integer");
    return *v;
  }
  node.fail(std::string(meaning) + " is unknown: dim " + std::to_string(axis) + " of " +
            in_quotes(tensor) + " " + shape_text(shape) + " is not a fixed number");
}

// Dimension `axis` of an operand: dim 0 may be the batch (--batch fills a symbol).
Count operand_dim(const OnnxNode& node, const std::string& tensor, const OnnxShape& shape, int axis,
                  std::optional<Count> batch, const char* meaning, const std::string& cause) {
  if (axis == 0 && !shape.value(0)) return onnx_batch(node, tensor, &shape, 0, batch, cause);
  return known_dim(node, tensor, shape, axis, meaning);
}

Count times(const OnnxNode& node, Count a, Count b) {
  Count p = 0;
  if (!mul_fits(a, b, &p) || p > kMaxWorkProduct)
    node.fail("sizes too large for spad's 64-bit counts");
  return p;
}

const OnnxShape& operand_shape(const OnnxNode& node, const OnnxTensors& tensors,
                               const std::string& tensor, const char* role) {
  const OnnxShape* s = tensors.shape(tensor);
  if (s == nullptr)
    node.fail(std::string(role) + " " + in_quotes(tensor) + " " +
              tensors.unknown_shape_text(tensor) + "; spad needs its sizes");
  if (s->rank() < 1)
    node.fail(std::string(role) + " " + in_quotes(tensor) + " is a scalar: not a matrix product");
  return *s;
}

NetworkLayer gemm_layer(const OnnxNode& node, const OnnxTensors& tensors,
                        std::optional<Count> batch) {
  const std::string a = node.input(0), b = node.input(1);
  const bool trans_a = transposed(node, "transA");
  const bool trans_b = transposed(node, "transB");
  const bool weight = tensors.is_weight(b);
  const OnnxShape& bs = operand_shape(node, tensors, b, weight ? "weight" : "operand B");
  const OnnxShape& as = operand_shape(node, tensors, a, "input");
  if (bs.rank() != 2)
    node.fail((weight ? "weight " : "operand B ") + in_quotes(b) + " has shape " + shape_text(bs) +
              ": a Gemm operand must be 2-D");
  if (as.rank() != 2)
    node.fail("input " + in_quotes(a) + " has shape " + shape_text(as) +
              ": a Gemm operand must be 2-D");
  LayerSpec spec;
  spec.name = node.layer_name();
  spec.C = known_dim(node, b, bs, trans_b ? 1 : 0, "the input feature count C");
  spec.M = known_dim(node, b, bs, trans_b ? 0 : 1, "the output feature count M");
  spec.N = trans_a ? known_dim(node, a, as, 1, "the row count N")
                   : operand_dim(node, a, as, 0, batch, "the row count N", tensors.cause(a));
  const int k_axis = trans_a ? 0 : 1;
  if (auto k = as.value(k_axis); k && *k != spec.C)
    node.fail("operands disagree: input " + in_quotes(a) + " " + shape_text(as) + " has " +
              std::to_string(*k) + " features (dim " + std::to_string(k_axis) + "), " +
              (weight ? "weight " : "operand B ") + in_quotes(b) + " " + shape_text(bs) +
              " expects " + std::to_string(spec.C) + " (transA = " + (trans_a ? "1" : "0") +
              ", transB = " + (trans_b ? "1" : "0") + ")");
  node.validate(spec);
  return NetworkLayer{spec, weight ? LayerKind::fc : LayerKind::matmul, node.has_input(2)};
}

// MatMul (and its integer forms) with operands of shapes `as` and `bs`.
NetworkLayer matmul_layer(const OnnxNode& node, const OnnxTensors& tensors,
                          std::optional<Count> batch, const OnnxShape& as, const OnnxShape& bs);

}  // namespace

bool onnx_is_weight_product(const OnnxNode& node, const OnnxTensors& tensors) {
  const int bi = is_gemm(node) ? 1 : onnx_matmul_b_index(node);
  return node.has_input(0) && node.has_input(bi) && tensors.is_weight(node.input(0)) &&
         tensors.is_weight(node.input(bi));
}

SkippedNode onnx_weight_product_node(const OnnxNode& node, const OnnxTensors& tensors) {
  const LayerSpec spec = onnx_fc_layer(node, tensors, std::nullopt).spec;
  SkippedNode s;
  s.node = node.layer_name();
  s.op = node.op_key();
  s.reason =
      "computes a weight from constants (both operands are weights): weight arithmetic, "
      "not a layer";
  s.macs = times(node, times(node, spec.N, spec.M), spec.C / spec.groups);
  return s;
}

int onnx_matmul_b_index(const OnnxNode& node) { return node.op() == "QLinearMatMul" ? 3 : 1; }

NetworkLayer onnx_fc_layer(const OnnxNode& node, const OnnxTensors& tensors,
                           std::optional<Count> batch) {
  const int bi = is_gemm(node) ? 1 : onnx_matmul_b_index(node);
  if (!node.has_input(0) || !node.has_input(bi))
    node.fail("needs two operands A and B (inputs 0 and " + std::to_string(bi) + ")");
  if (is_gemm(node)) return gemm_layer(node, tensors, batch);
  const std::string a = node.input(0), b = node.input(bi);
  const OnnxShape& as = operand_shape(node, tensors, a, "input");
  const OnnxShape& bs =
      operand_shape(node, tensors, b, tensors.is_weight(b) ? "weight" : "operand B");
  if (onnx_contrib_form(node) != OnnxProductForm::matmul)
    return matmul_layer(node, tensors, batch, as, bs);
  // FusedMatMul: the operands as they are multiplied, after transA / transB.
  const bool ta = onnx_fused_matmul_transposed(node, "transA");
  const bool tb = onnx_fused_matmul_transposed(node, "transB");
  if (!ta && !tb) return matmul_layer(node, tensors, batch, as, bs);
  try {
    return matmul_layer(node, tensors, batch, swapped(as, ta), swapped(bs, tb));
  } catch (const UserError& e) {
    throw UserError(std::string(e.what()) + " (shapes as multiplied, after transA = " +
                    (ta ? "1" : "0") + ", transB = " + (tb ? "1" : "0") + ")");
  }
}

namespace {

NetworkLayer matmul_layer(const OnnxNode& node, const OnnxTensors& tensors,
                          std::optional<Count> batch, const OnnxShape& as, const OnnxShape& bs) {
  const std::string a = node.input(0), b = node.input(onnx_matmul_b_index(node));
  const bool weight = tensors.is_weight(b);
  const int ra = as.rank(), rb = bs.rank();
  // The contracted size c and the output size m.
  const Count c = known_dim(node, a, as, ra - 1, "the input feature count C");
  const Count kb = known_dim(node, b, bs, rb == 1 ? 0 : rb - 2, "the input feature count C");
  if (kb != c)
    node.fail("operands disagree: input " + in_quotes(a) + " " + shape_text(as) + " has " +
              std::to_string(c) + " features (last dim), " + (weight ? "weight " : "operand B ") +
              in_quotes(b) + " " + shape_text(bs) + " expects " + std::to_string(kb));
  const Count m = rb == 1 ? 1 : known_dim(node, b, bs, rb - 1, "the output feature count M");

  // Batch dims: all but the last two dims of each operand (a 1-D operand
  // has none), broadcast together as numpy does.
  const int ba = std::max(0, ra - 2), bb = std::max(0, rb - 2), nb = std::max(ba, bb);
  Count groups = 1, b_batch = 1;
  for (int i = 0; i < nb; ++i) {
    const int ia = i - (nb - ba), ib = i - (nb - bb);
    const Count da =
        ia >= 0 ? operand_dim(node, a, as, ia, batch, "a batch dimension", tensors.cause(a)) : 1;
    const Count db =
        ib >= 0 ? operand_dim(node, b, bs, ib, batch, "a batch dimension", tensors.cause(b)) : 1;
    if (da != db && da != 1 && db != 1)
      node.fail("batch dimensions of input " + in_quotes(a) + " " + shape_text(as) +
                " and operand " + in_quotes(b) + " " + shape_text(bs) +
                " do not broadcast: " + std::to_string(da) + " and " + std::to_string(db));
    groups = times(node, groups, std::max(da, db));
    b_batch = times(node, b_batch, db);
  }
  LayerSpec spec;
  spec.name = node.layer_name();
  if (weight && b_batch == 1) {
    // One weight matrix shared by every row: N = the product of A's leading dims.
    Count n = 1;
    for (int i = 0; i + 1 < ra; ++i)
      n = times(
          node, n,
          operand_dim(node, a, as, i, batch, "a leading dimension of the input", tensors.cause(a)));
    spec.N = n;
    spec.C = c;
    spec.M = m;
  } else {
    // DESIGN: A[..., n, c] x B[..., c, m] is the grouped fully-connected layer
    // G = the product of the (broadcast) batch dims, N = n, C = G*c, M = G*m.
    spec.N =
        ra >= 2 ? operand_dim(node, a, as, ra - 2, batch, "the row count n", tensors.cause(a)) : 1;
    spec.C = times(node, groups, c);
    spec.M = times(node, groups, m);
    spec.groups = groups;
  }
  node.validate(spec);
  // A weight is an fc layer (grouped when it has a slice per group), moved at
  // the weight size; only a product of two activations is kind matmul.
  return NetworkLayer{spec, weight ? LayerKind::fc : LayerKind::matmul, false};
}

}  // namespace

}  // namespace spad
