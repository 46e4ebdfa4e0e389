// Test helper: builds small ONNX models in code with the protobuf API and
// writes them to a temporary file (the ONNX tests never download models).
#pragma once

#include <onnx/onnx_pb.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

namespace spad::testing {

// A dimension: a number (dim_value), a name (dim_param), or "" for unknown.
using OnnxTestDim = std::variant<std::int64_t, std::string>;
using OnnxTestShape = std::vector<OnnxTestDim>;

class OnnxModelBuilder {
 public:
  explicit OnnxModelBuilder(const std::string& graph_name, int opset = 13) {
    model_.set_ir_version(8);
    model_.set_producer_name("spad-test");
    onnx::OperatorSetIdProto* o = model_.add_opset_import();
    o->set_domain("");
    o->set_version(opset);
    model_.mutable_graph()->set_name(graph_name);
  }

  onnx::ModelProto& model() { return model_; }
  onnx::GraphProto& graph() { return *model_.mutable_graph(); }

  // A float graph input with a shape.
  void input(const std::string& name, const OnnxTestShape& shape) {
    fill(graph().add_input(), name, &shape);
  }
  // A float graph input without any shape information.
  void input_unshaped(const std::string& name) { fill(graph().add_input(), name, nullptr); }
  // A float graph output (shape left to inference).
  void output(const std::string& name) { fill(graph().add_output(), name, nullptr); }

  // A float initializer of zeros.
  void initializer(const std::string& name, const std::vector<std::int64_t>& dims) {
    onnx::TensorProto* t = graph().add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    std::int64_t count = 1;
    for (std::int64_t d : dims) {
      t->add_dims(d);
      count *= d;
    }
    for (std::int64_t i = 0; i < count; ++i) t->add_float_data(0.0f);
  }

  // An int64 initializer holding `values` (shapes, axes, pads, split sizes).
  void int64_initializer(const std::string& name, const std::vector<std::int64_t>& dims,
                         const std::vector<std::int64_t>& values) {
    onnx::TensorProto* t = graph().add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::INT64);
    for (std::int64_t d : dims) t->add_dims(d);
    for (std::int64_t v : values) t->add_int64_data(v);
  }
  // An initializer of zeros of another element type (int8, uint8, int32: int32_data).
  void typed_initializer(const std::string& name, const std::vector<std::int64_t>& dims,
                         int data_type) {
    onnx::TensorProto* t = graph().add_initializer();
    t->set_name(name);
    t->set_data_type(data_type);
    std::int64_t count = 1;
    for (std::int64_t d : dims) {
      t->add_dims(d);
      count *= d;
    }
    for (std::int64_t i = 0; i < count; ++i) {
      if (data_type == onnx::TensorProto::FLOAT)
        t->add_float_data(1.0f);
      else
        t->add_int32_data(0);
    }
  }
  // A graph input of another element type.
  void typed_input(const std::string& name, const OnnxTestShape& shape, int data_type) {
    onnx::ValueInfoProto* vi = graph().add_input();
    fill(vi, name, &shape);
    vi->mutable_type()->mutable_tensor_type()->set_elem_type(data_type);
  }
  // A value_info entry: the shape an exporter wrote for an intermediate tensor.
  void value_info(const std::string& name, const OnnxTestShape& shape) {
    fill(graph().add_value_info(), name, &shape);
  }

  onnx::NodeProto& node(const std::string& op, const std::string& name,
                        const std::vector<std::string>& inputs,
                        const std::vector<std::string>& outputs) {
    onnx::NodeProto* n = graph().add_node();
    n->set_op_type(op);
    n->set_name(name);
    for (const std::string& i : inputs) n->add_input(i);
    for (const std::string& o : outputs) n->add_output(o);
    return *n;
  }

  static void ints(onnx::NodeProto& n, const std::string& name,
                   const std::vector<std::int64_t>& values) {
    onnx::AttributeProto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INTS);
    for (std::int64_t v : values) a->add_ints(v);
  }
  static void integer(onnx::NodeProto& n, const std::string& name, std::int64_t value) {
    onnx::AttributeProto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(value);
  }
  static void text(onnx::NodeProto& n, const std::string& name, const std::string& value) {
    onnx::AttributeProto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::STRING);
    a->set_s(value);
  }

  std::string bytes() const { return model_.SerializeAsString(); }

 private:
  static void fill(onnx::ValueInfoProto* vi, const std::string& name, const OnnxTestShape* shape) {
    vi->set_name(name);
    onnx::TypeProto_Tensor* t = vi->mutable_type()->mutable_tensor_type();
    t->set_elem_type(onnx::TensorProto::FLOAT);
    if (shape == nullptr) return;
    onnx::TensorShapeProto* s = t->mutable_shape();
    for (const OnnxTestDim& d : *shape) {
      onnx::TensorShapeProto::Dimension* dim = s->add_dim();
      if (const auto* v = std::get_if<std::int64_t>(&d))
        dim->set_dim_value(*v);
      else if (!std::get<std::string>(d).empty())
        dim->set_dim_param(std::get<std::string>(d));
    }
  }

  onnx::ModelProto model_;
};

// A per-process temporary directory for the test's model files.
// Removed (with its files) when the test program exits.
inline std::filesystem::path onnx_test_dir() {
  struct TempDir {
    std::filesystem::path path;
    TempDir()
        : path(std::filesystem::temp_directory_path() /
               ("spad_onnx_test_" + std::to_string(::getpid()))) {
      std::filesystem::create_directories(path);
    }
    ~TempDir() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  };
  static const TempDir dir;
  return dir.path;
}

// Writes `bytes` to <temp dir>/<file_name> and returns the path.
inline std::string write_test_file(const std::string& file_name, const std::string& bytes) {
  const std::string path = (onnx_test_dir() / file_name).string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  return path;
}

}  // namespace spad::testing
