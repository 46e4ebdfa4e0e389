// Strict reading of machine description files (see accelerator_file.hpp for
// the schema; io/machine/yaml_read for the typing of YAML values).
#include "io/machine/accelerator_file.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <utility>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/json/document_format.hpp"
#include "io/json/json_read.hpp"
#include "io/machine/accelerator_json.hpp"
#include "io/machine/yaml_read.hpp"
#include "io/text/byte_size.hpp"
#include "io/text/precision_text.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

// ---------------------------------------------------------------- keys

constexpr std::array<std::string_view, 12> kTopKeys = {
    "spad_machine", "name",      "description", "scratchpad", "levels",        "precision_bytes",
    "mac_array",    "clock_mhz", "offchip",     "energy",     "energy_source", "format"};
constexpr std::array<std::string_view, 3> kScratchpadKeys = {"capacity_bytes", "double_buffer",
                                                             "halo_reuse"};
constexpr std::array<std::string_view, 4> kPrecisionKeys = {"input", "weight", "output", "psum"};
constexpr std::array<std::string_view, 2> kMacArrayKeys = {"unroll", "macs_per_cycle"};
constexpr std::array<std::string_view, 3> kOffchipKeys = {"bits_per_cycle", "bytes_per_s",
                                                          "dma_setup_cycles"};
constexpr std::array<std::string_view, 3> kEnergyKeys = {"mac_pj", "scratchpad_pj_per_byte",
                                                         "offchip_pj_per_byte"};
constexpr std::array<std::string_view, 9> kLevelKeys = {
    "name",        "capacity_bytes",   "double_buffer", "halo_reuse",        "bits_per_cycle",
    "bytes_per_s", "dma_setup_cycles", "pj_per_byte",   "pj_per_byte_source"};

// Where each key of the schema lives, for "it belongs under ..." hints.
struct Section {
  std::string_view name;  // "" for the top level
  std::span<const std::string_view> keys;
};
constexpr std::array<Section, 8> kSections = {{
    {"", kTopKeys},
    {"scratchpad", kScratchpadKeys},
    {"precision_bytes", kPrecisionKeys},
    {"mac_array", kMacArrayKeys},
    {"offchip", kOffchipKeys},
    {"energy", kEnergyKeys},
    {"energy_source", kEnergyKeys},
    {"levels", kLevelKeys},
}};

// The hint for an unknown key of `section`: "; "bits_per_cycle" belongs under
// "offchip:"" when it is a key of another section, else "".
auto belongs_elsewhere(std::string_view section) {
  return [section](std::string_view key) -> std::string {
    for (const Section& s : kSections) {
      if (s.name == section) continue;
      for (std::string_view k : s.keys)
        if (k == key)
          return "; " + in_quotes(key) +
                 (s.name.empty() ? " belongs at the top level"
                                 : " belongs under " + in_quotes(std::string(s.name) + ":"));
    }
    return "";
  };
}

// The machine file's max nesting of mappings (top -> mac_array -> unroll).
constexpr int kSchemaDepth = 3;

// ---------------------------------------------------------------- energies

