// The per-array traffic table and its summary lines.
#include "report/traffic_table.hpp"

#include <fmt/format.h>

#include "io/text/byte_size.hpp"
#include "report/machine_summary.hpp"
#include "report/number_text.hpp"
#include "report/text_table.hpp"

namespace spad {
namespace {

// "93,696 B (91.5 KiB)"; below 1 KiB just "676 B".
std::string bytes_text(Count bytes) {
  if (bytes < 1024) return fmt::format("{} B", bytes);
  return fmt::format("{} B ({})", with_separators(bytes), format_bytes(bytes));
}

std::string capacity_line(const Machine& machine, const Traffic& traffic) {
  const std::string used = bytes_text(traffic.buffer_bytes);
  if (!machine.capacity_bytes)
    return fmt::format("buffers     {}; no capacity given (--buffer to check)", used);
  const Count capacity = *machine.capacity_bytes;
  if (traffic.fits)
    return fmt::format("buffers     {} of capacity {}: fits ({} free)", used,
                       format_bytes(capacity), format_bytes(capacity - traffic.buffer_bytes));
  return fmt::format("buffers     {} of capacity {}: DOES NOT FIT (over by {})", used,
                     format_bytes(capacity), format_bytes(traffic.buffer_bytes - capacity));
}

}  // namespace

std::string format_traffic(const Layer& /*layer*/, const Schedule& /*schedule*/,
                           const Machine& machine, const Traffic& traffic, std::size_t width) {
  TextTable table({"array", "buffer elems", "buffer bytes", "reads", "writes", "final writes",
                   "fills", "read bytes", "write bytes", "bytes"});
  ArrayTraffic sum;
  for (Tensor t : kAllTensors) {
    const ArrayTraffic& a = traffic.arrays[t];
    table.add_row(
        {std::string(tensor_name(t)), with_separators(a.buffer_elems),
         with_separators(a.buffer_bytes), with_separators(a.reads), with_separators(a.writes),
         with_separators(a.final_writes), with_separators(a.fills), with_separators(a.read_bytes),
         with_separators(a.write_bytes), with_separators(add(a.read_bytes, a.write_bytes))});
    sum.buffer_elems = add(sum.buffer_elems, a.buffer_elems);
    sum.reads = add(sum.reads, a.reads);
    sum.writes = add(sum.writes, a.writes);
    sum.final_writes = add(sum.final_writes, a.final_writes);
    sum.fills = add(sum.fills, a.fills);
    sum.read_bytes = add(sum.read_bytes, a.read_bytes);
    sum.write_bytes = add(sum.write_bytes, a.write_bytes);
  }
  table.add_rule();
  table.add_row({"total", with_separators(sum.buffer_elems), with_separators(traffic.buffer_bytes),
                 with_separators(sum.reads), with_separators(sum.writes),
                 with_separators(sum.final_writes), with_separators(sum.fills),
                 with_separators(sum.read_bytes), with_separators(sum.write_bytes),
                 with_separators(traffic.traffic_bytes)});

  const Precision& p = machine.precision;
  std::string out = table.render(width);
  out += fmt::format(
      "O reads and non-final writes are partial sums ({} B/element); final writes are outputs "
      "({} B/element).\n\n",
      p.psum, p.output);
  out += fmt::format("traffic     {}\n", bytes_text(traffic.traffic_bytes));
  out += fmt::format("compulsory  {}; traffic / compulsory = {}\n",
                     bytes_text(traffic.compulsory_bytes),
                     ratio_text(traffic.traffic_bytes, traffic.compulsory_bytes));
  out += capacity_line(machine, traffic) + '\n';
  out += "machine     " + format_machine(machine) + '\n';
  return wrap_lines(out, width);
}

}  // namespace spad
