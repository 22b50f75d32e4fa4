#!/usr/bin/env bash
# batch --strict: the CV with a character no installed font has fails with a
# located error in the manifest and leaves no output; the other CVs of the
# batch still render; exit code 4. Without --strict every CV renders, with a
# located warning.
set -u
bin=$1 data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$data" || fail "no data folder"

"$bin" batch good.yaml missing-glyph.yaml good-2.yaml -o "$work/strict" --strict -q \
  --manifest "$work/strict.jsonl" >"$work/out" 2>"$work/err"
code=$?
[ "$code" = 4 ] || { cat "$work/err" >&2; fail "batch --strict exit $code, want 4"; }
[ -s "$work/strict/good.pdf" ] || fail "good.pdf not rendered"
[ -s "$work/strict/good-2.pdf" ] || fail "good-2.pdf not rendered"
[ ! -e "$work/strict/missing-glyph.pdf" ] || fail "missing-glyph.pdf written under --strict"
[ -z "$(ls -A "$work/strict" | grep -v '\.pdf$')" ] || fail "temporary files left: $(ls -A "$work/strict")"
want="missing-glyph.yaml:7:9: no installed font has U+10FFFD '"$'\xf4\x8f\xbf\xbd'"' (strict: a missing glyph is an error)"
grep -qF "\"error\":\"$want\"" "$work/strict.jsonl" ||
  { cat "$work/strict.jsonl" >&2; fail "manifest lacks the located error"; }
grep -qF "$want" "$work/err" || { cat "$work/err" >&2; fail "stderr lacks the located error"; }

"$bin" batch good.yaml missing-glyph.yaml -o "$work/lenient" -q >"$work/out" 2>"$work/err" ||
  { cat "$work/err" >&2; fail "batch without --strict failed"; }
[ -s "$work/lenient/missing-glyph.pdf" ] || fail "missing-glyph.pdf not rendered without --strict"
# render: the warning is located; --strict on a CV every font covers renders.
"$bin" render missing-glyph.yaml -o "$work/warn.pdf" >"$work/out" 2>"$work/err" ||
  { cat "$work/err" >&2; fail "render without --strict failed"; }
[ "$(cat "$work/err")" = "missing-glyph.yaml:7:9: warning: no installed font has U+10FFFD '"$'\xf4\x8f\xbf\xbd'"'; drawn as U+FFFD" ] ||
  { cat "$work/err" >&2; fail "unexpected warning"; }
[ -s "$work/warn.pdf" ] || fail "render without --strict wrote nothing"
"$bin" render good.yaml --strict -o "$work/good.pdf" >"$work/out" 2>"$work/err" ||
  { cat "$work/err" >&2; fail "render --strict of a covered CV failed"; }
[ -s "$work/good.pdf" ] || fail "render --strict of a covered CV wrote nothing"
echo "ok"
