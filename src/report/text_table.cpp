// Column layout of TextTable.
#include "report/text_table.hpp"

#include <algorithm>

#include "base/error.hpp"
#include "base/name_text.hpp"

namespace spad {

void left_align_column(std::vector<std::vector<std::string>>& rows, std::size_t column) {
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row[column].size());
  for (auto& row : rows) row[column].resize(width, ' ');
}
namespace {

// Display width: counts UTF-8 code points, not bytes.
std::size_t width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void trim_right(std::string& line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
}

}  // namespace

TextTable::TextTable(std::vector<std::string> header) : header_(std::move(header)) {
  SPAD_CHECK(!header_.empty(), "TextTable: empty header");
}

void TextTable::add_row(std::vector<std::string> cells) {
  SPAD_CHECK(cells.size() == header_.size(), "TextTable: row width differs from the header");
  for (std::string& cell : cells) cell = printable(cell);  // names reach a terminal
  rows_.push_back(std::move(cells));
}

void TextTable::add_rule() { rows_.emplace_back(); }

std::string TextTable::render() const {
  std::vector<std::size_t> widths(header_.size());
  for (std::size_t i = 0; i < header_.size(); ++i) widths[i] = width(header_[i]);
  for (const auto& row : rows_)
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));

  std::size_t total = 0;
  for (std::size_t w : widths) total += w;
  total += 2 * (widths.size() - 1);
  const std::string rule = std::string(total, '-') + '\n';

  const auto render_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i != 0) line += "  ";
      const std::string pad(widths[i] - width(cells[i]), ' ');
      line += i == 0 ? cells[i] + pad : pad + cells[i];
    }
    trim_right(line);
    return line + '\n';
  };

  std::string out = render_row(header_) + rule;
  for (const auto& row : rows_) out += row.empty() ? rule : render_row(row);
  return out;
}

}  // namespace spad
