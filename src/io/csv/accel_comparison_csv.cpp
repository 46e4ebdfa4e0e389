// The accelerator comparison CSV (columns in accel_comparison_csv.hpp).
#include "io/csv/accel_comparison_csv.hpp"

#include "base/error.hpp"
#include "io/csv/accel_result_csv.hpp"
#include "io/csv/csv_cell.hpp"

namespace spad {
namespace {

// The lines of a CSV text (cells never hold a line break: csv_cell escapes it).
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    SPAD_CHECK(end != std::string::npos, "accel CSV without a final newline");
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::string accel_comparison_to_csv(const AccelComparison& comparison) {
  std::string out;
  std::string header;
  for (const AccelResult& r : comparison.machines) {
    const std::vector<std::string> lines = lines_of(accel_result_to_csv(r));
    SPAD_CHECK(!lines.empty(), "accel CSV without a header");
    if (header.empty()) {
      header = lines.front();
      out += "machine," + header + '\n';
    }
    SPAD_CHECK(lines.front() == header, "accel comparison: machines with different CSV columns");
    const std::string machine = csv_cell(r.accel.name);
    for (std::size_t i = 1; i < lines.size(); ++i) out += machine + ',' + lines[i] + '\n';
  }
  return out;
}

}  // namespace spad
