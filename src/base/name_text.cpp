// Checking and escaping names: UTF-8 validity and control characters.
#include "base/name_text.hpp"

#include <cstdint>

namespace spad {

std::size_t utf8_sequence(std::string_view text, std::size_t i, std::uint32_t* code) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    *code = b0;
    return 1;
  }
  std::size_t length = 0;
  std::uint32_t cp = 0, min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  *code = cp;
  return length;
}

bool is_control(std::uint32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

namespace {

std::string hex_byte(unsigned char b) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string("\\x") + kDigits[b >> 4] + kDigits[b & 0xF];
}

}  // namespace

std::string name_problem(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = utf8_sequence(text, i, &cp);
    if (n == 0) return "invalid UTF-8 at byte " + std::to_string(i + 1);
    if (is_control(cp)) {
      static constexpr char kDigits[] = "0123456789ABCDEF";
      std::string code = "U+00";
      code += kDigits[(cp >> 4) & 0xF];
      code += kDigits[cp & 0xF];
      return "a control character (" + code + ") at byte " + std::to_string(i + 1);
    }
    i += n;
  }
  return "";
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = utf8_sequence(text, i, &cp);
    if (n == 0 || is_control(cp)) {
      for (std::size_t k = 0; k < (n == 0 ? 1 : n); ++k)
        out += hex_byte(static_cast<unsigned char>(text[i + k]));
      i += n == 0 ? 1 : n;
      continue;
    }
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

std::string in_quotes(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  out += printable(text);  // a control character never reaches the terminal raw
  out += '"';
  return out;
}

}  // namespace spad
