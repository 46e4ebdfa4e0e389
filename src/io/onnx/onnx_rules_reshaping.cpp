// ONNX shape rules: Concat, Split, Slice, Reshape, Flatten, Transpose, (Un)Squeeze, Resize, Expand,
// Tile, reductions, DepthToSpace (see onnx_rule.hpp).
#include <algorithm>
#include <cmath>

#include "base/checked.hpp"
#include "io/onnx/onnx_fold.hpp"
#include "io/onnx/onnx_rule.hpp"

namespace spad::onnx_rules {

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
    for (int i = 0; i < rank; ++i) {
      if (i == ax) continue;
      const OnnxDim& d = s->dims[i];
      if (y.dims[i].value && d.value && *y.dims[i].value != *d.value)
        node_.fail("inputs disagree on dim " + std::to_string(i) + " (" +
                   std::to_string(*y.dims[i].value) + " and " + std::to_string(*d.value) +
                   "), which is not the concatenation axis " + std::to_string(ax) + ": " +
                   shape_text(*shapes[0]) + " and " + shape_text(*s));
      if (!y.dims[i].known()) y.dims[i] = d;
    }
  }
  y.dims[ax] = known ? num(total) : OnnxDim{};
  std::vector<Ints> dims;
  std::vector<const Dims*> values;
  for (int i = 0; i < node_.input_count(); ++i) {
    if (!node_.has_input(i)) continue;
    Ints d;
    const Dims* v = folded(i, &d);
    if (!v) {
      set(0, y);
      return;
    }
    dims.push_back(d);
    values.push_back(v);
  }
  set_ints(0, y, fold_concat(dims, values, ax));
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
  for (std::int64_t v : *sizes) {
    if (v < 0) node_.fail("split " + ints_text(*sizes) + " has a negative size");
    sum += v;
  }
  if (dim && sum != *dim)
    node_.fail("split " + ints_text(*sizes) + " sums to " + std::to_string(sum) + ", but axis " +
               std::to_string(ax) + " of " + shape_text(*x) + " has " + std::to_string(*dim));
  Ints dims;
  const Dims* v = folded(0, &dims);
  std::int64_t offset = 0;
  for (int o = 0; o < outputs; ++o) {
    OnnxShape y = *x;
    y.dims[ax] = num((*sizes)[o]);
    if (v) {
      std::vector<SliceAxis> taken;
      for (std::int64_t d : dims) taken.push_back({0, 1, d});
      taken[ax] = {offset, 1, (*sizes)[o]};
      set_ints(o, y, fold_slice(dims, *v, taken));
    } else {
      set(o, y);
    }
    offset += (*sizes)[o];
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
  std::vector<SliceAxis> taken;  // per input axis, for folding
  for (const OnnxDim& d : x->dims) taken.push_back({0, 1, d.value.value_or(0)});
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
    taken[a] = {s, step, len};
  }
  Ints dims;
  if (const Dims* v = folded(0, &dims))
    set_ints(0, y, fold_slice(dims, *v, taken));
  else
    set(0, y);
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
  if (const Dims* v = ints(0))
    set_ints(0, y, *v);
  else
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
  std::vector<bool> seen(x->rank(), false);
  for (std::int64_t& p : perm) {
    p = axis(p, x->rank(), "perm");
    if (seen[p])
      node_.fail("attribute perm = " + ints_text(perm) + " repeats axis " + std::to_string(p));
    seen[p] = true;
    y.dims.push_back(x->dims[p]);
  }
  Ints dims;
  if (const Dims* v = folded(0, &dims))
    set_ints(0, y, fold_transpose(dims, *v, perm));
  else
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
  std::string conflict;
  if (auto y = broadcast_shapes({x, &target}, &conflict)) set(0, *y);
  if (!conflict.empty()) node_.fail("the input and the target shape: " + conflict);
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
    if (const Dims* v = ints(0))
      set_ints(0, *x, *v);
    else
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
  Ints dims;
  const Dims* v = folded(0, &dims);
  std::optional<Dims> r = v ? fold_reduce(dims, *v, reduced, op) : std::nullopt;
  if (r)
    set_ints(0, y, *r);
  else
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

}  // namespace spad::onnx_rules
