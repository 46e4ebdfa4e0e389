// The Python module's argument readers (see arguments.hpp).
#include "python/arguments.hpp"

#include <algorithm>

#include "base/name_text.hpp"
#include "io/json/schedule_json.hpp"
#include "io/text/byte_size.hpp"
#include "io/text/level_space_text.hpp"
#include "io/text/search_arguments.hpp"
#include "io/text/whole_number_text.hpp"
#include "python/bindings.hpp"

namespace spad::python {
namespace {

// "int", "NoneType", "spad.Layer" (the module's classes by their public name).
std::string type_name(const py::handle& value) {
  const py::handle type = py::type::handle_of(value);
  const std::string name = py::str(type.attr("__qualname__"));
  const std::string module = py::str(type.attr("__module__"));
  if (module == "builtins") return name;
  if (module == "spad._spad" || module == "spad") return "spad." + name;
  return module + "." + name;
}

bool is_int(const py::handle& value) {
  return !PyBool_Check(value.ptr()) && PyIndex_Check(value.ptr());
}

bool is_list(const py::handle& value) {
  return py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value);
}

// "buffers[1]": an item of a list argument, named for messages.
std::string item_name(const std::string& list, std::size_t index) {
  return list + "[" + std::to_string(index) + "]";
}

// One capacity of a list: an int (bytes) or a str size, as its text.
std::string capacity_item_text(const py::handle& item, const std::string& function,
                               const std::string& name) {
  if (py::isinstance<py::str>(item)) return item.cast<std::string>();
  const Arg arg{function.c_str(), name.c_str()};
  if (!is_int(item)) wrong_type(arg, "an int (bytes) or a str such as '64KiB'", item);
  return int_text_arg(item, arg);
}

// One level's capacity set in a list of sets (see capacity_sets_text).
std::string capacity_set_text(const py::handle& set, const std::string& function,
                              const std::string& name) {
  if (py::isinstance<py::str>(set)) {
    std::string text = set.cast<std::string>();
    if (text.find(';') != std::string::npos)
      throw UserError(name + ": " + in_quotes(text) +
                      " holds a ';'; in a list each item is one level's capacity set");
    return text;
  }
  std::string text;
  const std::vector<py::handle> items(set.begin(), set.end());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item = capacity_item_text(items[i], function, item_name(name, i));
    if (item.find(';') != std::string::npos)
      throw UserError(item_name(name, i) + ": " + in_quotes(item) +
                      " holds a ';'; in a list each item is one level's capacity set");
    if (i > 0) text += ',';
    text += item;
  }
  return text;
}

}  // namespace

void wrong_type(const Arg& arg, const std::string& expected, const py::handle& got) {
  std::string message = std::string(arg.function) + ": " + arg.name + " must be " + expected +
                        ", not " + type_name(got);
  // The value too when it is short and of a built-in type: "not float (2.5)".
  if (!got.is_none() &&
      std::string(py::str(py::type::handle_of(got).attr("__module__"))) == "builtins") {
    const std::string repr = py::repr(got);
    if (repr.size() <= 40) message += " (" + repr + ")";
  }
  throw py::type_error(message);
}

std::string text_arg(const py::handle& value, const Arg& arg, bool path) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (path && py::hasattr(value, "__fspath__")) {
    const py::object text = py::module_::import("os").attr("fspath")(value);
    if (py::isinstance<py::str>(text)) return text.cast<std::string>();
  }
  wrong_type(arg, path ? "a str or an os.PathLike path" : "a str", value);
}

std::optional<std::string> optional_text_arg(const py::handle& value, const Arg& arg) {
  if (value.is_none()) return std::nullopt;
  if (!py::isinstance<py::str>(value)) wrong_type(arg, "a str or None", value);
  return value.cast<std::string>();
}

bool bool_arg(const py::handle& value, const Arg& arg) {
  if (!PyBool_Check(value.ptr())) wrong_type(arg, "a bool (True or False)", value);
  return value.ptr() == Py_True;
}

std::string int_text_arg(const py::handle& value, const Arg& arg) {
  if (!is_int(value)) wrong_type(arg, "an int", value);
  return py::str(py::reinterpret_steal<py::object>(PyNumber_Index(value.ptr())));
}

std::optional<Count> batch_arg(const py::handle& value, const Arg& arg) {
  if (value.is_none()) return std::nullopt;
  if (!is_int(value)) wrong_type(arg, "an int or None", value);
  return parse_whole_number(int_text_arg(value, arg), "--batch", kBatchRange);
}

