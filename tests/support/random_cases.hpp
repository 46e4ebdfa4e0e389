// Deterministic generators of random layers, schedules and machines for the
// property tests. Layers are small (so the simulator and executor stay fast)
// but cover every feature: stride 1-3, dilation 1-2, asymmetric and large
// pads, groups and depthwise, batch > 1, non-square kernels, partial tiles.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>

#include "model/machine.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad::testing {

using Rng = std::mt19937_64;

inline Count uniform(Rng& rng, Count lo, Count hi) {
  return std::uniform_int_distribution<Count>(lo, hi)(rng);
}

// A random valid layer whose loop bounds are at most about `max_extent`.
inline Layer random_layer(Rng& rng, Count max_extent = 7) {
  for (;;) {
    LayerSpec s;
    s.name = "random";
    s.N = uniform(rng, 1, 3);
    const Count kind = uniform(rng, 0, 9);
    s.groups = kind < 5 ? 1 : uniform(rng, 1, 3);
    const Count per_group_c = uniform(rng, 1, 4);
    const Count per_group_m = uniform(rng, 1, 4);
    s.C = s.groups * per_group_c;
    s.M = kind == 9 ? s.C : s.groups * per_group_m;  // 9: depthwise (G = C = M)
    if (kind == 9) s.groups = s.C;
    s.R = uniform(rng, 1, 4);
    s.S = uniform(rng, 1, 4);
    s.stride_h = uniform(rng, 1, 3);
    s.stride_w = uniform(rng, 1, 3);
    s.dilation_h = uniform(rng, 1, 2);
    s.dilation_w = uniform(rng, 1, 2);
    s.H = uniform(rng, 1, max_extent + 2);
    s.W = uniform(rng, 1, max_extent + 2);
    const Count big_pad = uniform(rng, 0, 9) == 0 ? 4 : 2;
    s.pad_top = uniform(rng, 0, big_pad);
    s.pad_left = uniform(rng, 0, big_pad);
    s.pad_bottom = uniform(rng, 0, big_pad);
    s.pad_right = uniform(rng, 0, big_pad);
    if (uniform(rng, 0, 7) == 0) {  // fully-connected: H=W=R=S=1, no pads
      s.H = s.W = s.R = s.S = 1;
      s.pad_top = s.pad_left = s.pad_bottom = s.pad_right = 0;
      s.groups = 1;
      s.C = uniform(rng, 1, 8);
      s.M = uniform(rng, 1, 8);
    }
    const Count ext_h = s.dilation_h * (s.R - 1) + 1;
    const Count ext_w = s.dilation_w * (s.S - 1) + 1;
    if (ext_h > s.H + s.pad_top + s.pad_bottom || ext_w > s.W + s.pad_left + s.pad_right)
      continue;
    Layer layer(s);
    if (layer.P() > max_extent + 2 || layer.Q() > max_extent + 2) continue;
    return layer;
  }
}

// A random valid schedule of `layer`: any permutation, any tiles 1..D_d
// (biased towards partial tiles), any spans 0..8.
inline Schedule random_schedule(Rng& rng, const Layer& layer) {
  Schedule s;
  std::shuffle(s.order.begin(), s.order.end(), rng);
  for (Dim d : kAllDims) s.tiles[d] = uniform(rng, 1, layer.bound(d));
  for (Tensor t : kAllTensors) s.buffer_span[t] = static_cast<int>(uniform(rng, 0, 8));
  return s;
}

inline Machine random_machine(Rng& rng) {
  Machine m;
  m.halo_reuse = uniform(rng, 0, 1) == 1;
  m.double_buffer = uniform(rng, 0, 3) == 0;
  m.precision.input = uniform(rng, 1, 2);
  m.precision.weight = uniform(rng, 1, 2);
  m.precision.output = uniform(rng, 1, 2);
  m.precision.psum = uniform(rng, 2, 4);
  if (uniform(rng, 0, 1) == 1) m.capacity_bytes = uniform(rng, 16, 4096);
  return m;
}

}  // namespace spad::testing
