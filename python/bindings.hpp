// What the pieces of the Python module share: the machine value as Python
// holds it, the conversion of spad's JSON documents into Python objects, and
// the functions that register each group of bindings (python/module.cpp
// calls them in order).
#pragma once

#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>
#include <spad/spad.hpp>
#include <string>

namespace spad::python {

namespace py = pybind11;

// spad.Machine: the validated Machine, and the precision text it was given
// (like --precision: the keys given win over a network's own element sizes,
// the others come from the network; empty = the defaults).
struct PyMachine {
  Machine machine;
  std::string precision_text;
};

// The precisions `machine` implies for `net` (as `spad optimize --model`):
// the network's own element sizes with the keys of precision_text on top.
Machine machine_for_network(const PyMachine& machine, const Network& net);

// A document as the dict (list, number, ...) json.loads gives for the text
// the `spad` command prints: same keys, same order, same numbers.
py::object to_python(const nlohmann::ordered_json& document);

// Python text of a dict / list argument (json.dumps), for the readers that
// take JSON text.
std::string json_text_of(const py::handle& value);

// A layer or schedule argument: the spad value itself, or anything its
// constructor takes (text as --layer / --schedule, or a dict). Conversion
// errors raise spad.UserError (an implicit pybind11 conversion would hide
// them behind a TypeError).
Layer as_layer(const py::object& arg);
Schedule as_schedule(const py::object& arg);

void bind_values(py::module_& m);
void bind_layer_questions(py::module_& m);
void bind_network_questions(py::module_& m);
void bind_studies(py::module_& m);

}  // namespace spad::python
