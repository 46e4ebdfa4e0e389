// `spad accel`: from bytes to cycles, bandwidth and energy on an accelerator
// described by a machine file (io/machine/accelerator_file). For one layer (--layer)
// or every conv and fc layer of a network (--model), the best schedule for
// the objective (--objective latency|energy|traffic, default latency), its compute and
// transfer cycles, latency with and without DMA/compute overlap, energy
// split, and the fixed dataflows beside it; a table (report/accel_table),
// JSON (io/json/accel_result_json) or CSV (io/csv/accel_result_csv). With --schedule,
// the given schedule of the --layer is costed instead of searched. On a
// machine file with levels (one --machine), the level search's optimum for
// the objective (in the space of --uniform-spans, --fixed-order, --fixed-spans:
// cli/space_flags, one group per level), or the given schedule, costed per
// boundary (model/level_accel_cost; report/level_accel_table,
// io/json/level_accel_json, io/csv/level_accel_csv); with --model every layer
// (study/optimize_network_levels; report/network_level_accel_table,
// io/json/network_level_accel_json, io/csv/level_accel_csv). With two
// or more --machine files, the same run on each machine, side by side
// (study/accel_comparison: report/accel_side_by_side_table,
// io/json/accel_comparison_json, io/csv/accel_comparison_csv); one machine prints
// exactly as before. The runs are study/accel_comparison's compare_accelerators;
// this file keeps the flags and the output.
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/parallel_run.hpp"
#include "cli/command.hpp"
#include "cli/network_run_flags.hpp"
#include "cli/number_flags.hpp"
#include "cli/output_width.hpp"
#include "cli/progress.hpp"
#include "cli/result_output.hpp"
#include "cli/run_target.hpp"
#include "cli/space_flags.hpp"
#include "io/csv/accel_comparison_csv.hpp"
#include "io/csv/accel_result_csv.hpp"
#include "io/csv/level_accel_csv.hpp"
#include "io/json/accel_comparison_json.hpp"
#include "io/json/accel_result_json.hpp"
#include "io/json/document_format.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/level_accel_json.hpp"
#include "io/json/level_optimize_document.hpp"
#include "io/json/level_schedule_json.hpp"
#include "io/json/network_level_accel_json.hpp"
#include "io/json/schedule_json.hpp"
#include "io/machine/accelerator_file.hpp"
#include "io/text/level_space_text.hpp"
#include "io/text/objective_text.hpp"
#include "io/text/search_arguments.hpp"
#include "model/level_accel_cost.hpp"
#include "model/level_evaluate.hpp"
#include "model/level_names.hpp"
#include "report/accel_side_by_side_table.hpp"
#include "report/accel_table.hpp"
#include "report/level_accel_table.hpp"
#include "report/network_level_accel_table.hpp"
#include "search/level_search.hpp"
#include "study/accel_comparison.hpp"
#include "study/accel_network.hpp"
#include "study/optimize_network_levels.hpp"

