// The capacity questions a sweep answers exactly:
//  - target ratio: the smallest capacity at which the optimum's traffic is at
//    most ratio x the compulsory traffic, per layer and per network;
//  - knee: the smallest capacity of the sweep from which doubling the
//    capacity saves less than a share of the traffic.
//
// Exactness of the target search: the optimum's traffic opt(B) is
// non-increasing in B (the schedules that fit only grow), so "opt(B) <=
// target" is false below some B* and true from B* on, and a bisection over
// the integer capacities finds B*. When the optimum at B meets the target
// with buffers of b <= B bytes it is also the optimum at b
// (study/capacity_optima), so the bisection jumps down to b. A network's
// traffic is the sum of its layers' (infinite while a layer does not fit),
// non-increasing too; its optimum at B meets the target with every layer's
// buffers <= max_l b_l, so the same jump holds with that maximum.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

#include "base/ratio.hpp"
#include "study/shape_optima.hpp"
#include "workload/network.hpp"
#include "workload/precision.hpp"

namespace spad {

struct CapacityPoint {
  Count capacity_bytes = 0;
  Count traffic_bytes = 0;  // the optimum's there
};

struct TargetCapacities {
  Ratio ratio;
  // nullopt: no capacity reaches the target (ratio < 1 below compulsory).
  std::vector<std::optional<CapacityPoint>> networks;             // [network]
  std::vector<std::vector<std::optional<CapacityPoint>>> layers;  // [network][layer]
};

// ratio.num >= 1 and ratio.den >= 1 (InternalError otherwise). `step` (if
// set) is called once per shape and once per network as each is answered
// (target_steps calls in all), from any thread.
// Compulsory traffic at each shape's own element sizes (ShapeOptima::machine).
TargetCapacities target_capacities(ShapeOptima& optima, const std::vector<Network>& networks,
                                   Ratio ratio, const std::function<void()>& step = {});

// The number of `step` calls target_capacities makes.
inline std::size_t target_steps(const ShapeOptima& optima, const std::vector<Network>& networks) {
  return optima.shapes() + networks.size();
}

struct KneePoint {
  Count capacity_bytes = 0;
  Count traffic_bytes = 0;          // at capacity_bytes
  Count doubled_traffic_bytes = 0;  // at 2 x capacity_bytes
};

struct Knees {
  Ratio share;
  // The smallest capacity B of the list (where everything fits) with
  // traffic(B) - traffic(2B) < share x traffic(B); nullopt if none.
  std::vector<std::optional<KneePoint>> networks;             // [network]
  std::vector<std::vector<std::optional<KneePoint>>> layers;  // [network][layer]
};

// capacities: ascending (those of the sweep). `step` (if set) is called
// knee_steps times, from any thread, as the capacities and their doubles are
// answered.
Knees knees(ShapeOptima& optima, const std::vector<Network>& networks,
            const std::vector<Count>& capacities, Ratio share,
            const std::function<void()>& step = {});

inline std::size_t knee_steps(const ShapeOptima& optima) {
  return 2 * optima.shapes() * optima.spaces();
}

}  // namespace spad
