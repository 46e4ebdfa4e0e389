// Running a network at another batch size (--batch N with a network file or
// a built-in model; an ONNX model is re-batched by its importer, which
// recomputes every shape from the graph's inputs).
//
// A layer's batch is not always its N: a fully-connected layer on a sequence
// has N = batch x rows (ONNX import flattens the leading dimensions), and an
// attention "matmul" carries the batch either in N (rows in H, as the
// built-in vit_b_16 states it) or in its groups G = batch x heads with N = n
// rows (as ONNX import gives it; DESIGN.md, "ONNX import"). So the network's
// batch N0 is read from the file (input.N, else the N its conv layers share)
// and every layer's batch-carrying count is scaled by B / N0:
//
//   conv           N  = N / N0 x B
//   fc             N  = N / N0 x B          (rows per sample kept)
//   matmul N = N0  N  = B                   (the batch is N, rows in H)
//   matmul else    G' = G / N0 x B, C = G' x C/G, M = G' x M/G  (N rows kept)
#pragma once

#include <string>

#include "base/checked.hpp"
#include "workload/network.hpp"

namespace spad {

// Whether `layer` runs on the network batch `n0` as above: a conv layer's N
// is n0, an fc layer's N a multiple of it, a matmul's N is n0 or its groups a
// multiple of it. Network files hold every layer to it (io/zoo/network_file).
bool layer_holds_batch(const NetworkLayer& layer, Count n0);

// Sets `net`'s batch to `batch` as above; `where` names the source in
// messages. UserError for batch < 1; for a network whose batch cannot be
// told (no input.N, no conv layer, and fc or matmul layers: their N may hold
// rows) when `batch` would change it; for a count that is not a multiple of
// N0; and for a layer the new batch makes too large (workload/layer's
// limits). Nothing changes when `batch` equals N0.
void set_network_batch(Network& net, Count batch, const std::string& where);

}  // namespace spad
