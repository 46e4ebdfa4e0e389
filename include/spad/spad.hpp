// spad's public API: everything a program (or the Python module, python/)
// needs to ask spad's questions; the rest of src/ is internal.
//
//   values   <spad/values.hpp>   Layer, Schedule, Machine (+ Precision,
//                                Traffic, Accelerator, Network)
//   cost     <spad/cost.hpp>     evaluate (model), simulate (tile replay),
//                                execute (integers through the buffers),
//                                lower_bound, accel_cost
//   levels   <spad/levels.hpp>   several on-chip levels: LevelSchedule,
//                                MemoryLevels, evaluate_levels, simulate_levels,
//                                execute_levels, their readers and document
//   search   <spad/search.hpp>   optimize one layer (exact), min_buffer_schedule
//   studies  <spad/studies.hpp>  network-level questions: optimize a network,
//                                compare with the baselines, on an accelerator,
//                                several accelerators side by side, sweep
//   io       <spad/io.hpp>       readers (layer, schedule, machine file,
//                                network JSON, ONNX, zoo) and the JSON writers
//                                of every document the CLI prints
//   errors   <spad/error.hpp>    UserError (bad input), InternalError (a bug)
//
// Units: counts are elements (Count = int64_t) unless a name says bytes;
// capacities are bytes; cycles are integers; energies are integer
// femtojoules in values and pJ in JSON documents. Every function is pure and
// thread-safe (no globals, no environment variables). Bad input throws
// spad::UserError with the message the CLI prints after "spad: error: ";
// nothing exits or prints.
//
// A complete program (examples/api/api_example.cpp is a longer one):
//
//   #include <spad/spad.hpp>
//   #include <iostream>
//   int main() {
//     const spad::Layer layer = spad::load_layer("C=64,M=64,H=56,W=56,kernel=3,pad=1");
//     spad::Machine machine;
//     machine.capacity_bytes = 64 * 1024;
//     const spad::SearchResult r = spad::optimize(layer, machine, spad::SearchOptions{});
//     if (!r.best) return 1;  // nothing fits: r.min_capacity_bytes says what would
//     std::cout << spad::json_document_text(
//         spad::cost_result_document(layer, r.best->schedule, machine, r.best->traffic));
//   }
#pragma once

#include "spad/cost.hpp"
#include "spad/error.hpp"
#include "spad/io.hpp"
#include "spad/levels.hpp"
#include "spad/search.hpp"
#include "spad/studies.hpp"
#include "spad/values.hpp"
