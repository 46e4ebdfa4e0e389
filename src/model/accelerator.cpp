// The accelerator description: MAC array size, validation, default energies.
#include "model/accelerator.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

#include "base/error.hpp"

namespace spad {
namespace {

[[noreturn]] void reject(const std::string& field, const std::string& value,
                         const std::string& why) {
  throw UserError(field + " = " + value + ": " + why);
}

// The shortest text that reads back as `v`, in plain decimals between 1e-4
// and 1e15 (100000000, 0.5) and in exponent form outside (1e-300, 1e+300):
// a fixed six-decimal form showed 1e-300 as 0 and 1e300 as 301 digits.
std::string show(double v) {
  char buffer[64];
  const double magnitude = std::fabs(v);
  const bool plain = magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e15);
  const auto [end, ec] =
      plain ? std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed)
            : std::to_chars(buffer, buffer + sizeof buffer, v);
  SPAD_CHECK(ec == std::errc{}, "show: a double did not fit 64 characters");
  return std::string(buffer, end);
}

void check_energy(const std::string& field, Count fj) {
  if (fj < 0)
    reject(field, std::to_string(fj) + " fJ", "an energy cannot be negative (0 ignores it)");
  if (fj > kMaxEnergyFj)
    reject(field, std::to_string(fj) + " fJ",
           "above the largest accepted energy per unit, " + std::to_string(kMaxEnergyFj) +
               " fJ (1 uJ); check the unit (energies are per MAC or per byte)");
}

}  // namespace

Count MacArray::macs_per_cycle() const {
  Count product = 1;
  for (Dim d : kAllDims) product = mul(product, unroll[d]);
  return product;
}

void validate(const Accelerator& accel) {
  if (!accel.machine.capacity_bytes)
    throw UserError("scratchpad.capacity_bytes: missing; an accelerator needs a scratchpad size");
  if (*accel.machine.capacity_bytes < 1)
    reject("scratchpad.capacity_bytes", std::to_string(*accel.machine.capacity_bytes),
           "a scratchpad holds at least 1 byte");
  validate(accel.machine);

  for (Dim d : kAllDims) {
    const Count lanes = accel.mac_array.unroll[d];
    if (lanes < 1)
      reject("mac_array.unroll." + std::string(dim_name(d)), std::to_string(lanes),
             "zero MACs along this loop; an unrolled dimension needs at least 1 lane (1 = not "
             "unrolled)");
  }
  // Multiplied in 128 bits: every factor is below 2^63 and the running product
  // stops growing once it passes the limit.
  __extension__ using Wide = unsigned __int128;
  Wide macs = 1;
  std::string listing;
  for (Dim d : kAllDims) {
    const Count lanes = accel.mac_array.unroll[d];
    if (lanes == 1) continue;
    if (macs <= static_cast<Wide>(kMaxMacsPerCycle)) macs *= static_cast<Wide>(lanes);
    listing +=
        (listing.empty() ? "" : ", ") + std::string(dim_name(d)) + ": " + std::to_string(lanes);
  }
  if (macs > static_cast<Wide>(kMaxMacsPerCycle))
    reject("mac_array.unroll", "{" + listing + "}",
           "more than " + std::to_string(kMaxMacsPerCycle) +
               " MACs per cycle in total; the product of the unroll factors is the number of "
               "MACs the array does per cycle");

  validate_clock(accel.clock_mhz);
  if (accel.offchip_bits_per_cycle < 1)
    reject("offchip.bits_per_cycle", std::to_string(accel.offchip_bits_per_cycle),
           "the off-chip interface must move at least 1 bit per cycle");
  if (accel.dma_setup_cycles < 0)
    reject("offchip.dma_setup_cycles", std::to_string(accel.dma_setup_cycles),
           "a setup time cannot be negative (0 = no fixed cost per transfer)");
  if (accel.dma_setup_cycles > kMaxSetupCycles)
    reject("offchip.dma_setup_cycles", std::to_string(accel.dma_setup_cycles),
           "more than " + std::to_string(kMaxSetupCycles) +
               " cycles per DMA transfer; latencies would leave the 64-bit range");

  check_energy("energy.mac_pj", accel.energy.mac_fj);
  check_energy("energy.scratchpad_pj_per_byte", accel.energy.scratchpad_fj_per_byte);
  check_energy("energy.offchip_pj_per_byte", accel.energy.offchip_fj_per_byte);
}

void validate_clock(double clock_mhz) {
  if (!std::isfinite(clock_mhz) || clock_mhz <= 0)
    reject("clock_mhz", show(clock_mhz), "the clock must be a positive number of MHz");
  if (clock_mhz < kMinClockMhz || clock_mhz > kMaxClockMhz)
    reject("clock_mhz", show(clock_mhz),
           "outside 0.001 MHz (1 kHz) .. 1000000 MHz (1 THz); is the unit MHz?");
}

Count default_mac_fj(const Precision& precision) {
  // Horowitz 2014, 45 nm: 8-bit integer multiply 0.2 pJ + 32-bit integer add
  // 0.1 pJ. Defined for 8-bit operands only.
  if (precision.input == 1 && precision.weight == 1) return 300;
  return 0;
}

Count default_scratchpad_fj_per_byte(Count capacity_bytes) {
  SPAD_CHECK(capacity_bytes >= 1,
             "scratchpad energy asked for capacity " + std::to_string(capacity_bytes) + " bytes");
  // Horowitz 2014, 45 nm SRAM, 64-bit access: 8 KB 10 pJ, 32 KB 20 pJ, 1 MB
  // 100 pJ -> per byte 1.25, 2.5, 12.5 pJ at log2(capacity) = 13, 15, 20;
  // linear in log2(capacity) between the points, clamped outside them.
  struct Point {
    double log2_bytes;
    double fj;
  };
  constexpr Point points[] = {{13, 1250}, {15, 2500}, {20, 12500}};
  const double x = std::log2(static_cast<double>(capacity_bytes));
  if (x <= points[0].log2_bytes) return static_cast<Count>(points[0].fj);
  for (std::size_t i = 1; i < std::size(points); ++i) {
    const Point& a = points[i - 1];
    const Point& b = points[i];
    if (x <= b.log2_bytes)
      // log2 of a power of two is exact, and multiplying before dividing
      // keeps e.g. 64 KiB at exactly 2500 + 10000 * 1 / 5 = 4500.
      return std::llround(a.fj +
                          (b.fj - a.fj) * (x - a.log2_bytes) / (b.log2_bytes - a.log2_bytes));
  }
  return static_cast<Count>(points[std::size(points) - 1].fj);
}

}  // namespace spad
