#!/usr/bin/env bash
# Installs the Debian packages spad needs, then configures and builds the
# release preset (build/release). Safe to run again: every step is incremental.
# With arguments, only those CMake targets are built (run-example.sh builds
# just `spad`; tests, benchmarks and the Python module are left for test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release >/dev/null
targets=()
if [ "$#" -gt 0 ]; then targets=(--target "$@"); fi
cmake --build --preset release "${targets[@]}" -- -j"$(nproc)"