// fJ as pJ text: 300 -> "0.3", 4500 -> "4.5", 162500 -> "162.5".
std::string fj_as_pj(Count fj) {
  std::string out = std::to_string(fj / 1000);
  if (const Count frac = fj % 1000; frac != 0) {
    std::string digits = std::to_string(frac);
    digits.insert(0, 3 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

// An energy in pJ, as exact integer femtojoules; `per` is "per byte" or
// "per multiply-accumulate".
Count read_energy_fj(const YamlSource& src, const YamlEntry& e, std::string_view per) {
  const UnitAdvice advise = [&](const NumberWithUnit& u) -> std::string {
    const std::string unit = to_lower(u.unit.substr(0, u.unit.find('/')));
    double pj = 0;
    if (unit == "pj")
      pj = u.value;
    else if (unit == "fj")
      pj = u.value / 1000;
    else if (unit == "nj")
      pj = u.value * 1000;
    else
      return "the unit is pJ (in the key name)";
    return "write " + e.key + ": " + show_number(pj) + " (pJ is in the key name)";
  };
  const DecimalText d = read_decimal(src, e, "a number of picojoules " + std::string(per), advise);
  const std::string too_large = "at most " + fj_as_pj(kMaxEnergyFj) + " pJ (1 uJ) " +
                                std::string(per) + "; check the unit (pJ)";
  if (d.negative && to_double(d) != 0)
    fail_value(src, e, "an energy cannot be negative (0 ignores it)");
  Count fj = 0;
  switch (exact_magnitude(d, 3, &fj)) {
    case Exactness::fraction: {
      const double rounded = std::round(std::fabs(to_double(d)) * 1000);
      fail_value(src, e,
                 "not a whole number of femtojoules (the resolution is 0.001 pJ); round it, "
                 "e.g. to " +
                     (rounded < 1e15 ? fj_as_pj(static_cast<Count>(rounded)) : std::string("?")));
    }
    case Exactness::too_large:
      fail_value(src, e, too_large);
    case Exactness::exact:
      break;
  }
  if (d.negative && fj != 0) fail_value(src, e, "an energy cannot be negative (0 ignores it)");
  if (fj > kMaxEnergyFj) fail_value(src, e, too_large);
  return fj;
}

// "energy_source" (what spad's machine echo writes): per energy, "file" or
// the default's name. Checked against what was read: a "default" energy must
// equal spad's default (and is reported as one again), a "file" one must be
// in the file.
void read_energy_source(const YamlSource& src, const YamlMapping& top, Accelerator& accel,
                        const YamlMapping* energy_map) {
  const YamlEntry* entry = top.find("energy_source");
  if (!entry) return;
  const YamlMapping m = open_mapping(src, *entry, "{mac_pj: file}");
  m.reject_unknown(kEnergyKeys, belongs_elsewhere("energy_source"));
  EnergyCosts& energy = accel.energy;
  const Precision& p = accel.machine.precision;
  const std::array<std::tuple<std::string_view, Count*, EnergySource*, Count>, 3> fields = {{
      {"mac_pj", &energy.mac_fj, &energy.mac_source, default_mac_fj(p)},
      {"scratchpad_pj_per_byte", &energy.scratchpad_fj_per_byte, &energy.scratchpad_source,
       default_scratchpad_fj_per_byte(*accel.machine.capacity_bytes)},
      {"offchip_pj_per_byte", &energy.offchip_fj_per_byte, &energy.offchip_source,
       kDefaultOffchipFjPerByte},
  }};
  const std::string file_name(energy_source_name(EnergySource::file));
  const std::string default_name(energy_source_name(EnergySource::default_value));
  for (const auto& [key, fj, source, default_fj] : fields) {
    const YamlEntry* e = m.find(key);
    if (!e) continue;
    const std::string said = read_text(src, *e);
    if (said == file_name) {
      if (!energy_map || !energy_map->find(key))
        fail_value(
            src, *e,
            "says the energy is from the file, but energy." + std::string(key) + " is not given");
      *source = EnergySource::file;
    } else if (said == default_name) {
      if (*fj != default_fj)
        fail_value(src, *e,
                   "says spad's default, which is " + fj_as_pj(default_fj) +
                       " pJ here, but energy." + std::string(key) + " is " + fj_as_pj(*fj) +
                       " pJ; remove energy_source (it is derived) or correct it");
      *source = EnergySource::default_value;
    } else {
      fail_value(src, *e, "must be " + in_quotes(file_name) + " or " + in_quotes(default_name));
    }
  }
}

void read_energy(const YamlSource& src, const YamlMapping& top, Accelerator& accel) {
  EnergyCosts& energy = accel.energy;
  std::optional<YamlMapping> m;
  if (const YamlEntry* entry = top.find("energy")) {
    m.emplace(open_mapping(src, *entry, "{mac_pj: 0.3, scratchpad_pj_per_byte: 2.5}"));
    m->reject_unknown(kEnergyKeys, belongs_elsewhere("energy"));
  }
  const auto find = [&](std::string_view key) { return m ? m->find(key) : nullptr; };

  if (const YamlEntry* e = find("mac_pj")) {
    energy.mac_fj = read_energy_fj(src, *e, "per multiply-accumulate");
    energy.mac_source = EnergySource::file;
  } else {
    const Precision& p = accel.machine.precision;
    energy.mac_fj = default_mac_fj(p);
    energy.mac_source = EnergySource::default_value;
    if (energy.mac_fj == 0)
      src.fail(m ? m->mark() : YAML::Mark::null_mark(),
               "energy.mac_pj is missing and spad has no default MAC energy for precision_bytes "
               "input " +
                   std::to_string(p.input) + ", weight " + std::to_string(p.weight) +
                   " (its default, 0.3 pJ from Horowitz, ISSCC 2014, is for 1-byte operands); "
                   "give energy.mac_pj, the energy of one multiply-accumulate in pJ");
  }
  if (const YamlEntry* e = find("scratchpad_pj_per_byte")) {
    energy.scratchpad_fj_per_byte = read_energy_fj(src, *e, "per byte");
    energy.scratchpad_source = EnergySource::file;
  } else {
    energy.scratchpad_fj_per_byte = default_scratchpad_fj_per_byte(*accel.machine.capacity_bytes);
    energy.scratchpad_source = EnergySource::default_value;
  }
  if (const YamlEntry* e = find("offchip_pj_per_byte")) {
    energy.offchip_fj_per_byte = read_energy_fj(src, *e, "per byte");
    energy.offchip_source = EnergySource::file;
  } else {
    energy.offchip_fj_per_byte = kDefaultOffchipFjPerByte;
    energy.offchip_source = EnergySource::default_value;
  }
  read_energy_source(src, top, accel, m ? &*m : nullptr);
}

// ---------------------------------------------------------------- sections

void read_format(const YamlSource& src, const YamlMapping& top) {
  const YamlEntry* e = top.find("format");
  if (!e) return;
  const std::string want = format_tag(DocKind::machine);
  if (read_text(src, *e) != want)
    fail_value(src, *e, "a machine description's format is " + in_quotes(want));
}

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

// A capacity: a whole number of bytes or a size with a unit ("64KiB").
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

void read_scratchpad(const YamlSource& src, const YamlMapping& top, Machine& machine) {
  const YamlEntry& entry = top.require("scratchpad", "; e.g. scratchpad: {capacity_bytes: 64KiB}");
  const YamlMapping m = open_mapping(src, entry, "{capacity_bytes: 64KiB, double_buffer: true}");
  m.reject_unknown(kScratchpadKeys, belongs_elsewhere("scratchpad"));

  machine.capacity_bytes = read_capacity(
      src, m.require("capacity_bytes", " (the scratchpad size, e.g. 65536 or 64KiB)"));

  if (const YamlEntry* e = m.find("double_buffer")) machine.double_buffer = read_bool(src, *e);
  if (const YamlEntry* e = m.find("halo_reuse")) machine.halo_reuse = read_bool(src, *e);
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

double read_clock(const YamlSource& src, const YamlMapping& top, DecimalText& text) {
  const YamlEntry& e =
      top.require("clock_mhz", " (the clock frequency in MHz, e.g. clock_mhz: 200)");
  const UnitAdvice advise = [](const NumberWithUnit& u) -> std::string {
    constexpr std::array<std::pair<std::string_view, double>, 4> kUnits = {
        {{"hz", 1e-6}, {"khz", 1e-3}, {"mhz", 1}, {"ghz", 1e3}}};
    for (const auto& [unit, to_mhz] : kUnits)
      if (to_lower(u.unit) == unit)
        return "write clock_mhz: " + show_number(u.value * to_mhz) + " (MHz is in the key name)";
    return "the unit is MHz (in the key name), e.g. clock_mhz: 200 for 200 MHz";
  };
  const DecimalText d = read_decimal(src, e, "a number of megahertz (MHz)", advise);
  text = d;
  const double mhz = (d.negative ? -1 : 1) * std::fabs(to_double(d));
  if (!std::isfinite(mhz)) fail_value(src, e, "too large");
  if (!(mhz > 0)) fail_value(src, e, "must be greater than 0; expected a number of megahertz");
  return mhz;
}

// Bits per second of one unit of a rate ("GB/s", "Gbit/s", "Mbps"), else nullopt.
std::optional<double> rate_unit_bits(std::string_view unit) {
  std::string u(trim(unit));
  if (u.size() < 3 || !(u.ends_with("/s") || u.ends_with("ps"))) return std::nullopt;
  u.erase(u.size() - 2);
  double bits = 0;
  for (const auto& [suffix, size] : std::array<std::pair<std::string_view, double>, 5>{
           {{"bits", 1}, {"bit", 1}, {"Bit", 1}, {"b", 1}, {"B", 8}}}) {
    if (u.ends_with(suffix)) {
      u.erase(u.size() - suffix.size());
      bits = size;
      break;
    }
  }
  if (bits == 0) return std::nullopt;
  constexpr std::array<std::pair<std::string_view, double>, 9> kPrefixes = {{
      {"", 1},
      {"k", 1e3},
      {"m", 1e6},
      {"g", 1e9},
      {"t", 1e12},
      {"ki", 1024.0},
      {"mi", 1024.0 * 1024},
      {"gi", 1024.0 * 1024 * 1024},
      {"ti", 1024.0 * 1024 * 1024 * 1024},
  }};
  for (const auto& [prefix, factor] : kPrefixes)
    if (to_lower(u) == prefix) return bits * factor;
  return std::nullopt;
}

// A bandwidth "1.6GB/s" as a whole number of bits per clock cycle, exactly:
// bits/s (decimal digits x 10^exp x the unit's bits) over the clock in Hz
// (decimal digits x 10^exp x 10^6), in 128-bit integers. A rate that is not a
// whole number of bits per cycle at this clock is an error giving the two
// nearest rates that are.
Count read_bytes_per_s(const YamlSource& src, const YamlEntry& e, const DecimalText& clock_mhz) {
  const std::string text(trim(scalar_text(src, e, "a bandwidth such as 1.6GB/s")));
  const auto expect = [&](const std::string& why) {
    fail_value(src, e,
               why +
                   "; write a bandwidth with its unit, e.g. 800MB/s, 1.6GB/s, 1GiB/s (B/s, "
                   "KB/s, MB/s, GB/s, TB/s are powers of 1000, KiB/s .. TiB/s powers of 1024; "
                   "bit/s, kbit/s, Mbit/s, Gbit/s count bits), or a plain number of bytes per "
                   "second");
  };
  std::optional<NumberWithUnit> u = split_number_unit(text);
  DecimalText number;
  double unit_bits = 8;  // a plain number is bytes per second
  if (const auto plain = parse_decimal(text)) {
    number = *plain;
  } else if (!u) {
    expect("not a number");
  } else {
    number = u->number;
    const std::optional<double> bits = rate_unit_bits(u->unit);
    if (!bits) expect("unknown unit " + in_quotes(u->unit));
    // Lower-case "b" is a bit in B/s units; ask for the explicit form
    // rather than guess "kb/s" meant bytes.
    const std::string unit(trim(u->unit));
    if (unit.find('b') != std::string::npos && unit.find("bit") == std::string::npos &&
        !unit.ends_with("bps"))
      expect("unit " + in_quotes(unit) + " is ambiguous (b is a bit, B a byte)");
    unit_bits = *bits;
  }
  if (number.negative || to_double(number) <= 0)
    fail_value(src, e, "a bandwidth must be greater than 0");
  __extension__ using Wide = __int128;
  const auto overflow = [&]() -> Count { fail_value(src, e, "too large a bandwidth"); };
  const auto from_digits = [&](const std::string& digits) {
    Wide v = 0;
    for (char c : digits)
      if (__builtin_mul_overflow(v, Wide{10}, &v) || __builtin_add_overflow(v, Wide{c - '0'}, &v))
        overflow();
    return v;
  };
  const auto scale = [&](Wide& v, long times) {
    for (long k = 0; k < times; ++k)
      if (__builtin_mul_overflow(v, Wide{10}, &v)) overflow();
  };
  // Whole-number unit factors (bits per unit) are exact in a double below 2^53.
  Wide num = from_digits(number.digits);
  if (__builtin_mul_overflow(num, static_cast<Wide>(unit_bits), &num)) overflow();
  Wide den = from_digits(clock_mhz.digits);
  const long exp = number.exp10 - clock_mhz.exp10 - 6;
  if (exp >= 0)
    scale(num, exp);
  else
    scale(den, -exp);
  const Wide whole = num / den;
  const double mhz = std::fabs(to_double(clock_mhz));
  const auto rate_text = [&](Wide bits_per_cycle) {
    const double bytes = static_cast<double>(bits_per_cycle) * mhz * 1e6 / 8;
    return show_number(static_cast<double>(bits_per_cycle)) + " bits per cycle (" +
           show_number(bytes / 1e6) + "MB/s)";
  };
  if (num % den != 0)
    fail_value(src, e,
               "at clock_mhz " + clock_mhz.text + " this is " +
                   show_number(static_cast<double>(num) / static_cast<double>(den)) +
                   " bits per cycle; spad counts whole bits per cycle, so give " +
                   (whole >= 1 ? rate_text(whole) + " or " : std::string()) + rate_text(whole + 1) +
                   ", or set bits_per_cycle");
  if (whole < 1) fail_value(src, e, "less than 1 bit per cycle at this clock");
  if (whole > static_cast<Wide>(std::numeric_limits<Count>::max())) overflow();
  return static_cast<Count>(whole);
}

// What a port's messages call it: the off-chip one, or a level's.
struct PortWords {
  std::string bandwidth;     // "off-chip bandwidth"
  std::string width_hint;    // " (the off-chip interface width in bits per clock cycle, ..."
  std::string at_least_one;  // "the off-chip interface must move at least 1 bit per cycle"
};

// bits_per_cycle (or bytes_per_s) and dma_setup_cycles of mapping `m`.
LevelPort read_port(const YamlSource& src, const YamlMapping& m, double mhz,
                    const DecimalText& clock_mhz, const PortWords& words) {
  LevelPort port;

  const YamlEntry* rate = m.find("bytes_per_s");
  const YamlEntry* width = m.find("bits_per_cycle");
  if (rate && width)
    fail_value(src, *rate,
               "give the " + words.bandwidth + " once: bits_per_cycle (" + width->value.Scalar() +
                   ") or bytes_per_s, not both");
  if (rate) {
    port.bits_per_cycle = read_bytes_per_s(src, *rate, clock_mhz);
  } else {
    const YamlEntry& bits = m.require("bits_per_cycle", words.width_hint);
    const UnitAdvice bits_advice = [&](const NumberWithUnit& u) -> std::string {
      if (const auto unit_bits = rate_unit_bits(u.unit)) {
        const double per_cycle = u.value * *unit_bits / (mhz * 1e6);
        return "bits_per_cycle = bits per second / (clock_mhz x 10^6); at clock_mhz " +
               show_number(mhz) + ", " + std::string(trim(bits.value.Scalar())) + " is " +
               show_number(per_cycle) + " bits per cycle" +
               (per_cycle == std::round(per_cycle) ? "" : " (round to a whole number)");
      }
      const std::string unit = to_lower(u.unit);
      if (u.unit == "B" || unit == "byte" || unit == "bytes" || u.unit == "B/cycle" ||
          unit == "bytes/cycle")
        return "the unit is bits, so write bits_per_cycle: " + show_number(u.value * 8);
      if (u.unit == "b" || unit == "bit" || unit == "bits" || u.unit == "b/cycle" ||
          unit == "bits/cycle")
        return "write bits_per_cycle: " + show_number(u.value);
      return "";
    };
    port.bits_per_cycle = read_int(src, bits,
                                   {.expect = "a whole number of bits per clock cycle",
                                    .min = 1,
                                    .below_min = words.at_least_one,
                                    .advise = bits_advice});
  }

  const YamlEntry& setup = m.require(
      "dma_setup_cycles", " (the fixed cost in clock cycles of every DMA transfer, e.g. 20)");
  const UnitAdvice setup_advice = [&](const NumberWithUnit& u) -> std::string {
    const std::string unit = to_lower(u.unit);
    if (unit == "cycle" || unit == "cycles")
      return "write dma_setup_cycles: " + show_number(u.value);
    constexpr std::array<std::pair<std::string_view, double>, 4> kTimes = {
        {{"ns", 1}, {"us", 1e3}, {"\xc2\xb5s", 1e3}, {"ms", 1e6}}};
    for (const auto& [time_unit, to_ns] : kTimes)
      if (unit == time_unit)
        return "at clock_mhz " + show_number(mhz) + ", " + show_number(u.value * to_ns) +
               " ns is " + show_number(u.value * to_ns * mhz / 1e3) + " cycles";
    return "";
  };
  port.dma_setup_cycles =
      read_int(src, setup,
               {.expect = "a whole number of clock cycles",
                .min = 0,
                .below_min = "a setup time cannot be negative (0 = no fixed cost per transfer)",
                .advise = setup_advice});
  return port;
}

void read_offchip(const YamlSource& src, const YamlMapping& top, Accelerator& accel,
                  const DecimalText& clock_mhz) {
  const YamlEntry& entry =
      top.require("offchip", "; e.g. offchip: {bits_per_cycle: 64, dma_setup_cycles: 20}");
  const YamlMapping m = open_mapping(src, entry, "{bits_per_cycle: 64, dma_setup_cycles: 20}");
  m.reject_unknown(kOffchipKeys, belongs_elsewhere("offchip"));
  const LevelPort port =
      read_port(src, m, accel.clock_mhz, clock_mhz,
                {"off-chip bandwidth",
                 " (the off-chip interface width in bits per clock cycle, e.g. 64; or the "
                 "bandwidth as bytes_per_s, e.g. 1.6GB/s)",
                 "the off-chip interface must move at least 1 bit per cycle"});
  accel.offchip_bits_per_cycle = port.bits_per_cycle;
  accel.dma_setup_cycles = port.dma_setup_cycles;
}

// ---------------------------------------------------------------- levels

// A level's "<field>_source" word (what spad's echo writes, as energy_source):
// "file" needs the energy in the file, "default ..." must equal the default.
EnergySource read_source_word(const YamlSource& src, const YamlEntry& e, bool in_file,
                              const std::string& energy_field, Count fj, Count default_fj) {
  const std::string said = read_text(src, e);
  if (said == energy_source_name(EnergySource::file)) {
    if (!in_file)
      fail_value(src, e, "says the energy is from the file, but " + energy_field + " is not given");
    return EnergySource::file;
  }
  if (said == energy_source_name(EnergySource::default_value)) {
    if (fj != default_fj)
      fail_value(src, e,
                 "says spad's default, which is " + fj_as_pj(default_fj) + " pJ here, but " +
                     energy_field + " is " + fj_as_pj(fj) +
                     " pJ; remove it (it is derived) or correct it");
    return EnergySource::default_value;
  }
  fail_value(src, e,
             "must be " + in_quotes(std::string(energy_source_name(EnergySource::file))) + " or " +
                 in_quotes(std::string(energy_source_name(EnergySource::default_value))));
}

// double_buffer or halo_reuse of one level: every level must give the same
// (MemoryLevels shares them), an absent key being false.
bool read_shared_flag(const YamlSource& src, const YamlMapping& m, std::string_view key,
                      std::size_t index, std::optional<bool>& first) {
  const YamlEntry* e = m.find(key);
  const bool value = e ? read_bool(src, *e) : false;
  if (!first) {
    first = value;
    return value;
  }
  if (value != *first) {
    const auto shown = [](bool v) { return std::string(v ? "true" : "false"); };
    const std::string why =
        "levels[0] has " + std::string(key) + " " + shown(*first) +
        "; in this version double_buffer and halo_reuse apply to every level alike (as "
        "--double-buffer and --halo-reuse do), so give the same value at every level";
    if (e) fail_value(src, *e, why);
    src.fail(m.mark(), "levels[" + std::to_string(index) + "]." + std::string(key) +
                           " is not given (false by default), but " + why);
  }
  return value;
}

// The `levels:` list, outermost first: names, capacities, the shared
// options, each boundary's port and each level's SRAM energy.
void read_levels(const YamlSource& src, const YamlEntry& entry, double mhz,
                 const DecimalText& clock_mhz, LevelAccelerator& accel) {
  constexpr std::string_view kExample =
      "{name: L1, capacity_bytes: 64KiB, bits_per_cycle: 256, dma_setup_cycles: 8}";
  if (!entry.value.IsSequence())
    fail_value(src, entry,
               "must be a list of on-chip levels, outermost first, not " + yaml_kind(entry.value) +
                   "; e.g. levels: [" + std::string(kExample) + "]");
  const std::size_t count = entry.value.size();
  if (count == 0) fail_value(src, entry, "lists no level; give at least one, outermost first");
  if (count > kMaxMemoryLevels)
    fail_value(src, entry,
               std::to_string(count) + " on-chip levels: at most " +
                   std::to_string(kMaxMemoryLevels) + " are supported");
  std::optional<bool> double_buffer, halo_reuse;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string field = "levels[" + std::to_string(i) + "]";
    const YAML::Node node = entry.value[i];
    const YamlEntry item{field, field, node.Mark(), node};
    const YamlMapping m = open_mapping(src, item, kExample);
    m.reject_unknown(kLevelKeys, belongs_elsewhere("levels"));

    MemoryLevel level;
    const YamlEntry& name = m.require("name", " (a short name for the level, e.g. L2 or L1)");
    level.name = std::string(trim(read_text(src, name)));
    if (level.name.empty()) fail_value(src, name, "the name cannot be empty");
    if (const std::string problem = name_problem(level.name); !problem.empty())
      fail_value(src, name, "the name has " + problem + "; names must be printable UTF-8 text");
    for (std::size_t k = 0; k < i; ++k)
      if (accel.memory.levels[k].name == level.name)
        fail_value(
            src, name,
            "levels[" + std::to_string(k) + "] has the same name; every level needs its own name");
    level.capacity_bytes = read_capacity(src, m.require("capacity_bytes",
                                                        " (the size of this level's SRAM, e.g. "
                                                        "65536 or 64KiB)"));
    accel.memory.double_buffer = read_shared_flag(src, m, "double_buffer", i, double_buffer);
    accel.memory.halo_reuse = read_shared_flag(src, m, "halo_reuse", i, halo_reuse);

    const std::string from = i == 0 ? "off-chip memory" : "levels[" + std::to_string(i - 1) + "]";
    LevelPort port =
        read_port(src, m, mhz, clock_mhz,
                  {"bandwidth of the boundary above " + field + " (from " + from + ")",
                   " (the bandwidth in bits per clock cycle from " + from + " into " + field +
                       ", e.g. 64; or as bytes_per_s, e.g. 1.6GB/s)",
                   "the boundary above " + field + " must move at least 1 bit per cycle"});
    const Count default_fj = default_scratchpad_fj_per_byte(*level.capacity_bytes);
    const YamlEntry* energy = m.find("pj_per_byte");
    if (energy) {
      port.sram_fj_per_byte = read_energy_fj(src, *energy, "per byte");
      port.sram_source = EnergySource::file;
    } else {
      port.sram_fj_per_byte = default_fj;
      port.sram_source = EnergySource::default_value;
    }
    if (const YamlEntry* e = m.find("pj_per_byte_source"))
      port.sram_source = read_source_word(src, *e, energy != nullptr, field + ".pj_per_byte",
                                          port.sram_fj_per_byte, default_fj);
    accel.memory.levels.push_back(std::move(level));
    accel.ports.push_back(port);
  }
}

// The keys a levels list replaces, refused next to it.
void reject_one_level_keys(const YamlSource& src, const YamlMapping& top, const YamlEntry& levels) {
  if (const YamlEntry* e = top.find("scratchpad"))
    src.fail(e->mark,
             "scratchpad: and levels: (line " + std::to_string(levels.mark.line + 1) +
                 ") are both given; levels: replaces scratchpad: (one level is a list of one), "
                 "so give one of them");
  if (const YamlEntry* e = top.find("offchip"))
    src.fail(e->mark, "offchip: and levels: (line " + std::to_string(levels.mark.line + 1) +
                          ") are both given; with levels:, the off-chip boundary is levels[0]'s "
                          "bits_per_cycle and dma_setup_cycles, so remove offchip:");
  for (const char* section : {"energy", "energy_source"})
    if (const YamlEntry* e = top.find(section); e && e->value.IsMap()) {
      const YamlMapping m(src, e->value, e->path + ".");
      if (const YamlEntry* sram = m.find("scratchpad_pj_per_byte"))
        src.fail(sram->mark, sram->path +
                                 ": with levels:, each level's SRAM energy is its own "
                                 "levels[i].pj_per_byte (default: spad's SRAM energy at its "
                                 "capacity); remove this key");
    }
}

}  // namespace

namespace {

// Runs a whole-machine check, naming the file and, when the file writes the
// field it names, its line.
template <class Check>
void check_whole_machine(const YamlSource& src, const YamlMapping& top, Check check) {
  try {
    check();
  } catch (const UserError& e) {
    // The field a check names leads its message ("clock_mhz = ...").
    const std::string message = e.what();
    src.fail(path_mark(src, top, message.substr(0, message.find_first_of(" :"))), message);
  }
}

// A machine file as read: every file as levels (a one-level file as one
// level named "scratchpad"), and where its levels list is, if it has one.
struct MachineText {
  LevelAccelerator accel;
  int levels_line = 0;  // 1-based
};

MachineText parse_machine_text(std::string_view text, const std::string& source) {
  const YamlSource src(source);
  const YAML::Node root = load_yaml_mapping(
      text, src,
      "a machine description starts with \"spad_machine: " + std::to_string(kMachineSchemaVersion) +
          "\" (see examples/machines/)",
      kSchemaDepth);
  const YamlMapping top(src, root, "");
  read_version(src, top);
  read_format(src, top);
  top.reject_unknown(kTopKeys, belongs_elsewhere(""));
  const YamlEntry* levels = top.find("levels");
  if (levels) reject_one_level_keys(src, top, *levels);

  Accelerator accel;
  const YamlEntry& name =
      top.require("name", " (a short name for the machine, e.g. name: hwc-like)");
  accel.name = std::string(trim(read_text(src, name)));
  if (accel.name.empty()) fail_value(src, name, "the name cannot be empty");
  // The name reaches tables, CSV, JSON and terminals: printable UTF-8 only
  // (base/name_text), as layer and network names.
  if (const std::string problem = name_problem(accel.name); !problem.empty())
    fail_value(src, name, "the name has " + problem + "; names must be printable UTF-8 text");
  if (const YamlEntry* e = top.find("description")) {
    accel.description = read_text(src, *e);
    // Lines of printable UTF-8 (a block scalar may span several).
    std::string_view rest = accel.description;
    while (!rest.empty()) {
      const std::string_view line = rest.substr(0, rest.find('\n'));
      if (const std::string problem = name_problem(line); !problem.empty())
        fail_value(src, *e, "the description has " + problem + "; it must be printable UTF-8 text");
      rest.remove_prefix(std::min(rest.size(), line.size() + 1));
    }
  }

  MachineText out;
  if (!levels) {
    read_scratchpad(src, top, accel.machine);
    read_precision(src, top, accel.machine.precision);
    read_mac_array(src, top, accel.mac_array);
    DecimalText clock_text;
    accel.clock_mhz = read_clock(src, top, clock_text);
    read_offchip(src, top, accel, clock_text);
    read_energy(src, top, accel);

    // The reads above check every field; this catches what only the whole
    // machine shows (a MAC array over kMaxMacsPerCycle).
    check_whole_machine(src, top, [&] { validate(accel); });
    out.accel = as_level_accelerator(accel);
    return out;
  }

  LevelAccelerator& level_accel = out.accel;
  level_accel.name = accel.name;
  level_accel.description = accel.description;
  read_precision(src, top, level_accel.memory.precision);
  read_mac_array(src, top, level_accel.mac_array);
  DecimalText clock_text;
  level_accel.clock_mhz = read_clock(src, top, clock_text);
  read_levels(src, *levels, level_accel.clock_mhz, clock_text, level_accel);
  // MAC and off-chip energies as one level reads them (the scratchpad's is
  // refused above: each level has its own).
  accel.machine.precision = level_accel.memory.precision;
  accel.machine.capacity_bytes = level_accel.memory.levels.front().capacity_bytes;
  read_energy(src, top, accel);
  level_accel.mac_fj = accel.energy.mac_fj;
  level_accel.mac_source = accel.energy.mac_source;
  level_accel.offchip_fj_per_byte = accel.energy.offchip_fj_per_byte;
  level_accel.offchip_source = accel.energy.offchip_source;
  check_whole_machine(src, top, [&] { validate(level_accel); });
  out.levels_line = levels->mark.line + 1;
  return out;
}

}  // namespace

LevelAccelerator parse_level_accelerator_text(std::string_view text, const std::string& source) {
  return parse_machine_text(text, source).accel;
}

Accelerator parse_accelerator_text(std::string_view text, const std::string& source) {
  const MachineText machine = parse_machine_text(text, source);
  if (std::optional<Accelerator> one = as_one_level(machine.accel)) return *one;
  const MemoryLevels& m = machine.accel.memory;
  std::string names;
  for (std::size_t l = 0; l < m.levels.size(); ++l)
    names += (l ? ", " : "") + in_quotes(m.levels[l].name);
  throw UserError(source + ": line " + std::to_string(machine.levels_line) +
                  ": levels: " + std::to_string(m.levels.size()) + " on-chip levels (" + names +
                  "), but this command searches or costs one scratchpad; give a machine of one "
                  "level (scratchpad: and offchip:), or give it alone to 'spad accel --layer L "
                  "--machine M.yaml' (the level search for one layer, --model M for a network; "
                  "with --schedule S.json "
                  "it costs a several-level schedule; spad.LevelAccelerator in Python) or count "
                  "a schedule with 'spad evaluate' or 'spad simulate' and --machine M.yaml");
}

Accelerator read_accelerator_file(const std::string& path) {
  return parse_accelerator_text(read_text_file(path, "machine file"), path);
}

LevelAccelerator read_level_accelerator_file(const std::string& path) {
  return parse_level_accelerator_text(read_text_file(path, "machine file"), path);
}

}  // namespace spad