namespace spad::cli {
namespace {

struct AccelFlags : SpaceFlags {
  std::optional<std::string> layer, model, layers, schedule;
  std::optional<Count> batch;
  std::vector<std::string> machine_files;  // two or more: side by side
  std::string objective = "latency";
  bool no_baselines = false;
  int threads = 0;
  bool json = false, csv = false;
  bool quiet = false, wide = false;
};

constexpr const char* kFooter = R"(
Examples:
  spad accel --model mobilenet_v2 --machine examples/machines/hwc-like.yaml
  spad accel --model resnet50 --machine examples/machines/edge-npu.yaml --objective energy --json
  spad accel --layer C=64,M=64,H=56,W=56,R=3,S=3,pad=1 --machine examples/machines/hwc-like.yaml
  spad accel --layer examples/layers/res2a_branch2b.json --machine examples/machines/hwc-like.yaml
             --schedule examples/schedules/res2a_branch2b.json          (cost a given schedule)
  spad accel --model resnet18 --machine examples/machines/hwc-like.yaml
             --machine examples/machines/edge-npu.yaml               (machines side by side)
  spad accel --layer N=1,C=2,M=4,H=1,W=6,R=1,S=3 --machine examples/machines/gap-like.yaml
             --objective energy                       (the level search on L2 + L1)
  spad accel --layer N=1,C=2,M=4,H=1,W=6,R=1,S=3 --machine examples/machines/gap-like.yaml
             --fixed-order "s,r,q,p,c,m,g,n;q,s,c,m,p,r,g,n"   (one loop order per level)
  spad accel --layer N=1,C=2,M=4,H=1,W=6,R=1,S=3 --machine examples/machines/gap-like.yaml
             --uniform-spans --csv             (I, W, O at one span per level; CSV line)

The objective (default latency) is printed with every result; a one-layer --json
result is accepted back by --schedule, its "accelerator" member by --machine.

With two or more --machine files (distinct names, the same precisions) the
layers run on each machine and print side by side: per layer each machine's
latency (as time: clocks differ), energy and traffic, and the best machine;
totals per machine. --json writes a spad-sweep/1 document: one row per machine
at its own capacity (the keys of a sweep --machine row), one accel document per
machine ("machines") and the comparison; --csv one line per machine and layer. Given back to --schedule, such a document gives each --machine the
schedule of the machine of the same name.

The machine file (YAML or JSON) gives the scratchpad (capacity, double buffering,
halo reuse), precisions, the MAC array (which loops it unrolls, e.g. m: 16, q: 4),
clock, off-chip bandwidth and DMA setup, and energies; docs/accelerator.md has the
schema and the latency and energy model. Latency is a model, not a cycle-accurate
simulation: compute cycles count MAC-array steps per tile, transfers count bytes /
bandwidth plus a setup per DMA transfer, and with double buffering they overlap
except for the first fill and the last write-back.

A machine file with levels: (several on-chip levels, e.g.
examples/machines/gap-like.yaml; one --machine) searches every
level's tiles, loop order and buffer spans (with bypass) for the exact optimum
of the objective: latency (ties: energy, then the level traffic key: bytes
across each boundary outside in, fills, buffer bytes), energy (ties: latency,
then the traffic key) or traffic (the traffic key, as optimize --buffer with
the same capacities; ties: latency). With --schedule it costs the given
schedule of as many levels instead. Either way: per boundary its transfers and
exposed cycles, per level its SRAM energy, then latency and energy (table, or
--json: the level Result with "objective", "accel" and "accelerator", which
--schedule reads back). With --model, each distinct layer shape is searched
once: the table of optimize --model --buffer (bytes across every boundary per
layer) and each layer's latency and energy, or --json: the network document
with levels plus "objective", each layer's "accel", totals' latency_cycles and
energy_pj, "accelerator". --csv: one line per layer (the objective, cycles,
latency, energy split, off-chip bytes, and per boundary its bytes, DMA
transfers, transfer and exposed cycles, the level's buffer bytes, fills and
SRAM energy; docs/reference.md lists the columns). --uniform-spans,
--fixed-order and --fixed-spans restrict the search as they do for optimize
--buffer OUTER,INNER: one group per level of the file, outermost first,
separated by ';' (on a one-level machine one group); not with --schedule.
The level search takes layers with a few loops of small extent (it refuses
larger ones by name); there are no baselines with levels.

Alternatives: the weight-, output- and input-stationary dataflows at their best
tiles for the same objective, and the HWCE-like engine (V = 1, 2, 4 maps per pass,
with its line buffer); --no-baselines skips them.)";

// The schedule --schedule gives for `accel`: from a comparison document, the
// one of the machine of the same name; from any other document, its schedule.
Schedule given_schedule(const nlohmann::json& doc, const std::string& source,
                        const Accelerator& accel) {
  if (is_accel_comparison(doc, source))
    return schedule_from_json(comparison_machine_entry(doc, source, accel.name),
                              source + " (machine " + accel.name + ")");
  return schedule_from_json(doc, source);
}

// The first search-space flag given, for messages.
std::string first_space_flag(const SpaceFlags& flags) {
  if (flags.uniform_spans) return "--uniform-spans";
  if (flags.fixed_order) return "--fixed-order " + *flags.fixed_order;
  return "--fixed-spans " + flags.fixed_spans.value_or("");
}

// A given schedule is costed, not searched: a search space does not apply.
void refuse_space_with_schedule(const AccelFlags& flags) {
  if (flags.schedule && flags.restricted())
    throw UserError(first_space_flag(flags) +
                    ": with --schedule the given schedule is costed, not searched, so there is "
                    "no search space to restrict; leave out the search-space flags or --schedule");
}

// The level search's space from --uniform-spans, --fixed-order and
// --fixed-spans, one group per level of the machine (io/text/level_space_text).
LevelSearchSpace level_space(const AccelFlags& flags, std::size_t levels) {
  return level_search_space(flags.uniform_spans, flags.fixed_order, flags.fixed_spans, levels,
                            "the machine file");
}

// Prints the cost of a several-level schedule (searched for `objective` in
// `space`, or given when no objective).
int print_level_accel(const AccelFlags& flags, const NetworkLayer& entry,
                      const LevelCandidate& best, const LevelAccelerator& accel,
                      std::optional<Objective> objective, const LevelSearchSpace& space = {}) {
  const Layer layer(entry.spec);
  const LevelAccelCost cost = level_accel_cost(layer, best.schedule, accel, best.traffic);
  if (flags.json)
    write_json_result(
        level_accel_document(layer, best.schedule, accel, best.traffic, cost, objective, space));
  else if (flags.csv)
    result_out() << level_accel_layer_to_csv(entry, best, cost, accel, objective);
  else
    result_out() << format_level_accel_table(layer, best.schedule, accel, best.traffic, cost,
                                             output_width(flags.wide), objective, space);
  return 0;
}

// A network on a machine of several levels: each distinct layer shape
// searched once for the objective (study/optimize_network_levels), the
// level search's table or document with every layer's cost; layers where
// nothing fits are printed and then named (exit 2).
int run_network_level_accel(const AccelFlags& flags, const LevelAccelerator& accel) {
  const RunTarget target =
      load_run_target("accel", flags.layer, flags.model, flags.layers, flags.batch);
  const Objective objective = objective_from_text(flags.objective);
  const LevelSearchSpace space = level_space(flags, accel.memory.levels.size());
  const auto start = std::chrono::steady_clock::now();
  const NetworkLevelResult result = [&] {
    StudyProgressLines lines([](const std::string& stage) { return "accel: " + stage; },
                             Progress::wanted(flags.quiet));
    return optimize_network_levels(target.net, target.chosen, accel, objective, flags.threads,
                                   lines.hooks(), space);
  }();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::vector<std::optional<LevelAccelCost>> costs = network_level_accel_costs(result, accel);
  if (flags.json)
    write_json_result(network_level_accel_to_json(result, accel, objective, costs));
  else if (flags.csv)
    result_out() << network_level_accel_to_csv(result, accel, objective, costs);
  else
    result_out() << format_network_level_accel_table(
        result, accel, objective, costs, seconds,
        static_cast<int>(resolved_thread_count(flags.threads)), output_width(flags.wide));
  if (network_level_infeasible_layers(result) == 0) return 0;
  const std::string& file = flags.machine_files.front();
  throw UserError(level_network_infeasible_message(result, accel.name + " (" + file + ")", file));
}

// One layer on a machine of several levels: the level search's optimum for
// the objective (search/level_search with search/level_objective), or a
// given schedule costed (model/level_accel_cost), the level traffic by the
// analytical model.
int run_level_accel(const AccelFlags& flags, const LevelAccelerator& accel) {
  const std::string& file = flags.machine_files.front();
  if (flags.model) return run_network_level_accel(flags, accel);
  // A network document's layer entry keeps its kind: the machine file's
  // sizes with the kind's rule (a matmul's second operand at the input size),
  // as every study costs a layer on an accelerator (study/layer_machine).
  const NetworkLayer entry = load_network_layer(*flags.layer);
  const Layer layer(entry.spec);
  LevelAccelerator sized = accel;
  sized.memory.precision = layer_precision(accel.memory.precision, entry.kind);
  const MemoryLevels& m = sized.memory;
  if (!flags.schedule) {
    LevelSearchOptions options;
    options.threads = flags.threads;
    options.objective = LevelObjective{objective_from_text(flags.objective), &sized};
    options.space = level_space(flags, m.levels.size());
    const LevelSearchResult result = optimize_levels(layer, m, options);
    if (!result.best) throw UserError(level_infeasible_message(layer, m, options.space));
    return print_level_accel(flags, entry, *result.best, sized, options.objective.objective,
                             options.space);
  }
  if (flags.objective != "latency")
    throw UserError("--objective " + flags.objective +
                    ": with --schedule on a machine of several "
                    "levels (" +
                    file +
                    ") the given schedule is costed, not searched, so there "
                    "is no objective; leave out --objective or --schedule");
  const LevelSchedule schedule = load_level_schedule_arg(*flags.schedule);
  validate_level_schedule_from(schedule, layer, schedule_arg_source(*flags.schedule));
  if (schedule.levels.size() != m.levels.size())
    throw UserError("--schedule: " + std::to_string(schedule.levels.size()) +
                    " level(s), but the machine " + accel.name + " (" + file + ") has " +
                    std::to_string(m.levels.size()) +
                    " on-chip levels; give one loop group per machine level, outermost first");
  try {
    check_level_names(schedule, m, "the machine " + accel.name + " (" + file + ")");
  } catch (const UserError& e) {
    throw UserError(schedule_arg_source(*flags.schedule) + ": " + e.what());
  }
  const LevelTraffic traffic = evaluate_levels(layer, schedule, m);
  for (std::size_t l = 0; l < m.levels.size(); ++l)
    if (!traffic.levels[l].fits)
      throw UserError("--schedule: its buffers at level " + m.levels[l].name + " take " +
                      std::to_string(traffic.levels[l].buffer_bytes) + " bytes, more than the " +
                      std::to_string(*m.levels[l].capacity_bytes) + "-byte " + m.levels[l].name +
                      " of " + accel.name);
  return print_level_accel(flags, entry, LevelCandidate{schedule, traffic}, sized, std::nullopt);
}

int run_accel(const AccelFlags& flags) {
  if (flags.schedule && !flags.layer)
    throw UserError("--schedule goes with --layer (one layer), not with --model");
  refuse_space_with_schedule(flags);
  // A machine of several levels: the level search or a given schedule
  // (one --machine); everything else takes one level (read_accelerator_file
  // refuses several).
  if (flags.machine_files.size() == 1) {
    const LevelAccelerator level = read_level_accelerator_file(flags.machine_files.front());
    if (level.memory.levels.size() > 1) return run_level_accel(flags, level);
  }
  std::vector<Accelerator> accels;
  for (const std::string& file : flags.machine_files) accels.push_back(read_accelerator_file(file));
  // Checked here too (compare_accelerators checks again) so that a problem with
  // the machines is reported before the model is read.
  if (accels.size() > 1) check_comparable(accels, flags.machine_files);
  AccelRunOptions run;
  run.objective = objective_from_text(flags.objective);
  run.baselines = !flags.no_baselines;
  run.threads = flags.threads;
  // One level: the one-level search's space (the texts of optimize --buffer C).
  run.space = search_options(SearchArguments{flags.uniform_spans, flags.fixed_order, false,
                                             flags.threads, flags.fixed_spans, "the machine file"})
                  .space;
  const RunTarget target =
      load_run_target("accel", flags.layer, flags.model, flags.layers, flags.batch);
  std::vector<std::optional<Schedule>> given;
  if (flags.schedule) {
    std::string schedule_source;
    const nlohmann::json schedule_doc = load_schedule_document(*flags.schedule, schedule_source);
    for (const Accelerator& accel : accels) {
      given.push_back(given_schedule(schedule_doc, schedule_source, accel));
      if (target.chosen.size() == 1)
        validate_schedule_from(*given.back(), Layer(target.net.layers[target.chosen[0]].spec),
                               schedule_source);
    }
  }
  const AccelComparison comparison = [&] {
    // The progress line is gone before the result is printed.
    StudyProgressLines lines([](const std::string& stage) { return "accel: " + stage; },
                             Progress::wanted(flags.quiet));
    return compare_accelerators(target.net, target.chosen, accels, flags.machine_files, run, given,
                                lines.hooks());
  }();
  if (comparison.machines.size() == 1) {
    const AccelResult& result = comparison.machines.front();
    if (flags.json) {
      write_json_result(accel_result_to_json(result));
    } else if (flags.csv) {
      result_out() << accel_result_to_csv(result);
    } else {
      result_out() << format_accel_table(result, output_width(flags.wide));
    }
    return finish_with_infeasible_layers(
        result.network,
        "give a larger scratchpad.capacity_bytes in " + flags.machine_files.front());
  }
  if (flags.json) {
    write_json_result(accel_comparison_to_json(comparison));
  } else if (flags.csv) {
    result_out() << accel_comparison_to_csv(comparison);
  } else {
    result_out() << format_accel_side_by_side(comparison, output_width(flags.wide));
  }
  for (std::size_t m = 0; m < comparison.machines.size(); ++m)
    if (const int code = finish_with_infeasible_layers(
            comparison.machines[m].network,
            "give a larger scratchpad.capacity_bytes in " + flags.machine_files[m]);
        code != 0)
      return code;
  return 0;
}

}  // namespace

