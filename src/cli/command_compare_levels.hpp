// `spad compare --layer L | --model M --buffer OUTER,INNER[,...]`: the level
// optimum of every layer beside its compulsory traffic and lower bound per
// boundary and the baselines with a several-level form
// (study/compare_network_levels), as the table (report/compare_level_table),
// JSON (io/json/compare_level_result_json) or CSV (io/csv/level_result_csv).
#pragma once

#include "cli/compare_flags.hpp"

namespace spad::cli {

int run_compare_levels(const CompareFlags& flags);

}  // namespace spad::cli
