// axis_footprint() counts the offsets whose rows lie wholly inside (or
// outside) the input together and only those at its edges one by one.
// Checked against enumeration of every (output row, kernel row) pair into a
// set, on random geometries: strides and dilations with every gcd, pads
// larger than the input, kernels much longer than the output tile, inputs
// shorter than one window.
#include "model/axis_footprint.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace spad {
namespace {

Count enumerated(const AxisGeometry& g, Count o0, Count o1, Count k0, Count k1) {
  std::set<Count> out;
  for (Count o = o0; o < o1; ++o)
    for (Count k = k0; k < k1; ++k) {
      const Count h = o * g.stride + k * g.dilation - g.pad_lo;
      if (h >= 0 && h < g.in_extent) out.insert(h);
    }
  return static_cast<Count>(out.size());
}

TEST(AxisFootprint, EqualsEnumerationOnRandomGeometries) {
  std::mt19937_64 rng(20261201);
  const auto uniform = [&](Count lo, Count hi) {
    return std::uniform_int_distribution<Count>(lo, hi)(rng);
  };
  int nonzero = 0;
  for (int i = 0; i < 20000; ++i) {
    AxisGeometry g;
    g.stride = uniform(1, 6);
    g.dilation = uniform(1, 6);
    g.kernel = uniform(1, i % 4 == 0 ? 300 : 40);
    g.in_extent = uniform(1, i % 3 == 0 ? 12 : 200);
    g.pad_lo = uniform(0, i % 5 == 0 ? 300 : 4);
    g.out_extent = uniform(1, 60);  // the geometry's own P need not hold here
    const Count o0 = uniform(0, g.out_extent - 1), o1 = uniform(o0 + 1, g.out_extent);
    const Count k0 = uniform(0, g.kernel - 1), k1 = uniform(k0 + 1, g.kernel);
    const Count want = enumerated(g, o0, o1, k0, k1);
    nonzero += want > 0;
    ASSERT_EQ(axis_footprint(g, o0, o1, k0, k1), want)
        << "stride " << g.stride << " dilation " << g.dilation << " kernel " << g.kernel << " in "
        << g.in_extent << " pad " << g.pad_lo << " o [" << o0 << ", " << o1 << ") k [" << k0 << ", "
        << k1 << ")";
  }
  EXPECT_GT(nonzero, 5000);  // a third of the cases touch the input (6,725 of 20,000)
}

}  // namespace
}  // namespace spad
