// The "format" key of spad's JSON documents (kinds in document_format.hpp).
#include "io/json/document_format.hpp"

#include <array>
#include <utility>

#include "base/error.hpp"
#include "base/name_text.hpp"
#include "io/json/json_read.hpp"

namespace spad {
namespace {

constexpr int kVersion = 1;

constexpr std::array<std::pair<DocKind, std::string_view>, 8> kNames = {{
    {DocKind::result, "result"},
    {DocKind::network, "network"},
    {DocKind::compare, "compare"},
    {DocKind::accel, "accel"},
    {DocKind::accel_comparison, "accel-comparison"},
    {DocKind::machine, "machine"},
    {DocKind::schedule, "schedule"},
    {DocKind::sweep, "sweep"},
}};

std::string_view kind_name(DocKind kind) {
  for (const auto& [k, name] : kNames)
    if (k == kind) return name;
  throw InternalError("kind_name: unknown document kind");
}

}  // namespace

std::string format_tag(DocKind kind) {
  return "spad-" + std::string(kind_name(kind)) + "/" + std::to_string(kVersion);
}

nlohmann::ordered_json with_format(DocKind kind, const nlohmann::ordered_json& doc) {
  nlohmann::ordered_json out;
  out["format"] = format_tag(kind);
  for (const auto& [key, value] : doc.items())
    if (key != "format") out[key] = value;
  return out;
}

std::optional<DocKind> document_kind(const nlohmann::json& doc, const std::string& source) {
  if (!doc.is_object() || !doc.contains("format")) return std::nullopt;
  const nlohmann::json& v = doc.at("format");
  const auto fail = [&](const std::string& why) -> DocKind {
    throw UserError(source + ": format = " + show_json(v) + ": " + why);
  };
  if (!v.is_string()) fail("must be a string such as \"spad-result/1\"");
  const std::string text = v.get<std::string>();
  const std::string_view t = text;
  const auto slash = t.rfind('/');
  if (!t.starts_with("spad-") || slash == std::string_view::npos)
    fail("not a spad document format (spad writes \"spad-<kind>/1\")");
  const std::string_view name = t.substr(5, slash - 5);
  for (const auto& [kind, known] : kNames) {
    if (known != name) continue;
    if (t.substr(slash + 1) != std::to_string(kVersion))
      fail("version " + std::string(t.substr(slash + 1)) + " of " + in_quotes(known) +
           " documents; this spad reads version " + std::to_string(kVersion));
    return kind;
  }
  return fail("unknown kind " + in_quotes(name) +
              "; spad writes result, network, sweep, machine and schedule documents (and "
              "reads the compare, accel and accel-comparison documents of earlier versions)");
}

std::optional<DocKind> expect_document_kind(const nlohmann::json& doc, const std::string& source,
                                            std::initializer_list<DocKind> accepted,
                                            std::string_view reader) {
  const std::optional<DocKind> kind = document_kind(doc, source);
  if (!kind) return kind;
  for (DocKind k : accepted)
    if (k == *kind) return kind;
  std::string list;
  for (DocKind k : accepted) {
    if (!list.empty()) list += ", ";
    list += format_tag(k);
  }
  throw UserError(source + ": this is a " + format_tag(*kind) + " document; " +
                  std::string(reader) + " " + list);
}

bool is_accel_comparison(const nlohmann::json& doc, const std::string& source) {
  const std::optional<DocKind> kind = document_kind(doc, source);
  return kind == DocKind::accel_comparison ||
         (kind == DocKind::sweep && doc.contains("comparison"));
}

}  // namespace spad
