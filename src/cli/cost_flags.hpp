// The arguments of the commands that cost one schedule of one layer
// (evaluate, simulate): --layer, --schedule, the machine flags and --json,
// and their conversion into validated values.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "cli/machine_flags.hpp"
#include "model/machine.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad::cli {

struct CostFlags {
  std::string layer;
  std::string schedule;
  MachineFlags machine;
  bool json = false;
  bool wide = false;  // tables at full width (cli/output_width)
};

void add_cost_flags(CLI::App& app, CostFlags& flags);

// A layer, a schedule valid for it, and a machine: the three values a cost is
// a function of.
struct CostInputs {
  Layer layer;
  Schedule schedule;
  Machine machine;
};

// Loads and validates (UserError naming the flag, file or field).
CostInputs load_cost_inputs(const CostFlags& flags);

}  // namespace spad::cli
