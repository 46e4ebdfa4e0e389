// Networks: spad.zoo, spad.load_onnx, spad.load_network (what --model takes)
// and spad.sweep (`spad sweep --json` as a dict, built by io/json/sweep_json;
// with one capacity set per on-chip level: python/level_sweep.cpp).
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/name_text.hpp"
#include "io/text/capacity_list.hpp"
#include "io/text/network_precision.hpp"
#include "io/text/sweep_arguments.hpp"
#include "io/text/text_fields.hpp"
#include "python/bindings.hpp"

namespace spad::python {
namespace {

py::object zoo(const py::object& name) {
  const std::optional<std::string> model = optional_text_arg(name, Arg{"spad.zoo()", "name"});
  if (!model) return py::cast(zoo_model_names());
  return py::cast(load_zoo_model(*model));
}

Network load_onnx(const py::object& path, const py::object& batch) {
  const char* f = "spad.load_onnx()";
  const std::string file = text_arg(path, Arg{f, "path"}, true);
  return read_onnx_network(file, batch_arg(batch, Arg{f, "batch"}));
}

Network load_network_arg(const py::object& model, const py::object& batch) {
  const char* f = "spad.load_network()";
  const std::string text = text_arg(model, Arg{f, "model"}, true);
  return load_network(text, NetworkLoadOptions{batch_arg(batch, Arg{f, "batch"})});
}

constexpr const char* kSweep = "spad.sweep()";

// The networks of `models`: a text as --model takes it ("resnet18,alexnet"),
// or a list of names, files and spad.Network values. Names are checked as
// the CLI checks its --model text (study/sweep_arguments: none empty, none
// twice), a list as the comma-joined text of its names.
std::vector<Network> sweep_networks(const py::object& models, std::optional<Count> batch,
                                    const std::string& precision_text) {
  const Arg arg{kSweep, "models"};
  const char* expected = "a str such as 'resnet18,alexnet' or a list of str and spad.Network";
  std::vector<py::handle> items;
  if (py::isinstance<py::str>(models))
    items.push_back(models);
  else
    items = list_arg(models, arg, expected);
  // Every name of the text items, in order ("a,b" in a list is two names).
  std::string names_text;
  bool any_names = false;
  for (const py::handle item : items) {
    if (py::isinstance<Network>(item)) continue;
    if (!py::isinstance<py::str>(item) && !py::hasattr(item, "__fspath__"))
      wrong_type(arg, expected, item);
    if (any_names) names_text += ',';
    names_text += text_arg(item, arg, true);
    any_names = true;
  }
  const std::vector<std::string> names =
      any_names ? sweep_model_names(names_text) : std::vector<std::string>{};
  std::vector<Network> networks;
  std::vector<std::string> labels;  // as given: a name or file, or a Network's model
  std::size_t next_name = 0;
  const auto add = [&](Network net, std::string label) {
    labels.push_back(std::move(label));
    // As `spad sweep` (study/network_precision).
    apply_precision_text(net, precision_text);
    networks.push_back(std::move(net));
  };
  for (const py::handle item : items) {
    if (py::isinstance<Network>(item)) {
      if (batch) throw UserError("batch: give it when the network is loaded (spad.load_network)");
      Network net = item.cast<Network>();
      std::string label = net.model;
      add(std::move(net), std::move(label));
      continue;
    }
    for (std::size_t n = split_trimmed(text_arg(item, arg, true), ',').size(); n > 0; --n) {
      add(load_network(names[next_name], NetworkLoadOptions{batch}), names[next_name]);
      ++next_name;
    }
  }
  std::string all_labels;
  for (const std::string& label : labels) {
    if (!all_labels.empty()) all_labels += ',';
    all_labels += label;
  }
  check_distinct_networks(networks, labels, all_labels);
  return networks;
}

// --objective: a list of str, or one text "traffic,latency" split as the CLI
// splits the flag's value.
std::vector<std::string> objective_texts(const py::object& objectives) {
  const Arg arg{kSweep, "objectives"};
  const char* expected = "a str such as 'traffic,latency' or a list of str";
  std::vector<std::string> texts;
  if (py::isinstance<py::str>(objectives)) {
    for (std::string_view o : split_trimmed(objectives.cast<std::string>(), ','))
      texts.emplace_back(o);
    return texts;
  }
  for (const py::handle o : list_arg(objectives, arg, expected)) {
    if (!py::isinstance<py::str>(o)) wrong_type(arg, expected, o);
    texts.push_back(o.cast<std::string>());
  }
  return texts;
}

// --target-ratio and --knee: a str as the CLI takes it, or an int or float
// read as the decimal Python prints for it (repr: 1.2 -> "1.2"); knee=True
// or '' is the flag without a value (the default share 0.1).
std::optional<std::string> ratio_text(const py::object& value, const Arg& arg, bool knee) {
  if (value.is_none()) return std::nullopt;
  if (knee && value.ptr() == Py_True) return std::string();
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (!PyBool_Check(value.ptr()) && (PyIndex_Check(value.ptr()) || PyFloat_Check(value.ptr())))
    return py::repr(value).cast<std::string>();
  wrong_type(arg, knee ? "a str, an int, a float, True or None" : "a str, an int, a float or None",
             value);
}

// What `spad sweep` does with its flags (cli/command_sweep.cpp), from
// Python arguments, with the same checks (study/sweep_arguments).
py::object sweep_document(const py::object& models, const py::object& buffers,
                          const py::object& machine_arg_, const py::object& accelerators_arg,
                          const py::object& objectives_arg, const py::object& batch_arg_,
                          const py::object& baselines_arg, const py::object& per_layer_arg,
                          const py::object& target_ratio, const py::object& knee,
                          const py::object& threads_arg_) {
  const std::optional<Count> batch = batch_arg(batch_arg_, Arg{kSweep, "batch"});
  const int threads = threads_arg(threads_arg_, Arg{kSweep, "threads"});
  const PyMachine plain =
      machine_arg_.is_none() ? PyMachine{} : machine_arg(machine_arg_, Arg{kSweep, "machine"});
  // `spad sweep` has no --buffer: the capacities are `buffers`.
  if (plain.machine.capacity_bytes)
    throw UserError(
        "machine: a sweep takes its capacities from buffers; give a spad.Machine "
        "without a buffer");
  const bool baselines = bool_arg(baselines_arg, Arg{kSweep, "baselines"});
  const bool per_layer = bool_arg(per_layer_arg, Arg{kSweep, "per_layer"});
  // spad.Accelerator or spad.LevelAccelerator values (machine files of one
  // level or of several).
  const Arg accel_arg{kSweep, "accelerators"};
  const char* accel_types = "a spad.Accelerator or a spad.LevelAccelerator";
  const std::vector<py::handle> accelerators =
      list_arg(accelerators_arg, accel_arg, "a list of spad.Accelerator or spad.LevelAccelerator");
  for (const py::handle a : accelerators)
    if (!py::isinstance<Accelerator>(a) && !py::isinstance<LevelAccelerator>(a))
      wrong_type(accel_arg, accel_types, a);
  const std::string buffers_text = capacity_sets_text(buffers, Arg{kSweep, "buffers"});
  const std::vector<std::string> objectives = objective_texts(objectives_arg);
  const std::optional<std::string> ratio =
      ratio_text(target_ratio, Arg{kSweep, "target_ratio"}, false);
  const std::optional<std::string> knee_text = ratio_text(knee, Arg{kSweep, "knee"}, true);

  const std::vector<Network> networks = sweep_networks(models, batch, plain.precision_text);
  // One capacity set per on-chip level, as `spad sweep` tells them apart.
  if (buffers_text.find(';') != std::string::npos)
    return level_sweep_document(
        networks, buffers_text, plain, accelerators, objectives,
        SweepLevelFlags{baselines, ratio.has_value(), knee_text.has_value(), per_layer, threads});
  SweepOptions options;
  options.capacities = parse_capacity_list(buffers_text, "--buffers");
  options.machine = plain.machine;
  options.baselines = baselines;
  check_sweep_machine_options(
      !accelerators.empty(),
      !plain.precision_text.empty() || plain.machine.halo_reuse || plain.machine.double_buffer,
      !objectives.empty());
  // A machine is labelled by its name (a spad.Accelerator has no file); a
  // spad.LevelAccelerator of several levels needs one capacity set per level.
  std::vector<std::string> labels;
  for (const py::handle a : accelerators) {
    if (py::isinstance<LevelAccelerator>(a)) {
      const LevelAccelerator& level = a.cast<const LevelAccelerator&>();
      check_sweep_level_count(buffers_text, 1, "the machine " + level.name, level);
      options.accelerators.push_back(*as_one_level(level));
    } else {
      options.accelerators.push_back(a.cast<const Accelerator&>());
    }
    labels.push_back(options.accelerators.back().name);
    check_last_machine_distinct(options.accelerators, labels);
  }
  options.objectives = sweep_objectives(objectives);
  options.threads = threads;
  options.target_ratio = sweep_target_ratio(ratio);
  options.knee_share = sweep_knee_share(knee_text);
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
  m.def("load_onnx", &load_onnx, py::arg("path"), py::arg("batch") = py::none(),
        "The conv and fc layers of an ONNX model as a spad.Network; batch sets N where the\n"
        "model's batch dimension is symbolic.");
  m.def("load_network", &load_network_arg, py::arg("model"), py::arg("batch") = py::none(),
        "What --model takes: a zoo name, a network .json file or an .onnx model; batch\n"
        "replaces every layer's N.");
  m.def("sweep", &sweep_document, py::arg("models"), py::arg("buffers"),
        py::arg("machine") = py::none(), py::arg("accelerators") = py::list(),
        py::arg("objectives") = py::list(), py::arg("batch") = py::none(),
        py::arg("baselines") = false, py::arg("per_layer") = false,
        py::arg("target_ratio") = py::none(), py::arg("knee") = py::none(), py::arg("threads") = 0,
        "Traffic of every layer's optimum over scratchpad capacities: the dict\n"
        "`spad sweep --json` prints (spad-sweep/1). models: 'resnet50,mobilenet_v2' or a\n"
        "list of names, files or spad.Network; buffers: '1KiB..4MiB:x2' (as --buffers) or\n"
        "a list of byte counts; several on-chip levels: one capacity set per level,\n"
        "outermost first, '512KiB;16KiB..64KiB:x2' or ['512KiB', '16KiB..64KiB:x2'] (a\n"
        "set: a str or a list of ints and str), the level search at every combination;\n"
        "machine: precisions and options, without a buffer; accelerators: a list of\n"
        "spad.Accelerator, or spad.LevelAccelerator with one level per capacity set (then\n"
        "no machine options), objectives:\n"
        "'traffic', 'latency', 'energy' (a list, or one comma-separated str); target_ratio,\n"
        "knee: texts as --target-ratio, --knee or numbers (knee=True: the default share\n"
        "0.1).");
}

}  // namespace spad::python
