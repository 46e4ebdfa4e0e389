// Capacities of several on-chip levels from one flag (buffer_levels.hpp).
#include "io/text/buffer_levels.hpp"

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/text/byte_size.hpp"
#include "io/text/text_fields.hpp"
#include "model/memory_levels.hpp"

namespace spad {

std::vector<Count> parse_buffer_levels(std::string_view text, std::string_view what) {
  const std::vector<std::string_view> pieces = split_trimmed(text, ',');
  if (pieces.size() > kMaxMemoryLevels)
    throw UserError(std::string(what) + " " + std::string(trim(text)) + ": " +
                    std::to_string(pieces.size()) + " capacities: at most " +
                    std::to_string(kMaxMemoryLevels) +
                    " on-chip levels are supported (one capacity per level, outermost first)");
  // ';' separates the levels of sweep --buffers (each a list), not these.
  if (trim(text).find(';') != std::string_view::npos)
    throw UserError(std::string(what) + " " + in_quotes(trim(text)) +
                    ": here levels are separated by ',' (one capacity each, outermost first, "
                    "e.g. 512KiB,64KiB); ';' separates levels only in sweep --buffers, where each "
                    "level takes a list of capacities");
  std::vector<Count> capacities;
  for (std::size_t l = 0; l < pieces.size(); ++l) {
    const std::string level = pieces.size() == 1
                                  ? std::string(what)
                                  : std::string(what) + " (level " + std::to_string(l + 1) +
                                        " of " + std::to_string(pieces.size()) + ")";
    if (pieces[l].empty())
      throw UserError(level + ": " + in_quotes(trim(text)) +
                      " has an empty capacity; give one size per level, outermost first, e.g. "
                      "512KiB,64KiB");
    capacities.push_back(parse_byte_size(pieces[l], level));
  }
  return capacities;
}

std::string default_level_name(std::size_t level_index, std::size_t levels) {
  std::string name = "L";
  name += std::to_string(levels - level_index);
  return name;
}

void check_default_level_names(const std::vector<std::string>& names, std::string_view source) {
  const std::size_t levels = names.size();
  for (std::size_t l = 0; l < levels; ++l)
    for (std::size_t k = 0; k < levels; ++k)
      if (k != l && names[l].empty() && names[k] == default_level_name(l, levels))
        throw UserError((source.empty() ? std::string() : std::string(source) + ": ") +
                        "schedule: levels[" + std::to_string(k) + "].name = \"" + names[k] +
                        "\" is the default name of its unnamed level " + std::to_string(l + 1) +
                        " of " + std::to_string(levels) +
                        ": name every level of the schedule, or none (the defaults are L" +
                        std::to_string(levels) + " outermost .. L1 innermost)");
}

MemoryLevels memory_levels_for(const std::vector<std::string>& names,
                               const std::vector<Count>& capacities, std::string_view buffer_text,
                               const Precision& precision, bool halo_reuse, bool double_buffer) {
  const std::size_t levels = names.size();
  if (!capacities.empty() && capacities.size() != levels)
    throw UserError("--buffer " + std::string(trim(buffer_text)) + " gives " +
                    std::to_string(capacities.size()) + " capacit" +
                    (capacities.size() == 1 ? "y" : "ies") + " but the schedule has " +
                    std::to_string(levels) + (levels == 1 ? " level" : " levels") +
                    "; give one capacity per level, outermost first (e.g. --buffer "
                    "512KiB,64KiB for two)");
  MemoryLevels machine;
  machine.precision = precision;
  machine.halo_reuse = halo_reuse;
  machine.double_buffer = double_buffer;
  for (std::size_t l = 0; l < levels; ++l) {
    MemoryLevel level;
    level.name = names[l].empty() ? default_level_name(l, levels) : names[l];
    if (!capacities.empty()) level.capacity_bytes = capacities[l];
    machine.levels.push_back(level);
  }
  check_default_level_names(names, "");
  validate(machine);
  return machine;
}

}  // namespace spad