Command add_accel_command(CLI::App& app) {
  auto flags = std::make_shared<AccelFlags>();
  CLI::App* sub = app.add_subcommand(
      "accel",
      "Cycles, latency, bandwidth and energy on an accelerator described by a machine file, with "
      "the schedule that minimises traffic, latency or energy, for one layer or a network");
  auto* layer = sub->add_option("--layer", flags->layer,
                                "One layer: a JSON file, JSON text, or inline "
                                "C=64,M=64,H=56,W=56,R=3,S=3[,stride=2,pad=1,groups=1,N=1]")
                    ->type_name("LAYER");
  auto* model = sub->add_option("--model", flags->model,
                                "A whole network: a built-in model name, FILE.json or FILE.onnx")
                    ->type_name("NAME|FILE");
  layer->excludes(model);
  auto* layers = sub->add_option("--layers", flags->layers,
                                 "With --model: only these layers (names, indices, ranges)")
                     ->type_name("SPEC");
  auto* batch = add_batch_option(*sub, flags->batch, kBatchHelp);
  layers->excludes(layer);
  batch->excludes(layer);
  sub->add_option("--machine", flags->machine_files,
                  "Accelerator description (YAML or JSON; see docs/accelerator.md); give two or "
                  "more to compare machines side by side")
      ->type_name("FILE")
      ->take_all()
      ->required();
  sub->add_option(
         "--objective", flags->objective,
         "What the search minimises first: latency (default; ties: energy, then traffic), "
         "energy (ties: latency, then traffic) or traffic (ties: latency); printed with every "
         "result")
      ->type_name("traffic|latency|energy");
  add_space_flags(*sub, *flags, "on a machine file with levels");
  auto* schedule = sub->add_option("--schedule", flags->schedule,
                                   "With --layer: cost this schedule (JSON file or text, as "
                                   "printed by --json) instead of searching; on a machine "
                                   "file with levels: a schedule of as many levels")
                       ->type_name("SCHEDULE");
  schedule->excludes(model);
  sub->add_flag("--no-baselines", flags->no_baselines,
                "Skip the fixed dataflows and the HWCE-like engine");
  add_threads_option(*sub, flags->threads,
                     "Search threads (default 0: all); the answer is the same for any number");
  auto* json = sub->add_flag("--json", flags->json, "Print one JSON document (and nothing else)");
  auto* csv = sub->add_flag("--csv", flags->csv, "Print one CSV line per layer after a header");
  json->excludes(csv);
  add_wide_flag(*sub, flags->wide);
  add_quiet_flag(*sub, flags->quiet);
  sub->footer(kFooter);
  return {sub, [flags] { return run_accel(*flags); }};
}

}  // namespace spad::cli
