// The process's one sink for results on standard output.
#include "cli/result_output.hpp"

#include <unistd.h>

namespace spad::cli {

OutputSink& result_out() {
  static OutputSink sink(STDOUT_FILENO, "standard output");
  return sink;
}

void write_json_result(const nlohmann::ordered_json& j) {
  result_out() << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace spad::cli
