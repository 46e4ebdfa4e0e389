// Structural checks of an ONNX graph (see onnx_graph_check.hpp).
#include "io/onnx/onnx_graph_check.hpp"

#include <map>
#include <set>
#include <vector>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/onnx/onnx_node.hpp"
#include "io/onnx/onnx_tensor_data.hpp"

namespace spad {
namespace {

std::string node_text(const onnx::GraphProto& graph, const std::string& file, int i) {
  const OnnxNode node(file, graph.node(i), i);
  return "node " + in_quotes(node.layer_name()) + " (" + node.op_key() + ")";
}

// A path of nodes from `from` back to `to` following inputs (each node's
// input produced by the next), or empty when there is none.
std::vector<int> path_back(const onnx::GraphProto& graph,
                           const std::map<std::string, int>& producer, int from, int to) {
  std::vector<int> parent(graph.node_size(), -1);
  std::vector<bool> seen(graph.node_size(), false);
  std::vector<int> stack = {from};
  seen[from] = true;
  while (!stack.empty()) {
    const int n = stack.back();
    stack.pop_back();
    for (const std::string& in : graph.node(n).input()) {
      auto it = producer.find(in);
      if (it == producer.end()) continue;
      const int p = it->second;
      if (p == to) {
        std::vector<int> path = {to};
        for (int k = n; k != -1; k = parent[k]) path.push_back(k);
        return path;  // to, n, ..., from: each uses an output of the one before
      }
      if (!seen[p]) {
        seen[p] = true;
        parent[p] = n;
        stack.push_back(p);
      }
    }
  }
  return {};
}

void check_tensor(const std::string& file, const std::string& what, const onnx::TensorProto& t) {
  if (auto problem = onnx_tensor_size_problem(t))
    throw UserError(file + ": " + what + " " + in_quotes(t.name()) + ": " + *problem);
}

// Every tensor a node carries as an attribute (TENSOR, TENSORS), and those of
// its subgraphs (GRAPH, GRAPHS: If, Loop, Scan bodies), recursively.
void check_node_tensors(const std::string& file, const onnx::GraphProto& graph, int depth);

void check_attribute_tensors(const std::string& file, const OnnxNode& node,
                             const onnx::NodeProto& proto, int depth) {
  for (const onnx::AttributeProto& a : proto.attribute()) {
    const auto check = [&](const onnx::TensorProto& t) {
      if (auto problem = onnx_tensor_size_problem(t))
        node.fail("attribute " + a.name() + ": " + *problem);
    };
    if (a.has_t()) check(a.t());
    for (const onnx::TensorProto& t : a.tensors()) check(t);
    if (a.has_g()) check_node_tensors(file, a.g(), depth + 1);
    for (const onnx::GraphProto& g : a.graphs()) check_node_tensors(file, g, depth + 1);
  }
}

void check_node_tensors(const std::string& file, const onnx::GraphProto& graph, int depth) {
  // Protobuf itself refuses messages nested past 100 levels; this bound only
  // keeps the recursion's stack small whatever the parser accepts.
  if (depth > 64) throw UserError(file + ": subgraphs nested more than 64 levels deep");
  for (const onnx::TensorProto& t : graph.initializer()) check_tensor(file, "initializer", t);
  for (const onnx::SparseTensorProto& t : graph.sparse_initializer()) {
    check_tensor(file, "sparse initializer values", t.values());
    check_tensor(file, "sparse initializer indices", t.indices());
  }
  for (int i = 0; i < graph.node_size(); ++i)
    check_attribute_tensors(file, OnnxNode(file, graph.node(i), i), graph.node(i), depth);
}

}  // namespace

void onnx_check_tensor_data(const std::string& file, const onnx::GraphProto& graph) {
  check_node_tensors(file, graph, 0);
}

void onnx_check_graph(const std::string& file, const onnx::GraphProto& graph) {
  std::set<std::string> available;
  for (const onnx::ValueInfoProto& vi : graph.input()) available.insert(vi.name());
  for (const onnx::TensorProto& t : graph.initializer()) available.insert(t.name());
  std::map<std::string, int> producer;
  for (int i = 0; i < graph.node_size(); ++i) {
    for (const std::string& out : graph.node(i).output()) {
      if (out.empty()) continue;
      if (available.count(out))
        throw UserError(file + ": tensor " + in_quotes(out) + " is the output of " +
                        node_text(graph, file, i) + " and also a graph input or initializer" +
                        ": each tensor must have one producer");
      auto [it, fresh] = producer.emplace(out, i);
      if (!fresh)
        throw UserError(file + ": tensor " + in_quotes(out) + " is the output of two nodes, " +
                        node_text(graph, file, it->second) + " and " + node_text(graph, file, i) +
                        ": each tensor must have one producer");
    }
  }
  for (int i = 0; i < graph.node_size(); ++i) {
    const OnnxNode node(file, graph.node(i), i);
    for (const std::string& in : graph.node(i).input()) {
      if (in.empty() || available.count(in)) continue;
      auto it = producer.find(in);
      if (it == producer.end())
        node.fail("input " + in_quotes(in) +
                  " is not a graph input, an initializer or the output of any node");
      const int p = it->second;
      if (p == i)
        node.fail("the graph has a cycle: the node's input " + in_quotes(in) +
                  " is its own output");
      const std::vector<int> cycle = path_back(graph, producer, p, i);
      if (!cycle.empty()) {
        std::string text;
        for (int k : cycle) text += node_text(graph, file, k) + " -> ";
        node.fail("the graph has a cycle: " + text + node_text(graph, file, i) + " (input " +
                  in_quotes(in) + ")");
      }
      node.fail("input " + in_quotes(in) + " is the output of a later node, " +
                node_text(graph, file, p) + ": ONNX requires the nodes in topological order");
    }
    for (const std::string& out : graph.node(i).output()) available.insert(out);
  }
}

}  // namespace spad
