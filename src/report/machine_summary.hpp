// One line naming the machine options a result was computed with (every
// result is printed with the options that produced it):
//   precision in=1,w=1,out=1,psum=4 (bytes/element), halo_reuse off, double_buffer off,
//   capacity 64 KiB
// and its form for several on-chip levels (the network tables' "levels" line):
//    L2 65,536 B L1 4,096 B; precision in=1,w=1,out=1,psum=4, halo_reuse off, double_buffer on
#pragma once

#include <string>

#include "model/machine.hpp"
#include "model/memory_levels.hpp"

namespace spad {

std::string format_machine(const Machine& machine);

// Each level's name and capacity in bytes (a leading space before each), the
// precision and the options, ending in a newline.
std::string format_levels(const MemoryLevels& machine);

}  // namespace spad
