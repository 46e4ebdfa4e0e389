// Strict YAML reading: documents, mappings, numbers, booleans (see yaml_read.hpp).
#include "io/machine/yaml_read.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/common/suggest.hpp"
#include "io/machine/yaml_scan.hpp"
#include "io/text/text_fields.hpp"

namespace spad {
namespace {

__extension__ using Wide = unsigned __int128;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

constexpr std::size_t kShownChars = 60;

// The text with control characters escaped, for a one-line message.
std::string one_line(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (static_cast<unsigned char>(c) < 0x20)
      out += '?';
    else
      out += c;
  }
  return out;
}

// "0x10", "-0o17", "0b101": YAML integers in another base.
bool is_non_decimal_integer(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  if (text.size() < 3 || text[0] != '0') return false;
  const char base = static_cast<char>(std::tolower(static_cast<unsigned char>(text[1])));
  if (base != 'x' && base != 'o' && base != 'b') return false;
  for (char c : text.substr(2))
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Appends a rendering of v to out, at most `depth` levels deep and stopping
// once out is longer than kShownChars (so a self-referencing anchor ends).
// A plain string is quoted at the top ("100MHz"), not inside a list or a
// mapping ({m: 0}), as YAML would show it.
void render(const YAML::Node& v, int depth, bool top, std::string& out) {
  if (!v.IsDefined() || v.IsNull()) {
    out += "null";
  } else if (v.IsScalar()) {
    const std::string& s = v.Scalar();
    const bool bare = is_plain(v) && (!top || parse_decimal(s) || plain_bool(v));
    out += bare ? one_line(s) : in_quotes(one_line(s));
  } else if (depth == 0) {
    out += v.IsSequence() ? "[...]" : "{...}";
  } else {
    const bool list = v.IsSequence();
    out += list ? "[" : "{";
    bool first = true;
    for (const auto& item : v) {
      if (out.size() > kShownChars) break;
      if (!first) out += ", ";
      first = false;
      if (list) {
        render(item, depth - 1, false, out);
      } else {
        render(item.first, depth - 1, false, out);
        out += ": ";
        render(item.second, depth - 1, false, out);
      }
    }
    out += list ? "]" : "}";
  }
}

// Throws for a key given twice in any mapping down to `depth` levels.
void check_unique_keys(const YamlSource& source, const YAML::Node& node, int depth,
                       const std::string& prefix) {
  if (depth <= 0) return;
  if (node.IsSequence()) {
    // Items are named by index: "levels." -> "levels[0].".
    const std::string list = prefix.empty() ? prefix : prefix.substr(0, prefix.size() - 1);
    std::size_t index = 0;
    for (const auto& item : node)
      check_unique_keys(source, item, depth - 1, list + "[" + std::to_string(index++) + "].");
  }
  if (!node.IsMap()) return;
  // Constructing the mapping checks the keys of this level.
  const YamlMapping mapping(source, node, prefix);
  for (const YamlEntry& e : mapping.entries())
    check_unique_keys(source, e.value, depth - 1, e.path + ".");
}

}  // namespace

// ---------------------------------------------------------------- numbers

std::optional<DecimalText> parse_decimal(std::string_view text) {
  DecimalText d;
  d.text = std::string(text);
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) d.negative = text[i++] == '-';
  std::size_t whole = 0;
  for (; i < text.size() && is_digit(text[i]); ++i, ++whole) d.digits += text[i];
  std::size_t fraction = 0;
  if (i < text.size() && text[i] == '.')
    for (++i; i < text.size() && is_digit(text[i]); ++i, ++fraction) d.digits += text[i];
  if (whole == 0 && fraction == 0) return std::nullopt;
  d.exp10 = -static_cast<long>(fraction);
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative_exp = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative_exp = text[i++] == '-';
    if (i == text.size()) return std::nullopt;
    long exp = 0;
    // Saturates: a number this far from 1 is too large or not whole anyway.
    for (; i < text.size() && is_digit(text[i]); ++i)
      exp = std::min(exp * 10 + (text[i] - '0'), 1'000'000L);
    d.exp10 += negative_exp ? -exp : exp;
  }
  if (i != text.size()) return std::nullopt;
  return d;
}

