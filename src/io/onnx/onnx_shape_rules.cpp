// spad's shape rules for ONNX operators (see onnx_shape_rules.hpp).
#include "io/onnx/onnx_shape_rules.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "base/checked.hpp"
#include "base/error.hpp"
#include "io/onnx/onnx_pads.hpp"
#include "io/onnx/onnx_tensor_data.hpp"

namespace spad {
namespace {

using Dims = std::vector<OnnxDim>;
using Ints = std::vector<std::int64_t>;

OnnxDim num(std::int64_t v) { return OnnxDim{v, {}}; }

// Largest size the rules compute with; larger shapes are left unknown.
constexpr std::int64_t kMaxSize = kMaxWorkProduct;

const std::set<std::string>& same_shape_ops() {
  static const std::set<std::string> ops = {"Identity",
                                            "Relu",
                                            "LeakyRelu",
                                            "PRelu",
                                            "Sigmoid",
                                            "HardSigmoid",
                                            "HardSwish",
                                            "Tanh",
                                            "Softmax",
                                            "LogSoftmax",
                                            "Hardmax",
                                            "Erf",
                                            "Gelu",
                                            "Sqrt",
                                            "Exp",
                                            "Log",
                                            "Neg",
                                            "Abs",
                                            "Reciprocal",
                                            "Floor",
                                            "Ceil",
                                            "Round",
                                            "Sign",
                                            "Sin",
                                            "Cos",
                                            "Elu",
                                            "Selu",
                                            "Celu",
                                            "Softplus",
                                            "Softsign",
                                            "Mish",
                                            "ThresholdedRelu",
                                            "Clip",
                                            "Dropout",
                                            "BatchNormalization",
                                            "InstanceNormalization",
                                            "LayerNormalization",
                                            "GroupNormalization",
                                            "LpNormalization",
                                            "MeanVarianceNormalization",
                                            "LRN",
                                            "Cast",
                                            "CastLike",
                                            "QuantizeLinear",
                                            "DequantizeLinear",
                                            "Not",
                                            "IsNaN",
                                            "IsInf",
                                            "CumSum",
                                            "Trilu",
                                            "Shrink",
                                            "Sinh",
                                            "Cosh",
                                            "Tan",
                                            "Asin",
                                            "Acos",
                                            "Atan",
                                            "Asinh",
                                            "Acosh",
                                            "Atanh"};
  return ops;
}

const std::set<std::string>& broadcast_ops() {
  static const std::set<std::string> ops = {
      "Add", "Sub",  "Mul",   "Div",   "Pow",     "Max",         "Min",
      "Sum", "Mean", "Equal", "Less",  "Greater", "LessOrEqual", "GreaterOrEqual",
      "And", "Or",   "Xor",   "Where", "Mod",     "BitShift"};
  return ops;
}

const std::set<std::string>& other_ops() {
  static const std::set<std::string> ops = {"Conv",
                                            "ConvInteger",
                                            "QLinearConv",
                                            "ConvTranspose",
                                            "MaxPool",
                                            "AveragePool",
                                            "LpPool",
                                            "GlobalAveragePool",
                                            "GlobalMaxPool",
                                            "GlobalLpPool",
                                            "Pad",
                                            "Concat",
                                            "Split",
                                            "Slice",
                                            "Reshape",
                                            "Flatten",
                                            "Transpose",
                                            "Squeeze",
                                            "Unsqueeze",
                                            "Resize",
                                            "Upsample",
                                            "MatMul",
                                            "MatMulInteger",
                                            "QLinearMatMul",
                                            "Gemm",
                                            "Shape",
                                            "Size",
                                            "Gather",
                                            "Constant",
                                            "ConstantOfShape",
                                            "Range",
                                            "Expand",
                                            "Tile",
                                            "ReduceMean",
                                            "ReduceSum",
                                            "ReduceMax",
                                            "ReduceMin",
                                            "ReduceProd",
                                            "ReduceL1",
                                            "ReduceL2",
                                            "ReduceLogSum",
                                            "ReduceLogSumExp",
                                            "ReduceSumSquare",
                                            "ArgMax",
                                            "ArgMin",
                                            "DepthToSpace",
                                            "SpaceToDepth"};
  return ops;
}

// Product of dimensions: a number when all are; a symbol when exactly one is
// and the others are 1; unknown otherwise.
OnnxDim product(const Dims& dims) {
  std::int64_t p = 1;
  std::string symbol;
  int symbols = 0;
  for (const OnnxDim& d : dims) {
    if (d.value) {
      if (!mul_fits(p, *d.value, &p) || p > kMaxSize) return {};
    } else if (!d.symbol.empty()) {
      ++symbols;
      symbol = d.symbol;
    } else {
      return {};
    }
  }
  if (symbols == 0) return num(p);
  if (symbols == 1 && p == 1) return OnnxDim{std::nullopt, symbol};
  return {};
}

class Rule {
 public:
  Rule(const OnnxNode& node, int opset, const OnnxFactLookup& lookup)
      : node_(node), opset_(opset), lookup_(lookup) {}

  std::map<std::string, OnnxFact> run();

