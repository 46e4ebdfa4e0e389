// Reading, parsing and shape-inferring an ONNX model file.
#include "io/onnx/onnx_model.hpp"

#include <onnx/defs/schema.h>
#include <onnx/shape_inference/implementation.h>

#include <algorithm>
#include <exception>
#include <iterator>
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

}  // namespace

OnnxModelFile load_onnx_model(const std::string& path) {
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
