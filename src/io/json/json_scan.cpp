// The bounded first pass over JSON text (see json_scan.hpp).
#include "io/json/json_scan.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "base/error.hpp"

namespace spad {
namespace {

constexpr std::size_t kShownChars = 60;

// One open object or array and where the scan is inside it.
struct Frame {
  bool object = false;
  bool expect_key = false;  // objects: the next string is a key
  std::string key;          // objects: the current key (shortened)
  long index = 0;           // arrays: the current element
};

std::string shortened(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, kShownChars)) {
    const auto u = static_cast<unsigned char>(c);
    out += u < 0x20 || u == 0x7f ? '?' : c;
  }
  if (text.size() > kShownChars) out += "...";
  return out;
}

// "layers[2].pad[0]": the field the scan is at, as json_count names fields.
std::string field_path(const std::vector<Frame>& stack) {
  std::string path;
  for (const Frame& f : stack) {
    if (path.size() > kShownChars / 2) return path + "...";
    if (f.object) {
      if (f.expect_key) break;
      if (!path.empty()) path += '.';
      path += f.key;
    } else {
      // Not "[" + to_string(...): GCC 12 warns falsely (-Wrestrict) on it.
      path += '[';
      path += std::to_string(f.index);
      path += ']';
    }
  }
  return path.empty() ? "the document" : path;
}

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// True when the number written `token` is beyond the range of a double.
bool overflows_double(std::string_view token) {
  const std::string text(token);
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return errno == ERANGE && std::isinf(value);
}

}  // namespace

void scan_json_text(std::string_view text, const std::string& source) {
  std::vector<Frame> stack;
  long line = 1;
  std::size_t line_start = 0;
  const auto where = [&](std::size_t at) {
    return source + ": line " + std::to_string(line) + ", column " +
           std::to_string(at - line_start + 1);
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\0')
      throw UserError(where(i) + ": a NUL byte in the JSON text (is this a binary file?)");
    if (c == '\n') {
      ++line;
      line_start = i + 1;
      ++i;
    } else if (c == '/' && i + 1 < text.size() && (text[i + 1] == '/' || text[i + 1] == '*')) {
      const bool block = text[i + 1] == '*';
      i += 2;
      while (i < text.size() &&
             (block ? !(text[i] == '*' && i + 1 < text.size() && text[i + 1] == '/')
                    : text[i] != '\n')) {
        if (text[i] == '\0')
          throw UserError(where(i) + ": a NUL byte in the JSON text (is this a binary file?)");
        if (text[i] == '\n') {
          ++line;
          line_start = i + 1;
        }
        ++i;
      }
      if (block && i < text.size()) i += 2;
    } else if (c == '{' || c == '[') {
      if (stack.size() >= static_cast<std::size_t>(kMaxJsonDepth))
        throw UserError(where(i) + ": " + field_path(stack) + ": JSON nested more than " +
                        std::to_string(kMaxJsonDepth) +
                        " levels deep; spad's inputs need only a few levels");
      stack.push_back(Frame{c == '{', c == '{', {}, 0});
      ++i;
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
      ++i;
    } else if (c == ',') {
      if (!stack.empty()) {
        if (stack.back().object)
          stack.back().expect_key = true;
        else
          ++stack.back().index;
      }
      ++i;
    } else if (c == ':') {
      if (!stack.empty() && stack.back().object) stack.back().expect_key = false;
      ++i;
    } else if (c == '"') {
      const std::size_t start = ++i;
      while (i < text.size() && text[i] != '"' && text[i] != '\n' && text[i] != '\0')
        i += text[i] == '\\' && i + 1 < text.size() ? 2 : 1;
      if (!stack.empty() && stack.back().object && stack.back().expect_key)
        stack.back().key = shortened(text.substr(start, std::min(i, text.size()) - start));
      if (i < text.size() && text[i] == '"') ++i;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      const std::size_t start = i;
      while (i < text.size() && is_number_char(text[i])) ++i;
      const std::string_view token = text.substr(start, i - start);
      if (overflows_double(token))
        throw UserError(source + ": " + field_path(stack) + " = " + shortened(token) +
                        ": too large for a 64-bit integer");
    } else {
      ++i;
    }
  }
}

}  // namespace spad
