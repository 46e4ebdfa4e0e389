// A first, bounded pass over YAML text before yaml-cpp sees it. yaml-cpp 0.7
// allocates without bound on some malformed bytes (a file that is a single
// ",", "'t',", "&>,": all found by fuzzing), so the machine reader feeds it
// only text that this pass accepts. The pass is a whitelist, not a list of
// known bad inputs: it accepts exactly the YAML subset below and refuses
// everything else, naming the line. One loop over the bytes, a stack of at
// most kMaxYamlFlowDepth brackets, never recursion.
//
// The subset (everything machine files use, and JSON):
//   - block mappings `key: value` and block lists `- item`, indented with
//     spaces; blank lines and `# comments`; `---`, `...` and `%YAML` lines;
//   - keys: plain names or quoted strings;
//   - values: plain scalars (which may contain spaces and commas, as in
//     `description: a, b`), 'single' or "double" quoted strings (which may
//     span lines; only YAML's escapes in "..."), block scalars (`|`, `>`,
//     with an optional chomping/indentation indicator), and flow collections
//     `[a, b]` and `{k: v, k2: v2}` (JSON included), nested, over lines;
//   - UTF-8 text (a leading byte-order mark is allowed), CR LF line ends.
// Refused, with the line: tabs in indentation, control characters and NUL,
// invalid UTF-8, tags (`!!str`), anchors and aliases (`&a`, `*a`), complex
// keys (`? `), empty keys and entries (`,,`, `{a: 1,}`), bracketed keys, a
// key without a value inside `{...}`, `a: b: c`, text after a quoted or
// bracketed value, unmatched or unclosed brackets and quotes, and nesting
// deeper than kMaxYamlFlowDepth, and more than kMaxYamlNodes keys and values.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace spad {

inline constexpr int kMaxYamlFlowDepth = 64;
// Keys, values and brackets in one file (machine files have a few dozen).
inline constexpr std::size_t kMaxYamlNodes = 4096;

// Throws UserError "<source>: line N: malformed YAML: <what is wrong>" for the
// first problem; returns when the whole text is in the subset above.
void scan_yaml_text(std::string_view text, const std::string& source);

}  // namespace spad
