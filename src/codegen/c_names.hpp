// Which kernel names a generated C file can use. A kernel is a file-scope C
// function (with NAME_layer, NAME_compute, ... beside it), so its name must be
// a C identifier that none of the file's own identifiers (main, the dma_in /
// dma_out / dma_wait hooks, spad_*) and none of the names of the C library
// headers it includes (<stddef.h> <stdint.h> <string.h> <stdio.h>
// <stdlib.h>, with the POSIX/GNU names their default builds declare) or of
// the C keywords (C89 to C23) take; identifiers C reserves (a leading '_',
// str/mem/wcs + a lower-case letter, int..._t / uint..._t) are refused too.
#pragma once

#include <string>

namespace spad::codegen {

// "" when `name` can name a kernel; else why not, e.g. "'printf' is declared
// by <stdio.h>, which the generated file includes".
std::string kernel_name_problem(const std::string& name);

}  // namespace spad::codegen
