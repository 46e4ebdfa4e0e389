// Refusing layers too large for the exact search, up front.
#include "search/search_limits.hpp"

#include <string>
#include <tuple>

#include "base/error.hpp"

namespace spad {

void check_search_limits(const Layer& layer) {
  const std::string name = layer.name().empty() ? "the layer" : "layer '" + layer.name() + "'";
  for (const auto& [axis, extent] :
       {std::pair{"P (output height)", layer.P()}, std::pair{"Q (output width)", layer.Q()}}) {
    if (extent > kMaxSearchOutputExtent)
      throw UserError(name + ": " + axis + " = " + std::to_string(extent) +
                      " is larger than the search handles (" +
                      std::to_string(kMaxSearchOutputExtent) +
                      "; docs/resource-contract.md); 'evaluate' costs a given schedule of any "
                      "size");
  }
  const LayerSpec& s = layer.spec();
  for (const auto& [axis, extent, kernel] :
       {std::tuple{"P x R (output height x kernel height)", layer.P(), s.R},
        std::tuple{"Q x S (output width x kernel width)", layer.Q(), s.S}}) {
    Count pairs = 0;
    if (!mul_fits(extent, kernel, &pairs) || pairs > kMaxSearchAxisPairs)
      throw UserError(name + ": " + axis + " = " + std::to_string(extent) + " x " +
                      std::to_string(kernel) + " is larger than the search handles (" +
                      std::to_string(kMaxSearchAxisPairs) +
                      " pairs of an output tile and a kernel tile per axis; "
                      "docs/resource-contract.md); 'evaluate' costs a given schedule of any size");
  }
}

}  // namespace spad
