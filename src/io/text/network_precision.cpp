// A network study's element sizes and their source (see network_precision.hpp).
#include "io/text/network_precision.hpp"

#include "io/text/precision_text.hpp"

namespace spad {

std::optional<Precision> network_precision(const Network& net, const std::string& precision_text) {
  if (!net.precision) return std::nullopt;
  return parse_precision(precision_text, *net.precision);
}

void apply_precision_text(Network& net, const std::string& precision_text) {
  net.precision = network_precision(net, precision_text);
  for (NetworkLayer& layer : net.layers)
    if (layer.precision) layer.precision = parse_precision(precision_text, *layer.precision);
}

Precision layer_arg_precision(const NetworkLayer& layer, const Precision& machine,
                              const std::string& precision_text) {
  const Precision base =
      layer.precision ? parse_precision(precision_text, *layer.precision) : machine;
  return layer_precision(base, layer.kind);
}

Machine machine_for_network(Machine machine, const Network& net,
                            const std::string& precision_text) {
  if (const std::optional<Precision> p = network_precision(net, precision_text))
    machine.precision = *p;
  return machine;
}

std::string precision_source(const Network& net, const std::string& precision_text) {
  if (net.precision)
    return precision_text.empty()
               ? net.precision_source
               : "--precision " + precision_text + ", the rest from " + net.precision_source;
  if (!precision_text.empty()) return "--precision " + precision_text;
  return "";
}

}  // namespace spad
