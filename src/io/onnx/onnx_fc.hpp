// ONNX Gemm, MatMul, MatMulInteger and QLinearMatMul nodes as spad layers,
// and ONNX Runtime's FusedGemm (a Gemm) and FusedMatMul (a MatMul of the
// operands after its transA / transB; io/onnx/onnx_contrib.hpp).
//
// With a weight as second operand (a tensor computed from initializers and
// Constants alone, io/onnx/onnx_tensors) the node is a fully-connected layer,
// kind "fc": C inputs -> M outputs, H = W = R = S = 1. Gemm: A [N, C]
// (transA: [C, N]) times B [C, M] (transB: [M, C]). MatMul: an activation of
// any rank [d0, ..., dk, C] times B [C, M] (or [C]: M = 1) is N = d0 * ... * dk.
//
// A product of two activations (attention's Q.K^T and A.V) is kind
// "matmul": A [..., n, c] x B [..., c, m] with batch dimensions is, as
// DESIGN.md defines it, the grouped fully-connected layer with G = the
// product of the batch dims (broadcast as numpy does: the output's batch
// dims), N = n, C = G*c, M = G*m (each group has its own second operand, as
// grouped weights have): MACs = N*M*(C/G) = G*n*m*c. So [2,4,10,8] x [4,8,6]
// is G = 8, N = 10, C = 64, M = 48, and [10,8] x [3,8,6] is G = 3, N = 10.
// A weight with batch dims of size > 1 is grouped the same way, G weight
// slices, but stays kind "fc" (a grouped fc layer: its W array is a weight,
// moved at the weight size); a weight without (2-D, or batch dims all 1) is
// one matrix shared by every row: kind "fc" with N the product of A's
// leading dims.
//
// A Gemm or MatMul whose operands are both weights computes a weight from
// constants: it is no layer but a "skipped" entry with its MACs.
#pragma once

#include <optional>

#include "base/checked.hpp"
#include "io/onnx/onnx_node.hpp"
#include "io/onnx/onnx_tensors.hpp"
#include "io/zoo/network_file.hpp"

namespace spad {

// True when both operands of a Gemm / MatMul node are weights.
bool onnx_is_weight_product(const OnnxNode& node, const OnnxTensors& tensors);

// The "skipped" entry of such a node: its MACs are those of the layer it
// would be (N*M*C/G).
SkippedNode onnx_weight_product_node(const OnnxNode& node, const OnnxTensors& tensors);

// The index of the second operand: 3 for QLinearMatMul, else 1.
int onnx_matmul_b_index(const OnnxNode& node);

// Throws UserError for unknown or inconsistent sizes and for an invalid
// Gemm (not 2-D, bad transA/transB).
NetworkLayer onnx_fc_layer(const OnnxNode& node, const OnnxTensors& tensors,
                           std::optional<Count> batch);

}  // namespace spad
