// The HTML report page (see html_report.hpp).
#include "report/html_report.hpp"

#include <cmath>
#include <cstdio>

#include "io/text/byte_size.hpp"
#include "report/loop_nest.hpp"
#include "report/network_layer_shape.hpp"
#include "report/number_text.hpp"
#include "report/svg_chart.hpp"

namespace spad {
namespace {

constexpr const char* kStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#222;max-width:1400px}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em}
dl.summary{display:grid;grid-template-columns:max-content auto;gap:2px 16px}
dl.summary dt{color:#555}dl.summary dd{margin:0;font-variant-numeric:tabular-nums}
.chart-wrap{overflow-x:auto}
svg.chart{font-size:11px;background:#fff}
svg .title{font-size:13px;font-weight:600}
svg .grid{stroke:#e4e4e4}svg .axis{stroke:#444}
svg .series{fill:none;stroke-width:2}svg .dashed{stroke-dasharray:5 4}
svg .marker{stroke:#999;stroke-dasharray:2 3}svg .marker-text{fill:#666}
svg .label{fill:#333}svg .tick,svg .category{fill:#555}
.s0{stroke:#1f77b4;fill:#1f77b4}.s1{stroke:#d62728;fill:#d62728}.s2{stroke:#2ca02c;fill:#2ca02c}
.s3{stroke:#ff7f0e;fill:#ff7f0e}.s4{stroke:#9467bd;fill:#9467bd}.s5{stroke:#8c564b;fill:#8c564b}
.s6{stroke:#7f7f7f;fill:#7f7f7f}.s7{stroke:#17becf;fill:#17becf}
svg path.series{fill:none}
table.layers{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:13px}
table.layers th,table.layers td{border-bottom:1px solid #ddd;padding:3px 8px;text-align:right}
table.layers th{cursor:pointer;background:#f4f4f4;position:sticky;top:0;user-select:none}
table.layers th.sorted-asc::after{content:" \25B2"}table.layers th.sorted-desc::after{content:" \25BC"}
table.layers td.text,table.layers th.text{text-align:left}
details{margin:4px 0}details pre{background:#f7f7f7;padding:8px;overflow-x:auto;font-size:12px}
.note{color:#666;font-size:0.9em}
)";

// Sorting: a click on a header sorts the body by that column (numbers by
// their data-v value, text otherwise); a second click reverses.
constexpr const char* kScript = R"(
(function(){
  var table=document.getElementById('layer-table');
  var heads=table.tHead.rows[0].cells;
  function key(row,i){var c=row.cells[i];var v=c.getAttribute('data-v');
    return v===null?c.textContent:parseFloat(v);}
  for(var i=0;i<heads.length;i++){(function(i){
    heads[i].addEventListener('click',function(){
      var asc=!heads[i].classList.contains('sorted-asc');
      for(var j=0;j<heads.length;j++)heads[j].classList.remove('sorted-asc','sorted-desc');
      heads[i].classList.add(asc?'sorted-asc':'sorted-desc');
      var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){var x=key(a,i),y=key(b,i);
        var r=(typeof x==='number'&&typeof y==='number')?x-y:String(x).localeCompare(String(y));
        if(r===0)r=parseFloat(a.getAttribute('data-index'))-parseFloat(b.getAttribute('data-index'));
        return asc?r:-r;});
      rows.forEach(function(r){body.appendChild(r);});
    });})(i);}
})();
)";

std::string esc(const std::string& s) { return xml_escape(s); }

std::string traffic_chart(const NetworkReport& r) {
  LineChart chart;
  chart.title = "Network traffic vs scratchpad capacity";
  chart.x_label = "scratchpad capacity (bytes, log)";
  chart.y_label = "off-chip traffic (bytes, log)";
  LineSeries opt{"optimum", {}, false, false, {}}, comp{"compulsory", {}, true, false, {}},
      bound{"lower bound", {}, true, false, {}};
  for (const SweepRow& row : r.curve.rows) {
    const double x = static_cast<double>(row.capacity_bytes);
    if (row.traffic_bytes) opt.points.push_back({x, static_cast<double>(*row.traffic_bytes)});
    comp.points.push_back({x, static_cast<double>(row.compulsory_bytes)});
    bound.points.push_back({x, static_cast<double>(row.lower_bound_bytes)});
  }
  chart.series = {opt, comp, bound};
  chart.marker_x = static_cast<double>(*r.machine.capacity_bytes);
  chart.marker_label = format_bytes(*r.machine.capacity_bytes);
  return render_svg(chart);
}

constexpr std::array<Baseline, 5> kShownBaselines = {
    Baseline::weight_stationary, Baseline::output_stationary, Baseline::input_stationary,
    Baseline::working_set, Baseline::hwce_v4};

std::string layer_bars(const NetworkReport& r) {
  const SweepRow& row = r.at.rows.at(0);
  const Network& net = r.at.networks.at(0);
  BarChart chart;
  chart.title = "Traffic per layer at " + format_bytes(*r.machine.capacity_bytes) +
                ": optimum, baselines, lower bound";
  chart.y_label = "off-chip traffic (bytes, log)";
  chart.log_y = true;
  BarSeries opt{"optimum", {}}, bound{"lower bound", {}};
  std::vector<BarSeries> base;
  for (Baseline b : kShownBaselines) base.push_back({std::string(baseline_name(b)), {}});
  for (std::size_t l = 0; l < net.layers.size(); ++l) {
    const SweepLayerPoint& p = row.layer_points[l];
    chart.categories.push_back(net.layers[l].spec.name);
    opt.values.push_back(
        p.best ? std::optional<double>(static_cast<double>(p.best->traffic.traffic_bytes))
               : std::nullopt);
    for (std::size_t k = 0; k < kShownBaselines.size(); ++k) {
      const auto& c = p.baselines[static_cast<std::size_t>(kShownBaselines[k])];
      base[k].values.push_back(
          c ? std::optional<double>(static_cast<double>(c->traffic.traffic_bytes)) : std::nullopt);
    }
    bound.values.push_back(static_cast<double>(p.lower_bound_bytes));
  }
  chart.series.push_back(opt);
  for (BarSeries& s : base) chart.series.push_back(std::move(s));
  chart.series.push_back(bound);
  return render_svg(chart);
}

std::string buffer_bars(const NetworkReport& r) {
  const SweepRow& row = r.at.rows.at(0);
  const Network& net = r.at.networks.at(0);
  BarChart chart;
  chart.title = "Scratchpad split per layer (optimum): I / W / O buffers";
  chart.y_label = "buffer bytes";
  chart.stacked = true;
  BarSeries in{"I (inputs)", {}}, w{"W (weights)", {}}, o{"O (partial sums)", {}};
  for (std::size_t l = 0; l < net.layers.size(); ++l) {
    const SweepLayerPoint& p = row.layer_points[l];
    chart.categories.push_back(net.layers[l].spec.name);
    const auto bytes = [&](Tensor t) -> std::optional<double> {
      if (!p.best) return std::nullopt;
      return static_cast<double>(p.best->traffic.arrays[t].buffer_bytes);
    };
    in.values.push_back(bytes(Tensor::I));
    w.values.push_back(bytes(Tensor::W));
    o.values.push_back(bytes(Tensor::O));
  }
  chart.series = {in, w, o};
  return render_svg(chart);
}

// On an accelerator: per layer, the latency split into compute and the
// transfer time compute does not hide, and the energy split.
std::string latency_bars(const SweepResult& on) {
  const SweepRow& row = on.rows.at(0);
  const Network& net = on.networks.at(0);
  BarChart chart;
  chart.title = "Latency per layer: compute, and transfers compute does not hide";
  chart.y_label = "cycles";
  chart.stacked = true;
  BarSeries compute{"compute", {}}, exposed{"transfer beyond compute", {}};
  for (std::size_t l = 0; l < net.layers.size(); ++l) {
    const SweepLayerPoint& p = row.layer_points[l];
    chart.categories.push_back(net.layers[l].spec.name);
    if (!p.cost) {
      compute.values.push_back(std::nullopt);
      exposed.values.push_back(std::nullopt);
      continue;
    }
    const Count c = std::min(p.cost->activity.compute_cycles, p.cost->latency_cycles);
    compute.values.push_back(static_cast<double>(c));
    exposed.values.push_back(static_cast<double>(p.cost->latency_cycles - c));
  }
  chart.series = {compute, exposed};
  return render_svg(chart);
}

std::string energy_bars(const SweepResult& on) {
  const SweepRow& row = on.rows.at(0);
  const Network& net = on.networks.at(0);
  BarChart chart;
  chart.title = "Energy per layer: off-chip, scratchpad, MACs";
  chart.y_label = "energy (pJ)";
  chart.stacked = true;
  BarSeries off{"off-chip", {}}, pad{"scratchpad", {}}, mac{"MACs", {}};
  for (std::size_t l = 0; l < net.layers.size(); ++l) {
    const SweepLayerPoint& p = row.layer_points[l];
    chart.categories.push_back(net.layers[l].spec.name);
    const auto pj = [&](Count EnergyFj::*field) -> std::optional<double> {
      if (!p.cost) return std::nullopt;
      return static_cast<double>(p.cost->energy.*field) / 1000.0;
    };
    off.values.push_back(pj(&EnergyFj::offchip));
    pad.values.push_back(pj(&EnergyFj::scratchpad));
    mac.values.push_back(pj(&EnergyFj::mac));
  }
  chart.series = {off, pad, mac};
  return render_svg(chart);
}

// Roofline: attainable MACs per cycle = min(peak, bandwidth x intensity),
// intensity = MACs per off-chip byte; each layer at its achieved rate.
std::string roofline(const SweepResult& on, const Accelerator& accel) {
  const SweepRow& row = on.rows.at(0);
  const Network& net = on.networks.at(0);
  LineChart chart;
  chart.title = "Roofline on " + accel.name;
  chart.x_label = "MACs per off-chip byte (log)";
  chart.y_label = "MACs per cycle (log)";
  chart.x_binary = false;
  const double peak = static_cast<double>(accel.mac_array.macs_per_cycle());
  const double bandwidth = static_cast<double>(accel.offchip_bits_per_cycle) / 8.0;
  LineSeries layers{"layers", {}, false, true, {}};
  double lo = INFINITY, hi = 0;
  for (std::size_t l = 0; l < net.layers.size(); ++l) {
    const SweepLayerPoint& p = row.layer_points[l];
    if (!p.cost || !p.best || p.best->traffic.traffic_bytes == 0 || p.cost->latency_cycles == 0)
      continue;
    const double macs = static_cast<double>(p.cost->activity.macs);
    const double x = macs / static_cast<double>(p.best->traffic.traffic_bytes);
    const double y = macs / static_cast<double>(p.cost->latency_cycles);
    lo = std::min(lo, x);
    hi = std::max(hi, x);
    layers.points.push_back({x, y});
    char buf[160];
    std::snprintf(buf, sizeof buf, ": %.3g MACs/byte, %.3g MACs/cycle (%.0f%% of peak)", x, y,
                  100.0 * y / peak);
    layers.labels.push_back(net.layers[l].spec.name + buf);
  }
  if (layers.points.empty()) return "";
  const double knee = peak / bandwidth;
  lo = std::min(lo, knee) / 2;
  hi = std::max(hi, knee) * 2;
  LineSeries roof{"roof", {{lo, std::min(peak, bandwidth * lo)}}, true, false, {}};
  if (knee > lo && knee < hi) roof.points.push_back({knee, peak});
  roof.points.push_back({hi, std::min(peak, bandwidth * hi)});
  chart.series = {roof, layers};
  return render_svg(chart);
}

std::string accelerator_section(const NetworkReport& r) {
  if (!r.on_accelerator) return "";
  const SweepResult& on = *r.on_accelerator;
  const SweepMachine& m = on.machines.at(0);
  const SweepRow& row = on.rows.at(0);
  std::string out = "<h2>On " + esc(m.accelerator->name) + " (objective " +
                    esc(std::string(objective_name(m.objective))) +
                    ")</h2>\n<dl class=\"summary\">";
  const auto item = [&](const std::string& k, const std::string& v) {
    out += "<dt>" + esc(k) + "</dt><dd>" + esc(v) + "</dd>";
  };
  item("latency", row.latency_cycles ? with_separators(*row.latency_cycles) + " cycles" : "-");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f uJ",
                row.energy_fj ? static_cast<double>(*row.energy_fj) / 1e9 : 0.0);
  item("energy", row.energy_fj ? buf : "-");
  item("traffic", row.traffic_bytes ? with_separators(*row.traffic_bytes) + " B" : "-");
  item("MAC array", with_separators(m.accelerator->mac_array.macs_per_cycle()) + " MACs/cycle");
  item("off-chip bandwidth", std::to_string(m.accelerator->offchip_bits_per_cycle) + " bits/cycle");
  out += "</dl>\n";
  out += "<div class=\"chart-wrap\" id=\"latency-bars\">" + latency_bars(on) + "</div>\n";
  out += "<div class=\"chart-wrap\" id=\"energy-bars\">" + energy_bars(on) + "</div>\n";
  out += "<div class=\"chart-wrap\" id=\"roofline\">" + roofline(on, *m.accelerator) + "</div>\n";
  return out;
}

std::string cell(Count v) {
  return "<td data-v=\"" + std::to_string(v) + "\">" + with_separators(v) + "</td>";
}

std::string layer_table(const NetworkReport& r) {
  const SweepRow& row = r.at.rows.at(0);
  const Network& net = r.at.networks.at(0);
  std::string out =
      "<table class=\"layers\" id=\"layer-table\"><thead><tr><th>#</th><th "
      "class=\"text\">layer</th>"
      "<th class=\"text\">shape</th><th>MACs</th><th>traffic B</th><th>compulsory B</th>"
      "<th>lower bound B</th><th>x compulsory</th><th>best baseline B</th><th>I buffer B</th>"
      "<th>W buffer B</th><th>O buffer B</th><th>fills</th></tr></thead>\n<tbody>\n";
  for (std::size_t l = 0; l < net.layers.size(); ++l) {
    const SweepLayerPoint& p = row.layer_points[l];
    const Layer layer(net.layers[l].spec);
    out += "<tr data-index=\"" + std::to_string(l) + "\"><td data-v=\"" + std::to_string(l) +
           "\">" + std::to_string(l) + "</td><td class=\"text\">" + esc(layer.name()) +
           "</td><td class=\"text\">" + esc(format_short_shape(layer, net.layers[l].kind)) +
           "</td>" + cell(layer.macs());
    std::optional<Count> best_baseline;
    for (const auto& c : p.baselines)
      if (c && (!best_baseline || c->traffic.traffic_bytes < *best_baseline))
        best_baseline = c->traffic.traffic_bytes;
    if (p.best) {
      const Traffic& t = p.best->traffic;
      out += cell(t.traffic_bytes) + cell(p.compulsory_bytes) + cell(p.lower_bound_bytes);
      const double ratio =
          static_cast<double>(t.traffic_bytes) / static_cast<double>(p.compulsory_bytes);
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f", ratio);
      out += "<td data-v=\"" + std::string(buf) + "\">" + buf + "x</td>";
      out += best_baseline ? cell(*best_baseline) : "<td data-v=\"-1\">-</td>";
      out += cell(t.arrays[Tensor::I].buffer_bytes) + cell(t.arrays[Tensor::W].buffer_bytes) +
             cell(t.arrays[Tensor::O].buffer_bytes) + cell(t.total_fills());
    } else {
      out += "<td data-v=\"-1\">does not fit</td>" + cell(p.compulsory_bytes) +
             cell(p.lower_bound_bytes);
      for (int k = 0; k < 6; ++k) out += "<td data-v=\"-1\">-</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string loop_nests(const NetworkReport& r) {
  const SweepRow& row = r.at.rows.at(0);
  const Network& net = r.at.networks.at(0);
  std::string out;
  for (std::size_t l = 0; l < net.layers.size(); ++l) {
    const SweepLayerPoint& p = row.layer_points[l];
    const Layer layer(net.layers[l].spec);
    out += "<details class=\"nest\"><summary>" + std::to_string(l) + " " + esc(layer.name()) +
           "</summary><pre>";
    out += p.best ? esc(format_loop_nest(layer, p.best->schedule, p.best->traffic))
                  : std::string("does not fit at this capacity");
    out += "</pre></details>\n";
  }
  return out;
}

}  // namespace

std::string format_html_report(const NetworkReport& r) {
  const SweepRow& row = r.at.rows.at(0);
  const Network& net = r.at.networks.at(0);
  const Machine& m = r.machine;
  const std::string title = "spad report: " + net.model + " at " + format_bytes(*m.capacity_bytes);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" +
                    esc(title) + "</title>\n<style>" + kStyle + "</style></head>\n<body>\n";
  out += "<h1>" + esc(title) + "</h1>\n<dl class=\"summary\">";
  const auto item = [&](const std::string& k, const std::string& v) {
    out += "<dt>" + esc(k) + "</dt><dd>" + esc(v) + "</dd>";
  };
  item("layers", std::to_string(row.layers) + " conv/fc layers");
  item("MACs", with_separators(row.macs));
  item("traffic (optimum)",
       row.traffic_bytes ? with_separators(*row.traffic_bytes) + " B (" +
                               ratio_text(*row.traffic_bytes, row.compulsory_bytes) + " compulsory)"
                         : std::to_string(row.infeasible_layers) + " layers do not fit");
  item("compulsory traffic", with_separators(row.compulsory_bytes) + " B");
  item("lower bound", with_separators(row.lower_bound_bytes) + " B");
  item("precision (bytes)", "in " + std::to_string(m.precision.input) + ", w " +
                                std::to_string(m.precision.weight) + ", out " +
                                std::to_string(m.precision.output) + ", psum " +
                                std::to_string(m.precision.psum));
  item("halo reuse", m.halo_reuse ? "yes" : "no");
  item("double buffering", m.double_buffer ? "yes" : "no");
  out += "</dl>\n";
  out += "<h2>Traffic vs capacity</h2>\n<div class=\"chart-wrap\" id=\"curve\">" +
         traffic_chart(r) + "</div>\n";
  out +=
      "<p class=\"note\">Every point is the exact optimum at that capacity. The lower bound "
      "is max(compulsory, pebble-game bound) per layer, summed.</p>\n";
  out += "<h2>Per layer</h2>\n<div class=\"chart-wrap\" id=\"layer-bars\">" + layer_bars(r) +
         "</div>\n";
  out += "<div class=\"chart-wrap\" id=\"buffer-split\">" + buffer_bars(r) + "</div>\n";
  out += accelerator_section(r);
  out += "<h2>Layers</h2>\n<p class=\"note\">Click a header to sort.</p>\n" + layer_table(r);
  out += "<h2>Loop nests</h2>\n" + loop_nests(r);
  out += "<script>" + std::string(kScript) + "</script>\n</body></html>\n";
  return out;
}

}  // namespace spad
