#!/usr/bin/env bash
# --max-pages end to end: a CV just over one page fits on one page with
# --max-pages 1 (pdfinfo confirms), a CV of about five pages cannot fit on
# two and renders with a warning (exit 0); run from tests/data/cli.
set -u
bin=$1
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
echo "ok: --max-pages fits and warns"
