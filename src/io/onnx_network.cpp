// ONNX import: walks the shape-inferred graph in node order and turns Conv,
// Gemm and fully-connected MatMul nodes into layers; counts every other op.
#include "io/onnx_network.hpp"

#include <filesystem>

#include "base/error.hpp"
#include "io/onnx_conv.hpp"
#include "io/onnx_fc.hpp"
#include "io/onnx_model.hpp"
#include "io/onnx_node.hpp"
#include "io/onnx_tensors.hpp"

namespace spad {
namespace {

// The network's input: the first graph input that is not an initializer,
// when it is a 4-D tensor with known sizes (informative only).
std::optional<NetworkInput> network_input(const onnx::GraphProto& graph, const OnnxTensors& tensors,
                                          std::optional<Count> batch) {
  for (const onnx::ValueInfoProto& vi : graph.input()) {
    if (tensors.is_constant(vi.name())) continue;
    const OnnxShape* s = tensors.shape(vi.name());
    if (s == nullptr || s->rank() != 4) return std::nullopt;
    const std::optional<Count> n = s->value(0) ? s->value(0) : batch;
    if (!n || !s->value(1) || !s->value(2) || !s->value(3)) return std::nullopt;
    return NetworkInput{*n, *s->value(1), *s->value(2), *s->value(3)};
  }
  return std::nullopt;
}

std::string op_counts_text(const std::map<std::string, Count>& counts) {
  std::string out;
  for (const auto& [op, n] : counts)
    out += (out.empty() ? "" : ", ") + op + " x" + std::to_string(n);
  return out;
}

}  // namespace

Network read_onnx_network(const std::string& path, std::optional<Count> batch) {
  if (batch && *batch < 1)
    throw UserError(path + ": batch = " + std::to_string(*batch) + ": must be a positive integer");
  const onnx::ModelProto model = load_onnx_model(path);
  const onnx::GraphProto& graph = model.graph();
  const OnnxTensors tensors(graph);

  Network net;
  net.model = std::filesystem::path(path).stem().string();
  if (net.model.empty()) net.model = path;
  net.source = path;
  for (int i = 0; i < graph.node_size(); ++i) {
    const OnnxNode node(path, graph.node(i), i);
    std::optional<NetworkLayer> layer;
    if (node.in_default_domain() && node.op() == "Conv")
      layer = onnx_conv_layer(node, tensors, batch);
    else if (node.in_default_domain() && (node.op() == "Gemm" || node.op() == "MatMul"))
      layer = onnx_fc_layer(node, tensors, batch);
    if (layer)
      net.layers.push_back(std::move(*layer));
    else
      ++net.not_scheduled[node.op_key()];
  }
  if (net.layers.empty())
    throw UserError(path + ": no Conv, Gemm or fully-connected MatMul node among the " +
                    std::to_string(graph.node_size()) + " nodes (" +
                    op_counts_text(net.not_scheduled) + "): there is nothing to schedule");
  net.input = network_input(graph, tensors, batch);
  return net;
}

}  // namespace spad
