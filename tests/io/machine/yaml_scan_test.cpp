// The YAML first pass (io/machine/yaml_scan) is a whitelist: every form of the subset
// that people write must pass it (and yaml-cpp must read it), and every form
// outside it must be refused by line, before yaml-cpp sees it.
#include "io/machine/yaml_scan.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "base/error.hpp"

namespace spad {
namespace {

struct Accepted {
  const char* label;
  std::string text;
};

TEST(YamlScan, AcceptsTheSubsetPeopleWrite) {
  const std::vector<Accepted> cases = {
      {"comments and blanks", "# c\n\nkey:   value   # trailing\n  \t\n"},
      {"quoted values with comments", "a: \"v, w\" # c\nb: 'it''s'\n"},
      {"quoted keys", "\"clock_mhz\": 200\n'name': x\n"},
      {"nested block mapping", "offchip:\n  bits_per_cycle: 64\n  dma_setup_cycles: 16\n"},
      {"list of mappings, block and flow",
       "levels:\n  - name: L2\n    capacity_bytes: 512KiB\n  - {name: L1, capacity_bytes: "
       "64KiB}\n"},
      {"nested lists", "a:\n- - 1\n  - 2\n- [3, 4]\n"},
      {"numbers", "a: -1\nb: .5\nc: 1e-3\nd: +5\ne: 0x10\n"},
      {"folded and literal block scalars",
       "d: >-\n  folded: text, with [brackets]\n  # not a comment\ne: |2\n   kept\nf: 1\n"},
      {"URL with a colon and a hash", "description: see http://x.y/z#frag and a:b\n"},
      {"plain value with commas and brackets", "description: a, b [c] {d}\n"},
      {"pretty JSON",
       "{\n  \"spad_machine\": 1,\n  \"mac_array\": {\"unroll\": {\"m\": 4}},\n"
       "  \"list\": [1, 2.5, -3e2, true, null, \"s\\u00e9\\n\"]\n}\n"},
      {"compact JSON", "{\"a\":1,\"b\":[{\"c\":\"d\"}],\"e\":{}}"},
      {"flow mapping over lines with comments", "a: {x: 1,  # one\n    y: 2}\n"},
      {"CR LF line ends", "a: 1\r\nb:\r\n  c: 2\r\n"},
      {"document markers and directive", "%YAML 1.2\n---\na: 1\n...\n"},
      {"byte-order mark and UTF-8",
       "\xEF\xBB\xBFname: caf\xC3\xA9 \xE2\x86\x92 \xF0\x9F\x9A\x80\n"},
      {"empty value", "energy:\nname: x\n"},
      {"tab before a comment", "a: 1\t# c\n"},
      {"multi-line quoted", "d: \"one\n  two\"\ne: 'three\n  four'\n"},
  };
  for (const Accepted& c : cases) {
    SCOPED_TRACE(c.label);
    EXPECT_NO_THROW(scan_yaml_text(c.text, "m.yaml"));
    EXPECT_NO_THROW(YAML::LoadAll(c.text)) << "yaml-cpp refuses a case the pass accepts";
  }
}

struct Refused {
  const char* label;
  std::string text;
  std::vector<std::string> expected;  // parts of the message
};

TEST(YamlScan, RefusesEverythingElseByLine) {
  std::vector<Refused> cases = {
      {"tab indentation", "a:\n\tb: 1\n", {"line 2", "tab in the indentation"}},
      {"control character", "a: x\x1b[31m\n", {"line 1", "control character (U+001B)"}},
      {"C1 control character", "a: \xC2\x85\n", {"line 1", "U+0085"}},
      {"invalid UTF-8", "a: 1\nb: \xC3(\n", {"line 2", "invalid UTF-8"}},
      {"overlong UTF-8", "a: \xC0\xAF\n", {"line 1", "invalid UTF-8"}},
      {"lone carriage return", "a: 1\rb: 2\n", {"line 1", "carriage return"}},
      {"tag", "a: !!str 1\n", {"line 1", "tag"}},
      {"anchor", "a: &x 1\n", {"line 1", "anchor"}},
      {"alias in brackets", "a: [*x]\n", {"line 1", "alias"}},
      {"complex key", "? a\n: 1\n", {"line 1", "complex key"}},
      {"empty key", ": 1\n", {"line 1", "empty key"}},
      {"two commas", "a: [1,,2]\n", {"line 1", "empty entry"}},
      {"trailing comma", "a: {x: 1,}\n", {"line 1", "empty last entry"}},
      {"key without value in braces", "a: {x}\n", {"line 1", "without \": value\""}},
      {"key without blank after colon", "a: {x:1}\n", {"line 1", "blank after"}},
      {"pair in a list", "a: [x: 1]\n", {"line 1", "inside [...]"}},
      {"missing comma", "a: [\"1\" 2]\n", {"line 1", "without a \",\""}},
      {"bracketed key", "[a]: 1\n", {"line 1", "keys must be plain names"}},
      {"two colons", "a: b: c\n", {"line 1", "a: b: c"}},
      {"text after a quoted value", "a: 'x' y\n", {"line 1", "quoted or bracketed"}},
      {"text after brackets", "a: [1] 2\n", {"line 1", "quoted or bracketed"}},
      {"stray comma at the top", "a: 1\n,\n", {"line 2", "stray \",\""}},
      {"closing bracket alone", "a: ]\n", {"line 1", "no opening bracket"}},
      {"unknown escape", "a: \"\\q\"\n", {"line 1", "unknown escape"}},
      {"short unicode escape", "a: \"\\u12\"\n", {"line 1", "4 hexadecimal digits"}},
      {"unclosed bracket", "a: [1,\n  2\n", {"line 1", "never closed"}},
      {"mismatched bracket", "a: {x: [1}\n", {"line 1", "does not close"}},
      {"list entry on the key's line", "a: - 1\n", {"line 1", "same line as its key"}},
      {"block entry in brackets", "a: [\n - 1]\n", {"line 2", "inside brackets"}},
      {"directive other than YAML", "%TAG ! x\n---\na: 1\n", {"line 1", "directive"}},
      {"text after a document marker", "--- a\n", {"line 1", "document marker"}},
      {"reserved indicator", "a: @x\n", {"line 1", "cannot start a plain value"}},
      {"comment glued to a value in brackets", "a: [1]#c\n", {"line 1", "stray character"}},
  };
  std::string many = "a: [";
  for (int i = 0; i < 5000; ++i) many += "1,";
  many += "1]\n";
  cases.push_back({"millions of tiny values, in small", many, {"line 1", "more than 4096"}});
  std::string keys;
  for (int i = 0; i < 5000; ++i) {
    // appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on
    // "literal" + std::string&& here
    keys += 'k';
    keys += std::to_string(i);
    keys += ": 1\n";
  }
  cases.push_back({"thousands of keys", keys, {"line 2049", "more than 4096"}});
  for (const Refused& c : cases) {
    SCOPED_TRACE(c.label);
    try {
      scan_yaml_text(c.text, "m.yaml");
      ADD_FAILURE() << "accepted: " << c.label;
    } catch (const UserError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("m.yaml: "), std::string::npos) << message;
      for (const std::string& part : c.expected)
        EXPECT_NE(message.find(part), std::string::npos)
            << "message lacks \"" << part << "\": " << message;
    }
  }
}

}  // namespace
}  // namespace spad
