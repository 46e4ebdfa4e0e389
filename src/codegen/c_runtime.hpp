// The C99 runtime every generated file carries once: the dma_in / dma_out /
// dma_wait hooks (default: copy and count bytes), element access through
// memcpy, the buffer fills of I (rolling windows of rows and columns), W and
// O (boxes), and the fill points with their ping-pong variant. It is
// layer-independent: each kernel passes its layer and schedule as a table.
#pragma once

#include <string_view>

namespace spad::codegen {

std::string_view c_runtime_source();

}  // namespace spad::codegen
