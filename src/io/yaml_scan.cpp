// The bounded first pass over YAML text (see yaml_scan.hpp).
#include "io/yaml_scan.hpp"

#include <vector>

#include "base/error.hpp"

namespace spad {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

class Scanner {
 public:
  Scanner(std::string_view text, const std::string& source) : text_(text), source_(source) {}

  void run() {
    while (i_ < text_.size()) {
      start_line();
      while (i_ < text_.size() && text_[i_] != '\n') step();
      if (i_ < text_.size()) {  // the newline
        ++i_;
        ++line_;
      }
    }
    if (!flow_.empty())
      fail(flow_line_.back(),
           std::string("the \"") + flow_.back() + "\" opened here is never closed");
  }

 private:
  [[noreturn]] void fail(long line, const std::string& why) const {
    throw UserError(source_ + ": line " + std::to_string(line) + ": malformed YAML: " + why);
  }

  char peek(std::size_t ahead = 0) const {
    return i_ + ahead < text_.size() ? text_[i_ + ahead] : '\n';
  }

  // Indentation; block scalar content; blank and comment lines.
  void start_line() {
    std::size_t indent = 0;
    while (i_ + indent < text_.size() && text_[i_ + indent] == ' ') ++indent;
    const char first = i_ + indent < text_.size() ? text_[i_ + indent] : '\n';
    const bool blank = first == '\n' || first == '\r';
    if (block_scalar_indent_ >= 0) {
      if (blank || static_cast<long>(indent) > block_scalar_indent_) {
        skip_to_end_of_line();
        return;
      }
      block_scalar_indent_ = -1;
    }
    line_indent_ = static_cast<long>(indent);
    i_ += indent;
    token_start_ = true;
    blank_before_ = true;
    after_top_flow_ = false;
    if (first == '%' && indent == 0 && flow_.empty()) skip_to_end_of_line();  // a directive
  }

  void skip_to_end_of_line() {
    while (i_ < text_.size() && text_[i_] != '\n') {
      if (text_[i_] == '\0') fail(line_, "a NUL byte (is this a binary file?)");
      ++i_;
    }
  }

  void step() {
    const char c = text_[i_];
    if (c == '\0') fail(line_, "a NUL byte (is this a binary file?)");
    if (is_blank(c)) {
      ++i_;
      blank_before_ = true;
      return;
    }
    const bool was_blank = blank_before_;
    blank_before_ = false;
    if (c == '#' && (was_blank || token_start_)) {
      skip_to_end_of_line();
      return;
    }
    if (after_top_flow_ && c != ':')
      fail(line_,
           std::string("\"") + c +
               "\" after the end of a top-level quoted or bracketed value (a stray character?)");
    after_top_flow_ = false;
    const bool in_flow = !flow_.empty();
    if (c == '[' || c == '{') {
      if (in_flow || token_start_) {
        if (flow_.size() >= static_cast<std::size_t>(kMaxYamlFlowDepth))
          fail(line_,
               "brackets nested more than " + std::to_string(kMaxYamlFlowDepth) + " levels deep");
        flow_.push_back(c);
        flow_line_.push_back(line_);
        token_start_ = true;
        ++i_;
        return;
      }
    } else if (c == ']' || c == '}') {
      if (in_flow) {
        const char open = c == ']' ? '[' : '{';
        if (flow_.back() != open)
          fail(line_, std::string("\"") + c + "\" does not close the \"" + flow_.back() +
                          "\" opened on line " + std::to_string(flow_line_.back()));
        flow_.pop_back();
        flow_line_.pop_back();
        after_top_flow_ = flow_.empty();
        token_start_ = false;
        ++i_;
        return;
      }
      if (token_start_) fail(line_, std::string("\"") + c + "\" with no opening bracket");
    } else if (c == ',') {
      if (in_flow) {
        token_start_ = true;
        ++i_;
        return;
      }
      if (token_start_) fail(line_, "a stray \",\" where a value should start");
    } else if (c == '"' || c == '\'') {
      if (in_flow || token_start_) {
        quoted(c);
        return;
      }
    } else if (c == '!' && (in_flow || token_start_)) {
      fail(line_, "a YAML tag (\"!...\"); spad does not support tags: remove it");
    } else if ((c == '&' || c == '*') && (in_flow || token_start_)) {
      // yaml-cpp 0.7 allocates without bound on "&>," (fuzz_machine); a machine
      // file needs no anchors or aliases.
      fail(line_, std::string("a YAML ") + (c == '&' ? "anchor (\"&...\")" : "alias (\"*...\")") +
                      "; spad does not support anchors or aliases: write the value out");
    } else if ((c == '|' || c == '>') && token_start_ && !in_flow) {
      block_scalar_indent_ = line_indent_;
      skip_to_end_of_line();
      return;
    } else if ((((c == '-' || c == '?') && token_start_) || c == ':') &&
               (is_blank(peek(1)) || peek(1) == '\n' || (in_flow && c == ':'))) {
      token_start_ = true;  // a list entry, a key, a value: a value may start next
      ++i_;
      return;
    }
    token_start_ = false;  // inside a plain scalar, an anchor or an alias
    ++i_;
  }

  // A quoted scalar, which may span lines.
  void quoted(char quote) {
    const long opened = line_;
    ++i_;
    while (i_ < text_.size()) {
      const char c = text_[i_];
      if (c == '\0') fail(line_, "a NUL byte (is this a binary file?)");
      if (c == '\n') ++line_;
      if (quote == '"' && c == '\\') {
        if (i_ + 1 < text_.size() && text_[i_ + 1] == '\n') ++line_;
        i_ += 2;
        continue;
      }
      if (c == quote) {
        if (quote == '\'' && peek(1) == '\'') {  // '' is a quote inside '...'
          i_ += 2;
          continue;
        }
        ++i_;
        token_start_ = false;
        // Outside brackets a closed quoted value may be followed only by ":"
        // (it was a key), a comment or the end of the line: yaml-cpp 0.7
        // allocates without bound on "'t',".
        after_top_flow_ = flow_.empty();
        return;
      }
      ++i_;
    }
    fail(opened, std::string("the quoted text opened here (") + quote + ") is never closed");
  }

  std::string_view text_;
  const std::string& source_;
  std::size_t i_ = 0;
  long line_ = 1;
  long line_indent_ = 0;
  long block_scalar_indent_ = -1;  // >= 0 while inside a block scalar's lines
  bool token_start_ = true;
  bool blank_before_ = false;
  bool after_top_flow_ = false;
  std::vector<char> flow_;
  std::vector<long> flow_line_;
};

}  // namespace

void scan_yaml_text(std::string_view text, const std::string& source) {
  Scanner(text, source).run();
}

}  // namespace spad
