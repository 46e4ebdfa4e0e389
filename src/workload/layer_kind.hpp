// What a network layer computes, beside its LayerSpec: a convolution, a
// fully-connected layer (C inputs -> M outputs, H = W = R = S = 1; in G
// groups when its weight has a slice per group) or a
// product of two activations (attention's Q.K^T and A.V: the grouped
// fully-connected layer with G = groups, both operands activations). Its text
// ("conv", "fc", "matmul") is the "kind" key of network documents.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "workload/layer.hpp"
#include "workload/precision.hpp"

namespace spad {

enum class LayerKind { conv, fc, matmul };

// "conv", "fc" or "matmul".
std::string_view layer_kind_name(LayerKind kind);

// The kind named `text`; nullopt for any other text.
std::optional<LayerKind> layer_kind_from_name(std::string_view text);

// A fully-connected layer is C inputs -> M outputs: no spatial extent (H = W
// = R = S = 1, stride, dilation 1, pad 0), in G groups when its weight has a
// slice per group (ONNX import of a MatMul by a batched weight). A "matmul"
// layer (product of two activations) is G groups of the same; its rows may
// be N (as ONNX import gives them) or, where N is the batch, H. UserError
// starting with `where` for a field that breaks this; nothing for a conv.
void check_layer_kind_shape(const LayerSpec& spec, LayerKind kind, const std::string& where);

// The element sizes a layer of `kind` moves its arrays at, given the
// machine's: a matmul's second operand (spad's W array) is an activation, so
// it takes the input size (DESIGN.md, "ONNX import": "both operands count as
// activations in the precisions"); other kinds take `machine` as it is.
Precision layer_precision(const Precision& machine, LayerKind kind);

}  // namespace spad
