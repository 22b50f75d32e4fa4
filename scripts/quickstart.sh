#!/usr/bin/env bash
# Quick start: install dependencies, build, and turn an example CV into a PDF.
set -euo pipefail
cd "$(dirname "$0")/.."
CVPRESS_SKIP_LATEX=${CVPRESS_SKIP_LATEX:-1} CVPRESS_SKIP_FUZZ=${CVPRESS_SKIP_FUZZ:-1} scripts/install-deps.sh
scripts/build.sh -DCVPRESS_BUILD_TESTS=OFF
build/bin/cvpress validate examples/*.yaml
if build/bin/cvpress formats | grep -q '^pdf'; then
  build/bin/cvpress render examples/showcase.yaml -o showcase.pdf
  echo "quickstart: wrote $(pwd)/showcase.pdf"
fi
