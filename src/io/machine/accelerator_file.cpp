// Strict reading of machine description files (see accelerator_file.hpp for
// the schema): the order the sections are read in, the one-level and levels
// forms, and the whole-machine checks. Each section has its own reader
// (machine_fields, one_level_machine, machine_levels, machine_port,
// machine_energy); io/machine/yaml_read types the YAML values.
#include "io/machine/accelerator_file.hpp"

#include <optional>
#include <string_view>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/json/json_read.hpp"
#include "io/machine/machine_energy.hpp"
#include "io/machine/machine_fields.hpp"
#include "io/machine/machine_keys.hpp"
#include "io/machine/machine_levels.hpp"
#include "io/machine/machine_port.hpp"
#include "io/machine/one_level_machine.hpp"
#include "io/machine/yaml_read.hpp"

namespace spad {
namespace {

using namespace machine_file;

// Runs a whole-machine check, naming the file and, when the file writes the
// field it names, its line.
template <class Check>
void check_whole_machine(const YamlSource& src, const YamlMapping& top, Check check) {
  try {
    check();
  } catch (const UserError& e) {
    // The field a check names leads its message ("clock_mhz = ...").
    const std::string message = e.what();
    src.fail(path_mark(src, top, message.substr(0, message.find_first_of(" :"))), message);
  }
}

// The clock's range, checked before the ports: bytes_per_s is converted at
// this clock, and a clock in Hz or GHz made a rate "too large" or "not whole
// bits per cycle" instead of naming clock_mhz.
void check_clock(const YamlSource& src, const YamlMapping& top, double mhz) {
  check_whole_machine(src, top, [&] { validate_clock(mhz); });
}

// A machine file as read: every file as levels (a one-level file as one
// level named "scratchpad"), and where its levels list is, if it has one.
struct MachineText {
  LevelAccelerator accel;
  int levels_line = 0;  // 1-based
};

MachineText parse_machine_text(std::string_view text, const std::string& source) {
  const YamlSource src(source);
  const YAML::Node root = load_yaml_mapping(
      text, src,
      "a machine description starts with \"spad_machine: " + std::to_string(kMachineSchemaVersion) +
          "\" (see examples/machines/)",
      kSchemaDepth);
  const YamlMapping top(src, root, "");
  read_version(src, top);
  read_format(src, top);
  top.reject_unknown(kTopKeys, belongs_elsewhere(""));
  const YamlEntry* levels = top.find("levels");
  if (levels) reject_one_level_keys(src, top, *levels);

  Accelerator accel;
  accel.name =
      read_name(src, top.require("name", " (a short name for the machine, e.g. name: hwc-like)"));
  read_description(src, top, accel.description);

  MachineText out;
  if (!levels) {
    read_scratchpad(src, top, accel.machine);
    read_precision(src, top, accel.machine.precision);
    read_mac_array(src, top, accel.mac_array);
    DecimalText clock_text;
    accel.clock_mhz = read_clock(src, top, clock_text);
    check_clock(src, top, accel.clock_mhz);
    read_offchip(src, top, accel, clock_text);
    read_energy(src, top, accel);

    // The reads above check every field; this catches what only the whole
    // machine shows (a MAC array over kMaxMacsPerCycle).
    check_whole_machine(src, top, [&] { validate(accel); });
    out.accel = as_level_accelerator(accel);
    return out;
  }

  LevelAccelerator& level_accel = out.accel;
  level_accel.name = accel.name;
  level_accel.description = accel.description;
  read_precision(src, top, level_accel.memory.precision);
  read_mac_array(src, top, level_accel.mac_array);
  DecimalText clock_text;
  level_accel.clock_mhz = read_clock(src, top, clock_text);
  check_clock(src, top, level_accel.clock_mhz);
  read_levels(src, *levels, level_accel.clock_mhz, clock_text, level_accel);
  // MAC and off-chip energies as one level reads them (the scratchpad's is
  // refused above: each level has its own).
  accel.machine.precision = level_accel.memory.precision;
  accel.machine.capacity_bytes = level_accel.memory.levels.front().capacity_bytes;
  read_energy(src, top, accel);
  level_accel.mac_fj = accel.energy.mac_fj;
  level_accel.mac_source = accel.energy.mac_source;
  level_accel.offchip_fj_per_byte = accel.energy.offchip_fj_per_byte;
  level_accel.offchip_source = accel.energy.offchip_source;
  check_whole_machine(src, top, [&] { validate(level_accel); });
  out.levels_line = levels->mark.line + 1;
  return out;
}

}  // namespace

LevelAccelerator parse_level_accelerator_text(std::string_view text, const std::string& source) {
  return parse_machine_text(text, source).accel;
}

Accelerator parse_accelerator_text(std::string_view text, const std::string& source) {
  const MachineText machine = parse_machine_text(text, source);
  if (std::optional<Accelerator> one = as_one_level(machine.accel)) return *one;
  const MemoryLevels& m = machine.accel.memory;
  std::string names;
  for (std::size_t l = 0; l < m.levels.size(); ++l)
    names += (l ? ", " : "") + in_quotes(m.levels[l].name);
  throw UserError(source + ": line " + std::to_string(machine.levels_line) +
                  ": levels: " + std::to_string(m.levels.size()) + " on-chip levels (" + names +
                  "), but this command searches or costs one scratchpad; give a machine of one "
                  "level (scratchpad: and offchip:), or give it alone to 'spad accel --layer L "
                  "--machine M.yaml' (the level search for one layer, --model M for a network; "
                  "with --schedule S.json "
                  "it costs a several-level schedule; spad.LevelAccelerator in Python) or count "
                  "a schedule with 'spad evaluate' or 'spad simulate' and --machine M.yaml");
}

Accelerator read_accelerator_file(const std::string& path) {
  return parse_accelerator_text(read_text_file(path, "machine file"), path);
}

LevelAccelerator read_level_accelerator_file(const std::string& path) {
  return parse_level_accelerator_text(read_text_file(path, "machine file"), path);
}

}  // namespace spad
