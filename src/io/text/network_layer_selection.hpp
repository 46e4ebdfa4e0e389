// The --layers flag of `spad optimize --model`: which layers of a network to
// optimize.
//
// Grammar: comma-separated items, spaces around them ignored:
//   item := NAME            a layer's name (every layer of that name)
//         | INDEX           0-based position in graph order
//         | FIRST-LAST      an inclusive index range, FIRST <= LAST
// An item equal to a layer's name is that name, even if it looks like a
// number or a range. The selection is returned in graph order, each layer
// once, however often or in whatever order the items name it.
// An unknown name, an index out of range, a reversed range or an empty item
// is a UserError that lists the network's layers.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "io/zoo/network_file.hpp"

namespace spad {

// Indices into net.layers, ascending.
std::vector<std::size_t> select_layers(const Network& net, std::string_view spec);

}  // namespace spad
