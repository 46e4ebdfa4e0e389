// ONNX shape rules: Conv, ConvTranspose, pools and Pad: windows over the spatial axes (see
// onnx_rule.hpp).
#include "base/checked.hpp"
#include "io/onnx/onnx_pads.hpp"
#include "io/onnx/onnx_rule.hpp"

namespace spad::onnx_rules {

// Spatial output size of a conv or pool along one axis (ONNX / PyTorch rules).

namespace {

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

}  // namespace

namespace {

OnnxAutoPad auto_pad_mode(const OnnxNode& node) {
  const std::string mode = node.string_attr("auto_pad").value_or("NOTSET");
  if (mode == "NOTSET" || mode.empty()) return OnnxAutoPad::notset;
  if (mode == "SAME_UPPER") return OnnxAutoPad::same_upper;
  if (mode == "SAME_LOWER") return OnnxAutoPad::same_lower;
  if (mode == "VALID") return OnnxAutoPad::valid;
  node.fail("attribute auto_pad = \"" + mode +
            "\": expected NOTSET, SAME_UPPER, SAME_LOWER or VALID");
}

}  // namespace

// An INTS attribute of `count` values each >= min, or `fallback`.

namespace {

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

}  // namespace

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

}  // namespace spad::onnx_rules