 private:
  const OnnxFact* in(int i) const { return node_.has_input(i) ? lookup_(node_.input(i)) : nullptr; }
  const OnnxShape* shape(int i) const {
    const OnnxFact* f = in(i);
    return f && f->shape ? &*f->shape : nullptr;
  }
  const Dims* ints(int i) const {
    const OnnxFact* f = in(i);
    return f && f->ints ? &*f->ints : nullptr;
  }
  // Input i's folded values when every one is a number.
  std::optional<Ints> known_ints(int i) const {
    const Dims* d = ints(i);
    if (!d) return std::nullopt;
    Ints out;
    for (const OnnxDim& x : *d) {
      if (!x.value) return std::nullopt;
      out.push_back(*x.value);
    }
    return out;
  }
  std::optional<std::vector<double>> reals(int i) const {
    const OnnxFact* f = in(i);
    if (f && f->reals) return *f->reals;
    if (auto v = known_ints(i)) return std::vector<double>(v->begin(), v->end());
    return std::nullopt;
  }
  OnnxFact& out(int o) { return facts_[node_.output(o)]; }
  void set(int o, OnnxShape s) {
    if (!node_.output(o).empty()) out(o).shape = std::move(s);
  }
  void set_ints(int o, OnnxShape s, Dims v) {
    if (node_.output(o).empty()) return;
    out(o).shape = std::move(s);
    out(o).ints = std::move(v);
  }
  // Normalises an axis of a rank-`rank` tensor; UserError when out of range.
  int axis(std::int64_t a, int rank, const char* what) const {
    if (a < -rank || a >= rank)
      node_.fail(std::string(what) + " = " + std::to_string(a) + " is out of range for rank " +
                 std::to_string(rank));
    return static_cast<int>(a < 0 ? a + rank : a);
  }
  // Ints from attribute `name` (opset < `input_since`) or input `index`.
  std::optional<Ints> attr_or_input(const char* name, int input_since, int index) const {
    if (opset_ < input_since) return node_.ints_attr(name);
    if (!node_.has_input(index)) return node_.ints_attr(name);  // tolerated either way
    return known_ints(index);
  }

  void same_shape();
  void broadcast();
  void conv_like(int w_index, bool transpose);
  void pool();
  void global_pool();
  void pad();
  void concat();
  void split();
  void slice();
  void reshape();
  void flatten();
  void transpose();
  void squeeze(bool un);
  void resize();
  void matmul(int b_index);
  void gemm();
  void shape_op();
  void gather();
  void constant();
  void constant_of_shape();
  void range();
  void expand_tile(bool tile);
  void reduce();
  void depth_space(bool to_space);

