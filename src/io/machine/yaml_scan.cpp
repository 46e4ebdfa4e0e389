// The whitelist first pass over YAML text (see yaml_scan.hpp for the subset).
//
// Shape of the pass: check every byte once (control characters, UTF-8), then
// read the text line by line in block context; a quoted scalar or a flow
// collection may run over several lines and is read to its end by one loop
// with an explicit stack of brackets, so no input makes the pass recurse.
#include "io/machine/yaml_scan.hpp"

#include <cstdint>
#include <cstdio>
#include <vector>

#include "base/error.hpp"
#include "base/name_text.hpp"

namespace spad {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_line_end(char c) { return c == '\n' || c == '\r'; }
bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }
bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string code_point_text(std::uint32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

// What a bracket expects next.
enum class Expect {
  kFirstEntry,  // just after "[" or "{": an entry or the closing bracket
  kEntry,       // after ",": an entry
  kColon,       // after a key in {...}: ":"
  kValue,       // after ":" in {...}: the value
  kCommaOrEnd,  // after an entry: "," or the closing bracket
};

struct Bracket {
  char open;
  long line;
  Expect expect;
};

class Scanner {
 public:
  Scanner(std::string_view text, const std::string& source) : text_(text), source_(source) {}

  void run() {
    check_bytes();
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // a byte-order mark
    while (i_ < text_.size()) block_line();
  }

 private:
  [[noreturn]] void fail(long line, const std::string& why) const {
    throw UserError(source_ + ": line " + std::to_string(line) + ": malformed YAML: " + why);
  }

  char peek(std::size_t ahead = 0) const {
    return i_ + ahead < text_.size() ? text_[i_ + ahead] : '\n';
  }
  bool at_line_end() const { return is_line_end(peek()); }
  void skip_blanks() {
    while (i_ < text_.size() && is_blank(text_[i_])) ++i_;
  }

  // ---------------------------------------------------------------- bytes

  // Tabs, line ends (CR only before LF) and printable UTF-8 (base/name_text).
  void check_bytes() const {
    long line = 1;
    for (std::size_t k = 0; k < text_.size();) {
      const char c = text_[k];
      if (c == '\n') ++line;
      if (c == '\r' && (k + 1 >= text_.size() || text_[k + 1] != '\n'))
        fail(line, "a carriage return not followed by a newline");
      if (c == '\n' || c == '\r' || c == '\t') {
        ++k;
        continue;
      }
      if (c == '\0') fail(line, "a NUL byte (is this a binary file?)");
      std::uint32_t cp = 0;
      const std::size_t length = utf8_sequence(text_, k, &cp);
      if (length == 0) fail(line, "invalid UTF-8 (the file must be UTF-8 text)");
      if (is_control(cp)) fail(line, "a control character (" + code_point_text(cp) + ")");
      k += length;
    }
  }

  // ---------------------------------------------------------------- lines

  void next_line() {
    while (i_ < text_.size() && text_[i_] != '\n') ++i_;
    if (i_ < text_.size()) {
      ++i_;
      ++line_;
    }
  }

  // The rest of the line may hold only blanks and a comment ("#" after a blank).
  void end_of_line(const char* after) {
    skip_blanks();
    if (peek() == '#' && i_ > 0 && is_blank(text_[i_ - 1])) {
      next_line();
      return;
    }
    if (!at_line_end())
      fail(line_,
           std::string("\"") + peek() + "\" after the end of " + after + " (a stray character?)");
    next_line();
  }

  void block_line() {
    std::size_t indent = 0;
    while (peek(indent) == ' ') ++indent;
    std::size_t first = indent;
    while (is_blank(peek(first))) ++first;
    const char c = peek(first);
    if (is_line_end(c) || c == '#') {  // a blank or comment line (or block text)
      next_line();
      return;
    }
    if (block_scalar_indent_ >= 0) {
      if (static_cast<long>(indent) > block_scalar_indent_) {
        next_line();  // a line of a block scalar: any printable text
        return;
      }
      block_scalar_indent_ = -1;
    }
    if (first != indent) fail(line_, "a tab in the indentation (YAML indents with spaces only)");
    i_ += indent;
    line_indent_ = static_cast<long>(indent);
    if (indent == 0 && (starts_with("---") || starts_with("..."))) {
      i_ += 3;
      end_of_line("a document marker");
      return;
    }
    if (indent == 0 && c == '%') {
      if (!starts_with("%YAML ")) fail(line_, "a directive other than %YAML; remove it");
      next_line();
      return;
    }
    while (peek() == '-' && (is_blank(peek(1)) || is_line_end(peek(1)))) {  // list entries
      ++i_;
      skip_blanks();
    }
    if (at_line_end() || peek() == '#') {
      next_line();
      return;
    }
    block_node();
  }

  bool starts_with(std::string_view prefix) const {
    return text_.substr(i_, prefix.size()) == prefix &&
           (i_ + prefix.size() >= text_.size() || is_blank(text_[i_ + prefix.size()]) ||
            is_line_end(text_[i_ + prefix.size()]) || prefix.back() == ' ');
  }

  // Each key, value and bracket counts once against kMaxYamlNodes: yaml-cpp
  // builds a tree of a few hundred bytes per node and some of its steps are
  // quadratic in a mapping's keys, so a file of millions of tiny values
  // ("[[1],[1],...]", 14 MB) took gigabytes and minutes before this limit.
  void count_node() {
    if (++nodes_ > kMaxYamlNodes)
      fail(line_, "more than " + std::to_string(kMaxYamlNodes) +
                      " keys and values (a machine file has a few dozen)");
  }

  // A node at the start of a block line: a key with its value, or a value.
  void block_node() {
    count_node();
    const char c = peek();
    if (c == '[' || c == '{') {
      flow_collection();
      skip_blanks();
      if (peek() == ':') fail(line_, "a bracketed key; keys must be plain names");
      end_of_line("a top-level quoted or bracketed value");
      return;
    }
    if (c == '"' || c == '\'') {
      quoted();
      skip_blanks();
      if (peek() == ':' && (is_blank(peek(1)) || is_line_end(peek(1)))) {
        ++i_;
        block_value();
        return;
      }
      end_of_line("a top-level quoted or bracketed value");
      return;
    }
    if (c == '|' || c == '>') {
      block_scalar_header();
      return;
    }
    check_value_start();
    plain_block();
    if (peek() == ':') {
      ++i_;
      block_value();
      return;
    }
    end_of_line("a value");
  }

  // The value after "key:" on a block line (empty when a nested block follows).
  void block_value() {
    skip_blanks();
    if (at_line_end() || peek() == '#') {
      next_line();
      return;
    }
    count_node();
    const char c = peek();
    if (c == '[' || c == '{') {
      flow_collection();
      end_of_line("a top-level quoted or bracketed value");
      return;
    }
    if (c == '"' || c == '\'') {
      quoted();
      end_of_line("a top-level quoted or bracketed value");
      return;
    }
    if (c == '|' || c == '>') {
      block_scalar_header();
      return;
    }
    if (c == '-' && (is_blank(peek(1)) || is_line_end(peek(1))))
      fail(line_,
           "a list entry (\"- \") on the same line as its key; start the list on the next line");
    check_value_start();
    plain_block();
    if (peek() == ':')
      fail(line_, "a second \": \" on one line (\"a: b: c\"); quote a value that contains \": \"");
    end_of_line("a value");
  }

  // "|" or ">", an optional chomping and indentation indicator, a comment.
  void block_scalar_header() {
    ++i_;
    for (int k = 0; k < 2 && (peek() == '+' || peek() == '-' || (peek() >= '1' && peek() <= '9'));
         ++k)
      ++i_;
    if (!is_blank(peek()) && !at_line_end())
      fail(line_,
           std::string("\"") + peek() + "\" after a block scalar indicator (\"|\" or \">\")");
    end_of_line("a block scalar indicator");
    block_scalar_indent_ = line_indent_;
  }

  // Refuses what may not start a plain value (the indicators YAML reserves).
  void check_value_start() const {
    const char c = peek();
    const char next = peek(1);
    if (c == '&' || c == '*')
      fail(line_, std::string("a YAML ") + (c == '&' ? "anchor (\"&...\")" : "alias (\"*...\")") +
                      "; spad does not support anchors or aliases: write the value out");
    if (c == '!') fail(line_, "a YAML tag (\"!...\"); spad does not support tags: remove it");
    if (c == ',') fail(line_, "a stray \",\" where a value should start");
    if (c == ']' || c == '}') fail(line_, std::string("\"") + c + "\" with no opening bracket");
    if (c == '?' && (is_blank(next) || is_line_end(next)))
      fail(line_, "a complex key (\"? \"); keys must be plain names");
    if (c == ':') fail(line_, "an empty key (\":\" with nothing before it)");
    if (c == '%' || c == '@' || c == '`' || c == '|' || c == '>')
      fail(line_, std::string("\"") + c + "\" cannot start a plain value; put the value in quotes");
  }

  // A plain scalar in block context: up to ": ", " #" or the end of the line.
  void plain_block() {
    while (!at_line_end()) {
      const char c = peek();
      if (c == ':' && (is_blank(peek(1)) || is_line_end(peek(1)))) return;
      if (is_blank(c) && peek(1) == '#') return;
      ++i_;
    }
  }

  // A plain scalar inside brackets: also ends at , [ ] { } and ":" before them.
  void plain_flow() {
    while (!at_line_end()) {
      const char c = peek();
      const char next = peek(1);
      if (is_flow_indicator(c)) return;
      if (c == ':' && (is_blank(next) || is_line_end(next) || is_flow_indicator(next))) return;
      if (is_blank(c) && next == '#') return;
      ++i_;
    }
  }

  // A quoted scalar, which may span lines; only YAML's escapes in "...".
  void quoted() {
    const char quote = peek();
    const long opened = line_;
    ++i_;
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (c == '\n') ++line_;
      if (quote == '"' && c == '\\') {
        escape();
        continue;
      }
      if (c == quote) {
        if (quote == '\'' && peek(1) == '\'') {  // '' is a quote inside '...'
          i_ += 2;
          continue;
        }
        ++i_;
        return;
      }
      ++i_;
    }
    fail(opened, std::string("the quoted text opened here (") + quote + ") is never closed");
  }

  void escape() {
    const char e = peek(1);
    std::size_t digits = 0;
    if (e == 'x') digits = 2;
    if (e == 'u') digits = 4;
    if (e == 'U') digits = 8;
    if (digits > 0) {
      for (std::size_t k = 0; k < digits; ++k)
        if (!is_hex(peek(2 + k)))
          fail(line_, std::string("the escape \"\\") + e + "\" needs " + std::to_string(digits) +
                          " hexadecimal digits");
      i_ += 2 + digits;
      return;
    }
    if (e == '\n' || e == '\r') {  // an escaped line break
      i_ += 1;
      return;
    }
    if (i_ + 1 >= text_.size()) fail(line_, "a \"\\\" at the end of the file");
    static constexpr std::string_view kSingle = "0abt\tnvfre \"/\\N_LP";
    if (kSingle.find(e) == std::string_view::npos)
      fail(line_, std::string("an unknown escape \"\\") + e + "\" in a double-quoted string");
    i_ += 2;
  }

  // ---------------------------------------------------------------- flow

  // A [...] or {...} collection with everything nested in it, over lines.
  void flow_collection() {
    open_bracket();
    bool blank_before = false;
    while (!brackets_.empty()) {
      if (i_ >= text_.size())
        fail(brackets_.back().line,
             std::string("the \"") + brackets_.back().open + "\" opened here is never closed");
      const char c = text_[i_];
      if (c == '\n' || c == '\r' || is_blank(c)) {
        if (c == '\n') ++line_;
        ++i_;
        blank_before = true;
        continue;
      }
      if (c == '#') {
        if (!blank_before)
          fail(line_, "a \"#\" right after a value (a comment needs a blank before it)");
        while (i_ < text_.size() && text_[i_] != '\n') ++i_;
        continue;
      }
      blank_before = false;
      Bracket& b = brackets_.back();
      if (c == '[' || c == '{') {
        entry_starts(b, true);
        open_bracket();
      } else if (c == ']' || c == '}') {
        close_bracket(c);
      } else if (c == ',') {
        comma(b);
      } else if (c == ':') {
        colon(b);
      } else if (c == '"' || c == '\'') {
        entry_starts(b, false);
        quoted();
      } else {
        if (c == '-' && (is_blank(peek(1)) || is_line_end(peek(1))))
          fail(line_, "a block list entry (\"- \") inside brackets; separate entries with \",\"");
        check_value_start();
        entry_starts(b, false);
        plain_flow();
      }
    }
  }

  void open_bracket() {
    if (brackets_.size() >= static_cast<std::size_t>(kMaxYamlFlowDepth))
      fail(line_,
           "brackets nested more than " + std::to_string(kMaxYamlFlowDepth) + " levels deep");
    brackets_.push_back({peek(), line_, Expect::kFirstEntry});
    ++i_;
  }

  void close_bracket(char c) {
    const Bracket& b = brackets_.back();
    const char open = c == ']' ? '[' : '{';
    if (b.open != open)
      fail(line_, std::string("\"") + c + "\" does not close the \"" + b.open +
                      "\" opened on line " + std::to_string(b.line));
    if (b.expect == Expect::kEntry)
      fail(line_, std::string("a \",\" right before \"") + c + "\" (an empty last entry)");
    if (b.expect == Expect::kColon || b.expect == Expect::kValue) missing_value(b);
    brackets_.pop_back();
    ++i_;
  }

  void comma(Bracket& b) {
    if (b.expect == Expect::kCommaOrEnd) {
      b.expect = Expect::kEntry;
      ++i_;
      return;
    }
    if (b.expect == Expect::kColon || b.expect == Expect::kValue) missing_value(b);
    fail(line_, b.open == '{' ? "an empty key (a stray \",\")" : "an empty entry (a stray \",\")");
  }

  void colon(Bracket& b) {
    if (b.open == '{' && b.expect == Expect::kColon) {
      b.expect = Expect::kValue;
      ++i_;
      return;
    }
    if (b.open == '[' && b.expect == Expect::kCommaOrEnd)
      fail(line_, "a \"key: value\" pair inside [...]; a mapping is written {key: value}");
    if (b.open == '{' && (b.expect == Expect::kFirstEntry || b.expect == Expect::kEntry))
      fail(line_, "an empty key (\":\" with nothing before it)");
    fail(line_, "a stray \":\"");
  }

  [[noreturn]] void missing_value(const Bracket& b) const {
    if (b.expect == Expect::kColon)
      fail(line_, "a key without \": value\" inside {...} (YAML needs a blank after \":\")");
    fail(line_, "a key with no value after \":\"");
  }

  // An entry (a scalar, or a bracket when `bracket`) begins inside b.
  void entry_starts(Bracket& b, bool bracket) {
    count_node();
    if (b.expect == Expect::kCommaOrEnd) fail(line_, "two entries without a \",\" between them");
    if (b.expect == Expect::kColon)
      fail(line_, "a key followed by another value without \":\" between them");
    const bool key = b.open == '{' && b.expect != Expect::kValue;
    if (key && bracket) fail(line_, "a bracketed key; keys must be plain names");
    b.expect = key ? Expect::kColon : Expect::kCommaOrEnd;
  }

  std::string_view text_;
  const std::string& source_;
  std::size_t i_ = 0;
  long line_ = 1;
  long line_indent_ = 0;
  long block_scalar_indent_ = -1;  // >= 0 while inside a block scalar's lines
  std::size_t nodes_ = 0;
  std::vector<Bracket> brackets_;
};

}  // namespace

void scan_yaml_text(std::string_view text, const std::string& source) {
  Scanner(text, source).run();
}

}  // namespace spad
