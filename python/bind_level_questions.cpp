// spad.evaluate_levels and spad.simulate_levels: one layer's schedule of
// several on-chip levels costed by the level model or the level simulator;
// spad.optimize_levels and spad.optimize_network_levels: the level search on
// one layer or a network. Each returns the document `spad evaluate|simulate
// --schedule S --buffer OUTER,INNER --json` or `spad optimize --layer|--model
// ... --buffer OUTER,INNER --json` prints (io/json), as a dict; the levels'
// machine is built by the code the CLI uses (io/text/buffer_levels).
#include <pybind11/stl.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/json/execution_check_json.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/level_optimize_document.hpp"
#include "io/json/level_result_json.hpp"
#include "io/json/level_schedule_json.hpp"
#include "io/json/network_level_result_json.hpp"
#include "io/text/buffer_levels.hpp"
#include "io/text/network_layer_selection.hpp"
#include "io/text/network_precision.hpp"
#include "model/level_evaluate.hpp"
#include "python/bindings.hpp"
#include "search/level_search.hpp"
#include "sim/level_executor.hpp"
#include "sim/level_simulator.hpp"
#include "study/level_execution_check.hpp"
#include "study/optimize_network.hpp"
#include "study/optimize_network_levels.hpp"

namespace spad::python {
namespace {

// --schedule of several levels: a file or JSON text (str / os.PathLike), a
// dict ({"levels": [...]}, a one-level schedule, or a result document), or a
// spad.Schedule (one level).
LevelSchedule level_schedule_arg(const py::handle& value, const Arg& arg) {
  if (py::isinstance<Schedule>(value)) return as_levels(value.cast<Schedule>());
  if (py::isinstance<py::dict>(value)) return load_level_schedule_arg(json_text_of(value));
  if (py::isinstance<py::str>(value) || py::hasattr(value, "__fspath__"))
    return load_level_schedule_arg(text_arg(value, arg, true));
  wrong_type(arg,
             "a str (a schedule file or JSON text), a dict ({\"levels\": [...]}) or a "
             "spad.Schedule",
             value);
}

// The machine flags without a capacity: a spad.Machine carries precision and
// options only; the capacities come from `buffers`.
PyMachine plain_machine(const py::object& machine_value, const Arg& arg) {
  const PyMachine plain = machine_value.is_none() ? PyMachine{} : machine_arg(machine_value, arg);
  if (plain.machine.capacity_bytes)
    throw UserError(
        "machine: the levels take their capacities from buffers; give a spad.Machine "
        "without a buffer");
  return plain;
}

// The searched machine: `spad optimize --buffer OUTER,INNER[,...]` with the
// machine flags (cli/machine_flags' memory_levels_from_flags), levels named
// by default (L2, L1, ...). One capacity is refused: that is spad.optimize.
MemoryLevels searched_levels(const char* f, const py::object& buffers, const PyMachine& plain) {
  const std::string text = level_buffers_text(buffers, Arg{f, "buffers"});
  const std::vector<Count> capacities = parse_buffer_levels(text, "--buffer");
  if (capacities.size() < 2)
    throw UserError(std::string(f) + ": buffers '" + text +
                    "' gives one capacity; the level search takes one per on-chip level, "
                    "outermost first ('512KiB,64KiB'); spad.optimize searches one level");
  return memory_levels_for(std::vector<std::string>(capacities.size()), capacities, text,
                           plain.machine.precision, plain.machine.halo_reuse,
                           plain.machine.double_buffer);
}

struct LevelInputs {
  Layer layer;
  LevelSchedule schedule;
  MemoryLevels machine;
  NetworkLayer stated;  // the layer argument's kind and own sizes, as --layer's
};

// What `spad evaluate|simulate` does with --layer, --schedule, --buffer and
// the machine flags for a several-level question (cli/cost_flags).
LevelInputs level_inputs(const char* f, const py::object& layer_value,
                         const py::object& schedule_value, const py::object& buffers,
                         const py::object& machine_value) {
  // As the command's --layer: a layer entry keeps its kind and own sizes.
  NetworkLayer entry = layer_entry_arg(layer_value, Arg{f, "layer"});
  Layer layer(entry.spec);
  LevelSchedule schedule = level_schedule_arg(schedule_value, Arg{f, "schedule"});
  const PyMachine plain = plain_machine(machine_value, Arg{f, "machine"});
  std::optional<std::string> text;
  if (!buffers.is_none()) text = level_buffers_text(buffers, Arg{f, "buffers"}, true);
  // Before the capacities are read, as the CLI does.
  validate_level_schedule_from(schedule, layer,
                               schedule_source_arg(schedule_value, Arg{f, "schedule"}));
  const std::vector<Count> capacities =
      text ? parse_buffer_levels(*text, "--buffer") : std::vector<Count>{};
  std::vector<std::string> names;
  for (const LevelLoops& level : schedule.levels) names.push_back(level.name);
  MemoryLevels machine =
      memory_levels_for(names, capacities, text.value_or(""), plain.machine.precision,
                        plain.machine.halo_reuse, plain.machine.double_buffer);
  machine.precision = layer_arg_precision(entry, machine.precision, plain.precision_text);
  return {std::move(layer), std::move(schedule), std::move(machine), std::move(entry)};
}

py::object evaluate_levels_document(const py::object& layer, const py::object& schedule,
                                    const py::object& buffers, const py::object& machine) {
  const LevelInputs in = level_inputs("spad.evaluate_levels()", layer, schedule, buffers, machine);
  LevelTraffic traffic;
  {
    py::gil_scoped_release release;
    traffic = evaluate_levels(in.layer, in.schedule, in.machine);
  }
  nlohmann::ordered_json doc = level_result_document(in.layer, in.schedule, in.machine, traffic);
  add_layer_entry_keys(doc, in.stated);
  return to_python(doc);
}

// With `execute`, as `simulate --execute --json`: the level executor runs the
// layer on integers from `seed`; "execute" reports its check (returned, not
// raised, when it fails).
py::object simulate_levels_document(const py::object& layer, const py::object& schedule,
                                    const py::object& buffers, const py::object& machine,
                                    const py::object& execute_arg, const py::object& seed_arg_) {
  const char* f = "spad.simulate_levels()";
  const LevelInputs in = level_inputs(f, layer, schedule, buffers, machine);
  const bool execute_it = bool_arg(execute_arg, Arg{f, "execute"});
  const std::uint64_t seed = seed_arg(seed_arg_, Arg{f, "seed"});
  LevelTraffic traffic;
  std::optional<ExecutionCheck> check;
  {
    py::gil_scoped_release release;
    traffic = simulate_levels(in.layer, in.schedule, in.machine);
    if (execute_it) {
      const LevelExecution run = execute_levels(in.layer, in.schedule, in.machine, seed);
      check = check_level_execution(run, traffic, in.machine, seed);
    }
  }
  nlohmann::ordered_json doc = level_result_document(in.layer, in.schedule, in.machine, traffic);
  add_layer_entry_keys(doc, in.stated);
  if (check) doc["execute"] = execution_check_json(*check);
  return to_python(doc);
}

// `spad optimize --layer L --buffer OUTER,INNER[,...] --json`: the level
// search's optimum (search/level_search) and its "search" entry
// (search.seconds: the wall time of this call); nothing fits raises the
// command's message.
py::object optimize_levels_document(const py::object& layer_value, const py::object& buffers,
                                    const py::object& machine_value,
                                    const py::object& threads_value,
                                    const py::object& uniform_spans, const py::object& fixed_order,
                                    const py::object& fixed_spans) {
  const char* f = "spad.optimize_levels()";
  // As the command's --layer: a layer entry keeps its kind and own sizes.
  const NetworkLayer entry = layer_entry_arg(layer_value, Arg{f, "layer"});
  const Layer layer(entry.spec);
  const PyMachine plain = plain_machine(machine_value, Arg{f, "machine"});
  const int threads = threads_arg(threads_value, Arg{f, "threads"});
  MemoryLevels machine = searched_levels(f, buffers, plain);
  machine.precision = layer_arg_precision(entry, machine.precision, plain.precision_text);
  const LevelSearchSpace space =
      level_space_arg(f, machine.levels.size(), uniform_spans, fixed_order, fixed_spans);
  LevelSearchResult result;
  double seconds = 0;
  {
    py::gil_scoped_release release;
    const auto start = std::chrono::steady_clock::now();
    result = optimize_levels(layer, machine, {.threads = threads, .space = space});
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  if (!result.best) throw UserError(level_infeasible_message(layer, machine, space));
  nlohmann::ordered_json doc =
      level_optimize_document(layer, machine, result, threads, seconds, space);
  add_layer_entry_keys(doc, entry);
  return to_python(doc);
}

// `spad optimize --model M --buffer OUTER,INNER[,...] --json`: the network
// document with levels. A layer where nothing fits is in the document
// ("fits": false), as the CLI prints it before exiting with code 2.
py::object optimize_network_levels_document(
    const py::object& model, const py::object& buffers, const py::object& machine_value,
    const py::object& layers, const py::object& batch, const py::object& threads_value,
    const py::object& uniform_spans, const py::object& fixed_order, const py::object& fixed_spans) {
  const char* f = "spad.optimize_network_levels()";
  const PyMachine plain = plain_machine(machine_value, Arg{f, "machine"});
  const int threads = threads_arg(threads_value, Arg{f, "threads"});
  const Network net =
      network_arg(model, Arg{f, "model"}, batch_arg(batch, Arg{f, "batch"}), !layers.is_none());
  MemoryLevels machine = searched_levels(f, buffers, plain);
  // The model's own element sizes (integer operators), as the command takes them.
  machine.precision =
      machine_for_network(level_machine(machine, 0), net, plain.precision_text).precision;
  const std::optional<std::string> spec = optional_text_arg(layers, Arg{f, "layers"});
  const std::vector<std::size_t> chosen = spec ? select_layers(net, *spec) : all_layers(net);
  const LevelSearchSpace space =
      level_space_arg(f, machine.levels.size(), uniform_spans, fixed_order, fixed_spans);
  NetworkLevelResult result;
  {
    py::gil_scoped_release release;
    result = optimize_network_levels(net, chosen, machine, threads, {}, space);
  }
  result.precision_source = precision_source(net, plain.precision_text);
  return to_python(network_level_result_to_json(result));
}

}  // namespace

void bind_level_questions(py::module_& m) {
  m.def("evaluate_levels", &evaluate_levels_document, py::arg("layer"), py::arg("schedule"),
        py::arg("buffers") = py::none(), py::arg("machine") = py::none(),
        "The traffic of a schedule of several on-chip levels by the level model: the dict\n"
        "`spad evaluate --schedule S --buffer OUTER,INNER --json` prints. schedule: a\n"
        "file, JSON text or dict with \"levels\" (outermost first); buffers: one capacity\n"
        "per level, outermost first ('512KiB,64KiB' or [524288, '64KiB']; None: every\n"
        "level unbounded); machine: a spad.Machine without a buffer (precision, halo\n"
        "reuse, double buffering at every level).");
  m.def("simulate_levels", &simulate_levels_document, py::arg("layer"), py::arg("schedule"),
        py::arg("buffers") = py::none(), py::arg("machine") = py::none(),
        py::arg("execute") = false, py::arg("seed") = 1,
        "The same counted by the level simulator: `spad simulate ... --buffer OUTER,INNER\n"
        "--json`. execute=True also runs the level executor (`--execute --seed`).");
  m.def("optimize_levels", &optimize_levels_document, py::arg("layer"), py::arg("buffers"),
        py::arg("machine") = py::none(), py::arg("threads") = 0, py::arg("uniform_spans") = false,
        py::arg("fixed_order") = py::none(), py::arg("fixed_spans") = py::none(),
        "The schedule over several on-chip levels that moves the fewest bytes across\n"
        "boundary 1 (off-chip), then boundary 2, ..., then has the fewest fills and buffer\n"
        "bytes, exactly: the dict `spad optimize --layer L --buffer OUTER,INNER --json`\n"
        "prints (search.seconds is the wall time of this call). buffers: two or more\n"
        "capacities, outermost first ('512KiB,64KiB' or [524288, '64KiB']); machine: a\n"
        "spad.Machine without a buffer. Raises spad.UserError when nothing fits or the\n"
        "layer is beyond the level search (the command's messages). uniform_spans,\n"
        "fixed_order ('s,r,q,p,c,m,g,n;q,p,s,r,c,m,g,n': one order per level, outermost\n"
        "first) and fixed_spans ('I=2,W=null,O=3;I=0,W=4,O=2') restrict the search as the\n"
        "command's --uniform-spans, --fixed-order and --fixed-spans.");
  m.def("optimize_network_levels", &optimize_network_levels_document, py::arg("model"),
        py::arg("buffers"), py::arg("machine") = py::none(), py::arg("layers") = py::none(),
        py::arg("batch") = py::none(), py::arg("threads") = 0, py::arg("uniform_spans") = false,
        py::arg("fixed_order") = py::none(), py::arg("fixed_spans") = py::none(),
        "The level search on every conv/fc layer of a network: the dict `spad optimize\n"
        "--model M --buffer OUTER,INNER --json` prints (spad-network/1 with levels). model\n"
        "and layers as spad.optimize_network; layers where nothing fits are in the\n"
        "document with \"fits\": false.");
}

}  // namespace spad::python
