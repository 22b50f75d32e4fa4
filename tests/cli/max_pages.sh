#!/usr/bin/env bash
# --max-pages end to end: a CV just over one page fits on one page with
# --max-pages 1 (pdfinfo confirms), a CV of about five pages cannot fit on
# two and renders with a warning (exit 0); seed 000 (examples/, three
# pages) fits on the two pages of its source; run from tests/data/cli.
set -u
bin=$1
examples=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
pages_of() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }

out=$("$bin" render two-pages.yaml -o "$tmp/natural.pdf") || fail "render two-pages.yaml"
[[ $out == *", 2 pages" ]] || fail "two-pages.yaml should take 2 pages without --max-pages: $out"
out=$("$bin" render two-pages.yaml -o "$tmp/fitted.pdf" --max-pages 1 2>"$tmp/err") ||
  fail "render --max-pages 1"
[[ $out == *", 1 page" ]] || fail "--max-pages 1 should give 1 page: $out"
[ -s "$tmp/err" ] && fail "unexpected stderr: $(cat "$tmp/err")"
if command -v pdfinfo >/dev/null; then
  [ "$(pages_of "$tmp/fitted.pdf")" = 1 ] || fail "pdfinfo: not 1 page"
fi

out=$("$bin" render five-pages.yaml -o "$tmp/long.pdf" --max-pages 2 2>"$tmp/err")
[ $? = 0 ] || fail "a CV that does not fit still renders (exit 0)"
n=${out##*, }
n=${n%% *}
want="five-pages.yaml: warning: max_pages: the CV does not fit on 2 pages even with its type at 90% (the style's floor); it takes $n pages"
[ "$(cat "$tmp/err")" = "$want" ] || fail "stderr: $(cat "$tmp/err") (want: $want)"
[ "$n" -gt 2 ] || fail "page count $n"

# Seed 000 was a two-page CV: it takes 3 pages at full size and 2 when fitted
# (spacing gives way before type, within the 90% floor), without a warning.
seed=$examples/qinghao-hu-cv.yaml
out=$("$bin" render "$seed" -o "$tmp/seed.pdf" 2>"$tmp/err") || fail "render seed 000"
[[ $out == *", 3 pages" ]] || fail "seed 000 unfitted: $out"
out=$("$bin" render "$seed" -o "$tmp/seed2.pdf" --max-pages 2 2>"$tmp/err") || fail "seed --max-pages 2"
[[ $out == *", 2 pages" ]] || fail "seed 000 --max-pages 2 should give 2 pages: $out"
[ -s "$tmp/err" ] && fail "unexpected stderr: $(cat "$tmp/err")"
# One page is out of reach: set at the floor, and the warning counts its pages.
out=$("$bin" render "$seed" -o "$tmp/seed1.pdf" --max-pages 1 2>"$tmp/err") || fail "seed --max-pages 1"
want="$seed: warning: max_pages: the CV does not fit on 1 page even with its type at 90% (the style's floor); it takes 2 pages"
[ "$(cat "$tmp/err")" = "$want" ] || fail "stderr: $(cat "$tmp/err") (want: $want)"
[[ $out == *", 2 pages" ]] || fail "seed 000 --max-pages 1: $out"
echo "ok: --max-pages fits and warns"
