// A plain-text table for the human reports: a header row and data rows, the
// first column left-aligned (labels), the others right-aligned (numbers),
// columns separated by two spaces, a dashed rule under the header.
//
// Fitted to a width (render(width), e.g. the terminal's), a table wider than
// that is folded instead: each row becomes a line of its text columns (the
// first and those named by set_text_columns, e.g. shape and schedule; wrapped
// at spaces if still too long) followed by its number columns, indented and
// packed into as few lines as fit, under a header folded the same way.
// Nothing is cut off; only the layout changes.
#pragma once

#include <string>
#include <vector>

namespace spad {

// Pads every row's cell in `column` to one width, so the column reads
// left-aligned in a TextTable (which right-aligns every column after the first).
void left_align_column(std::vector<std::vector<std::string>>& rows, std::size_t column);

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header);

  // A row with as many cells as the header (InternalError otherwise).
  void add_row(std::vector<std::string> cells);
  // A dashed rule before the next row (e.g. above a totals row).
  void add_rule();
  // Columns holding text (left-aligned), kept with the first column when the
  // table is folded.
  void set_text_columns(std::vector<std::size_t> columns);

  // Every line ends with '\n'; trailing spaces are trimmed. `width` 0: the
  // table's natural width; otherwise folded (see above) when wider.
  std::string render(std::size_t width = 0) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;  // an empty row is a rule
  std::vector<std::size_t> text_columns_;

  std::string render_folded(std::size_t width) const;
};

// Display width of a line: UTF-8 code points.
std::size_t display_width(const std::string& text);

// Every line of `text` wider than `width` (0: none) broken at spaces; the
// continuation lines are indented to where the line's text starts after a
// label ("latency     ..." continues under the text), else by 2.
std::string wrap_lines(const std::string& text, std::size_t width);

}  // namespace spad
