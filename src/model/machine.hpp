// The machine side of a question: element sizes, scratchpad capacity and the
// hardware options that change what a fill loads or how much a buffer takes.
// These are properties of the accelerator, not choices of the search.
#pragma once

#include <optional>

#include "base/checked.hpp"
#include "workload/precision.hpp"

namespace spad {

struct Machine {
  Precision precision;
  // A rolling/line buffer for I keeps the rows/columns the next tile shares
  // with this one when the innermost I loop outside I's buffer steps along
  // p, q, r or s, and loads only the new ones.
  bool halo_reuse = false;
  // Every buffer is allocated twice so DMA overlaps compute (sizes x2).
  bool double_buffer = false;
  // Scratchpad capacity in bytes; nullopt = unbounded (fits is then true).
  std::optional<Count> capacity_bytes;
  friend bool operator==(const Machine&, const Machine&) = default;
};

// Throws UserError for a bad precision or a non-positive capacity.
void validate(const Machine& machine);

}  // namespace spad
