#!/usr/bin/env bash
# Installs every Debian package spad needs to build, test and benchmark.
# Idempotent; run as root (or with sudo available). Used by the README commands and CI.
set -euo pipefail

packages=(
  build-essential cmake ninja-build clang-format
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev
  libonnx-dev libprotobuf-dev
  libyaml-cpp-dev
  # the HTML report's headless-browser test (tests/browser, ctest label "browser")
  chromium chromium-driver python3-selenium
  # the sanitizer suites and the libFuzzer targets (tests/fuzz, CMake preset "sanitize", scripts/fuzz.sh)
  clang libclang-rt-14-dev
  # the Python module (python/, pybind11), its pytest suite (tests/python, ctest
  # label "python") and the plotting example of docs/python.md
  pybind11-dev python3-pybind11 python3-dev python3-pytest python3-matplotlib
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
