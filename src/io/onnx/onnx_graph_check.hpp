// Structural checks of an ONNX graph before spad reads its shapes: each
// tensor has one producer, every node input exists, and the nodes are in
// topological order (a cycle is named as one); and, before ONNX's own shape
// inference runs, that every tensor holds as much data as its dims say. Each
// problem is a UserError naming the file, the nodes and tensors involved.
#pragma once

#include <onnx/onnx_pb.h>

#include <string>

namespace spad {

void onnx_check_graph(const std::string& file, const onnx::GraphProto& graph);

// Only the data sizes: every tensor of the graph (initializers, sparse
// initializers, tensor attributes of every node, subgraphs included) holds
// as much data as its dims say. Run before ONNX's shape inference, which
// reads such tensors (libonnx 1.12's ParseData copies raw_data by its length
// into a buffer sized by the dims: a short initializer overflowed the heap).
void onnx_check_tensor_data(const std::string& file, const onnx::GraphProto& graph);

}  // namespace spad
