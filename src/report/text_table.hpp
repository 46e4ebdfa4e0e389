// A plain-text table for the human reports: a header row and data rows, the
// first column left-aligned (labels), the others right-aligned (numbers),
// columns separated by two spaces, a dashed rule under the header.
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

  // Every line ends with '\n'; trailing spaces are trimmed.
  std::string render() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;  // an empty row is a rule
};

}  // namespace spad
