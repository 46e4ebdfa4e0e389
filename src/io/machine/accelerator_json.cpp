// The machine description as JSON (see accelerator_json.hpp).
#include "io/machine/accelerator_json.hpp"

#include "io/json/document_format.hpp"
#include "io/machine/accelerator_file.hpp"

namespace spad {
namespace {

// Integer femtojoules as picojoules; exact for the three decimals a file can give.
double pj(Count fj) { return static_cast<double>(fj) / 1000.0; }

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

  out["precision_bytes"] = {{"input", m.precision.input},
                            {"weight", m.precision.weight},
                            {"output", m.precision.output},
                            {"psum", m.precision.psum}};

  ordered_json unroll = ordered_json::object();
  for (Dim d : kAllDims)
    if (accel.mac_array.unroll[d] != 1)
      unroll[std::string(dim_name(d))] = accel.mac_array.unroll[d];
  if (unroll.empty())
    for (Dim d : kAllDims) unroll[std::string(dim_name(d))] = accel.mac_array.unroll[d];
  out["mac_array"] = {{"unroll", unroll}, {"macs_per_cycle", accel.mac_array.macs_per_cycle()}};

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

}  // namespace spad
