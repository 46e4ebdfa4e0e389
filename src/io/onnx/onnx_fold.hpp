// Folding small integer tensors (shape subgraphs) by index arithmetic: the
// values of Transpose, Slice, Gather, Concat and the reductions of a tensor
// whose elements spad knows, row-major as ONNX stores them. Elements may be
// symbols (a dynamic batch size): moving them keeps them; arithmetic on them
// follows onnx_rules::product.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "io/onnx/onnx_rule.hpp"

namespace spad::onnx_rules {

// The shape's dims when every one is a number and the tensor is small
// enough to fold (at most kMaxFoldedElements elements).
std::optional<Ints> foldable_dims(const OnnxShape& shape);

// Transpose: output dim i is input dim perm[i] (perm normalised).
Dims fold_transpose(const Ints& dims, const Dims& values, const Ints& perm);

// Slice: per input axis the first index, the step and the count taken
// (already clamped; an axis not sliced is {0, 1, dims[a]}).
struct SliceAxis {
  std::int64_t first = 0, step = 1, count = 0;
};
Dims fold_slice(const Ints& dims, const Dims& values, const std::vector<SliceAxis>& axes);

// Gather along `axis` with normalised `indices` (any shape, flattened).
Dims fold_gather(const Ints& dims, const Dims& values, int axis, const Ints& indices);

// Concat of tensors of the same rank along `axis`.
Dims fold_concat(const std::vector<Ints>& dims, const std::vector<const Dims*>& values, int axis);

// ReduceSum / ReduceProd / ReduceMax / ReduceMin over the axes marked in
// `reduced`; the output's elements in row-major order (keepdims does not
// change it). nullopt for another op.
std::optional<Dims> fold_reduce(const Ints& dims, const Dims& values,
                                const std::vector<bool>& reduced, const std::string& op);

}  // namespace spad::onnx_rules
