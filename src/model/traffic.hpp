// The answer to "what does this schedule cost": per-array buffer sizes, element
// transfers and DMA fills, and totals in bytes. Produced identically by the
// analytical model (model/evaluate) and the tile-level simulator (sim/); the
// two must agree on every field, so it compares with ==.
#pragma once

#include "base/checked.hpp"
#include "base/dims.hpp"

namespace spad {

struct ArrayTraffic {
  Count buffer_elems = 0;  // largest footprint (x2 with double_buffer)
  Count buffer_bytes = 0;  // buffer_elems x element size (O: partial-sum size)
  Count reads = 0;         // elements loaded off-chip -> scratchpad
  Count writes = 0;        // elements stored scratchpad -> off-chip (O only)
  Count final_writes = 0;  // of the writes, final outputs (O only; = |O|)
  Count fills = 0;         // DMA fills of this buffer
  Count read_bytes = 0;
  Count write_bytes = 0;
  friend bool operator==(const ArrayTraffic&, const ArrayTraffic&) = default;
};

struct Traffic {
  PerTensor<ArrayTraffic> arrays;
  Count traffic_bytes = 0;     // sum of read and write bytes over the arrays
  Count buffer_bytes = 0;      // sum of the three buffers' bytes
  Count compulsory_bytes = 0;  // every used input, every weight, every output once
  bool fits = true;            // buffer_bytes <= capacity (true when unbounded)
  Count total_fills() const {
    return arrays[Tensor::I].fills + arrays[Tensor::W].fills + arrays[Tensor::O].fills;
  }
  friend bool operator==(const Traffic&, const Traffic&) = default;
};

}  // namespace spad
