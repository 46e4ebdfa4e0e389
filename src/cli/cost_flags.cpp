// --layer / --schedule / machine flags / --json, shared by evaluate and simulate.
#include "cli/cost_flags.hpp"

#include "cli/network_run_flags.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/level_schedule_json.hpp"

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
  app.add_flag("--json", flags.json, "Print the result as one JSON document (and nothing else)");
  add_wide_flag(app, flags.wide);
}

std::variant<CostInputs, LevelCostInputs> load_cost_inputs(const CostFlags& flags) {
  Layer layer = load_layer(flags.layer);  // as optimize: messages start with the source
  const LevelSchedule levels = load_level_schedule_arg(flags.schedule);
  if (levels.levels.size() == 1 && buffer_level_count(flags.machine) <= 1) {
    const Schedule schedule = as_one_level(levels).value();
    validate(schedule, layer);
    Machine machine = machine_from_flags(flags.machine);
    return CostInputs{std::move(layer), schedule, machine};
  }
  validate(levels, layer);
  std::vector<std::string> names;
  for (const LevelLoops& level : levels.levels) names.push_back(level.name);
  MemoryLevels machine = memory_levels_from_flags(flags.machine, levels.levels.size(), names);
  return LevelCostInputs{std::move(layer), levels, std::move(machine)};
}

}  // namespace spad::cli
