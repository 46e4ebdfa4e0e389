// Refusing layers too large for the exact search, up front.
#include "search/search_limits.hpp"

#include <string>

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
}

}  // namespace spad
