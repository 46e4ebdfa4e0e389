// What `spad optimize --layer` prints for people:
//
//   layer     res2a_branch2b: N=1 C=64 ... -> P=56 Q=56, 115,605,504 MACs
//   space     every loop order, tiles and one buffer span per array
//   schedule  {"order":[...],"tiles":{...},"buffer_span":{...}}   (spad evaluate accepts it)
//   short     m32 [W] c16 [I] p14 q14 [O]
//
//   loop nest, outermost first (a buffer holds what its fill marker encloses):
//   ...
//   <traffic table, traffic, compulsory and their ratio, buffers, machine>
//
//   search    112 loop structures, 5,310 evaluations (1,204 complete schedules), 0.04 s, 2 threads
//
// and the message for a capacity below anything the layer can run in.
#pragma once

#include <string>

#include "model/machine.hpp"
#include "search/level_search_space.hpp"
#include "search/optimize.hpp"
#include "workload/layer.hpp"

namespace spad {

// "every loop order, ..." / "buffers at one loop level (uniform spans)" /
// "loop order fixed to s,r,q,p,c,m,g,n (innermost first)", joined with "; ".
std::string format_search_space(const SearchSpace& space);

// The same for the level search (several on-chip levels): "every loop order
// and tiles at every level, one buffer span or bypass per array per level",
// or the fixed orders and spans per level, outermost first, joined by "; ".
std::string format_level_search_space(const LevelSearchSpace& space);

// The search statistics line's text (without the "search" label);
// `threads` as run (0: all hardware threads).
std::string format_search_stats(const SearchStats& stats, double seconds, int threads);

// `result.best` must be set. `width` (0: unlimited): tables wider than that are folded and long
// lines wrapped (report/text_table), nothing is cut.

std::string format_optimize_report(const Layer& layer, const Machine& machine,
                                   const SearchSpace& space, const SearchResult& result,
                                   double seconds, int threads, std::size_t width = 0);

// "layer 'conv1' does not fit: it needs at least 2368 bytes (2.31 KiB) of
// scratchpad; got 1024 bytes (1 KiB) (--buffer)", with what made it larger.
std::string format_infeasible(const Layer& layer, const Machine& machine, Count min_capacity_bytes);

}  // namespace spad
