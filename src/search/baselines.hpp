// Baselines in spad's own schedule space, costed by the same model: three
// fixed dataflows (best tiles for a fixed loop order and fixed buffer spans,
// found exactly by `optimize`), an HWCE-like streaming engine (one concrete
// schedule), and the cache-style working-set model (all buffers at one loop
// level). docs/dataflows.md explains the choices.
//
// Loop nests, outermost at the top; "[X]" marks where X's buffer is filled.
// Orders are listed innermost first, as everywhere in spad.
//
//   weight-stationary   order s..: [q p n s r c m g], spans I=0 W=3 O=0
//     for g, m, c, r, s          [W]   the W tile stays while every n, p, q
//      for n, p, q               [I][O] tile of it streams past: W is read once,
//        compute tile                   I is read T_m times, partial sums
//                                       move T_c*T_r*T_s times
//   output-stationary   order: [s r c q p n m g], spans I=0 W=0 O=3
//     for g, m, n, p, q          [O]   the O tile stays while the whole
//      for c, r, s               [I][W] reduction streams past: O is written
//        compute tile                   once, never read; W is read T_n*T_p*T_q
//                                       times, I T_m times
//   input-stationary    order: [m s r q p c n g], spans I=1 W=0 O=0
//     for g, n, c, p, q, r, s    [I]   the I tile stays while every output
//      for m                     [W][O] channel tile streams past: I is read
//        compute tile                   once (plus halos between tiles), W
//                                       T_n*T_p*T_q times, partial sums
//                                       T_c*T_r*T_s times
//   HWCE-like, V maps per pass: order [s r p q c m g n], spans I=0 W=4 O=0,
//     tiles n=1 g=1 m=V c=1 p=1 q=stripe r=R s=S, machine.halo_reuse = true
//     for n, g, m (V maps), c    [W]   V x 1 x R x S weights of the pass
//      for q (32-wide stripes)
//       for p (output rows)      [I]   line buffer: R rows x stripe; each new
//        compute V rows                 row loads only its new input rows
//                                [O]   V partial-sum rows, read (not for the
//                                       first channel) and written per channel
//
// Every function returns std::nullopt when nothing of the baseline fits the
// capacity (machine.capacity_bytes).
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string_view>

#include "model/machine.hpp"
#include "search/candidate.hpp"
#include "search/loop_template.hpp"
#include "search/optimize.hpp"
#include "search/search_space.hpp"
#include "workload/layer.hpp"

namespace spad {

// The searches behind a baseline take the one SearchOptions of
// search/optimize (threads, loop-structure cache, objective, ...); its
// `space` is not read: the baseline's own space replaces it.

// The baselines, one enum for every study that sets them beside the optimum:
// the three fixed dataflows, the HWCE-like engine with V = 1, 2, 4 output maps
// per pass, and the working-set model. `compare` and `sweep --baselines` use
// all seven (kAllBaselines); `accel` the first six (kAccelBaselines: the
// working-set model is not costed on an accelerator).
enum class Baseline {
  weight_stationary,
  output_stationary,
  input_stationary,
  hwce_v1,
  hwce_v2,
  hwce_v4,
  working_set
};

inline constexpr std::size_t kNumBaselines = 7;
inline constexpr std::array<Baseline, kNumBaselines> kAllBaselines = {
    Baseline::weight_stationary, Baseline::output_stationary, Baseline::input_stationary,
    Baseline::hwce_v1,           Baseline::hwce_v2,           Baseline::hwce_v4,
    Baseline::working_set};
// The fixed dataflows (the baselines dataflow_space accepts).
inline constexpr std::array<Baseline, 3> kFixedDataflows = {
    Baseline::weight_stationary, Baseline::output_stationary, Baseline::input_stationary};
// The baselines `accel` costs: every one but the working-set model.
inline constexpr std::array<Baseline, 6> kAccelBaselines = {
    Baseline::weight_stationary, Baseline::output_stationary, Baseline::input_stationary,
    Baseline::hwce_v1,           Baseline::hwce_v2,           Baseline::hwce_v4};

// "weight_stationary", ..., "hwce_v1", ..., "working_set" (the JSON keys and
// CSV column prefixes).
std::string_view baseline_name(Baseline baseline);

// Output maps per pass of an HWCE baseline (1, 2, 4); 0 for the others.
Count hwce_maps_per_pass(Baseline baseline);

// The dataflow as a search space: fixed order and fixed spans, free tiles.
// InternalError for a baseline that is not one of kFixedDataflows.
SearchSpace dataflow_space(Baseline dataflow);

// The best schedule of the dataflow (exact: optimize over its tiles).
std::optional<Candidate> dataflow_optimum(const Layer& layer, const Machine& machine,
                                          Baseline dataflow, const SearchOptions& options = {});

// Input columns one HWCE stripe holds.
inline constexpr Count kHwceStripeWidth = 32;

// The HWCE-like schedule with V output maps per pass (V >= 1, clamped to
// M/G; UserError otherwise), or nullopt when the kernel's width extent
// dilation*(S-1)+1 exceeds the stripe width (the engine cannot run it).
std::optional<Schedule> hwce_schedule(const Layer& layer, Count maps_per_pass);

// `machine` with the HWCE's line buffer: halo_reuse = true.
Machine hwce_machine(const Machine& machine);

// The machine a baseline is costed on: the HWCE ones on hwce_machine(machine)
// (halo reuse on: the engine's line buffer), the others on `machine`.
Machine baseline_machine(Baseline baseline, const Machine& machine);

// hwce_schedule evaluated on hwce_machine(machine); nullopt when it does not
// exist or does not fit.
std::optional<Candidate> hwce_baseline(const Layer& layer, const Machine& machine,
                                       Count maps_per_pass);

// The best schedule of any space at machine.capacity_bytes ("the traffic a
// space reaches at a capacity").
std::optional<Candidate> space_optimum(const Layer& layer, const Machine& machine,
                                       const SearchSpace& space, const SearchOptions& options = {});

// The working-set model: the search with all three buffers at one loop level.
std::optional<Candidate> working_set_optimum(const Layer& layer, const Machine& machine,
                                             const SearchOptions& options = {});

// The smallest capacity (bytes) at which the best schedule of `space` moves
// at most traffic_target bytes; nullopt when no capacity reaches it (the
// target is below the compulsory traffic). machine.capacity_bytes is ignored;
// options.objective must be traffic (InternalError otherwise).
std::optional<Count> smallest_capacity_for_traffic(const Layer& layer, const Machine& machine,
                                                   Count traffic_target, const SearchSpace& space,
                                                   const SearchOptions& options = {});

}  // namespace spad
