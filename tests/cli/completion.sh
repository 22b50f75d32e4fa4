#!/usr/bin/env bash
# The generated bash completion completes commands, each command's options
# (from the CLI's own tables), style and format names and files; the zsh
# completion parses and names every command; the man page formats without a
# warning and documents every command and option.
#   completion.sh CVPRESS DOCS_DIR
set -uo pipefail
bin=$1 docs=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
PATH="$(dirname "$bin"):$PATH"
# shellcheck disable=SC1091
source "$docs/cvpress.bash"
shopt -s extglob
complete_words() { # complete_words WORD... : completions for the last word
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _cvpress
  [ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}
[ "$(complete_words cvpress re)" = "render " ] || fail "cvpress re -> '$(complete_words cvpress re)'"
[ "$(complete_words cvpress render --sty)" = "--style " ] || fail "render --sty"
[ "$(complete_words cvpress batch --sh)" = "--shard " ] || fail "batch --sh"
[ "$(complete_words cvpress new --bo)" = "" ] || fail "new --bo offers something"
got=$(complete_words cvpress render cv.yaml --style c)
[ "$got" = "classic cvpress " ] || fail "render --style c -> '$got'"
got=$(complete_words cvpress render cv.yaml -f l)
[ "$got" = "latex " ] || fail "render -f l -> '$got'"
got=$(complete_words cvpress help ba)
[ "$got" = "batch " ] || fail "help ba -> '$got'"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" && touch me.yaml notes.txt && mkdir pics
got=$(complete_words cvpress render "")
[ "$got" = "me.yaml pics " ] || fail "render FILE -> '$got'"
cd - >/dev/null || exit 1
# Every option of every command is offered.
for cmd in $("$bin" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR>1 && $1 != "help" && $1 !~ /^[[]/ {print $1}'); do
  for opt in $("$bin" help "$cmd" | grep -oE '^  (-[a-zA-Z] \[ )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
    [ "$(complete_words cvpress "$cmd" "$opt")" = "$opt " ] || fail "$cmd $opt not completed"
    grep -q -- "--$opt\\|${opt//-/\\\\-}" "$docs/cvpress.1" || fail "man page lacks $cmd $opt"
  done
  grep -q "^    '$cmd:" "$docs/_cvpress" || fail "zsh completion lacks $cmd"
  grep -q "^\\.SS $cmd" "$docs/cvpress.1" || fail "man page lacks $cmd"
done
zsh -n "$docs/_cvpress" || fail "zsh completion does not parse"
warnings=$(groff -man -Tutf8 -ww -z "$docs/cvpress.1" 2>&1)
[ -z "$warnings" ] || fail "groff: $warnings"
echo "completions and man page ok"
