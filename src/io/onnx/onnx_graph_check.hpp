// Structural checks of an ONNX graph before spad reads its shapes: every
// initializer (and Constant value) holds as much data as its dims say, each
// tensor has one producer, every node input exists, and the nodes are in
// topological order (a cycle is named as one). Each problem is a UserError
// naming the file, the nodes and tensors involved.
#pragma once

#include <onnx/onnx_pb.h>

#include <string>

namespace spad {

void onnx_check_graph(const std::string& file, const onnx::GraphProto& graph);

}  // namespace spad
