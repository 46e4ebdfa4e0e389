// Validation of per-array element sizes, and their canonical text.
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

std::string precision_to_string(const Precision& p) {
  return "in=" + std::to_string(p.input) + ",w=" + std::to_string(p.weight) +
         ",out=" + std::to_string(p.output) + ",psum=" + std::to_string(p.psum);
}

}  // namespace spad