int threads_arg(const py::handle& value, const Arg& arg) {
  return static_cast<int>(parse_whole_number(int_text_arg(value, arg), "--threads", kThreadsRange));
}

std::uint64_t seed_arg(const py::handle& value, const Arg& arg) {
  return parse_seed(int_text_arg(value, arg), "--seed");
}

Count buffer_arg(const py::handle& value, const Arg& arg) {
  if (py::isinstance<py::str>(value)) return parse_byte_size(value.cast<std::string>(), "--buffer");
  if (!is_int(value)) wrong_type(arg, "an int (bytes), a str such as '64KiB', or None", value);
  return parse_byte_size(int_text_arg(value, arg), "--buffer");
}

std::string level_buffers_text(const py::handle& value, const Arg& arg, bool none_too) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  const std::vector<py::handle> items =
      list_arg(value, arg,
               std::string(none_too ? "None, " : "") +
                   "a str such as '512KiB,64KiB' or a list of ints (bytes) or str");
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += ',';
    text += capacity_item_text(items[i], arg.function, item_name(arg.name, i));
  }
  return text;
}

std::string capacity_sets_text(const py::handle& value, const Arg& arg) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  const std::vector<py::handle> items =
      list_arg(value, arg,
               "a str such as '4KiB..1MiB:x2' or '512KiB;16KiB..64KiB:x2', a list of ints "
               "(bytes) or a list of one capacity set per level");
  // A list of ints: one level's capacities; a str or list item: the sets.
  const bool sets = std::any_of(items.begin(), items.end(), [](const py::handle& item) {
    return py::isinstance<py::str>(item) || is_list(item);
  });
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string name = item_name(arg.name, i);
    const Arg item{arg.function, name.c_str()};
    if (!sets) {
      if (!is_int(items[i]))
        wrong_type(item, "an int (bytes), a str or a list (one level's capacity set)", items[i]);
      if (i > 0) text += ',';
      text += int_text_arg(items[i], item);
      continue;
    }
    if (!py::isinstance<py::str>(items[i]) && !is_list(items[i]))
      wrong_type(item,
                 "a str such as '16KiB..64KiB:x2' or a list of ints (bytes) and str, one "
                 "level's capacity set (a list of ints alone is one level's capacities)",
                 items[i]);
    if (i > 0) text += ';';
    text += capacity_set_text(items[i], arg.function, name);
  }
  return text;
}

LevelSearchSpace level_space_arg(const char* function, std::size_t levels,
                                 const py::handle& uniform_spans, const py::handle& fixed_order,
                                 const py::handle& fixed_spans, std::string_view levels_from) {
  return level_search_space(bool_arg(uniform_spans, Arg{function, "uniform_spans"}),
                            optional_text_arg(fixed_order, Arg{function, "fixed_order"}),
                            optional_text_arg(fixed_spans, Arg{function, "fixed_spans"}), levels,
                            levels_from);
}

SearchSpace one_level_space_arg(const char* function, const py::handle& uniform_spans,
                                const py::handle& fixed_order, const py::handle& fixed_spans) {
  SearchArguments args;
  args.uniform_spans = bool_arg(uniform_spans, Arg{function, "uniform_spans"});
  args.fixed_order = optional_text_arg(fixed_order, Arg{function, "fixed_order"});
  args.fixed_spans = optional_text_arg(fixed_spans, Arg{function, "fixed_spans"});
  args.levels_from = "the machine file";  // as `spad accel` says it
  return search_options(args).space;
}

std::vector<py::handle> list_arg(const py::handle& value, const Arg& arg,
                                 const std::string& expected) {
  if (!is_list(value)) wrong_type(arg, expected, value);
  std::vector<py::handle> items;
  for (const py::handle item : value) items.push_back(item);
  return items;
}

Layer layer_arg(const py::handle& value, const Arg& arg) {
  if (py::isinstance<Layer>(value)) return value.cast<Layer>();
  if (py::isinstance<py::dict>(value)) return load_layer(json_text_of(value));
  if (py::isinstance<py::str>(value) || py::hasattr(value, "__fspath__"))
    return load_layer(text_arg(value, arg, true));
  wrong_type(arg,
             "a spad.Layer, a str (a layer file, JSON text or the inline form "
             "'C=64,M=64,H=56,W=56,kernel=3') or a dict",
             value);
}

