#!/usr/bin/env bash
# Installs dependencies, builds, and runs every test (this is what CI runs):
#   1. the normal build (build/) and its whole test suite;
#   2. the same suite built with AddressSanitizer + UBSan (cmake --preset asan,
#      build-asan/), LeakSanitizer on; any report fails the test that hit it;
#   3. the libFuzzer targets (cmake --preset fuzz, clang, build-fuzz/), each
#      run for CVPRESS_FUZZ_RUNS iterations over its seed corpus.
# Set CVPRESS_SKIP_ASAN=1 or CVPRESS_SKIP_FUZZ=1 to leave out step 2 or 3.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DCVPRESS_BUILD_TESTS=ON -DCVPRESS_BUILD_PYTHON=ON # also after quickstart.sh cached it off
(cd build && ctest --output-on-failure -j"$(nproc)")

if [ "${CVPRESS_SKIP_ASAN:-0}" != 1 ]; then
  echo "== sanitizers: ASan + UBSan + LSan (build-asan)"
  start=$SECONDS
  cmake --preset asan
  cmake --build --preset asan -j"$(nproc)"
  ctest --preset asan -j"$(nproc)"
  echo "== sanitizers: $((SECONDS - start)) s"
fi

if [ "${CVPRESS_SKIP_FUZZ:-0}" != 1 ]; then
  echo "== fuzzing: libFuzzer targets (build-fuzz)"
  start=$SECONDS
  cmake --preset fuzz -DCVPRESS_FUZZ_RUNS="${CVPRESS_FUZZ_RUNS:-10000}"
  cmake --build --preset fuzz -j"$(nproc)"
  ctest --preset fuzz -j"$(nproc)"
  echo "== fuzzing: $((SECONDS - start)) s"
fi
