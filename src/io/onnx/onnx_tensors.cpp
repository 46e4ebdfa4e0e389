// Tensor facts of an ONNX graph: spad's own shape propagation, checked
// against the file's value_info and ONNX's shape inference.
#include "io/onnx/onnx_tensors.hpp"

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/onnx/onnx_shape_rules.hpp"
#include "io/onnx/onnx_tensor_data.hpp"

namespace spad {
namespace {

bool integer_type(int t) {
  using T = onnx::TensorProto;
  return t == T::INT64 || t == T::INT32 || t == T::INT16 || t == T::INT8 || t == T::UINT64 ||
         t == T::UINT32 || t == T::UINT16 || t == T::UINT8;
}

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

int type_of(const onnx::TypeProto& type) {
  return type.has_tensor_type() ? type.tensor_type().elem_type() : 0;
}

// Two shapes that cannot both be right: different ranks, or two different numbers.
bool conflict(const OnnxShape& a, const OnnxShape& b) {
  if (a.rank() != b.rank()) return true;
  for (int i = 0; i < a.rank(); ++i)
    if (a.dims[i].value && b.dims[i].value && *a.dims[i].value != *b.dims[i].value) return true;
  return false;
}

// `base` with its unknown dims filled from `extra` (same rank).
OnnxShape merged(OnnxShape base, const OnnxShape* extra) {
  if (extra == nullptr || extra->rank() != base.rank()) return base;
  for (int i = 0; i < base.rank(); ++i)
    if (!base.dims[i].known()) base.dims[i] = extra->dims[i];
  return base;
}

void record_all(std::map<std::string, OnnxShape>& shapes, std::map<std::string, int>* types,
                const google::protobuf::RepeatedPtrField<onnx::ValueInfoProto>& infos) {
  for (const onnx::ValueInfoProto& vi : infos) {
    if (auto s = shape_of(vi.type())) shapes.emplace(vi.name(), std::move(*s));
    if (types && type_of(vi.type())) types->emplace(vi.name(), type_of(vi.type()));
  }
}

}  // namespace

std::optional<std::int64_t> OnnxShape::value(int i) const {
  if (i < 0 || i >= rank()) return std::nullopt;
  return dims[i].value;
}

bool OnnxShape::known() const {
  for (const OnnxDim& d : dims)
    if (!d.known()) return false;
  return true;
}

std::optional<std::int64_t> OnnxShape::elements() const {
  std::int64_t n = 1;
  for (const OnnxDim& d : dims)
    if (!d.value || *d.value < 0 || !mul_fits(n, *d.value, &n)) return std::nullopt;
  return n;
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

OnnxTensors::OnnxTensors(const std::string& file, const onnx::GraphProto& original,
                         const onnx::GraphProto* inferred, int opset)
    : file_(file) {
  record_all(declared_, &declared_types_, original.value_info());
  record_all(declared_, &declared_types_, original.output());
  if (inferred) {
    std::map<std::string, int> inferred_types;
    record_all(inferred_, &inferred_types, inferred->value_info());
    record_all(inferred_, &inferred_types, inferred->output());
    for (const auto& [name, t] : inferred_types) declared_types_.emplace(name, t);
  }
  std::map<std::string, OnnxShape> input_shapes;  // as declared
  for (const onnx::ValueInfoProto& vi : original.input()) {
    graph_inputs_.insert(vi.name());
    OnnxFact& f = facts_[vi.name()];
    f.shape = shape_of(vi.type());
    if (f.shape) input_shapes.emplace(vi.name(), *f.shape);
    f.elem_type = type_of(vi.type());
  }
  // An initializer's dims are exact, whatever a declaration says; a graph
  // input (keep_initializers_as_inputs) declared with other dims is reported.
  for (const onnx::TensorProto& t : original.initializer()) {
    OnnxFact f;
    f.shape = OnnxShape{};
    for (std::int64_t d : t.dims()) f.shape->dims.push_back(OnnxDim{d, {}});
    auto declared = input_shapes.find(t.name());
    if (declared != input_shapes.end() && conflict(declared->second, *f.shape))
      warnings_.push_back(file_ + ": tensor " + in_quotes(t.name()) +
                          " (a graph input and an initializer): the graph input declares " +
                          shape_text(declared->second) + ", the initializer has " +
                          shape_text(*f.shape) + "; the initializer's dims are exact and used");
    f.elem_type = t.data_type();
    f.weight = true;
    if (auto v = onnx_tensor_values(t)) {
      if (v->real) {
        f.reals = v->reals;
      } else {
        f.ints.emplace();
        for (std::int64_t x : v->ints) f.ints->push_back(OnnxDim{x, {}});
      }
    }
    facts_[t.name()] = std::move(f);
  }
  const OnnxFactLookup lookup = [this](const std::string& name) { return fact(name); };
  for (int i = 0; i < original.node_size(); ++i) {
    const onnx::NodeProto& n = original.node(i);
    const OnnxNode node(file_, n, i);
    for (const std::string& out : n.output())
      producers_.emplace(out, "node " + in_quotes(node.layer_name()) + " (" + node.op_key() + ")");
    std::map<std::string, OnnxFact> derived;
    std::string why;
    bool invalid = false;  // spad's rule found the node invalid: no other source is trusted
    try {
      derived = onnx_apply_shape_rule(node, opset, lookup);
    } catch (const UserError& e) {
      why = e.what();
      invalid = true;
    }
    bool all_weights = true, any_input = false, agree_file = true, agree_onnx = true;
    // An input's cause; an input whose values are unknown; a graph input of unknown shape.
    std::string input_cause, activation, unknown_input;
    for (const std::string& in : n.input()) {
      if (in.empty()) continue;
      any_input = true;
      if (!is_weight(in)) all_weights = false;
      if (off_file_.count(in)) agree_file = false;
      if (off_onnx_.count(in)) agree_onnx = false;
      auto c = causes_.find(in);
      if (c != causes_.end() && input_cause.empty()) input_cause = c->second;
      const OnnxFact* f = fact(in);
      if (activation.empty() && !is_weight(in) && !(f && (f->ints || f->reals))) activation = in;
      if (unknown_input.empty() && graph_inputs_.count(in) && !(f && f->shape && f->shape->known()))
        unknown_input = in;
    }
    const bool weight =
        (node.in_default_domain() && node.op() == "Constant") || (any_input && all_weights);
    if (why.empty() && !onnx_has_shape_rule(node))
      why = "spad has no shape rule for " + node.op_key();
    const std::string node_text =
        "node " + in_quotes(node.layer_name()) + " (" + node.op_key() + ")";
    for (const std::string& out : n.output()) {
      if (out.empty()) continue;
      if (invalid) {
        OnnxFact& f = facts_[out];
        f.shape.reset();
        causes_[out] = why;
        // Neither the file's nor ONNX's shapes below an invalid node are
        // trusted (ONNX's lenient inference takes e.g. a Reshape target
        // without checking the element count).
        off_file_.insert(out);
        off_onnx_.insert(out);
        continue;
      }
      auto it = derived.find(out);
      const OnnxFact* own = it == derived.end() ? nullptr : &it->second;
      const bool own_shape = own && own->shape && own->shape->known();
      const bool own_values = own && (own->ints || own->reals);
      settle(node.where(), out, own ? std::optional<OnnxFact>(*own) : std::nullopt, agree_file,
             agree_onnx);
      OnnxFact& f = facts_[out];
      f.weight = weight;
      const std::string output = "output " + in_quotes(out) + " of " + node_text;
      if (!own_shape) {
        if (!input_cause.empty())
          causes_[out] = input_cause;
        else if (!why.empty())
          causes_[out] = why + " (" + output + ")";
        else if (!unknown_input.empty())
          causes_[out] = "graph input " + in_quotes(unknown_input) + " " +
                         (shape(unknown_input) ? "has shape " + shape_text(*shape(unknown_input))
                                               : std::string("has no shape")) +
                         ", so spad cannot derive the shape of " + output;
        else
          causes_[out] = "spad cannot derive the shape of " + output + " from its inputs' shapes";
      } else if (!own_values && integer_type(f.elem_type) && f.shape->elements() &&
                 *f.shape->elements() <= kMaxFoldedElements) {
        // An integer tensor whose values a shape computation may need.
        if (!input_cause.empty())
          causes_[out] = input_cause;
        else if (!activation.empty())
          causes_[out] = "the values of " + output + " depend on " + in_quotes(activation) +
                         ", whose values are only known when the model runs";
        else
          causes_[out] = "spad does not compute the values of " + output +
                         " although its inputs' values are known";
      }
    }
  }
}

void OnnxTensors::settle(const std::string& node_where, const std::string& name,
                         std::optional<OnnxFact> derived, bool agree_file, bool agree_onnx) {
  OnnxFact f = derived.value_or(OnnxFact{});
  const auto find = [](const std::map<std::string, OnnxShape>& m, const std::string& n) {
    auto it = m.find(n);
    return it == m.end() ? nullptr : &it->second;
  };
  const OnnxShape* file = find(declared_, name);
  const OnnxShape* onnx = find(inferred_, name);
  const std::string tensor = "tensor " + in_quotes(name) + " (output of " +
                             node_where.substr(node_where.find("node ")) + ")";
  if (f.shape && f.shape->known()) {
    if (file && conflict(*f.shape, *file)) {
      off_file_.insert(name);
      if (agree_file)
        warnings_.push_back(file_ + ": " + tensor + ": spad derives " + shape_text(*f.shape) +
                            ", the file's value_info says " + shape_text(*file) +
                            "; spad's shape is used");
    }
    if (onnx && conflict(*f.shape, *onnx)) {
      off_onnx_.insert(name);
      if (agree_onnx)
        warnings_.push_back(file_ + ": " + tensor + ": spad derives " + shape_text(*f.shape) +
                            ", ONNX shape inference gives " + shape_text(*onnx) +
                            "; spad's shape is used");
    }
  } else {
    // spad has no shape of its own: the file's or ONNX's, each only where
    // the node's inputs agree with it (else it was stated or inferred for
    // other inputs, e.g. below a node spad found invalid).
    if (!agree_file) file = nullptr;
    if (!agree_onnx) onnx = nullptr;
    if (file) {
      if (onnx && conflict(*file, *onnx))
        warnings_.push_back(file_ + ": " + tensor + ": the file's value_info says " +
                            shape_text(*file) + ", ONNX shape inference gives " +
                            shape_text(*onnx) + "; the file's shape is used");
      f.shape = merged(*file, f.shape ? &*f.shape : onnx);
    } else if (onnx) {
      f.shape = merged(*onnx, f.shape ? &*f.shape : nullptr);
    }
    // Its outputs are off a source that was not used here.
    if (!file && declared_.count(name)) off_file_.insert(name);
    if (!onnx && inferred_.count(name)) off_onnx_.insert(name);
  }
  if (f.elem_type == 0) {
    auto t = declared_types_.find(name);
    if (t != declared_types_.end()) f.elem_type = t->second;
  }
  facts_[name] = std::move(f);
}

const OnnxFact* OnnxTensors::fact(const std::string& name) const {
  auto it = facts_.find(name);
  return it == facts_.end() ? nullptr : &it->second;
}

const OnnxShape* OnnxTensors::shape(const std::string& name) const {
  const OnnxFact* f = fact(name);
  return f && f->shape ? &*f->shape : nullptr;
}

bool OnnxTensors::is_weight(const std::string& name) const {
  const OnnxFact* f = fact(name);
  return f && f->weight;
}

int OnnxTensors::elem_type(const std::string& name) const {
  const OnnxFact* f = fact(name);
  return f ? f->elem_type : 0;
}

std::string OnnxTensors::origin(const std::string& name) const {
  auto it = producers_.find(name);
  return it == producers_.end() ? std::string() : " (output of " + it->second + ")";
}

std::string OnnxTensors::unknown_shape_text(const std::string& name) const {
  std::string text = "has an unknown shape after shape inference" + origin(name);
  auto why = causes_.find(name);
  if (why != causes_.end()) text += " [" + why->second + "]";
  return text;
}

std::string OnnxTensors::cause(const std::string& name) const {
  auto it = causes_.find(name);
  return it == causes_.end() ? std::string() : it->second;
}

std::string OnnxTensors::shape_phrase(const std::string& name) const {
  const OnnxShape* s = shape(name);
  return s ? "has shape " + shape_text(*s) : unknown_shape_text(name);
}

Count onnx_batch(const OnnxNode& node, const std::string& tensor, const OnnxShape* shape, int axis,
                 std::optional<Count> batch, const std::string& cause) {
  if (shape != nullptr) {
    if (auto v = shape->value(axis)) return *v;
  }
  if (!cause.empty())
    node.fail("input tensor " + in_quotes(tensor) + " has no known batch size (dim " +
              std::to_string(axis) + " of " + (shape ? shape_text(*shape) : "an unknown shape") +
              ") because " + cause);
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
