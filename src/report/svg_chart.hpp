// Small, dependency-free SVG charts for the HTML report (report/html_report):
// a line chart (log or linear axes) and a grouped or stacked bar chart. Every
// text is XML-escaped. Elements carry classes a test (or a stylesheet) can
// find: each line series is one <path class="series" data-series="NAME">,
// each bar one <rect class="bar" data-series="NAME">, each with a <title>
// tooltip; colours come from CSS classes s0, s1, ... (the page defines them).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spad {

// & < > " ' escaped for element text and attribute values.
std::string xml_escape(std::string_view text);

// 1536 -> "1.5K", 2.5e9 -> "2.5G" (powers of 1000 when `binary` is false,
// of 1024 when true), at most 3 significant digits.
std::string short_number(double value, bool binary);

struct LinePoint {
  double x = 0, y = 0;
};

struct LineSeries {
  std::string name;
  std::vector<LinePoint> points;  // x ascending (any order when points_only)
  bool dashed = false;
  bool points_only = false;  // a scatter: circles, no <path>
  // Tooltips of the points (one per point, or empty: "name: x -> y").
  std::vector<std::string> labels;
};

struct LineChart {
  std::string title, x_label, y_label;
  bool log_x = true, log_y = true;  // log axes need values > 0 (others are skipped)
  bool x_binary = true;             // tick labels in powers of 1024 (bytes)
  std::vector<LineSeries> series;
  std::optional<double> marker_x;  // a vertical line (e.g. the chosen capacity)
  std::string marker_label;
};

struct BarSeries {
  std::string name;
  std::vector<std::optional<double>> values;  // one per category; nullopt: no bar
};

struct BarChart {
  std::string title, y_label;
  std::vector<std::string> categories;  // x axis, in order
  std::vector<BarSeries> series;
  bool stacked = false;  // stacked (linear axis) or grouped side by side
  bool log_y = false;
};

std::string render_svg(const LineChart& chart);
std::string render_svg(const BarChart& chart);

}  // namespace spad
