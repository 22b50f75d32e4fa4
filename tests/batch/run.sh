#!/usr/bin/env bash
# End-to-end batch tests through the CLI: failure isolation, exit code,
# manifest, shards, and a batch killed mid-run leaving no partial output.
# Usage: run.sh CVPRESS_BINARY SOURCE_DIR
set -uo pipefail
cvpress=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
check() { # description, condition (evaluated)
  if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi
}

# Pick the fastest real backend that is built.
format=pdf
ext=pdf
if ! "$cvpress" formats | grep -q '^pdf'; then format=latex; ext=tex; fi

# 1. Good and bad CVs in one folder.
mkdir -p "$work/in"
cp "$src"/examples/*.yaml "$work/in/"
cp "$src"/examples/*.bib "$work/in/" # bibliographies some examples read
printf 'cv:\n  name: Broken\n  sections:\n    education:\n      - institution: U\n        area: A\n        start_date: 2020-13\n' > "$work/in/bad-date.yaml"
printf 'cv:\n  name: [unclosed\n' > "$work/in/bad-syntax.yaml"
ngood=$(ls "$src"/examples/*.yaml | wc -l)
"$cvpress" batch "$work/in" -o "$work/out" --format "$format" -j 2 --manifest "$work/m.jsonl" \
  >"$work/stdout" 2>"$work/stderr"
rc=$?
check "exit code 3 when some CVs are invalid (got $rc)" '[ "$rc" -eq 3 ]'
check "every good CV rendered" '[ "$(ls "$work/out"/*."$ext" | wc -l)" -eq "$ngood" ]'
check "no output for bad CVs" '[ ! -e "$work/out/bad-date.$ext" ] && [ ! -e "$work/out/bad-syntax.$ext" ]'
check "bad date reported with its location" \
  'grep -qF "$work/in/bad-date.yaml:7:21: cv.sections.education[0].start_date: month 13 is out of range" "$work/stderr"'
check "syntax error reported with its location" 'grep -qF "$work/in/bad-syntax.yaml:3:1: cv.name[1]: invalid YAML: end of sequence flow not found" "$work/stderr"'
check "summary line" 'grep -qE "^rendered $ngood of $((ngood + 2)); 2 failed in [0-9.]+ s$" "$work/stdout"'
check "manifest has one line per input" '[ "$(wc -l < "$work/m.jsonl")" -eq $((ngood + 2)) ]'
check "manifest ok lines" '[ "$(grep -c "\"status\":\"ok\"" "$work/m.jsonl")" -eq "$ngood" ]'
check "manifest error line" 'grep -q "bad-date.yaml\",\"output\":null,\"status\":\"input_error\",\"name\":null,\"name_ascii\":null,\"error\":\"" "$work/m.jsonl"'
check "plain log lines when stderr is not a terminal" 'grep -qE "^\[[0-9]+/$((ngood + 2))\] .* -> .*\.$ext \([0-9]+ bytes" "$work/stderr"'
check "no temporary files left" '[ -z "$(ls -A "$work/out" | grep "^\.")" ]'

# 2. Inputs from stdin, --quiet, all good: exit 0 and nothing but the summary.
ls "$src"/examples/*.yaml | "$cvpress" batch - -o "$work/out2" --format "$format" --quiet >"$work/stdout2" 2>"$work/stderr2"
rc=$?
check "stdin list renders with exit 0 (got $rc)" '[ "$rc" -eq 0 ]'
check "--quiet prints nothing on stderr when all succeed" '[ ! -s "$work/stderr2" ]'

# 3. Shards cover every input exactly once.
for k in 0 1 2; do
  "$cvpress" batch "$work/in" -o "$work/shards" --format "$format" --shard "$k/3" --quiet \
    --manifest "$work/shard$k.jsonl" >/dev/null 2>&1
done
all=$(cat "$work"/shard*.jsonl | grep -o '"input":"[^"]*"' | sort)
check "shards: every input once" '[ "$(echo "$all" | wc -l)" -eq $((ngood + 2)) ] && [ -z "$(echo "$all" | uniq -d)" ]'
"$cvpress" batch "$work/in" -o "$work/x" --shard 3/3 >/dev/null 2>&1
rc=$?
check "bad --shard is a usage error (got $rc)" '[ "$rc" -eq 2 ]'

# 4. Collisions are reported, not overwritten.
mkdir -p "$work/c/a" "$work/c/b"
cp "$src/examples/showcase.yaml" "$work/c/a/cv.yaml"
cp "$src/examples/showcase.yaml" "$work/c/b/cv.yaml"
"$cvpress" batch "$work/c/a/cv.yaml" "$work/c/b/cv.yaml" -o "$work/cout" --format "$format" >/dev/null 2>"$work/cerr"
rc=$?
check "collision exit code 5 (got $rc)" '[ "$rc" -eq 5 ]'
check "collision reported" 'grep -qF "$work/c/a/cv.yaml: output name cv.$ext collides with $work/c/b/cv.yaml; not written" "$work/cerr"'
check "collision not written" '[ ! -e "$work/cout/cv.$ext" ]'

# 5. Killed mid-run: every visible output file is complete.
mkdir -p "$work/many"
for i in $(seq 1 150); do cp "$src/examples/qinghao-hu-cv.yaml" "$work/many/cv$i.yaml"; done
"$cvpress" batch "$work/many" -o "$work/kout" --format "$format" -j 2 --quiet >/dev/null 2>&1 &
pid=$!
sleep 0.3
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
written=$(ls "$work/kout" 2>/dev/null | wc -l)
partial=0
for f in "$work"/kout/*."$ext"; do
  [ -e "$f" ] || continue
  if [ "$ext" = pdf ]; then
    qpdf --check "$f" >/dev/null 2>&1 || partial=$((partial + 1))
  else
    tail -n 1 "$f" | grep -q 'end{document}' || partial=$((partial + 1))
  fi
done
check "killed batch leaves no partial output ($written files, $partial partial)" '[ "$partial" -eq 0 ]'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
