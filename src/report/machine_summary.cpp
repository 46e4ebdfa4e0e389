// The machine options line.
#include "report/machine_summary.hpp"

#include <fmt/format.h>

#include "io/text/byte_size.hpp"
#include "workload/precision.hpp"

namespace spad {

std::string format_machine(const Machine& machine) {
  const std::string capacity =
      machine.capacity_bytes ? format_bytes(*machine.capacity_bytes) : std::string("unbounded");
  return fmt::format("precision {} (bytes/element), halo_reuse {}, double_buffer {}, capacity {}",
                     precision_to_string(machine.precision), machine.halo_reuse ? "on" : "off",
                     machine.double_buffer ? "on" : "off", capacity);
}

}  // namespace spad
