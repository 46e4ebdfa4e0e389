// Reading the levels: list of a machine file (see machine_levels.hpp).
#include "io/machine/machine_levels.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "io/machine/machine_energy.hpp"
#include "io/machine/machine_fields.hpp"
#include "io/machine/machine_keys.hpp"
#include "io/machine/machine_port.hpp"

namespace spad::machine_file {
namespace {

// double_buffer or halo_reuse of one level: every level must give the same
// (MemoryLevels shares them), an absent key being false.
bool read_shared_flag(const YamlSource& src, const YamlMapping& m, std::string_view key,
                      std::size_t index, std::optional<bool>& first) {
  const YamlEntry* e = m.find(key);
  const bool value = e ? read_bool(src, *e) : false;
  if (!first) {
    first = value;
    return value;
  }
  if (value != *first) {
    const auto shown = [](bool v) { return std::string(v ? "true" : "false"); };
    const std::string why =
        "levels[0] has " + std::string(key) + " " + shown(*first) +
        "; in this version double_buffer and halo_reuse apply to every level alike (as "
        "--double-buffer and --halo-reuse do), so give the same value at every level";
    if (e) fail_value(src, *e, why);
    src.fail(m.mark(), "levels[" + std::to_string(index) + "]." + std::string(key) +
                           " is not given (false by default), but " + why);
  }
  return value;
}

}  // namespace

void read_levels(const YamlSource& src, const YamlEntry& entry, double mhz,
                 const DecimalText& clock_mhz, LevelAccelerator& accel) {
  constexpr std::string_view kExample =
      "{name: L1, capacity_bytes: 64KiB, bits_per_cycle: 256, dma_setup_cycles: 8}";
  if (!entry.value.IsSequence())
    fail_value(src, entry,
               "must be a list of on-chip levels, outermost first, not " + yaml_kind(entry.value) +
                   "; e.g. levels: [" + std::string(kExample) + "]");
  const std::size_t count = entry.value.size();
  if (count == 0) fail_value(src, entry, "lists no level; give at least one, outermost first");
  if (count > kMaxMemoryLevels)
    fail_value(src, entry,
               std::to_string(count) + " on-chip levels: at most " +
                   std::to_string(kMaxMemoryLevels) + " are supported");
  std::optional<bool> double_buffer, halo_reuse;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string field = "levels[" + std::to_string(i) + "]";
    const YAML::Node node = entry.value[i];
    const YamlEntry item{field, field, node.Mark(), node};
    const YamlMapping m = open_mapping(src, item, kExample);
    m.reject_unknown(kLevelKeys, belongs_elsewhere("levels"));

    MemoryLevel level;
    const YamlEntry& name = m.require("name", " (a short name for the level, e.g. L2 or L1)");
    level.name = read_name(src, name);
    for (std::size_t k = 0; k < i; ++k)
      if (accel.memory.levels[k].name == level.name)
        fail_value(
            src, name,
            "levels[" + std::to_string(k) + "] has the same name; every level needs its own name");
    level.capacity_bytes = read_capacity(src, m.require("capacity_bytes",
                                                        " (the size of this level's SRAM, e.g. "
                                                        "65536 or 64KiB)"));
    accel.memory.double_buffer = read_shared_flag(src, m, "double_buffer", i, double_buffer);
    accel.memory.halo_reuse = read_shared_flag(src, m, "halo_reuse", i, halo_reuse);

    const std::string from = i == 0 ? "off-chip memory" : "levels[" + std::to_string(i - 1) + "]";
    LevelPort port =
        read_port(src, m, mhz, clock_mhz,
                  {"bandwidth of the boundary above " + field + " (from " + from + ")",
                   " (the bandwidth in bits per clock cycle from " + from + " into " + field +
                       ", e.g. 64; or as bytes_per_s, e.g. 1.6GB/s)",
                   "the boundary above " + field + " must move at least 1 bit per cycle"});
    read_level_energy(src, m, field, *level.capacity_bytes, port);
    accel.memory.levels.push_back(std::move(level));
    accel.ports.push_back(port);
  }
}

void reject_one_level_keys(const YamlSource& src, const YamlMapping& top, const YamlEntry& levels) {
  if (const YamlEntry* e = top.find("scratchpad"))
    src.fail(e->mark,
             "scratchpad: and levels: (line " + std::to_string(levels.mark.line + 1) +
                 ") are both given; levels: replaces scratchpad: (one level is a list of one), "
                 "so give one of them");
  if (const YamlEntry* e = top.find("offchip"))
    src.fail(e->mark, "offchip: and levels: (line " + std::to_string(levels.mark.line + 1) +
                          ") are both given; with levels:, the off-chip boundary is levels[0]'s "
                          "bits_per_cycle and dma_setup_cycles, so remove offchip:");
  for (const char* section : {"energy", "energy_source"})
    if (const YamlEntry* e = top.find(section); e && e->value.IsMap()) {
      const YamlMapping m(src, e->value, e->path + ".");
      if (const YamlEntry* sram = m.find("scratchpad_pj_per_byte"))
        src.fail(sram->mark, sram->path +
                                 ": with levels:, each level's SRAM energy is its own "
                                 "levels[i].pj_per_byte (default: spad's SRAM energy at its "
                                 "capacity); remove this key");
    }
}

}  // namespace spad::machine_file
