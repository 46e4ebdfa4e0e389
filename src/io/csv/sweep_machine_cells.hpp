// The machine columns of a sweep CSV on machine files, one level or several:
// machine, objective, latency_cycles, energy_fj (empty where the layer or
// network does not fit).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "io/csv/csv_cell.hpp"
#include "search/objective.hpp"

namespace spad {

inline constexpr std::array<const char*, 4> kSweepMachineColumns = {"machine", "objective",
                                                                    "latency_cycles", "energy_fj"};

// `machine` is a SweepMachine or LevelSweepMachine with an accelerator.
template <class SweepMachineT>
void append_machine_cells(std::vector<std::string>& cells, const SweepMachineT& machine,
                          std::optional<Count> latency, std::optional<Count> energy) {
  cells.push_back(csv_cell(machine.accelerator->name));
  cells.push_back(std::string(objective_name(machine.objective)));
  cells.push_back(count_cell(latency));
  cells.push_back(count_cell(energy));
}

}  // namespace spad
