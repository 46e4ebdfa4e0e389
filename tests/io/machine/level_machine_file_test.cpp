// Machine files with a `levels:` list (io/machine/accelerator_file,
// model/level_accelerator): a two-level file read field by field with its
// defaults, a one-entry list equal to the scratchpad form, several levels
// refused (with the line) where one scratchpad is costed, and a must-fail
// table of every error path, each naming the file, the field and the value.
#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "io/machine/accelerator_file.hpp"
#include "io/machine/accelerator_json.hpp"
#include "model/level_accelerator.hpp"

namespace spad {
namespace {

const std::string kHead =
    "spad_machine: 1\n"
    "name: soc\n"
    "mac_array:\n"
    "  unroll: {m: 8}\n"
    "clock_mhz: 100\n";

// Two levels; line 6 is "levels:", levels[0] starts on line 7, levels[1] on 13.
const std::string kTwo = kHead +
                         "levels:\n"
                         "  - name: L2\n"
                         "    capacity_bytes: 512KiB\n"
                         "    double_buffer: true\n"
                         "    bits_per_cycle: 64\n"
                         "    dma_setup_cycles: 20\n"
                         "    pj_per_byte: 7\n"
                         "  - name: L1\n"
                         "    capacity_bytes: 64KiB\n"
                         "    double_buffer: true\n"
                         "    bits_per_cycle: 256\n"
                         "    dma_setup_cycles: 4\n";

std::string edited(const std::string& from, const std::string& to, std::string text = kTwo) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("test bug: no \"" + from + "\"");
  return text.replace(at, from.size(), to);
}

LevelAccelerator parse_levels(const std::string& text) {
  return parse_level_accelerator_text(text, "soc.yaml");
}

TEST(LevelMachineFile, TwoLevelsFieldByField) {
  const LevelAccelerator a = parse_levels(kTwo);
  EXPECT_EQ(a.name, "soc");
  ASSERT_EQ(a.memory.levels.size(), 2u);
  ASSERT_EQ(a.ports.size(), 2u);
  EXPECT_EQ(a.memory.levels[0].name, "L2");
  EXPECT_EQ(a.memory.levels[0].capacity_bytes, Count{512} * 1024);
  EXPECT_EQ(a.memory.levels[1].name, "L1");
  EXPECT_EQ(a.memory.levels[1].capacity_bytes, Count{64} * 1024);
  EXPECT_TRUE(a.memory.double_buffer);
  EXPECT_FALSE(a.memory.halo_reuse);
  EXPECT_EQ(a.memory.precision, (Precision{1, 1, 1, 4}));
  EXPECT_EQ(a.ports[0].bits_per_cycle, 64);
  EXPECT_EQ(a.ports[0].dma_setup_cycles, 20);
  EXPECT_EQ(a.ports[0].sram_fj_per_byte, 7000);
  EXPECT_EQ(a.ports[0].sram_source, EnergySource::file);
  EXPECT_EQ(a.ports[1].bits_per_cycle, 256);
  EXPECT_EQ(a.ports[1].dma_setup_cycles, 4);
  // Default SRAM energy at 64 KiB: log2 = 16, between 32 KB (2.5 pJ/B, log2
  // 15) and 1 MB (12.5 pJ/B, log2 20): 2.5 + 10 x 1/5 = 4.5 pJ/B.
  EXPECT_EQ(a.ports[1].sram_fj_per_byte, 4500);
  EXPECT_EQ(a.ports[1].sram_source, EnergySource::default_value);
  EXPECT_EQ(a.mac_array.macs_per_cycle(), 8);
  EXPECT_EQ(a.clock_mhz, 100.0);
  EXPECT_EQ(a.mac_fj, 300);  // 8-bit multiply + 32-bit add, Horowitz 2014
  EXPECT_EQ(a.mac_source, EnergySource::default_value);
  EXPECT_EQ(a.offchip_fj_per_byte, 162'500);
  EXPECT_EQ(a.offchip_source, EnergySource::default_value);
}

TEST(LevelMachineFile, DefaultSramEnergyPerLevelAndRates) {
  // 512 KiB: log2 = 19: 2.5 + 10 x 4/5 = 10.5 pJ/B. bytes_per_s 3.2GB/s at
  // 100 MHz is 32 B = 256 bits per cycle. Energies given in the file.
  const LevelAccelerator a =
      parse_levels(edited("    bits_per_cycle: 256\n", "    bytes_per_s: 3.2GB/s\n",
                          edited("    pj_per_byte: 7\n", "",
                                 kTwo + "energy: {mac_pj: 0.5, offchip_pj_per_byte: 100}\n")));
  EXPECT_EQ(a.ports[0].sram_fj_per_byte, 10'500);
  EXPECT_EQ(a.ports[0].sram_source, EnergySource::default_value);
  EXPECT_EQ(a.ports[1].bits_per_cycle, 256);
  EXPECT_EQ(a.mac_fj, 500);
  EXPECT_EQ(a.mac_source, EnergySource::file);
  EXPECT_EQ(a.offchip_fj_per_byte, 100'000);
  EXPECT_EQ(a.offchip_source, EnergySource::file);
  // The echo's source words are accepted back when they are right.
  const LevelAccelerator echoed = parse_levels(
      edited("    pj_per_byte: 7\n", "    pj_per_byte: 7\n    pj_per_byte_source: file\n",
             kTwo + "energy_source: {mac_pj: \"default (Horowitz, ISSCC 2014, 45 nm)\"}\n"));
  EXPECT_EQ(echoed, parse_levels(kTwo));
}

// A list of one level is the one-level machine: the same Accelerator as the
// scratchpad: and offchip: form, and that form read as levels is one level.
TEST(LevelMachineFile, OneLevelListIsTheScratchpadForm) {
  const std::string scratchpad = kHead +
                                 "scratchpad: {capacity_bytes: 64KiB, halo_reuse: true}\n"
                                 "offchip: {bits_per_cycle: 64, dma_setup_cycles: 20}\n";
  const std::string list = kHead +
                           "levels:\n"
                           "  - {name: scratchpad, capacity_bytes: 64KiB, halo_reuse: true,\n"
                           "     bits_per_cycle: 64, dma_setup_cycles: 20}\n";
  const Accelerator one = parse_accelerator_text(scratchpad, "a.yaml");
  EXPECT_EQ(parse_accelerator_text(list, "b.yaml"), one);
  EXPECT_EQ(parse_level_accelerator_text(scratchpad, "a.yaml"), as_level_accelerator(one));
  EXPECT_EQ(parse_level_accelerator_text(list, "b.yaml"), as_level_accelerator(one));
  EXPECT_EQ(as_one_level(as_level_accelerator(one)), one);
  EXPECT_FALSE(as_one_level(parse_levels(kTwo)).has_value());
}

// Where one scratchpad is costed (the search commands), several levels are
// refused naming the file, the line of levels: and the levels.
TEST(LevelMachineFile, SeveralLevelsRefusedWhereOneIsCosted) {
  try {
    parse_accelerator_text(kTwo, "soc.yaml");
    FAIL() << "accepted";
  } catch (const UserError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind("soc.yaml: line 6: levels: 2 on-chip levels (\"L2\", \"L1\")", 0), 0u)
        << what;
    EXPECT_NE(what.find("this command searches or costs one scratchpad"), std::string::npos)
        << what;
  }
}

struct BadLevels {
  std::string label;
  std::string text;
  std::vector<std::string> expected;
};

std::vector<BadLevels> bad_levels() {
  const auto item = [](const std::string& from, const std::string& to) { return edited(from, to); };
  const std::string second = "  - name: L1\n";
  return {
      {"levels not a list",
       kHead + "levels: {name: L1}\n",
       {"line 6", "levels = {name: L1}", "must be a list of on-chip levels", "not a mapping"}},
      {"empty list", kHead + "levels: []\n", {"line 6", "levels = []", "lists no level"}},
      {"five levels",
       kHead + "levels: [{name: a}, {name: b}, {name: c}, {name: d}, {name: e}]\n",
       {"levels = ", "5 on-chip levels: at most 4"}},
      {"item not a mapping",
       kHead + "levels: [64KiB]\n",
       {"levels[0] = \"64KiB\"", "must be a mapping"}},
      {"unknown key with did-you-mean",
       item("    capacity_bytes: 64KiB\n", "    capacity_byte: 64KiB\n"),
       {"line 14", "unknown key \"levels[1].capacity_byte\"", "did you mean \"capacity_bytes\"",
        "valid keys in \"levels[1]\""}},
      {"key of another section",
       item("    pj_per_byte: 7\n", "    mac_pj: 7\n"),
       {"unknown key \"levels[0].mac_pj\"", "belongs under \"energy:\""}},
      {"key given twice",
       item(second, second + "    name: L0\n"),
       {"line 14", "key \"levels[1].name\" appears twice (also on line 13)"}},
      {"missing name",
       item(second + "    capacity_bytes: 64KiB\n", "  - capacity_bytes: 64KiB\n"),
       {"missing required key \"levels[1].name\""}},
      {"empty name",
       item(second, "  - name: \"  \"\n"),
       {"line 13", "levels[1].name = \"  \"", "cannot be empty"}},
      {"names not distinct",
       item(second, "  - name: L2\n"),
       {"line 13", "levels[1].name = \"L2\"", "levels[0] has the same name"}},
      {"missing capacity",
       item("    capacity_bytes: 64KiB\n", ""),
       {"missing required key \"levels[1].capacity_bytes\""}},
      {"capacity zero",
       item("    capacity_bytes: 64KiB\n", "    capacity_bytes: 0\n"),
       {"line 14", "levels[1].capacity_bytes = 0", "at least 1 byte"}},
      {"capacity with a bad unit",
       item("    capacity_bytes: 64KiB\n", "    capacity_bytes: 64kb\n"),
       {"line 14", "levels[1].capacity_bytes", "64kb"}},
      {"double buffering differs",
       edited("    double_buffer: true\n    bits_per_cycle: 256",
              "    double_buffer: false\n    bits_per_cycle: 256"),
       {"line 15", "levels[1].double_buffer = false", "levels[0] has double_buffer true",
        "the same value at every level"}},
      {"double buffering differs by its default",
       edited("    double_buffer: true\n    bits_per_cycle: 256", "    bits_per_cycle: 256"),
       {"line 13", "levels[1].double_buffer is not given (false by default)",
        "levels[0] has double_buffer true"}},
      {"halo reuse differs",
       item(second, second + "    halo_reuse: true\n"),
       {"levels[1].halo_reuse = true", "levels[0] has halo_reuse false"}},
      {"double buffering not a boolean",
       item("    double_buffer: true\n", "    double_buffer: 2\n"),
       {"levels[0].double_buffer = 2", "true or false"}},
      {"missing bandwidth",
       item("    bits_per_cycle: 256\n", ""),
       {"missing required key \"levels[1].bits_per_cycle\"", "from levels[0] into levels[1]"}},
      {"both bandwidths",
       item("    bits_per_cycle: 256\n", "    bits_per_cycle: 256\n    bytes_per_s: 1GB/s\n"),
       {"levels[1].bytes_per_s = \"1GB/s\"",
        "give the bandwidth of the boundary above levels[1] (from levels[0]) once"}},
      {"zero bandwidth",
       item("    bits_per_cycle: 64\n", "    bits_per_cycle: 0\n"),
       {"line 10", "levels[0].bits_per_cycle = 0",
        "the boundary above levels[0] must move at least 1 bit per cycle"}},
      {"bandwidth with a unit",
       item("    bits_per_cycle: 64\n", "    bits_per_cycle: 8B\n"),
       {"levels[0].bits_per_cycle = \"8B\"", "write bits_per_cycle: 64"}},
      {"rate not whole bits",
       item("    bits_per_cycle: 64\n", "    bytes_per_s: 1000001B/s\n"),
       {"levels[0].bytes_per_s", "whole bits per cycle"}},
      // Checked before levels[0].bytes_per_s is converted at it (which said
      // "too large a bandwidth").
      {"clock out of range with a rate",
       edited("    bits_per_cycle: 64\n", "    bytes_per_s: 1GB/s\n",
              edited("clock_mhz: 100", "clock_mhz: 1e-300")),
       {"soc.yaml: line 5: clock_mhz = 1e-300: outside", "1 kHz"}},
      {"missing setup",
       item("    dma_setup_cycles: 4\n", ""),
       {"missing required key \"levels[1].dma_setup_cycles\""}},
      {"negative setup",
       item("    dma_setup_cycles: 4\n", "    dma_setup_cycles: -1\n"),
       {"levels[1].dma_setup_cycles = -1", "cannot be negative"}},
      {"setup too large",
       item("    dma_setup_cycles: 4\n", "    dma_setup_cycles: 2000000\n"),
       {"soc.yaml: line 17: levels[1].dma_setup_cycles = 2000000", "cycles per DMA transfer"}},
      {"negative SRAM energy",
       item("    pj_per_byte: 7\n", "    pj_per_byte: -2\n"),
       {"line 12", "levels[0].pj_per_byte = -2", "cannot be negative"}},
      {"SRAM energy with a unit",
       item("    pj_per_byte: 7\n", "    pj_per_byte: 7 fJ\n"),
       {"levels[0].pj_per_byte = \"7 fJ\"", "write pj_per_byte: 0.007"}},
      {"source word unknown",
       item("    pj_per_byte: 7\n", "    pj_per_byte: 7\n    pj_per_byte_source: mine\n"),
       {"levels[0].pj_per_byte_source = \"mine\"", "must be \"file\" or \"default"}},
      {"source file without an energy",
       item(second, second + "    pj_per_byte_source: file\n"),
       {"levels[1].pj_per_byte_source = \"file\"", "levels[1].pj_per_byte is not given"}},
      {"source default that is not",
       item("    pj_per_byte: 7\n",
            "    pj_per_byte: 7\n    pj_per_byte_source: \"default (Horowitz, ISSCC 2014, 45 "
            "nm)\"\n"),
       {"levels[0].pj_per_byte_source", "which is 10.5 pJ here", "levels[0].pj_per_byte is 7 pJ"}},
      {"scratchpad and levels",
       kTwo + "scratchpad: {capacity_bytes: 1}\n",
       {"line 18", "scratchpad: and levels: (line 6) are both given", "give one of them"}},
      {"offchip and levels",
       kTwo + "offchip: {bits_per_cycle: 8, dma_setup_cycles: 1}\n",
       {"line 18", "offchip: and levels: (line 6)", "levels[0]'s bits_per_cycle"}},
      {"scratchpad energy with levels",
       kTwo + "energy: {scratchpad_pj_per_byte: 3}\n",
       {"line 18", "energy.scratchpad_pj_per_byte: with levels:", "levels[i].pj_per_byte"}},
      {"scratchpad energy source with levels",
       kTwo + "energy_source: {scratchpad_pj_per_byte: file}\n",
       {"energy_source.scratchpad_pj_per_byte: with levels:"}},
  };
}

class LevelMachineFileErrors : public ::testing::TestWithParam<BadLevels> {};

TEST_P(LevelMachineFileErrors, NameFileFieldAndValue) {
  const BadLevels& c = GetParam();
  for (bool as_levels : {true, false}) {
    try {
      if (as_levels)
        parse_level_accelerator_text(c.text, "soc.yaml");
      else
        parse_accelerator_text(c.text, "soc.yaml");
      FAIL() << c.label << ": accepted";
    } catch (const UserError& e) {
      const std::string message = e.what();
      EXPECT_EQ(message.rfind("soc.yaml: ", 0), 0u) << message;
      for (const std::string& part : c.expected)
        EXPECT_NE(message.find(part), std::string::npos)
            << c.label << ": message lacks \"" << part << "\"\n  message: " << message;
    }
  }
}

std::string case_name(const ::testing::TestParamInfo<BadLevels>& info) {
  std::string name;
  for (char ch : info.param.label) name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(LevelMachineMustFail, LevelMachineFileErrors,
                         ::testing::ValuesIn(bad_levels()), case_name);

// The library checks the value itself too (a LevelAccelerator built in code).
TEST(LevelAccelerator, ValidateNamesTheLevelField) {
  LevelAccelerator a = parse_levels(kTwo);
  a.ports[1].bits_per_cycle = 0;
  try {
    validate(a);
    FAIL();
  } catch (const UserError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("levels[1].bits_per_cycle = 0", 0), 0u) << e.what();
  }
  a = parse_levels(kTwo);
  a.memory.levels[1].name = "L2";
  EXPECT_THROW(validate(a), UserError);
  a = parse_levels(kTwo);
  a.memory.levels[0].capacity_bytes.reset();
  EXPECT_THROW(validate(a), UserError);
  a = parse_levels(kTwo);
  a.ports.pop_back();
  EXPECT_THROW(validate(a), InternalError);
}

}  // namespace
}  // namespace spad

namespace spad {
namespace {

// The shipped two-level example; its comment derives each figure.
TEST(LevelMachineFile, GapLikeExample) {
  const LevelAccelerator a = read_level_accelerator_file(std::string(SPAD_SOURCE_DIR) +
                                                         "/examples/machines/gap-like.yaml");
  EXPECT_EQ(a.name, "gap-like");
  ASSERT_EQ(a.memory.levels.size(), 2u);
  EXPECT_EQ(a.memory.levels[0].name, "L2");
  EXPECT_EQ(a.memory.levels[0].capacity_bytes, Count{512} * 1024);
  EXPECT_EQ(a.memory.levels[1].name, "L1");
  EXPECT_EQ(a.memory.levels[1].capacity_bytes, Count{64} * 1024);
  EXPECT_TRUE(a.memory.double_buffer);
  EXPECT_FALSE(a.memory.halo_reuse);
  EXPECT_EQ(a.ports[0].bits_per_cycle, 16);  // 200 MB/s at 100 MHz = 2 B/cycle
  EXPECT_EQ(a.ports[0].dma_setup_cycles, 60);
  EXPECT_EQ(a.ports[1].bits_per_cycle, 64);
  EXPECT_EQ(a.ports[1].dma_setup_cycles, 10);
  EXPECT_EQ(a.ports[0].sram_fj_per_byte, 10'500);  // 512 KiB: 2.5 + 10 x 4/5 pJ
  EXPECT_EQ(a.ports[1].sram_fj_per_byte, 4'500);   // 64 KiB: 2.5 + 10 x 1/5 pJ
  EXPECT_EQ(a.mac_array.macs_per_cycle(), 32);
  EXPECT_EQ(a.clock_mhz, 100.0);
}

}  // namespace
}  // namespace spad

namespace spad {
namespace {

// The JSON echo of a several-level machine (what accel prints under
// "accelerator") reads back as the same machine, sources included.
TEST(LevelMachineFile, JsonEchoReadsBack) {
  for (const std::string& text :
       {kTwo, kTwo + "energy: {mac_pj: 0.25}\nprecision_bytes: {psum: 2}\n",
        edited("    pj_per_byte: 7\n", "", kTwo)}) {
    const LevelAccelerator a = parse_levels(text);
    const std::string echo = level_accelerator_to_json(a).dump(2);
    EXPECT_EQ(parse_levels(echo), a) << echo;
    const nlohmann::json j = nlohmann::json::parse(echo);
    EXPECT_EQ(j.at("format"), "spad-machine/1");
    ASSERT_EQ(j.at("levels").size(), 2u);
    EXPECT_EQ(j.at("levels")[1].at("name"), "L1");
    EXPECT_EQ(j.at("levels")[1].at("bits_per_cycle"), 256);
  }
}

}  // namespace
}  // namespace spad
