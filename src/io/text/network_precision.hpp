// The element sizes a network study runs with, given the --precision text
// (the Python module's Machine(precision=...) carries the same text): a
// network that states its own sizes (integer ONNX operators) replaces the
// defaults and the keys of the text win over it; a network without them
// takes the text alone. `spad optimize --model`, `spad sweep` and the Python
// module call these, so the sizes and their stated source cannot drift.
#pragma once

#include <optional>
#include <string>

#include "model/machine.hpp"
#include "workload/network.hpp"

namespace spad {

// The network's own sizes with the keys of `precision_text` on top; nullopt
// when the network states none (then the machine's precision applies).
// Throws UserError for a bad text (io/text/precision_text).
std::optional<Precision> network_precision(const Network& net, const std::string& precision_text);

// The keys of `precision_text` applied to the sizes `net` states: the
// network's own (Network::precision) and each layer's that states its own
// (NetworkLayer::precision, e.g. one integer operator of a quantized model).
// Throws UserError for a bad text.
void apply_precision_text(Network& net, const std::string& precision_text);

// The sizes a one-layer question (--layer) runs at: the layer's own sizes
// (a network document's layer entry) with the keys of `precision_text` on
// top, else `machine` (the flags' sizes); then its kind's rule (a matmul's
// second operand at the input size: workload/layer_kind).
Precision layer_arg_precision(const NetworkLayer& layer, const Precision& machine,
                              const std::string& precision_text);

// `machine` with its precision replaced by network_precision when there is one.
Machine machine_for_network(Machine machine, const Network& net, const std::string& precision_text);

// Where the network study's precision comes from (NetworkResult's
// precision_source): the network's source, "--precision TEXT", both ("--precision
// TEXT, the rest from SOURCE"), or "" when neither states any.
std::string precision_source(const Network& net, const std::string& precision_text);

}  // namespace spad
