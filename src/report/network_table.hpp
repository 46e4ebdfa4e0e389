// What `spad optimize --model` prints for people: one row per layer in graph
// order, then the network's totals.
//
//   layer           shape                          MACs  schedule (outermost first)  buffers I/W/O
//   ... conv1           3x224x224 -> 64x112x112, 7x7/2  ...  m32 [W] p8 [I O] q56      ...
//   ...
//   totals    21 layers, 1,814,073,344 MACs; traffic ... B, compulsory ... B: 1.23x
//   searched  12 unique layer shapes (a layer of an earlier layer's shape reuses its result)
//   machine   precision ..., capacity 64 KiB
//
// Columns: shape (report/network_layer_shape), MACs, the schedule in the
// one-line notation (report/short_schedule), the bytes of the I, W
// and O buffers, traffic bytes, compulsory bytes and their ratio. A layer that
// does not fit says so and names the capacity it needs.
#pragma once

#include <string>
#include <string_view>

#include "study/network_result.hpp"

namespace spad {

// `width` (0: unlimited): tables wider than that are folded and long lines
// wrapped (report/text_table), nothing is cut.
std::string format_network_table(const NetworkResult& result, std::size_t width = 0);

// For stderr when layers do not fit: "2 of 21 layers of resnet18 do not fit in
// 1 KiB: conv1 (needs at least 2368 bytes), fc (needs ...); give a larger --buffer".
// Empty when every layer fits. `fix` ends the message.
std::string format_infeasible_layers(const NetworkResult& result,
                                     std::string_view fix = "give a larger --buffer");

}  // namespace spad