  const OnnxNode& node_;
  int opset_;
  const OnnxFactLookup& lookup_;
  std::map<std::string, OnnxFact> facts_;
};

std::optional<OnnxShape> broadcast_shapes(const std::vector<const OnnxShape*>& shapes) {
  int rank = 0;
  for (const OnnxShape* s : shapes) {
    if (!s) return std::nullopt;
    rank = std::max(rank, s->rank());
  }
  OnnxShape out;
  out.dims.resize(rank);
  for (int i = 0; i < rank; ++i) {
    OnnxDim d = num(1);
    for (const OnnxShape* s : shapes) {
      const int j = i - (rank - s->rank());
      if (j < 0) continue;
      const OnnxDim& x = s->dims[j];
      if (x.value == 1) continue;
      if (d.value == 1 || d == x) {
        d = x;
      } else if (d.value && x.value) {
        return std::nullopt;  // incompatible; left to the layer that needs it
      } else if (x.value) {
        d = x;  // a symbol broadcast against a number > 1 is that number
      }
    }
    out.dims[i] = d;
  }
  return out;
}

void Rule::same_shape() {
  const OnnxShape* s = shape(0);
  if (!s) return;
  const std::string& op = node_.op();
  for (int o = 0; o < node_.output_count(); ++o) {
    if (op == "BatchNormalization" || op == "LayerNormalization") {
      if (o > 0) break;
    }
    set(o, *s);
  }
  const Dims* v = ints(0);
  if (op == "Identity" || op == "Neg" || op == "Abs" || op == "Floor" || op == "Ceil") {
    if (v) {
      Dims r = *v;
      for (OnnxDim& d : r)
        if (op == "Neg" || op == "Abs")
          d = d.value ? num(op == "Neg" ? -*d.value : std::abs(*d.value)) : OnnxDim{};
      out(0).ints = r;
    } else if (const OnnxFact* f = in(0); f && f->reals) {
      std::vector<double> r = *f->reals;
      for (double& x : r)
        x = op == "Floor"  ? std::floor(x)
            : op == "Ceil" ? std::ceil(x)
            : op == "Neg"  ? -x
            : op == "Abs"  ? std::abs(x)
                           : x;
      out(0).reals = r;
    }
  } else if (op == "Cast") {
    const std::int64_t to = node_.int_attr("to").value_or(0);
    out(0).elem_type = static_cast<int>(to);
    const bool to_real = to == onnx::TensorProto::FLOAT || to == onnx::TensorProto::DOUBLE ||
                         to == onnx::TensorProto::FLOAT16;
    if (to_real) {
      if (auto r = reals(0)) out(0).reals = *r;
    } else if (v) {
      out(0).ints = *v;
    } else if (const OnnxFact* f = in(0); f && f->reals) {
      Dims r;
      for (double x : *f->reals) r.push_back(num(static_cast<std::int64_t>(x)));
      out(0).ints = r;
    }
  }
}

// Element-wise arithmetic on folded values (integers exactly, reals as doubles).
void Rule::broadcast() {
  std::vector<const OnnxShape*> shapes;
  for (int i = 0; i < node_.input_count(); ++i)
    if (node_.has_input(i)) shapes.push_back(shape(i));
  const std::optional<OnnxShape> s = broadcast_shapes(shapes);
  if (!s) return;
  set(0, *s);
  const std::string& op = node_.op();
  const std::optional<std::int64_t> n = s->elements();
  if (!n || *n > kMaxFoldedElements) return;
  // Index of element k of the output in an input of shape `in` (broadcast).
  const auto source = [&](const OnnxShape& in, std::int64_t k) {
    std::int64_t idx = 0, stride = 1;
    for (int d = s->rank() - 1, j = in.rank() - 1; j >= 0; --d, --j) {
      const std::int64_t size = *s->dims[d].value, pos = k % size;
      k /= size;
      const std::int64_t in_size = *in.dims[j].value;
      idx += (in_size == 1 ? 0 : pos) * stride;
      stride *= in_size;
    }
    return idx;
  };
  if (op == "Where") {
    const auto c = known_ints(0);
    const Dims *a = ints(1), *b = ints(2);
    if (!c || !a || !b || !shape(0)->elements() || !shape(1)->elements() || !shape(2)->elements())
      return;
    Dims r;
    for (std::int64_t k = 0; k < *n; ++k)
      r.push_back((*c)[source(*shape(0), k)] ? (*a)[source(*shape(1), k)]
                                             : (*b)[source(*shape(2), k)]);
    out(0).ints = r;
    return;
  }
  if (shapes.size() != 2 || !shapes[0]->elements() || !shapes[1]->elements()) return;
  static const std::set<std::string> folded = {"Add", "Sub", "Mul",   "Div",  "Mod",
                                               "Max", "Min", "Equal", "Less", "Greater"};
  if (!folded.count(op)) return;
  const Dims *a = ints(0), *b = ints(1);
  if (a && b) {
    Dims r;
    for (std::int64_t k = 0; k < *n; ++k) {
      const OnnxDim& x = (*a)[source(*shapes[0], k)];
      const OnnxDim& y = (*b)[source(*shapes[1], k)];
      // x * 1, x + 0, x / 1 keep a symbol.
      if (!x.value || !y.value) {
        const bool keep = (op == "Mul" || op == "Div")   ? y.value == 1
                          : (op == "Add" || op == "Sub") ? y.value == 0
                                                         : false;
        const bool keep_y = (op == "Mul" && x.value == 1) || (op == "Add" && x.value == 0);
        r.push_back(keep ? x : keep_y ? y : OnnxDim{});
        continue;
      }
      const std::int64_t p = *x.value, q = *y.value;
      std::int64_t v = 0;
      if (op == "Add")
        v = p + q;
      else if (op == "Sub")
        v = p - q;
      else if (op == "Mul")
        v = p * q;
      else if (op == "Div" || op == "Mod") {
        if (q == 0) return;
        v = op == "Div" ? p / q : p % q;
      } else if (op == "Max")
        v = std::max(p, q);
      else if (op == "Min")
        v = std::min(p, q);
      else if (op == "Equal")
        v = p == q;
      else if (op == "Less")
        v = p < q;
      else
        v = p > q;
      r.push_back(num(v));
    }
    out(0).ints = r;
    return;
  }
  const auto ra = reals(0), rb = reals(1);
  if (!ra || !rb || (op != "Add" && op != "Sub" && op != "Mul" && op != "Div")) return;
  std::vector<double> r;
  for (std::int64_t k = 0; k < *n; ++k) {
    const double p = (*ra)[source(*shapes[0], k)], q = (*rb)[source(*shapes[1], k)];
    r.push_back(op == "Add" ? p + q : op == "Sub" ? p - q : op == "Mul" ? p * q : p / q);
  }
  out(0).reals = r;
}

// Spatial output size of a conv or pool along one axis (ONNX / PyTorch rules).
std::optional<std::int64_t> window_out(std::int64_t in, std::int64_t k, std::int64_t s,
                                       std::int64_t d, std::int64_t pb, std::int64_t pe,
                                       OnnxAutoPad mode, bool ceil_mode) {
  if (in < 1 || k < 1 || s < 1 || d < 1 || in > kMaxSize || k > kMaxSize || d > kMaxSize)
    return std::nullopt;
  const std::int64_t extent = (k - 1) * d + 1;
  if (mode == OnnxAutoPad::same_upper || mode == OnnxAutoPad::same_lower) return (in + s - 1) / s;
  if (mode == OnnxAutoPad::valid) pb = pe = 0;
  const std::int64_t span = in + pb + pe - extent;
  if (span < 0) return std::nullopt;
  std::int64_t out = (ceil_mode ? (span + s - 1) / s : span / s) + 1;
  // PyTorch and ONNX (opset 19 reference): the last window must start inside
  // the input or the left padding, else it is dropped.
  if (ceil_mode && (out - 1) * s >= in + pb) --out;
  return out;
}

OnnxAutoPad auto_pad_mode(const OnnxNode& node) {
  const std::string mode = node.string_attr("auto_pad").value_or("NOTSET");
  if (mode == "NOTSET" || mode.empty()) return OnnxAutoPad::notset;
  if (mode == "SAME_UPPER") return OnnxAutoPad::same_upper;
  if (mode == "SAME_LOWER") return OnnxAutoPad::same_lower;
  if (mode == "VALID") return OnnxAutoPad::valid;
  node.fail("attribute auto_pad = \"" + mode +
            "\": expected NOTSET, SAME_UPPER, SAME_LOWER or VALID");
}

// An INTS attribute of `count` values each >= min, or `fallback`.
Ints spatial_attr(const OnnxNode& node, const char* name, std::size_t count, std::int64_t min,
                  std::int64_t fallback) {
  const std::optional<Ints> v = node.ints_attr(name);
  if (!v) return Ints(count, fallback);
  if (v->size() != count)
    node.fail("attribute " + std::string(name) + " = " + ints_text(*v) + ": needs " +
              std::to_string(count) + " values");
  for (std::int64_t x : *v)
    if (x < min)
      node.fail("attribute " + std::string(name) + " = " + ints_text(*v) +
                (min == 0 ? ": negative values are not supported" : ": values must be positive"));
  return *v;
}

void Rule::conv_like(int w_index, bool transpose) {
  const OnnxShape* x = shape(0);
  const OnnxShape* w = shape(w_index);
  if (!x || x->rank() < 3) return;
  const int spatial = x->rank() - 2;
  if (w && w->rank() != x->rank())
    node_.fail("weight " + std::string("\"") + node_.input(w_index) + "\" has rank " +
               std::to_string(w->rank()) + " but input \"" + node_.input(0) + "\" has rank " +
               std::to_string(x->rank()));
  Ints kernel;
  if (auto k = node_.ints_attr("kernel_shape")) {
    kernel = *k;
  } else if (w) {
    for (int i = 0; i < spatial; ++i) {
      if (!w->value(2 + i)) return;
      kernel.push_back(*w->value(2 + i));
    }
  } else {
    return;
  }
  if (static_cast<int>(kernel.size()) != spatial) return;  // reported by the layer
  const Ints strides = spatial_attr(node_, "strides", spatial, 1, 1);
  const Ints dilations = spatial_attr(node_, "dilations", spatial, 1, 1);
  const Ints pads = spatial_attr(node_, "pads", 2 * spatial, 0, 0);
  const OnnxAutoPad mode = auto_pad_mode(node_);
  const std::int64_t group = node_.int_attr("group").value_or(1);
  OnnxShape y;
  y.dims.push_back(x->dims[0]);
  if (!w || !w->value(transpose ? 1 : 0))
    y.dims.push_back({});
  else
    y.dims.push_back(num(*w->value(transpose ? 1 : 0) * (transpose ? group : 1)));
  for (int i = 0; i < spatial; ++i) {
    const std::optional<std::int64_t> in = x->value(2 + i);
    std::optional<std::int64_t> o;
    if (in && transpose) {
      const Ints op = spatial_attr(node_, "output_padding", spatial, 0, 0);
      if (auto os = node_.ints_attr("output_shape"); os && os->size() == kernel.size()) {
        o = (*os)[i];
      } else if (mode == OnnxAutoPad::same_upper || mode == OnnxAutoPad::same_lower) {
        o = *in * strides[i];
      } else {
        const std::int64_t p = mode == OnnxAutoPad::valid ? 0 : pads[i] + pads[spatial + i];
        o = strides[i] * (*in - 1) + op[i] + (kernel[i] - 1) * dilations[i] + 1 - p;
      }
    } else if (in) {
      o = window_out(*in, kernel[i], strides[i], dilations[i], pads[i], pads[spatial + i], mode,
                     false);
    }
    y.dims.push_back(o ? num(*o) : OnnxDim{});
  }
  set(0, y);
}

void Rule::pool() {
  const OnnxShape* x = shape(0);
  if (!x || x->rank() < 3) return;
  const int spatial = x->rank() - 2;
  const std::optional<Ints> kernel = node_.ints_attr("kernel_shape");
  if (!kernel) node_.fail("attribute kernel_shape is missing (required for a pool)");
  if (static_cast<int>(kernel->size()) != spatial)
    node_.fail("attribute kernel_shape = " + ints_text(*kernel) + " has " +
               std::to_string(kernel->size()) + " values, but the input has " +
               std::to_string(spatial) + " spatial axes");
  const Ints strides = spatial_attr(node_, "strides", spatial, 1, 1);
  const Ints dilations = spatial_attr(node_, "dilations", spatial, 1, 1);
  const Ints pads = spatial_attr(node_, "pads", 2 * spatial, 0, 0);
  const bool ceil_mode = node_.int_attr("ceil_mode").value_or(0) != 0;
  const OnnxAutoPad mode = auto_pad_mode(node_);
  OnnxShape y;
  y.dims = {x->dims[0], x->dims[1]};
  for (int i = 0; i < spatial; ++i) {
    const std::optional<std::int64_t> in = x->value(2 + i);
    std::optional<std::int64_t> o;
    if (in)
      o = window_out(*in, (*kernel)[i], strides[i], dilations[i], pads[i], pads[spatial + i], mode,
                     ceil_mode);
    if (in && !o)
      node_.fail("the pooling window (kernel " + ints_text(*kernel) +
                 ") is larger than the padded input " + shape_text(*x));
    y.dims.push_back(o ? num(*o) : OnnxDim{});
  }
  for (int o = 0; o < node_.output_count(); ++o) set(o, y);  // MaxPool's Indices too
}

void Rule::global_pool() {
  const OnnxShape* x = shape(0);
  if (!x || x->rank() < 2) return;
  OnnxShape y = *x;
  for (int i = 2; i < y.rank(); ++i) y.dims[i] = num(1);
  set(0, y);
}

void Rule::pad() {
  const OnnxShape* x = shape(0);
  if (!x) return;
  const std::optional<Ints> pads = attr_or_input("pads", 11, 1);
  if (!pads) return;
  Ints axes;
  if (opset_ >= 18 && node_.has_input(3)) {
    const auto a = known_ints(3);
    if (!a) return;
    for (std::int64_t v : *a) axes.push_back(axis(v, x->rank(), "axes"));
  } else {
    for (int i = 0; i < x->rank(); ++i) axes.push_back(i);
  }
  if (pads->size() != 2 * axes.size())
    node_.fail("pads " + ints_text(*pads) + " has " + std::to_string(pads->size()) +
               " values, expected " + std::to_string(2 * axes.size()));
  OnnxShape y = *x;
  for (std::size_t i = 0; i < axes.size(); ++i) {
    OnnxDim& d = y.dims[axes[i]];
    if (d.value) {
      d = num(*d.value + (*pads)[i] + (*pads)[axes.size() + i]);
      if (*d.value < 0) node_.fail("pads " + ints_text(*pads) + " leave a negative size");
    } else if ((*pads)[i] + (*pads)[axes.size() + i] != 0) {
      d = {};
    }
  }
  set(0, y);
}

void Rule::concat() {
  std::vector<const OnnxShape*> shapes;
  for (int i = 0; i < node_.input_count(); ++i) {
    if (!node_.has_input(i)) continue;
    if (!shape(i)) return;
    shapes.push_back(shape(i));
  }
  if (shapes.empty()) return;
  const int rank = shapes[0]->rank();
  const std::optional<std::int64_t> a = node_.int_attr("axis");
  if (!a) node_.fail("attribute axis is missing (required for Concat)");
  const int ax = axis(*a, rank, "attribute axis");
  OnnxShape y = *shapes[0];
  std::int64_t total = 0;
  bool known = true;
  for (const OnnxShape* s : shapes) {
    if (s->rank() != rank)
      node_.fail("inputs of different ranks: " + shape_text(*shapes[0]) + " and " + shape_text(*s));
    if (auto v = s->value(ax))
      total += *v;
    else
      known = false;
    for (int i = 0; i < rank; ++i)
      if (i != ax && !y.dims[i].known()) y.dims[i] = s->dims[i];
  }
  y.dims[ax] = known ? num(total) : OnnxDim{};
  Dims values;
  bool folded = rank == 1;
  for (int i = 0; folded && i < node_.input_count(); ++i) {
    if (!node_.has_input(i)) continue;
    if (const Dims* v = ints(i))
      values.insert(values.end(), v->begin(), v->end());
    else
      folded = false;
  }
  if (folded)
    set_ints(0, y, values);
  else
    set(0, y);
}

void Rule::split() {
  const OnnxShape* x = shape(0);
  if (!x) return;
  const int ax = axis(node_.int_attr("axis").value_or(0), x->rank(), "attribute axis");
  const int outputs = node_.output_count();
  std::optional<Ints> sizes =
      opset_ < 13 ? node_.ints_attr("split") : (node_.has_input(1) ? known_ints(1) : std::nullopt);
  if (opset_ >= 13 && node_.has_input(1) && !sizes) return;
  const std::optional<std::int64_t> dim = x->value(ax);
  if (!sizes) {
    if (!dim) return;
    const std::int64_t parts = node_.int_attr("num_outputs").value_or(outputs);
    if (parts < 1) node_.fail("attribute num_outputs must be positive");
    const std::int64_t each = (*dim + parts - 1) / parts;  // the last part may be smaller
    sizes = Ints();
    for (std::int64_t i = 0, left = *dim; i < parts; ++i, left -= each)
      sizes->push_back(std::max<std::int64_t>(0, std::min(each, left)));
  }
  if (static_cast<int>(sizes->size()) != outputs)
    node_.fail("split " + ints_text(*sizes) + " has " + std::to_string(sizes->size()) +
               " sizes for " + std::to_string(outputs) + " outputs");
  std::int64_t sum = 0;
  for (std::int64_t v : *sizes) sum += v;
  if (dim && sum != *dim)
    node_.fail("split " + ints_text(*sizes) + " sums to " + std::to_string(sum) + ", but axis " +
               std::to_string(ax) + " of " + shape_text(*x) + " has " + std::to_string(*dim));
  for (int o = 0; o < outputs; ++o) {
    OnnxShape y = *x;
    y.dims[ax] = num((*sizes)[o]);
    set(o, y);
  }
}

void Rule::slice() {
  const OnnxShape* x = shape(0);
  if (!x) return;
  std::optional<Ints> starts, ends, axes, steps;
  if (opset_ < 10) {
    starts = node_.ints_attr("starts");
    ends = node_.ints_attr("ends");
    axes = node_.ints_attr("axes");
  } else {
    starts = known_ints(1);
    ends = known_ints(2);
    if (node_.has_input(3)) {
      axes = known_ints(3);
      if (!axes) return;
    }
    if (node_.has_input(4)) {
      steps = known_ints(4);
      if (!steps) return;
    }
  }
  if (!starts || !ends) return;
  if (!axes) {
    axes = Ints();
    for (std::size_t i = 0; i < starts->size(); ++i) axes->push_back(static_cast<std::int64_t>(i));
  }
  if (!steps) steps = Ints(starts->size(), 1);
  if (ends->size() != starts->size() || axes->size() != starts->size() ||
      steps->size() != starts->size())
    node_.fail("starts " + ints_text(*starts) + ", ends " + ints_text(*ends) + ", axes " +
               ints_text(*axes) + " and steps " + ints_text(*steps) + " differ in length");
  OnnxShape y = *x;
  std::optional<std::int64_t> first, step1, count1;  // the slice of a 1-D input, for folding
  for (std::size_t i = 0; i < starts->size(); ++i) {
    const int a = axis((*axes)[i], x->rank(), "axes");
    const std::int64_t step = (*steps)[i];
    if (step == 0) node_.fail("a step of 0");
    const std::optional<std::int64_t> d = x->value(a);
    if (!d) {
      y.dims[a] = {};
      continue;
    }
    std::int64_t s = (*starts)[i], e = (*ends)[i], len = 0;
    if (step > 0) {
      s = std::clamp(s < 0 ? (s < -*d ? 0 : s + *d) : s, std::int64_t{0}, *d);
      e = std::clamp(e < 0 ? (e < -*d ? 0 : e + *d) : e, std::int64_t{0}, *d);
      len = e > s ? (e - s + step - 1) / step : 0;
    } else {
      s = std::clamp(s < 0 ? (s < -*d ? -1 : s + *d) : s, std::int64_t{-1}, *d - 1);
      e = std::clamp(e < 0 ? (e < -*d ? -1 : e + *d) : e, std::int64_t{-1}, *d - 1);
      len = s > e ? (s - e + (-step) - 1) / (-step) : 0;
    }
    y.dims[a] = num(len);
    if (x->rank() == 1) first = s, step1 = step, count1 = len;
  }
  const Dims* v = ints(0);
  if (v && first && x->rank() == 1) {
    Dims r;
    for (std::int64_t k = 0; k < *count1; ++k) r.push_back((*v)[*first + k * *step1]);
    set_ints(0, y, r);
  } else {
    set(0, y);
  }
}

void Rule::reshape() {
  const OnnxShape* x = shape(0);
  const Dims* target = ints(1);
  if (!target) return;
  const bool allowzero = node_.int_attr("allowzero").value_or(0) != 0;
  OnnxShape y;
  int infer = -1;
  Dims rest = x ? x->dims : Dims{};  // the input's dims not copied by a 0
  std::vector<bool> copied(rest.size(), false);
  for (std::size_t i = 0; i < target->size(); ++i) {
    const OnnxDim& t = (*target)[i];
    if (t.value == 0 && !allowzero) {
      if (!x || static_cast<int>(i) >= x->rank()) {
        if (x)
          node_.fail("shape " + shape_text(OnnxShape{*target}) + " copies dim " +
                     std::to_string(i) + " of " + shape_text(*x) + ", which does not exist");
        y.dims.push_back({});
        continue;
      }
      y.dims.push_back(x->dims[i]);
      copied[i] = true;
    } else if (t.value == -1) {
      if (infer >= 0)
        node_.fail("shape " + shape_text(OnnxShape{*target}) + " has more than one -1");
      infer = static_cast<int>(i);
      y.dims.push_back({});
    } else {
      if (t.value && *t.value < -1)
        node_.fail("shape " + shape_text(OnnxShape{*target}) + " has a negative size");
      y.dims.push_back(t);
    }
  }
  if (infer >= 0 && x) {
    // -1: the input's elements not accounted for by the other target dims.
    Dims left;
    for (std::size_t i = 0; i < rest.size(); ++i)
      if (!copied[i]) left.push_back(rest[i]);
    Dims others;
    for (std::size_t i = 0; i < y.dims.size(); ++i)
      if (static_cast<int>(i) != infer && !(i < copied.size() && copied[i]))
        others.push_back(y.dims[i]);
    // Cancel equal symbols on both sides.
    for (auto it = others.begin(); it != others.end();) {
      auto m = std::find_if(left.begin(), left.end(), [&](const OnnxDim& d) {
        return !it->symbol.empty() && d.symbol == it->symbol;
      });
      if (m != left.end()) {
        left.erase(m);
        it = others.erase(it);
      } else {
        ++it;
      }
    }
    const OnnxDim num_part = product(left), den = product(others);
    if (den.value && *den.value > 0) {
      if (num_part.value) {
        if (*num_part.value % *den.value != 0)
          node_.fail("cannot reshape " + shape_text(*x) + " to " + shape_text(OnnxShape{*target}));
        y.dims[infer] = num(*num_part.value / *den.value);
      } else if (!num_part.symbol.empty() && *den.value == 1) {
        y.dims[infer] = num_part;
      }
    }
  }
  if (x && x->elements() && y.elements() && *x->elements() != *y.elements())
    node_.fail("cannot reshape " + shape_text(*x) + " (" + std::to_string(*x->elements()) +
               " elements) to " + shape_text(y));
  if (const Dims* v = ints(0))
    set_ints(0, y, *v);
  else
    set(0, y);
}

void Rule::flatten() {
  const OnnxShape* x = shape(0);
  if (!x) return;
  const std::int64_t a = node_.int_attr("axis").value_or(1);
  if (a < -x->rank() || a > x->rank())
    node_.fail("attribute axis = " + std::to_string(a) + " is out of range for rank " +
               std::to_string(x->rank()));
  const int ax = static_cast<int>(a < 0 ? a + x->rank() : a);
  OnnxShape y;
  y.dims.push_back(product(Dims(x->dims.begin(), x->dims.begin() + ax)));
  y.dims.push_back(product(Dims(x->dims.begin() + ax, x->dims.end())));
  set(0, y);
}

void Rule::transpose() {
  const OnnxShape* x = shape(0);
  if (!x) return;
  Ints perm;
  if (auto p = node_.ints_attr("perm")) {
    perm = *p;
  } else {
    for (int i = x->rank() - 1; i >= 0; --i) perm.push_back(i);
  }
  if (static_cast<int>(perm.size()) != x->rank())
    node_.fail("attribute perm = " + ints_text(perm) + " does not match the input's rank " +
               std::to_string(x->rank()));
  OnnxShape y;
  for (std::int64_t p : perm) y.dims.push_back(x->dims[axis(p, x->rank(), "perm")]);
  set(0, y);
}

void Rule::squeeze(bool un) {
  const OnnxShape* x = shape(0);
  if (!x) return;
  std::optional<Ints> axes =
      opset_ < 13 ? node_.ints_attr("axes") : (node_.has_input(1) ? known_ints(1) : std::nullopt);
  if (opset_ >= 13 && node_.has_input(1) && !axes) return;
  OnnxShape y;
  if (un) {
    if (!axes) node_.fail("no axes given");
    const int rank = x->rank() + static_cast<int>(axes->size());
    std::vector<bool> inserted(rank, false);
    for (std::int64_t a : *axes) inserted[axis(a, rank, "axes")] = true;
    for (int i = 0, j = 0; i < rank; ++i) y.dims.push_back(inserted[i] ? num(1) : x->dims[j++]);
  } else {
    std::vector<bool> removed(x->rank(), false);
    if (axes) {
      for (std::int64_t a : *axes) {
        const int ax = axis(a, x->rank(), "axes");
        if (x->dims[ax].value && *x->dims[ax].value != 1)
          node_.fail("axis " + std::to_string(a) + " of " + shape_text(*x) + " is not 1");
        removed[ax] = true;
      }
    } else {
      for (int i = 0; i < x->rank(); ++i) {
        if (!x->dims[i].value) return;
        removed[i] = *x->dims[i].value == 1;
      }
    }
    for (int i = 0; i < x->rank(); ++i)
      if (!removed[i]) y.dims.push_back(x->dims[i]);
  }
  if (const Dims* v = ints(0))
    set_ints(0, y, *v);
  else
    set(0, y);
}

void Rule::resize() {
  const OnnxShape* x = shape(0);
  if (!x) return;
  std::optional<std::vector<double>> scales;
  std::optional<Ints> sizes;
  if (node_.op() == "Upsample") {
    if (opset_ < 9) {
      if (auto f = node_.floats_attr("scales")) scales = std::vector<double>(f->begin(), f->end());
    } else {
      scales = reals(1);
    }
  } else if (opset_ < 11) {
    scales = reals(1);
  } else {
    if (node_.has_input(3)) sizes = known_ints(3);
    if (!sizes && node_.has_input(2)) scales = reals(2);
    if (scales && scales->empty()) scales.reset();
  }
  OnnxShape y = *x;
  if (sizes) {
    if (static_cast<int>(sizes->size()) != x->rank()) return;  // axes (opset 18): left to ONNX
    for (int i = 0; i < x->rank(); ++i) y.dims[i] = num((*sizes)[i]);
  } else if (scales) {
    if (static_cast<int>(scales->size()) != x->rank())
      node_.fail("scales has " + std::to_string(scales->size()) + " values for input " +
                 shape_text(*x));
    for (int i = 0; i < x->rank(); ++i) {
      if ((*scales)[i] == 1.0) continue;
      if (!(*scales)[i] || !((*scales)[i] > 0)) node_.fail("scales must be positive");
      y.dims[i] = x->dims[i].value ? num(static_cast<std::int64_t>(std::floor(
                                         static_cast<double>(*x->dims[i].value) * (*scales)[i])))
                                   : OnnxDim{};
    }
  } else {
    return;
  }
  set(0, y);
}

void Rule::matmul(int b_index) {
  const OnnxShape* a = shape(0);
  const OnnxShape* b = shape(b_index);
  if (!a || !b || a->rank() < 1 || b->rank() < 1) return;
  OnnxShape a2 = *a, b2 = *b;
  if (a2.rank() == 1) a2.dims.insert(a2.dims.begin(), num(1));
  if (b2.rank() == 1) b2.dims.push_back(num(1));
  OnnxShape ab{Dims(a2.dims.begin(), a2.dims.end() - 2)};
  OnnxShape bb{Dims(b2.dims.begin(), b2.dims.end() - 2)};
  const std::optional<OnnxShape> batch = broadcast_shapes({&ab, &bb});
  if (!batch)
    node_.fail("batch dimensions of " + shape_text(*a) + " and " + shape_text(*b) +
               " do not broadcast");
  const OnnxDim& k1 = a2.dims[a2.rank() - 1];
  const OnnxDim& k2 = b2.dims[b2.rank() - 2];
  if (k1.value && k2.value && *k1.value != *k2.value)
    node_.fail("operands disagree: " + shape_text(*a) + " x " + shape_text(*b));
  OnnxShape y = *batch;
  if (a->rank() > 1) y.dims.push_back(a2.dims[a2.rank() - 2]);
  if (b->rank() > 1) y.dims.push_back(b2.dims[b2.rank() - 1]);
  set(0, y);
}

void Rule::gemm() {
  const OnnxShape* a = shape(0);
  const OnnxShape* b = shape(1);
  if (!a || !b || a->rank() != 2 || b->rank() != 2) return;
  const bool ta = node_.int_attr("transA").value_or(0) != 0;
  const bool tb = node_.int_attr("transB").value_or(0) != 0;
  set(0, OnnxShape{{a->dims[ta ? 1 : 0], b->dims[tb ? 0 : 1]}});
}

void Rule::shape_op() {
  const OnnxShape* x = shape(0);
  if (!x) return;
  std::int64_t start = node_.int_attr("start").value_or(0);
  std::int64_t end = node_.int_attr("end").value_or(x->rank());
  const std::int64_t r = x->rank();
  start = std::clamp(start < 0 ? start + r : start, std::int64_t{0}, r);
  end = std::clamp(end < 0 ? end + r : end, std::int64_t{0}, r);
  Dims v;
  for (std::int64_t i = start; i < end; ++i) v.push_back(x->dims[i]);
  set_ints(0, OnnxShape{{num(static_cast<std::int64_t>(v.size()))}}, v);
}

void Rule::gather() {
  const OnnxShape* x = shape(0);
  const OnnxShape* idx = shape(1);
  if (!x || !idx) return;
  const int ax = axis(node_.int_attr("axis").value_or(0), x->rank(), "attribute axis");
  OnnxShape y;
  y.dims.insert(y.dims.end(), x->dims.begin(), x->dims.begin() + ax);
  y.dims.insert(y.dims.end(), idx->dims.begin(), idx->dims.end());
  y.dims.insert(y.dims.end(), x->dims.begin() + ax + 1, x->dims.end());
  const Dims* v = ints(0);
  const auto i = known_ints(1);
  if (v && i && x->rank() == 1) {
    Dims r;
    const std::int64_t n = static_cast<std::int64_t>(v->size());
    for (std::int64_t k : *i) {
      if (k < -n || k >= n)
        node_.fail("index " + std::to_string(k) + " out of range for " + std::to_string(n) +
                   " values");
      r.push_back((*v)[k < 0 ? k + n : k]);
    }
    set_ints(0, y, r);
  } else {
    set(0, y);
  }
}

OnnxShape dims_shape(const Ints& dims) {
  OnnxShape s;
  for (std::int64_t d : dims) s.dims.push_back(num(d));
  return s;
}

void Rule::constant() {
  OnnxFact& f = out(0);
  if (const onnx::TensorProto* t = node_.tensor_attr("value")) {
    f.shape = dims_shape(Ints(t->dims().begin(), t->dims().end()));
    f.elem_type = t->data_type();
    if (auto v = onnx_tensor_values(*t)) {
      if (v->real) {
        f.reals = v->reals;
      } else {
        Dims d;
        for (std::int64_t x : v->ints) d.push_back(num(x));
        f.ints = d;
      }
    }
  } else if (auto i = node_.int_attr("value_int")) {
    f.shape = OnnxShape{};
    f.ints = Dims{num(*i)};
    f.elem_type = onnx::TensorProto::INT64;
  } else if (auto is = node_.ints_attr("value_ints")) {
    f.shape = dims_shape({static_cast<std::int64_t>(is->size())});
    Dims d;
    for (std::int64_t x : *is) d.push_back(num(x));
    f.ints = d;
    f.elem_type = onnx::TensorProto::INT64;
  } else if (auto fl = node_.float_attr("value_float")) {
    f.shape = OnnxShape{};
    f.reals = std::vector<double>{*fl};
    f.elem_type = onnx::TensorProto::FLOAT;
  } else if (auto fs = node_.floats_attr("value_floats")) {
    f.shape = dims_shape({static_cast<std::int64_t>(fs->size())});
    f.reals = std::vector<double>(fs->begin(), fs->end());
    f.elem_type = onnx::TensorProto::FLOAT;
  } else {
    facts_.erase(node_.output(0));
  }
}

void Rule::constant_of_shape() {
  const auto dims = known_ints(0);
  if (!dims) return;
  const OnnxShape y = dims_shape(*dims);
  std::int64_t value = 0;
  bool integer = true;
  if (const onnx::TensorProto* t = node_.tensor_attr("value")) {
    const auto v = onnx_tensor_values(*t);
    if (!v) {
      integer = false;
    } else if (v->real) {
      integer = false;
    } else if (!v->ints.empty()) {
      value = v->ints[0];
    }
  }
  const std::optional<std::int64_t> n = y.elements();
  if (integer && n && *n <= kMaxFoldedElements)
    set_ints(0, y, Dims(*n, num(value)));
  else
    set(0, y);
}

void Rule::range() {
  const auto s = known_ints(0), l = known_ints(1), d = known_ints(2);
  if (!s || !l || !d || s->size() != 1 || l->size() != 1 || d->size() != 1 || (*d)[0] == 0) return;
  const std::int64_t start = (*s)[0], limit = (*l)[0], delta = (*d)[0];
  const std::int64_t n =
      std::max<std::int64_t>(0, (limit - start + delta + (delta > 0 ? -1 : 1)) / delta);
  if (n > kMaxFoldedElements) {
    set(0, dims_shape({n}));
    return;
  }
  Dims v;
  for (std::int64_t i = 0; i < n; ++i) v.push_back(num(start + i * delta));
  set_ints(0, dims_shape({n}), v);
}

void Rule::expand_tile(bool tile) {
  const OnnxShape* x = shape(0);
  const Dims* arg = ints(1);
  if (!x || !arg) return;
  if (tile) {
    if (static_cast<int>(arg->size()) != x->rank()) node_.fail("repeats has the wrong length");
    OnnxShape y = *x;
    for (int i = 0; i < x->rank(); ++i)
      y.dims[i] =
          y.dims[i].value && (*arg)[i].value ? num(*y.dims[i].value * *(*arg)[i].value) : OnnxDim{};
    set(0, y);
    return;
  }
  const OnnxShape target{*arg};
  if (auto y = broadcast_shapes({x, &target})) set(0, *y);
}

void Rule::reduce() {
  const OnnxShape* x = shape(0);
  if (!x) return;
  const std::string& op = node_.op();
  const bool axes_input = (op == "ReduceSum" && opset_ >= 13) || opset_ >= 18;
  std::optional<Ints> axes =
      axes_input ? (node_.has_input(1) ? known_ints(1) : std::nullopt) : node_.ints_attr("axes");
  if (axes_input && node_.has_input(1) && !axes) return;
  const bool keep = node_.int_attr("keepdims").value_or(1) != 0;
  const bool noop = node_.int_attr("noop_with_empty_axes").value_or(0) != 0;
  std::vector<bool> reduced(x->rank(), !axes || axes->empty());
  if ((!axes || axes->empty()) && noop) {
    set(0, *x);
    return;
  }
  if (axes)
    for (std::int64_t a : *axes) reduced[axis(a, x->rank(), "axes")] = true;
  if (op == "ArgMax" || op == "ArgMin") {
    reduced.assign(x->rank(), false);
    reduced[axis(node_.int_attr("axis").value_or(0), x->rank(), "attribute axis")] = true;
  }
  OnnxShape y;
  for (int i = 0; i < x->rank(); ++i) {
    if (!reduced[i])
      y.dims.push_back(x->dims[i]);
    else if (keep)
      y.dims.push_back(num(1));
  }
  set(0, y);
}

void Rule::depth_space(bool to_space) {
  const OnnxShape* x = shape(0);
  if (!x || x->rank() != 4) return;
  const std::int64_t b = node_.int_attr("blocksize").value_or(0);
  if (b < 1) node_.fail("attribute blocksize must be positive");
  OnnxShape y = *x;
  const auto scale = [](const OnnxDim& d, std::int64_t mul, std::int64_t div) {
    return d.value && (*d.value * mul) % div == 0 ? num(*d.value * mul / div) : OnnxDim{};
  };
  y.dims[1] = to_space ? scale(x->dims[1], 1, b * b) : scale(x->dims[1], b * b, 1);
  y.dims[2] = to_space ? scale(x->dims[2], b, 1) : scale(x->dims[2], 1, b);
  y.dims[3] = to_space ? scale(x->dims[3], b, 1) : scale(x->dims[3], 1, b);
  set(0, y);
}

std::map<std::string, OnnxFact> Rule::run() {
  const std::string& op = node_.op();
  if (same_shape_ops().count(op))
    same_shape();
  else if (broadcast_ops().count(op))
    broadcast();
  else if (op == "Conv" || op == "ConvInteger")
    conv_like(1, false);
  else if (op == "QLinearConv")
    conv_like(3, false);
  else if (op == "ConvTranspose")
    conv_like(1, true);
  else if (op == "MaxPool" || op == "AveragePool" || op == "LpPool")
    pool();
  else if (op == "GlobalAveragePool" || op == "GlobalMaxPool" || op == "GlobalLpPool")
    global_pool();
  else if (op == "Pad")
    pad();
  else if (op == "Concat")
    concat();
  else if (op == "Split")
    split();
  else if (op == "Slice")
    slice();
  else if (op == "Reshape")
    reshape();
  else if (op == "Flatten")
    flatten();
  else if (op == "Transpose")
    transpose();
  else if (op == "Squeeze" || op == "Unsqueeze")
    squeeze(op == "Unsqueeze");
  else if (op == "Resize" || op == "Upsample")
    resize();
  else if (op == "MatMul" || op == "MatMulInteger")
    matmul(1);
  else if (op == "QLinearMatMul")
    matmul(3);
  else if (op == "Gemm")
    gemm();
  else if (op == "Shape")
    shape_op();
  else if (op == "Size") {
    if (const OnnxShape* x = shape(0)) {
      const OnnxDim n = product(x->dims);
      set_ints(0, OnnxShape{}, {n});
    }
  } else if (op == "Gather")
    gather();
  else if (op == "Constant")
    constant();
  else if (op == "ConstantOfShape")
    constant_of_shape();
  else if (op == "Range")
    range();
  else if (op == "Expand" || op == "Tile")
    expand_tile(op == "Tile");
  else if (op.rfind("Reduce", 0) == 0 || op == "ArgMax" || op == "ArgMin")
    reduce();
  else if (op == "DepthToSpace" || op == "SpaceToDepth")
    depth_space(op == "SpaceToDepth");
  return facts_;
}

}  // namespace

bool onnx_has_shape_rule(const std::string& op) {
  return same_shape_ops().count(op) || broadcast_ops().count(op) || other_ops().count(op);
}

std::map<std::string, OnnxFact> onnx_apply_shape_rule(const OnnxNode& node, int opset,
                                                      const OnnxFactLookup& input) {
  if (!node.in_default_domain() || !onnx_has_shape_rule(node.op())) return {};
  return Rule(node, opset, input).run();
}

}  // namespace spad
