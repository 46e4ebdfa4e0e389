// The fields of a machine file that do not depend on its form (one
// scratchpad, or a levels list): the schema version and format tag, the name
// and description, the precisions, the MAC array, and a capacity (the
// scratchpad's or a level's).
#pragma once

#include <string>

#include "base/checked.hpp"
#include "io/machine/yaml_read.hpp"
#include "model/accelerator.hpp"

namespace spad::machine_file {

// spad_machine: (required, kMachineSchemaVersion) and format: (optional, the
// machine document's tag).
void read_version(const YamlSource& src, const YamlMapping& top);
void read_format(const YamlSource& src, const YamlMapping& top);

// A name (the machine's or a level's): trimmed, non-empty, printable UTF-8
// (base/name_text), as layer and network names: it reaches tables, CSV, JSON
// and terminals.
std::string read_name(const YamlSource& src, const YamlEntry& name);

// description: (optional) into `description`: lines of printable UTF-8 (a
// block scalar may span several).
void read_description(const YamlSource& src, const YamlMapping& top, std::string& description);

// A capacity: a whole number of bytes >= 1 or a size with a unit ("64KiB").
Count read_capacity(const YamlSource& src, const YamlEntry& cap);

// precision_bytes: (optional), each of its keys optional, 1..kMaxElementBytes.
void read_precision(const YamlSource& src, const YamlMapping& top, Precision& precision);

// mac_array: (required): unroll: per loop dimension, and macs_per_cycle
// (derived; checked against the unroll when given).
void read_mac_array(const YamlSource& src, const YamlMapping& top, MacArray& mac_array);

}  // namespace spad::machine_file
