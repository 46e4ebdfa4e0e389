// The Python module spad._spad (re-exported by python/spad/__init__.py):
// pybind11 bindings over the public API (include/spad/spad.hpp). Errors:
// spad::UserError -> spad.UserError (a ValueError), spad::InternalError ->
// spad.InternalError (a RuntimeError); their messages are the CLI's (what
// `spad` prints after "spad: error: ").
#include <pybind11/pybind11.h>

#include "python/bindings.hpp"

namespace spad::python {

py::object to_python(const nlohmann::ordered_json& document) {
  return py::module_::import("json").attr("loads")(json_document_text(document));
}

std::string json_text_of(const py::handle& value) {
  return py::module_::import("json").attr("dumps")(value).cast<std::string>();
}

Machine machine_for_network(const PyMachine& machine, const Network& net) {
  Machine m = machine.machine;
  if (net.precision) m.precision = parse_precision(machine.precision_text, *net.precision);
  return m;
}

}  // namespace spad::python

PYBIND11_MODULE(_spad, m) {
  namespace py = pybind11;
  m.doc() = "spad: memory-optimal schedules of CNN layers on scratchpad accelerators";
  py::register_exception<spad::UserError>(m, "UserError", PyExc_ValueError);
  py::register_exception<spad::InternalError>(m, "InternalError", PyExc_RuntimeError);
  spad::python::bind_values(m);
  spad::python::bind_layer_questions(m);
  spad::python::bind_level_questions(m);
  spad::python::bind_network_questions(m);
  spad::python::bind_studies(m);
}
