// Names (of layers, networks, machines) are printable UTF-8 text: they reach
// terminals, tables, CSV and JSON. name_problem() is the check where a name
// enters spad; printable() is the escape applied when any text from an input
// is shown (messages, tables), so a control character never reaches a
// terminal raw even where no check ran.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace spad {

// Length (1..4) of the valid UTF-8 sequence at text[i] and its code point in
// *code, or 0 when the bytes there are not valid UTF-8 (RFC 3629: overlong
// forms, surrogates and values past U+10FFFF are invalid).
std::size_t utf8_sequence(std::string_view text, std::size_t i, std::uint32_t* code);

// True for the control characters: C0 (U+0000-U+001F), DEL and C1
// (U+007F-U+009F).
bool is_control(std::uint32_t cp);

// "" when `text` is valid UTF-8 without control characters (C0 U+0000-U+001F,
// DEL U+007F, C1 U+0080-U+009F); otherwise what is wrong and where, e.g.
// "a control character (U+001B) at byte 3", "invalid UTF-8 at byte 5".
std::string name_problem(std::string_view text);

// `text` with every control character and every byte of invalid UTF-8
// written as \xHH. Valid printable text is returned unchanged.
std::string printable(std::string_view text);

// The text in double quotes, for messages: "abc", printable() inside.
std::string in_quotes(std::string_view text);

}  // namespace spad
