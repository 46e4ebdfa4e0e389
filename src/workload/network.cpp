// One layer as a network (see network.hpp).
#include "workload/network.hpp"

namespace spad {

Network one_layer_network(const Layer& layer) {
  LayerSpec spec = layer.spec();
  if (spec.name.empty()) spec.name = "layer";
  Network net;
  net.model = spec.name;
  net.layers.push_back(NetworkLayer{spec, LayerKind::conv, false});
  return net;
}

}  // namespace spad
