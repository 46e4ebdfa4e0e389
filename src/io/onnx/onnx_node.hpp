// One node of an ONNX graph as the importer sees it: where it is (for
// messages), its inputs and typed access to its attributes. Every problem is
// a UserError that starts "<file>: node "<name>" (<op>): ".
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workload/layer.hpp"

namespace spad {

class OnnxNode {
 public:
  // `index` is the node's position in the graph (0-based).
  OnnxNode(const std::string& file, const onnx::NodeProto& node, int index)
      : file_(file), node_(node), index_(index) {}

  const std::string& op() const { return node_.op_type(); }
  const std::string& domain() const { return node_.domain(); }
  // True for the default ONNX operator domain ("" or "ai.onnx").
  bool in_default_domain() const;
  // The op type for the not-scheduled list: "Relu", or "<domain>.<op>" outside the default domain.
  std::string op_key() const;
  // The layer name: the node's name, or "<op>_<index>" when it has none.
  std::string layer_name() const;
  // "<file>: node "<name>" (<op>)"
  std::string where() const;
  [[noreturn]] void fail(const std::string& what) const;

  // Input i's tensor name; "" when absent (optional inputs may also be given as "").
  std::string input(int i) const;
  bool has_input(int i) const { return !input(i).empty(); }
  std::string output(int i) const;

  // Attributes, nullopt when absent; a present attribute of another type is a UserError.
  std::optional<std::int64_t> int_attr(std::string_view name) const;
  std::optional<std::vector<std::int64_t>> ints_attr(std::string_view name) const;
  std::optional<std::string> string_attr(std::string_view name) const;
  std::optional<float> float_attr(std::string_view name) const;
  std::optional<std::vector<float>> floats_attr(std::string_view name) const;
  const onnx::TensorProto* tensor_attr(std::string_view name) const;
  int input_count() const { return node_.input_size(); }
  int output_count() const { return node_.output_size(); }

  // Builds Layer(spec) to validate it; Layer's message is prefixed with where().
  void validate(const LayerSpec& spec) const;

 private:
  const onnx::AttributeProto* attribute(std::string_view name) const;

  const std::string& file_;
  const onnx::NodeProto& node_;
  int index_;
};

// "[1, 2, 3]" for messages.
std::string ints_text(const std::vector<std::int64_t>& values);

}  // namespace spad
