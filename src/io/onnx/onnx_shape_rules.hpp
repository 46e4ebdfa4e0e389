// spad's own shape rules for ONNX operators: from what is known about a
// node's inputs (shapes, folded integer values), the shapes of its outputs
// and, for integer shape arithmetic (Shape -> Gather -> Add/Div/Mul ->
// Concat -> Slice/Reshape), their values. The rules follow the current ONNX
// operator definitions (pool ceil_mode as PyTorch: a window that would start
// in the right padding is dropped).
#pragma once

#include <functional>
#include <map>
#include <string>

#include "io/onnx/onnx_node.hpp"
#include "io/onnx/onnx_tensors.hpp"

namespace spad {

using OnnxFactLookup = std::function<const OnnxFact*(const std::string&)>;

// True when spad has a rule for the node's op: an op of the default domain,
// or an ONNX Runtime contrib op imported as one (FusedConv, FusedGemm,
// FusedMatMul without batch transposes; io/onnx/onnx_contrib.hpp).
bool onnx_has_shape_rule(const OnnxNode& node);

// The facts of the node's outputs spad can derive (an output it cannot is
// absent; the element type is left 0). Throws UserError (node.fail) when
// the node's attributes or input shapes are invalid for the op.
std::map<std::string, OnnxFact> onnx_apply_shape_rule(const OnnxNode& node, int opset,
                                                      const OnnxFactLookup& input);

}  // namespace spad
