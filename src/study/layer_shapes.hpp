// The distinct shapes among network layers: two layers have the same shape
// when every LayerSpec field but the name is equal and they move their
// arrays at the same element sizes (study/layer_machine: a matmul's second
// operand is an activation), and then the same optima, baselines and costs,
// so a study searches each shape once. Jobs over shapes
// run largest first (by MACs), so a long search does not start last.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "base/checked.hpp"
#include "workload/layer.hpp"
#include "workload/network.hpp"

namespace spad {

// Every LayerSpec field but the name is equal, and the sizes of the two
// kinds (workload/layer_kind's layer_precision) are equal under `precision`.
bool same_shape(const NetworkLayer& a, const NetworkLayer& b, const Precision& precision);

// For each of `layers`, the position of the first layer of the same shape
// (its own position when it is the first).
std::vector<std::size_t> first_of_shape(const std::vector<NetworkLayer>& layers,
                                        const Precision& precision);

// `ids` stably sorted by macs(id), largest first.
std::vector<std::size_t> largest_first(std::vector<std::size_t> ids,
                                       const std::function<Count(std::size_t)>& macs);

}  // namespace spad
