// The per-layer table of `spad optimize --model ... --csv`: a header line,
// then one line per layer in graph order. No totals row: every count column
// sums to the network's total (traffic_bytes over the layers that fit).
//
// Columns (counts in elements unless the name says bytes):
//   index name kind N C M H W R S stride_h stride_w dilation_h dilation_w
//   pad_top pad_left pad_bottom pad_right groups P Q macs
//   fits min_capacity_bytes
//   order_innermost_first (space-separated: "s r q p c m g n")
//   tile_n tile_g tile_m tile_c tile_p tile_q tile_r tile_s span_I span_W span_O
//   I_buffer_bytes I_reads I_fills I_bytes   (same for W, then O with O_writes
//   W_...                                      after O_reads)
//   buffer_bytes traffic_bytes compulsory_bytes
// A layer that does not fit has fits = false and empty schedule and traffic
// cells. fits is true/false; a name is quoted (RFC 4180) only if it holds a
// comma, a quote or a line break.
#pragma once

#include <string>
#include <vector>

#include "study/network_result.hpp"

namespace spad {

std::string network_result_to_csv(const NetworkResult& result);

// The same as cells (already quoted where needed): the header, then one row
// per layer. For CSV documents that add columns (io/csv/accel_result_csv).
std::vector<std::vector<std::string>> network_result_csv_rows(const NetworkResult& result);

}  // namespace spad
