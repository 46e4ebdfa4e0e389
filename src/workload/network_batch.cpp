// Scaling a network's layers to another batch size (see network_batch.hpp).
#include "workload/network_batch.hpp"

#include <optional>

#include "base/checked.hpp"
#include "base/error.hpp"

namespace spad {
namespace {

// N0: input.N, else the N every conv layer shares; nullopt when neither.
std::optional<Count> network_batch(const Network& net, const std::string& where) {
  if (net.input) return net.input->N;
  std::optional<Count> conv_n;
  for (const NetworkLayer& l : net.layers) {
    if (l.kind != LayerKind::conv) continue;
    if (conv_n && *conv_n != l.spec.N)
      throw UserError(where + ": --batch: the conv layers have different batches N (" +
                      std::to_string(*conv_n) + " and " + std::to_string(l.spec.N) + " in layer " +
                      l.spec.name +
                      ") and the file states no input.N, so the batch to replace "
                      "is unknown");
    conv_n = l.spec.N;
  }
  return conv_n;
}

// a * b, a UserError naming the layer's count when it passes 2^63 - 1.
Count times(Count a, Count b, const std::string& where, const NetworkLayer& l,
            const std::string& what) {
  Count out = 0;
  if (!mul_fits(a, b, &out))
    throw UserError(where + ": --batch: layer " + l.spec.name + ": its " + what + " " +
                    std::to_string(a) + " x " + std::to_string(b) + " passes 2^63 - 1");
  return out;
}

// x / n0 * batch, with n0 dividing x; `what` names the count in messages.
Count rescaled(Count x, Count n0, Count batch, const std::string& where, const NetworkLayer& l,
               const char* what) {
  if (x % n0 != 0)
    throw UserError(where + ": --batch: layer " + l.spec.name + ": its " + what + " " +
                    std::to_string(x) + " is not a multiple of the network's batch " +
                    std::to_string(n0) + ", so the batch cannot be told apart from it");
  return times(x / n0, batch, where, l, std::string(what) + " per sample");
}

}  // namespace

bool layer_holds_batch(const NetworkLayer& layer, Count n0) {
  const LayerSpec& s = layer.spec;
  switch (layer.kind) {
    case LayerKind::conv:
      return s.N == n0;
    case LayerKind::fc:
      return s.N % n0 == 0;
    case LayerKind::matmul:
      return s.N == n0 || s.groups % n0 == 0;
  }
  return false;
}

void set_network_batch(Network& net, Count batch, const std::string& where) {
  if (batch < 1)
    throw UserError("--batch " + std::to_string(batch) + ": the batch must be at least 1");
  const std::optional<Count> n0 = network_batch(net, where);
  if (!n0) {
    bool has_rows = false;  // fc or matmul layers, whose N may hold rows
    for (const NetworkLayer& l : net.layers) has_rows = has_rows || l.kind != LayerKind::conv;
    if (has_rows)
      throw UserError(where + ": --batch " + std::to_string(batch) +
                      ": the file states no batch (no \"input\" with N and no conv layer), and "
                      "the N of an fc or matmul layer may hold rows as well as the batch; give "
                      "the layers' N (and a matmul's groups) for the batch you want, or an "
                      "\"input\" with its N");
    return;
  }
  if (*n0 == batch) return;
  for (NetworkLayer& l : net.layers) {
    LayerSpec& s = l.spec;
    if (l.kind == LayerKind::matmul && s.N == *n0) {
      s.N = batch;  // the batch is N, the rows are H
    } else if (l.kind == LayerKind::matmul) {
      const Count g = s.groups;
      const Count groups = rescaled(g, *n0, batch, where, l, "groups G (batch x heads)");
      s.C = times(groups, s.C / g, where, l, "C per group");
      s.M = times(groups, s.M / g, where, l, "M per group");
      s.groups = groups;
    } else {
      s.N = rescaled(s.N, *n0, batch, where, l, "N");
    }
    try {
      const Layer validated(s);
    } catch (const UserError& e) {
      throw UserError(where + " with --batch " + std::to_string(batch) + ": " + e.what());
    }
  }
  if (net.input) net.input->N = batch;
}

}  // namespace spad
