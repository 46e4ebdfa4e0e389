// Folding small integer tensors by index arithmetic (see onnx_fold.hpp).
#include "io/onnx/onnx_fold.hpp"

#include <algorithm>

#include "io/onnx/onnx_tensor_data.hpp"

namespace spad::onnx_rules {
namespace {

// Row-major strides of `dims`.
Ints strides_of(const Ints& dims) {
  Ints s(dims.size(), 1);
  for (int i = static_cast<int>(dims.size()) - 2; i >= 0; --i) s[i] = s[i + 1] * dims[i + 1];
  return s;
}

std::int64_t count_of(const Ints& dims) {
  std::int64_t n = 1;
  for (std::int64_t d : dims) n *= d;
  return n;
}

// Calls f(multi-index) for every element of a tensor of `dims`, row-major.
template <typename F>
void for_each_index(const Ints& dims, F f) {
  const std::int64_t n = count_of(dims);
  Ints idx(dims.size(), 0);
  for (std::int64_t k = 0; k < n; ++k) {
    f(idx);
    for (int i = static_cast<int>(dims.size()) - 1; i >= 0; --i) {
      if (++idx[i] < dims[i]) break;
      idx[i] = 0;
    }
  }
}

// Sum of elements: a number when all are; a symbol when exactly one is and
// the others are 0; unknown otherwise.
OnnxDim sum(const Dims& xs) {
  std::int64_t s = 0;
  std::optional<OnnxDim> symbol;
  for (const OnnxDim& x : xs) {
    if (x.value) {
      s += *x.value;
    } else if (!x.symbol.empty() && !symbol) {
      symbol = x;
    } else {
      return {};
    }
  }
  if (!symbol) return num(s);
  return s == 0 ? *symbol : OnnxDim{};
}

OnnxDim extreme(const Dims& xs, bool max) {
  std::optional<std::int64_t> best;
  for (const OnnxDim& x : xs) {
    if (!x.value) return {};
    best = !best ? *x.value : max ? std::max(*best, *x.value) : std::min(*best, *x.value);
  }
  return best ? num(*best) : OnnxDim{};
}

}  // namespace

std::optional<Ints> foldable_dims(const OnnxShape& shape) {
  const std::optional<std::int64_t> n = shape.elements();
  if (!n || *n > kMaxFoldedElements) return std::nullopt;
  Ints dims;
  for (const OnnxDim& d : shape.dims) dims.push_back(*d.value);
  return dims;
}

Dims fold_transpose(const Ints& dims, const Dims& values, const Ints& perm) {
  const Ints s = strides_of(dims);
  Ints out_dims;
  for (std::int64_t p : perm) out_dims.push_back(dims[p]);
  Dims out;
  for_each_index(out_dims, [&](const Ints& o) {
    std::int64_t src = 0;
    for (std::size_t i = 0; i < perm.size(); ++i) src += o[i] * s[perm[i]];
    out.push_back(values[src]);
  });
  return out;
}

Dims fold_slice(const Ints& dims, const Dims& values, const std::vector<SliceAxis>& axes) {
  const Ints s = strides_of(dims);
  Ints out_dims;
  for (const SliceAxis& a : axes) out_dims.push_back(a.count);
  Dims out;
  for_each_index(out_dims, [&](const Ints& o) {
    std::int64_t src = 0;
    for (std::size_t i = 0; i < axes.size(); ++i)
      src += (axes[i].first + o[i] * axes[i].step) * s[i];
    out.push_back(values[src]);
  });
  return out;
}

Dims fold_gather(const Ints& dims, const Dims& values, int axis, const Ints& indices) {
  const std::int64_t outer = count_of(Ints(dims.begin(), dims.begin() + axis));
  const std::int64_t inner = count_of(Ints(dims.begin() + axis + 1, dims.end()));
  Dims out;
  for (std::int64_t o = 0; o < outer; ++o)
    for (std::int64_t k : indices)
      for (std::int64_t i = 0; i < inner; ++i)
        out.push_back(values[(o * dims[axis] + k) * inner + i]);
  return out;
}

Dims fold_concat(const std::vector<Ints>& dims, const std::vector<const Dims*>& values, int axis) {
  const std::int64_t outer = count_of(Ints(dims[0].begin(), dims[0].begin() + axis));
  Dims out;
  for (std::int64_t o = 0; o < outer; ++o)
    for (std::size_t t = 0; t < dims.size(); ++t) {
      const std::int64_t block = count_of(Ints(dims[t].begin() + axis, dims[t].end()));
      out.insert(out.end(), values[t]->begin() + o * block, values[t]->begin() + (o + 1) * block);
    }
  return out;
}

std::optional<Dims> fold_reduce(const Ints& dims, const Dims& values,
                                const std::vector<bool>& reduced, const std::string& op) {
  if (op != "ReduceSum" && op != "ReduceProd" && op != "ReduceMax" && op != "ReduceMin")
    return std::nullopt;
  Ints out_dims;
  for (std::size_t i = 0; i < dims.size(); ++i) out_dims.push_back(reduced[i] ? 1 : dims[i]);
  const Ints os = strides_of(out_dims);
  std::vector<Dims> groups(static_cast<std::size_t>(count_of(out_dims)));
  std::int64_t k = 0;
  for_each_index(dims, [&](const Ints& idx) {
    std::int64_t dst = 0;
    for (std::size_t i = 0; i < dims.size(); ++i) dst += (reduced[i] ? 0 : idx[i]) * os[i];
    groups[dst].push_back(values[k++]);
  });
  Dims out;
  for (const Dims& g : groups)
    out.push_back(op == "ReduceSum"    ? sum(g)
                  : op == "ReduceProd" ? product(g)
                                       : extreme(g, op == "ReduceMax"));
  return out;
}

}  // namespace spad::onnx_rules
