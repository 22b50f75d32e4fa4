#!/usr/bin/env bash
# Every example in one built-in style, through both backends: the PDF backend's
# output passes qpdf --check; the LaTeX backend's .tex compiles with XeLaTeX
# without missing glyphs;
# both PDFs have the same page size and the same first line (the name).
# Usage: run.sh CVPRESS SOURCE_DIR STYLE
set -uo pipefail
cvpress=$1
src=$2
style=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
check() {
  if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}
first_line() { pdftotext -l 1 "$1" - 2>/dev/null | tr -s ' \t' ' ' | sed 's/^ //; s/ $//' | grep -m1 -v '^$'; }
page_size() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Page size: *\([0-9.]* x [0-9.]*\).*/\1/p' | awk '{printf "%.0f x %.0f", $1, $3}'; }

for cv in "$src"/examples/*.yaml; do
  stem=$(basename "${cv%.yaml}")
  "$cvpress" render "$cv" --style "$style" -o "$work/$stem.pdf" >/dev/null 2>&1
  check "$stem: pdf rendered" '[ -s "$work/$stem.pdf" ]'
  check "$stem: qpdf --check" 'qpdf --check "$work/$stem.pdf" >/dev/null 2>&1'
  "$cvpress" render "$cv" --style "$style" -o "$work/$stem.tex" >/dev/null 2>&1
  mkdir -p "$work/tex"
  (cd "$work" && openin_any=p openout_any=p xelatex -no-shell-escape -halt-on-error \
    -interaction=nonstopmode -output-directory tex "$stem.tex" >/dev/null 2>&1)
  check "$stem: xelatex compiles the .tex" '[ -s "$work/tex/$stem.pdf" ]'
  # a glyph its font lacks prints as a box (pictographs U+1Fxxx may have no font)
  check "$stem: no missing glyph in the xelatex log" \
    '! grep -a "^Missing character" "$work/tex/$stem.log" | grep -qv "(U+1F"'
  a=$(page_size "$work/$stem.pdf")
  b=$(page_size "$work/tex/$stem.pdf")
  check "$stem: same page size ($a / $b)" '[ -n "$a" ] && [ "$a" = "$b" ]'
  a=$(first_line "$work/$stem.pdf")
  b=$(first_line "$work/tex/$stem.pdf")
  check "$stem: same first line ('$a' / '$b')" '[ -n "$a" ] && [ "$a" = "$b" ]'
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
