// spad.evaluate_levels and spad.simulate_levels: one layer's schedule of
// several on-chip levels costed by the level model or the level simulator.
// Each returns the document `spad evaluate|simulate --schedule S --buffer
// OUTER,INNER --json` prints (io/json/level_result_json), as a dict; the
// levels' machine is built by the code the CLI uses (io/text/buffer_levels).
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/json/execution_check_json.hpp"
#include "io/json/level_result_json.hpp"
#include "io/json/level_schedule_json.hpp"
#include "io/text/buffer_levels.hpp"
#include "model/level_evaluate.hpp"
#include "python/bindings.hpp"
#include "sim/level_executor.hpp"
#include "sim/level_simulator.hpp"
#include "study/level_execution_check.hpp"

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

// --buffer OUTER,INNER: None (every level unbounded), a str as the flag takes
// it ("512KiB,64KiB"), or a list of capacities, each an int (bytes) or a str
// ("64KiB"), read as their texts joined by commas.
std::string buffers_text(const py::handle& value, const Arg& arg) {
  const char* expected = "None, a str such as '512KiB,64KiB' or a list of ints (bytes) or str";
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  std::string text;
  for (const py::handle c : list_arg(value, arg, expected)) {
    if (!text.empty()) text += ',';
    if (py::isinstance<py::str>(c)) {
      text += c.cast<std::string>();
    } else if (!PyBool_Check(c.ptr()) && PyIndex_Check(c.ptr())) {
      text += int_text_arg(c, arg);
    } else {
      wrong_type(arg, expected, c);
    }
  }
  return text;
}

struct LevelInputs {
  Layer layer;
  LevelSchedule schedule;
  MemoryLevels machine;
};

// What `spad evaluate|simulate` does with --layer, --schedule, --buffer and
// the machine flags for a several-level question (cli/cost_flags).
LevelInputs level_inputs(const char* f, const py::object& layer_value,
                         const py::object& schedule_value, const py::object& buffers,
                         const py::object& machine_value) {
  Layer layer = layer_arg(layer_value, Arg{f, "layer"});
  LevelSchedule schedule = level_schedule_arg(schedule_value, Arg{f, "schedule"});
  const PyMachine plain =
      machine_value.is_none() ? PyMachine{} : machine_arg(machine_value, Arg{f, "machine"});
  if (plain.machine.capacity_bytes)
    throw UserError(
        "machine: the levels take their capacities from buffers; give a spad.Machine "
        "without a buffer");
  std::optional<std::string> text;
  if (!buffers.is_none()) text = buffers_text(buffers, Arg{f, "buffers"});
  validate(schedule, layer);  // before the capacities are read, as the CLI does
  const std::vector<Count> capacities =
      text ? parse_buffer_levels(*text, "--buffer") : std::vector<Count>{};
  std::vector<std::string> names;
  for (const LevelLoops& level : schedule.levels) names.push_back(level.name);
  MemoryLevels machine =
      memory_levels_for(names, capacities, text.value_or(""), plain.machine.precision,
                        plain.machine.halo_reuse, plain.machine.double_buffer);
  return {std::move(layer), std::move(schedule), std::move(machine)};
}

py::object evaluate_levels_document(const py::object& layer, const py::object& schedule,
                                    const py::object& buffers, const py::object& machine) {
  const LevelInputs in = level_inputs("spad.evaluate_levels()", layer, schedule, buffers, machine);
  LevelTraffic traffic;
  {
    py::gil_scoped_release release;
    traffic = evaluate_levels(in.layer, in.schedule, in.machine);
  }
  return to_python(level_result_document(in.layer, in.schedule, in.machine, traffic));
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
  if (check) doc["execute"] = execution_check_json(*check);
  return to_python(doc);
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
}

}  // namespace spad::python
