#!/usr/bin/env bash
# The persistent font lookup cache ($XDG_CACHE_HOME/cvpress/fonts-v2.cache):
# written on a cold run, read on a warm one (a doctored entry changes the
# output, so the cache is really used), output bytes identical with, without
# (CVPRESS_FONT_CACHE=0) and after a corrupt, truncated or stale cache, which
# is ignored and rewritten, never an error.
#   font_cache.sh CVPRESS EXAMPLE.yaml
set -euo pipefail
bin=$1 example=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/xdg
cache=$XDG_CACHE_HOME/cvpress/fonts-v2.cache
fail() { echo "FAIL: $*" >&2; exit 1; }
render() { # out.pdf
  "$bin" render "$example" -o "$1" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; fail "render $1"; }
}

render "$work/cold.pdf"
[ -s "$cache" ] || fail "no cache written on a cold run"
head -1 "$cache" | grep -qx "cvpress-font-cache 1" || fail "bad cache header"
grep -q $'^face\t' "$cache" || fail "no face recorded"
render "$work/warm.pdf"
cmp "$work/cold.pdf" "$work/warm.pdf" || fail "warm output differs from cold"

rm -rf "$XDG_CACHE_HOME"
CVPRESS_FONT_CACHE=0 render "$work/off.pdf"
[ ! -e "$cache" ] || fail "CVPRESS_FONT_CACHE=0 still wrote a cache"
cmp "$work/cold.pdf" "$work/off.pdf" || fail "output without cache differs"

render "$work/again.pdf" # fresh cache
good=$(cat "$cache")

# A doctored but valid-looking entry is used: proves warm runs read the cache.
regular=$(grep -P '^face\t001..\t0\tNoto Sans\t' "$cache" | cut -f5)
dejavu=$(grep -P '^face\t001..\t0\tDejaVu Sans\t' "$cache" | cut -f5)
[ -n "$regular" ] && [ -n "$dejavu" ] || fail "Noto Sans / DejaVu Sans not in the cache"
printf '%s\n' "$good" | awk -F'\t' -v OFS='\t' -v d="$dejavu" \
  '$1=="face" && $2 ~ /^001/ && $4=="Noto Sans" {$5=d} {print}' >"$cache"
render "$work/doctored.pdf"
cmp -s "$work/cold.pdf" "$work/doctored.pdf" && fail "a warm run did not read the cache"

# Corrupt, truncated and stale caches are ignored (and replaced).
for kind in garbage truncated stale badface empty; do
  case $kind in
    garbage) head -c 3000 /dev/urandom >"$cache" ;;
    truncated) printf '%s\n' "$good" | head -n 5 >"$cache" ;;
    stale) printf '%s\n' "$good" | sed -E '3s/^stat\t[0-9]+/stat\t1/' >"$cache" ;;
    badface) printf '%s\n' "$good" | sed -E 's/^face\t00100\t/face\t0x1\t/' >"$cache" ;;
    empty) : >"$cache" ;;
  esac
  render "$work/$kind.pdf"
  cmp "$work/cold.pdf" "$work/$kind.pdf" || fail "output after a $kind cache differs"
  head -1 "$cache" | grep -qx "cvpress-font-cache 1" || fail "$kind cache not rewritten"
done
echo "font cache: ok"