NetworkLayer layer_entry_arg(const py::handle& value, const Arg& arg) {
  if (py::isinstance<Layer>(value)) return NetworkLayer{value.cast<Layer>().spec()};
  if (py::isinstance<py::dict>(value)) return load_network_layer(json_text_of(value));
  if (py::isinstance<py::str>(value) || py::hasattr(value, "__fspath__"))
    return load_network_layer(text_arg(value, arg, true));
  return NetworkLayer{layer_arg(value, arg).spec()};  // raises the TypeError
}

Machine entry_machine(const NetworkLayer& entry, Machine machine,
                      const std::string& precision_text) {
  machine.precision = layer_arg_precision(entry, machine.precision, precision_text);
  return machine;
}

Schedule schedule_arg(const py::handle& value, const Arg& arg) {
  if (py::isinstance<Schedule>(value)) return value.cast<Schedule>();
  if (py::isinstance<py::dict>(value)) return load_schedule_arg(json_text_of(value));
  if (py::isinstance<py::str>(value) || py::hasattr(value, "__fspath__"))
    return load_schedule_arg(text_arg(value, arg, true));
  wrong_type(arg, "a spad.Schedule, a str (a schedule file or JSON text) or a dict", value);
}

std::string schedule_source_arg(const py::handle& value, const Arg& arg) {
  if (py::isinstance<py::str>(value) || py::hasattr(value, "__fspath__"))
    return schedule_arg_source(text_arg(value, arg, true));
  return "--schedule";
}

const Accelerator& accelerator_arg(const py::handle& value, const Arg& arg) {
  if (!py::isinstance<Accelerator>(value)) wrong_type(arg, "a spad.Accelerator", value);
  return value.cast<const Accelerator&>();
}

const PyMachine& machine_arg(const py::handle& value, const Arg& arg) {
  if (!py::isinstance<PyMachine>(value)) wrong_type(arg, "a spad.Machine", value);
  return value.cast<const PyMachine&>();
}

Network network_arg(const py::handle& value, const Arg& arg, std::optional<Count> batch,
                    bool layers_given) {
  if (py::isinstance<Network>(value)) {
    if (batch) throw UserError("batch: give it when the network is loaded (spad.load_network)");
    return value.cast<Network>();
  }
  if (py::isinstance<Layer>(value)) {
    // The CLI's messages for --layer with --batch or --layers.
    if (batch) throw UserError("--layer excludes --batch");
    if (layers_given) throw UserError("--layer excludes --layers");
    return one_layer_network(value.cast<Layer>());
  }
  if (py::isinstance<py::str>(value) || py::hasattr(value, "__fspath__"))
    return load_network(text_arg(value, arg, true), NetworkLoadOptions{batch});
  wrong_type(arg,
             "a spad.Network, a spad.Layer or a str (a zoo name, a network .json or .onnx "
             "file)",
             value);
}

void require_buffer(const PyMachine& machine) {
  if (!machine.machine.capacity_bytes) throw UserError("--buffer is required");
}

SearchOptions search_options_arg(const char* function, const py::handle& threads,
                                 const py::handle& uniform_spans, const py::handle& fixed_order,
                                 const py::handle& min_buffer, const py::handle& fixed_spans) {
  SearchArguments args;
  args.threads = threads_arg(threads, Arg{function, "threads"});
  args.uniform_spans = bool_arg(uniform_spans, Arg{function, "uniform_spans"});
  const Arg order{function, "fixed_order"};
  const char* order_expected = "a str such as 's,r,q,p,c,m,g,n', a list of loop letters or None";
  if (py::isinstance<py::str>(fixed_order)) {
    args.fixed_order = fixed_order.cast<std::string>();
  } else if (!fixed_order.is_none()) {
    std::string text;
    for (const py::handle letter : list_arg(fixed_order, order, order_expected)) {
      if (!py::isinstance<py::str>(letter)) wrong_type(order, order_expected, letter);
      if (!text.empty()) text += ',';
      text += letter.cast<std::string>();
    }
    args.fixed_order = text;
  }
  args.min_buffer = bool_arg(min_buffer, Arg{function, "min_buffer"});
  args.fixed_spans = optional_text_arg(fixed_spans, Arg{function, "fixed_spans"});
  return search_options(args);
}

}  // namespace spad::python
