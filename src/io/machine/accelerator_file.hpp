// Reading an accelerator "machine description" file (YAML, or JSON, which
// YAML reads as well). Strict and versioned: every key is known, given once,
// of the right type and unit; anything else is a UserError that starts with
// the file, gives the line when the parser knows it, and names the field path
// (e.g. "offchip.bits_per_cycle") and the offending value.
//
// Schema, version 1 (examples/machines/*.yaml are complete examples):
//
//   spad_machine: 1            # required; the schema version
//   name: hwc-like             # required; non-empty text
//   description: "free text"   # optional
//   scratchpad:                # required
//     capacity_bytes: 65536    #   required; integer >= 1 or a size "64KiB" (io/text/byte_size)
//     double_buffer: true      #   optional, default false; true or false only
//     halo_reuse: false        #   optional, default false; true or false only
//   precision_bytes:           # optional; bytes per element, each 1..16
//     input: 1                 #   default 1
//     weight: 1                #   default 1
//     output: 1                #   default 1
//     psum: 4                  #   default 4
//   mac_array:                 # required
//     unroll: {m: 16, q: 4}    #   required, non-empty; keys n g m c p q r s, values >= 1
//   clock_mhz: 100             # required; number > 0 (fractions allowed)
//   offchip:                   # required
//     bits_per_cycle: 64       #   required; integer >= 1
//     dma_setup_cycles: 20     #   required; integer >= 0
//   energy:                    # optional; each key optional, pJ, a whole number of fJ
//     mac_pj: 0.3              #   default default_mac_fj(precision) (8-bit operands only)
//     scratchpad_pj_per_byte: 2.5  # default default_scratchpad_fj_per_byte(capacity)
//     offchip_pj_per_byte: 162.5   # default kDefaultOffchipFjPerByte
//
// Integers must be exact (64.0 is 64; 3.5 is an error); a quoted number is a
// string, not a number; units never go in values (the unit is in the key or
// fixed by the schema), and a value written with one gets an error that says
// what to write instead.
#pragma once

#include <string>
#include <string_view>

#include "model/accelerator.hpp"

namespace spad {

inline constexpr int kMachineSchemaVersion = 1;

// Reads and validates the file at `path`; messages start with `path`.
Accelerator read_accelerator_file(const std::string& path);

// Parses and validates `text`; `source` (a file name) starts every message.
Accelerator parse_accelerator_text(std::string_view text, const std::string& source);

}  // namespace spad
