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
//   scratchpad:                # required unless levels: is given (not both)
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
//   offchip:                   # required unless levels: is given (not both)
//     bits_per_cycle: 64       #   required; integer >= 1 (or bytes_per_s: 1.6GB/s)
//     dma_setup_cycles: 20     #   required; integer >= 0
//   energy:                    # optional; each key optional, pJ, a whole number of fJ
//     mac_pj: 0.3              #   default default_mac_fj(precision) (8-bit operands only)
//     scratchpad_pj_per_byte: 2.5  # default default_scratchpad_fj_per_byte(capacity);
//                                  #   not with levels: (each level has pj_per_byte)
//     offchip_pj_per_byte: 162.5   # default kDefaultOffchipFjPerByte
//
// Several on-chip levels replace scratchpad: and offchip: by a list,
// outermost first (1 .. kMaxMemoryLevels entries); each entry describes the
// level and the boundary above it (from the previous level, or off-chip):
//
//   levels:
//     - name: L2               # required; printable text, distinct
//       capacity_bytes: 512KiB #   required; as scratchpad.capacity_bytes
//       double_buffer: true    #   optional, default false; the same at every level
//       halo_reuse: false      #   optional, default false; the same at every level
//       bits_per_cycle: 64     #   required (or bytes_per_s); the boundary above
//       dma_setup_cycles: 20   #   required; per DMA transfer across that boundary
//       pj_per_byte: 12.5      #   optional; default default_scratchpad_fj_per_byte(capacity)
//
// A levels list of one entry is the one-level machine.
//
// Integers must be exact (64.0 is 64; 3.5 is an error); a quoted number is a
// string, not a number; units never go in values (the unit is in the key or
// fixed by the schema), and a value written with one gets an error that says
// what to write instead.
#pragma once

#include <string>
#include <string_view>

#include "model/accelerator.hpp"
#include "model/level_accelerator.hpp"

namespace spad {

inline constexpr int kMachineSchemaVersion = 1;

// Reads and validates the file at `path`; messages start with `path`. A
// levels list of one level is that one-level accelerator; several levels are
// a UserError naming the file, the line and the levels (the commands that
// read this search or cost one scratchpad).
Accelerator read_accelerator_file(const std::string& path);

// Parses and validates `text`; `source` (a file name) starts every message.
Accelerator parse_accelerator_text(std::string_view text, const std::string& source);

// The same for every machine file, one level or several: a file with
// scratchpad: and offchip: is one level named "scratchpad"
// (as_level_accelerator).
LevelAccelerator read_level_accelerator_file(const std::string& path);
LevelAccelerator parse_level_accelerator_text(std::string_view text, const std::string& source);

}  // namespace spad
