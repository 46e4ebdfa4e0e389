// `spad sweep`: the exact optimum of every conv and fc layer of one or more
// networks at every capacity of a list (study/sweep), the network totals
// beside the compulsory traffic and the lower bound, optionally the
// baselines, per-layer traffic, the smallest capacity reaching a target
// ratio and the knee; printed as tables (report/sweep_table), JSON
// (io/json/sweep_json) or CSV (io/csv/sweep_csv). With one capacity set per
// on-chip level (`--buffers "512KiB;16KiB..64KiB"`, or a machine file with
// `levels:`) the sweep over several levels (study/level_sweep, written by
// io/json/level_sweep_json, io/csv/level_sweep_csv, report/level_sweep_table).
// This file only parses flags.
#include <memory>

#include "base/error.hpp"
#include "cli/command.hpp"
#include "cli/machine_flags.hpp"
#include "cli/network_run_flags.hpp"
#include "cli/number_flags.hpp"
#include "cli/output_width.hpp"
#include "cli/progress.hpp"
#include "cli/result_output.hpp"
#include "io/common/network_source.hpp"
#include "io/csv/level_sweep_csv.hpp"
#include "io/csv/sweep_csv.hpp"
#include "io/json/level_sweep_json.hpp"
#include "io/json/sweep_json.hpp"
#include "io/machine/accelerator_file.hpp"
#include "io/text/buffer_levels.hpp"
#include "io/text/capacity_list.hpp"
#include "io/text/network_precision.hpp"
#include "io/text/precision_text.hpp"
#include "io/text/sweep_arguments.hpp"
#include "report/level_sweep_table.hpp"
#include "report/sweep_table.hpp"
#include "study/level_sweep.hpp"
#include "study/sweep.hpp"

