// Strict reading of JSON documents and fields, shared by the layer and
// schedule readers. Every failure is a UserError that starts with the source
// (a file name or a flag such as "--layer") and names the field and value.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "base/checked.hpp"

namespace spad {

// The whole content of a file; `what` describes it ("layer file").
// Missing, unreadable, a directory -> UserError.
std::string read_text_file(const std::string& path, std::string_view what);

// Parses a JSON document (comments allowed). Empty text, malformed JSON (with
// nlohmann's line and column) and a key repeated in one object -> UserError.
nlohmann::json parse_json_document(std::string_view text, const std::string& source);

// A JSON value shortened for messages: "abc", 3.5, [1,2] ...
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
