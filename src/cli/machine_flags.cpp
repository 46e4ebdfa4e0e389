// Parsing of the machine flags into a Machine.
#include "cli/machine_flags.hpp"

#include "base/error.hpp"
#include "io/text/buffer_levels.hpp"
#include "io/text/byte_size.hpp"
#include "io/text/precision_text.hpp"
#include "io/text/text_fields.hpp"

namespace spad::cli {

void add_machine_flags(CLI::App& app, MachineFlags& flags, bool buffer_required) {
  flags.command = app.get_name();
  const bool levels_allowed = flags.command == "evaluate" || flags.command == "simulate";
  const bool levels_searched = flags.command == "optimize";
  auto* buffer =
      app.add_option_function<std::string>(
             "--buffer", [&flags](const std::string& text) { flags.buffer = text; },
             buffer_required && levels_searched
                 ? "Scratchpad capacity (required), e.g. 65536, 64KiB, 1.5MiB, 64KB (=64000); "
                   "several on-chip levels one per level, outermost first: 512KiB,64KiB "
                   "(named L2, L1; with --layer or --model)"
             : buffer_required ? "Scratchpad capacity (required), e.g. 65536, 64KiB, 1.5MiB, "
                                 "64KB (=64000)"
             : levels_allowed
                 ? "Scratchpad capacity, e.g. 65536, 64KiB, 1.5MiB, 64KB (=64000); for a "
                   "several-level schedule one per level, outermost first: 512KiB,64KiB (named "
                   "L2, L1 unless the schedule names them); without it every level is unbounded "
                   "and every schedule fits"
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

std::size_t buffer_level_count(const MachineFlags& flags) {
  return flags.buffer ? parse_buffer_levels(*flags.buffer, "--buffer").size() : 0;
}

Machine machine_from_flags(const MachineFlags& flags) {
  Machine machine;
  machine.precision = parse_precision(flags.precision);
  if (flags.buffer) {
    const std::vector<Count> capacities = parse_buffer_levels(*flags.buffer, "--buffer");
    if (capacities.size() > 1) {
      throw UserError(
          "--buffer " + std::string(trim(*flags.buffer)) + ": " +
          std::to_string(capacities.size()) + " on-chip levels, but '" + flags.command +
          "' handles one level only in this version; give one capacity. 'spad "
          "optimize --layer L|--model M --buffer OUTER,INNER' searches several levels, 'spad "
          "simulate --schedule S.json --buffer OUTER,INNER' counts a several-level "
          "schedule");
    }
    machine.capacity_bytes = capacities.front();
  }
  machine.halo_reuse = flags.halo_reuse;
  machine.double_buffer = flags.double_buffer;
  validate(machine);
  return machine;
}

MemoryLevels memory_levels_from_flags(const MachineFlags& flags, std::size_t levels,
                                      const std::vector<std::string>& names) {
  const Precision precision = parse_precision(flags.precision);
  const std::vector<Count> capacities =
      flags.buffer ? parse_buffer_levels(*flags.buffer, "--buffer") : std::vector<Count>{};
  std::vector<std::string> level_names(levels);
  for (std::size_t l = 0; l < levels && l < names.size(); ++l) level_names[l] = names[l];
  return memory_levels_for(level_names, capacities, flags.buffer.value_or(""), precision,
                           flags.halo_reuse, flags.double_buffer);
}

}  // namespace spad::cli
