// The machines a sweep (one level or several) runs on: with no machine file,
// one entry without an accelerator (the traffic question alone); else every
// accelerator under every objective, accelerator-major, the objective being
// traffic when none is given.
#pragma once

#include <vector>

#include "search/objective.hpp"

namespace spad {

// `Machine` is SweepMachine or LevelSweepMachine: {accelerator, objective}.
template <class Machine, class Accelerator>
std::vector<Machine> sweep_machines(const std::vector<Accelerator>& accelerators,
                                    const std::vector<Objective>& objectives) {
  if (accelerators.empty()) return {Machine{}};
  const std::vector<Objective> chosen =
      objectives.empty() ? std::vector<Objective>{Objective::traffic} : objectives;
  std::vector<Machine> machines;
  for (const Accelerator& a : accelerators)
    for (Objective o : chosen) machines.push_back(Machine{a, o});
  return machines;
}

}  // namespace spad
