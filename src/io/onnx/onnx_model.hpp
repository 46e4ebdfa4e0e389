// Loading an ONNX model file: read, parse the protobuf, check that it is an
// ONNX model with a non-empty graph, and run ONNX shape inference (a
// cross-check of spad's own shape propagation, io/onnx/onnx_tensors).
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spad {

struct OnnxModelFile {
  onnx::ModelProto model;  // as the file has it
  // The graph after ONNX shape inference, run without the file's value_info
  // and output shapes (so that they can be checked against it); empty when
  // inference failed, with the reason in inference_error.
  std::optional<onnx::ModelProto> inferred;
  std::string inference_error;
  int opset = 0;  // of the default domain
  // With a batch: the graph inputs whose fixed dim 0 it replaced, e.g.
  // "'x' [2, 10, 64]" (their value_info and output shapes, stated for the
  // file's batch, were set aside; ONNX inference recomputes them).
  std::vector<std::string> rebatched;
};

// `batch`, when given, becomes dim 0 of the graph's data inputs (not
// initializers): every symbolic or unknown dim 0, or, when no input of rank
// >= 2 has one, the fixed dim 0 of the inputs of rank >= 2 read as a node's
// first operand that equals the first one's. --batch N runs the model at
// batch N, every shape computed from there; `model` then holds the
// re-batched graph.
//
// Throws UserError naming `path` for a missing, unreadable, truncated or
// non-ONNX file, an empty graph, or no opset of the default domain.
OnnxModelFile load_onnx_model(const std::string& path, std::optional<std::int64_t> batch);

}  // namespace spad
