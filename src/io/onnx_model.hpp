// Loading an ONNX model file: read, parse the protobuf, check that it is an
// ONNX model with a non-empty graph, and run ONNX shape inference so that
// every tensor's shape that can be known is in the graph's value_info.
#pragma once

#include <onnx/onnx_pb.h>

#include <string>

namespace spad {

// Throws UserError naming `path` for a missing, unreadable, truncated or
// non-ONNX file, an empty graph, and any failure of ONNX shape inference.
onnx::ModelProto load_onnx_model(const std::string& path);

}  // namespace spad
