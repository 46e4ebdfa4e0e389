#!/usr/bin/env bash
# Installs, builds and runs every test. CI runs this.
#   1. the release build, every suite (fast, slow, browser, python);
#   2. the suites again under AddressSanitizer + UndefinedBehaviorSanitizer,
#      so the must-fail suites prove bad input never crashes (the slow and
#      browser suites, which exercise no parser, already ran in step 1);
#   3. a short libFuzzer campaign over every parser (scripts/fuzz.sh: 15 s
#      per target from the seed corpora; any finding fails the run). Steps 2
#      and 3 share one clang build (preset "sanitize"), compiled once.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
ctest --preset release -j"$(nproc)"

cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -- -j"$(nproc)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --preset sanitize -j"$(nproc)" -LE "slow|browser"

./scripts/fuzz.sh 15
