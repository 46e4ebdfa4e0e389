// ONNX Conv -> spad conv layer: shapes, attributes, auto_pad, validation.
#include "io/onnx/onnx_conv.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "base/name_text.hpp"
#include "io/onnx/onnx_pads.hpp"

namespace spad {
namespace {

using Ints = std::vector<std::int64_t>;

// The index of the weight input: 3 for QLinearConv, else 1.
int weight_index(const OnnxNode& node) { return node.op() == "QLinearConv" ? 3 : 1; }

// The number of spatial axes, from kernel_shape, the weight's rank and the
// input's rank; every source given must agree.
int spatial_rank(const OnnxNode& node, const std::optional<Ints>& kernel_shape,
                 const std::string& x, const OnnxShape* xs, const std::string& w,
                 const OnnxShape* ws) {
  if (xs && ws && xs->rank() != ws->rank())
    node.fail("weight " + in_quotes(w) + " has shape " + shape_text(*ws) + " (rank " +
              std::to_string(ws->rank()) + ") but input " + in_quotes(x) + " has shape " +
              shape_text(*xs) + " (rank " + std::to_string(xs->rank()) +
              "): a Conv's weight has the rank of its input");
  std::optional<int> rank;
  std::string first;
  const auto take = [&](int spatial, const std::string& source) {
    if (spatial < 1) node.fail(source + ": a Conv needs at least one spatial axis");
    if (rank && *rank != spatial)
      node.fail(source + " gives " + std::to_string(spatial) + " spatial axes, but " + first +
                " gives " + std::to_string(*rank));
    if (!rank) rank = spatial, first = source;
  };
  if (kernel_shape)
    take(static_cast<int>(kernel_shape->size()),
         "attribute kernel_shape = " + ints_text(*kernel_shape));
  if (ws) take(ws->rank() - 2, "weight " + in_quotes(w) + " has shape " + shape_text(*ws));
  if (xs) take(xs->rank() - 2, "input " + in_quotes(x) + " has shape " + shape_text(*xs));
  if (!rank)
    node.fail("input " + in_quotes(x) + " and weight " + in_quotes(w) +
              " have unknown shapes and there is no kernel_shape: the number of spatial axes is "
              "unknown");
  return *rank;
}

// An INTS attribute of exactly `count` values, each at least `min`; `fallback` when absent.
Ints ints_of(const OnnxNode& node, const char* name, std::size_t count, std::int64_t min,
             const Ints& fallback, const char* meaning) {
  const std::optional<Ints> v = node.ints_attr(name);
  if (!v) return fallback;
  if (v->size() != count)
    node.fail("attribute " + std::string(name) + " = " + ints_text(*v) + ": needs " +
              std::to_string(count) + " values " + meaning);
  for (std::int64_t x : *v) {
    if (x < min)
      node.fail("attribute " + std::string(name) + " = " + ints_text(*v) +
                (min == 0 ? ": negative padding is not supported"
                          : ": every value must be a positive integer"));
    if (x > kMaxWorkProduct)
      node.fail("attribute " + std::string(name) + " = " + ints_text(*v) +
                ": values too large for spad's 64-bit counts");
  }
  return *v;
}

OnnxAutoPad auto_pad_of(const OnnxNode& node) {
  const std::string mode = node.string_attr("auto_pad").value_or("NOTSET");
  if (mode == "NOTSET" || mode.empty()) return OnnxAutoPad::notset;
  if (mode == "SAME_UPPER") return OnnxAutoPad::same_upper;
  if (mode == "SAME_LOWER") return OnnxAutoPad::same_lower;
  if (mode == "VALID") return OnnxAutoPad::valid;
  node.fail("attribute auto_pad = " + in_quotes(mode) +
            ": expected NOTSET, SAME_UPPER, SAME_LOWER or VALID");
}

// A spatial size (dim 2 = height, dim 3 = width; the only spatial axis of a
// 1-D conv is its width) of the input; must be a number.
Count spatial_size(const OnnxNode& node, const std::string& x, const OnnxShape& xs, int dim,
                   const std::string& cause) {
  if (auto v = xs.value(dim)) return *v;
  const char* axis = dim == 2 && xs.rank() == 4 ? "height" : "width";
  if (!cause.empty())
    node.fail("input " + in_quotes(x) + " has shape " + shape_text(xs) + ": its " + axis +
              " (dim " + std::to_string(dim) + ") is not known because " + cause);
  node.fail("input " + in_quotes(x) + " has shape " + shape_text(xs) + ": its " + axis + " (dim " +
            std::to_string(dim) +
            ") is not a fixed number after shape inference; spad needs fixed spatial sizes "
            "(export the model with a fixed input size)");
}

}  // namespace

int onnx_conv_spatial_rank(const OnnxNode& node, const OnnxTensors& tensors) {
  const int wi = weight_index(node);
  if (!node.has_input(0) || !node.has_input(wi))
    node.fail("a " + node.op() + " needs an input X and a weight W (inputs 0 and " +
              std::to_string(wi) + ")");
  const std::string x = node.input(0), w = node.input(wi);
  return spatial_rank(node, node.ints_attr("kernel_shape"), x, tensors.shape(x), w,
                      tensors.shape(w));
}

NetworkLayer onnx_conv_layer(const OnnxNode& node, const OnnxTensors& tensors,
                             std::optional<Count> batch) {
  const int wi = weight_index(node);
  const int spatial = onnx_conv_spatial_rank(node, tensors);
  if (spatial > 2)
    node.fail(std::to_string(spatial) + "-D convolution: spad schedules 1-D and 2-D convolutions");
  const bool one_d = spatial == 1;
  const std::string x = node.input(0), w = node.input(wi);
  const OnnxShape* xs = tensors.shape(x);
  const OnnxShape* ws = tensors.shape(w);
  const std::optional<Ints> kernel_shape = node.ints_attr("kernel_shape");

  // Kernel (R, S) = (height, width) from kernel_shape, else weight dims 2, 3
  // (a 1-D kernel [k] is R = 1, S = k).
  Count R = 1, S = 0;
  if (kernel_shape) {
    R = one_d ? 1 : (*kernel_shape)[0];
    S = kernel_shape->back();
    const bool disagree =
        ws &&
        (one_d ? (ws->value(2) && *ws->value(2) != S)
               : ((ws->value(2) && *ws->value(2) != R) || (ws->value(3) && *ws->value(3) != S)));
    if (disagree)
      node.fail("attribute kernel_shape = " + ints_text(*kernel_shape) + " disagrees with weight " +
                in_quotes(w) + " of shape " + shape_text(*ws));
  } else if (ws && ws->value(2) && (one_d || ws->value(3))) {
    R = one_d ? 1 : *ws->value(2);
    S = *ws->value(one_d ? 2 : 3);
  } else {
    node.fail("no kernel information: no attribute kernel_shape, and weight " + in_quotes(w) + " " +
              tensors.shape_phrase(w) + "; give kernel_shape or a weight with a known shape");
  }
  if (xs == nullptr)
    node.fail("input " + in_quotes(x) + " " + tensors.unknown_shape_text(x) +
              "; spad needs its N, C, H, W");
  const Count group = node.int_attr("group").value_or(1);
  if (group < 1) node.fail("attribute group = " + std::to_string(group) + ": must be positive");

  LayerSpec spec;
  spec.name = node.layer_name();
  spec.N = onnx_batch(node, x, xs, 0, batch, tensors.cause(x));
  if (auto c = xs->value(1)) {
    spec.C = *c;
  } else if (ws && ws->value(1)) {
    if (!mul_fits(*ws->value(1), group, &spec.C))
      node.fail("attribute group = " + std::to_string(group) + " is too large");
  } else {
    node.fail("the channel count is unknown: input " + in_quotes(x) + " has shape " +
              shape_text(*xs) + " and weight " + in_quotes(w) + " " + tensors.shape_phrase(w));
  }
  spec.H = one_d ? 1 : spatial_size(node, x, *xs, 2, tensors.cause(x));
  spec.W = spatial_size(node, x, *xs, one_d ? 2 : 3, tensors.cause(x));

  // M from the weight's dim 0; the output's dim 1 when the weight's shape is unknown.
  const OnnxShape* ys = tensors.shape(node.output(0));
  if (ws && ws->value(0))
    spec.M = *ws->value(0);
  else if (ys && ys->value(1))
    spec.M = *ys->value(1);
  else
    node.fail("the output channel count is unknown: weight " + in_quotes(w) + " " +
              tensors.shape_phrase(w));

  for (auto [field, value, tensor] : {std::tuple{"N", spec.N, x},
                                      {"C", spec.C, x},
                                      {"H", spec.H, x},
                                      {"W", spec.W, x},
                                      {"M", spec.M, w}})
    if (value < 1)
      node.fail(std::string(field) + " = " + std::to_string(value) + " (from tensor " +
                in_quotes(tensor) + "): must be a positive integer");
  spec.groups = group;
  if (spec.C % group != 0)
    node.fail("attribute group = " + std::to_string(group) +
              " does not divide the input channels C = " + std::to_string(spec.C) + " (input " +
              in_quotes(x) + " " + shape_text(*xs) + ")");
  if (spec.M % group != 0)
    node.fail("attribute group = " + std::to_string(group) +
              " does not divide the output channels M = " + std::to_string(spec.M));
  if (ws && ws->value(1) && *ws->value(1) != spec.C / group)
    node.fail("weight " + in_quotes(w) + " has shape " + shape_text(*ws) + ": dim 1 (C/group) = " +
              std::to_string(*ws->value(1)) + ", but input " + in_quotes(x) +
              " has C = " + std::to_string(spec.C) + " and group = " + std::to_string(group) +
              ", so C/group = " + std::to_string(spec.C / group));

  spec.R = R;
  spec.S = S;
  if (R < 1 || S < 1 || R > kMaxWorkProduct || S > kMaxWorkProduct)
    node.fail("kernel (R, S) = (" + std::to_string(R) + ", " + std::to_string(S) + ") from " +
              (kernel_shape ? "attribute kernel_shape" : "weight " + in_quotes(w)) +
              ": sizes must be positive integers");
  // A 1-D conv's single axis is the width: stride [1, s], pad [0, l, 0, r].
  const std::size_t n = one_d ? 1 : 2;
  const char* axes = one_d ? "(w)" : "(h, w)";
  const Ints strides = ints_of(node, "strides", n, 1, Ints(n, 1), axes);
  const Ints dilations = ints_of(node, "dilations", n, 1, Ints(n, 1), axes);
  spec.stride_h = one_d ? 1 : strides[0];
  spec.stride_w = strides.back();
  spec.dilation_h = one_d ? 1 : dilations[0];
  spec.dilation_w = dilations.back();

  const std::optional<Ints> pads_attr = node.ints_attr("pads");
  Ints pads = ints_of(node, "pads", 2 * n, 0, Ints(2 * n, 0),
                      one_d ? "(left, right)" : "(top, left, bottom, right)");
  if (one_d) pads = {0, pads[0], 0, pads[1]};
  const OnnxAutoPad auto_pad = auto_pad_of(node);
  if (auto_pad == OnnxAutoPad::notset) {
    spec.pad_top = pads[0];
    spec.pad_left = pads[1];
    spec.pad_bottom = pads[2];
    spec.pad_right = pads[3];
  } else {
    if (std::any_of(pads.begin(), pads.end(), [](std::int64_t p) { return p != 0; }))
      node.fail("attribute pads = " + ints_text(*pads_attr) +
                " is given together with auto_pad = " + *node.string_attr("auto_pad") +
                "; ONNX allows only one of them");
    for (auto [in, k, d, field] : {std::tuple{spec.H, R, spec.dilation_h, "h"},
                                   std::tuple{spec.W, S, spec.dilation_w, "w"}}) {
      Count extent = 0;
      if (in < 1 || in > kMaxWorkProduct || !mul_fits(k - 1, d, &extent) ||
          extent >= kMaxWorkProduct)
        node.fail(std::string("sizes along ") + field + " are too large for spad's 64-bit counts");
    }
    const AxisPads h = onnx_auto_pads(auto_pad, spec.H, R, spec.stride_h, spec.dilation_h);
    const AxisPads wp = onnx_auto_pads(auto_pad, spec.W, S, spec.stride_w, spec.dilation_w);
    spec.pad_top = h.begin;
    spec.pad_bottom = h.end;
    spec.pad_left = wp.begin;
    spec.pad_right = wp.end;
  }

  node.validate(spec);
  const int bias = node.op() == "QLinearConv" ? 8 : node.op() == "ConvInteger" ? -1 : 2;
  return NetworkLayer{spec, LayerKind::conv, bias > 0 && node.has_input(bias)};
}

}  // namespace spad
