// One line naming the machine options a result was computed with (every
// result is printed with the options that produced it):
//   precision in=1,w=1,out=1,psum=4 (bytes/element), halo_reuse off, double_buffer off,
//   capacity 64 KiB
#pragma once

#include <string>

#include "model/machine.hpp"

namespace spad {

std::string format_machine(const Machine& machine);

}  // namespace spad