Exactness exact_magnitude(const DecimalText& d, int scale10, Count* magnitude) {
  std::string digits = d.digits;
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) {
    *magnitude = 0;
    return Exactness::exact;
  }
  digits.erase(0, first);
  const long exp = d.exp10 + scale10;
  if (exp < 0) {
    // Whole only if the last -exp digits are zeros.
    const auto drop = static_cast<std::size_t>(-exp);
    const std::size_t trailing_zeros = digits.size() - 1 - digits.find_last_not_of('0');
    if (trailing_zeros < drop) return Exactness::fraction;
    digits.erase(digits.size() - drop);
  } else {
    if (digits.size() + static_cast<std::size_t>(exp) > 19) return Exactness::too_large;
    digits.append(static_cast<std::size_t>(exp), '0');
  }
  if (digits.size() > 19) return Exactness::too_large;
  Wide value = 0;
  for (char c : digits) value = value * 10 + static_cast<Wide>(c - '0');
  if (value > static_cast<Wide>(std::numeric_limits<Count>::max())) return Exactness::too_large;
  *magnitude = static_cast<Count>(value);
  return Exactness::exact;
}

double to_double(const DecimalText& d) {
  // from_chars reads no leading '+'.
  std::string_view text = d.text;
  if (!text.empty() && text[0] == '+') text.remove_prefix(1);
  double value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec == std::errc::result_out_of_range) {
    // Too large, or so small that it is zero for our purposes.
    const bool tiny = d.exp10 < 0 && static_cast<long>(d.digits.size()) + d.exp10 < 0;
    return tiny ? 0.0 : (d.negative ? -1 : 1) * std::numeric_limits<double>::infinity();
  }
  return value;
}

std::optional<NumberWithUnit> split_number_unit(std::string_view text) {
  text = trim(text);
  std::size_t i = 0;
  const auto number_char = [&](std::size_t k) {
    const char c = text[k];
    if (is_digit(c) || c == '.') return true;
    if ((c == '-' || c == '+') && (k == 0 || text[k - 1] == 'e' || text[k - 1] == 'E')) return true;
    // An exponent only when digits follow ("1e3"), not the start of a unit ("1 eV").
    return (c == 'e' || c == 'E') && k > 0 && k + 1 < text.size() &&
           (is_digit(text[k + 1]) || text[k + 1] == '-' || text[k + 1] == '+');
  };
  while (i < text.size() && number_char(i)) ++i;
  const auto number = parse_decimal(text.substr(0, i));
  const std::string_view unit = trim(text.substr(i));
  if (!number || unit.empty()) return std::nullopt;
  return NumberWithUnit{*number, (number->negative ? -1 : 1) * std::fabs(to_double(*number)),
                        std::string(unit)};
}

std::string show_number(double v) {
  if (std::fabs(v) < 1e15 && v == std::round(v))
    return std::to_string(static_cast<long long>(std::llround(v)));
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::general, 6);
  return std::string(buffer, result.ptr);
}

// ---------------------------------------------------------------- nodes

void YamlSource::fail(const YAML::Mark& at, const std::string& message) const {
  std::string where = name_;
  if (!at.is_null()) where += ": line " + std::to_string(at.line + 1);
  throw UserError(where + ": " + message);
}

YAML::Node load_yaml_mapping(std::string_view text, const YamlSource& source,
                             const std::string& empty_hint, int check_depth) {
  scan_yaml_text(text, source.name());
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    std::string where = source.name();
    if (!e.mark.is_null())
      where += ": line " + std::to_string(e.mark.line + 1) + ", column " +
               std::to_string(e.mark.column + 1);
    throw UserError(where + ": malformed YAML: " + e.msg +
                    " (check the indentation, brackets and quotes there)");
  }
  if (documents.empty() || (documents.size() == 1 && documents[0].IsNull()))
    throw UserError(source.name() + ": empty file; " + empty_hint);
  if (documents.size() > 1)
    source.fail(documents[1].Mark(),
                "a second YAML document (after \"---\"); the file must hold exactly one");
  const YAML::Node& root = documents[0];
  if (!root.IsMap())
    source.fail(root.Mark(), "the file is " + yaml_kind(root) + " " + show_yaml(root) +
                                 ", not a mapping of keys to values; " + empty_hint);
  check_unique_keys(source, root, check_depth, "");
  return root;
}

bool is_plain(const YAML::Node& n) { return n.Tag() == "?"; }

