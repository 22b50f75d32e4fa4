#!/usr/bin/env bash
# Configures and builds cvpress into build/ (the CLI lands at build/bin/cvpress).
# Extra arguments go to CMake, e.g. -DCVPRESS_BUILD_TESTS=OFF.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE="${CMAKE_BUILD_TYPE:-RelWithDebInfo}" -DCVPRESS_WERROR=ON "$@"
cmake --build build -j"$(nproc)"