namespace spad::cli {
namespace {

constexpr const char* kFooter = R"(
Examples:
  spad sweep --model resnet50 --buffers 1KiB..4MiB:x2
  spad sweep --model mobilenet_v2,resnet18 --buffers 4KiB,16KiB,1MiB --baselines --csv
  spad sweep --model mobilenet_v2 --buffers 1KiB..1MiB --target-ratio 1.2 --knee 0.1
  spad sweep --model data/zoo/alexnet.json --buffers 1KiB..8KiB:+1KiB --per-layer --json
  spad sweep --model resnet18 --buffers 16KiB..1MiB:x4 --machine examples/machines/edge-npu.yaml \
             --objective traffic,latency
  spad sweep --model examples/levels/tiny_net.json --buffers "16B,32B;8B..32B:x2"
  spad sweep --model examples/levels/tiny_net.json --buffers "64B;8B..32B" \
             --machine examples/machines/gap-like.yaml --objective latency --per-layer --json

--buffers: sizes, lists and ranges; a range lo..hi:xF multiplies by F (>= 2),
lo..hi:+S adds S, up to and including hi when the step lands on it (no step:
x2); at most 1024 capacities. Every point is exact: the optimum at each
capacity is what `spad optimize --buffer` gives there (docs/sweep.md).

Several on-chip levels: one set per level, ';' between levels, outermost
first ("512KiB;16KiB..64KiB:x2"; quote it for the shell). The rows are every
combination (the outermost level varying slowest, at most 1024), each the
level search's optimum (`spad optimize --buffer OUTER,INNER`) with the traffic,
compulsory traffic and lower bound of every boundary. A machine file with
`levels:` takes one set per level. The level search handles small layers only
(a larger one is refused, naming it). --baselines adds at every point the
baselines `spad compare --buffer OUTER,INNER` gives (the fixed dataflows at
every level, the working-set model), per boundary (not with --machine);
--target-ratio and --knee have no several-level form yet and are refused.)";

struct SweepFlags {
  std::string models;
  std::string buffers;
  MachineFlags machine;
  std::vector<std::string> machine_files;
  std::vector<std::string> objectives;
  std::optional<Count> batch;
  bool baselines = false;
  bool per_layer = false;
  std::optional<std::string> target_ratio;
  std::optional<std::string> knee;
  int threads = 0;
  bool json = false;
  bool csv = false;
  bool quiet = false;
  bool wide = false;
};

void print_progress_and_result(const SweepFlags& flags, LevelSweepOptions& options,
                               const std::vector<Network>& networks) {
  std::unique_ptr<Progress> line;
  if (Progress::wanted(flags.quiet))
    options.progress = [&line](std::int64_t done, std::int64_t total) {
      if (!line) line = std::make_unique<Progress>("sweep", "points", total, true);
      line->set_done(done);
    };
  const LevelSweepResult result = sweep_levels(networks, options);
  if (line) line->finish();
  if (flags.json) {
    write_json_result(level_sweep_to_json(result, flags.per_layer));
  } else if (flags.csv) {
    result_out() << level_sweep_to_csv(result, flags.per_layer);
  } else {
    result_out() << format_level_sweep_table(result, flags.per_layer, output_width(flags.wide));
  }
}

// The sweep over several on-chip levels: one capacity set per level.
int run_level_sweep(const SweepFlags& flags, const std::vector<Network>& networks) {
  LevelSweepOptions options;
  options.capacities = parse_capacity_sets(flags.buffers, "--buffers");
  const std::size_t levels = options.capacities.size();
  refuse_level_sweep_options(flags.baselines, !flags.machine_files.empty(),
                             flags.target_ratio.has_value(), flags.knee.has_value());
  check_sweep_machine_options(
      !flags.machine_files.empty(),
      !flags.machine.precision.empty() || flags.machine.halo_reuse || flags.machine.double_buffer,
      !flags.objectives.empty());
  for (const std::string& f : flags.machine_files) {
    options.accelerators.push_back(read_level_accelerator_file(f));
    check_sweep_level_count(flags.buffers, levels, "the machine file " + f,
                            options.accelerators.back());
    check_last_machine_distinct(options.accelerators, flags.machine_files);
  }
  options.objectives = sweep_objectives(flags.objectives);
  if (options.accelerators.empty()) {
    // Default level names (L2, L1, ...), the first point's capacities (the
    // sweep sets each point's).
    std::vector<Count> first;
    for (const std::vector<Count>& set : options.capacities) first.push_back(set.front());
    options.machine = memory_levels_for(std::vector<std::string>(levels), first, flags.buffers,
                                        parse_precision(flags.machine.precision),
                                        flags.machine.halo_reuse, flags.machine.double_buffer);
  }
  options.baselines = flags.baselines;
  options.threads = flags.threads;
  print_progress_and_result(flags, options, networks);
  return 0;
}

// The CSV (io/csv/sweep_csv) has rows only: --target-ratio and --knee
// answers would be dropped, so they are refused with --csv, saying where they
// are printed. (Over several levels they are refused anyway.)
void refuse_answers_with_csv(const SweepFlags& flags) {
  if (!flags.csv || flags.buffers.find(';') != std::string::npos) return;
  const bool target = flags.target_ratio.has_value(), knee = flags.knee.has_value();
  if (!target && !knee) return;
  const std::string asked = target && knee ? "--target-ratio and --knee"
                            : target       ? "--target-ratio"
                                           : "--knee";
  throw UserError(asked +
                  " with --csv: the CSV has one line per network (and layer) and capacity and "
                  "no place for the answers; the table (leave out --csv) and --json (\"target\", "
                  "\"knee\") print them");
}

int run_sweep(const SweepFlags& flags) {
  refuse_answers_with_csv(flags);
  // The argument checks are io/text/sweep_arguments' (the Python module's
  // spad.sweep makes the same ones).
  std::vector<Network> networks;
  const std::vector<std::string> names = sweep_model_names(flags.models);
  for (const std::string& name : names) {
    networks.push_back(load_network(name, NetworkLoadOptions{flags.batch}));
    // A model's own element sizes (integer operators) replace the defaults;
    // keys given with --precision win over them (as in `spad optimize`).
    Network& net = networks.back();
    apply_precision_text(net, flags.machine.precision);
  }
  check_distinct_networks(networks, names, flags.models);
  if (flags.buffers.find(';') != std::string::npos) return run_level_sweep(flags, networks);
  SweepOptions options;
  options.capacities = parse_capacity_list(flags.buffers, "--buffers");
  options.machine = machine_from_flags(flags.machine);
  options.baselines = flags.baselines;
  check_sweep_machine_options(
      !flags.machine_files.empty(),
      !flags.machine.precision.empty() || flags.machine.halo_reuse || flags.machine.double_buffer,
      !flags.objectives.empty());
  for (const std::string& f : flags.machine_files) {
    // A machine file of several levels needs one capacity set per level.
    if (const LevelAccelerator levels = read_level_accelerator_file(f);
        levels.memory.levels.size() > 1)
      check_sweep_level_count(flags.buffers, 1, "the machine file " + f, levels);
    options.accelerators.push_back(read_accelerator_file(f));
    check_last_machine_distinct(options.accelerators, flags.machine_files);
  }
  options.objectives = sweep_objectives(flags.objectives);
  options.threads = flags.threads;
  options.target_ratio = sweep_target_ratio(flags.target_ratio);
  options.knee_share = sweep_knee_share(flags.knee);
  // The progress line (a terminal's stderr only): created with the total the
  // sweep reports first, erased before the result is printed.
  std::unique_ptr<Progress> line;
  if (Progress::wanted(flags.quiet))
    options.progress = [&line](std::int64_t done, std::int64_t total) {
      if (!line) line = std::make_unique<Progress>("sweep", "steps", total, true);
      line->set_done(done);
    };
  const SweepResult result = sweep(networks, options);
  if (line) line->finish();
  if (flags.json) {
    write_json_result(sweep_to_json(result, flags.per_layer));
  } else if (flags.csv) {
    result_out() << sweep_to_csv(result, flags.per_layer);
  } else {
    result_out() << format_sweep_table(result, flags.per_layer, output_width(flags.wide));
  }
  return 0;
}

}  // namespace

