// A dense 4-D tensor of int64 values for the functional executor and the
// reference convolution: I is N x C x H x W, W is M x (C/G) x R x S and O is
// N x M x P x Q, all row-major (the last index varies fastest).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "base/checked.hpp"

namespace spad {

using Value = std::int64_t;

struct IntTensor4 {
  std::array<Count, 4> shape{};
  std::vector<Value> data;

  IntTensor4() = default;
  // All zeros; throws InternalError if the element count overflows.
  explicit IntTensor4(const std::array<Count, 4>& shape);

  Count size() const { return static_cast<Count>(data.size()); }
  // Row-major position of element (a, b, c, d); no bounds check.
  Count flat(Count a, Count b, Count c, Count d) const {
    return ((a * shape[1] + b) * shape[2] + c) * shape[3] + d;
  }
  Value& at(Count a, Count b, Count c, Count d) { return data[flat(a, b, c, d)]; }
  Value at(Count a, Count b, Count c, Count d) const { return data[flat(a, b, c, d)]; }

  friend bool operator==(const IntTensor4&, const IntTensor4&) = default;
};

// A tensor of the given shape filled with uniform values in lo..hi, the same
// for the same seed.
IntTensor4 random_tensor(const std::array<Count, 4>& shape, std::uint64_t seed, Value lo = -8,
                         Value hi = 8);

}  // namespace spad
