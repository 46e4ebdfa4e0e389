// `spad codegen`: the schedule of a layer (given with --schedule, or the
// optimum the search finds for --buffer) as a standalone C99 kernel with
// explicit DMA (codegen/generate_c); with several on-chip levels (--buffer
// OUTER,INNER[,...] or a schedule with "levels") a kernel of several levels
// (codegen/generate_level_c), its schedule given or the level search's. --model with --layers
// generates several layers: into one file, or one file per layer when -o names a directory. Without
// -o the C goes to stdout.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>

#include "base/error.hpp"
#include "base/output_sink.hpp"
#include "cli/command.hpp"
#include "cli/machine_flags.hpp"
#include "cli/number_flags.hpp"
#include "cli/result_output.hpp"
#include "cli/run_target.hpp"
#include "codegen/generate_c.hpp"
#include "codegen/generate_level_c.hpp"
#include "io/json/level_optimize_document.hpp"
#include "io/json/level_schedule_json.hpp"
#include "io/json/schedule_json.hpp"
#include "io/text/buffer_levels.hpp"
#include "io/text/network_precision.hpp"
#include "search/level_search.hpp"
#include "search/optimize.hpp"
#include "study/layer_machine.hpp"

namespace spad::cli {
namespace {

struct CodegenFlags {
  std::optional<std::string> layer, model, layers, schedule, name, output;
  std::optional<Count> batch;
  MachineFlags machine;
  int threads = 0;
};

// The schedule of one layer: the one given, or the search's optimum.
Schedule schedule_for(const CodegenFlags& flags, const Layer& layer, const Machine& machine) {
  if (flags.schedule) return load_schedule_arg(*flags.schedule);
  if (!machine.capacity_bytes)
    throw UserError(
        "codegen needs --schedule S.json, or --buffer SIZE to generate the optimal "
        "schedule");
  SearchOptions options;
  options.threads = flags.threads;
  const SearchResult result = optimize(layer, machine, options);
  if (!result.best)
    throw UserError("codegen: layer '" + layer.name() + "' does not fit in " +
                    std::to_string(*machine.capacity_bytes) +
                    " bytes with any schedule; the smallest capacity is " +
                    std::to_string(result.min_capacity_bytes) + " bytes");
  return result.best->schedule;
}

// The several-level schedule of one layer: the one given, or the level
// search's optimum on the machine of --buffer OUTER,INNER[,...].
LevelSchedule level_schedule_for(const CodegenFlags& flags,
                                 const std::optional<LevelSchedule>& given, const Layer& layer,
                                 const MemoryLevels& machine) {
  if (given) return *given;
  const LevelSearchResult result = optimize_levels(layer, machine, {.threads = flags.threads});
  if (!result.best) throw UserError("codegen: " + level_infeasible_message(layer, machine));
  return result.best->schedule;
}

void write_file(const std::string& path, const std::string& text) {
  write_file_atomically(path, text, "kernel file");
}

// The run's target with the checks of --schedule and --name, and the kernel
// name of each chosen layer.
struct CodegenTargets {
  RunTarget target;
  std::vector<std::string> names;  // parallel to target.chosen
};

CodegenTargets codegen_targets(const CodegenFlags& flags) {
  CodegenTargets t{load_run_target("codegen", flags.layer, flags.model, flags.layers, flags.batch),
                   {}};
  // A model's own sizes and each layer's, --precision keys on top, as every
  // study takes them (io/text/network_precision, study/layer_machine).
  apply_precision_text(t.target.net, flags.machine.precision);
  if (flags.schedule && t.target.chosen.size() != 1)
    throw UserError("codegen: --schedule applies to one layer; select one with --layers");
  if (flags.name && t.target.chosen.size() != 1)
    throw UserError(
        "codegen: --name applies to one layer; several layers are named after "
        "themselves");
  std::set<std::string> names;
  for (std::size_t i : t.target.chosen) {
    const Layer layer(t.target.net.layers[i].spec);
    std::string name = flags.name ? *flags.name : "conv";
    if (!flags.name && t.target.chosen.size() > 1) {
      const std::string base = codegen::kernel_name_from(layer.name());
      name = base;
      for (int k = 2; names.count(name) != 0; ++k) name = base + "_" + std::to_string(k);
    }
    names.insert(name);
    t.names.push_back(name);
  }
  return t;
}

// One file, one file per kernel in a directory, or stdout.
template <typename Request, typename Generate>
int write_kernels(const CodegenFlags& flags, const std::vector<Request>& requests,
                  Generate generate) {
  const bool to_dir =
      flags.output && (std::filesystem::is_directory(*flags.output) || flags.output->back() == '/');
  if (to_dir) {
    std::filesystem::create_directories(*flags.output);
    for (const Request& r : requests) {
      const std::string path = (std::filesystem::path(*flags.output) / (r.name + ".c")).string();
      write_file(path, generate({r}));
      std::cerr << "spad: wrote " << path << '\n';
    }
    return 0;
  }
  const std::string text = generate(requests);
  if (!flags.output || *flags.output == "-") {
    result_out() << text;
    return 0;
  }
  write_file(*flags.output, text);
  return 0;
}

// Several on-chip levels: --buffer OUTER,INNER[,...] and/or a schedule with
// several levels (codegen/generate_level_c).
int run_codegen_levels(const CodegenFlags& flags, const std::optional<LevelSchedule>& given) {
  const CodegenTargets t = codegen_targets(flags);
  std::vector<std::string> level_names;
  if (given) {
    for (const LevelLoops& level : given->levels) level_names.push_back(level.name);
    check_default_level_names(level_names, schedule_arg_source(*flags.schedule));
  }
  const std::size_t levels = given ? given->levels.size() : buffer_level_count(flags.machine);
  std::vector<codegen::LevelKernelRequest> requests;
  for (std::size_t k = 0; k < t.target.chosen.size(); ++k) {
    const NetworkLayer& entry = t.target.net.layers[t.target.chosen[k]];
    const Layer layer(entry.spec);
    if (given)  // before the capacities, as evaluate does
      validate_level_schedule_from(*given, layer, schedule_arg_source(*flags.schedule));
    MemoryLevels machine = memory_levels_from_flags(flags.machine, levels, level_names);
    if (t.target.net.precision) machine.precision = *t.target.net.precision;
    machine = layer_machine(machine, entry);
    requests.push_back(
        {t.names[k], layer, level_schedule_for(flags, given, layer, machine), machine});
  }
  return write_kernels(flags, requests, [](const std::vector<codegen::LevelKernelRequest>& r) {
    return codegen::generate_level_c(r);
  });
}

int run_codegen(const CodegenFlags& flags) {
  // A schedule of several levels, or several capacities, is a several-level
  // kernel. Anything else (a schedule that is no several-level schedule
  // included) takes the one-level path and its own messages, unchanged.
  std::optional<LevelSchedule> given;
  if (flags.schedule) {
    try {
      given = load_level_schedule_arg(*flags.schedule);
    } catch (const UserError&) {
      given.reset();
    }
  }
  if (buffer_level_count(flags.machine) > 1 || (given && given->levels.size() > 1)) {
    if (flags.schedule && !given) given = load_level_schedule_arg(*flags.schedule);  // its message
    return run_codegen_levels(flags, given);
  }

  const CodegenTargets t = codegen_targets(flags);
  const Machine network_machine =
      machine_for_network(machine_from_flags(flags.machine), t.target.net, flags.machine.precision);
  std::vector<codegen::KernelRequest> requests;
  for (std::size_t k = 0; k < t.target.chosen.size(); ++k) {
    const NetworkLayer& entry = t.target.net.layers[t.target.chosen[k]];
    const Layer layer(entry.spec);
    const Machine machine = layer_machine(network_machine, entry);
    Schedule schedule = schedule_for(flags, layer, machine);
    if (flags.schedule)
      validate_schedule_from(schedule, layer, schedule_arg_source(*flags.schedule));
    else
      validate(schedule, layer);
    requests.push_back({t.names[k], layer, schedule, machine});
  }
  return write_kernels(flags, requests, [](const std::vector<codegen::KernelRequest>& r) {
    return codegen::generate_c(r);
  });
}

}  // namespace

Command add_codegen_command(CLI::App& app) {
  auto flags = std::make_shared<CodegenFlags>();
  CLI::App* sub = app.add_subcommand(
      "codegen", "Generate a standalone C99 kernel with explicit DMA for a layer's schedule");
  auto* layer = sub->add_option("--layer", flags->layer,
                                "One layer: a JSON file, JSON text, or inline "
                                "C=64,M=64,H=56,W=56,R=3,S=3[,stride=2,pad=1,groups=1,N=1]")
                    ->type_name("LAYER");
  auto* model = sub->add_option("--model", flags->model,
                                "A network (built-in name, FILE.json or FILE.onnx): one kernel "
                                "per selected layer")
                    ->type_name("NAME|FILE");
  layer->excludes(model);
  sub->add_option("--layers", flags->layers, "With --model: these layers, e.g. 0-3,7,conv1")
      ->type_name("SPEC")
      ->excludes(layer);
  add_batch_option(*sub, flags->batch, kBatchHelp)->excludes(layer);
  sub->add_option("--schedule", flags->schedule,
                  "The schedule (JSON file or text, as optimize --json prints it); without it "
                  "the optimal schedule for --buffer is generated")
      ->type_name("SCHEDULE");
  add_machine_flags(*sub, flags->machine);
  sub->add_option("--name", flags->name, "C name of the kernel function (default conv)")
      ->type_name("IDENT");
  sub->add_option("-o,--output", flags->output,
                  "Output file (default stdout); a directory (existing, or ending in '/') gets "
                  "one NAME.c per layer")
      ->type_name("PATH");
  add_threads_option(*sub, flags->threads, "Search threads (default 0: all)");
  return {sub, [flags] { return run_codegen(*flags); }};
}

}  // namespace spad::cli
