#!/usr/bin/env bash
# Installs, builds, and runs spad's main job on a built-in example: the
# memory-optimal schedule of every ResNet-50 convolution on a 64 KiB
# scratchpad (int8 data, int32 partial sums), next to the compulsory traffic.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh spad
./build/release/spad optimize --model resnet50 --buffer 64KiB "$@"
