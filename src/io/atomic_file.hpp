// Writing a whole output file so that readers see either the old file or the
// complete new one: the text goes to a temporary file next to the target,
// is flushed and checked, then renamed over it.
#pragma once

#include <string>

namespace spad {

// UserError naming the path when the temporary cannot be written or the
// rename fails (the temporary is removed then).
void write_file_atomically(const std::string& path, const std::string& text);

}  // namespace spad
