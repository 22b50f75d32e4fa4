#!/usr/bin/env bash
# End to end: `cvpress new` -> validate (no warning) -> render -> the PDF's
# text has the name; new never replaces a file; a CV read from standard input
# ("-") renders to standard output as a PDF qpdf accepts, is named <stdin> in
# messages and resolves relative paths against the working directory;
# --quiet removes the summary lines.
#   new_and_stdin.sh CVPRESS CLI_DATA_DIR
set -uo pipefail
bin=$1 data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# expect EXIT STDOUT_FILE STDERR_FILE -- ARGS...: runs cvpress, checks the exit code.
expect() {
  local want=$1 so=$2 se=$3
  shift 4
  "$bin" "$@" >"$so" 2>"$se"
  local rc=$?
  [ "$rc" = "$want" ] || { cat "$se" >&2; fail "cvpress $*: exit $rc, expected $want"; }
}
cd "$work" || exit 1

# new -> validate -> render
expect 0 out err -- new "Jane Doe"
[ "$(cat out)" = "Jane_Doe_CV.yaml: written" ] || fail "new printed '$(cat out)'"
[ ! -s err ] || fail "new wrote to stderr: $(cat err)"
grep -q '^  name: "Jane Doe"$' Jane_Doe_CV.yaml || fail "the starter lacks the name"
grep -q '^#' Jane_Doe_CV.yaml || fail "the starter has no comments"
expect 0 out err -- validate Jane_Doe_CV.yaml
[ "$(cat out)" = "Jane_Doe_CV.yaml: valid" ] || fail "validate: '$(cat out)' (warnings?)"
[ ! -s err ] || fail "validate printed: $(cat err)"
expect 0 out err -- render Jane_Doe_CV.yaml
[ -s Jane_Doe_CV.pdf ] || fail "render wrote no Jane_Doe_CV.pdf"
grep -q '^Jane_Doe_CV.pdf: [0-9]* bytes, 1 page$' out || fail "render printed '$(cat out)'"
pdftotext Jane_Doe_CV.pdf - | grep -q "Jane Doe" || fail "the PDF's text lacks the name"
for section in Education Experience Publications Skills; do
  pdftotext Jane_Doe_CV.pdf - | grep -qi "$section" || fail "the PDF lacks the $section section"
done

# new refuses to replace a file, and leaves it as it was.
echo "keep me" >existing.yaml
expect 5 out err -- new "Jane Doe" -o existing.yaml
[ "$(cat err)" = "cvpress: existing.yaml: already exists; not replacing it (choose another -o)" ] ||
  fail "new over a file: '$(cat err)'"
[ "$(cat existing.yaml)" = "keep me" ] || fail "new changed an existing file"
cp Jane_Doe_CV.yaml before.yaml
expect 5 out err -- new "Jane Doe"
cmp -s before.yaml Jane_Doe_CV.yaml || fail "new replaced Jane_Doe_CV.yaml"

# --style and --locale: still no warning, and the style and language are used.
expect 0 out err -- new "Zoë Müller" --style harvard --locale de
[ -f Zoe_Muller_CV.yaml ] || fail "new did not name the file like render (Zoe_Muller_CV.yaml): $(ls)"
grep -q '^  theme: harvard$' Zoe_Muller_CV.yaml || fail "no design.theme"
expect 0 out err -- validate Zoe_Muller_CV.yaml
[ "$(cat out)" = "Zoe_Muller_CV.yaml: valid" ] && [ ! -s err ] || fail "de/harvard starter: $(cat out err)"
expect 0 out err -- render Zoe_Muller_CV.yaml -o zoe.pdf
pdftotext zoe.pdf - | grep -q "Zoë Müller" || fail "the de PDF's text lacks the name"
pdftotext zoe.pdf - | grep -q "heute" || fail "the de PDF does not say 'heute' for present"

# stdin -> stdout: a PDF that qpdf accepts; the summary goes to stderr.
expect 0 out.pdf err -- render - --format pdf -o - <Jane_Doe_CV.yaml
qpdf --check out.pdf >qpdf.log 2>&1 || { cat qpdf.log >&2; fail "qpdf --check rejects the PDF from stdout"; }
grep -q '^-: [0-9]* bytes, 1 page$' err || fail "render - -o -: stderr '$(cat err)'"
pdftotext out.pdf - | grep -q "Jane Doe" || fail "the PDF from stdin lacks the name"
# The same through pipes, as a user types it (qpdf needs a seekable file).
cat Jane_Doe_CV.yaml | "$bin" render - --format pdf -o - 2>/dev/null | cat >piped.pdf
qpdf --check piped.pdf >/dev/null 2>&1 || fail "cat | render - -o - gave a PDF qpdf rejects"
# stdin with the default output: NAME_CV.pdf in the working directory.
mkdir sub && (cd sub && "$bin" render - <../Jane_Doe_CV.yaml >../out 2>../err) ||
  fail "render - without -o: $(cat err)"
[ -s sub/Jane_Doe_CV.pdf ] || fail "render - did not write Jane_Doe_CV.pdf in the working directory"

# Errors in stdin name <stdin>; exit codes are those of a file.
printf 'cv:\n  name: Jane\n  emial: x\n' >typo.yaml
expect 3 out err -- validate - <typo.yaml
grep -q '^<stdin>:3:3: ' err || fail "stdin error not located in <stdin>: $(cat err)"
expect 3 out err -- render - -o x.pdf <typo.yaml
grep -q '^<stdin>:3:3: ' err || fail "render stdin error not located in <stdin>: $(cat err)"
[ ! -e x.pdf ] || fail "a bad CV from stdin left x.pdf"
expect 0 out err -- validate - <Jane_Doe_CV.yaml
[ "$(cat out)" = "<stdin>: valid" ] || fail "validate -: '$(cat out)'"

# Relative bibliography paths of a CV on stdin resolve against the working directory.
(cd "$data" && "$bin" validate - <bib-cv.yaml >"$work/out" 2>"$work/err") ||
  fail "bib-cv.yaml on stdin, run in its folder: $(cat err)"
[ "$(cat out)" = "<stdin>: valid" ] || fail "bib-cv on stdin: '$(cat out)'"
expect 3 out err -- validate - <"$data/bib-cv.yaml"
grep -q "refs.bib" err || fail "bib-cv on stdin from elsewhere should miss refs.bib: $(cat err)"

# --quiet: no summary line on stdout (nor the stderr summary of -o -); errors stay.
expect 0 out err -- render -q Jane_Doe_CV.yaml -o q.pdf
[ ! -s out ] && [ ! -s err ] && [ -s q.pdf ] || fail "render -q printed: $(cat out err)"
expect 0 q2.pdf err -- render --quiet - -o - <Jane_Doe_CV.yaml
[ ! -s err ] && [ -s q2.pdf ] || fail "render -q -o - printed: $(cat err)"
expect 0 out err -- new -q "Ann Lee"
[ ! -s out ] && [ -f Ann_Lee_CV.yaml ] || fail "new -q printed: $(cat out)"
expect 3 out err -- validate -q typo.yaml
[ ! -s out ] && grep -q '^typo.yaml:3:3: ' err || fail "validate -q hid the error or printed: $(cat out)"

echo "ok: new, stdin and --quiet work end to end"
