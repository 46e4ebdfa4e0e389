// `spad report`: one self-contained HTML page (inline CSS, SVG and a few
// lines of inline JavaScript; no fetches, no external scripts or fonts):
//   - the network's traffic vs capacity on log axes, with the compulsory
//     traffic and the lower bound under it and the chosen capacity marked;
//   - per layer, the optimum beside the baselines and the lower bound (bars);
//   - per layer, the optimum's I / W / O buffer split (stacked bars);
//   - on an accelerator, per layer the latency (compute and the transfers
//     compute does not hide) and energy split, and a roofline with each
//     layer's achieved MACs per cycle against its MACs per off-chip byte;
//   - a per-layer table that sorts when a header is clicked;
//   - each layer's loop nest on demand (<details>).
// Every name is escaped (report/svg_chart: xml_escape).
#pragma once

#include <string>

#include "study/network_report.hpp"

namespace spad {

std::string format_html_report(const NetworkReport& report);

}  // namespace spad
