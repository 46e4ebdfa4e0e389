// The Python module's argument readers. Every binding takes its arguments as
// Python objects and reads them here, so that
//  - a wrong Python type raises TypeError naming the function, the argument,
//    what it takes and what it got ("spad.optimize(): threads must be an int,
//    not float (2.0)"), never pybind11's cast RuntimeError;
//  - a count (batch, threads, seed, a buffer in bytes) must be a Python int
//    (not a bool, not a float, even 2.0); its decimal text then goes through
//    the CLI's own reader (io/text/whole_number_text, io/text/byte_size), so
//    a bad value (0, -1, beyond 64 bits) raises spad.UserError with the
//    message `spad` prints for the same flag value.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <optional>
#include <spad/spad.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "search/level_search_space.hpp"
#include "search/search_space.hpp"

namespace spad::python {

namespace py = pybind11;

// Which argument is read: "spad.optimize()" and "threads".
struct Arg {
  const char* function;
  const char* name;
};

// Raises TypeError "<function>: <name> must be <expected>, not <type> (<repr>)".
[[noreturn]] void wrong_type(const Arg& arg, const std::string& expected, const py::handle& got);

// A str (or an os.PathLike path when `path` is set).
std::string text_arg(const py::handle& value, const Arg& arg, bool path = false);
std::optional<std::string> optional_text_arg(const py::handle& value, const Arg& arg);
// True or False only (not 1, not None).
bool bool_arg(const py::handle& value, const Arg& arg);
// A Python int (or an object with __index__, such as numpy.int64; not a
// bool), as its decimal text.
std::string int_text_arg(const py::handle& value, const Arg& arg);

// Counts, read as the CLI reads the flag named beside each.
std::optional<Count> batch_arg(const py::handle& value, const Arg& arg);  // --batch; None: none
int threads_arg(const py::handle& value, const Arg& arg);                 // --threads
std::uint64_t seed_arg(const py::handle& value, const Arg& arg);          // --seed
// --buffer: an int (bytes) or a size text ("64KiB").
Count buffer_arg(const py::handle& value, const Arg& arg);

// --buffer OUTER,INNER (one capacity per on-chip level): a str as the flag
// takes it ("512KiB,64KiB"), or a list whose items are each an int (bytes) or
// a str ("64KiB"), read as their texts joined by commas. A bad item raises
// TypeError naming it: "buffers[1] must be an int (bytes) or a str ...".
// `none_too`: the argument also takes None (said in the TypeError; the
// caller reads None itself).
std::string level_buffers_text(const py::handle& value, const Arg& arg, bool none_too = false);

// A sweep's --buffers: a str as the flag takes it ("4KiB..1MiB:x2", or one
// set per level separated by ';': "512KiB;16KiB..64KiB:x2"); a list of ints
// (bytes), one level's capacities; or a list of one capacity set per level,
// outermost first, each a str in the flag's grammar without ';' or a list of
// ints (bytes) and str sizes. Read as the text the flag would be given (items
// of a set joined by ',', sets by ';'). A bad item raises TypeError naming it
// ("buffers[1][0]"); a str set holding ';' raises UserError.
std::string capacity_sets_text(const py::handle& value, const Arg& arg);

// The restricted space of the level search, from the arguments named as the
// command's flags: uniform_spans (a bool), fixed_order and fixed_spans (a str
// with one group per level separated by ';', or None), read by
// io/text/level_space_text for `levels` levels (`levels_from` names where
// the count comes from, as the command's message does).
LevelSearchSpace level_space_arg(const char* function, std::size_t levels,
                                 const py::handle& uniform_spans, const py::handle& fixed_order,
                                 const py::handle& fixed_spans,
                                 std::string_view levels_from = "--buffer");
// The same arguments for one on-chip level (`spad accel` on a one-level
// machine: one group, io/text/search_arguments).
SearchSpace one_level_space_arg(const char* function, const py::handle& uniform_spans,
                                const py::handle& fixed_order, const py::handle& fixed_spans);

// A list (or tuple) of items; a str is refused (it would be read letter by letter).
std::vector<py::handle> list_arg(const py::handle& value, const Arg& arg,
                                 const std::string& expected);

// The values: the spad value itself, or what its constructor takes (text
// as --layer / --schedule, or a dict). Bad text raises spad.UserError.
Layer layer_arg(const py::handle& value, const Arg& arg);
// The same as the CLI's --layer reads it (io/json/layer_json's
// load_network_layer): a dict or text keeps a layer entry's "kind" and own
// "precision"; a spad.Layer is a conv layer with neither.
NetworkLayer layer_entry_arg(const py::handle& value, const Arg& arg);
// The element sizes a layer entry is costed at on `machine` (the CLI's
// layer_arg_precision: the layer's own sizes with the machine's precision
// text on top, then its kind's rule).
Machine entry_machine(const NetworkLayer& entry, Machine machine,
                      const std::string& precision_text);
Schedule schedule_arg(const py::handle& value, const Arg& arg);

// The name the CLI's messages give a schedule argument (schedule_arg's or
// the several-level one's): a file's path, else "--schedule" (JSON text, a
// dict or a spad.Schedule, which the CLI would take as text).
std::string schedule_source_arg(const py::handle& value, const Arg& arg);
const Accelerator& accelerator_arg(const py::handle& value, const Arg& arg);

}  // namespace spad::python
