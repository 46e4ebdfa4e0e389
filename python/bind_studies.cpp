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

#include "base/thread_launcher.hpp"
#include "io/text/loop_order_text.hpp"
#include "io/text/network_layer_selection.hpp"
#include "python/bindings.hpp"
#include "search/objective.hpp"
#include "study/accel_network.hpp"
#include "study/compare_network.hpp"
#include "study/optimize_network.hpp"

namespace spad::python {
namespace {

// A network argument: a spad.Network, a spad.Layer (a one-layer network, as
// compare --layer and accel --layer run), or text as --model takes it.
Network network_arg(const py::object& model, std::optional<Count> batch) {
  if (py::isinstance<Network>(model)) {
    if (batch) throw UserError("batch: give it when the network is loaded (spad.load_network)");
    return model.cast<Network>();
  }
  if (py::isinstance<Layer>(model)) {
    LayerSpec spec = model.cast<Layer>().spec();
    if (spec.name.empty()) spec.name = "layer";
    Network net;
    net.model = spec.name;
    net.layers.push_back(NetworkLayer{spec, LayerKind::conv, false});
    return net;
  }
  return load_network(model.cast<std::string>(), NetworkLoadOptions{batch});
}

std::vector<std::size_t> selection(const Network& net, const std::optional<std::string>& layers) {
  return layers ? select_layers(net, *layers) : all_layers(net);
}

py::object optimize_network_document(const py::object& model, const PyMachine& machine,
                                     const std::optional<std::string>& layers,
                                     std::optional<Count> batch, int threads, bool uniform_spans,
                                     const std::optional<std::string>& fixed_order,
                                     bool min_buffer) {
  check_thread_count(threads, "threads");
  const Network net = network_arg(model, batch);
  // As `spad optimize --model`: the model's own element sizes replace the
  // defaults; the keys of the machine's precision text win over them.
  const Machine m = machine_for_network(machine, net);
  std::string precision_source;
  if (net.precision)
    precision_source =
        machine.precision_text.empty()
            ? net.precision_source
            : "--precision " + machine.precision_text + ", the rest from " + net.precision_source;
  else if (!machine.precision_text.empty())
    precision_source = "--precision " + machine.precision_text;
  SearchOptions options;
  options.space.uniform_spans = uniform_spans;
  if (fixed_order) options.space.fixed_order = parse_loop_order(*fixed_order, "--fixed-order");
  options.threads = threads;
  if (min_buffer) options.tie_break = TieBreak::buffer_first;
  const std::vector<std::size_t> chosen = selection(net, layers);
  NetworkResult result;
  {
    py::gil_scoped_release release;
    result = optimize_network(net, chosen, m, options);
  }
  result.precision_source = precision_source;
  return to_python(network_result_to_json(result));
}

py::object compare_document(const py::object& model, const PyMachine& machine,
                            const std::optional<std::string>& layers, std::optional<Count> batch,
                            int threads) {
  check_thread_count(threads, "threads");
  const Network net = network_arg(model, batch);
  const std::vector<std::size_t> chosen = selection(net, layers);
  CompareResult result;
  {
    py::gil_scoped_release release;
    result = compare_network(net, chosen, machine.machine, threads);
  }
  return to_python(compare_result_to_json(result));
}

py::object accel_document(const py::object& model, const Accelerator& accelerator,
                          const std::string& objective, const std::optional<std::string>& layers,
                          std::optional<Count> batch, bool baselines, int threads) {
  check_thread_count(threads, "threads");
  AccelRunOptions run;
  const std::optional<Objective> o = parse_objective(objective);
  if (!o) throw UserError("--objective " + objective + ": expected traffic, latency or energy");
  run.objective = *o;
  run.baselines = baselines;
  run.threads = threads;
  const Network net = network_arg(model, batch);
  const std::vector<std::size_t> chosen = selection(net, layers);
  AccelResult result;
  {
    py::gil_scoped_release release;
    result = accel_network(net, chosen, accelerator, run);
  }
  return to_python(accel_result_to_json(result));
}

}  // namespace

void bind_studies(py::module_& m) {
  m.def("optimize_network", &optimize_network_document, py::arg("model"), py::arg("machine"),
        py::arg("layers") = py::none(), py::arg("batch") = py::none(), py::arg("threads") = 0,
        py::arg("uniform_spans") = false, py::arg("fixed_order") = py::none(),
        py::arg("min_buffer") = false,
        "The optimum of every conv/fc layer of a network: the dict `spad optimize --model\n"
        "... --json` prints (spad-network/1). model: a zoo name, a network .json or .onnx\n"
        "file (as --model), or a spad.Network; layers: a selection as --layers ('0-3,fc').\n"
        "Layers that do not fit are in the document with \"fits\": false.");
  m.def("compare", &compare_document, py::arg("model"), py::arg("machine"),
        py::arg("layers") = py::none(), py::arg("batch") = py::none(), py::arg("threads") = 0,
        "The optimum next to the lower bound and the fixed dataflows: the dict `spad compare\n"
        "--json` prints (spad-compare/1). model: as optimize_network, or a spad.Layer.");
  m.def("accel", &accel_document, py::arg("model"), py::arg("accelerator"),
        py::arg("objective") = "latency", py::arg("layers") = py::none(),
        py::arg("batch") = py::none(), py::arg("baselines") = true, py::arg("threads") = 0,
        "Cycles, latency and energy on an accelerator (spad.Accelerator) with the schedule\n"
        "minimising objective ('latency', 'energy' or 'traffic'): the dict `spad accel\n"
        "--json` prints (spad-accel/1). model: as compare; baselines=False as\n"
        "--no-baselines.");
}

}  // namespace spad::python
