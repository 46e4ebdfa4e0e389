// The arguments of the commands that cost one schedule of one layer
// (evaluate, simulate): --layer, --schedule (one level or several), the
// machine flags and --json, and their conversion into validated values.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <variant>

#include "cli/machine_flags.hpp"
#include "model/machine.hpp"
#include "model/memory_levels.hpp"
#include "schedule/level_schedule.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"
#include "workload/network.hpp"

namespace spad::cli {

struct CostFlags {
  std::string layer;
  std::string schedule;
  MachineFlags machine;
  std::optional<std::string> machine_file;  // --machine: levels, capacities, options
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
  NetworkLayer stated{};  // what --layer states besides the shape (kind, own precision)
};

// The same for a schedule of several on-chip levels.
struct LevelCostInputs {
  Layer layer;
  LevelSchedule schedule;
  MemoryLevels machine;
  NetworkLayer stated{};  // what --layer states besides the shape (kind, own precision)
};

// Loads and validates (UserError naming the flag, file or field): the
// one-level inputs when the schedule has one level and --buffer at most one
// capacity, else the several-level ones (the schedule's level count and
// --buffer's must then agree). With --machine the machine file gives the
// levels (names, capacities), precisions, halo reuse and double buffering
// instead of the machine flags (which must then be left out); its level
// count must be the schedule's.
std::variant<CostInputs, LevelCostInputs> load_cost_inputs(const CostFlags& flags);

}  // namespace spad::cli
