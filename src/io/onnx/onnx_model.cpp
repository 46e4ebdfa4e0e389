// Reading, parsing and shape-inferring an ONNX model file.
#include "io/onnx/onnx_model.hpp"

#include <onnx/defs/schema.h>
#include <onnx/shape_inference/implementation.h>

#include <algorithm>
#include <exception>
#include <iterator>
#include <optional>
#include <set>
#include <string>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/common/input_file.hpp"
#include "io/onnx/onnx_graph_check.hpp"
#include "io/onnx/onnx_schema_guard.hpp"

namespace spad {
namespace {

std::string read_bytes(const std::string& path) {
  return read_input_file(path, "ONNX model file", kMaxOnnxFileBytes);
}

bool is_default_domain(const std::string& domain) { return domain.empty() || domain == "ai.onnx"; }

// "[2, 10, 64]" for messages.
std::string dims_text(const onnx::TensorShapeProto& shape) {
  std::string dims;
  for (const auto& d : shape.dim())
    dims += (dims.empty() ? "" : ", ") + (d.has_dim_value()   ? std::to_string(d.dim_value())
                                          : d.has_dim_param() ? "'" + d.dim_param() + "'"
                                                              : "?");
  return "[" + dims + "]";
}

// Sets the batch of the graph's data inputs to `batch` (onnx_model.hpp):
// every symbolic or unknown dim 0; when no input of rank >= 2 has one, the
// fixed dim 0 of the inputs of rank >= 2 some node reads as its first
// operand (data, not a weight fed as an input) that equals the first such
// input's. A rank-1 input (a vector of sizes) has no fixed batch. Returns the
// inputs whose fixed dim 0 changed, as "'x' [2, 10, 64]".
std::vector<std::string> set_input_batch(onnx::GraphProto& graph, std::int64_t batch) {
  std::set<std::string> initializers, first_operands;
  for (const onnx::TensorProto& t : graph.initializer()) initializers.insert(t.name());
  for (const onnx::NodeProto& n : graph.node())
    if (n.input_size() > 0) first_operands.insert(n.input(0));
  std::vector<onnx::TensorShapeProto*> shapes;  // of the data inputs, rank >= 1
  std::vector<std::string> names;
  for (onnx::ValueInfoProto& vi : *graph.mutable_input())
    if (!initializers.count(vi.name()) && vi.type().has_tensor_type() &&
        vi.type().tensor_type().has_shape() && vi.type().tensor_type().shape().dim_size() >= 1) {
      shapes.push_back(vi.mutable_type()->mutable_tensor_type()->mutable_shape());
      names.push_back(vi.name());
    }
  const bool dynamic = std::any_of(shapes.begin(), shapes.end(), [](const auto* s) {
    return s->dim_size() >= 2 && !s->dim(0).has_dim_value();
  });
  std::vector<std::string> fixed;
  std::optional<std::int64_t> model_batch;
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    onnx::TensorShapeProto& shape = *shapes[i];
    onnx::TensorShapeProto_Dimension& d0 = *shape.mutable_dim(0);
    if (d0.has_dim_value()) {
      if (dynamic || shape.dim_size() == 1 || !first_operands.count(names[i])) continue;
      if (!model_batch) model_batch = d0.dim_value();
      if (d0.dim_value() != *model_batch) continue;  // not the batch
      if (d0.dim_value() != batch) fixed.push_back(in_quotes(names[i]) + " " + dims_text(shape));
    }
    d0.clear_dim_param();
    d0.set_dim_value(batch);
  }
  return fixed;
}

}  // namespace

OnnxModelFile load_onnx_model(const std::string& path, std::optional<std::int64_t> batch) {
  const std::string bytes = read_bytes(path);
  const std::string bad = path + ": not a valid ONNX model: ";
  if (bytes.empty()) throw UserError(bad + "the file is empty");
  onnx::ModelProto model;
  if (!model.ParseFromString(bytes))
    throw UserError(bad +
                    "the protobuf data cannot be parsed (the file is truncated, "
                    "damaged or not an ONNX file)");
  // Protobuf accepts many byte strings as a message with unknown fields; an
  // ONNX model always states its IR version and has a graph.
  if (model.ir_version() <= 0 || !model.has_graph())
    throw UserError(bad + "no IR version or no graph (is this an ONNX file?)");
  const onnx::GraphProto& graph = model.graph();
  if (graph.node_size() == 0)
    throw UserError(path + ": the graph " + in_quotes(graph.name()) +
                    " has no nodes: there is nothing to schedule");
  const auto& opsets = model.opset_import();
  if (std::none_of(opsets.begin(), opsets.end(),
                   [](const onnx::OperatorSetIdProto& o) { return is_default_domain(o.domain()); }))
    throw UserError(path +
                    ": the model imports no opset of the default ONNX domain "
                    "(opset_import), so its operators cannot be interpreted");

  // Before ONNX's own inference reads any tensor (onnx_graph_check.hpp).
  onnx_check_tensor_data(path, graph);

  OnnxModelFile out;
  if (batch) {
    out.rebatched = set_input_batch(*model.mutable_graph(), *batch);
    // The file's value_info and output shapes state its own batch: with
    // another one they would contradict every shape that carries it.
    if (!out.rebatched.empty()) {
      model.mutable_graph()->clear_value_info();
      for (onnx::ValueInfoProto& vi : *model.mutable_graph()->mutable_output())
        if (vi.type().has_tensor_type()) vi.mutable_type()->mutable_tensor_type()->clear_shape();
    }
  }
  for (const onnx::OperatorSetIdProto& o : opsets)
    if (is_default_domain(o.domain())) out.opset = static_cast<int>(o.version());

  // Lenient mode (error_mode 0): a node whose shape cannot be inferred leaves
  // its outputs unknown. Data propagation resolves Reshape targets computed
  // from Shape nodes. The file's own value_info and output shapes are left
  // out, so that ONNX's answer can be compared with them; so are the shapes
  // declared for graph inputs that are initializers (keep_initializers_as_inputs):
  // the initializer's dims are exact, and OnnxTensors reports a declaration
  // that disagrees, naming the tensor.
  onnx::ModelProto copy = model;
  copy.mutable_graph()->clear_value_info();
  for (onnx::ValueInfoProto& vi : *copy.mutable_graph()->mutable_output())
    if (vi.type().has_tensor_type()) vi.mutable_type()->mutable_tensor_type()->clear_shape();
  std::set<std::string> initializers;
  for (const onnx::TensorProto& t : graph.initializer()) initializers.insert(t.name());
  for (onnx::ValueInfoProto& vi : *copy.mutable_graph()->mutable_input())
    if (initializers.count(vi.name()) && vi.type().has_tensor_type())
      vi.mutable_type()->mutable_tensor_type()->clear_shape();
  const onnx::ShapeInferenceOptions options(/*check_type=*/false, /*error_mode=*/0,
                                            /*enable_data_propagation=*/true);
  // The guarded registry keeps malformed conv/pool attributes away from the
  // parts of ONNX 1.12's inference that would crash (io/onnx/onnx_schema_guard.hpp).
  const OnnxGuardedSchemas schemas(onnx::OpSchemaRegistry::Instance());
  try {
    onnx::shape_inference::InferShapes(copy, &schemas, options);
    out.inferred = std::move(copy);
  } catch (const std::exception& e) {
    out.inference_error = e.what();
  }
  out.model = std::move(model);
  return out;
}

}  // namespace spad
