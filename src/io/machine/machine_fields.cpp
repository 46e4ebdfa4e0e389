// Reading the fields every machine file has (see machine_fields.hpp).
#include "io/machine/machine_fields.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/json/document_format.hpp"
#include "io/machine/accelerator_file.hpp"
#include "io/machine/machine_keys.hpp"
#include "io/text/byte_size.hpp"
#include "io/text/precision_text.hpp"
#include "io/text/text_fields.hpp"

namespace spad::machine_file {

void read_version(const YamlSource& src, const YamlMapping& top) {
  const std::string line = "spad_machine: " + std::to_string(kMachineSchemaVersion);
  const YamlEntry& e = top.require("spad_machine", " (the schema version); start the file with " +
                                                       line + " (see examples/machines/)");
  const Count v = read_int(
      src, e, {.expect = "the schema version number " + std::to_string(kMachineSchemaVersion)});
  if (v != kMachineSchemaVersion)
    fail_value(src, e,
               "unsupported schema version; this spad reads version " +
                   std::to_string(kMachineSchemaVersion) + " (write " + line + ")");
}

void read_format(const YamlSource& src, const YamlMapping& top) {
  const YamlEntry* e = top.find("format");
  if (!e) return;
  const std::string want = format_tag(DocKind::machine);
  if (read_text(src, *e) != want)
    fail_value(src, *e, "a machine description's format is " + in_quotes(want));
}

std::string read_name(const YamlSource& src, const YamlEntry& name) {
  std::string text(trim(read_text(src, name)));
  if (text.empty()) fail_value(src, name, "the name cannot be empty");
  if (const std::string problem = name_problem(text); !problem.empty())
    fail_value(src, name, "the name has " + problem + "; names must be printable UTF-8 text");
  return text;
}

void read_description(const YamlSource& src, const YamlMapping& top, std::string& description) {
  const YamlEntry* e = top.find("description");
  if (!e) return;
  description = read_text(src, *e);
  std::string_view rest = description;
  while (!rest.empty()) {
    const std::string_view line = rest.substr(0, rest.find('\n'));
    if (const std::string problem = name_problem(line); !problem.empty())
      fail_value(src, *e, "the description has " + problem + "; it must be printable UTF-8 text");
    rest.remove_prefix(std::min(rest.size(), line.size() + 1));
  }
}

Count read_capacity(const YamlSource& src, const YamlEntry& cap) {
  const std::string& text = scalar_text(src, cap, "a size in bytes, e.g. 65536 or 64KiB");
  if (is_plain(cap.value) && parse_decimal(text))
    return read_int(src, cap,
                    {.expect = "a whole number of bytes (or a size like 64KiB)",
                     .min = 1,
                     .below_min = "a scratchpad holds at least 1 byte"});
  if (plain_bool(cap.value))
    fail_value(src, cap, "must be a size in bytes, e.g. 65536 or 64KiB, not a boolean");
  // A size with a unit; parse_byte_size's message names the text and the forms.
  return parse_byte_size(
      text, src.name() + ": line " + std::to_string(cap.mark.line + 1) + ": " + cap.path);
}

void read_precision(const YamlSource& src, const YamlMapping& top, Precision& precision) {
  const YamlEntry* entry = top.find("precision_bytes");
  if (!entry) return;
  const YamlMapping m = open_mapping(src, *entry, "{input: 1, weight: 1, output: 1, psum: 4}");
  m.reject_unknown(kPrecisionKeys, belongs_elsewhere("precision_bytes"));
  const std::array<Count*, 4> fields = {&precision.input, &precision.weight, &precision.output,
                                        &precision.psum};
  for (std::size_t k = 0; k < kPrecisionKeys.size(); ++k) {
    const YamlEntry* e = m.find(kPrecisionKeys[k]);
    if (!e) continue;
    // A type name such as int16 (what --precision accepts) is not a byte
    // count here, but say how many bytes it is.
    if (e->value.IsScalar() && yaml_kind(e->value).ends_with("string") &&
        e->value.Scalar().find_first_of(",=") == std::string::npos) {
      std::optional<Count> bytes;
      try {
        bytes = parse_precision("in=" + e->value.Scalar()).input;
      } catch (const UserError&) {
        // Not a type name either: read_int below says what is expected.
      }
      if (bytes)
        fail_value(src, *e,
                   "must be a number of bytes per element; " + e->value.Scalar() + " is " +
                       std::to_string(*bytes) + " byte" + (*bytes == 1 ? "" : "s") + ", so write " +
                       e->key + ": " + std::to_string(*bytes));
    }
    *fields[k] =
        read_int(src, *e,
                 {.expect = "a number of bytes per element, 1.." + std::to_string(kMaxElementBytes),
                  .min = 1,
                  .max = kMaxElementBytes,
                  .below_min = "an element takes at least 1 byte"});
  }
}

void read_mac_array(const YamlSource& src, const YamlMapping& top, MacArray& mac_array) {
  const YamlEntry& entry = top.require("mac_array", "; e.g. mac_array: {unroll: {m: 16, q: 4}}");
  const YamlMapping m = open_mapping(src, entry, "{unroll: {m: 16, q: 4}}");
  m.reject_unknown(kMacArrayKeys, belongs_elsewhere("mac_array"));
  const YamlEntry& unroll_entry = m.require(
      "unroll",
      " (the loop dimensions the MAC array unrolls and by how much, e.g. unroll: {m: 16, q: 4})");
  const YamlMapping unroll = open_mapping(src, unroll_entry, "{m: 16, q: 4}");
  if (unroll.entries().empty())
    fail_value(src, unroll_entry,
               "must list at least one loop dimension and its number of MAC lanes, e.g. {m: 16, "
               "q: 4}; a single MAC is {m: 1}");
  for (const YamlEntry& e : unroll.entries()) {
    const auto dim = parse_dim(e.key);
    if (!dim) {
      // Single letters are all one edit apart, so suggest only a case slip
      // or Timeloop's name for output channels.
      std::string hint;
      if (const auto lower = parse_dim(to_lower(e.key)))
        hint =
            " (did you mean \"" + std::string(dim_name(*lower)) + "\"? dimensions are lower case)";
      else if (to_lower(e.key) == "k")
        hint = " (output channels are \"m\" here, Timeloop's K)";
      src.fail(e.mark, "unknown key " + in_quotes(e.path) + hint +
                           ": not a loop dimension; the dimensions are n g m c p q r s (n batch, "
                           "g group, m output channel, c input channel, p q output row and "
                           "column, r s filter row and column)");
    }
    mac_array.unroll[*dim] =
        read_int(src, e,
                 {.expect = "a whole number of MAC lanes",
                  .min = 1,
                  .max = kMaxMacsPerCycle,
                  .below_min = "zero MACs: an unrolled dimension needs at least 1 lane (1 = not "
                               "unrolled; write 1 or remove the key)"});
  }
  // Each factor is at most kMaxMacsPerCycle, so the product stops growing
  // before it can overflow.
  Count macs = 1;
  for (Dim d : kAllDims)
    if (macs <= kMaxMacsPerCycle) macs *= mac_array.unroll[d];
  if (macs > kMaxMacsPerCycle)
    fail_value(src, unroll_entry,
               "more than " + std::to_string(kMaxMacsPerCycle) +
                   " MACs per cycle in total (the product of the unroll factors)");
  // Derived (spad's own echo writes it): checked, never trusted.
  if (const YamlEntry* e = m.find("macs_per_cycle")) {
    const Count given = read_int(src, *e, {.expect = "a whole number of MACs per cycle", .min = 1});
    if (given != macs)
      fail_value(src, *e,
                 "the unroll gives " + std::to_string(macs) +
                     " MACs per cycle (the product of its factors); macs_per_cycle is derived: "
                     "remove it or correct it");
  }
}

}  // namespace spad::machine_file
