// Validation of per-array element sizes.
#include "workload/precision.hpp"

#include <string>
#include <utility>

#include "base/error.hpp"

namespace spad {

void validate(const Precision& p) {
  for (auto [field, value] :
       {std::pair{"in", p.input}, {"w", p.weight}, {"out", p.output}, {"psum", p.psum}}) {
    if (value < 1 || value > kMaxElementBytes)
      throw UserError(std::string("precision ") + field + " = " + std::to_string(value) +
                      ": element size must be 1.." + std::to_string(kMaxElementBytes) + " bytes");
  }
}

}  // namespace spad
