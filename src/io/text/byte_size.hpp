// Byte sizes as people write them on the command line, and back.
//
// Grammar of parse_byte_size (surrounding spaces ignored; the prefix letters
// k m g t and i are case-insensitive, the byte is a capital B: a lower-case b
// is a bit, so "64kb" is an error that offers 64KB and 64KiB):
//   size   := number [spaces] [suffix]
//   number := digits [ "." digits ]        e.g. 65536, 64, 1.5
//   suffix := B                       x 1
//           | KiB | MiB | GiB | TiB   x 1024^1..4  (binary, what scratchpads are sized in)
//           | K | M | G | T           same as KiB..TiB (shorthand)
//           | KB | MB | GB | TB       x 1000^1..4  (SI decimal: "64KB" is 64000 bytes)
// A fraction is allowed only when the result is a whole number of bytes
// ("1.5KiB" = 1536, "0.5B" is an error). The result must be >= 1 and fit in int64.
#pragma once

#include <string>
#include <string_view>

#include "base/checked.hpp"

namespace spad {

// "65536", "64KiB", "64 KiB", "1MiB", "2GiB", "512B", "64KB" (= 64000).
// Throws UserError naming `what` (e.g. "--buffer") and the text, listing the
// accepted forms.
Count parse_byte_size(std::string_view text, std::string_view what);

// Human form for tables: "980 B", "64 KiB", "1.5 MiB", "1.33 GiB" (at most
// two decimals, trailing zeros dropped; binary units).
std::string format_bytes(Count bytes);

}  // namespace spad