Command add_sweep_command(CLI::App& app) {
  auto flags = std::make_shared<SweepFlags>();
  CLI::App* sub = app.add_subcommand(
      "sweep",
      "Traffic of every layer's optimum over a range of scratchpad capacities, with compulsory "
      "traffic and the lower bound: network totals, per layer, baselines, target ratio, knee");
  sub->add_option("--model", flags->models,
                  "Networks, comma-separated: zoo names, network .json files or .onnx models")
      ->required()
      ->type_name("M[,M2...]");
  sub->add_option("--buffers", flags->buffers,
                  "Capacities: 1KiB..4MiB:x2, 1KiB..8KiB:+1KiB or a list 4KiB,16KiB,1MiB; "
                  "several on-chip levels one set per level, outermost first, ';' between: "
                  "\"512KiB;16KiB..64KiB:x2\"")
      ->required()
      ->type_name("RANGE");
  auto* precision = sub->add_option("--precision", flags->machine.precision,
                                    "Bytes per element: in=1,w=1,out=1,psum=4 (default)");
  precision->type_name("LIST");
  sub->add_flag("--halo-reuse", flags->machine.halo_reuse,
                "A rolling buffer keeps the input rows/columns the next tile shares");
  sub->add_flag("--double-buffer", flags->machine.double_buffer,
                "Every buffer is allocated twice so DMA overlaps compute");
  sub->add_option("--machine", flags->machine_files,
                  "Machine files (YAML/JSON, as `spad accel`): one sweep per machine, its "
                  "scratchpad set to each capacity")
      ->type_name("FILE...");
  sub->add_option("--objective", flags->objectives,
                  "With --machine: traffic (default), latency, energy; several comma-separated")
      ->delimiter(',')
      ->type_name("OBJ[,OBJ]");
  add_batch_option(*sub, flags->batch, kBatchHelp);
  sub->add_flag("--baselines", flags->baselines,
                "Also the fixed dataflows, the HWCE-like engine and the working-set model");
  sub->add_flag("--per-layer", flags->per_layer, "Also each layer's traffic at every capacity");
  sub->add_option(
         "--target-ratio", flags->target_ratio,
         "Smallest capacity with traffic <= RATIO x compulsory, per network and layer "
         "(with --machine: per machine file, on its least traffic; table and --json, not --csv)")
      ->type_name("RATIO");
  sub->add_option(
         "--knee", flags->knee,
         "Smallest listed capacity from which doubling saves less than SHARE of the "
         "traffic (default 0.1; with --machine: per machine file, on its least traffic; table and "
         "--json, not --csv)")
      ->expected(0, 1)
      ->type_name("[SHARE]");
  add_threads_option(*sub, flags->threads, "Threads (0 = all hardware threads)");
  auto* json = sub->add_flag("--json", flags->json, "Print the sweep JSON (spad-sweep/1)");
  auto* csv = sub->add_flag("--csv", flags->csv, "Print CSV");
  json->excludes(csv);
  add_quiet_flag(*sub, flags->quiet);
  add_wide_flag(*sub, flags->wide);
  sub->footer(kFooter);
  return {sub, [flags] { return run_sweep(*flags); }};
}

}  // namespace spad::cli
