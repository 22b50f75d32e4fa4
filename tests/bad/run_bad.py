#!/usr/bin/env python3
"""Runs every case of tests/bad/manifest.txt through the cvpress CLI.

Each manifest line is: ARGS <TAB> EXIT <TAB> MESSAGE, where ARGS are the
command's arguments (split on spaces; {out} stands for a fresh output folder).
A case with EXIT 0 (the --allow-dir counterparts) must write exactly one
file and print MESSAGE (may be empty) on stderr. The case files are copied (plus the generated huge ones) into a scratch
folder, the CLI runs there, and the test checks the exit code, that stderr is
exactly MESSAGE (one line), that nothing is written to the output folder, and
that no process runs longer than the time limit.

Usage: run_bad.py --cvpress BIN --scratch DIR [--only SUBSTRING]
       run_bad.py --cvpress BIN --scratch DIR --print   (show actual results)
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TIME_LIMIT = 60  # seconds per case, even under sanitizers


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvpress", required=True)
    ap.add_argument("--scratch", required=True)
    ap.add_argument("--only", default="")
    ap.add_argument("--print", action="store_true")
    a = ap.parse_args()
    a.cvpress = os.path.abspath(a.cvpress)

    scratch = os.path.abspath(a.scratch)
    shutil.rmtree(scratch, ignore_errors=True)
    cases = os.path.join(scratch, "cases")
    shutil.copytree(os.path.join(HERE, "cases"), cases, symlinks=True)
    subprocess.run([sys.executable, os.path.join(HERE, "make_generated.py"), cases], check=True)

    failures = 0
    count = 0
    with open(os.path.join(HERE, "manifest.txt"), encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    for n, line in enumerate(lines, 1):
        args_text, exit_text, message = line.split("\t")
        if a.only and a.only not in args_text:
            continue
        count += 1
        out = os.path.join(scratch, f"out{n}")
        os.makedirs(out)
        args = [x.replace("{out}", os.path.relpath(out, cases)) for x in args_text.split(" ")]
        start = time.monotonic()
        try:
            p = subprocess.run([a.cvpress] + args, cwd=cases, capture_output=True,
                               timeout=TIME_LIMIT)
        except subprocess.TimeoutExpired:
            print(f"FAIL {args_text}: no result after {TIME_LIMIT} s")
            failures += 1
            continue
        took = time.monotonic() - start
        err = p.stderr.decode("utf-8", "replace")
        written = os.listdir(out)
        if a.print:
            print(f"{args_text}\t{p.returncode}\t{err.rstrip()}\t({took:.2f} s, wrote {written})")
            continue
        problems = []
        if p.returncode != int(exit_text):
            problems.append(f"exit {p.returncode}, expected {exit_text}")
        if err != (message + "\n" if message else ""):
            problems.append(f"stderr {err!r}, expected {message!r}")
        if int(exit_text) != 0 and written:
            problems.append(f"wrote {written} to the output folder")
        if int(exit_text) == 0 and len(written) != 1:
            problems.append(f"wrote {written}, expected one output file")
        if problems:
            failures += 1
            print(f"FAIL {args_text}: " + "; ".join(problems))
        else:
            print(f"ok   {args_text} ({took:.2f} s)")
    if count == 0:
        print("no case matched")
        return 1
    print(f"{count - failures}/{count} bad-input cases behave")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