std::optional<bool> plain_bool(const YAML::Node& n) {
  if (!n.IsScalar() || !is_plain(n)) return std::nullopt;
  const std::string& t = n.Scalar();
  if (t == "true" || t == "True" || t == "TRUE") return true;
  if (t == "false" || t == "False" || t == "FALSE") return false;
  return std::nullopt;
}

std::string show_yaml(const YAML::Node& v) {
  std::string text;
  render(v, 3, true, text);
  if (text.size() > kShownChars) text = text.substr(0, kShownChars - 3) + "...";
  return text;
}

std::string yaml_kind(const YAML::Node& v) {
  if (!v.IsDefined() || v.IsNull()) return "nothing";
  if (v.IsSequence()) return "a list";
  if (v.IsMap()) return "a mapping";
  if (!is_plain(v)) return "a quoted string";
  if (plain_bool(v)) return "a boolean";
  if (parse_decimal(v.Scalar())) return "a number";
  return "a string";
}

YamlMapping::YamlMapping(const YamlSource& source, const YAML::Node& node, std::string prefix)
    : source_(source), prefix_(std::move(prefix)), mark_(node.Mark()) {
  const std::string where =
      prefix_.empty() ? "the file" : in_quotes(prefix_.substr(0, prefix_.size() - 1));
  for (const auto& pair : node) {
    // Copies: the iterator's pair is a temporary proxy.
    const YAML::Node key = pair.first;
    if (!key.IsDefined() || key.IsNull())
      source_.fail(key.Mark(), "an empty key in " + where + " (a stray comma or colon?)");
    if (!key.IsScalar())
      source_.fail(key.Mark(), "a key in " + where + " is " + yaml_kind(key) + " " +
                                   show_yaml(key) + "; keys must be plain names");
    YamlEntry e{key.Scalar(), prefix_ + key.Scalar(), key.Mark(), pair.second};
    for (const YamlEntry& earlier : entries_)
      if (earlier.key == e.key)
        source_.fail(e.mark, "key " + in_quotes(e.path) + " appears twice (also on line " +
                                 std::to_string(earlier.mark.line + 1) + "); give it once");
    entries_.push_back(std::move(e));
  }
}

void YamlMapping::reject_unknown(std::span<const std::string_view> valid,
                                 const std::function<std::string(std::string_view)>& hint) const {
  for (const YamlEntry& e : entries_) {
    bool known = false;
    for (std::string_view k : valid) known = known || k == e.key;
    if (known) continue;
    const std::string where =
        prefix_.empty() ? "" : " in " + in_quotes(prefix_.substr(0, prefix_.size() - 1));
    source_.fail(e.mark, "unknown key " + in_quotes(e.path) + did_you_mean(e.key, valid) +
                             (hint ? hint(e.key) : "") + "; valid keys" + where + ": " +
                             join(valid, " "));
  }
}

