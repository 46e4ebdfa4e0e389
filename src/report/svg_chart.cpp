// SVG line and bar charts (see svg_chart.hpp).
#include "report/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace spad {
namespace {

// Plot area inside the SVG, in user units.
constexpr double kLeft = 70, kRight = 20, kTop = 30, kBottom = 60;
constexpr std::size_t kMaxCategoryChars = 32;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A mapping from data values to pixels along one axis.
struct Axis {
  double lo = 0, hi = 1;  // data range (log10 of it for a log axis)
  double from = 0, to = 1;
  bool log = false;
  double operator()(double v) const {
    const double d = log ? std::log10(v) : v;
    return from + (d - lo) / (hi - lo) * (to - from);
  }
};

Axis make_axis(double min, double max, bool log, double from, double to) {
  Axis a;
  a.log = log;
  a.from = from;
  a.to = to;
  if (log) {
    a.lo = std::floor(std::log10(min));
    a.hi = std::ceil(std::log10(max));
  } else {
    a.lo = std::min(0.0, min);
    a.hi = max;
  }
  if (a.hi <= a.lo) a.hi = a.lo + 1;
  return a;
}

// Tick values: powers of two (binary) or ten on a log axis; about five
// round steps on a linear one.
std::vector<double> ticks(const Axis& a, bool binary) {
  std::vector<double> out;
  if (a.log) {
    const double lo = std::pow(10, a.lo), hi = std::pow(10, a.hi);
    if (binary) {
      const double step = std::max(1.0, std::round((std::log2(hi) - std::log2(lo)) / 8));
      for (double e = std::ceil(std::log2(lo)); e <= std::log2(hi); e += step)
        out.push_back(std::pow(2, e));
    } else {
      for (double e = std::ceil(a.lo - 1e-9); e <= a.hi + 1e-9; e += 1)
        out.push_back(std::pow(10, e));
    }
    return out;
  }
  const double span = a.hi - a.lo;
  const double raw = span / 5, mag = std::pow(10, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * mag) {
      step = m * mag;
      break;
    }
  for (double v = std::ceil(a.lo / step) * step; v <= a.hi + step * 1e-9; v += step)
    out.push_back(v);
  return out;
}

std::string svg_open(double width, double height, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + num(width) +
         " " + num(height) + "\" width=\"" + num(width) + "\" height=\"" + num(height) +
         "\" role=\"img\" aria-label=\"" + xml_escape(title) + "\">\n<text class=\"title\" x=\"" +
         num(width / 2) + "\" y=\"18\" text-anchor=\"middle\">" + xml_escape(title) + "</text>\n";
}

std::string text(double x, double y, const std::string& s, const char* anchor,
                 const char* cls = "tick", const std::string& extra = "") {
  return "<text class=\"" + std::string(cls) + "\" x=\"" + num(x) + "\" y=\"" + num(y) +
         "\" text-anchor=\"" + anchor + "\"" + extra + ">" + xml_escape(s) + "</text>\n";
}

std::string line(double x1, double y1, double x2, double y2, const char* cls) {
  return "<line class=\"" + std::string(cls) + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) +
         "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\"/>\n";
}

// Axes, grid and labels; y ticks in powers of 1000 (counts, bytes).
std::string frame(const Axis& x, const Axis& y, bool x_binary, const std::vector<double>& xt,
                  double width, double height, const std::string& x_label,
                  const std::string& y_label, bool x_ticks_are_values) {
  std::string out;
  for (double v : ticks(y, false)) {
    out += line(kLeft, y(v), width - kRight, y(v), "grid");
    out += text(kLeft - 6, y(v) + 4, short_number(v, false), "end");
  }
  if (x_ticks_are_values)
    for (double v : xt) {
      out += line(x(v), kTop, x(v), height - kBottom, "grid");
      out += text(x(v), height - kBottom + 16, short_number(v, x_binary), "middle");
    }
  out += line(kLeft, height - kBottom, width - kRight, height - kBottom, "axis");
  out += line(kLeft, kTop, kLeft, height - kBottom, "axis");
  out += text((kLeft + width - kRight) / 2, height - 8, x_label, "middle", "label");
  out += text(14, (kTop + height - kBottom) / 2, y_label, "middle", "label",
              " transform=\"rotate(-90 14 " + num((kTop + height - kBottom) / 2) + ")\"");
  return out;
}

