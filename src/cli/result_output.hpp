// Standard output of the spad command, as a checked sink (base/output_sink):
// commands write their results here, never to std::cout, and main() flushes
// it, so a failed write becomes "spad: error: cannot write ..." and exit 2.
#pragma once

#include <nlohmann/json.hpp>

#include "base/output_sink.hpp"

namespace spad::cli {

OutputSink& result_out();

// A JSON result, indented, on result_out(). Names are checked for valid
// UTF-8 where they enter spad; should an invalid byte still reach here, it
// is written as U+FFFD rather than failing the whole result.
void write_json_result(const nlohmann::ordered_json& j);

}  // namespace spad::cli
