// The distinct shapes among network layers: two layers have the same shape
// when every LayerSpec field but the name is equal, and then the same optima,
// baselines and costs, so a study searches each shape once. Jobs over shapes
// run largest first (by MACs), so a long search does not start last.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "base/checked.hpp"
#include "workload/layer.hpp"

namespace spad {

// Every LayerSpec field but the name is equal.
bool same_shape(const LayerSpec& a, const LayerSpec& b);

// For each of `specs`, the position of the first spec of the same shape (its
// own position when it is the first).
std::vector<std::size_t> first_of_shape(const std::vector<LayerSpec>& specs);

// `ids` stably sorted by macs(id), largest first.
std::vector<std::size_t> largest_first(std::vector<std::size_t> ids,
                                       const std::function<Count(std::size_t)>& macs);

}  // namespace spad
