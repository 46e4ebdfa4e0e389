// Out-of-line error path of the checked arithmetic.
#include "base/checked.hpp"

namespace spad {

void throw_overflow(char op, Count a, Count b) {
  throw InternalError("64-bit overflow in " + std::to_string(a) + " " + op + " " +
                      std::to_string(b));
}

Count add_total(Count a, Count b, const char* what) {
  Count out = 0;
  if (__builtin_add_overflow(a, b, &out))
    throw UserError(std::string("the network's total ") + what +
                    " passes 2^63 - 1, the largest count spad represents; run fewer layers "
                    "(--layers) or smaller ones");
  return out;
}

}  // namespace spad
