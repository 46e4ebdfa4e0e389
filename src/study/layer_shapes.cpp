// Distinct layer shapes and the largest-first job order.
#include "study/layer_shapes.hpp"

#include <algorithm>

namespace spad {

bool same_shape(const NetworkLayer& a, const NetworkLayer& b, const Precision& precision) {
  LayerSpec x = a.spec, y = b.spec;
  x.name.clear();
  y.name.clear();
  return x == y && layer_precision(precision, a) == layer_precision(precision, b);
}

std::vector<std::size_t> first_of_shape(const std::vector<NetworkLayer>& layers,
                                        const Precision& precision) {
  std::vector<std::size_t> first(layers.size());
  std::vector<std::size_t> distinct;  // positions of the first layer of each shape
  for (std::size_t i = 0; i < layers.size(); ++i) {
    first[i] = i;
    for (std::size_t d : distinct)
      if (same_shape(layers[d], layers[i], precision)) {
        first[i] = d;
        break;
      }
    if (first[i] == i) distinct.push_back(i);
  }
  return first;
}

std::vector<std::size_t> largest_first(std::vector<std::size_t> ids,
                                       const std::function<Count(std::size_t)>& macs) {
  std::vector<Count> key(ids.size());
  for (std::size_t k = 0; k < ids.size(); ++k) key[k] = macs(ids[k]);
  std::vector<std::size_t> order(ids.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return key[a] > key[b]; });
  std::vector<std::size_t> sorted;
  sorted.reserve(ids.size());
  for (std::size_t k : order) sorted.push_back(ids[k]);
  return sorted;
}

}  // namespace spad
