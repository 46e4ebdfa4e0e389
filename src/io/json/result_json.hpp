// The Result JSON of DESIGN.md (evaluate, simulate, each layer of optimize):
//   {"schedule": {...canonical...},
//    "arrays": {"I": {"buffer_elems", "buffer_bytes", "reads", "writes", "fills",
//                     "read_bytes", "write_bytes"},
//               "W": {...same...},
//               "O": {"buffer_elems", "buffer_bytes", "reads", "writes", "final_writes",
//                     "fills", "read_bytes", "write_bytes"}},
//    "traffic_bytes", "buffer_bytes", "compulsory_bytes", "fits",
//    "total_fills",
//    "machine": {"precision": {"in","w","out","psum"}, "halo_reuse", "double_buffer",
//                "capacity_bytes" (null when unbounded)}}
// Counts are elements unless the key says bytes. Keys beyond DESIGN's list
// (read_bytes, write_bytes, total_fills, machine) are additions.
#pragma once

#include <nlohmann/json.hpp>

#include "model/machine.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"

namespace spad {

nlohmann::ordered_json result_to_json(const Schedule& s, const Traffic& t, const Machine& m);

// The "machine" member on its own (precision, options, capacity).
nlohmann::ordered_json machine_to_json(const Machine& m);

}  // namespace spad
