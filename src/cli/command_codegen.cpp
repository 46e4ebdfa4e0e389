// `spad codegen`: the schedule of a layer (given with --schedule, or the
// optimum the search finds for --buffer) as a standalone C99 kernel with
// explicit DMA (codegen/generate_c). --model with --layers generates several
// layers: into one file, or one file per layer when -o names a directory.
// Without -o the C goes to stdout.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <set>

#include "base/error.hpp"
#include "base/output_sink.hpp"
#include "cli/command.hpp"
#include "cli/machine_flags.hpp"
#include "cli/result_output.hpp"
#include "cli/run_target.hpp"
#include "codegen/generate_c.hpp"
#include "io/json/schedule_json.hpp"
#include "search/optimize.hpp"

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

void write_file(const std::string& path, const std::string& text) {
  write_file_atomically(path, text, "kernel file");
}

int run_codegen(const CodegenFlags& flags) {
  const Machine machine = machine_from_flags(flags.machine);
  const RunTarget target =
      load_run_target("codegen", flags.layer, flags.model, flags.layers, flags.batch);
  if (flags.schedule && target.chosen.size() != 1)
    throw UserError("codegen: --schedule applies to one layer; select one with --layers");
  if (flags.name && target.chosen.size() != 1)
    throw UserError(
        "codegen: --name applies to one layer; several layers are named after "
        "themselves");

  std::vector<codegen::KernelRequest> requests;
  std::set<std::string> names;
  for (std::size_t i : target.chosen) {
    const Layer layer(target.net.layers[i].spec);
    std::string name = flags.name ? *flags.name : "conv";
    if (!flags.name && target.chosen.size() > 1) {
      const std::string base = codegen::kernel_name_from(layer.name());
      name = base;
      for (int k = 2; names.count(name) != 0; ++k) name = base + "_" + std::to_string(k);
    }
    names.insert(name);
    Schedule schedule = schedule_for(flags, layer, machine);
    validate(schedule, layer);
    requests.push_back({name, layer, schedule, machine});
  }

  const bool to_dir =
      flags.output && (std::filesystem::is_directory(*flags.output) || flags.output->back() == '/');
  if (to_dir) {
    std::filesystem::create_directories(*flags.output);
    for (const codegen::KernelRequest& r : requests) {
      const std::string path = (std::filesystem::path(*flags.output) / (r.name + ".c")).string();
      write_file(path, codegen::generate_c({r}));
      std::cerr << "spad: wrote " << path << '\n';
    }
    return 0;
  }
  const std::string text = codegen::generate_c(requests);
  if (!flags.output || *flags.output == "-") {
    result_out() << text;
    return 0;
  }
  write_file(*flags.output, text);
  return 0;
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
  sub->add_option("--batch", flags->batch, "With --model: batch size N of every layer")
      ->type_name("N")
      ->check(CLI::PositiveNumber)
      ->excludes(layer);
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
  sub->add_option("--threads", flags->threads, "Search threads (default 0: all)")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber);
  return {sub, [flags] { return run_codegen(*flags); }};
}

}  // namespace spad::cli
