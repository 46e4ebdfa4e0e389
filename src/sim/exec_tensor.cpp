// Construction and random fill of dense int64 tensors.
#include "sim/exec_tensor.hpp"

#include <random>

namespace spad {

IntTensor4::IntTensor4(const std::array<Count, 4>& s) : shape(s) {
  Count n = 1;
  for (Count extent : s) {
    SPAD_CHECK(extent >= 0, "negative tensor extent");
    n = mul(n, extent);
  }
  data.assign(static_cast<std::size_t>(n), 0);
}

IntTensor4 random_tensor(const std::array<Count, 4>& shape, std::uint64_t seed, Value lo,
                         Value hi) {
  SPAD_CHECK(lo <= hi, "random_tensor: empty value range");
  IntTensor4 t(shape);
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<Value> dist(lo, hi);
  for (Value& v : t.data) v = dist(rng);
  return t;
}

}  // namespace spad
