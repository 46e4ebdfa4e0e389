// The network studies (study/): spad.optimize_network, spad.compare and
// spad.accel, each returning the document `spad optimize --model`, `spad
// compare` and `spad accel` print with --json (io/ writers), as a dict. A
// layer that does not fit is reported in the document ("fits": false,
// totals.infeasible_layers), as the CLI prints it before exiting with code 2;
// the Python call returns it rather than raising.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "io/json/accel_comparison_json.hpp"
#include "io/json/level_accel_json.hpp"
#include "io/json/level_optimize_document.hpp"
#include "io/json/network_level_accel_json.hpp"
#include "io/text/network_layer_selection.hpp"
#include "io/text/network_precision.hpp"
#include "io/text/objective_text.hpp"
#include "model/level_accel_cost.hpp"
#include "python/bindings.hpp"
#include "search/level_search.hpp"
#include "study/accel_comparison.hpp"
#include "study/accel_network.hpp"
#include "study/compare_network.hpp"
#include "study/optimize_network.hpp"
#include "study/optimize_network_levels.hpp"

namespace spad::python {
namespace {

std::vector<std::size_t> selection(const Network& net, const py::handle& layers, const Arg& arg) {
  const std::optional<std::string> spec = optional_text_arg(layers, arg);
  return spec ? select_layers(net, *spec) : all_layers(net);
}

py::object optimize_network_document(const py::object& model, const py::object& machine_arg_,
                                     const py::object& layers, const py::object& batch,
                                     const py::object& threads, const py::object& uniform_spans,
                                     const py::object& fixed_order, const py::object& min_buffer,
                                     const py::object& fixed_spans) {
  const char* f = "spad.optimize_network()";
  const PyMachine& machine = machine_arg(machine_arg_, Arg{f, "machine"});
  require_buffer(machine);
  const SearchOptions options =
      search_options_arg(f, threads, uniform_spans, fixed_order, min_buffer, fixed_spans);
  Network net =
      network_arg(model, Arg{f, "model"}, batch_arg(batch, Arg{f, "batch"}), !layers.is_none());
  // As `spad optimize --model` (study/network_precision).
  apply_precision_text(net, machine.precision_text);
  const Machine m = machine_for_network(machine.machine, net, machine.precision_text);
  const std::vector<std::size_t> chosen = selection(net, layers, Arg{f, "layers"});
  NetworkResult result;
  {
    py::gil_scoped_release release;
    result = optimize_network(net, chosen, m, options);
  }
  result.precision_source = precision_source(net, machine.precision_text);
  return to_python(network_result_to_json(result));
}

py::object compare_document(const py::object& model, const py::object& machine_arg_,
                            const py::object& layers, const py::object& batch,
                            const py::object& threads_arg_) {
  const char* f = "spad.compare()";
  const PyMachine& machine = machine_arg(machine_arg_, Arg{f, "machine"});
  require_buffer(machine);
  const int threads = threads_arg(threads_arg_, Arg{f, "threads"});
  Network net =
      network_arg(model, Arg{f, "model"}, batch_arg(batch, Arg{f, "batch"}), !layers.is_none());
  // As `spad compare --model` (io/text/network_precision).
  apply_precision_text(net, machine.precision_text);
  const Machine m = machine_for_network(machine.machine, net, machine.precision_text);
  const std::vector<std::size_t> chosen = selection(net, layers, Arg{f, "layers"});
  CompareResult result;
  {
    py::gil_scoped_release release;
    result = compare_network(net, chosen, m, threads);
  }
  result.network.precision_source = precision_source(net, machine.precision_text);
  return to_python(compare_result_to_json(result));
}

// On an accelerator of several levels, as `spad accel --machine M.yaml
// --json` (cli/command_accel): a spad.Layer is `--layer` (the level search's
// optimum for the objective, costed per boundary), anything else `--model`
// (each distinct layer shape searched once, every layer costed).
py::object level_accel_document(const py::object& model, const LevelAccelerator& accel,
                                const py::object& objective_arg, const py::object& layers,
                                const py::object& batch, const py::object& threads_arg_,
                                const LevelSearchSpace& space) {
  const char* f = "spad.accel()";
  const Objective objective = objective_from_text(text_arg(objective_arg, Arg{f, "objective"}));
  const int threads = threads_arg(threads_arg_, Arg{f, "threads"});
  if (!py::isinstance<Layer>(model)) {
    const Network net =
        network_arg(model, Arg{f, "model"}, batch_arg(batch, Arg{f, "batch"}), !layers.is_none());
    const std::vector<std::size_t> chosen = selection(net, layers, Arg{f, "layers"});
    NetworkLevelResult result;
    {
      py::gil_scoped_release release;
      result = optimize_network_levels(net, chosen, accel, objective, threads, {}, space);
    }
    return to_python(network_level_accel_to_json(result, accel, objective,
                                                 network_level_accel_costs(result, accel)));
  }
  if (!layers.is_none()) throw UserError("--layer excludes --layers");
  if (!batch.is_none()) throw UserError("--layer excludes --batch");
  const Layer layer = model.cast<Layer>();
  LevelSearchOptions options;
  options.threads = threads;
  options.objective = LevelObjective{objective, &accel};
  options.space = space;
  LevelSearchResult result;
  {
    py::gil_scoped_release release;
    result = optimize_levels(layer, accel.memory, options);
  }
  if (!result.best) throw UserError(level_infeasible_message(layer, accel.memory, space));
  const LevelCandidate& best = *result.best;
  const LevelAccelCost cost = level_accel_cost(layer, best.schedule, accel, best.traffic);
  return to_python(spad::level_accel_document(layer, best.schedule, accel, best.traffic, cost,
                                              objective, space));
}

py::object accel_document(const py::object& model, const py::object& accelerator_arg_,
                          const py::object& objective_arg, const py::object& layers,
                          const py::object& batch, const py::object& baselines,
                          const py::object& threads, const py::object& uniform_spans,
                          const py::object& fixed_order, const py::object& fixed_spans) {
  const char* f = "spad.accel()";
  const Arg accel_arg{f, "accelerator"};
  std::optional<Accelerator> one_level;
  if (py::isinstance<LevelAccelerator>(accelerator_arg_)) {
    const LevelAccelerator& level = accelerator_arg_.cast<const LevelAccelerator&>();
    // The restricted space with one group per level of the machine, as
    // `spad accel --machine M.yaml` reads the flags.
    if (level.memory.levels.size() > 1)
      return level_accel_document(model, level, objective_arg, layers, batch, threads,
                                  level_space_arg(f, level.memory.levels.size(), uniform_spans,
                                                  fixed_order, fixed_spans, "the machine file"));
    one_level = as_one_level(level);  // a one-level file, as `spad accel` reads it
  }
  // One accelerator, or a list of them compared side by side (`spad accel
  // --machine A --machine B`), labelled by their names where the command
  // names their files.
  const bool several =
      py::isinstance<py::list>(accelerator_arg_) || py::isinstance<py::tuple>(accelerator_arg_);
  std::vector<Accelerator> accels;
  std::vector<std::string> labels;
  if (several) {
    for (const py::handle a :
         list_arg(accelerator_arg_, accel_arg, "a spad.Accelerator or a list of them"))
      accels.push_back(accelerator_arg(a, accel_arg));
    if (accels.empty()) throw UserError("accelerator: an empty list; give one or more machines");
  } else {
    accels.push_back(one_level ? *one_level : accelerator_arg(accelerator_arg_, accel_arg));
  }
  for (const Accelerator& a : accels) labels.push_back(a.name);
  if (accels.size() > 1) check_comparable(accels, labels);
  AccelRunOptions run;
  run.objective = objective_from_text(text_arg(objective_arg, Arg{f, "objective"}));
  run.baselines = bool_arg(baselines, Arg{f, "baselines"});
  run.threads = threads_arg(threads, Arg{f, "threads"});
  // One level: one group, as optimize --buffer C reads the flags.
  run.space = one_level_space_arg(f, uniform_spans, fixed_order, fixed_spans);
  const Network net =
      network_arg(model, Arg{f, "model"}, batch_arg(batch, Arg{f, "batch"}), !layers.is_none());
  const std::vector<std::size_t> chosen = selection(net, layers, Arg{f, "layers"});
  AccelComparison result;
  {
    py::gil_scoped_release release;
    result = compare_accelerators(net, chosen, accels, labels, run);
  }
  // One machine (alone or a list of one) is its accel document, as `spad
  // accel` with --machine given once.
  if (result.machines.size() == 1) return to_python(accel_result_to_json(result.machines.front()));
  return to_python(accel_comparison_to_json(result));
}

}  // namespace

void bind_studies(py::module_& m) {
  m.def("optimize_network", &optimize_network_document, py::arg("model"), py::arg("machine"),
        py::arg("layers") = py::none(), py::arg("batch") = py::none(), py::arg("threads") = 0,
        py::arg("uniform_spans") = false, py::arg("fixed_order") = py::none(),
        py::arg("min_buffer") = false, py::arg("fixed_spans") = py::none(),
        "The optimum of every conv/fc layer of a network: the dict `spad optimize --model\n"
        "... --json` prints (spad-network/1). model: a zoo name, a network .json or .onnx\n"
        "file (as --model), or a spad.Network; layers: a selection as --layers ('0-3,fc').\n"
        "Layers that do not fit are in the document with \"fits\": false.");
  m.def("compare", &compare_document, py::arg("model"), py::arg("machine"),
        py::arg("layers") = py::none(), py::arg("batch") = py::none(), py::arg("threads") = 0,
        "The optimum next to the lower bound and the fixed dataflows: the dict `spad compare\n"
        "--json` prints (spad-network/1 with baselines). model: as optimize_network, or a\n"
        "spad.Layer.");
  m.def("accel", &accel_document, py::arg("model"), py::arg("accelerator"),
        py::arg("objective") = "latency", py::arg("layers") = py::none(),
        py::arg("batch") = py::none(), py::arg("baselines") = true, py::arg("threads") = 0,
        py::arg("uniform_spans") = false, py::arg("fixed_order") = py::none(),
        py::arg("fixed_spans") = py::none(),
        "Cycles, latency and energy on an accelerator (spad.Accelerator) with the schedule\n"
        "minimising objective ('latency', 'energy' or 'traffic'): the dict `spad accel\n"
        "--json` prints (spad-network/1 with \"objective\", \"accelerator\"). model: as\n"
        "compare; baselines=False as --no-baselines. A list of accelerators compares them\n"
        "side by side: the dict `spad accel --machine A --machine B --json` prints\n"
        "(spad-sweep/1: a row per machine, \"machines\" and \"comparison\").\n"
        "A spad.LevelAccelerator of several levels: the level search's optimum for\n"
        "objective, the dict `spad accel --layer L --machine M.yaml --json` prints for\n"
        "a spad.Layer (spad-result/1 with \"objective\" and \"accel\"), `spad accel\n"
        "--model M --machine M.yaml --json` for a network (spad-network/1 with them).\n"
        "uniform_spans, fixed_order and fixed_spans restrict the search as the command's\n"
        "--uniform-spans, --fixed-order and --fixed-spans (as spad.optimize_levels takes\n"
        "them): one group per level of a spad.LevelAccelerator, outermost first, separated\n"
        "by ';'; one group on a one-level machine.");
}

}  // namespace spad::python
