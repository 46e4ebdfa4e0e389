// Flags of `spad compare`.
#include "cli/compare_flags.hpp"

namespace spad::cli {

void add_compare_flags(CLI::App& app, CompareFlags& flags) { add_network_run_flags(app, flags); }

}  // namespace spad::cli