const YamlEntry* YamlMapping::find(std::string_view key) const {
  for (const YamlEntry& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

const YamlEntry& YamlMapping::require(std::string_view key, const std::string& hint) const {
  const YamlEntry* e = find(key);
  if (!e)
    source_.fail(mark_, "missing required key " + in_quotes(prefix_ + std::string(key)) + hint);
  return *e;
}

// ---------------------------------------------------------------- values

void fail_value(const YamlSource& source, const YamlEntry& e, const std::string& why) {
  source.fail(e.mark, e.path + " = " + show_yaml(e.value) + ": " + why);
}

YamlMapping open_mapping(const YamlSource& source, const YamlEntry& e, std::string_view example) {
  if (!e.value.IsMap())
    fail_value(source, e,
               "must be a mapping of keys to values, not " + yaml_kind(e.value) + "; e.g. " +
                   e.key + ": " + std::string(example));
  return YamlMapping(source, e.value, e.path + ".");
}

const std::string& scalar_text(const YamlSource& source, const YamlEntry& e,
                               std::string_view expect) {
  if (!e.value.IsDefined() || e.value.IsNull())
    source.fail(e.mark, e.path + " has no value; expected " + std::string(expect) +
                            " (or remove the key when it is optional)");
  if (!e.value.IsScalar())
    fail_value(source, e, "must be " + std::string(expect) + ", not " + yaml_kind(e.value));
  if (const std::string& tag = e.value.Tag(); tag != "?" && tag != "!") {
    const std::string_view standard = "tag:yaml.org,2002:";
    const std::string shown = tag.starts_with(standard) ? "!!" + tag.substr(standard.size()) : tag;
    fail_value(
        source, e,
        "the YAML tag " + shown + " is not supported; remove it and write " + std::string(expect));
  }
  return e.value.Scalar();
}

DecimalText read_decimal(const YamlSource& source, const YamlEntry& e, std::string_view expect,
                         const UnitAdvice& advise) {
  const std::string must = "must be " + std::string(expect);
  const std::string& text = scalar_text(source, e, expect);
  if (plain_bool(e.value)) fail_value(source, e, must + ", not a boolean");
  if (is_plain(e.value))
    if (auto d = parse_decimal(text)) return *d;
  if (!is_plain(e.value) && parse_decimal(trim(text)))
    fail_value(source, e, must + ", not a quoted string; remove the quotes");
  if (is_non_decimal_integer(trim(text)))
    fail_value(source, e, must + ", written in decimal digits");
  if (const auto with_unit = split_number_unit(text)) {
    const std::string advice = advise ? advise(*with_unit) : "";
    fail_value(source, e,
               must + ", written without a unit" + (advice.empty() ? "" : "; " + advice));
  }
  fail_value(source, e, must + ", not " + yaml_kind(e.value));
}

Count read_int(const YamlSource& source, const YamlEntry& e, const IntSpec& spec) {
  const DecimalText d = read_decimal(source, e, spec.expect, spec.advise);
  Count magnitude = 0;
  switch (exact_magnitude(d, 0, &magnitude)) {
    case Exactness::fraction:
      fail_value(source, e, "must be " + spec.expect + ", not a fraction");
    case Exactness::too_large:
      fail_value(source, e, "too large for a 64-bit integer");
    case Exactness::exact:
      break;
  }
  const Count value = d.negative ? -magnitude : magnitude;
  if (value < spec.min) {
    if (!spec.below_min.empty()) fail_value(source, e, spec.below_min);
    fail_value(source, e,
               spec.min == 0
                   ? "cannot be negative; expected " + spec.expect
                   : "must be at least " + std::to_string(spec.min) + "; expected " + spec.expect);
  }
  if (value > spec.max) fail_value(source, e, "must be at most " + std::to_string(spec.max));
  return value;
}

bool read_bool(const YamlSource& source, const YamlEntry& e) {
  const std::string& text = scalar_text(source, e, "true or false");
  if (const auto b = plain_bool(e.value)) return *b;
  const std::string lower = to_lower(trim(text));
  const bool word = lower == "true" || lower == "false" || lower == "yes" || lower == "no" ||
                    lower == "on" || lower == "off" || lower == "y" || lower == "n";
  if (!is_plain(e.value) && word)
    fail_value(source, e,
               "must be true or false, not a quoted string; write true or false without quotes");
  if (word)
    fail_value(source, e,
               "must be true or false; YAML 1.1 words such as yes/no/on/off are not booleans "
               "here");
  fail_value(source, e, "must be true or false, not " + yaml_kind(e.value));
}

std::string read_text(const YamlSource& source, const YamlEntry& e) {
  return scalar_text(source, e, "a text");
}

YAML::Mark path_mark(const YamlSource& src, const YamlMapping& top, const std::string& field) {
  YAML::Mark mark;
  YAML::Node node;
  std::size_t start = 0;
  bool first = true;
  while (start <= field.size()) {
    const std::size_t dot = field.find('.', start);
    std::string segment = field.substr(start, dot == std::string::npos ? dot : dot - start);
    std::optional<std::size_t> index;
    if (const std::size_t open = segment.find('['); open != std::string::npos) {
      const std::string digits = segment.substr(open + 1, segment.find(']', open) - open - 1);
      if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos ||
          digits.size() > 6)
        return mark;
      index = std::stoul(digits);
      segment.resize(open);
    }
    const YamlEntry* e = nullptr;
    std::optional<YamlMapping> inner;
    if (first) {
      e = top.find(segment);
    } else {
      if (!node.IsMap()) return mark;
      inner.emplace(src, node, "");
      e = inner->find(segment);
    }
    if (!e) return mark;
    mark = e->mark;
    node = e->value;
    if (index) {
      if (!node.IsSequence() || *index >= node.size()) return mark;
      node = node[*index];
      mark = node.Mark();
    }
    first = false;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return mark;
}

}  // namespace spad
