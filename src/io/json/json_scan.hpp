// A first, bounded pass over JSON text before nlohmann's parser sees it:
// one loop over the bytes with a stack of at most kMaxJsonDepth frames (never
// recursion), so no input can exhaust the stack or make the parser build a
// value that later code would walk recursively.
#pragma once

#include <string>
#include <string_view>

namespace spad {

// spad's JSON inputs need a few levels (a network: object, layers array,
// layer object, pad array); anything deeper is not a spad input.
inline constexpr int kMaxJsonDepth = 64;

// Throws UserError, naming `source`, the line and column or the field path, for
//  - a NUL byte anywhere (nlohmann would silently stop reading there);
//  - objects and arrays nested more than kMaxJsonDepth deep;
//  - a number too large for a double (1e400), with the same message an
//    integer field gives for 1e30: "<field> = 1e400: too large for a 64-bit integer".
// Everything else (syntax, strings, trailing text) is left to the parser.
void scan_json_text(std::string_view text, const std::string& source);

}  // namespace spad
