// ONNX import: walks the graph in node order and turns Conv, Gemm and MatMul
// nodes (and their integer forms, and ONNX Runtime's fused forms) into
// layers; lists arithmetic nodes spad does not schedule; counts every other op.
#include "io/onnx/onnx_network.hpp"

#include <algorithm>
#include <filesystem>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/onnx/onnx_contrib.hpp"
#include "io/onnx/onnx_conv.hpp"
#include "io/onnx/onnx_fc.hpp"
#include "io/onnx/onnx_graph_check.hpp"
#include "io/onnx/onnx_model.hpp"
#include "io/onnx/onnx_node.hpp"
#include "io/onnx/onnx_skipped.hpp"
#include "io/onnx/onnx_tensor_data.hpp"
#include "io/onnx/onnx_tensors.hpp"

namespace spad {
namespace {

// The network's input: the first graph input that is not an initializer,
// when it is a 4-D tensor with known sizes (informative only).
std::optional<NetworkInput> network_input(const onnx::GraphProto& graph, const OnnxTensors& tensors,
                                          std::optional<Count> batch) {
  for (const onnx::ValueInfoProto& vi : graph.input()) {
    if (tensors.is_weight(vi.name())) continue;
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

// Builds a node's layer; a UserError about sizes spad could not compute
// also names where that started (OnnxTensors::cause), once.
template <typename Build>
NetworkLayer layer_of(const OnnxNode& node, const OnnxTensors& tensors, Build build) {
  try {
    return build();
  } catch (const UserError& e) {
    const std::string what = e.what();
    for (int i = 0; i < node.input_count(); ++i) {
      const std::string cause = node.has_input(i) ? tensors.cause(node.input(i)) : "";
      if (!cause.empty() && what.find(cause) == std::string::npos)
        throw UserError(what + " [spad could not compute the shape of " + in_quotes(node.input(i)) +
                        ": " + cause + "]");
    }
    throw;
  }
}

// Conv and its integer forms; ONNX Runtime's FusedConv (Conv + activation).
bool is_conv(const OnnxNode& node) {
  if (onnx_contrib_form(node) == OnnxProductForm::conv) return true;
  return node.in_default_domain() &&
         (node.op() == "Conv" || node.op() == "ConvInteger" || node.op() == "QLinearConv");
}

// Gemm, MatMul and their integer forms; ONNX Runtime's FusedGemm and
// FusedMatMul (without batch transposes).
bool is_matrix_product(const OnnxNode& node) {
  const OnnxProductForm form = onnx_contrib_form(node);
  if (form == OnnxProductForm::gemm || form == OnnxProductForm::matmul) return true;
  return node.in_default_domain() && (node.op() == "Gemm" || node.op() == "MatMul" ||
                                      node.op() == "MatMulInteger" || node.op() == "QLinearMatMul");
}

// The element sizes an integer operator states: its operands' types (from
// the tensors or their zero points) and its output's. Each such layer keeps
// its own (NetworkLayer::precision); the network's are the largest of them,
// for its other layers.
class IntegerPrecision {
 public:
  // The sizes `node` states, if it is an integer operator.
  std::optional<Precision> add(const OnnxNode& node, const OnnxTensors& tensors) {
    const std::string& op = node.op();
    int x = 0, w = 0, y = 0;
    if (op == "QLinearConv" || op == "QLinearMatMul") {
      x = type_of(node, tensors, 0, 2);
      w = type_of(node, tensors, 3, 5);
      y = type_of(node, tensors, -1, 7);
    } else if (op == "ConvInteger" || op == "MatMulInteger") {
      x = type_of(node, tensors, 0, 2);
      w = type_of(node, tensors, 1, 3);
      y = onnx::TensorProto::INT32;  // these operators output their int32 accumulators
    } else {
      return std::nullopt;
    }
    in_ = std::max(in_, onnx_element_bytes(x));
    w_ = std::max(w_, onnx_element_bytes(w));
    out_ = std::max(out_, onnx_element_bytes(y));
    sources_ += (sources_.empty() ? "" : ", ") + op + " " + in_quotes(node.layer_name()) + " (" +
                onnx_element_name(x) + " x " + onnx_element_name(w) + " -> " +
                onnx_element_name(y) + ")";
    Precision own;
    if (onnx_element_bytes(x) > 0) own.input = onnx_element_bytes(x);
    if (onnx_element_bytes(w) > 0) own.weight = onnx_element_bytes(w);
    if (onnx_element_bytes(y) > 0) own.output = onnx_element_bytes(y);
    own.psum = 4;  // the int32 accumulators of every ONNX integer operator
    return own;
  }
  void apply(Network& net) const {
    if (sources_.empty()) return;
    Precision p;
    if (in_ > 0) p.input = in_;
    if (w_ > 0) p.weight = w_;
    if (out_ > 0) p.output = out_;
    p.psum = 4;  // the int32 accumulators of every ONNX integer operator
    net.precision = p;
    net.precision_source = "the model's integer operators: " + sources_;
  }

 private:
  // The type of input `tensor`, else of input `zero_point`; -1 skips the first.
  static int type_of(const OnnxNode& node, const OnnxTensors& tensors, int tensor, int zero_point) {
    int t = tensor >= 0 && node.has_input(tensor) ? tensors.elem_type(node.input(tensor)) : 0;
    if (t == 0 && node.has_input(zero_point)) t = tensors.elem_type(node.input(zero_point));
    if (t == 0 && tensor < 0) t = tensors.elem_type(node.output(0));
    return t;
  }
  int in_ = 0, w_ = 0, out_ = 0;
  std::string sources_;
};

}  // namespace

namespace {

Network import_graph(const std::string& path, const OnnxModelFile& file,
                     std::optional<Count> batch) {
  const onnx::GraphProto& graph = file.model.graph();
  onnx_check_graph(path, graph);
  const OnnxTensors tensors(path, graph, file.inferred ? &file.inferred->graph() : nullptr,
                            file.opset);

  Network net;
  net.model = std::filesystem::path(path).stem().string();
  if (net.model.empty()) net.model = path;
  net.source = path;
  IntegerPrecision precision;
  for (int i = 0; i < graph.node_size(); ++i) {
    const OnnxNode node(path, graph.node(i), i);
    if (is_conv(node)) {
      if (onnx_conv_spatial_rank(node, tensors) > 2) {
        net.skipped.push_back(
            onnx_skipped_node(node, tensors,
                              std::to_string(onnx_conv_spatial_rank(node, tensors)) +
                                  "-D convolution: spad schedules 1-D and 2-D convolutions"));
        continue;
      }
      net.layers.push_back(
          layer_of(node, tensors, [&] { return onnx_conv_layer(node, tensors, batch); }));
      net.layers.back().precision = precision.add(node, tensors);
    } else if (is_matrix_product(node) && onnx_is_weight_product(node, tensors)) {
      net.skipped.push_back(onnx_weight_product_node(node, tensors));
    } else if (is_matrix_product(node)) {
      net.layers.push_back(
          layer_of(node, tensors, [&] { return onnx_fc_layer(node, tensors, batch); }));
      net.layers.back().precision = precision.add(node, tensors);
    } else if (onnx_is_skipped_op(node)) {
      net.skipped.push_back(onnx_skipped_node(node, tensors));
    } else if (onnx_is_skipped_contrib_op(node)) {
      net.skipped.push_back(onnx_contrib_skipped_node(node, tensors));
    } else {
      ++net.not_scheduled[node.op_key()];
    }
  }
  if (net.layers.empty()) {
    std::string skipped;
    for (const SkippedNode& s : net.skipped)
      skipped += (skipped.empty() ? "not scheduled: " : ", ") + in_quotes(s.node) + " (" + s.op +
                 ": " + s.reason + ")";
    std::string found = op_counts_text(net.not_scheduled);
    if (!found.empty() && !skipped.empty()) found += "; ";
    found += skipped;
    throw UserError(path + ": no Conv, Gemm or MatMul node spad can schedule among the " +
                    std::to_string(graph.node_size()) + " nodes" +
                    (found.empty() ? std::string() : " (" + found + ")") +
                    ": there is nothing to schedule");
  }
  net.input = network_input(graph, tensors, batch);
  net.warnings = tensors.warnings();
  if (!file.inference_error.empty())
    net.warnings.push_back(path + ": ONNX shape inference failed (" + file.inference_error +
                           "); spad's own shapes are used");
  precision.apply(net);
  return net;
}

}  // namespace

Network read_onnx_network(const std::string& path, std::optional<Count> batch) {
  if (batch && *batch < 1)
    throw UserError(path + ": batch = " + std::to_string(*batch) + ": must be a positive integer");
  const OnnxModelFile file = load_onnx_model(path, batch);
  std::string rebatched;
  for (const std::string& input : file.rebatched)
    rebatched += (rebatched.empty() ? "" : ", ") + input;
  if (rebatched.empty()) return import_graph(path, file, batch);
  const std::string what = "--batch " + std::to_string(*batch) +
                           " replaced the fixed batch (dim 0) of the graph input" +
                           (file.rebatched.size() > 1 ? "s " : " ") + rebatched;
  try {
    Network net = import_graph(path, file, batch);
    net.warnings.insert(net.warnings.begin(),
                        path + ": " + what +
                            "; every shape was computed from there (the file's value_info and "
                            "output shapes, stated for its own batch, were set aside)");
    return net;
  } catch (const UserError& e) {
    throw UserError(std::string(e.what()) + " [" + what +
                    ": a model exported with a fixed batch may hold it in constant shapes; "
                    "export it with a dynamic batch axis, or leave out --batch]");
  }
}

}  // namespace spad
