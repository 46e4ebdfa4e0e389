// ONNX shape rules: Shape, Gather, Constant, ConstantOfShape and Range: folded integer values (see
// onnx_rule.hpp).
#include <algorithm>

#include "base/checked.hpp"
#include "io/onnx/onnx_fold.hpp"
#include "io/onnx/onnx_rule.hpp"
#include "io/onnx/onnx_tensor_data.hpp"

namespace spad::onnx_rules {

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

const Dims* Rule::folded(int i, Ints* dims) const {
  const OnnxShape* s = shape(i);
  const Dims* v = ints(i);
  if (!s || !v) return nullptr;
  std::optional<Ints> d = foldable_dims(*s);
  if (!d || static_cast<std::int64_t>(v->size()) != s->elements()) return nullptr;
  *dims = std::move(*d);
  return v;
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
  Ints dims;
  const Dims* v = folded(0, &dims);
  std::optional<Ints> i = known_ints(1);
  if (v && i) {
    const std::int64_t n = dims[ax];
    for (std::int64_t& k : *i) {
      if (k < -n || k >= n)
        node_.fail("index " + std::to_string(k) + " out of range for axis " + std::to_string(ax) +
                   " of " + shape_text(*x));
      if (k < 0) k += n;
    }
    set_ints(0, y, fold_gather(dims, *v, ax, *i));
  } else {
    set(0, y);
  }
}

namespace {

OnnxShape dims_shape(const Ints& dims) {
  OnnxShape s;
  for (std::int64_t d : dims) s.dims.push_back(num(d));
  return s;
}

}  // namespace

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

}  // namespace spad::onnx_rules
