// Networks: spad.zoo, spad.load_onnx, spad.load_network (what --model takes)
// and spad.sweep (`spad sweep --json` as a dict, built by io/json/sweep_json).
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/name_text.hpp"
#include "base/thread_launcher.hpp"
#include "io/text/capacity_list.hpp"
#include "io/text/ratio_text.hpp"
#include "io/text/text_fields.hpp"
#include "python/bindings.hpp"

namespace spad::python {
namespace {

using ModelArg = std::variant<std::string, Network>;

Network network_of(const ModelArg& model, std::optional<Count> batch) {
  if (const auto* net = std::get_if<Network>(&model)) {
    if (batch) throw UserError("batch: give it when the network is loaded (spad.load_network)");
    return *net;
  }
  return load_network(std::get<std::string>(model), NetworkLoadOptions{batch});
}

py::object zoo(const std::optional<std::string>& name) {
  if (!name) return py::cast(zoo_model_names());
  return py::cast(load_zoo_model(*name));
}

constexpr const char* kDefaultKneeShare = "0.1";

// What `spad sweep` does with its flags (cli/command_sweep.cpp), from
// Python arguments: models as one comma-separated text or a list.
py::object sweep_document(const std::variant<std::string, std::vector<ModelArg>>& models,
                          const std::variant<std::string, std::vector<Count>>& buffers,
                          const std::optional<PyMachine>& machine,
                          const std::vector<Accelerator>& accelerators,
                          const std::vector<std::string>& objectives, std::optional<Count> batch,
                          bool baselines, bool per_layer,
                          const std::optional<std::string>& target_ratio,
                          const std::optional<std::string>& knee, int threads) {
  check_thread_count(threads, "threads");
  const PyMachine plain = machine.value_or(PyMachine{});
  std::vector<Network> networks;
  std::vector<ModelArg> model_args;
  if (const auto* text = std::get_if<std::string>(&models)) {
    for (std::string_view name : split_trimmed(*text, ',')) {
      if (name.empty()) throw UserError("--model " + in_quotes(*text) + ": an empty model name");
      model_args.emplace_back(std::string(name));
    }
  } else {
    model_args = std::get<std::vector<ModelArg>>(models);
  }
  for (const ModelArg& arg : model_args) {
    networks.push_back(network_of(arg, batch));
    if (Network& net = networks.back(); net.precision)
      net.precision = parse_precision(plain.precision_text, *net.precision);
  }
  SweepOptions options;
  // A list goes through the --buffers reader too (ascending, distinct, >= 1).
  std::string capacities;
  if (const auto* text = std::get_if<std::string>(&buffers)) {
    capacities = *text;
  } else {
    for (Count c : std::get<std::vector<Count>>(buffers))
      capacities += (capacities.empty() ? "" : ",") + std::to_string(c);
  }
  options.capacities = parse_capacity_list(capacities, "--buffers");
  options.machine = plain.machine;
  options.machine.capacity_bytes.reset();
  options.baselines = baselines;
  if (!accelerators.empty() && machine)
    throw UserError(
        "--machine: the machine file sets the precisions, halo reuse and double "
        "buffering; leave out --precision, --halo-reuse and --double-buffer");
  if (accelerators.empty() && !objectives.empty())
    throw UserError("--objective needs --machine (latency and energy come from a machine file)");
  options.accelerators = accelerators;
  for (const std::string& o : objectives) {
    const std::optional<Objective> objective = parse_objective(o);
    if (!objective)
      throw UserError("--objective " + in_quotes(o) + ": expected traffic, latency or energy");
    options.objectives.push_back(*objective);
  }
  options.threads = threads;
  if (target_ratio)
    options.target_ratio =
        parse_ratio(*target_ratio, "--target-ratio", Ratio{1, 1}, Ratio{1'000'000, 1},
                    "at least 1 (traffic never goes below "
                    "the compulsory traffic) and at most 1000000");
  if (knee)
    options.knee_share =
        parse_ratio(knee->empty() ? kDefaultKneeShare : *knee, "--knee", Ratio{0, 1}, Ratio{1, 1},
                    "a share of the traffic above 0 and at most 1, e.g. 0.1");
  SweepResult result;
  {
    py::gil_scoped_release release;
    result = sweep(networks, options);
  }
  return to_python(sweep_to_json(result, per_layer));
}

}  // namespace

void bind_network_questions(py::module_& m) {
  m.def("zoo", &zoo, py::arg("name") = py::none(),
        "zoo(): the names of the built-in models; zoo(name): that model as a spad.Network.");
  m.def("load_onnx", &read_onnx_network, py::arg("path"), py::arg("batch") = py::none(),
        "The conv and fc layers of an ONNX model as a spad.Network; batch sets N where the\n"
        "model's batch dimension is symbolic.");
  m.def(
      "load_network",
      [](const std::string& arg, std::optional<Count> batch) {
        return load_network(arg, NetworkLoadOptions{batch});
      },
      py::arg("model"), py::arg("batch") = py::none(),
      "What --model takes: a zoo name, a network .json file or an .onnx model; batch\n"
      "replaces every layer's N.");
  m.def("sweep", &sweep_document, py::arg("models"), py::arg("buffers"),
        py::arg("machine") = py::none(), py::arg("accelerators") = std::vector<Accelerator>{},
        py::arg("objectives") = std::vector<std::string>{}, py::arg("batch") = py::none(),
        py::arg("baselines") = false, py::arg("per_layer") = false,
        py::arg("target_ratio") = py::none(), py::arg("knee") = py::none(), py::arg("threads") = 0,
        "Traffic of every layer's optimum over scratchpad capacities: the dict\n"
        "`spad sweep --json` prints (spad-sweep/1). models: 'resnet50,mobilenet_v2' or a\n"
        "list of names, files or spad.Network; buffers: '1KiB..4MiB:x2' (as --buffers) or\n"
        "a list of byte counts; machine: precisions and options (its buffer is ignored);\n"
        "accelerators: spad.Accelerator list (then no machine), objectives: 'traffic',\n"
        "'latency', 'energy'; target_ratio, knee: texts as --target-ratio, --knee ('' for\n"
        "the default share 0.1).");
}

}  // namespace spad::python
