// Reading the clock and the DMA ports of a machine file (see machine_port.hpp).
#include "io/machine/machine_port.hpp"

#include <array>
#include <cmath>
#include <string_view>
#include <utility>

#include "io/machine/machine_rate.hpp"
#include "io/text/text_fields.hpp"

namespace spad::machine_file {

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

}  // namespace spad::machine_file
