// Strict reading of YAML documents (and JSON ones, which YAML reads too),
// the counterpart of json_read for files people write by hand. Every failure
// is a UserError "<source>: line N: <field path> = <value>: <why and fix>".
//
// yaml-cpp types nothing: every scalar is text, tagged "?" when written plain
// (so YAML would resolve it as a number, boolean or string) and "!" when
// quoted. The readers here type plain scalars by the YAML 1.2 core schema,
// decimal forms only (64, -3, 2.5, 1e3; true/false/True/FALSE), and treat a
// quoted scalar as text, never as a number or a boolean.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/checked.hpp"

namespace spad {

// ---------------------------------------------------------------- numbers

// A decimal number as written: value = (negative ? -1 : 1) * digits * 10^exp10.
struct DecimalText {
  bool negative = false;
  std::string digits;  // integer and fraction digits together, no sign or point
  long exp10 = 0;
  std::string text;  // as written
};

// [-+]? ( [0-9]+ ( "." [0-9]* )? | "." [0-9]+ ) ( [eE] [-+]? [0-9]+ )?, nothing else.
std::optional<DecimalText> parse_decimal(std::string_view text);

enum class Exactness { exact, fraction, too_large };

// |d| x 10^scale10 as an exact integer (<= int64 max) in *magnitude; the
// sign is d.negative. "0.0305" at scale 3 is a fraction, at scale 4 is 305.
Exactness exact_magnitude(const DecimalText& d, int scale10, Count* magnitude);

// The value as a double (infinite when out of range).
double to_double(const DecimalText& d);

// "100MHz", "1 GB/s": a decimal number followed by a unit (trimmed).
struct NumberWithUnit {
  DecimalText number;
  double value = 0;
  std::string unit;
};
std::optional<NumberWithUnit> split_number_unit(std::string_view text);

// A short rendering of a double for advice: 40, 42.6667, 0.001.
std::string show_number(double v);

// ---------------------------------------------------------------- nodes

// Messages start with the source and, when the parser knows it, the line.
class YamlSource {
 public:
  explicit YamlSource(std::string name) : name_(std::move(name)) {}
  const std::string& name() const { return name_; }
  [[noreturn]] void fail(const YAML::Mark& at, const std::string& message) const;

 private:
  std::string name_;
};

// The one document of `text`. Malformed YAML (with line and column), an
// empty document (`empty_hint` says what a file starts with), a second
// document, a top level that is not a mapping, and a key repeated in any
// mapping of the first `check_depth` levels -> UserError.
YAML::Node load_yaml_mapping(std::string_view text, const YamlSource& source,
                             const std::string& empty_hint, int check_depth);

bool is_plain(const YAML::Node& n);
// true/false (also True/TRUE/False/FALSE) written plain; nullopt otherwise.
std::optional<bool> plain_bool(const YAML::Node& n);
// The value as shown in messages: 64, 3.5, "100MHz", [1, 2], {m: 0}; short,
// and safe on self-referencing anchors.
std::string show_yaml(const YAML::Node& v);
// "a number", "a quoted string", "a list", "a mapping", "nothing" ...
std::string yaml_kind(const YAML::Node& v);

// One key: value pair of a mapping, with the field path shown in messages.
struct YamlEntry {
  std::string key;
  std::string path;  // "offchip.bits_per_cycle"
  YAML::Mark mark;   // where the key is
  YAML::Node value;
};

// The entries of a mapping, in file order. Keys must be scalars, each given once.
class YamlMapping {
 public:
  // `prefix` is "" at the top level, else the path and a dot ("scratchpad.").
  YamlMapping(const YamlSource& source, const YAML::Node& node, std::string prefix);

  // Throws for the first key not in `valid`, suggesting the closest valid one;
  // `hint(key)` may add a sentence ("; it belongs under ...").
  void reject_unknown(std::span<const std::string_view> valid,
                      const std::function<std::string(std::string_view)>& hint = {}) const;
  const YamlEntry* find(std::string_view key) const;
  // Throws "missing required key "<prefix><key>"<hint>" when absent.
  const YamlEntry& require(std::string_view key, const std::string& hint) const;
  const std::vector<YamlEntry>& entries() const { return entries_; }
  const YAML::Mark& mark() const { return mark_; }

 private:
  const YamlSource& source_;
  std::string prefix_;
  YAML::Mark mark_;
  std::vector<YamlEntry> entries_;
};

// ---------------------------------------------------------------- values

[[noreturn]] void fail_value(const YamlSource& source, const YamlEntry& e, const std::string& why);

// The entry's value as a mapping; `example` shows one ("{m: 16, q: 4}").
YamlMapping open_mapping(const YamlSource& source, const YamlEntry& e, std::string_view example);

// The scalar text of a value that must be one value (not nothing, a list or a mapping).
const std::string& scalar_text(const YamlSource& source, const YamlEntry& e,
                               std::string_view expect);

// Advice for a value written with a unit ("100MHz"): what to write instead,
// or "" when the unit is not recognised.
using UnitAdvice = std::function<std::string(const NumberWithUnit&)>;

// A plain decimal number. Strings (quoted numbers, numbers with a unit, with
// `advise` saying what to write instead), booleans and non-scalars -> UserError
// "must be <expect>, ...".
DecimalText read_decimal(const YamlSource& source, const YamlEntry& e, std::string_view expect,
                         const UnitAdvice& advise = {});

struct IntSpec {
  std::string expect;  // "a whole number of bits per clock cycle"
  Count min = 0;
  Count max = std::numeric_limits<Count>::max();
  std::string below_min = {};  // why a value below min is wrong; generic when empty
  UnitAdvice advise = {};
};

// An exact integer in [min, max]; 64.0 is 64, 3.5 is an error.
Count read_int(const YamlSource& source, const YamlEntry& e, const IntSpec& spec);

// true or false written plain; "yes", "on", quoted "true", 1 -> UserError.
bool read_bool(const YamlSource& source, const YamlEntry& e);

// Any scalar, as text.
std::string read_text(const YamlSource& source, const YamlEntry& e);

// Where the dotted path `field` ("clock_mhz", "offchip.dma_setup_cycles",
// "levels[1].name") is written in the file under `top`: the mark of its
// deepest key (list indices included) found, or no mark when the file does
// not write it (a default).
YAML::Mark path_mark(const YamlSource& src, const YamlMapping& top, const std::string& field);

}  // namespace spad
