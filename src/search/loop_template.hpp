// Loop structures without tiles: the part of a schedule (order and buffer
// spans) that the search enumerates before it chooses tiles.
//
// What a structure costs depends only on, for each array A, the set P_A of
// loops at or outside j*_A (the loops "outside A's buffer" that matter):
//   - A's buffer holds one tile of the A-loops in P_A and the whole range of
//     the other A-loops;
//   - A's reloads multiply by T_d for the loops in P_A that do not index A;
//   - fills_A = Π_{d in P_A} T_d; for I with halo_reuse, j*_I also matters.
// Two structures with the same (P_I, P_W, P_O, halo loop of I) cost the same
// for every tile vector; the enumeration keeps one of each such class.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>
#include <vector>

#include "base/dims.hpp"
#include "search/search_space.hpp"

namespace spad {

class Layer;
struct Machine;

// Bitmask over Dim.
using DimSet = std::uint8_t;
constexpr DimSet dim_bit(Dim d) { return static_cast<DimSet>(1u << index(d)); }
constexpr bool contains(DimSet s, Dim d) { return (s & dim_bit(d)) != 0; }

struct LoopTemplate {
  std::array<Dim, kNumDims> order{};  // innermost first
  PerTensor<int> spans;
  PerTensor<DimSet> outer;  // P_A when exactly the tiled loops have T > 1
  int halo_dim = -1;        // index of j*_I when halo reuse applies to it, else -1
  // Loops with T > 1 (all others take their whole extent). Among them, the
  // traffic loops change the traffic with their tile: loops in some P_A that
  // do not index A (reload factors) and p, q, r, s in P_I (input footprints).
  // Every other tiled loop only sets buffer extents (and fills).
  DimSet tiled = 0;
  DimSet traffic_loops = 0;
};

// The structures of `space` for a layer: every schedule of the space costs at
// least as much as some template of the list with the same tiles.
std::vector<LoopTemplate> enumerate_templates(const Layer& layer, const Machine& machine,
                                              const SearchSpace& space);

// The structures depend only on which loops have extent > 1, on halo reuse
// and on the space: layers of one network share a few lists. Thread-safe.
class TemplateCache {
 public:
  std::shared_ptr<const std::vector<LoopTemplate>> get(const Layer& layer, const Machine& machine,
                                                       const SearchSpace& space);

 private:
  std::mutex mutex_;
  std::map<std::tuple<DimSet, bool, bool, std::optional<std::array<Dim, kNumDims>>,
                      std::optional<std::array<int, kNumTensors>>>,
           std::shared_ptr<const std::vector<LoopTemplate>>>
      lists_;
};

}  // namespace spad
