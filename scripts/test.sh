#!/usr/bin/env bash
# Installs dependencies, builds, and runs every test (this is what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DCVPRESS_BUILD_TESTS=ON
cd build
ctest --output-on-failure -j"$(nproc)"
