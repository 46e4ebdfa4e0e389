#!/usr/bin/env bash
# Installs the Debian packages spad needs, then configures and builds the
# release preset (build/release). Safe to run again: every step is incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -- -j"$(nproc)"
