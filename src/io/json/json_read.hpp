// Strict reading of JSON documents and fields, shared by the layer and
// schedule readers. Every failure is a UserError that starts with the source
// (a file name or a flag such as "--layer") and names the field and value.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "base/checked.hpp"
#include "io/common/input_file.hpp"

namespace spad {

// The one entry point for JSON text: parses a document (comments allowed).
// Empty text, a NUL byte, nesting deeper than kMaxJsonDepth, a number beyond
// a double (json_scan.hpp), malformed JSON or trailing text (with nlohmann's
// line and column) and a key repeated in one object -> UserError.
nlohmann::json parse_json_document(std::string_view text, const std::string& source);

// A JSON value shortened for messages: "abc", 3.5, [1,2] ...; the work done
// is bounded whatever the size of v.
std::string show_json(const nlohmann::json& v);

// v as an integer >= min; `field` is the path shown in messages ("C",
// "tiles.m", "stride[0]"). Strings, booleans, fractions, numbers beyond int64
// and values below min -> UserError. Integral floats (64.0) are accepted.
Count json_count(const nlohmann::json& v, const std::string& source, const std::string& field,
                 Count min);

// Throws unless v is an object; `what` names it ("a layer", "tiles").
void require_object(const nlohmann::json& v, const std::string& source, const std::string& what);

// Throws for the first key of `obj` not in `valid`, suggesting the closest one.
// `where` prefixes the key in messages ("" at top level, "tiles." inside).
void reject_unknown_keys(const nlohmann::json& obj, std::span<const std::string_view> valid,
                         const std::string& source, const std::string& where);

}  // namespace spad
