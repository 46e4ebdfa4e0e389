// What the pieces of the Python module share: the machine value as Python
// holds it, the conversion of spad's JSON documents into Python objects, the
// machine and network arguments (the others: python/arguments.hpp), and the
// functions that register each group of bindings (python/module.cpp calls
// them in order).
#pragma once

#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <spad/spad.hpp>
#include <string>
#include <vector>

#include "python/arguments.hpp"

namespace spad::python {

namespace py = pybind11;

// spad.Machine: the validated Machine, and the precision text it was given
// (like --precision: the keys given win over a network's own element sizes,
// the others come from the network; empty = the defaults).
struct PyMachine {
  Machine machine;
  std::string precision_text;
};

// A document as the dict (list, number, ...) json.loads gives for the text
// the `spad` command prints: same keys, same order, same numbers.
py::object to_python(const nlohmann::ordered_json& document);

// Python text of a dict / list argument (json.dumps), for the readers that
// take JSON text.
std::string json_text_of(const py::handle& value);

// A spad.Machine argument (TypeError otherwise).
const PyMachine& machine_arg(const py::handle& value, const Arg& arg);

// A network argument: a spad.Network, a spad.Layer (a one-layer network, as
// compare --layer and accel --layer run: then neither `batch` nor a layer
// selection, as the CLI refuses them with --layer), or text as --model
// takes it (a zoo name, a network .json or .onnx file; os.PathLike too)
// with `batch` (only for text: a loaded network has its batch).
Network network_arg(const py::handle& value, const Arg& arg, std::optional<Count> batch,
                    bool layers_given = false);

// A machine given to a question that needs a capacity (optimize and the
// network studies): UserError "--buffer is required", the CLI's message,
// when it has none.
void require_buffer(const PyMachine& machine);

// The search options of spad.optimize and spad.optimize_network, read from
// their arguments threads, uniform_spans, fixed_order (a str or a list of
// loop letters), min_buffer and fixed_spans (a str "I=2,W=1,O=3" or None)
// (io/text/search_arguments).
SearchOptions search_options_arg(const char* function, const py::handle& threads,
                                 const py::handle& uniform_spans, const py::handle& fixed_order,
                                 const py::handle& min_buffer, const py::handle& fixed_spans);

// spad.sweep's arguments beyond the networks, capacities, machine and
// machines, for the sweep over several on-chip levels: which of the options
// without a several-level form were given (refused by the command's message).
struct SweepLevelFlags {
  bool baselines = false;
  bool target_ratio = false;
  bool knee = false;
  bool per_layer = false;
  int threads = 0;
};

// spad.sweep with one capacity set per on-chip level (`buffers`: the
// --buffers text with ';'), as `spad sweep --buffers "A;B" --json`
// (python/level_sweep.cpp). `accelerators`: spad.LevelAccelerator or
// spad.Accelerator values (type-checked by the caller); `networks` already
// carry the machine's precision text.
py::object level_sweep_document(const std::vector<Network>& networks, const std::string& buffers,
                                const PyMachine& plain, const std::vector<py::handle>& accelerators,
                                const std::vector<std::string>& objectives,
                                const SweepLevelFlags& flags);

void bind_values(py::module_& m);
void bind_layer_questions(py::module_& m);
void bind_level_questions(py::module_& m);
void bind_network_questions(py::module_& m);
void bind_studies(py::module_& m);

}  // namespace spad::python
