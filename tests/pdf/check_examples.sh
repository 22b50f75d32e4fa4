#!/bin/sh
# Renders CVs with the cvpress CLI and checks each PDF: `qpdf --check`
# passes, every font is embedded and subset (pdffonts), and the text layer
# is not empty; rendering again gives the same bytes, and SOURCE_DATE_EPOCH
# sets the creation date.
#   check_examples.sh CVPRESS OUTDIR FILE.yaml...
set -u
cvpress=$1
out=$2
shift 2
mkdir -p "$out"
status=0
for cv in "$@"; do
  name=$(basename "$cv" .yaml)
  pdf="$out/$name.pdf"
  rm -f "$pdf"
  if ! "$cvpress" render "$cv" -o "$pdf" >"$out/$name.log" 2>&1; then
    echo "FAIL $name: render failed"
    cat "$out/$name.log"
    status=1
    continue
  fi
  if ! qpdf --check "$pdf" >"$out/$name.qpdf" 2>&1; then
    echo "FAIL $name: qpdf --check"
    cat "$out/$name.qpdf"
    status=1
  fi
  fonts=$(pdffonts "$pdf" 2>&1) || { echo "FAIL $name: pdffonts"; status=1; }
  bad=$(printf '%s\n' "$fonts" | awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes" || $1 !~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/)')
  count=$(printf '%s\n' "$fonts" | awk 'NR > 2' | wc -l)
  if [ -n "$bad" ] || [ "$count" -eq 0 ]; then
    echo "FAIL $name: fonts not all embedded as subsets"
    printf '%s\n' "$fonts"
    status=1
  fi
  words=$(pdftotext -enc UTF-8 "$pdf" - | wc -w)
  if [ "$words" -lt 5 ]; then
    echo "FAIL $name: text layer has $words words"
    status=1
  fi
  if ! "$cvpress" render "$cv" -o "$out/$name.again.pdf" >/dev/null 2>&1 ||
     ! cmp -s "$pdf" "$out/$name.again.pdf"; then
    echo "FAIL $name: a second render gives different bytes"
    status=1
  fi
  if grep -q CreationDate "$pdf"; then
    echo "FAIL $name: a creation date without SOURCE_DATE_EPOCH"
    status=1
  fi
  SOURCE_DATE_EPOCH=1700000000 "$cvpress" render "$cv" -o "$out/$name.dated.pdf" >/dev/null 2>&1
  if ! pdfinfo -isodates "$out/$name.dated.pdf" 2>/dev/null | grep -q "CreationDate: *2023-11-14T22:13:20"; then
    echo "FAIL $name: SOURCE_DATE_EPOCH=1700000000 does not set the creation date"
    pdfinfo -isodates "$out/$name.dated.pdf"
    status=1
  fi
  [ $status -eq 0 ] && echo "ok   $name: $(wc -c <"$pdf") bytes, $count fonts, $words words"
done
exit $status
