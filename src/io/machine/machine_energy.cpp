// Reading the energies of a machine file (see machine_energy.hpp).
#include "io/machine/machine_energy.hpp"

#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <tuple>

#include "base/name_text.hpp"
#include "io/machine/accelerator_json.hpp"
#include "io/machine/machine_keys.hpp"
#include "io/text/text_fields.hpp"

namespace spad::machine_file {
namespace {

// fJ as pJ text: 300 -> "0.3", 4500 -> "4.5", 162500 -> "162.5".
std::string fj_as_pj(Count fj) {
  std::string out = std::to_string(fj / 1000);
  if (const Count frac = fj % 1000; frac != 0) {
    std::string digits = std::to_string(frac);
    digits.insert(0, 3 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

// An "<energy>_source" word (what spad's echo writes): "file" needs the
// energy in the file (`in_file`), "default ..." must equal the default.
// `energy_field` names the energy ("energy.mac_pj"), `remove` what to remove
// when the default does not match ("energy_source", or "it").
EnergySource read_source_word(const YamlSource& src, const YamlEntry& e, bool in_file,
                              const std::string& energy_field, Count fj, Count default_fj,
                              std::string_view remove) {
  const std::string said = read_text(src, e);
  if (said == energy_source_name(EnergySource::file)) {
    if (!in_file)
      fail_value(src, e, "says the energy is from the file, but " + energy_field + " is not given");
    return EnergySource::file;
  }
  if (said == energy_source_name(EnergySource::default_value)) {
    if (fj != default_fj)
      fail_value(src, e,
                 "says spad's default, which is " + fj_as_pj(default_fj) + " pJ here, but " +
                     energy_field + " is " + fj_as_pj(fj) + " pJ; remove " + std::string(remove) +
                     " (it is derived) or correct it");
    return EnergySource::default_value;
  }
  fail_value(src, e,
             "must be " + in_quotes(std::string(energy_source_name(EnergySource::file))) + " or " +
                 in_quotes(std::string(energy_source_name(EnergySource::default_value))));
}

// "energy_source" (what spad's machine echo writes): per energy, "file" or
// the default's name. Checked against what was read: a "default" energy must
// equal spad's default (and is reported as one again), a "file" one must be
// in the file.
void read_energy_source(const YamlSource& src, const YamlMapping& top, Accelerator& accel,
                        const YamlMapping* energy_map) {
  const YamlEntry* entry = top.find("energy_source");
  if (!entry) return;
  const YamlMapping m = open_mapping(src, *entry, "{mac_pj: file}");
  m.reject_unknown(kEnergyKeys, belongs_elsewhere("energy_source"));
  EnergyCosts& energy = accel.energy;
  const Precision& p = accel.machine.precision;
  const std::array<std::tuple<std::string_view, Count*, EnergySource*, Count>, 3> fields = {{
      {"mac_pj", &energy.mac_fj, &energy.mac_source, default_mac_fj(p)},
      {"scratchpad_pj_per_byte", &energy.scratchpad_fj_per_byte, &energy.scratchpad_source,
       default_scratchpad_fj_per_byte(*accel.machine.capacity_bytes)},
      {"offchip_pj_per_byte", &energy.offchip_fj_per_byte, &energy.offchip_source,
       kDefaultOffchipFjPerByte},
  }};
  for (const auto& [key, fj, source, default_fj] : fields) {
    const YamlEntry* e = m.find(key);
    if (!e) continue;
    *source = read_source_word(src, *e, energy_map && energy_map->find(key),
                               "energy." + std::string(key), *fj, default_fj, "energy_source");
  }
}

}  // namespace

Count read_energy_fj(const YamlSource& src, const YamlEntry& e, std::string_view per) {
  const UnitAdvice advise = [&](const NumberWithUnit& u) -> std::string {
    const std::string unit = to_lower(u.unit.substr(0, u.unit.find('/')));
    double pj = 0;
    if (unit == "pj")
      pj = u.value;
    else if (unit == "fj")
      pj = u.value / 1000;
    else if (unit == "nj")
      pj = u.value * 1000;
    else
      return "the unit is pJ (in the key name)";
    return "write " + e.key + ": " + show_number(pj) + " (pJ is in the key name)";
  };
  const DecimalText d = read_decimal(src, e, "a number of picojoules " + std::string(per), advise);
  const std::string too_large = "at most " + fj_as_pj(kMaxEnergyFj) + " pJ (1 uJ) " +
                                std::string(per) + "; check the unit (pJ)";
  if (d.negative && to_double(d) != 0)
    fail_value(src, e, "an energy cannot be negative (0 ignores it)");
  Count fj = 0;
  switch (exact_magnitude(d, 3, &fj)) {
    case Exactness::fraction: {
      const double rounded = std::round(std::fabs(to_double(d)) * 1000);
      fail_value(src, e,
                 "not a whole number of femtojoules (the resolution is 0.001 pJ); round it, "
                 "e.g. to " +
                     (rounded < 1e15 ? fj_as_pj(static_cast<Count>(rounded)) : std::string("?")));
    }
    case Exactness::too_large:
      fail_value(src, e, too_large);
    case Exactness::exact:
      break;
  }
  if (d.negative && fj != 0) fail_value(src, e, "an energy cannot be negative (0 ignores it)");
  if (fj > kMaxEnergyFj) fail_value(src, e, too_large);
  return fj;
}

void read_energy(const YamlSource& src, const YamlMapping& top, Accelerator& accel) {
  EnergyCosts& energy = accel.energy;
  std::optional<YamlMapping> m;
  if (const YamlEntry* entry = top.find("energy")) {
    m.emplace(open_mapping(src, *entry, "{mac_pj: 0.3, scratchpad_pj_per_byte: 2.5}"));
    m->reject_unknown(kEnergyKeys, belongs_elsewhere("energy"));
  }
  const auto find = [&](std::string_view key) { return m ? m->find(key) : nullptr; };

  if (const YamlEntry* e = find("mac_pj")) {
    energy.mac_fj = read_energy_fj(src, *e, "per multiply-accumulate");
    energy.mac_source = EnergySource::file;
  } else {
    const Precision& p = accel.machine.precision;
    energy.mac_fj = default_mac_fj(p);
    energy.mac_source = EnergySource::default_value;
    if (energy.mac_fj == 0)
      src.fail(m ? m->mark() : YAML::Mark::null_mark(),
               "energy.mac_pj is missing and spad has no default MAC energy for precision_bytes "
               "input " +
                   std::to_string(p.input) + ", weight " + std::to_string(p.weight) +
                   " (its default, 0.3 pJ from Horowitz, ISSCC 2014, is for 1-byte operands); "
                   "give energy.mac_pj, the energy of one multiply-accumulate in pJ");
  }
  if (const YamlEntry* e = find("scratchpad_pj_per_byte")) {
    energy.scratchpad_fj_per_byte = read_energy_fj(src, *e, "per byte");
    energy.scratchpad_source = EnergySource::file;
  } else {
    energy.scratchpad_fj_per_byte = default_scratchpad_fj_per_byte(*accel.machine.capacity_bytes);
    energy.scratchpad_source = EnergySource::default_value;
  }
  if (const YamlEntry* e = find("offchip_pj_per_byte")) {
    energy.offchip_fj_per_byte = read_energy_fj(src, *e, "per byte");
    energy.offchip_source = EnergySource::file;
  } else {
    energy.offchip_fj_per_byte = kDefaultOffchipFjPerByte;
    energy.offchip_source = EnergySource::default_value;
  }
  read_energy_source(src, top, accel, m ? &*m : nullptr);
}

void read_level_energy(const YamlSource& src, const YamlMapping& m, const std::string& field,
                       Count capacity_bytes, LevelPort& port) {
  const Count default_fj = default_scratchpad_fj_per_byte(capacity_bytes);
  const YamlEntry* energy = m.find("pj_per_byte");
  if (energy) {
    port.sram_fj_per_byte = read_energy_fj(src, *energy, "per byte");
    port.sram_source = EnergySource::file;
  } else {
    port.sram_fj_per_byte = default_fj;
    port.sram_source = EnergySource::default_value;
  }
  if (const YamlEntry* e = m.find("pj_per_byte_source"))
    port.sram_source = read_source_word(src, *e, energy != nullptr, field + ".pj_per_byte",
                                        port.sram_fj_per_byte, default_fj, "it");
}

}  // namespace spad::machine_file
