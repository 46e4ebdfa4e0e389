// spad.sweep over several on-chip levels: with one capacity set per level
// (`buffers` holding ';', or a list of sets), what `spad sweep --buffers
// "512KiB;16KiB..64KiB:x2" --json` does (cli/command_sweep's level sweep):
// the same checks in the same order (io/text/sweep_arguments,
// io/text/capacity_list), the level study (study/level_sweep), its document
// (io/json/level_sweep_json) as a dict.
#include "study/level_sweep.hpp"

#include <string>
#include <vector>

#include "io/json/level_sweep_json.hpp"
#include "io/text/buffer_levels.hpp"
#include "io/text/capacity_list.hpp"
#include "io/text/sweep_arguments.hpp"
#include "python/bindings.hpp"

namespace spad::python {

namespace {

// A machine argument as a machine of levels: a spad.Accelerator is one level
// (then refused by the level count, as the command refuses a one-level
// machine file).
LevelAccelerator sweep_level_accelerator(const py::handle& value) {
  if (py::isinstance<LevelAccelerator>(value)) return value.cast<const LevelAccelerator&>();
  return as_level_accelerator(value.cast<const Accelerator&>());
}

}  // namespace

py::object level_sweep_document(const std::vector<Network>& networks, const std::string& buffers,
                                const PyMachine& plain, const std::vector<py::handle>& accelerators,
                                const std::vector<std::string>& objectives,
                                const SweepLevelFlags& flags) {
  LevelSweepOptions options;
  options.capacities = parse_capacity_sets(buffers, "--buffers");
  const std::size_t levels = options.capacities.size();
  refuse_level_sweep_options(flags.baselines, !accelerators.empty(), flags.target_ratio,
                             flags.knee);
  check_sweep_machine_options(
      !accelerators.empty(),
      !plain.precision_text.empty() || plain.machine.halo_reuse || plain.machine.double_buffer,
      !objectives.empty());
  // A machine is named by its name where the command names its file.
  std::vector<std::string> labels;
  for (const py::handle a : accelerators) {
    options.accelerators.push_back(sweep_level_accelerator(a));
    const LevelAccelerator& accel = options.accelerators.back();
    check_sweep_level_count(buffers, levels, "the machine " + accel.name, accel);
    labels.push_back(accel.name);
    check_last_machine_distinct(options.accelerators, labels);
  }
  options.objectives = sweep_objectives(objectives);
  if (options.accelerators.empty()) {
    // Default level names (L2, L1, ...), the first point's capacities (the
    // sweep sets each point's), as the command builds them.
    std::vector<Count> first;
    for (const std::vector<Count>& set : options.capacities) first.push_back(set.front());
    options.machine =
        memory_levels_for(std::vector<std::string>(levels), first, buffers, plain.machine.precision,
                          plain.machine.halo_reuse, plain.machine.double_buffer);
  }
  options.baselines = flags.baselines;
  options.threads = flags.threads;
  LevelSweepResult result;
  {
    py::gil_scoped_release release;
    result = sweep_levels(networks, options);
  }
  return to_python(level_sweep_to_json(result, flags.per_layer));
}

}  // namespace spad::python
