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

std::size_t width(const std::string& text) { return display_width(text); }

std::string trimmed(const std::string& text) {
  const auto begin = text.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(' ') - begin + 1);
}

// `line` broken at spaces into pieces of at most `limit` columns, or after a
// comma where a word is longer than that (compact JSON); continuation pieces
// start with `indent`.
std::vector<std::string> wrap_one(const std::string& line, std::size_t limit, std::size_t indent) {
  std::vector<std::string> out;
  std::string rest = line;
  std::string prefix;
  while (width(prefix + rest) > limit) {
    const std::string whole = prefix + rest;
    // The last space at or before the limit, past the prefix and any label.
    std::size_t cut = std::string::npos, comma = std::string::npos, column = 0;
    for (std::size_t i = 0; i < whole.size(); ++i) {
      if ((whole[i] & 0xC0) != 0x80) ++column;
      if (column > limit + 1) break;
      if (whole[i] == ' ' && i > prefix.size() && whole[i - 1] != ' ') cut = i;
      if (whole[i] == ',' && column <= limit && i > prefix.size()) comma = i + 1;
    }
    if (cut == std::string::npos || (comma != std::string::npos && comma > cut + limit / 2))
      cut = comma;
    if (cut == std::string::npos) break;
    std::string head = whole.substr(0, cut);
    while (!head.empty() && head.back() == ' ') head.pop_back();
    out.push_back(head);
    rest = whole.substr(cut);
    rest.erase(0, rest.find_first_not_of(' '));
    prefix = std::string(indent, ' ');
    if (indent + 1 >= limit) prefix.clear();
  }
  out.push_back(prefix + rest);
  return out;
}

void trim_right(std::string& line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
}

}  // namespace

std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string wrap_lines(const std::string& text, std::size_t max_width) {
  if (max_width == 0) return text;
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    const bool newline = end != std::string::npos;
    if (!newline) end = text.size();
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (width(line) <= max_width) {
      out += line + (newline ? "\n" : "");
      continue;
    }
    // A label ("latency     ") or an indented continuation: text starts at
    // the first non-space after a run of two spaces within 16 columns.
    std::size_t indent = 2;
    const std::size_t lead = line.find_first_not_of(' ');
    if (lead != 0 && lead != std::string::npos && lead <= 16) {
      indent = lead;
    } else if (const std::size_t gap = line.find("  "); gap != std::string::npos && gap < 16) {
      const std::size_t text_at = line.find_first_not_of(' ', gap);
      if (text_at != std::string::npos && text_at <= 16) indent = text_at;
    }
    for (const std::string& piece : wrap_one(line, max_width, indent)) out += piece + '\n';
    if (!newline) out.pop_back();
  }
  return out;
}

TextTable::TextTable(std::vector<std::string> header) : header_(std::move(header)) {
  SPAD_CHECK(!header_.empty(), "TextTable: empty header");
}

void TextTable::add_row(std::vector<std::string> cells) {
  SPAD_CHECK(cells.size() == header_.size(), "TextTable: row width differs from the header");
  for (std::string& cell : cells) cell = printable(cell);  // names reach a terminal
  rows_.push_back(std::move(cells));
}

void TextTable::add_rule() { rows_.emplace_back(); }

void TextTable::set_text_columns(std::vector<std::size_t> columns) {
  for (std::size_t c : columns) SPAD_CHECK(c < header_.size(), "TextTable: no such column");
  text_columns_ = std::move(columns);
}

std::string TextTable::render(std::size_t max_width) const {
  std::vector<std::size_t> widths(header_.size());
  for (std::size_t i = 0; i < header_.size(); ++i) widths[i] = width(header_[i]);
  for (const auto& row : rows_)
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));

  std::size_t total = 0;
  for (std::size_t w : widths) total += w;
  total += 2 * (widths.size() - 1);
  if (max_width != 0 && total > max_width) return render_folded(max_width);
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

std::string TextTable::render_folded(std::size_t max_width) const {
  constexpr std::size_t kIndent = 4;
  std::vector<bool> is_text(header_.size(), false);
  is_text[0] = true;
  for (std::size_t c : text_columns_) is_text[c] = true;
  std::vector<std::size_t> numbers;
  for (std::size_t c = 0; c < header_.size(); ++c)
    if (!is_text[c]) numbers.push_back(c);

  std::vector<std::size_t> widths(header_.size());
  for (std::size_t c = 0; c < header_.size(); ++c) widths[c] = width(header_[c]);
  for (const auto& row : rows_)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], width(row[c]));

  // Number columns packed greedily into lines of at most max_width.
  std::vector<std::vector<std::size_t>> groups;
  std::size_t used = 0;
  for (std::size_t c : numbers) {
    const std::size_t need = (groups.empty() || groups.back().empty() ? kIndent : 2) + widths[c];
    if (groups.empty() || (used + need > max_width && !groups.back().empty())) {
      groups.emplace_back();
      used = kIndent;
    }
    used += (groups.back().empty() ? 0 : 2) + widths[c];
    groups.back().push_back(c);
  }
  std::size_t rule_width = 0;
  for (const auto& g : groups) {
    std::size_t w = kIndent;
    for (std::size_t k = 0; k < g.size(); ++k) w += (k ? 2 : 0) + widths[g[k]];
    rule_width = std::max(rule_width, w);
  }

  const auto render_row = [&](const std::vector<std::string>& cells) {
    std::string text_line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (!is_text[c]) continue;
      const std::string cell = trimmed(cells[c]);
      if (cell.empty()) continue;
      if (!text_line.empty()) text_line += "  ";
      text_line += cell;
    }
    std::string out;
    for (const std::string& piece : wrap_one(text_line, max_width, 2)) out += piece + '\n';
    for (const auto& g : groups) {
      std::string line(kIndent, ' ');
      for (std::size_t k = 0; k < g.size(); ++k) {
        if (k) line += "  ";
        line += std::string(widths[g[k]] - width(cells[g[k]]), ' ') + cells[g[k]];
      }
      trim_right(line);
      if (!trimmed(line).empty()) out += line + '\n';
    }
    return out;
  };

  const std::string rule =
      std::string(std::min(max_width, std::max(rule_width, kIndent)), '-') + '\n';
  std::string out = render_row(header_) + rule;
  for (const auto& row : rows_) out += row.empty() ? rule : render_row(row);
  return out;
}

}  // namespace spad
