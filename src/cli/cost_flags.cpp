// --layer / --schedule / machine flags / --json, shared by evaluate and simulate.
#include "cli/cost_flags.hpp"

#include <string>

#include "base/error.hpp"
#include "cli/network_run_flags.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/level_schedule_json.hpp"
#include "io/json/schedule_json.hpp"
#include "io/machine/accelerator_file.hpp"
#include "io/text/buffer_levels.hpp"
#include "io/text/network_precision.hpp"

namespace spad::cli {

void add_cost_flags(CLI::App& app, CostFlags& flags) {
  app.add_option("--layer", flags.layer,
                 "The layer: a JSON file, JSON text, or inline "
                 "C=64,M=64,H=56,W=56,R=3,S=3[,stride=2,pad=1,groups=1,N=1,name=x]")
      ->type_name("LAYER")
      ->required();
  app.add_option("--schedule", flags.schedule,
                 "The schedule: a JSON file or JSON text, canonical form "
                 "{\"order\":[...innermost first],\"tiles\":{...},\"buffer_span\":{...}}, "
                 "or several on-chip levels {\"levels\":[{\"name\":\"L2\",\"order\":...,"
                 "\"tiles\":...,\"buffer_span\":{... null = bypass}}, ...]} outermost first "
                 "(a result printed by --json is accepted too)")
      ->type_name("SCHEDULE")
      ->required();
  add_machine_flags(app, flags.machine);
  app.add_option("--machine", flags.machine_file,
                 "A machine file (YAML/JSON, as `spad accel`; with levels: for several levels): "
                 "its capacities, level names, precisions, halo reuse and double buffering "
                 "replace --buffer, --precision, --halo-reuse and --double-buffer")
      ->type_name("FILE");
  app.add_flag("--json", flags.json, "Print the result as one JSON document (and nothing else)");
  add_wide_flag(app, flags.wide);
}

namespace {

// The inputs with the machine of a machine file.
std::variant<CostInputs, LevelCostInputs> inputs_from_machine_file(const CostFlags& flags,
                                                                   Layer layer,
                                                                   const LevelSchedule& levels) {
  const MachineFlags& m = flags.machine;
  if (m.buffer || !m.precision.empty() || m.halo_reuse || m.double_buffer)
    throw UserError(
        "--machine: the machine file sets the capacities, precisions, halo reuse and double "
        "buffering; leave out --buffer, --precision, --halo-reuse and --double-buffer");
  const LevelAccelerator accel = read_level_accelerator_file(*flags.machine_file);
  const MemoryLevels& machine = accel.memory;
  if (machine.levels.size() != levels.levels.size())
    throw UserError(
        *flags.machine_file + ": the machine has " + std::to_string(machine.levels.size()) +
        " on-chip level(s) but the schedule has " + std::to_string(levels.levels.size()) +
        "; give a schedule of one loop group per machine level, outermost first");
  if (levels.levels.size() == 1) {
    const Schedule schedule = as_one_level(levels).value();
    validate_schedule_from(schedule, layer, schedule_arg_source(flags.schedule));
    return CostInputs{std::move(layer), schedule, level_machine(machine, 0)};
  }
  validate_level_schedule_from(levels, layer, schedule_arg_source(flags.schedule));
  return LevelCostInputs{std::move(layer), levels, machine};
}

// The inputs at the flags' (or the machine file's) sizes.
std::variant<CostInputs, LevelCostInputs> inputs_at_flag_sizes(const CostFlags& flags,
                                                               Layer layer) {
  const LevelSchedule levels = load_level_schedule_arg(flags.schedule);
  if (flags.machine_file) return inputs_from_machine_file(flags, std::move(layer), levels);
  if (levels.levels.size() == 1 && buffer_level_count(flags.machine) <= 1) {
    const Schedule schedule = as_one_level(levels).value();
    validate_schedule_from(schedule, layer, schedule_arg_source(flags.schedule));
    Machine machine = machine_from_flags(flags.machine);
    return CostInputs{std::move(layer), schedule, machine};
  }
  validate_level_schedule_from(levels, layer, schedule_arg_source(flags.schedule));
  std::vector<std::string> names;
  for (const LevelLoops& level : levels.levels) names.push_back(level.name);
  check_default_level_names(names, schedule_arg_source(flags.schedule));
  MemoryLevels machine = memory_levels_from_flags(flags.machine, levels.levels.size(), names);
  return LevelCostInputs{std::move(layer), levels, std::move(machine)};
}

}  // namespace

std::variant<CostInputs, LevelCostInputs> load_cost_inputs(const CostFlags& flags) {
  // A network document's layer entry keeps its kind and own sizes
  // (io/text/network_precision's layer_arg_precision; with a machine file,
  // whose sizes are the hardware's, only the kind's rule).
  const NetworkLayer entry = load_network_layer(flags.layer);
  std::variant<CostInputs, LevelCostInputs> in = inputs_at_flag_sizes(flags, Layer(entry.spec));
  const auto sized = [&](const Precision& p) {
    return flags.machine_file ? layer_precision(p, entry.kind)
                              : layer_arg_precision(entry, p, flags.machine.precision);
  };
  if (auto* one = std::get_if<CostInputs>(&in)) {
    one->machine.precision = sized(one->machine.precision);
    one->stated = entry;
  } else {
    LevelCostInputs& levels = std::get<LevelCostInputs>(in);
    levels.machine.precision = sized(levels.machine.precision);
    levels.stated = entry;
  }
  return in;
}

}  // namespace spad::cli
