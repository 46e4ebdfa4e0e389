// ONNX Runtime contrib operators: which ones spad imports as standard
// operators, and the reason and MACs of those it lists in "skipped".
#include "io/onnx/onnx_contrib.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "base/checked.hpp"
#include "base/error.hpp"

namespace spad {
namespace {

using Dim = std::optional<std::int64_t>;

// What a skipped contrib operator computes (the reason's first words), and
// how its MACs are counted.
enum class Macs { none, matmul, gemm, nbits, attention, mha, conv, conv_nhwc, conv_transposed };
struct ContribOp {
  const char* what;
  Macs macs;
  int a = 0, b = 1;  // operand indices (matrix products), input and weight (convolutions)
};

const std::map<std::string, ContribOp>& contrib_ops() {
  static const std::map<std::string, ContribOp> ops = {
      {"Attention",
       {"multi-head self-attention (Q, K, V projections and attention products)", Macs::attention}},
      {"QAttention", {"quantized multi-head self-attention", Macs::attention}},
      {"MultiHeadAttention", {"multi-head attention (attention products)", Macs::mha}},
      {"DecoderAttention", {"decoder multi-head attention", Macs::none}},
      {"DecoderMaskedMultiHeadAttention", {"decoder multi-head attention", Macs::none}},
      {"DecoderMaskedSelfAttention", {"decoder self-attention", Macs::none}},
      {"GroupQueryAttention", {"grouped-query attention", Macs::none}},
      {"LongformerAttention", {"Longformer attention", Macs::none}},
      {"PackedAttention", {"multi-head attention on packed sequences", Macs::none}},
      {"PackedMultiHeadAttention", {"multi-head attention on packed sequences", Macs::none}},
      {"PagedAttention", {"paged multi-head attention", Macs::none}},
      {"SparseAttention", {"block-sparse attention", Macs::none}},
      {"QOrderedAttention", {"quantized multi-head attention", Macs::none}},
      {"QOrderedLongformerAttention", {"quantized Longformer attention", Macs::none}},
      {"GatedRelativePositionBias", {"gated relative position bias (a projection)", Macs::none}},
      {"AttnLSTM", {"recurrent layer with attention", Macs::none}},
      {"DynamicQuantizeLSTM", {"quantized recurrent layer", Macs::none}},
      {"CDist", {"pairwise distances between two matrices", Macs::none}},
      {"MoE", {"mixture of experts (expert matrix products)", Macs::none}},
      {"QMoE", {"quantized mixture of experts", Macs::none}},
      {"DynamicQuantizeMatMul", {"dynamically quantized matrix product", Macs::matmul}},
      {"MatMulIntegerToFloat", {"quantized matrix product", Macs::matmul}},
      {"MatMulInteger16", {"16-bit integer matrix product", Macs::matmul}},
      {"GemmFastGelu", {"matrix product with a fused GELU", Macs::matmul}},
      {"TransposeMatMul", {"matrix product with transposes", Macs::matmul}},
      {"FusedMatMulActivation", {"matrix product with a fused activation", Macs::matmul}},
      {"QOrderedMatMul", {"quantized matrix product", Macs::matmul, 0, 2}},
      {"QGemm", {"quantized matrix product (Gemm)", Macs::gemm, 0, 3}},
      {"GemmFloat8", {"8-bit float matrix product (Gemm)", Macs::gemm}},
      {"MatMulNBits", {"matrix product with an N-bit quantized weight", Macs::nbits}},
      {"MatMulBnb4", {"matrix product with a 4-bit quantized weight", Macs::nbits}},
      {"MatMulFpQ4", {"matrix product with a 4-bit quantized weight", Macs::none}},
      {"FusedMatMul", {"", Macs::none}},  // with batch transposes (see the reason below)
      {"NhwcConv", {"convolution on NHWC tensors", Macs::conv_nhwc}},
      {"NhwcFusedConv", {"convolution on NHWC tensors with a fused activation", Macs::conv_nhwc}},
      {"QLinearConv", {"quantized convolution (ONNX Runtime's layout variant)", Macs::conv, 0, 3}},
      {"ConvTransposeWithDynamicPads", {"transposed convolution", Macs::conv_transposed}},
      {"WordConvEmbedding", {"word embedding by convolution", Macs::none}},
  };
  return ops;
}

const ContribOp* contrib_op(const OnnxNode& node) {
  if (!onnx_is_contrib(node)) return nullptr;
  auto it = contrib_ops().find(node.op());
  return it == contrib_ops().end() ? nullptr : &it->second;
}

// The product of the values, nullopt if one is unknown or it overflows.
std::optional<Count> product(const std::vector<Dim>& values) {
  Count p = 1;
  for (const Dim& v : values)
    if (!v || *v < 0 || !mul_fits(p, *v, &p)) return std::nullopt;
  return p;
}

std::optional<Count> sum(const std::vector<std::optional<Count>>& values) {
  Count s = 0;
  for (const auto& v : values)
    if (!v || __builtin_add_overflow(s, *v, &s)) return std::nullopt;
  return s;
}

const OnnxShape* shape_of(const OnnxNode& node, const OnnxTensors& tensors, int input) {
  return node.has_input(input) ? tensors.shape(node.input(input)) : nullptr;
}

std::optional<Count> elements(const OnnxShape* s) {
  if (!s) return std::nullopt;
  return s->elements();
}

// A[..., n, c] x B[..., c, m] (transposes of the last two axes as given):
// the broadcast batch * n * c * m.
std::optional<Count> matmul_macs(const OnnxShape* a, const OnnxShape* b, bool ta, bool tb) {
  if (!a || !b || a->rank() < 1 || b->rank() < 1) return std::nullopt;
  const int ra = a->rank(), rb = b->rank();
  const Dim n = ra == 1 ? Dim{1} : a->value(ta ? ra - 1 : ra - 2);
  const Dim c = ra == 1 ? a->value(0) : a->value(ta ? ra - 2 : ra - 1);
  const Dim m = rb == 1 ? Dim{1} : b->value(tb ? rb - 2 : rb - 1);
  std::vector<Dim> f = {n, c, m};
  const int ba = std::max(0, ra - 2), bb = std::max(0, rb - 2), nb = std::max(ba, bb);
  for (int i = 0; i < nb; ++i) {
    const int ia = i - (nb - ba), ib = i - (nb - bb);
    const Dim da = ia >= 0 ? a->value(ia) : Dim{1};
    const Dim db = ib >= 0 ? b->value(ib) : Dim{1};
    if (!da || !db) return std::nullopt;
    f.push_back(std::max(*da, *db));
  }
  return product(f);
}

std::optional<Count> gemm_macs(const OnnxNode& node, const OnnxShape* a, const OnnxShape* b) {
  if (!a || !b || a->rank() != 2 || b->rank() != 2) return std::nullopt;
  return matmul_macs(a, b, node.int_attr("transA").value_or(0) != 0,
                     node.int_attr("transB").value_or(0) != 0);
}

// Rows of A (every dim but the last) * K * N from the attributes.
std::optional<Count> nbits_macs(const OnnxNode& node, const OnnxShape* a) {
  if (!a || a->rank() < 1) return std::nullopt;
  std::vector<Dim> f = {node.int_attr("K"), node.int_attr("N")};
  for (int i = 0; i + 1 < a->rank(); ++i) f.push_back(a->value(i));
  return product(f);
}

// Attention / QAttention: input [B, S, D], weights [D, Dq + Dk + Dv], past
// [2, B, heads, P, head size] (input 4, QAttention's input 8).
std::optional<Count> attention_macs(const OnnxNode& node, const OnnxTensors& tensors) {
  const OnnxShape* x = shape_of(node, tensors, 0);
  const OnnxShape* w = shape_of(node, tensors, 1);
  if (!x || !w || x->rank() != 3 || w->rank() != 2) return std::nullopt;
  const Dim b = x->value(0), s = x->value(1), d = x->value(2), total = w->value(1);
  if (!total) return std::nullopt;
  Dim dq = *total / 3, dv = *total / 3;
  if (auto sizes = node.ints_attr("qkv_hidden_sizes")) {
    if (sizes->size() != 3) return std::nullopt;
    dq = (*sizes)[0];
    dv = (*sizes)[2];
  } else if (*total % 3 != 0) {
    return std::nullopt;
  }
  Dim t = s;
  const int past = node.op() == "QAttention" ? 8 : 4;
  if (node.has_input(past)) {
    const OnnxShape* p = shape_of(node, tensors, past);
    if (!p || p->rank() != 5 || !p->value(3) || !s) return std::nullopt;
    t = *s + *p->value(3);
  }
  return sum({product({b, s, d, total}), product({b, s, t, dq}), product({b, s, t, dv})});
}

// MultiHeadAttention: query [B, S, D] with key [B, L, D] and value [B, L, Dv],
// or key / value [B, heads, L, head size]; or packed query [B, S, heads, 3,
// head size] without key. A past key (input 6) makes the length unknown here.
std::optional<Count> mha_macs(const OnnxNode& node, const OnnxTensors& tensors) {
  const OnnxShape* q = shape_of(node, tensors, 0);
  if (!q || node.has_input(6)) return std::nullopt;
  if (!node.has_input(1)) {
    if (q->rank() != 5) return std::nullopt;
    // Q.K^T and A.V: 2 * B * S * S * heads * head size.
    return product({q->value(0), q->value(1), q->value(1), 2, q->value(2), q->value(4)});
  }
  const OnnxShape* k = shape_of(node, tensors, 1);
  const OnnxShape* v = shape_of(node, tensors, 2);
  if (q->rank() != 3 || !k || !v || k->rank() != v->rank()) return std::nullopt;
  Dim l, dv;
  if (k->rank() == 3) {
    l = k->value(1);
    dv = v->value(2);
  } else if (k->rank() == 4) {
    l = k->value(2);
    const std::optional<Count> vd = product({v->value(1), v->value(3)});
    dv = vd ? Dim{*vd} : Dim{};
  } else {
    return std::nullopt;
  }
  const std::optional<Count> width = sum({q->value(2), dv});
  return product({q->value(0), q->value(1), l, width ? Dim{*width} : Dim{}});
}

// One spatial output size of a convolution (ONNX's rule, auto_pad
// included); nullopt when a size is unknown or out of range.
Dim conv_out(const OnnxNode& node, Dim in_dim, Dim k_dim, int i, int spatial) {
  const auto at = [&](const char* name, std::size_t index, std::int64_t fallback) -> Dim {
    const auto v = node.ints_attr(name);
    if (!v) return fallback;
    if (v->size() <= index) return std::nullopt;
    return (*v)[index];
  };
  const Dim s_dim = at("strides", i, 1), d_dim = at("dilations", i, 1);
  const Dim pb = at("pads", i, 0), pe = at("pads", i + spatial, 0);
  for (const Dim& v : {in_dim, k_dim, s_dim, d_dim, pb, pe})
    if (!v.has_value() || *v < 0 || *v > kMaxWorkProduct) return std::nullopt;
  const std::int64_t in = *in_dim, k = *k_dim, s = *s_dim, d = *d_dim;
  if (s < 1 || d < 1 || k < 1) return std::nullopt;
  const std::string mode = node.string_attr("auto_pad").value_or("NOTSET");
  if (mode == "SAME_UPPER" || mode == "SAME_LOWER") return (in + s - 1) / s;
  const std::int64_t pads = mode == "VALID" ? 0 : *pb + *pe;
  Count extent = 0;
  if (!mul_fits(k - 1, d, &extent)) return std::nullopt;
  const std::int64_t span = in + pads - (extent + 1);
  if (span < 0) return std::nullopt;
  return span / s + 1;
}

// N * prod(output spatial) * elements(W); the transposed form iterates
// the input's positions instead.
std::optional<Count> conv_macs(const OnnxNode& node, const OnnxTensors& tensors,
                               const ContribOp& op) {
  const OnnxShape* x = shape_of(node, tensors, op.a);
  const OnnxShape* w = shape_of(node, tensors, op.b);
  if (!x || x->rank() < 3) return std::nullopt;
  const bool last = op.macs == Macs::conv_nhwc || node.int_attr("channels_last").value_or(0) != 0;
  const int spatial = x->rank() - 2, first = last ? 1 : 2;
  std::vector<Dim> f = {x->value(0)};
  const std::optional<Count> we = elements(w);
  f.push_back(we ? Dim{*we} : Dim{});
  if (op.macs == Macs::conv_transposed) {
    for (int i = 0; i < spatial; ++i) f.push_back(x->value(first + i));
    return product(f);
  }
  const OnnxShape* y = tensors.shape(node.output(0));
  const auto kernel = node.ints_attr("kernel_shape");
  for (int i = 0; i < spatial; ++i) {
    if (y && y->rank() == x->rank() && y->value(first + i)) {
      f.push_back(y->value(first + i));
    } else {
      const Dim k = kernel && static_cast<int>(kernel->size()) == spatial ? Dim{(*kernel)[i]}
                    : !last && w && w->rank() == x->rank()                ? w->value(2 + i)
                                                                          : Dim{};
      f.push_back(conv_out(node, x->value(first + i), k, i, spatial));
    }
  }
  return product(f);
}

std::string batch_transposes_reason(const OnnxNode& node) {
  return "matrix product with batch transposes (transBatchA = " +
         std::to_string(node.int_attr("transBatchA").value_or(0)) +
         ", transBatchB = " + std::to_string(node.int_attr("transBatchB").value_or(0)) +
         "), an ONNX Runtime contrib operator (com.microsoft): spad imports FusedMatMul as MatMul "
         "only without batch transposes; export the model before ORT graph optimization";
}

}  // namespace

bool onnx_is_contrib(const OnnxNode& node) { return node.domain() == "com.microsoft"; }

bool onnx_fused_matmul_transposed(const OnnxNode& node, const char* attribute) {
  const std::int64_t v = node.int_attr(attribute).value_or(0);
  if (v != 0 && v != 1)
    node.fail("attribute " + std::string(attribute) + " = " + std::to_string(v) +
              ": must be 0 or 1");
  return v == 1;
}

OnnxProductForm onnx_contrib_form(const OnnxNode& node) {
  if (!onnx_is_contrib(node)) return OnnxProductForm::none;
  if (node.op() == "FusedConv") return OnnxProductForm::conv;
  if (node.op() == "FusedGemm") return OnnxProductForm::gemm;
  if (node.op() == "FusedMatMul" && !onnx_fused_matmul_transposed(node, "transBatchA") &&
      !onnx_fused_matmul_transposed(node, "transBatchB"))
    return OnnxProductForm::matmul;
  return OnnxProductForm::none;
}

bool onnx_is_skipped_contrib_op(const OnnxNode& node) {
  return contrib_op(node) != nullptr && onnx_contrib_form(node) == OnnxProductForm::none;
}

SkippedNode onnx_contrib_skipped_node(const OnnxNode& node, const OnnxTensors& tensors) {
  const ContribOp* op = contrib_op(node);
  SPAD_CHECK(op != nullptr, node.where() + ": not a skipped ONNX Runtime contrib operator");
  SkippedNode s;
  s.node = node.layer_name();
  s.op = node.op_key();
  s.reason = node.op() == "FusedMatMul"
                 ? batch_transposes_reason(node)
                 : std::string(op->what) +
                       ", an ONNX Runtime contrib operator (com.microsoft): spad schedules "
                       "standard ONNX operators; export the model before ORT graph optimization";
  switch (op->macs) {
    case Macs::none:
      break;
    case Macs::matmul:
      s.macs = matmul_macs(shape_of(node, tensors, op->a), shape_of(node, tensors, op->b),
                           node.int_attr("transA").value_or(0) != 0,
                           node.int_attr("transB").value_or(0) != 0);
      break;
    case Macs::gemm:
      s.macs = gemm_macs(node, shape_of(node, tensors, op->a), shape_of(node, tensors, op->b));
      break;
    case Macs::nbits:
      s.macs = nbits_macs(node, shape_of(node, tensors, 0));
      break;
    case Macs::attention:
      s.macs = attention_macs(node, tensors);
      break;
    case Macs::mha:
      s.macs = mha_macs(node, tensors);
      break;
    case Macs::conv:
    case Macs::conv_nhwc:
    case Macs::conv_transposed:
      s.macs = conv_macs(node, tensors, *op);
      break;
  }
  return s;
}

}  // namespace spad
