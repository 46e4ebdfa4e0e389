// The keys of the machine file schema (io/machine/accelerator_file.hpp), per
// section, and the hint for a key written in the wrong section.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>

namespace spad::machine_file {

inline constexpr std::array<std::string_view, 12> kTopKeys = {
    "spad_machine", "name",      "description", "scratchpad", "levels",        "precision_bytes",
    "mac_array",    "clock_mhz", "offchip",     "energy",     "energy_source", "format"};
inline constexpr std::array<std::string_view, 3> kScratchpadKeys = {"capacity_bytes",
                                                                    "double_buffer", "halo_reuse"};
inline constexpr std::array<std::string_view, 4> kPrecisionKeys = {"input", "weight", "output",
                                                                   "psum"};
inline constexpr std::array<std::string_view, 2> kMacArrayKeys = {"unroll", "macs_per_cycle"};
inline constexpr std::array<std::string_view, 3> kOffchipKeys = {"bits_per_cycle", "bytes_per_s",
                                                                 "dma_setup_cycles"};
inline constexpr std::array<std::string_view, 3> kEnergyKeys = {"mac_pj", "scratchpad_pj_per_byte",
                                                                "offchip_pj_per_byte"};
inline constexpr std::array<std::string_view, 9> kLevelKeys = {
    "name",        "capacity_bytes",   "double_buffer", "halo_reuse",        "bits_per_cycle",
    "bytes_per_s", "dma_setup_cycles", "pj_per_byte",   "pj_per_byte_source"};

// The machine file's max nesting of mappings (top -> mac_array -> unroll).
inline constexpr int kSchemaDepth = 3;

// The hint for an unknown key of `section` ("" for the top level):
// "; "bits_per_cycle" belongs under "offchip:"" when it is a key of another
// section, else "".
std::function<std::string(std::string_view)> belongs_elsewhere(std::string_view section);

}  // namespace spad::machine_file
