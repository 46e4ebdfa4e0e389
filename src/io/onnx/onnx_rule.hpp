// The internals of spad's ONNX shape rules (onnx_shape_rules.hpp is the
// interface): one Rule per node, holding what is known of its inputs and the
// facts it derives for its outputs. Its methods are split by operator family:
//   onnx_rules_elementwise.cpp  unary and broadcasting elementwise ops
//   onnx_rules_window.cpp       Conv, ConvTranspose, pools, Pad
//   onnx_rules_reshaping.cpp    Concat, Split, Slice, Reshape, Flatten,
//                               Transpose, (Un)Squeeze, Resize, Expand, Tile,
//                               reductions, DepthToSpace
//   onnx_rules_matmul.cpp       MatMul, Gemm (and FusedMatMul, FusedGemm)
//   onnx_rules_constants.cpp    Shape, Gather, Constant, ConstantOfShape, Range
//   onnx_shape_rules.cpp        which ops have a rule, and the dispatch
// and onnx_fold.hpp moves and reduces the elements of folded integer tensors.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/checked.hpp"
#include "io/onnx/onnx_shape_rules.hpp"

namespace spad::onnx_rules {

using Dims = std::vector<OnnxDim>;
using Ints = std::vector<std::int64_t>;

inline OnnxDim num(std::int64_t v) { return OnnxDim{v, {}}; }

// Largest size the rules compute with; larger shapes are left unknown.
inline constexpr std::int64_t kMaxSize = kMaxWorkProduct;

// Product of dimensions: a number when all are; a symbol when exactly one is
// and the others are 1; unknown otherwise.
OnnxDim product(const Dims& dims);

// The ONNX (numpy) broadcast of the shapes; nullopt when one is unknown or two
// are incompatible (then `conflict`, when given, says which dims of which
// shapes disagree).
std::optional<OnnxShape> broadcast_shapes(const std::vector<const OnnxShape*>& shapes,
                                          std::string* conflict = nullptr);

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
  // Input i's folded values when its dims are numbers (returned in `dims`),
  // it is small enough to fold and the values match the dims; else nullptr.
  const Dims* folded(int i, Ints* dims) const;
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
  // trans_a / trans_b: the operand's last two axes are swapped (FusedMatMul).
  void matmul(int b_index, bool trans_a, bool trans_b);
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

}  // namespace spad::onnx_rules
