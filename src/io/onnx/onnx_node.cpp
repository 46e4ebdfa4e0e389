// Node context and typed attribute access for the ONNX importer.
#include "io/onnx/onnx_node.hpp"

#include "base/error.hpp"
#include "base/name_text.hpp"

namespace spad {

bool OnnxNode::in_default_domain() const {
  return node_.domain().empty() || node_.domain() == "ai.onnx";
}

std::string OnnxNode::op_key() const {
  return in_default_domain() ? op() : node_.domain() + "." + op();
}

std::string OnnxNode::layer_name() const {
  return node_.name().empty() ? op() + "_" + std::to_string(index_) : node_.name();
}

std::string OnnxNode::where() const {
  return file_ + ": node " + in_quotes(layer_name()) + " (" + op_key() + ")";
}

void OnnxNode::fail(const std::string& what) const { throw UserError(where() + ": " + what); }

std::string OnnxNode::input(int i) const {
  return i < node_.input_size() ? node_.input(i) : std::string();
}

std::string OnnxNode::output(int i) const {
  return i < node_.output_size() ? node_.output(i) : std::string();
}

const onnx::AttributeProto* OnnxNode::attribute(std::string_view name) const {
  for (const onnx::AttributeProto& a : node_.attribute())
    if (a.name() == name) return &a;
  return nullptr;
}

// Old exporters leave AttributeProto.type unset (UNDEFINED) and fill only the value.
std::optional<std::int64_t> OnnxNode::int_attr(std::string_view name) const {
  const onnx::AttributeProto* a = attribute(name);
  if (a == nullptr) return std::nullopt;
  if (a->type() == onnx::AttributeProto::INT ||
      (a->type() == onnx::AttributeProto::UNDEFINED && a->has_i()))
    return a->i();
  fail("attribute " + std::string(name) + " must be an integer (INT), found type " +
       onnx::AttributeProto::AttributeType_Name(a->type()));
}

std::optional<std::vector<std::int64_t>> OnnxNode::ints_attr(std::string_view name) const {
  const onnx::AttributeProto* a = attribute(name);
  if (a == nullptr) return std::nullopt;
  if (a->type() == onnx::AttributeProto::INTS ||
      (a->type() == onnx::AttributeProto::UNDEFINED && a->ints_size() > 0))
    return std::vector<std::int64_t>(a->ints().begin(), a->ints().end());
  fail("attribute " + std::string(name) + " must be a list of integers (INTS), found type " +
       onnx::AttributeProto::AttributeType_Name(a->type()));
}

std::optional<std::string> OnnxNode::string_attr(std::string_view name) const {
  const onnx::AttributeProto* a = attribute(name);
  if (a == nullptr) return std::nullopt;
  if (a->type() == onnx::AttributeProto::STRING ||
      (a->type() == onnx::AttributeProto::UNDEFINED && a->has_s()))
    return a->s();
  fail("attribute " + std::string(name) + " must be a string (STRING), found type " +
       onnx::AttributeProto::AttributeType_Name(a->type()));
}

std::optional<float> OnnxNode::float_attr(std::string_view name) const {
  const onnx::AttributeProto* a = attribute(name);
  if (a == nullptr) return std::nullopt;
  if (a->type() == onnx::AttributeProto::FLOAT ||
      (a->type() == onnx::AttributeProto::UNDEFINED && a->has_f()))
    return a->f();
  fail("attribute " + std::string(name) + " must be a number (FLOAT), found type " +
       onnx::AttributeProto::AttributeType_Name(a->type()));
}

std::optional<std::vector<float>> OnnxNode::floats_attr(std::string_view name) const {
  const onnx::AttributeProto* a = attribute(name);
  if (a == nullptr) return std::nullopt;
  if (a->type() == onnx::AttributeProto::FLOATS ||
      (a->type() == onnx::AttributeProto::UNDEFINED && a->floats_size() > 0))
    return std::vector<float>(a->floats().begin(), a->floats().end());
  fail("attribute " + std::string(name) + " must be a list of numbers (FLOATS), found type " +
       onnx::AttributeProto::AttributeType_Name(a->type()));
}

const onnx::TensorProto* OnnxNode::tensor_attr(std::string_view name) const {
  const onnx::AttributeProto* a = attribute(name);
  if (a == nullptr) return nullptr;
  if (a->type() == onnx::AttributeProto::TENSOR ||
      (a->type() == onnx::AttributeProto::UNDEFINED && a->has_t()))
    return &a->t();
  fail("attribute " + std::string(name) + " must be a tensor (TENSOR), found type " +
       onnx::AttributeProto::AttributeType_Name(a->type()));
}

void OnnxNode::validate(const LayerSpec& spec) const {
  try {
    Layer layer(spec);
  } catch (const UserError& e) {
    fail(e.what());
  }
}

std::string ints_text(const std::vector<std::int64_t>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i)
    out += (i ? ", " : "") + std::to_string(values[i]);
  return out + "]";
}

}  // namespace spad
