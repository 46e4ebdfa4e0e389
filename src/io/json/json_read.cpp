// Strict JSON reading: files, documents, integers and key sets.
#include "io/json/json_read.hpp"

#include <cmath>
#include <limits>
#include <set>
#include <vector>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/common/suggest.hpp"
#include "io/json/json_scan.hpp"
#include "io/text/text_fields.hpp"

namespace spad {

nlohmann::json parse_json_document(std::string_view text, const std::string& source) {
  if (trim(text).empty()) throw UserError(source + ": empty input; expected a JSON object");
  scan_json_text(text, source);
  // Keys seen in each open object, innermost last: a repeated key is an error
  // (nlohmann would silently keep the last one).
  std::vector<std::set<std::string>> open_objects;
  const auto callback = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start) open_objects.emplace_back();
    if (event == Event::object_end && !open_objects.empty()) open_objects.pop_back();
    if (event == Event::key && !open_objects.empty()) {
      const auto key = parsed.get<std::string>();
      if (!open_objects.back().insert(key).second)
        throw UserError(source + ": key " + in_quotes(key) +
                        " appears twice in one object; give it once");
    }
    return true;
  };
  try {
    return nlohmann::json::parse(text.begin(), text.end(), callback, true, true);
  } catch (const nlohmann::json::exception& e) {
    // parse_error (syntax, with line and column), and any other failure of
    // the parser: every one is about the input.
    std::string what = e.what();
    const auto bracket = what.find("] ");
    if (what.rfind("[json.exception", 0) == 0 && bracket != std::string::npos)
      what = what.substr(bracket + 2);
    throw UserError(source + ": malformed JSON: " + what);
  }
}

namespace {

constexpr std::size_t kShownChars = 60;

std::string dump_scalar(const nlohmann::json& v) {
  return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Appends v to out until out is longer than kShownChars: the cost of showing a
// value does not grow with the value (a 10 MB array shows its start).
void render(const nlohmann::json& v, int depth, std::string& out) {
  if (!v.is_structured()) {
    out += dump_scalar(v);
    return;
  }
  const bool object = v.is_object();
  if (depth == 0 && !v.empty()) {
    out += object ? "{...}" : "[...]";
    return;
  }
  out += object ? '{' : '[';
  bool first = true;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (out.size() > kShownChars) break;
    if (!first) out += ',';
    first = false;
    if (object) out += dump_scalar(nlohmann::json(it.key())) + ':';
    render(*it, depth - 1, out);
  }
  out += object ? '}' : ']';
}

}  // namespace

std::string show_json(const nlohmann::json& v) {
  std::string text;
  render(v, 4, text);
  if (text.size() > kShownChars) {
    std::size_t cut = kShownChars - 3;  // not inside a UTF-8 sequence
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return text;
}

Count json_count(const nlohmann::json& v, const std::string& source, const std::string& field,
                 Count min) {
  const auto fail = [&](const std::string& why) -> Count {
    throw UserError(source + ": " + field + " = " + show_json(v) + ": " + why);
  };
  const std::string want = min >= 1 ? "a positive integer" : "a non-negative integer";
  Count value = 0;
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<Count>::max()))
      fail("too large for a 64-bit integer");
    value = static_cast<Count>(u);
  } else if (v.is_number_integer()) {
    value = v.get<std::int64_t>();
  } else if (v.is_number_float()) {
    const double d = v.get<double>();
    if (!std::isfinite(d) || std::trunc(d) != d) fail("must be " + want + ", not a fraction");
    if (std::fabs(d) >= 9.2e18) fail("too large for a 64-bit integer");
    value = static_cast<Count>(d);
  } else {
    fail("must be " + want + ", not " + std::string(v.is_string() ? "a string" : v.type_name()));
  }
  if (value < min)
    fail(min == 1   ? "must be a positive integer"
         : min == 0 ? "must be zero or positive"
                    : "must be at least " + std::to_string(min));
  return value;
}

void require_object(const nlohmann::json& v, const std::string& source, const std::string& what) {
  if (!v.is_object())
    throw UserError(source + ": " + what + " must be a JSON object {...}, not " +
                    std::string(v.type_name()) + " " + show_json(v));
}

void reject_unknown_keys(const nlohmann::json& obj, std::span<const std::string_view> valid,
                         const std::string& source, const std::string& where) {
  for (const auto& item : obj.items()) {
    bool known = false;
    for (std::string_view k : valid) known = known || k == item.key();
    if (!known)
      throw UserError(source + ": unknown key " + in_quotes(where + item.key()) +
                      did_you_mean(item.key(), valid) + "; valid keys: " + join(valid, " "));
  }
}

}  // namespace spad