std::string legend(const std::vector<std::string>& names, double x, double y) {
  std::string out = "<g class=\"legend\">\n";
  for (std::size_t i = 0; i < names.size(); ++i) {
    const double ly = y + 16.0 * static_cast<double>(i);
    out += "<rect class=\"key s" + std::to_string(i) + "\" x=\"" + num(x) + "\" y=\"" +
           num(ly - 9) + "\" width=\"12\" height=\"10\"/>\n";
    out += text(x + 16, ly, names[i], "start", "legend-text");
  }
  return out + "</g>\n";
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string short_number(double value, bool binary) {
  const double base = binary ? 1024 : 1000;
  static constexpr const char* kUnits[] = {"", "K", "M", "G", "T", "P", "E"};
  std::size_t u = 0;
  double v = value;
  while (std::fabs(v) >= base && u + 1 < std::size(kUnits)) {
    v /= base;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g%s", v, kUnits[u]);
  return buf;
}

std::string render_svg(const LineChart& chart) {
  const double width = 720, height = 400;
  const auto usable = [&](const LinePoint& p) {
    return (!chart.log_x || p.x > 0) && (!chart.log_y || p.y > 0) && std::isfinite(p.x) &&
           std::isfinite(p.y);
  };
  double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
  for (const LineSeries& s : chart.series)
    for (const LinePoint& p : s.points)
      if (usable(p)) {
        xmin = std::min(xmin, p.x);
        xmax = std::max(xmax, p.x);
        ymin = std::min(ymin, p.y);
        ymax = std::max(ymax, p.y);
      }
  if (!(xmin <= xmax)) xmin = 1, xmax = 2, ymin = 1, ymax = 2;
  const double legend_w = 170;
  const Axis x = make_axis(xmin, xmax, chart.log_x, kLeft, width - kRight - legend_w);
  Axis xs = x;
  if (chart.log_x) {  // tight x range: the sweep's own ends
    xs.lo = std::log10(xmin);
    xs.hi = std::log10(xmax);
    if (xs.hi <= xs.lo) xs.hi = xs.lo + 1;
  }
  const Axis y = make_axis(ymin, ymax, chart.log_y, height - kBottom, kTop);
  std::string out = svg_open(width, height, chart.title);
  std::vector<double> xt;
  for (double v : ticks(xs, chart.x_binary))
    if (v >= xmin * 0.999 && v <= xmax * 1.001) xt.push_back(v);
  out += frame(xs, y, chart.x_binary, xt, width - legend_w, height, chart.x_label, chart.y_label,
               true);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const LineSeries& s = chart.series[i];
    names.push_back(s.name);
    std::string d;
    for (const LinePoint& p : s.points)
      if (usable(p)) d += (d.empty() ? "M" : " L") + num(xs(p.x)) + " " + num(y(p.y));
    if (!s.points_only)
      out += "<path class=\"series s" + std::to_string(i) + (s.dashed ? " dashed" : "") +
             "\" data-series=\"" + xml_escape(s.name) + "\" d=\"" + d + "\"><title>" +
             xml_escape(s.name) + "</title></path>\n";
    for (std::size_t k = 0; k < s.points.size(); ++k) {
      const LinePoint& p = s.points[k];
      if (!usable(p)) continue;
      const std::string tip = k < s.labels.size()
                                  ? s.labels[k]
                                  : s.name + ": " + short_number(p.x, chart.x_binary) + " -> " +
                                        short_number(p.y, false);
      out += "<circle class=\"point s" + std::to_string(i) + "\" data-series=\"" +
             xml_escape(s.name) + "\" cx=\"" + num(xs(p.x)) + "\" cy=\"" + num(y(p.y)) + "\" r=\"" +
             (s.points_only ? "4" : "2.5") + "\"><title>" + xml_escape(tip) + "</title></circle>\n";
    }
  }
  if (chart.marker_x && (!chart.log_x || *chart.marker_x > 0)) {
    const double mx = xs(*chart.marker_x);
    out += line(mx, kTop, mx, height - kBottom, "marker");
    // Right of the line, or left of it near the right edge.
    const bool left = mx > kLeft + 0.8 * (width - legend_w - kRight - kLeft);
    out += text(left ? mx - 4 : mx + 4, kTop + 12, chart.marker_label, left ? "end" : "start",
                "marker-text");
  }
  out += legend(names, width - legend_w + 10, kTop + 10);
  return out + "</svg>\n";
}

std::string render_svg(const BarChart& chart) {
  const std::size_t n = chart.categories.size();
  const std::size_t k = std::max<std::size_t>(1, chart.series.size());
  const double group_w = chart.stacked ? 14 : std::max(10.0, 5.0 * static_cast<double>(k) + 4);
  const double legend_w = 170;
  const double plot_w = std::max(400.0, group_w * static_cast<double>(n));
  // Category names are cut to kMaxCategoryChars (the full name is in the
  // bar's tooltip); the bottom margin makes room for them, rotated.
  std::size_t longest = 1;
  for (const std::string& c : chart.categories) longest = std::max(longest, c.size());
  longest = std::min(longest, kMaxCategoryChars);
  const double bottom = 24 + 5.6 * static_cast<double>(longest);
  const double width = kLeft + plot_w + kRight + legend_w, height = 310 + bottom;
  double ymax = 0, ymin = INFINITY;
  for (std::size_t c = 0; c < n; ++c) {
    double stack = 0;
    for (const BarSeries& s : chart.series)
      if (c < s.values.size() && s.values[c] && *s.values[c] > 0) {
        stack += *s.values[c];
        ymax = std::max(ymax, chart.stacked ? stack : *s.values[c]);
        ymin = std::min(ymin, *s.values[c]);
      }
  }
  if (ymax <= 0) ymax = 1, ymin = 1;
  const Axis y = make_axis(chart.log_y ? ymin : 0, ymax, chart.log_y, height - bottom, kTop);
  const double base_y = height - bottom;
  std::string out = svg_open(width, height, chart.title);
  std::string grid;
  for (double v : ticks(y, false)) {
    grid += line(kLeft, y(v), kLeft + plot_w, y(v), "grid");
    grid += text(kLeft - 6, y(v) + 4, short_number(v, false), "end");
  }
  out += grid;
  out += line(kLeft, base_y, kLeft + plot_w, base_y, "axis");
  out += line(kLeft, kTop, kLeft, base_y, "axis");
  out += text(14, (kTop + base_y) / 2, chart.y_label, "middle", "label",
              " transform=\"rotate(-90 14 " + num((kTop + base_y) / 2) + ")\"");
  const double slot = plot_w / static_cast<double>(std::max<std::size_t>(1, n));
  const double bar_w = chart.stacked ? slot * 0.7 : slot * 0.8 / static_cast<double>(k);
  for (std::size_t c = 0; c < n; ++c) {
    const double x0 = kLeft + slot * static_cast<double>(c) + slot * 0.1;
    double stack = 0;
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
      const BarSeries& s = chart.series[i];
      if (c >= s.values.size() || !s.values[c]) continue;
      const double v = *s.values[c];
      if (chart.log_y && v <= 0) continue;
      double top = 0, bottom_px = base_y, x = x0;
      if (chart.stacked) {
        bottom_px = y(stack);
        stack += v;
        top = y(stack);
        x = kLeft + slot * static_cast<double>(c) + slot * 0.15;
      } else {
        top = y(v);
        x = x0 + bar_w * static_cast<double>(i);
      }
      out += "<rect class=\"bar s" + std::to_string(i) + "\" data-series=\"" + xml_escape(s.name) +
             "\" x=\"" + num(x) + "\" y=\"" + num(top) + "\" width=\"" + num(bar_w) +
             "\" height=\"" + num(std::max(0.0, bottom_px - top)) + "\"><title>" +
             xml_escape(chart.categories[c] + " " + s.name + ": " + short_number(v, false)) +
             "</title></rect>\n";
    }
    const double cx = kLeft + slot * (static_cast<double>(c) + 0.5);
    const std::string& name = chart.categories[c];
    const std::string shown =
        name.size() <= kMaxCategoryChars ? name : name.substr(0, kMaxCategoryChars - 3) + "...";
    out += text(cx, base_y + 10, shown, "end", "category",
                " transform=\"rotate(-60 " + num(cx) + " " + num(base_y + 10) + ")\"");
  }
  std::vector<std::string> names;
  for (const BarSeries& s : chart.series) names.push_back(s.name);
  out += legend(names, kLeft + plot_w + kRight + 10, kTop + 10);
  return out + "</svg>\n";
}

}  // namespace spad
