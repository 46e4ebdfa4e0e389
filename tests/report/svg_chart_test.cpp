// The report's SVG charts and HTML page: escaping of every name, one element
// per series and bar, log axes that skip non-positive values, and the page's
// parts (report/svg_chart, report/html_report).
#include "report/svg_chart.hpp"

#include <gtest/gtest.h>

#include "io/zoo/network_file.hpp"
#include "report/html_report.hpp"

namespace spad {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(SvgChart, EscapesText) {
  EXPECT_EQ(xml_escape("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
  EXPECT_EQ(short_number(1536, true), "1.5K");
  EXPECT_EQ(short_number(2.5e9, false), "2.5G");
  EXPECT_EQ(short_number(999, false), "999");
}

TEST(SvgChart, LineChartHasOnePathPerSeriesAndSkipsNonPositiveOnLogAxes) {
  LineChart c;
  c.title = "t<&>";
  c.series = {{"a<b", {{1, 10}, {2, 5}, {4, 0}}, false, false, {}},
              {"c&d", {{1, 3}, {4, 3}}, true, false, {}}};
  c.marker_x = 2;
  c.marker_label = "2 B";
  const std::string svg = render_svg(c);
  EXPECT_EQ(count(svg, "<path class=\"series"), 2u);
  EXPECT_EQ(count(svg, "<circle"), 4u);  // (4, 0) has no place on a log axis
  EXPECT_NE(svg.find("data-series=\"a&lt;b\""), std::string::npos);
  EXPECT_NE(svg.find("t&lt;&amp;&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("a<b"), std::string::npos);
  EXPECT_EQ(count(svg, "class=\"marker\""), 1u);
}

TEST(SvgChart, ScatterSeriesHasPointsAndNoPath) {
  LineChart c;
  c.series = {{"roof", {{1, 1}, {4, 4}, {8, 4}}, true, false, {}},
              {"layers", {{2, 1}, {6, 3}}, false, true, {"a<", "b"}}};
  const std::string svg = render_svg(c);
  EXPECT_EQ(count(svg, "<path class=\"series"), 1u);
  EXPECT_EQ(count(svg, "data-series=\"layers\""), 2u);
  EXPECT_NE(svg.find("<title>a&lt;</title>"), std::string::npos);
}

TEST(SvgChart, BarChartHasOneRectPerValue) {
  BarChart c;
  c.categories = {"x\"1", "x2", "x3"};
  c.series = {{"s1", {1.0, 2.0, std::nullopt}}, {"s2", {4.0, std::nullopt, 8.0}}};
  const std::string grouped = render_svg(c);
  EXPECT_EQ(count(grouped, "<rect class=\"bar"), 4u);
  EXPECT_NE(grouped.find("x&quot;1"), std::string::npos);
  c.stacked = true;
  EXPECT_EQ(count(render_svg(c), "<rect class=\"bar"), 4u);
  c.stacked = false;
  c.log_y = true;
  c.series[0].values[0] = 0.0;  // no bar for 0 on a log axis
  EXPECT_EQ(count(render_svg(c), "<rect class=\"bar"), 3u);
}

TEST(HtmlReport, EveryPartAndEveryNameEscaped) {
  const Network net = parse_network_json(nlohmann::json::parse(R"({"model": "m<&\"", "layers": [
    {"name": "<script>alert(1)</script>", "C": 4, "M": 4, "H": 6, "W": 6, "R": 3, "S": 3},
    {"name": "b&c", "C": 4, "M": 8, "H": 4, "W": 4, "R": 1, "S": 1}]})"),
                                         "t.json");
  NetworkReportOptions options;
  options.machine.capacity_bytes = 256;
  options.capacities = {64, 128, 512};
  const std::string html = format_html_report(network_report(net, options));
  EXPECT_EQ(count(html, "<script>"), 1u);  // the page's own sorting script only
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("b&c"), std::string::npos);
  EXPECT_NE(html.find("m&lt;&amp;&quot;"), std::string::npos);
  EXPECT_EQ(count(html, "<path class=\"series"), 3u);      // optimum, compulsory, lower bound
  EXPECT_EQ(count(html, "<tr data-index="), 2u);           // one table row per layer
  EXPECT_EQ(count(html, "<details class=\"nest\">"), 2u);  // one loop nest per layer
  EXPECT_EQ(count(html, "<svg"), 3u);
}

}  // namespace
}  // namespace spad
