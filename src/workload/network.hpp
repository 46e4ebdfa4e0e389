// A network: its conv, fully-connected and matmul layers in graph order,
// duplicates included, with what an import found beside them (operators not
// scheduled, arithmetic nodes skipped, warnings) and the figures the source
// publishes. A plain value; io/zoo/network_file and io/onnx/onnx_network read it,
// study/ answers questions over it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/checked.hpp"
#include "workload/layer.hpp"
#include "workload/layer_kind.hpp"
#include "workload/precision.hpp"

namespace spad {

struct NetworkLayer {
  LayerSpec spec;  // validated: Layer(spec) does not throw
  LayerKind kind = LayerKind::conv;
  bool bias = false;  // has a bias term (counts M parameters)
  // The element sizes the layer itself states (an integer ONNX operator's
  // types, a network file's "precision"), --precision keys applied on top by
  // the reader's caller; nullopt: the network's (or the machine's) sizes.
  std::optional<Precision> precision = std::nullopt;
};

// A node that does arithmetic on weights or activations but that spad does
// not schedule (ConvTranspose, 3-D Conv, Einsum, recurrent layers, ...).
struct SkippedNode {
  std::string node, op, reason;
  std::optional<Count> macs;  // nullopt: not computable from the known shapes
};

// The network's input tensor, as the file states it (informative).
struct NetworkInput {
  Count N = 1, C = 1, H = 1, W = 1;
};

struct Network {
  std::string model, source;
  std::optional<NetworkInput> input;
  std::vector<NetworkLayer> layers;
  std::map<std::string, Count> not_scheduled;  // other ops by type (ONNX import)
  std::vector<SkippedNode> skipped;            // arithmetic nodes not scheduled (ONNX import)
  std::vector<std::string> warnings;           // shape disagreements found on import
  // Element sizes the model itself states (integer operators of a quantized
  // ONNX model), and where they come from; nullopt: the documented defaults.
  std::optional<Precision> precision = std::nullopt;
  std::string precision_source;

  // Published figures from "reference"; 0 when the file gives none.
  // A published value v with "..._rounded_to" u means: the exact count,
  // rounded half up to a multiple of u, is v (u = 1: exact).
  Count reference_macs = 0, reference_macs_rounded_to = 1;
  Count reference_params = 0, reference_params_rounded_to = 1;
  // BatchNorm parameters the published params count per output channel of
  // every conv layer (0: none, 2: weight and bias, 4: with running stats).
  Count reference_bn_params_per_channel = 0;
  // Published parameters outside the conv/fc layers and BatchNorm (LayerNorm,
  // layer scale, class token, position embedding).
  Count reference_other_params = 0;
  std::string reference_source, reference_note;
};

// The sizes `layer` moves its arrays at on a plain machine of `machine`
// sizes: its own stated sizes if any, then its kind's rule (layer_kind.hpp).
Precision layer_precision(const Precision& machine, const NetworkLayer& layer);

// One layer as a one-layer network, what `spad compare --layer` and `spad
// accel --layer` (and the Python module, given a spad.Layer) run on: the
// network and its layer are named after the layer, "layer" when it has no
// name; a conv layer.
Network one_layer_network(const Layer& layer);

}  // namespace spad
