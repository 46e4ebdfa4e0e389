// Names of the layer kinds and the shapes fc and matmul layers take.
#include "workload/layer_kind.hpp"

#include <array>
#include <tuple>

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

void check_layer_kind_shape(const LayerSpec& s, LayerKind kind, const std::string& where) {
  if (kind == LayerKind::conv) return;
  const std::array<std::tuple<const char*, Count, Count>, 12> fields = {{
      {"H", s.H, 1},
      {"W", s.W, 1},
      {"R", s.R, 1},
      {"S", s.S, 1},
      {"stride[0]", s.stride_h, 1},
      {"stride[1]", s.stride_w, 1},
      {"dilation[0]", s.dilation_h, 1},
      {"dilation[1]", s.dilation_w, 1},
      {"pad[0]", s.pad_top, 0},
      {"pad[1]", s.pad_left, 0},
      {"pad[2]", s.pad_bottom, 0},
      {"pad[3]", s.pad_right, 0},
  }};
  const bool matmul = kind == LayerKind::matmul;
  for (const auto& [field, value, want] : fields) {
    const std::string_view f = field;
    if (value == want || (matmul && f == "H")) continue;
    throw UserError(where + ": kind \"" + std::string(layer_kind_name(kind)) + "\"" +
                    (matmul ? " needs W = R = S = 1, stride and dilation 1 and pad 0"
                            : " needs H = W = R = S = 1, stride and dilation 1 and pad 0") +
                    ", but " + std::string(field) + " = " + std::to_string(value) +
                    (matmul ? std::string()
                            : "; give a flattened C x H x W input as C = C*H*W, or use kind "
                              "\"conv\""));
  }
}

}  // namespace spad
