// ONNX Gemm, MatMul, MatMulInteger and QLinearMatMul nodes as spad layers.
//
// With a weight as second operand (a tensor computed from initializers and
// Constants alone, io/onnx/onnx_tensors) the node is a fully-connected layer,
// kind "fc": C inputs -> M outputs, H = W = R = S = 1. Gemm: A [N, C]
// (transA: [C, N]) times B [C, M] (transB: [M, C]). MatMul: an activation of
// any rank [d0, ..., dk, C] times B [C, M] (or [C]: M = 1) is N = d0 * ... * dk.
//
// A product of two activations (attention's Q.K^T and A.V) is kind
// "matmul": A [..., n, c] x B [..., c, m] with batch dimensions is the grouped
// fully-connected layer with G = the product of the batch dims both operands
// have, N = n, C = G*c, M = G*m (each group has its own second operand, as
// grouped weights have): MACs = N*M*(C/G) = G*n*m*c. A batch dim that
// broadcasts (size 1 or absent on one side) is not a group: one only A has
// multiplies N (rows sharing B), one only B has multiplies M (columns sharing
// A), so each element of A, B and the output is counted once. When B has no
// batch dimensions (it is shared by every row), it is G = 1 with N the product
// of A's leading dims, as for a weight. A weight with batch dimensions is
// treated the same way: kind "fc" when that leaves one group, else "matmul".
#pragma once

#include <optional>

#include "base/checked.hpp"
#include "io/onnx/onnx_node.hpp"
#include "io/onnx/onnx_tensors.hpp"
#include "io/zoo/network_file.hpp"

namespace spad {

// The index of the second operand: 3 for QLinearMatMul, else 1.
int onnx_matmul_b_index(const OnnxNode& node);

// Throws UserError for unknown or inconsistent sizes and for an invalid
// Gemm (not 2-D, bad transA/transB).
NetworkLayer onnx_fc_layer(const OnnxNode& node, const OnnxTensors& tensors,
                           std::optional<Count> batch);

}  // namespace spad
