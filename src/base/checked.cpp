// Out-of-line error path of the checked arithmetic.
#include "base/checked.hpp"

namespace spad {

void throw_overflow(char op, Count a, Count b) {
  throw InternalError("64-bit overflow in " + std::to_string(a) + " " + op + " " +
                      std::to_string(b));
}

}  // namespace spad
