// spad.Layer, spad.Schedule, spad.Machine, spad.Accelerator and spad.Network:
// the values, read by the same readers as the CLI's --layer, --schedule,
// --buffer/--precision, --machine and --model, so a bad value raises
// spad.UserError with the CLI's message.
#include <pybind11/stl.h>

#include <optional>
#include <variant>

#include "python/bindings.hpp"

namespace spad::python {
namespace {

Layer layer_from(const py::object& arg) {
  if (py::isinstance<py::dict>(arg)) return load_layer(json_text_of(arg));
  return load_layer(arg.cast<std::string>());
}

Schedule schedule_from(const py::object& arg) {
  if (py::isinstance<py::dict>(arg)) return load_schedule_arg(json_text_of(arg));
  return load_schedule_arg(arg.cast<std::string>());
}

// "in=1,w=2" from {"in": 1, "w": 2} (values may be type names: "int32").
std::string precision_text(const py::object& arg) {
  if (arg.is_none()) return "";
  if (!py::isinstance<py::dict>(arg)) return arg.cast<std::string>();
  std::string text;
  for (const auto& [key, value] : arg.cast<py::dict>()) {
    if (!text.empty()) text += ',';
    text += py::str(key).cast<std::string>();
    text += '=';
    text += py::str(value).cast<std::string>();
  }
  return text;
}

PyMachine make_machine(const std::optional<std::variant<Count, std::string>>& buffer,
                       const py::object& precision, bool halo_reuse, bool double_buffer) {
  PyMachine m;
  m.precision_text = precision_text(precision);
  m.machine.precision = parse_precision(m.precision_text);
  if (buffer) {
    if (const auto* bytes = std::get_if<Count>(&*buffer))
      m.machine.capacity_bytes = *bytes;
    else
      m.machine.capacity_bytes = parse_byte_size(std::get<std::string>(*buffer), "--buffer");
  }
  m.machine.halo_reuse = halo_reuse;
  m.machine.double_buffer = double_buffer;
  validate(m.machine);
  return m;
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
      .def(py::init(&layer_from), py::arg("arg"))
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
      .def("__eq__", [](const Layer& a, const Layer& b) { return a == b; })
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
      .def(py::init(&schedule_from), py::arg("arg"))
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
      .def("__eq__", [](const Schedule& a, const Schedule& b) { return a == b; })
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
      .def(py::init(&read_accelerator_file), py::arg("path"))
      .def_static(
          "from_text",
          [](const std::string& text, const std::string& source) {
            return parse_accelerator_text(text, source);
          },
          py::arg("text"), py::arg("source") = "<text>")
      .def_property_readonly("name", [](const Accelerator& a) { return a.name; })
      .def(
          "to_dict", [](const Accelerator& a) { return to_python(accelerator_to_json(a)); },
          "the machine document (spad-machine/1), as in `spad accel --json`'s 'accelerator'")
      .def("__repr__", [](const Accelerator& a) { return "spad.Accelerator('" + a.name + "')"; });
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

Layer as_layer(const py::object& arg) {
  if (py::isinstance<Layer>(arg)) return arg.cast<Layer>();
  return layer_from(arg);
}

Schedule as_schedule(const py::object& arg) {
  if (py::isinstance<Schedule>(arg)) return arg.cast<Schedule>();
  return schedule_from(arg);
}

void bind_values(py::module_& m) {
  bind_layer(m);
  bind_schedule(m);
  bind_machine(m);
  bind_accelerator(m);
  bind_network(m);
}

}  // namespace spad::python
