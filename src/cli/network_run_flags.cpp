// Registration of the flags optimize and compare share.
#include "cli/network_run_flags.hpp"

#include "cli/number_flags.hpp"

namespace spad::cli {

void add_network_run_flags(CLI::App& app, NetworkRunFlags& flags,
                           const std::function<void(CLI::App&)>& extra) {
  auto* layer = app.add_option("--layer", flags.layer,
                               "One layer: a JSON file, JSON text, or inline "
                               "C=64,M=64,H=56,W=56,R=3,S=3[,stride=2,pad=1,groups=1,N=1,name=x]")
                    ->type_name("LAYER");
  auto* model = app.add_option("--model", flags.model,
                               "A whole network: a built-in model name (resnet18, resnet50, "
                               "vgg16, alexnet, ...), a network file FILE.json, or FILE.onnx")
                    ->type_name("NAME|FILE");
  layer->excludes(model);
  auto* layers = app.add_option("--layers", flags.layers,
                                "With --model: only these layers, by name and/or 0-based index "
                                "or range, e.g. 0-3,7,layer1.0.conv2")
                     ->type_name("SPEC");
  auto* batch = add_batch_option(app, flags.batch, kBatchHelp);
  layers->excludes(layer);
  batch->excludes(layer);
  add_machine_flags(app, flags.machine, /*buffer_required=*/true);
  if (extra) extra(app);
  add_threads_option(app, flags.threads,
                     "Search threads (default 0: all hardware threads); the answer is the same "
                     "for any number");
  auto* json = app.add_flag("--json", flags.json,
                            "Print the result as one JSON document (and nothing else)");
  auto* csv =
      app.add_flag("--csv", flags.csv,
                   "Print one CSV line per layer (per layer and boundary with several --buffer "
                   "capacities), after a header line");
  json->excludes(csv);
  add_wide_flag(app, flags.wide);
  add_quiet_flag(app, flags.quiet);
}

void add_quiet_flag(CLI::App& app, bool& quiet) {
  app.add_flag("--quiet,-q", quiet,
               "No progress line on stderr (it is shown only when stderr is a terminal)");
}

void add_wide_flag(CLI::App& app, bool& wide) {
  app.add_flag("--wide", wide,
               "Print tables at full width (by default they fit $COLUMNS, else a terminal's "
               "width: wide tables are folded and long lines wrapped, nothing cut)");
}

}  // namespace spad::cli
