// ONNX Runtime contrib operators (domain "com.microsoft"), as models saved
// after ORT graph optimization contain them. FusedConv, FusedGemm and
// FusedMatMul are Conv, Gemm and MatMul with an activation fused in: spad
// imports them as those operators (FusedMatMul only without batch
// transposes). Every other contrib operator that does matrix-product or
// convolution arithmetic (Attention, QGemm, MatMulNBits, NhwcConv, ...) is a
// "skipped" entry with its MACs when the shapes are known; elementwise
// contrib operators (BiasGelu, SkipLayerNormalization, ...) are counted in
// not_scheduled as other elementwise operators are.
#pragma once

#include "io/onnx/onnx_node.hpp"
#include "io/onnx/onnx_tensors.hpp"
#include "io/zoo/network_file.hpp"

namespace spad {

// The standard operator a node is imported as.
enum class OnnxProductForm { none, conv, gemm, matmul };

// True for a node of the domain "com.microsoft".
bool onnx_is_contrib(const OnnxNode& node);

// conv for FusedConv, gemm for FusedGemm, matmul for FusedMatMul with
// transBatchA = transBatchB = 0; none for every other node.
OnnxProductForm onnx_contrib_form(const OnnxNode& node);

// True for a FusedMatMul node's transA / transB (0 or 1, else UserError).
bool onnx_fused_matmul_transposed(const OnnxNode& node, const char* attribute);

// True for the contrib operators of matrix-product or convolution kind that
// spad does not schedule (a FusedMatMul with batch transposes included).
bool onnx_is_skipped_contrib_op(const OnnxNode& node);

// The "skipped" entry of such a node: what it is, why it is not scheduled,
// and its MACs (nullopt when a size is unknown):
//   matrix products A[..., n, c] x B[..., c, m]: batch * n * c * m
//   MatMulNBits / MatMulBnb4 (attributes K, N): rows of A * K * N
//   Attention / QAttention, input [B, S, D], weights [D, Dq + Dk + Dv]:
//     B*S*D*(Dq + Dk + Dv) for the projections plus B*S*T*Dq for Q.K^T and
//     B*S*T*Dv for A.V, T = S + the past's length
//   MultiHeadAttention, query [B, S, D], key [B, L, D], value [B, L, Dv]:
//     B*S*L*(D + Dv)
//   convolutions: N * prod(output spatial) * elements(W) (each output
//     position of each image meets every weight once), in either layout
SkippedNode onnx_contrib_skipped_node(const OnnxNode& node, const OnnxTensors& tensors);

}  // namespace spad
