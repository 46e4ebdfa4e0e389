// MACs and reasons of the arithmetic nodes spad does not schedule.
#include "io/onnx/onnx_skipped.hpp"

#include <map>

#include "base/checked.hpp"

namespace spad {
namespace {

// The product of the values, nullopt if one is unknown or it overflows.
std::optional<Count> product(const std::vector<std::optional<std::int64_t>>& values) {
  Count p = 1;
  for (const auto& v : values)
    if (!v || *v < 0 || !mul_fits(p, *v, &p)) return std::nullopt;
  return p;
}

std::vector<std::optional<std::int64_t>> dims(const OnnxShape* s, int from, int to) {
  std::vector<std::optional<std::int64_t>> out;
  if (s == nullptr) return {std::nullopt};
  for (int i = from; i < to; ++i) out.push_back(s->value(i));
  return out;
}

std::optional<Count> conv_macs(const OnnxNode& node, const OnnxTensors& tensors, bool transposed) {
  const int wi = node.op() == "QLinearConv" ? 3 : 1;
  const OnnxShape* x = tensors.shape(node.input(0));
  const OnnxShape* w = tensors.shape(node.input(wi));
  const OnnxShape* y = tensors.shape(node.output(0));
  if (!x || !w) return std::nullopt;
  const int spatial = w->rank() - 2;
  if (transposed) {
    // N * C_in * (M/G) * kernel * input spatial; W is [C_in, M/G, k...].
    auto f = dims(x, 0, 1);
    for (auto v : dims(w, 0, w->rank())) f.push_back(v);
    for (auto v : dims(x, 2, x->rank())) f.push_back(v);
    return product(f);
  }
  // N * M * (C/G) * kernel * output spatial; W is [M, C/G, k...].
  auto f = dims(x, 0, 1);
  for (auto v : dims(w, 0, w->rank())) f.push_back(v);
  for (auto v : dims(y, 2, 2 + spatial)) f.push_back(v);
  return product(f);
}

std::optional<Count> einsum_macs(const OnnxNode& node, const OnnxTensors& tensors) {
  const std::string eq = node.string_attr("equation").value_or("");
  const std::string lhs = eq.substr(0, eq.find("->"));
  if (lhs.find("...") != std::string::npos) return std::nullopt;
  std::map<char, std::int64_t> sizes;
  int operand = 0, pos = 0;
  for (char ch : lhs) {
    if (ch == ' ') continue;
    if (ch == ',') {
      ++operand;
      pos = 0;
      continue;
    }
    const OnnxShape* s = tensors.shape(node.input(operand));
    if (!s || !s->value(pos)) return std::nullopt;
    sizes[ch] = std::max(sizes[ch], *s->value(pos));
    ++pos;
  }
  std::vector<std::optional<std::int64_t>> f;
  for (const auto& [ch, n] : sizes) f.push_back(n);
  return product(f);
}

std::optional<Count> recurrent_macs(const OnnxNode& node, const OnnxTensors& tensors) {
  const OnnxShape* x = tensors.shape(node.input(0));
  const std::optional<std::int64_t> hidden = node.int_attr("hidden_size");
  if (!x || x->rank() != 3 || !hidden) return std::nullopt;
  const std::string direction = node.string_attr("direction").value_or("forward");
  const std::int64_t dirs = direction == "bidirectional" ? 2 : 1;
  const std::int64_t gates = node.op() == "LSTM" ? 4 : node.op() == "GRU" ? 3 : 1;
  const std::optional<std::int64_t> in = x->value(2);
  const std::optional<std::int64_t> width =
      in ? std::optional<std::int64_t>(*in + *hidden) : std::nullopt;
  return product({x->value(0), x->value(1), dirs, gates, *hidden, width});
}

}  // namespace

bool onnx_is_skipped_op(const OnnxNode& node) {
  if (!node.in_default_domain()) return false;
  const std::string& op = node.op();
  return op == "ConvTranspose" || op == "DeformConv" || op == "Einsum" || op == "RNN" ||
         op == "GRU" || op == "LSTM";
}

SkippedNode onnx_skipped_node(const OnnxNode& node, const OnnxTensors& tensors,
                              const std::string& reason) {
  SkippedNode s;
  s.node = node.layer_name();
  s.op = node.op_key();
  const std::string& op = node.op();
  if (op == "ConvTranspose") {
    s.reason = "transposed convolution: spad does not schedule it";
    s.macs = conv_macs(node, tensors, true);
  } else if (op == "Conv" || op == "ConvInteger" || op == "QLinearConv" || op == "DeformConv") {
    s.reason = op == "DeformConv" ? "deformable convolution: spad does not schedule it" : "";
    s.macs = conv_macs(node, tensors, false);
  } else if (op == "Einsum") {
    s.reason = "tensor contraction: spad does not schedule it";
    s.macs = einsum_macs(node, tensors);
  } else {
    s.reason = "recurrent layer: spad does not schedule it";
    s.macs = recurrent_macs(node, tensors);
  }
  if (!reason.empty()) s.reason = reason;
  return s;
}

}  // namespace spad
