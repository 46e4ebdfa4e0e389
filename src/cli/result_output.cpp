// The process's one sink for results on standard output.
#include "cli/result_output.hpp"

#include <unistd.h>

#include "io/json/result_document.hpp"

namespace spad::cli {

OutputSink& result_out() {
  static OutputSink sink(STDOUT_FILENO, "standard output");
  return sink;
}

void write_json_result(const nlohmann::ordered_json& j) {
  result_out() << json_document_text(j) << '\n';
}

}  // namespace spad::cli
