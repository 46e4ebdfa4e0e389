// spad.Layer, spad.Schedule, spad.Machine, spad.Accelerator and spad.Network:
// the values, read by the same readers as the CLI's --layer, --schedule,
// --buffer/--precision, --machine and --model, so a bad value raises
// spad.UserError with the CLI's message.
#include <pybind11/stl.h>

#include "base/name_text.hpp"
#include "io/machine/accelerator_file.hpp"
#include "io/machine/accelerator_json.hpp"
#include "python/bindings.hpp"

namespace spad::python {
namespace {

constexpr Arg kLayerArg{"spad.Layer()", "arg"};
constexpr Arg kScheduleArg{"spad.Schedule()", "arg"};
constexpr const char* kMachine = "spad.Machine()";

// One key or value of a precision dict as text: a str, or an int for a value.
std::string precision_part(const py::handle& part, bool value) {
  const Arg arg{kMachine, "precision"};
  std::string text;
  if (py::isinstance<py::str>(part))
    text = part.cast<std::string>();
  else if (value && !PyBool_Check(part.ptr()) && PyIndex_Check(part.ptr()))
    text = int_text_arg(part, arg);
  else
    wrong_type(Arg{kMachine, value ? "a precision value" : "a precision key"},
               value ? "an int (bytes) or a str (a type name such as 'int32')" : "a str", part);
  // A ',' or '=' would be read as another pair of the --precision text.
  if (text.find_first_of(",=") != std::string::npos)
    throw UserError("precision: " + std::string(value ? "value" : "key") + " " + in_quotes(text) +
                    " contains ',' or '='; give each key once in the dict");
  return text;
}

// The --precision text of the argument: "in=1,w=2" as given, or from a dict
// {"in": 1, "w": "int16"}; "" for None.
std::string precision_text(const py::handle& arg) {
  if (arg.is_none()) return "";
  if (py::isinstance<py::str>(arg)) return arg.cast<std::string>();
  if (!py::isinstance<py::dict>(arg))
    wrong_type(Arg{kMachine, "precision"},
               "a str such as 'in=1,psum=4', a dict such as {'psum': 4} or None", arg);
  std::string text;
  for (const auto& [key, value] : arg.cast<py::dict>()) {
    if (!text.empty()) text += ',';
    text += precision_part(key, false) + '=' + precision_part(value, true);
  }
  return text;
}

// As machine_from_flags (cli/machine_flags): precision, then buffer, then
// the whole machine validated.
PyMachine make_machine(const py::object& buffer, const py::object& precision,
                       const py::object& halo_reuse, const py::object& double_buffer) {
  PyMachine m;
  m.precision_text = precision_text(precision);
  m.machine.precision = parse_precision(m.precision_text);
  if (!buffer.is_none()) m.machine.capacity_bytes = buffer_arg(buffer, Arg{kMachine, "buffer"});
  m.machine.halo_reuse = bool_arg(halo_reuse, Arg{kMachine, "halo_reuse"});
  m.machine.double_buffer = bool_arg(double_buffer, Arg{kMachine, "double_buffer"});
  validate(m.machine);
  return m;
}

Accelerator accelerator_from_file(const py::object& path) {
  return read_accelerator_file(text_arg(path, Arg{"spad.Accelerator()", "path"}, true));
}

Accelerator accelerator_from_text(const py::object& text, const py::object& source) {
  const char* where = "spad.Accelerator.from_text()";
  return parse_accelerator_text(text_arg(text, Arg{where, "text"}),
                                text_arg(source, Arg{where, "source"}));
}

// a == b for two values of one type; NotImplemented for any other b (so
// `layer == 5` is False, as Python compares unrelated objects).
template <class T>
py::object equal_to(const T& a, const py::object& b) {
  if (!py::isinstance<T>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
  return py::bool_(a == b.cast<const T&>());
}

py::dict per_dim(const PerDim<Count>& v) {
  py::dict d;
  for (Dim dim : kAllDims) d[py::str(std::string(dim_name(dim)))] = v[dim];
  return d;
}

void bind_layer(py::module_& m) {
  py::class_<Layer>(m, "Layer",
                    "A convolution or fully-connected layer: what is computed.\n\n"
                    "Layer(arg): a layer file path, JSON text, the inline form\n"
                    "'C=64,M=64,H=56,W=56,kernel=3,pad=1' (what --layer takes), or a dict\n"
                    "with the layer file's keys. Raises spad.UserError with the CLI's message.")
      .def(py::init([](const py::object& arg) { return layer_arg(arg, kLayerArg); }),
           py::arg("arg"))
      .def_property_readonly("name", &Layer::name)
      .def_property_readonly("N", [](const Layer& l) { return l.spec().N; })
      .def_property_readonly("C", [](const Layer& l) { return l.spec().C; })
      .def_property_readonly("M", [](const Layer& l) { return l.spec().M; })
      .def_property_readonly("H", [](const Layer& l) { return l.spec().H; })
      .def_property_readonly("W", [](const Layer& l) { return l.spec().W; })
      .def_property_readonly("R", [](const Layer& l) { return l.spec().R; })
      .def_property_readonly("S", [](const Layer& l) { return l.spec().S; })
      .def_property_readonly("groups", [](const Layer& l) { return l.spec().groups; })
      .def_property_readonly("P", &Layer::P, "output height")
      .def_property_readonly("Q", &Layer::Q, "output width")
      .def_property_readonly("macs", &Layer::macs, "multiply-accumulates N*M*(C/G)*R*S*P*Q")
      .def_property_readonly(
          "bounds", [](const Layer& l) { return per_dim(l.bounds()); },
          "trip counts of the loops n g m c p q r s")
      .def(
          "to_dict", [](const Layer& l) { return to_python(layer_to_json(l.spec())); },
          "the layer file form (every key), as in the JSON documents")
      .def("__eq__", [](const Layer& a, const py::object& b) { return equal_to(a, b); })
      .def("__repr__", [](const Layer& l) {
        return "spad.Layer(" + py::repr(to_python(layer_to_json(l.spec()))).cast<std::string>() +
               ")";
      });
}

void bind_schedule(py::module_& m) {
  py::class_<Schedule>(m, "Schedule",
                       "How a layer runs: tiles, loop order (innermost first), buffer spans.\n\n"
                       "Schedule(arg): a schedule file path, JSON text or a dict in the\n"
                       "canonical form, or a result document (its 'schedule' is read), as\n"
                       "--schedule takes.")
      .def(py::init([](const py::object& arg) { return schedule_arg(arg, kScheduleArg); }),
           py::arg("arg"))
      .def_property_readonly("order",
                             [](const Schedule& s) {
                               py::list order;
                               for (Dim d : s.order) order.append(std::string(dim_name(d)));
                               return order;
                             })
      .def_property_readonly("tiles", [](const Schedule& s) { return per_dim(s.tiles); })
      .def_property_readonly("buffer_span",
                             [](const Schedule& s) {
                               py::dict d;
                               for (Tensor t : kAllTensors)
                                 d[py::str(std::string(tensor_name(t)))] = s.buffer_span[t];
                               return d;
                             })
      .def("to_dict", [](const Schedule& s) { return to_python(schedule_to_json(s)); })
      .def("__eq__", [](const Schedule& a, const py::object& b) { return equal_to(a, b); })
      .def("__repr__", [](const Schedule& s) {
        return "spad.Schedule('" + schedule_to_canonical_string(s) + "')";
      });
}

void bind_machine(py::module_& m) {
  py::class_<PyMachine>(m, "Machine",
                        "Element sizes, scratchpad capacity and hardware options.\n\n"
                        "Machine(buffer=None, precision=None, halo_reuse=False,\n"
                        "        double_buffer=False)\n"
                        "buffer: bytes (int) or a size text '64KiB' (as --buffer); None:\n"
                        "unbounded. precision: 'in=1,w=1,out=1,psum=4' (as --precision) or a\n"
                        "dict {'in': 1, 'psum': 'int32'}; None: the defaults (int8 data,\n"
                        "int32 partial sums), or a network's own element sizes.")
      .def(py::init(&make_machine), py::arg("buffer") = py::none(),
           py::arg("precision") = py::none(), py::arg("halo_reuse") = false,
           py::arg("double_buffer") = false)
      .def_property_readonly("capacity_bytes",
                             [](const PyMachine& pm) { return pm.machine.capacity_bytes; })
      .def_property_readonly("halo_reuse",
                             [](const PyMachine& pm) { return pm.machine.halo_reuse; })
      .def_property_readonly("double_buffer",
                             [](const PyMachine& pm) { return pm.machine.double_buffer; })
      .def_property_readonly(
          "precision",
          [](const PyMachine& pm) { return to_python(machine_to_json(pm.machine))["precision"]; })
      .def(
          "to_dict", [](const PyMachine& pm) { return to_python(machine_to_json(pm.machine)); },
          "the 'machine' member of the result documents")
      .def("__repr__", [](const PyMachine& pm) {
        return "spad.Machine(" +
               py::repr(to_python(machine_to_json(pm.machine))).cast<std::string>() + ")";
      });
}

void bind_accelerator(py::module_& m) {
  py::class_<Accelerator>(m, "Accelerator",
                          "A machine file (YAML or JSON, examples/machines): scratchpad, MAC\n"
                          "array, DMA engine, energies. Accelerator(path), as --machine takes.")
      .def(py::init(&accelerator_from_file), py::arg("path"))
      .def_static("from_text", &accelerator_from_text, py::arg("text"),
                  py::arg("source") = "<text>")
      .def_property_readonly("name", [](const Accelerator& a) { return a.name; })
      .def(
          "to_dict", [](const Accelerator& a) { return to_python(accelerator_to_json(a)); },
          "the machine document (spad-machine/1), as in `spad accel --json`'s 'accelerator'")
      .def("__repr__", [](const Accelerator& a) { return "spad.Accelerator('" + a.name + "')"; });
}

// A machine file with a levels: list (several on-chip levels), for
// spad.accel's level search (`spad accel --layer L --machine M.yaml`).
void bind_level_accelerator(py::module_& m) {
  py::class_<LevelAccelerator>(
      m, "LevelAccelerator",
      "A machine file with a levels: list (several on-chip levels, e.g.\n"
      "examples/machines/gap-like.yaml): per level its capacity, DMA port and SRAM\n"
      "energy; MAC array, energies. LevelAccelerator(path), as --machine takes; a\n"
      "one-level file is one level.")
      .def(py::init([](const py::object& path) {
             return read_level_accelerator_file(
                 text_arg(path, Arg{"spad.LevelAccelerator()", "path"}, true));
           }),
           py::arg("path"))
      .def_property_readonly("name", [](const LevelAccelerator& a) { return a.name; })
      .def_property_readonly("levels",
                             [](const LevelAccelerator& a) { return a.memory.levels.size(); })
      .def(
          "to_dict",
          [](const LevelAccelerator& a) { return to_python(level_accelerator_to_json(a)); },
          "the machine document (spad-machine/1), as in `spad accel --json`'s 'accelerator'")
      .def("__repr__",
           [](const LevelAccelerator& a) { return "spad.LevelAccelerator('" + a.name + "')"; });
}

void bind_network(py::module_& m) {
  py::class_<Network>(m, "Network",
                      "The conv and fc layers of a network in graph order (spad.zoo,\n"
                      "spad.load_onnx, spad.load_network).")
      .def_property_readonly("model", [](const Network& n) { return n.model; })
      .def_property_readonly("source", [](const Network& n) { return n.source; })
      .def_property_readonly("layers",
                             [](const Network& n) {
                               py::list layers;
                               for (const NetworkLayer& l : n.layers) layers.append(Layer(l.spec));
                               return layers;
                             })
      .def_property_readonly(
          "kinds",
          [](const Network& n) {
            py::list kinds;
            for (const NetworkLayer& l : n.layers)
              kinds.append(std::string(layer_kind_name(l.kind)));
            return kinds;
          },
          "each layer's kind: 'conv', 'fc' or 'matmul'")
      .def_property_readonly("not_scheduled", [](const Network& n) { return n.not_scheduled; })
      .def_property_readonly("warnings", [](const Network& n) { return n.warnings; })
      .def("__len__", [](const Network& n) { return n.layers.size(); })
      .def("__repr__", [](const Network& n) {
        return "spad.Network('" + n.model + "', " + std::to_string(n.layers.size()) + " layers)";
      });
}

}  // namespace

void bind_values(py::module_& m) {
  bind_layer(m);
  bind_schedule(m);
  bind_machine(m);
  bind_accelerator(m);
  bind_level_accelerator(m);
  bind_network(m);
}

}  // namespace spad::python
