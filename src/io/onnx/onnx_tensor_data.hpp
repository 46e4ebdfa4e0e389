// The values of a small ONNX TensorProto (an initializer or a Constant's
// value), read for constant folding: integer tensors (shapes, axes, pads,
// split sizes) and float tensors (Resize / Upsample scales).
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spad {

// Largest tensor whose values are read for folding; larger ones are weights
// whose values spad never needs.
inline constexpr std::int64_t kMaxFoldedElements = 4096;

struct OnnxTensorValues {
  std::vector<std::int64_t> ints;  // integer and bool types
  std::vector<double> reals;       // float and double types
  bool real = false;               // which of the two holds the values
};

// nullopt for external data, unsupported types (float16, strings, ...), a
// tensor above kMaxFoldedElements, or data whose length disagrees with dims.
std::optional<OnnxTensorValues> onnx_tensor_values(const onnx::TensorProto& t);

// How the tensor's data contradicts its dims, or nullopt when it agrees:
// raw_data must hold prod(dims) x the element size in bytes; a typed field
// (float_data, int32_data, int64_data, ...) prod(dims) values (two for a
// complex number). Not checked: external data, strings, unknown types.
std::optional<std::string> onnx_tensor_size_problem(const onnx::TensorProto& t);

// Bytes of one element of an ONNX TensorProto data type; 0 when not a fixed-size number.
int onnx_element_bytes(int data_type);

// "int8", "uint8", "int32", "float", ... for messages and reports.
const char* onnx_element_name(int data_type);

}  // namespace spad
