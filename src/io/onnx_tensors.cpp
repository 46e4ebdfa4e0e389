// Tensor shapes and weight-ness from an ONNX graph after shape inference.
#include "io/onnx_tensors.hpp"

#include "io/text_fields.hpp"

namespace spad {
namespace {

std::optional<OnnxShape> shape_of(const onnx::TypeProto& type) {
  if (!type.has_tensor_type() || !type.tensor_type().has_shape()) return std::nullopt;
  OnnxShape shape;
  for (const onnx::TensorShapeProto::Dimension& d : type.tensor_type().shape().dim()) {
    OnnxDim dim;
    if (d.has_dim_value()) dim.value = d.dim_value();
    if (d.has_dim_param()) dim.symbol = d.dim_param();
    shape.dims.push_back(dim);
  }
  return shape;
}

}  // namespace

std::optional<std::int64_t> OnnxShape::value(int i) const {
  if (i < 0 || i >= rank()) return std::nullopt;
  return dims[i].value;
}

std::string shape_text(const OnnxShape& shape) {
  std::string out = "[";
  for (int i = 0; i < shape.rank(); ++i) {
    const OnnxDim& d = shape.dims[i];
    out += i ? ", " : "";
    out += d.value ? std::to_string(*d.value) : d.symbol.empty() ? "?" : "'" + d.symbol + "'";
  }
  return out + "]";
}

OnnxTensors::OnnxTensors(const onnx::GraphProto& graph) {
  // Declared and inferred shapes; the first one recorded for a name wins.
  const auto record = [&](const onnx::ValueInfoProto& vi) {
    if (shapes_.count(vi.name())) return;
    if (auto s = shape_of(vi.type())) shapes_.emplace(vi.name(), std::move(*s));
  };
  for (const onnx::ValueInfoProto& vi : graph.input()) {
    graph_inputs_.insert(vi.name());
    record(vi);
  }
  for (const onnx::ValueInfoProto& vi : graph.value_info()) record(vi);
  for (const onnx::ValueInfoProto& vi : graph.output()) record(vi);
  // An initializer's dims are exact, whatever a declaration says.
  for (const onnx::TensorProto& t : graph.initializer()) {
    constants_.insert(t.name());
    OnnxShape shape;
    for (std::int64_t d : t.dims()) shape.dims.push_back(OnnxDim{d, {}});
    shapes_[t.name()] = std::move(shape);
  }
  for (int i = 0; i < graph.node_size(); ++i) {
    const onnx::NodeProto& n = graph.node(i);
    const bool default_domain = n.domain().empty() || n.domain() == "ai.onnx";
    if (default_domain && n.op_type() == "Constant")
      for (const std::string& out : n.output()) constants_.insert(out);
    const std::string name = n.name().empty() ? n.op_type() + "_" + std::to_string(i) : n.name();
    const std::string op = default_domain ? n.op_type() : n.domain() + "." + n.op_type();
    for (const std::string& out : n.output())
      producers_.emplace(out, "node " + in_quotes(name) + " (" + op + ")");
  }
}

const OnnxShape* OnnxTensors::shape(const std::string& name) const {
  auto it = shapes_.find(name);
  return it == shapes_.end() ? nullptr : &it->second;
}

std::string OnnxTensors::origin(const std::string& name) const {
  auto it = producers_.find(name);
  return it == producers_.end() ? std::string() : " (output of " + it->second + ")";
}

std::string OnnxTensors::unknown_shape_text(const std::string& name) const {
  return "has an unknown shape after shape inference" + origin(name);
}

std::string OnnxTensors::shape_phrase(const std::string& name) const {
  const OnnxShape* s = shape(name);
  return s ? "has shape " + shape_text(*s) : unknown_shape_text(name);
}

Count onnx_batch(const OnnxNode& node, const std::string& tensor, const OnnxShape* shape, int axis,
                 std::optional<Count> batch) {
  if (shape != nullptr) {
    if (auto v = shape->value(axis)) return *v;
  }
  if (batch) return *batch;
  std::string what;
  if (shape == nullptr)
    what = "has an unknown shape, so its batch size (dim " + std::to_string(axis) + ") is unknown";
  else if (axis < shape->rank() && !shape->dims[axis].symbol.empty())
    what = "has a symbolic batch dimension '" + shape->dims[axis].symbol + "' (dim " +
           std::to_string(axis) + " of " + shape_text(*shape) + ")";
  else
    what = "has an unknown batch dimension (dim " + std::to_string(axis) + " of " +
           shape_text(*shape) + ")";
  node.fail("input tensor " + in_quotes(tensor) + " " + what +
            ": pass --batch N to set the batch size");
}

}  // namespace spad
