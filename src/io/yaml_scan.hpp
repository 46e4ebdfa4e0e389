// A first, bounded pass over YAML text before yaml-cpp sees it. yaml-cpp 0.7
// allocates without bound on some malformed bytes (a file that is a single
// ",", a JSON document followed by a stray ","), so the machine reader feeds
// it only text this pass accepts: one loop over the bytes, a stack of at most
// kMaxYamlFlowDepth brackets, never recursion.
//
// The pass accepts the YAML that machine files use: block mappings and lists,
// flow collections ([...], {...}, JSON), plain, quoted and block scalars,
// comments, anchors and aliases, "---" and directives. It rejects, naming the
// line: a comma outside a flow collection where a value should start, text
// after the closing bracket of a top-level flow collection, brackets that do
// not match, an unterminated quoted scalar, a NUL byte, YAML tags ("!!str"),
// which spad does not support, and nesting deeper than kMaxYamlFlowDepth.
#pragma once

#include <string>
#include <string_view>

namespace spad {

inline constexpr int kMaxYamlFlowDepth = 64;

// Throws UserError "<source>: line N: <what is wrong>" for the first problem.
void scan_yaml_text(std::string_view text, const std::string& source);

}  // namespace spad
