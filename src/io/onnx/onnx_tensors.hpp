// The tensors of an ONNX graph as spad sees them: each one's shape, derived
// by spad itself node by node (io/onnx/onnx_shape_rules) on the path to every
// layer; folded values of small integer tensors (shape subgraphs); whether a
// tensor is a weight (computed from initializers and Constants alone); its
// element type. Shapes the file states (value_info, outputs) and those of
// ONNX's own shape inference are used where spad has no rule, and checked
// where it has one: a disagreement becomes a warning naming the tensor and
// both shapes (spad's derivation is used).
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/checked.hpp"
#include "io/onnx/onnx_node.hpp"

namespace spad {

// A dimension, or one element of a folded integer tensor: a number, a
// symbol (dim_param, e.g. "batch") or unknown (both empty).
struct OnnxDim {
  std::optional<std::int64_t> value;
  std::string symbol;
  bool known() const { return value.has_value() || !symbol.empty(); }
  friend bool operator==(const OnnxDim&, const OnnxDim&) = default;
};

struct OnnxShape {
  std::vector<OnnxDim> dims;  // rank = dims.size()
  int rank() const { return static_cast<int>(dims.size()); }
  // dims[i].value, nullopt when i is out of range or the dimension is not a number.
  std::optional<std::int64_t> value(int i) const;
  // Every dimension a number or a symbol.
  bool known() const;
  // The number of elements when every dimension is a number.
  std::optional<std::int64_t> elements() const;
  friend bool operator==(const OnnxShape&, const OnnxShape&) = default;
};

// "[1, 3, 'h', ?]" for messages: numbers, 'symbols' and ? for unknown.
std::string shape_text(const OnnxShape& shape);

// What spad knows about one tensor.
struct OnnxFact {
  std::optional<OnnxShape> shape;
  std::optional<std::vector<OnnxDim>> ints;  // folded values of an integer tensor (row-major)
  std::optional<std::vector<double>> reals;  // values of a small float constant
  int elem_type = 0;                         // onnx::TensorProto data type; 0 unknown
  bool weight = false;                       // computed from initializers / Constants alone
};

class OnnxTensors {
 public:
  // `original`: the graph as the file has it; `inferred`: the same graph after
  // ONNX shape inference run without the file's value_info (nullptr if it failed).
  // --batch is already in `original`'s graph inputs (io/onnx/onnx_model).
  OnnxTensors(const std::string& file, const onnx::GraphProto& original,
              const onnx::GraphProto* inferred, int opset);

  // The tensor's shape; nullptr when not even its rank is known.
  const OnnxShape* shape(const std::string& name) const;
  const OnnxFact* fact(const std::string& name) const;
  // A weight: an initializer, a Constant's output, or any tensor computed
  // from those alone (Identity, Transpose, Reshape, Cast, DequantizeLinear, ...).
  bool is_weight(const std::string& name) const;
  bool is_graph_input(const std::string& name) const { return graph_inputs_.count(name) > 0; }
  int elem_type(const std::string& name) const;
  // For messages: " (output of node "pool" (MaxPool))", or "" for a graph input.
  std::string origin(const std::string& name) const;
  // For messages: "has an unknown shape" plus origin(name) and why.
  std::string unknown_shape_text(const std::string& name) const;
  // Why spad could not compute the tensor's shape (or, for a small integer
  // tensor, its values): the node where that started and its reason; "" when
  // spad computed it.
  std::string cause(const std::string& name) const;
  // For messages: "has shape [1, 3, 'h', ?]", or unknown_shape_text(name).
  std::string shape_phrase(const std::string& name) const;
  // Disagreements between spad's shapes, the file's and ONNX inference's.
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  void settle(const std::string& node_where, const std::string& name,
              std::optional<OnnxFact> derived, bool inputs_agree_file, bool inputs_agree_onnx);

  std::string file_;
  std::map<std::string, OnnxFact> facts_;
  std::map<std::string, OnnxShape> declared_, inferred_;
  std::map<std::string, int> declared_types_;
  std::set<std::string> graph_inputs_;
  std::set<std::string> off_file_, off_onnx_;     // spad's shape differs from the file's / ONNX's
  std::map<std::string, std::string> producers_;  // tensor -> "node "name" (op)"
  std::map<std::string, std::string> causes_;     // see cause()
  std::vector<std::string> warnings_;
};

// The batch size N read from dimension `axis` of `tensor` (an input of
// `node`): its value when it is a number; else a UserError naming `cause`
// when spad could not compute the tensor's shape (OnnxTensors::cause); else
// `batch` when given; else a UserError naming the tensor and asking for --batch N.
Count onnx_batch(const OnnxNode& node, const std::string& tensor, const OnnxShape* shape, int axis,
                 std::optional<Count> batch, const std::string& cause);

}  // namespace spad
