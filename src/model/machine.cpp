// Validation of machine options.
#include "model/machine.hpp"

#include <string>

#include "base/error.hpp"

namespace spad {

void validate(const Machine& machine) {
  validate(machine.precision);
  if (machine.capacity_bytes && *machine.capacity_bytes < 1)
    throw UserError("buffer capacity = " + std::to_string(*machine.capacity_bytes) +
                    " bytes: must be positive");
}

}  // namespace spad
