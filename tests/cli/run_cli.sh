#!/usr/bin/env bash
# Runs the cvpress CLI once and checks its exit code and its exact stdout and
# stderr against golden files. Used by tests/cli/CMakeLists.txt; run it from
# the folder the command's relative paths refer to (tests/data/cli).
#
#   run_cli.sh --bin CVPRESS --exit N --stdout FILE --stderr FILE
#              [--empty-dir DIR] [--requires FORMAT] -- ARGS...
#
# --empty-dir DIR    DIR is emptied before the run and must still be empty
#                    after it (no output, no leftover temporary file)
# --requires FORMAT  skip (exit 77) unless `cvpress formats` lists FORMAT
#
# In golden files, @FORMATS@ stands for the comma-separated list of built
# backends (as in "valid formats: latex, pdf"), so the files stay valid as
# backends are added, @OUT@ stands for the --empty-dir folder and @DATADIR@
# for --datadir (the installed data folder, which the starter CV names). Set CVPRESS_UPDATE_GOLDEN=1 to rewrite the golden
# files from the actual output (then read the diff before committing).
set -u

bin="" expect_exit="" stdout_file="" stderr_file="" empty_dir="" requires="" datadir="@DATADIR@"
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=$2; shift 2 ;;
    --exit) expect_exit=$2; shift 2 ;;
    --stdout) stdout_file=$2; shift 2 ;;
    --stderr) stderr_file=$2; shift 2 ;;
    --empty-dir) empty_dir=$2; shift 2 ;;
    --requires) requires=$2; shift 2 ;;
    --datadir) datadir=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "run_cli.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$bin" ] || [ -z "$expect_exit" ] || [ -z "$stdout_file" ] || [ -z "$stderr_file" ]; then
  echo "run_cli.sh: --bin, --exit, --stdout and --stderr are required" >&2
  exit 2
fi

formats_out=$("$bin" formats) || { echo "FAIL: '$bin formats' failed" >&2; exit 1; }
formats=$(printf '%s\n' "$formats_out" | cut -f1 | sed '/^$/d' | paste -sd, - | sed 's/,/, /g')
[ -n "$formats" ] || formats="(none built)"

if [ -n "$requires" ] && ! printf '%s\n' "$formats_out" | cut -f1 | grep -qx "$requires"; then
  echo "SKIP: the '$requires' backend is not built (have: $formats)"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "$empty_dir" ]; then
  rm -rf -- "$empty_dir" && mkdir -p -- "$empty_dir" || exit 1
fi

"$bin" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
actual_exit=$?

if [ "${CVPRESS_UPDATE_GOLDEN:-0}" = 1 ]; then
  for stream in stdout stderr; do
    if [ $stream = stdout ]; then dest=$stdout_file; else dest=$stderr_file; fi
    # Turn the concrete backend list back into the placeholder.
    sed -e "s|valid formats: $formats)|valid formats: @FORMATS@)|" -e "s|^Formats: $formats$|Formats: @FORMATS@|" \
      -e "${empty_dir:+s|$empty_dir|@OUT@|g}" -e "s|$datadir|@DATADIR@|g" "$tmp/$stream" >"$dest"
  done
  echo "updated $stdout_file and $stderr_file (exit code was $actual_exit)"
fi

status=0
echo "command: cvpress $*"
if [ "$actual_exit" != "$expect_exit" ]; then
  echo "FAIL: exit code $actual_exit, expected $expect_exit"
  status=1
fi
for stream in stdout stderr; do
  if [ $stream = stdout ]; then golden=$stdout_file; else golden=$stderr_file; fi
  if [ ! -f "$golden" ]; then
    echo "FAIL: golden file $golden is missing"
    status=1
    continue
  fi
  # Fill in the placeholders ('|' occurs in neither backend names nor build paths).
  sed -e "s|@FORMATS@|$formats|g" -e "s|@OUT@|$empty_dir|g" -e "s|@DATADIR@|$datadir|g" \
    "$golden" >"$tmp/expected.$stream"
  if ! cmp -s "$tmp/expected.$stream" "$tmp/$stream"; then
    echo "FAIL: $stream differs from $golden:"
    diff -u "$tmp/expected.$stream" "$tmp/$stream" | sed 's/^/  /'
    status=1
  fi
done
if [ -n "$empty_dir" ] && [ -n "$(ls -A -- "$empty_dir")" ]; then
  echo "FAIL: the command left files in $empty_dir:"
  ls -A -- "$empty_dir" | sed 's/^/  /'
  status=1
fi
[ $status = 0 ] && echo "ok: exit $actual_exit, stdout and stderr as expected"
exit $status
