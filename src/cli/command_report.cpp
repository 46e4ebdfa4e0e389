// `spad report`: one self-contained HTML page about a network at a capacity
// (study/network_report, report/html_report), written atomically to -o.
// This file only parses flags.
#include <iostream>
#include <memory>

#include "base/error.hpp"
#include "base/output_sink.hpp"
#include "cli/command.hpp"
#include "cli/machine_flags.hpp"
#include "cli/number_flags.hpp"
#include "cli/result_output.hpp"
#include "io/common/network_source.hpp"
#include "io/machine/accelerator_file.hpp"
#include "io/text/capacity_list.hpp"
#include "io/text/network_precision.hpp"
#include "io/text/objective_text.hpp"
#include "io/text/precision_text.hpp"
#include "report/html_report.hpp"
#include "study/network_report.hpp"

namespace spad::cli {
namespace {

constexpr const char* kFooter = R"(
Examples:
  spad report --model resnet50 --buffer 64KiB -o resnet50.html
  spad report --model mobilenet_v2 --buffer 32KiB --sweep 1KiB..16MiB:x2 -o mnv2.html
  spad report --model resnet18 --machine examples/machines/edge-npu.yaml --objective latency -o r.html

The page has no external dependencies (inline CSS, SVG and script): open it
in any browser, or mail it. Charts: network traffic vs capacity (log axes)
with the compulsory traffic and the lower bound; per-layer traffic of the
optimum, the baselines and the bound; the I/W/O buffer split; a sortable
table of the layers; each layer's loop nest; with --machine, the latency and
energy split per layer and a roofline. Default --sweep: 1KiB..32MiB:x2.)";

struct ReportFlags {
  std::string model;
  MachineFlags machine;
  std::optional<std::string> machine_file;
  std::string objective = "traffic";
  std::optional<Count> batch;
  std::string sweep = "1KiB..32MiB:x2";
  std::string output;
  int threads = 0;
};

int run_report(const ReportFlags& flags) {
  Network net = load_network(flags.model, NetworkLoadOptions{flags.batch});
  NetworkReportOptions options;
  options.machine = machine_from_flags(flags.machine);
  if (flags.machine_file) {
    if (!flags.machine.precision.empty() || flags.machine.halo_reuse || flags.machine.double_buffer)
      throw UserError(
          "--machine: the machine file sets the precisions, halo reuse and double "
          "buffering; leave out --precision, --halo-reuse and --double-buffer");
    options.accelerator = read_accelerator_file(*flags.machine_file);
    if (!options.machine.capacity_bytes)
      options.machine.capacity_bytes = options.accelerator->machine.capacity_bytes;
    options.objective = objective_from_text(flags.objective);
  } else {
    if (!options.machine.capacity_bytes)
      throw UserError("report: --buffer is required (or --machine, whose capacity is then used)");
    // A model's own element sizes replace the defaults; --precision keys win
    // (io/text/network_precision), for the network and each layer stating its own.
    apply_precision_text(net, flags.machine.precision);
    if (net.precision) options.machine.precision = *net.precision;
  }
  options.capacities = parse_capacity_list(flags.sweep, "--sweep");
  options.threads = flags.threads;
  const NetworkReport report = network_report(net, options);
  write_file_atomically(flags.output, format_html_report(report), "HTML report");
  result_out() << "wrote " << flags.output << '\n';
  // As optimize --model: the whole report is written, and a layer that fits
  // no schedule at the chosen capacity makes the exit code 2.
  const SweepRow& at = report.at.row(0, 0);
  if (at.infeasible_layers == 0) return 0;
  result_out().flush();
  std::cerr << "spad: error: " << at.infeasible_layers << " of " << at.layers << " layers of "
            << net.model << " do not fit in " << at.capacity_bytes
            << " B (the report marks them); give a larger --buffer\n";
  return kExitUsage;
}

}  // namespace

Command add_report_command(CLI::App& app) {
  auto flags = std::make_shared<ReportFlags>();
  CLI::App* sub = app.add_subcommand(
      "report",
      "Write one self-contained HTML page with charts and a sortable table of a "
      "network's optimum at a capacity and its traffic over a range of capacities");
  sub->add_option("--model", flags->model,
                  "A network: a zoo name, a network .json file or an .onnx model")
      ->required()
      ->type_name("NAME|FILE");
  add_machine_flags(*sub, flags->machine);
  sub->add_option("--machine", flags->machine_file,
                  "A machine file (YAML/JSON, as `spad accel`): adds latency and energy per layer "
                  "and a roofline; --buffer (default: the file's capacity) sets its scratchpad")
      ->type_name("FILE");
  sub->add_option("--objective", flags->objective,
                  "With --machine: what the search minimises, traffic (default), latency, energy")
      ->type_name("OBJ");
  add_batch_option(*sub, flags->batch, kBatchHelp);
  sub->add_option("--sweep", flags->sweep,
                  "Capacities of the traffic curve (as `sweep --buffers`; default 1KiB..32MiB:x2)")
      ->type_name("RANGE");
  sub->add_option("-o,--output", flags->output, "The HTML file to write")
      ->required()
      ->type_name("FILE");
  add_threads_option(*sub, flags->threads, "Threads (0 = all hardware threads)");
  sub->footer(kFooter);
  return {sub, [flags] { return run_report(*flags); }};
}

}  // namespace spad::cli
