// Parsing of the machine flags into a Machine.
#include "cli/machine_flags.hpp"

#include "io/text/byte_size.hpp"
#include "io/text/precision_text.hpp"

namespace spad::cli {

void add_machine_flags(CLI::App& app, MachineFlags& flags, bool buffer_required) {
  auto* buffer =
      app.add_option_function<std::string>(
             "--buffer", [&flags](const std::string& text) { flags.buffer = text; },
             buffer_required ? "Scratchpad capacity (required), e.g. 65536, 64KiB, 1.5MiB, "
                               "64KB (=64000)"
                             : "Scratchpad capacity, e.g. 65536, 64KiB, 1.5MiB, 64KB (=64000); "
                               "without it the capacity is unbounded and every schedule fits")
          ->type_name("SIZE");
  if (buffer_required) buffer->required();
  app.add_option("--precision", flags.precision,
                 "Bytes per element: in=1,w=1,out=1,psum=4 (default); any subset, also type "
                 "names (psum=int32, w=fp16)")
      ->type_name("LIST");
  app.add_flag("--halo-reuse", flags.halo_reuse,
               "A rolling buffer keeps the input rows/columns the next tile shares with this one");
  app.add_flag("--double-buffer", flags.double_buffer,
               "Every buffer is allocated twice so DMA overlaps compute");
}

Machine machine_from_flags(const MachineFlags& flags) {
  Machine machine;
  machine.precision = parse_precision(flags.precision);
  if (flags.buffer) machine.capacity_bytes = parse_byte_size(*flags.buffer, "--buffer");
  machine.halo_reuse = flags.halo_reuse;
  machine.double_buffer = flags.double_buffer;
  validate(machine);
  return machine;
}

}  // namespace spad::cli
