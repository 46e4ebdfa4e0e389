// Machine description files (io/machine/accelerator_file), the accelerator model's
// defaults and validation (model/accelerator) and the JSON echo
// (io/machine/accelerator_json): the shipped examples, defaults, and a must-fail table.
#include "io/machine/accelerator_file.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "io/machine/accelerator_json.hpp"
#include "model/accelerator.hpp"

namespace spad {
namespace {

const std::string kExamples = std::string(SPAD_SOURCE_DIR) + "/examples/machines/";

// A complete, valid file; the must-fail cases edit it.
const std::string kBase =
    "spad_machine: 1\n"
    "name: t\n"
    "scratchpad:\n"
    "  capacity_bytes: 65536\n"
    "  double_buffer: true\n"
    "mac_array:\n"
    "  unroll: {m: 16, q: 4}\n"
    "clock_mhz: 100\n"
    "offchip:\n"
    "  bits_per_cycle: 64\n"
    "  dma_setup_cycles: 20\n";

// `text` (kBase by default) with the first `from` replaced by `to` (which may be empty).
std::string edited(const std::string& from, const std::string& to, std::string text = kBase) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("test bug: no \"" + from + "\" in kBase");
  return text.replace(at, from.size(), to);
}

Accelerator parse(const std::string& text) { return parse_accelerator_text(text, "m.yaml"); }

// ---------------------------------------------------------------- examples

TEST(AcceleratorFile, HwcLikeExample) {
  const Accelerator a = read_accelerator_file(kExamples + "hwc-like.yaml");
  EXPECT_EQ(a.name, "hwc-like");
  EXPECT_FALSE(a.description.empty());
  EXPECT_EQ(a.machine.capacity_bytes, Count{65536});
  EXPECT_TRUE(a.machine.double_buffer);
  EXPECT_FALSE(a.machine.halo_reuse);
  EXPECT_EQ(a.machine.precision, (Precision{1, 1, 1, 4}));
  EXPECT_EQ(a.mac_array.unroll[Dim::m], 4);
  EXPECT_EQ(a.mac_array.unroll[Dim::q], 8);
  EXPECT_EQ(a.mac_array.macs_per_cycle(), 32);
  EXPECT_EQ(a.clock_mhz, 200.0);
  EXPECT_EQ(a.offchip_bits_per_cycle, 32);
  EXPECT_EQ(a.dma_setup_cycles, 16);
  EXPECT_EQ(a.energy.mac_fj, 300);
  EXPECT_EQ(a.energy.scratchpad_fj_per_byte, 4500);
  EXPECT_EQ(a.energy.offchip_fj_per_byte, 162'500);
  EXPECT_EQ(a.energy.mac_source, EnergySource::default_value);
  EXPECT_EQ(a.energy.scratchpad_source, EnergySource::default_value);
  EXPECT_EQ(a.energy.offchip_source, EnergySource::default_value);
}

TEST(AcceleratorFile, EdgeNpuExample) {
  const Accelerator a = read_accelerator_file(kExamples + "edge-npu.yaml");
  EXPECT_EQ(a.name, "edge-npu");
  EXPECT_EQ(a.machine.capacity_bytes, Count{1} << 20);
  EXPECT_TRUE(a.machine.double_buffer);
  EXPECT_TRUE(a.machine.halo_reuse);
  EXPECT_EQ(a.machine.precision, (Precision{1, 1, 1, 4}));
  MacArray expected;
  expected.unroll[Dim::m] = 32;
  expected.unroll[Dim::c] = 32;
  EXPECT_EQ(a.mac_array, expected);
  EXPECT_EQ(a.mac_array.macs_per_cycle(), 1024);
  EXPECT_EQ(a.clock_mhz, 800.0);
  EXPECT_EQ(a.offchip_bits_per_cycle, 128);
  EXPECT_EQ(a.dma_setup_cycles, 64);
  EXPECT_EQ(a.energy.mac_fj, 300);
  EXPECT_EQ(a.energy.scratchpad_fj_per_byte, 12'500);  // 1 MiB: the 1 MB point
  EXPECT_EQ(a.energy.offchip_fj_per_byte, 162'500);
}

// ---------------------------------------------------------------- defaults

TEST(AcceleratorFile, DefaultsApplied) {
  const Accelerator a = parse(edited("  double_buffer: true\n", ""));
  EXPECT_FALSE(a.machine.double_buffer);
  EXPECT_FALSE(a.machine.halo_reuse);
  EXPECT_EQ(a.machine.precision, Precision{});
  EXPECT_EQ(a.machine.precision, (Precision{1, 1, 1, 4}));
  EXPECT_TRUE(a.description.empty());
  // 64 KiB: log2(65536) = 16 lies 1/5 of the way from 15 (32 KB, 2500 fJ) to
  // 20 (1 MB, 12500 fJ), so 2500 + (12500 - 2500) / 5 = 4500 fJ per byte.
  EXPECT_EQ(a.energy.scratchpad_fj_per_byte, 4500);
  EXPECT_EQ(a.energy.mac_fj, 300);  // 0.2 pJ 8-bit multiply + 0.1 pJ 32-bit add
  EXPECT_EQ(a.energy.offchip_fj_per_byte, kDefaultOffchipFjPerByte);
  EXPECT_EQ(a.energy.mac_source, EnergySource::default_value);
}

TEST(AcceleratorModel, DefaultScratchpadEnergyInterpolatesInLog2) {
  EXPECT_EQ(default_scratchpad_fj_per_byte(1), 1250);     // clamped below 8 KB
  EXPECT_EQ(default_scratchpad_fj_per_byte(4096), 1250);  // clamped below 8 KB
  EXPECT_EQ(default_scratchpad_fj_per_byte(8192), 1250);
  // log2 = 14, halfway from 13 to 15: 1250 + 1250 / 2.
  EXPECT_EQ(default_scratchpad_fj_per_byte(16384), 1875);
  EXPECT_EQ(default_scratchpad_fj_per_byte(32768), 2500);
  EXPECT_EQ(default_scratchpad_fj_per_byte(65536), 4500);
  // log2 = 17: 2/5 of the way from 15 to 20.
  EXPECT_EQ(default_scratchpad_fj_per_byte(131072), 6500);
  EXPECT_EQ(default_scratchpad_fj_per_byte(1 << 20), 12500);
  EXPECT_EQ(default_scratchpad_fj_per_byte(Count{1} << 30), 12500);  // clamped above 1 MB
  // log2(24576) = 14.585: 1250 + 1250 * 1.585 / 2 = 2240.6 -> rounded to 2241.
  EXPECT_EQ(default_scratchpad_fj_per_byte(24576), 2241);
  // Monotone between the points.
  for (Count c = 8192; c < (1 << 20); c += 4096)
    EXPECT_LE(default_scratchpad_fj_per_byte(c), default_scratchpad_fj_per_byte(c + 4096)) << c;
}

TEST(AcceleratorModel, DefaultMacEnergyOnlyForOneByteOperands) {
  EXPECT_EQ(default_mac_fj(Precision{1, 1, 1, 4}), 300);
  EXPECT_EQ(default_mac_fj(Precision{1, 1, 2, 2}), 300);  // output and psum do not matter
  EXPECT_EQ(default_mac_fj(Precision{2, 1, 1, 4}), 0);
  EXPECT_EQ(default_mac_fj(Precision{1, 2, 1, 4}), 0);
  EXPECT_EQ(default_mac_fj(Precision{2, 2, 2, 4}), 0);
}

TEST(AcceleratorModel, MacsPerCycleIsTheProduct) {
  MacArray a;
  EXPECT_EQ(a.macs_per_cycle(), 1);
  a.unroll[Dim::m] = 16;
  a.unroll[Dim::q] = 4;
  a.unroll[Dim::s] = 3;
  EXPECT_EQ(a.macs_per_cycle(), 192);
}

Accelerator valid_accelerator() { return parse(kBase); }

TEST(AcceleratorModel, ValidateNamesTheField) {
  const auto expect_error = [](const std::function<void(Accelerator&)>& edit,
                               const std::string& part) {
    Accelerator a = valid_accelerator();
    edit(a);
    try {
      validate(a);
      ADD_FAILURE() << "accepted; expected " << part;
    } catch (const UserError& e) {
      EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    }
  };
  EXPECT_NO_THROW(validate(valid_accelerator()));
  expect_error([](Accelerator& a) { a.machine.capacity_bytes.reset(); },
               "scratchpad.capacity_bytes");
  expect_error([](Accelerator& a) { a.machine.capacity_bytes = 0; }, "scratchpad.capacity_bytes");
  expect_error([](Accelerator& a) { a.machine.precision.psum = 0; }, "psum");
  expect_error([](Accelerator& a) { a.mac_array.unroll[Dim::r] = 0; }, "mac_array.unroll.r = 0");
  expect_error(
      [](Accelerator& a) {
        a.mac_array.unroll[Dim::m] = Count{1} << 40;
        a.mac_array.unroll[Dim::c] = Count{1} << 40;
      },
      "MACs per cycle");
  expect_error([](Accelerator& a) { a.clock_mhz = 0; }, "clock_mhz");
  expect_error([](Accelerator& a) { a.clock_mhz = std::nan(""); }, "clock_mhz");
  // The value as written, not rounded to six decimals (0) or spelled out
  // in 301 digits.
  expect_error([](Accelerator& a) { a.clock_mhz = 1e-300; }, "clock_mhz = 1e-300: outside");
  expect_error([](Accelerator& a) { a.clock_mhz = 1e300; }, "clock_mhz = 1e+300: outside");
  expect_error([](Accelerator& a) { a.clock_mhz = 0.0000001; }, "clock_mhz = 1e-07: outside");
  expect_error([](Accelerator& a) { a.offchip_bits_per_cycle = 0; }, "offchip.bits_per_cycle = 0");
  expect_error([](Accelerator& a) { a.dma_setup_cycles = -1; }, "offchip.dma_setup_cycles = -1");
  expect_error([](Accelerator& a) { a.energy.mac_fj = -1; }, "energy.mac_pj");
  expect_error([](Accelerator& a) { a.energy.offchip_fj_per_byte = kMaxEnergyFj + 1; },
               "energy.offchip_pj_per_byte");
}

// ---------------------------------------------------------------- accepted forms

TEST(AcceleratorFile, EnergiesFromTheFileAreExactFemtojoules) {
  const Accelerator a = parse(kBase +
                              "energy:\n"
                              "  mac_pj: 0.3\n"
                              "  scratchpad_pj_per_byte: 2.5e0\n"
                              "  offchip_pj_per_byte: 162\n");
  EXPECT_EQ(a.energy.mac_fj, 300);
  EXPECT_EQ(a.energy.scratchpad_fj_per_byte, 2500);
  EXPECT_EQ(a.energy.offchip_fj_per_byte, 162'000);
  EXPECT_EQ(a.energy.mac_source, EnergySource::file);
  EXPECT_EQ(a.energy.scratchpad_source, EnergySource::file);
  EXPECT_EQ(a.energy.offchip_source, EnergySource::file);

  const Accelerator b = parse(kBase + "energy: {mac_pj: 0.001, scratchpad_pj_per_byte: 0}\n");
  EXPECT_EQ(b.energy.mac_fj, 1);
  EXPECT_EQ(b.energy.scratchpad_fj_per_byte, 0);
  EXPECT_EQ(b.energy.offchip_source, EnergySource::default_value);
}

TEST(AcceleratorFile, Int16NeedsAndUsesAGivenMacEnergy) {
  const Accelerator a = parse(kBase +
                              "precision_bytes: {input: 2, weight: 2, psum: 8}\n"
                              "energy: {mac_pj: 1.2}\n");
  EXPECT_EQ(a.machine.precision, (Precision{2, 2, 1, 8}));
  EXPECT_EQ(a.energy.mac_fj, 1200);
}

TEST(AcceleratorFile, NumbersAndSizesInTheirAcceptedForms) {
  const Accelerator a = parse(edited("65536", "\"64 KiB\""));
  EXPECT_EQ(a.machine.capacity_bytes, Count{65536});
  EXPECT_EQ(parse(edited("65536", "64KiB")).machine.capacity_bytes, Count{65536});
  EXPECT_EQ(parse(edited("65536", "0.5MiB")).machine.capacity_bytes, Count{524288});
  EXPECT_EQ(parse(edited("bits_per_cycle: 64", "bits_per_cycle: 64.0")).offchip_bits_per_cycle, 64);
  EXPECT_EQ(parse(edited("clock_mhz: 100", "clock_mhz: 133.3")).clock_mhz, 133.3);
  EXPECT_EQ(parse(edited("dma_setup_cycles: 20", "dma_setup_cycles: 0")).dma_setup_cycles, 0);
  EXPECT_TRUE(parse(edited("double_buffer: true", "double_buffer: True")).machine.double_buffer);
}

TEST(AcceleratorFile, JsonIsReadAsWell) {
  const std::string json = R"({
    "spad_machine": 1, "name": "t",
    "scratchpad": {"capacity_bytes": 65536, "double_buffer": true},
    "mac_array": {"unroll": {"m": 16, "q": 4}},
    "clock_mhz": 100,
    "offchip": {"bits_per_cycle": 64, "dma_setup_cycles": 20}
  })";
  EXPECT_EQ(parse_accelerator_text(json, "m.json"), parse(kBase));
  const auto path = std::filesystem::temp_directory_path() / "spad_accelerator_test.json";
  std::ofstream(path) << json;
  EXPECT_EQ(read_accelerator_file(path.string()), parse(kBase));
}

// ---------------------------------------------------------------- JSON echo

TEST(AcceleratorJson, EchoesTheSchemaKeys) {
  const auto j = accelerator_to_json(read_accelerator_file(kExamples + "hwc-like.yaml"));
  EXPECT_EQ(j["spad_machine"], 1);
  EXPECT_EQ(j["name"], "hwc-like");
  EXPECT_EQ(j["scratchpad"]["capacity_bytes"], 65536);
  EXPECT_EQ(j["scratchpad"]["double_buffer"], true);
  EXPECT_EQ(j["scratchpad"]["halo_reuse"], false);
  EXPECT_EQ(j["precision_bytes"]["psum"], 4);
  EXPECT_EQ(j["mac_array"]["unroll"], (nlohmann::ordered_json{{"m", 4}, {"q", 8}}));
  EXPECT_EQ(j["mac_array"]["macs_per_cycle"], 32);
  EXPECT_EQ(j["clock_mhz"], 200.0);
  EXPECT_EQ(j["offchip"]["bits_per_cycle"], 32);
  EXPECT_EQ(j["offchip"]["dma_setup_cycles"], 16);
  EXPECT_EQ(j["energy"]["mac_pj"], 0.3);
  EXPECT_EQ(j["energy"]["scratchpad_pj_per_byte"], 4.5);
  EXPECT_EQ(j["energy"]["offchip_pj_per_byte"], 162.5);
  EXPECT_EQ(j["energy_source"]["mac_pj"], "default (Horowitz, ISSCC 2014, 45 nm)");
  const auto from_file = accelerator_to_json(parse(kBase + "energy: {mac_pj: 0.25}\n"));
  EXPECT_EQ(from_file["energy_source"]["mac_pj"], "file");
  EXPECT_EQ(from_file["energy"]["mac_pj"], 0.25);
  EXPECT_FALSE(from_file.contains("description"));
}

TEST(AcceleratorJson, EchoWithoutDerivedKeysReadsBack) {
  const Accelerator a = read_accelerator_file(kExamples + "edge-npu.yaml");
  auto j = accelerator_to_json(a);
  j["mac_array"].erase("macs_per_cycle");
  j.erase("energy_source");
  Accelerator back = parse_accelerator_text(j.dump(), "echo.json");
  // The echo states every energy, so they now come from the "file".
  back.energy.mac_source = back.energy.scratchpad_source = back.energy.offchip_source =
      EnergySource::default_value;
  EXPECT_EQ(back, a);
}

// ---------------------------------------------------------------- must fail

struct BadFile {
  std::string label;
  std::function<void()> run;
  std::vector<std::string> expected;  // substrings of the message
};

std::function<void()> text(const std::string& t) {
  return [t] { parse_accelerator_text(t, "bad.yaml"); };
}

std::function<void()> edit(const std::string& from, const std::string& to) {
  return text(edited(from, to));
}

std::function<void()> append(const std::string& extra) { return text(kBase + extra); }

std::vector<BadFile> bad_files() {
  const std::string missing =
      (std::filesystem::temp_directory_path() / "spad_no_such_machine.yaml").string();
  return {
      // ---- structure ----
      {"empty file", text(""), {"bad.yaml", "empty file", "spad_machine: 1"}},
      {"only comments", text("# nothing here\n\n"), {"bad.yaml", "empty file"}},
      {"top level is a list",
       text("- spad_machine: 1\n- name: t\n"),
       {"bad.yaml", "line 1", "a list", "not a mapping"}},
      {"top level is a scalar", text("hello\n"), {"bad.yaml", "\"hello\"", "not a mapping"}},
      {"malformed YAML",
       text("spad_machine: 1\nname: t\nscratchpad: {capacity_bytes: 64\n"),
       {"bad.yaml", "malformed YAML", "line 3", "never closed"}},
      {"malformed JSON",
       text("{\"spad_machine\": 1,\n \"name\": \"t\"\n"),
       {"bad.yaml", "malformed YAML", "line 1", "never closed"}},
      {"stray comma in JSON",
       text("{\"spad_machine\": 1,\n \"name\": \"t\",,\n}"),
       {"bad.yaml", "line 2", "an empty key"}},
      {"self-referencing anchor",
       edit("clock_mhz: 100", "clock_mhz: &a [*a]"),
       {"bad.yaml", "line 8", "anchor", "write the value out"}},
      {"two documents", append("---\nname: u\n"), {"bad.yaml", "line 13", "second YAML document"}},
      {"duplicate top-level key",
       append("clock_mhz: 200\n"),
       {"bad.yaml", "line 12", "\"clock_mhz\" appears twice", "line 8"}},
      {"duplicate nested key in JSON",
       text(
           R"({"spad_machine": 1, "name": "t", "offchip": {"bits_per_cycle": 8, "bits_per_cycle": 16}})"),
       {"bad.yaml", "line 1", "\"offchip.bits_per_cycle\" appears twice"}},
      {"non-scalar key",
       append("[a, b]: 1\n"),
       {"bad.yaml", "line 12", "keys must be plain names"}},
      // ---- version ----
      {"missing version",
       edit("spad_machine: 1\n", ""),
       {"bad.yaml", "missing required key \"spad_machine\"", "spad_machine: 1"}},
      {"wrong version",
       edit("spad_machine: 1", "spad_machine: 2"),
       {"bad.yaml", "line 1", "spad_machine = 2", "unsupported schema version", "version 1"}},
      {"version as text", edit("spad_machine: 1", "spad_machine: v1"), {"spad_machine = \"v1\""}},
      // ---- missing and unknown keys ----
      {"missing name", edit("name: t\n", ""), {"bad.yaml", "missing required key \"name\""}},
      {"empty name", edit("name: t", "name: \"\""), {"bad.yaml", "name = \"\"", "empty"}},
      {"missing capacity",
       edit("  capacity_bytes: 65536\n", ""),
       {"bad.yaml", "line 4", "missing required key \"scratchpad.capacity_bytes\""}},
      {"missing scratchpad",
       edit("scratchpad:\n  capacity_bytes: 65536\n  double_buffer: true\n", ""),
       {"bad.yaml", "missing required key \"scratchpad\""}},
      {"missing setup cycles",
       edit("  dma_setup_cycles: 20\n", ""),
       {"bad.yaml", "missing required key \"offchip.dma_setup_cycles\""}},
      {"missing unroll",
       edit("mac_array:\n  unroll: {m: 16, q: 4}\n", "mac_array: {}\n"),
       {"bad.yaml", "line 6", "missing required key \"mac_array.unroll\""}},
      {"unknown top-level key",
       edit("clock_mhz: 100", "clock_mzh: 100"),
       {"bad.yaml", "line 8", "unknown key \"clock_mzh\"", "did you mean \"clock_mhz\""}},
      {"unknown nested key",
       edit("capacity_bytes", "capacty_bytes"),
       {"bad.yaml", "line 4", "unknown key \"scratchpad.capacty_bytes\"",
        "did you mean \"capacity_bytes\""}},
      {"nested key at the top level",
       append("bits_per_cycle: 64\n"),
       {"bad.yaml", "unknown key \"bits_per_cycle\"", "belongs under \"offchip:\""}},
      {"unknown energy key",
       append("energy: {mac_fj: 300}\n"),
       {"bad.yaml", "unknown key \"energy.mac_fj\"", "did you mean \"mac_pj\""}},
      // ---- MAC array ----
      {"zero unroll",
       edit("{m: 16, q: 4}", "{m: 0, q: 4}"),
       {"bad.yaml", "line 7", "mac_array.unroll.m = 0", "zero MACs"}},
      {"unknown unroll letter",
       edit("{m: 16, q: 4}", "{x: 16, q: 4}"),
       {"bad.yaml", "unknown key \"mac_array.unroll.x\"", "n g m c p q r s"}},
      {"upper-case unroll letter",
       edit("{m: 16, q: 4}", "{M: 16, q: 4}"),
       {"bad.yaml", "\"mac_array.unroll.M\"", "did you mean \"m\""}},
      {"empty unroll",
       edit("{m: 16, q: 4}", "{}"),
       {"bad.yaml", "mac_array.unroll = {}", "at least one loop dimension"}},
      {"MAC array too large",
       edit("{m: 16, q: 4}", "{m: 65536, c: 65536}"),
       {"bad.yaml", "line 7", "mac_array.unroll = {m: 65536, c: 65536}", "MACs per cycle"}},
      // ---- bandwidth, setup, clock ----
      {"negative bandwidth",
       edit("bits_per_cycle: 64", "bits_per_cycle: -64"),
       {"bad.yaml", "line 10", "offchip.bits_per_cycle = -64", "at least 1 bit per cycle"}},
      {"zero bandwidth",
       edit("bits_per_cycle: 64", "bits_per_cycle: 0"),
       {"bad.yaml", "offchip.bits_per_cycle = 0", "at least 1 bit per cycle"}},
      {"bandwidth as a rate",
       edit("bits_per_cycle: 64", "bits_per_cycle: 1GB/s"),
       {"bad.yaml", "offchip.bits_per_cycle = \"1GB/s\"", "bits per clock cycle",
        "at clock_mhz 100, 1GB/s is 80 bits per cycle"}},
      {"bandwidth in bytes",
       edit("bits_per_cycle: 64", "bits_per_cycle: 8 B"),
       {"offchip.bits_per_cycle = \"8 B\"", "write bits_per_cycle: 64"}},
      {"quoted number",
       edit("bits_per_cycle: 64", "bits_per_cycle: \"64\""),
       {"offchip.bits_per_cycle = \"64\"", "remove the quotes"}},
      {"fractional integer",
       edit("dma_setup_cycles: 20", "dma_setup_cycles: 3.5"),
       {"bad.yaml", "line 11", "offchip.dma_setup_cycles = 3.5", "not a fraction"}},
      {"negative setup",
       edit("dma_setup_cycles: 20", "dma_setup_cycles: -1"),
       {"bad.yaml", "offchip.dma_setup_cycles = -1", "cannot be negative"}},
      {"tiny negative energy",
       edit("clock_mhz: 100", "clock_mhz: 100\nenergy: {mac_pj: -0.0001}"),
       {"bad.yaml", "energy.mac_pj = -0.0001", "cannot be negative"}},
      {"clock in hertz",
       edit("clock_mhz: 100", "clock_mhz: 100000000"),
       {"bad.yaml", "line 8", "clock_mhz = 100000000", "is the unit MHz?"}},
      {"clock far too slow",
       edit("clock_mhz: 100", "clock_mhz: 1e-310"),
       {"bad.yaml", "clock_mhz", "1 kHz"}},
      // Checked on the whole machine, still at its line and with its value
      // as written (a six-decimal form showed it as 0).
      {"clock below a kilohertz",
       edit("clock_mhz: 100", "clock_mhz: 1e-300"),
       {"bad.yaml: line 8: clock_mhz = 1e-300: outside", "1 kHz"}},
      // The clock is checked before bytes_per_s is converted at it: a clock
      // out of range named the bandwidth ("too large a bandwidth", "8e-06
      // bits per cycle") instead of clock_mhz.
      {"clock below a kilohertz with a rate",
       text(edited("bits_per_cycle: 64", "bytes_per_s: 1GB/s",
                   edited("clock_mhz: 100", "clock_mhz: 1e-300"))),
       {"bad.yaml: line 8: clock_mhz = 1e-300: outside", "1 kHz"}},
      {"clock above a terahertz with a rate",
       text(edited("bits_per_cycle: 64", "bytes_per_s: 1GB/s",
                   edited("clock_mhz: 100", "clock_mhz: 1e9"))),
       {"bad.yaml: line 8: clock_mhz = 1000000000: outside", "1 THz"}},
      {"setup beyond any DMA engine",
       edit("dma_setup_cycles: 20", "dma_setup_cycles: 2000000"),
       {"bad.yaml: line 11: offchip.dma_setup_cycles = 2000000", "1048576"}},
      {"setup in nanoseconds",
       edit("dma_setup_cycles: 20", "dma_setup_cycles: 50ns"),
       {"offchip.dma_setup_cycles = \"50ns\"", "clock cycles", "50 ns is 5 cycles"}},
      {"integer too large",
       edit("dma_setup_cycles: 20", "dma_setup_cycles: 99999999999999999999"),
       {"offchip.dma_setup_cycles = 99999999999999999999", "too large"}},
      {"clock with unit",
       edit("clock_mhz: 100", "clock_mhz: 100MHz"),
       {"bad.yaml", "line 8", "clock_mhz = \"100MHz\"", "megahertz (MHz)", "clock_mhz: 100"}},
      {"clock in GHz",
       edit("clock_mhz: 100", "clock_mhz: 1.5 GHz"),
       {"clock_mhz = \"1.5 GHz\"", "write clock_mhz: 1500"}},
      {"zero clock",
       edit("clock_mhz: 100", "clock_mhz: 0"),
       {"bad.yaml", "clock_mhz = 0", "greater than 0"}},
      {"clock is a list",
       edit("clock_mhz: 100", "clock_mhz: [100]"),
       {"bad.yaml", "clock_mhz = [100]", "not a list"}},
      {"clock has no value",
       edit("clock_mhz: 100", "clock_mhz:"),
       {"bad.yaml", "line 8", "clock_mhz has no value"}},
      {"offchip is a number",
       edit("offchip:\n  bits_per_cycle: 64\n  dma_setup_cycles: 20\n", "offchip: 64\n"),
       {"bad.yaml", "offchip = 64", "must be a mapping"}},
      // ---- scratchpad ----
      {"capacity with a time unit",
       edit("65536", "64 ms"),
       {"bad.yaml", "line 4", "scratchpad.capacity_bytes", "\"64 ms\"", "unknown unit \"ms\"",
        "whole number of bytes"}},
      {"capacity zero",
       edit("65536", "0"),
       {"bad.yaml", "scratchpad.capacity_bytes = 0", "at least 1 byte"}},
      {"capacity zero KiB",
       edit("65536", "0KiB"),
       {"bad.yaml", "scratchpad.capacity_bytes", "\"0KiB\"", "at least 1 byte"}},
      {"capacity fraction",
       edit("65536", "1000.5"),
       {"scratchpad.capacity_bytes = 1000.5", "not a fraction"}},
      {"boolean as a quoted string",
       edit("double_buffer: true", "double_buffer: \"yes\""),
       {"bad.yaml", "line 5", "scratchpad.double_buffer = \"yes\"", "true or false"}},
      {"boolean as a YAML 1.1 word",
       edit("double_buffer: true", "double_buffer: yes"),
       {"scratchpad.double_buffer = \"yes\"", "yes/no/on/off"}},
      {"boolean quoted true",
       edit("double_buffer: true", "double_buffer: \"true\""),
       {"scratchpad.double_buffer = \"true\"", "without quotes"}},
      {"boolean as a number",
       edit("double_buffer: true", "double_buffer: 1"),
       {"scratchpad.double_buffer = 1", "true or false, not a number"}},
      // ---- precision ----
      {"precision zero",
       append("precision_bytes: {weight: 0}\n"),
       {"bad.yaml", "line 12", "precision_bytes.weight = 0", "at least 1 byte"}},
      {"precision too wide",
       append("precision_bytes: {psum: 32}\n"),
       {"precision_bytes.psum = 32", "at most 16"}},
      {"precision as a type name",
       append("precision_bytes: {input: int16}\n"),
       {"precision_bytes.input = \"int16\"", "write input: 2"}},
      // ---- energy ----
      {"fractional femtojoules",
       append("energy:\n  mac_pj: 0.0305\n"),
       {"bad.yaml", "line 13", "energy.mac_pj = 0.0305", "resolution is 0.001 pJ", "0.031"}},
      {"missing mac energy for int16",
       append("precision_bytes: {input: 2, weight: 2}\n"),
       {"bad.yaml", "energy.mac_pj", "no default MAC energy", "input 2, weight 2"}},
      {"negative energy",
       append("energy: {offchip_pj_per_byte: -1}\n"),
       {"energy.offchip_pj_per_byte = -1", "cannot be negative"}},
      {"energy too large",
       append("energy: {scratchpad_pj_per_byte: 2000000}\n"),
       {"energy.scratchpad_pj_per_byte = 2000000", "at most 1000000 pJ"}},
      {"energy with unit",
       append("energy: {mac_pj: 300 fJ}\n"),
       {"energy.mac_pj = \"300 fJ\"", "write mac_pj: 0.3"}},
      // ---- files ----
      {"missing file",
       [missing] { read_accelerator_file(missing); },
       {"spad_no_such_machine.yaml", "no such file"}},
  };
}

class AcceleratorFileErrors : public ::testing::TestWithParam<BadFile> {};

TEST_P(AcceleratorFileErrors, IsUserErrorNamingFileFieldAndValue) {
  const BadFile& c = GetParam();
  try {
    c.run();
    FAIL() << c.label << ": accepted";
  } catch (const UserError& e) {
    const std::string message = e.what();
    for (const std::string& part : c.expected)
      EXPECT_NE(message.find(part), std::string::npos)
          << c.label << ": message lacks \"" << part << "\"\n  message: " << message;
  } catch (const std::exception& e) {
    FAIL() << c.label << ": not a UserError: " << e.what();
  }
}

std::string case_name(const ::testing::TestParamInfo<BadFile>& info) {
  std::string name;
  for (char ch : info.param.label) name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(AcceleratorMustFail, AcceleratorFileErrors,
                         ::testing::ValuesIn(bad_files()), case_name);

TEST(AcceleratorFileErrorsCount, AtLeastTwenty) { EXPECT_GE(bad_files().size(), 20u); }

// Every message of the table starts with the file name.
TEST(AcceleratorFileErrorsCount, MessagesStartWithTheFile) {
  for (const BadFile& c : bad_files()) {
    if (c.label == "missing file") continue;
    try {
      c.run();
    } catch (const UserError& e) {
      EXPECT_EQ(std::string(e.what()).rfind("bad.yaml: ", 0), 0u) << e.what();
    }
  }
}

}  // namespace
}  // namespace spad
