// One layer as a network (see network.hpp).
#include "workload/network.hpp"

namespace spad {

Network one_layer_network(const Layer& layer) {
  LayerSpec spec = layer.spec();
  if (spec.name.empty()) spec.name = kUnnamedLayer;
  Network net;
  net.model = spec.name;
  net.layers.push_back(NetworkLayer{spec, LayerKind::conv, false});
  return net;
}

Precision layer_precision(const Precision& machine, const NetworkLayer& layer) {
  return layer_precision(layer.precision.value_or(machine), layer.kind);
}

}  // namespace spad
