// What a schedule costs, for people (the JSON twin is io/json/result_json):
//
//   array  buffer elems  buffer bytes      reads  writes  final writes  fills  read bytes  ...
//   -----------------------------------------------------------------------------------------
//   I             4,096         4,096    802,816       0             0     32     802,816  ...
//   W / O / total ...
//
// followed by lines for the traffic, compulsory bytes and the ratio between
// them, the buffers against the capacity (fits or not) and the machine
// options used. Counts are elements unless the column says bytes.
#pragma once

#include <string>

#include "model/machine.hpp"
#include "model/traffic.hpp"
#include "schedule/schedule.hpp"
#include "workload/layer.hpp"

namespace spad {

std::string format_traffic(const Layer& layer, const Schedule& schedule, const Machine& machine,
                           const Traffic& traffic, std::size_t width = 0);

}  // namespace spad
