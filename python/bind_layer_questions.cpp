// spad.evaluate, spad.simulate and spad.optimize: one layer's questions. Each
// returns the document `spad evaluate|simulate|optimize --layer ... --json`
// prints, built by the same io/ writers (io/json/result_document), as a dict.
#include <pybind11/stl.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "io/json/execution_check_json.hpp"
#include "io/json/layer_json.hpp"
#include "io/json/schedule_json.hpp"
#include "python/bindings.hpp"
#include "report/optimize_report.hpp"
#include "study/execution_check.hpp"

namespace spad::python {
namespace {

// evaluate and simulate take machine=None as the CLI's --buffer left out:
// the default machine, unbounded.
PyMachine optional_machine(const py::object& value, const Arg& arg) {
  return value.is_none() ? PyMachine{} : machine_arg(value, arg);
}

py::object evaluate_document(const py::object& layer_arg_, const py::object& schedule_arg_,
                             const py::object& machine_arg_) {
  const char* f = "spad.evaluate()";
  const NetworkLayer entry = layer_entry_arg(layer_arg_, Arg{f, "layer"});
  const Layer layer(entry.spec);
  const Schedule schedule = schedule_arg(schedule_arg_, Arg{f, "schedule"});
  const PyMachine given = optional_machine(machine_arg_, Arg{f, "machine"});
  const Machine machine = entry_machine(entry, given.machine, given.precision_text);
  validate_schedule_from(schedule, layer, schedule_source_arg(schedule_arg_, Arg{f, "schedule"}));
  const Traffic traffic = evaluate(layer, schedule, machine);
  nlohmann::ordered_json doc = cost_result_document(layer, schedule, machine, traffic);
  add_layer_entry_keys(doc, entry);
  return to_python(doc);
}

// With `execute`, as `simulate --execute --json`: the functional executor
// runs the layer on integers from `seed` and "execute" reports its check
// (study/execution_check) against the reference and the simulator. The CLI
// exits with code 1 when that check fails; the call returns the document.
py::object simulate_document(const py::object& layer_arg_, const py::object& schedule_arg_,
                             const py::object& machine_arg_, const py::object& execute_arg,
                             const py::object& seed_arg_) {
  const char* f = "spad.simulate()";
  const NetworkLayer entry = layer_entry_arg(layer_arg_, Arg{f, "layer"});
  const Layer layer(entry.spec);
  const Schedule schedule = schedule_arg(schedule_arg_, Arg{f, "schedule"});
  const PyMachine given = optional_machine(machine_arg_, Arg{f, "machine"});
  const PyMachine machine{entry_machine(entry, given.machine, given.precision_text),
                          given.precision_text};
  const bool execute_it = bool_arg(execute_arg, Arg{f, "execute"});
  const std::uint64_t seed = seed_arg(seed_arg_, Arg{f, "seed"});
  validate_schedule_from(schedule, layer, schedule_source_arg(schedule_arg_, Arg{f, "schedule"}));
  Traffic traffic;
  std::optional<ExecutionCheck> check;
  {
    py::gil_scoped_release release;
    traffic = simulate(layer, schedule, machine.machine);
    if (execute_it) {
      const Execution run = execute(layer, schedule, machine.machine, seed);
      check = check_execution(run, traffic, machine.machine, seed);
    }
  }
  nlohmann::ordered_json doc = cost_result_document(layer, schedule, machine.machine, traffic);
  add_layer_entry_keys(doc, entry);
  if (check) doc["execute"] = execution_check_json(*check);
  return to_python(doc);
}

py::object optimize_document(const py::object& layer_arg_, const py::object& machine_arg_,
                             const py::object& threads_arg_, const py::object& uniform_spans,
                             const py::object& fixed_order, const py::object& min_buffer,
                             const py::object& fixed_spans) {
  const char* f = "spad.optimize()";
  const NetworkLayer entry = layer_entry_arg(layer_arg_, Arg{f, "layer"});
  const Layer layer(entry.spec);
  const PyMachine& given = machine_arg(machine_arg_, Arg{f, "machine"});
  require_buffer(given);
  const PyMachine machine{entry_machine(entry, given.machine, given.precision_text),
                          given.precision_text};
  const SearchOptions options =
      search_options_arg(f, threads_arg_, uniform_spans, fixed_order, min_buffer, fixed_spans);
  SearchResult result;
  double seconds = 0;
  {
    py::gil_scoped_release release;
    const auto start = std::chrono::steady_clock::now();
    result = optimize(layer, machine.machine, options);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  if (!result.best)
    throw UserError(format_infeasible(layer, machine.machine, result.min_capacity_bytes));
  nlohmann::ordered_json doc = optimize_result_document(layer, machine.machine, options.space,
                                                        result, options.threads, seconds);
  add_layer_entry_keys(doc, entry);
  return to_python(doc);
}

}  // namespace

void bind_layer_questions(py::module_& m) {
  m.def("evaluate", &evaluate_document, py::arg("layer"), py::arg("schedule"),
        py::arg("machine") = py::none(),
        "The traffic of a schedule by the analytical model: the dict `spad evaluate --json`\n"
        "prints (spad-result/1). layer and schedule may be given as the CLI takes them.");
  m.def("simulate", &simulate_document, py::arg("layer"), py::arg("schedule"),
        py::arg("machine") = py::none(), py::arg("execute") = false, py::arg("seed") = 1,
        "The same traffic counted by the tile-level simulator: `spad simulate --json`.\n"
        "execute=True also runs the convolution on integers from seed through the buffers\n"
        "(`simulate --execute --seed`): 'execute' holds the check against the reference\n"
        "output and the simulator's counts (returned, not raised, when it fails).");
  m.def("optimize", &optimize_document, py::arg("layer"), py::arg("machine"),
        py::arg("threads") = 0, py::arg("uniform_spans") = false,
        py::arg("fixed_order") = py::none(), py::arg("min_buffer") = false,
        py::arg("fixed_spans") = py::none(),
        "The schedule of least off-chip traffic that fits machine's scratchpad (exact):\n"
        "the dict `spad optimize --layer ... --json` prints. search.seconds is the wall\n"
        "time of this call. Raises spad.UserError when nothing fits (naming the smallest\n"
        "capacity that would). uniform_spans, fixed_order, min_buffer and fixed_spans\n"
        "('I=2,W=1,O=3', with fixed_order) are the command's flags.");
}

}  // namespace spad::python
