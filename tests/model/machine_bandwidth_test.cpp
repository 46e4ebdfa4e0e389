// Off-chip bandwidth in a machine file as a rate with a unit (offchip.
// bytes_per_s), converted exactly to whole bits per clock cycle. Expected
// values are worked by hand: bits/s = value x unit, divided by clock_mhz x 10^6.
#include <gtest/gtest.h>

#include <string>

#include "base/error.hpp"
#include "io/machine/accelerator_file.hpp"

namespace spad {
namespace {

std::string machine(const std::string& clock_mhz, const std::string& offchip) {
  return "spad_machine: 1\nname: t\nscratchpad: {capacity_bytes: 65536}\n"
         "mac_array: {unroll: {m: 16}}\nclock_mhz: " +
         clock_mhz + "\noffchip:\n" + offchip + "\n  dma_setup_cycles: 20\n";
}

Count bits_per_cycle(const std::string& clock_mhz, const std::string& rate) {
  return parse_accelerator_text(machine(clock_mhz, "  bytes_per_s: " + rate), "m.yaml")
      .offchip_bits_per_cycle;
}

std::string error_of(const std::string& clock_mhz, const std::string& offchip) {
  try {
    parse_accelerator_text(machine(clock_mhz, offchip), "m.yaml");
  } catch (const UserError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(MachineBandwidth, RatesWithUnitsBecomeWholeBitsPerCycle) {
  // 800e6 B/s x 8 = 6.4e9 bit/s; / 200e6 Hz = 32 bits per cycle.
  EXPECT_EQ(bits_per_cycle("200", "800MB/s"), 32);
  EXPECT_EQ(bits_per_cycle("200", "0.8 GB/s"), 32);
  EXPECT_EQ(bits_per_cycle("200", "800000000"), 32);  // plain: bytes per second
  // 1 GiB/s = 2^30 B/s = 2^33 bit/s; at 2^20 Hz (1.048576 MHz): 2^13 = 8192.
  EXPECT_EQ(bits_per_cycle("1.048576", "1GiB/s"), 8192);
  // 64 Gbit/s at 1 GHz: 64 bits per cycle.
  EXPECT_EQ(bits_per_cycle("1000", "64Gbit/s"), 64);
  EXPECT_EQ(bits_per_cycle("1000", "64Gbps"), 64);
  // 12.8 GB/s at 1.6 GHz: 102.4e9 / 1.6e9 = 64.
  EXPECT_EQ(bits_per_cycle("1600", "12.8GB/s"), 64);
  // The same machine with bits_per_cycle gives the same value.
  EXPECT_EQ(parse_accelerator_text(machine("200", "  bits_per_cycle: 32"), "m.yaml")
                .offchip_bits_per_cycle,
            bits_per_cycle("200", "800MB/s"));
}

TEST(MachineBandwidth, ARateThatIsNotWholeBitsPerCycleGivesTheNearestOnes) {
  // 1 GB/s at 300 MHz: 8e9 / 3e8 = 26.667 bits; 26 bits = 975 MB/s, 27 = 1012.5 MB/s.
  const std::string e = error_of("300", "  bytes_per_s: 1GB/s");
  EXPECT_NE(e.find("m.yaml"), std::string::npos) << e;
  EXPECT_NE(e.find("offchip.bytes_per_s"), std::string::npos) << e;
  EXPECT_NE(e.find("26.6667 bits per cycle"), std::string::npos) << e;
  EXPECT_NE(e.find("26 bits per cycle (975MB/s)"), std::string::npos) << e;
  EXPECT_NE(e.find("27 bits per cycle (1012.5MB/s)"), std::string::npos) << e;
}

// Rates that need more than 128 bits to convert exactly as written: zeros at
// either end do not count, and a rate far below 1 bit per cycle is named as
// one (both said "too large a bandwidth").
TEST(MachineBandwidth, LongAndTinyRatesConvertLikeShortOnes) {
  // 8 followed by 41 zeros x 10^-33 = 8e8 B/s = 6.4e9 bit/s; / 100e6 Hz = 64.
  EXPECT_EQ(bits_per_cycle("100", "800000000000000000000000000000000000000000e-33B/s"), 64);
  // 42 zeros after the point: 8e-43 x 10^51 = 8e8 B/s, 64 bits per cycle.
  EXPECT_EQ(bits_per_cycle("100.000", "0." + std::string(42, '0') + "8e51B/s"), 64);
  // 1e-40 GB/s = 1e-31 B/s = 8e-31 bit/s; / 100e6 Hz = 8e-39 bits per cycle.
  const std::string e = error_of("100", "  bytes_per_s: 1e-40GB/s");
  EXPECT_NE(e.find("m.yaml: line 7: offchip.bytes_per_s = \"1e-40GB/s\""), std::string::npos) << e;
  EXPECT_NE(e.find("this is 8e-39 bits per cycle"), std::string::npos) << e;
  // 1 bit per cycle at 100 MHz: 1e8 bit/s = 12.5 MB/s.
  EXPECT_NE(e.find("give 1 bits per cycle (12.5MB/s)"), std::string::npos) << e;
  EXPECT_EQ(e.find("too large"), std::string::npos) << e;
}

TEST(MachineBandwidth, BadRatesAreNamed) {
  EXPECT_NE(error_of("200", "  bytes_per_s: 800MB/s\n  bits_per_cycle: 32").find("not both"),
            std::string::npos);
  EXPECT_NE(error_of("200", "  bytes_per_s: 800kb/s").find("ambiguous"), std::string::npos);
  EXPECT_NE(error_of("200", "  bytes_per_s: 800 furlongs/s").find("unknown unit"),
            std::string::npos);
  EXPECT_NE(error_of("200", "  bytes_per_s: -1GB/s").find("greater than 0"), std::string::npos);
  EXPECT_NE(error_of("200", "  bytes_per_s: 1B/s").find("bits per cycle"), std::string::npos);
  EXPECT_NE(error_of("200", "  bytes_per_s: 1e40GB/s").find("too large"), std::string::npos);
  EXPECT_NE(error_of("200", "").find("bytes_per_s"), std::string::npos);  // missing: both named
}

}  // namespace
}  // namespace spad
