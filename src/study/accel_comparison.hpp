// The answer of `spad accel --machine A --machine B [...]`: the same layers
// run on two or more accelerators, each exactly the one-machine accel result
// (study/accel_result), and the comparison between them per layer and in total.
// compare_accelerators computes it (study/accel_network per machine); io and
// report write it.
//
// Comparable machines: at least two, no file given twice, distinct names (a
// name labels a machine's columns and selects its schedule on read-back),
// and the same element sizes (a machine with other precisions moves other
// bytes for the same layer: that is another workload, not another machine).
//
// Time is compared in seconds (each machine has its own clock): latency A <
// latency B iff cycles_A x MHz_B < cycles_B x MHz_A, in exact 128-bit integer
// arithmetic when both clocks are whole MHz (otherwise in long double).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "schedule/schedule.hpp"
#include "study/accel_network.hpp"
#include "study/accel_result.hpp"
#include "study/study_progress.hpp"
#include "workload/network.hpp"

namespace spad {

struct AccelComparison {
  std::vector<AccelResult> machines;  // in the order given; machines[0] is the reference
};

// UserError naming the files and the values when the accelerators (read from
// `files`, same order) cannot be compared side by side (see above).
void check_comparable(const std::vector<Accelerator>& accels,
                      const std::vector<std::string>& files);

// The layers `selection` of `net` (study/accel_network) run on each of
// `accels`, in the order given: machines[i] is accel_network(net, selection,
// accels[i], options with `given[i]`). With two or more accelerators they are
// first checked comparable (check_comparable, `files` naming them in its
// messages); one accelerator is the one-machine result alone. `given`: empty
// (search every layer), or one schedule per accelerator (AccelRunOptions::given;
// options.given itself must be empty). `progress` sees each machine's stages
// in turn. Each accelerator is validated first (UserError "FILE: field = value:
// why", FILE from `files`).
AccelComparison compare_accelerators(const Network& net, const std::vector<std::size_t>& selection,
                                     const std::vector<Accelerator>& accels,
                                     const std::vector<std::string>& files,
                                     const AccelRunOptions& options,
                                     const std::vector<std::optional<Schedule>>& given = {},
                                     const StudyProgress& progress = {});

// Compares the latency of a on accelerator `x` with b on `y`: < 0, 0, > 0.
int compare_latency(Count a_cycles, const Accelerator& x, Count b_cycles, const Accelerator& y);

// The machine with the least objective on layer `layer` (ties: the
// objective's tie-breaks, then the earlier machine); nullopt when the layer
// fits no machine.
std::optional<std::size_t> best_machine(const AccelComparison& c, std::size_t layer);

// Whether every machine scheduled every layer, so that totals compare the
// same work.
bool totals_comparable(const AccelComparison& c);

// The machine with the least total objective (ties as best_machine); nullopt
// unless totals_comparable.
std::optional<std::size_t> best_total_machine(const AccelComparison& c);

}  // namespace spad
