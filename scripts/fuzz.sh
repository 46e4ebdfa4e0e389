#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset "sanitize": clang, ASan + UBSan,
# the same build as the sanitizer suites, so scripts/test.sh compiles the
# library once for both) and runs each for a fixed time:
# scripts/fuzz.sh [seconds per target, default 60].
# Each target starts from its seed corpus (tests/fuzz/corpus/<target>: the
# examples and the must-fail tables' inputs) and keeps what it finds in
# build/sanitize/fuzz/corpus/<target>. A crash, a sanitizer report, a leak, a
# timeout (10 s for one input) or an input using more than 2 GB fails the run;
# the input is left in build/sanitize/fuzz/artifacts/ and must become a
# must-fail test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

targets=()
for source in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$source" .cpp)"); done
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize --target "${targets[@]}" -- -j"$(nproc)"
out=build/sanitize/fuzz

mkdir -p "$out/artifacts"
failed=()
for target in "${targets[@]}"; do
  seeds=tests/fuzz/corpus/$target
  work=$out/corpus/$target
  mkdir -p "$work"
  echo "fuzz: $target for ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "build/sanitize/$target" "$work" "$seeds" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$out/artifacts/$target-" \
      -print_final_stats=1 >"$out/$target.log" 2>&1; then
    failed+=("$target")
    tail -40 "$out/$target.log"
  fi
  grep -E "^stat::number_of_executed_units" "$out/$target.log" || true
done

if [ "${#failed[@]}" -ne 0 ]; then
  echo "fuzz: findings in ${failed[*]} (inputs in $out/artifacts/)"
  exit 1
fi
echo "fuzz: no findings"
