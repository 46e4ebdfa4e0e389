// ONNX shape rules: unary and broadcasting elementwise operators (see onnx_rule.hpp).
#include <algorithm>
#include <cmath>

#include "base/checked.hpp"
#include "io/onnx/onnx_rule.hpp"
#include "io/onnx/onnx_tensor_data.hpp"

namespace spad::onnx_rules {

std::optional<OnnxShape> broadcast_shapes(const std::vector<const OnnxShape*>& shapes,
                                          std::string* conflict) {
  int rank = 0;
  for (const OnnxShape* s : shapes) {
    if (!s) return std::nullopt;
    rank = std::max(rank, s->rank());
  }
  OnnxShape out;
  out.dims.resize(rank);
  for (int i = 0; i < rank; ++i) {
    OnnxDim d = num(1);
    const OnnxShape* from = nullptr;  // the shape d came from
    for (const OnnxShape* s : shapes) {
      const int j = i - (rank - s->rank());
      if (j < 0) continue;
      const OnnxDim& x = s->dims[j];
      if (x.value == 1) continue;
      if (d.value == 1 || d == x) {
        d = x;
        from = s;
      } else if (d.value && x.value) {
        if (conflict) {
          const int jf = i - (rank - from->rank());
          *conflict = "shapes " + shape_text(*from) + " and " + shape_text(*s) +
                      " do not broadcast: aligned from the last dim, dim " + std::to_string(jf) +
                      " of " + shape_text(*from) + " is " + std::to_string(*d.value) + " and dim " +
                      std::to_string(j) + " of " + shape_text(*s) + " is " +
                      std::to_string(*x.value) + " (sizes must be equal, or one of them 1)";
        }
        return std::nullopt;
      } else if (x.value) {
        d = x;  // a symbol broadcast against a number > 1 is that number
        from = s;
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
  std::string conflict;
  const std::optional<OnnxShape> s = broadcast_shapes(shapes, &conflict);
  if (!conflict.empty()) node_.fail("input " + conflict);
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
        // Mod with fmod = 0 (the default) takes the divisor's sign, as Python's %.
        if (op == "Mod" && node_.int_attr("fmod").value_or(0) == 0 && v != 0 && (v < 0) != (q < 0))
          v += q;
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

}  // namespace spad::onnx_rules
