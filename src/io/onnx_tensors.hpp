// The tensors of an ONNX graph after shape inference: each one's shape as far
// as it is known, and whether it can hold weights. A dimension is a number, a
// symbol (dim_param, e.g. "batch") or unknown.
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/checked.hpp"
#include "io/onnx_node.hpp"

namespace spad {

struct OnnxDim {
  std::optional<std::int64_t> value;  // dim_value
  std::string symbol;                 // dim_param; both empty: unknown
};

struct OnnxShape {
  std::vector<OnnxDim> dims;  // rank = dims.size()
  int rank() const { return static_cast<int>(dims.size()); }
  // dims[i].value, nullopt when i is out of range or the dimension is not a number.
  std::optional<std::int64_t> value(int i) const;
};

// "[1, 3, 'h', ?]" for messages: numbers, 'symbols' and ? for unknown.
std::string shape_text(const OnnxShape& shape);

class OnnxTensors {
 public:
  explicit OnnxTensors(const onnx::GraphProto& graph);

  // The tensor's shape; nullptr when not even its rank is known.
  const OnnxShape* shape(const std::string& name) const;
  // An initializer or the output of a Constant node.
  bool is_constant(const std::string& name) const { return constants_.count(name) > 0; }
  bool is_graph_input(const std::string& name) const { return graph_inputs_.count(name) > 0; }
  // For messages: " (output of node "pool" (MaxPool))", or "" for a graph input.
  std::string origin(const std::string& name) const;
  // For messages: "has an unknown shape after shape inference" plus origin(name).
  std::string unknown_shape_text(const std::string& name) const;
  // For messages: "has shape [1, 3, 'h', ?]", or unknown_shape_text(name).
  std::string shape_phrase(const std::string& name) const;
  // Can hold weights: a constant, or a graph input (models exported without
  // parameters take their weights as inputs).
  bool is_weight(const std::string& name) const {
    return is_constant(name) || is_graph_input(name);
  }

 private:
  std::map<std::string, OnnxShape> shapes_;
  std::set<std::string> constants_, graph_inputs_;
  std::map<std::string, std::string> producers_;  // tensor -> "node "name" (op)"
};

// The batch size N read from dimension `axis` of `tensor` (an input of
// `node`): its value when it is a number; else `batch` when given; else a
// UserError naming the tensor and asking for --batch N.
Count onnx_batch(const OnnxNode& node, const std::string& tensor, const OnnxShape* shape, int axis,
                 std::optional<Count> batch);

}  // namespace spad
