// Names of the layer kinds.
#include "workload/layer_kind.hpp"

#include "base/error.hpp"

namespace spad {

std::string_view layer_kind_name(LayerKind kind) {
  switch (kind) {
    case LayerKind::conv:
      return "conv";
    case LayerKind::fc:
      return "fc";
    case LayerKind::matmul:
      return "matmul";
  }
  throw InternalError("layer_kind_name: unknown layer kind");
}

std::optional<LayerKind> layer_kind_from_name(std::string_view text) {
  for (LayerKind k : {LayerKind::conv, LayerKind::fc, LayerKind::matmul})
    if (layer_kind_name(k) == text) return k;
  return std::nullopt;
}

Precision layer_precision(const Precision& machine, LayerKind kind) {
  Precision p = machine;
  if (kind == LayerKind::matmul) p.weight = p.input;
  return p;
}

}  // namespace spad
