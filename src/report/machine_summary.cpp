// The machine options line.
#include "report/machine_summary.hpp"

#include <fmt/format.h>

#include "io/text/byte_size.hpp"
#include "report/number_text.hpp"
#include "workload/precision.hpp"

namespace spad {

std::string format_machine(const Machine& machine) {
  const std::string capacity =
      machine.capacity_bytes ? format_bytes(*machine.capacity_bytes) : std::string("unbounded");
  return fmt::format("precision {} (bytes/element), halo_reuse {}, double_buffer {}, capacity {}",
                     precision_to_string(machine.precision), machine.halo_reuse ? "on" : "off",
                     machine.double_buffer ? "on" : "off", capacity);
}

std::string format_levels(const MemoryLevels& m) {
  std::string out;
  for (const MemoryLevel& level : m.levels)
    out += ' ' + level.name + ' ' + with_separators(level.capacity_bytes.value_or(0)) + " B";
  out += "; precision in=" + std::to_string(m.precision.input) +
         ",w=" + std::to_string(m.precision.weight) + ",out=" + std::to_string(m.precision.output) +
         ",psum=" + std::to_string(m.precision.psum) +
         (m.halo_reuse ? ", halo_reuse on" : ", halo_reuse off") +
         (m.double_buffer ? ", double_buffer on\n" : ", double_buffer off\n");
  return out;
}

}  // namespace spad
