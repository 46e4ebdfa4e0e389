// Names (of layers, networks, machines) are printable UTF-8 text: they reach
// terminals, tables, CSV and JSON. name_problem() is the check where a name
// enters spad; printable() is the escape applied when any text from an input
// is shown (messages, tables), so a control character never reaches a
// terminal raw even where no check ran.
#pragma once

#include <string>
#include <string_view>

namespace spad {

// "" when `text` is valid UTF-8 without control characters (C0 U+0000-U+001F,
// DEL U+007F, C1 U+0080-U+009F); otherwise what is wrong and where, e.g.
// "a control character (U+001B) at byte 3", "invalid UTF-8 at byte 5".
std::string name_problem(std::string_view text);

// `text` with every control character and every byte of invalid UTF-8
// written as \xHH. Valid printable text is returned unchanged.
std::string printable(std::string_view text);

}  // namespace spad
