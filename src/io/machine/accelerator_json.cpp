// The machine description as JSON (see accelerator_json.hpp).
#include "io/machine/accelerator_json.hpp"

#include "io/json/document_format.hpp"
#include "io/machine/accelerator_file.hpp"

namespace spad {
namespace {

// Integer femtojoules as picojoules; exact for the three decimals a file can give.
double pj(Count fj) { return static_cast<double>(fj) / 1000.0; }

nlohmann::ordered_json precision_json(const Precision& p) {
  return {{"input", p.input}, {"weight", p.weight}, {"output", p.output}, {"psum", p.psum}};
}

nlohmann::ordered_json mac_array_json(const MacArray& array) {
  nlohmann::ordered_json unroll = nlohmann::ordered_json::object();
  for (Dim d : kAllDims)
    if (array.unroll[d] != 1) unroll[std::string(dim_name(d))] = array.unroll[d];
  if (unroll.empty())
    for (Dim d : kAllDims) unroll[std::string(dim_name(d))] = array.unroll[d];
  return {{"unroll", unroll}, {"macs_per_cycle", array.macs_per_cycle()}};
}

}  // namespace

std::string_view energy_source_name(EnergySource source) {
  return source == EnergySource::file ? "file" : "default (Horowitz, ISSCC 2014, 45 nm)";
}

nlohmann::ordered_json accelerator_to_json(const Accelerator& accel) {
  using nlohmann::ordered_json;
  const Machine& m = accel.machine;
  ordered_json out;
  out["format"] = format_tag(DocKind::machine);
  out["spad_machine"] = kMachineSchemaVersion;
  out["name"] = accel.name;
  if (!accel.description.empty()) out["description"] = accel.description;

  ordered_json scratchpad;
  scratchpad["capacity_bytes"] =
      m.capacity_bytes ? ordered_json(*m.capacity_bytes) : ordered_json(nullptr);
  scratchpad["double_buffer"] = m.double_buffer;
  scratchpad["halo_reuse"] = m.halo_reuse;
  out["scratchpad"] = scratchpad;

  out["precision_bytes"] = precision_json(m.precision);
  out["mac_array"] = mac_array_json(accel.mac_array);

  out["clock_mhz"] = accel.clock_mhz;
  out["offchip"] = {{"bits_per_cycle", accel.offchip_bits_per_cycle},
                    {"dma_setup_cycles", accel.dma_setup_cycles}};

  const EnergyCosts& e = accel.energy;
  out["energy"] = {{"mac_pj", pj(e.mac_fj)},
                   {"scratchpad_pj_per_byte", pj(e.scratchpad_fj_per_byte)},
                   {"offchip_pj_per_byte", pj(e.offchip_fj_per_byte)}};
  out["energy_source"] = {{"mac_pj", energy_source_name(e.mac_source)},
                          {"scratchpad_pj_per_byte", energy_source_name(e.scratchpad_source)},
                          {"offchip_pj_per_byte", energy_source_name(e.offchip_source)}};
  return out;
}

nlohmann::ordered_json level_accelerator_to_json(const LevelAccelerator& accel) {
  using nlohmann::ordered_json;
  const MemoryLevels& m = accel.memory;
  ordered_json out;
  out["format"] = format_tag(DocKind::machine);
  out["spad_machine"] = kMachineSchemaVersion;
  out["name"] = accel.name;
  if (!accel.description.empty()) out["description"] = accel.description;
  ordered_json levels = ordered_json::array();
  for (std::size_t l = 0; l < m.levels.size(); ++l) {
    const LevelPort& port = accel.ports.at(l);
    levels.push_back(
        {{"name", m.levels[l].name},
         {"capacity_bytes", m.levels[l].capacity_bytes ? ordered_json(*m.levels[l].capacity_bytes)
                                                       : ordered_json(nullptr)},
         {"double_buffer", m.double_buffer},
         {"halo_reuse", m.halo_reuse},
         {"bits_per_cycle", port.bits_per_cycle},
         {"dma_setup_cycles", port.dma_setup_cycles},
         {"pj_per_byte", pj(port.sram_fj_per_byte)},
         {"pj_per_byte_source", energy_source_name(port.sram_source)}});
  }
  out["levels"] = levels;
  out["precision_bytes"] = precision_json(m.precision);
  out["mac_array"] = mac_array_json(accel.mac_array);
  out["clock_mhz"] = accel.clock_mhz;
  out["energy"] = {{"mac_pj", pj(accel.mac_fj)},
                   {"offchip_pj_per_byte", pj(accel.offchip_fj_per_byte)}};
  out["energy_source"] = {{"mac_pj", energy_source_name(accel.mac_source)},
                          {"offchip_pj_per_byte", energy_source_name(accel.offchip_source)}};
  return out;
}

}  // namespace spad
