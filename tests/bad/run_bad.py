#!/usr/bin/env python3
"""Runs every case of tests/bad/manifest.txt through the cvpress CLI.

Each manifest line is: ARGS <TAB> EXIT <TAB> MESSAGE, where ARGS are the
command's arguments (split on spaces; {out} stands for a fresh output folder).
A case with EXIT 0 (the --allow-dir counterparts) must write exactly one
file and print MESSAGE (may be empty) on stderr. The case files are copied (plus the generated huge ones) into a scratch
folder, the CLI runs there, and the test checks the exit code, that stderr is
exactly MESSAGE (one line), that nothing is written to the output folder, and
that no process runs longer than the time limit. It prints the slowest case
and the largest peak RSS; with --max-rss-mb a case above it fails (memory is
not timing: it does not depend on the machine's load).

Usage: run_bad.py --cvpress BIN --scratch DIR [--only SUBSTRING] [--max-rss-mb N]
       run_bad.py --cvpress BIN --scratch DIR --print   (show actual results)
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TIME_LIMIT = 60  # seconds per case, even under sanitizers


def run_measured(argv, cwd):
    """Runs argv; returns (exit code, stderr bytes, peak RSS in MB) or None
    after TIME_LIMIT seconds (the process is killed)."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        p = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + TIME_LIMIT
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                p.kill()
                os.wait4(p.pid, 0)
                return None
            time.sleep(0.005)
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return p.returncode, err.read(), usage.ru_maxrss / 1024.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvpress", required=True)
    ap.add_argument("--scratch", required=True)
    ap.add_argument("--only", default="")
    ap.add_argument("--print", action="store_true")
    ap.add_argument("--max-rss-mb", type=float, default=0)
    a = ap.parse_args()
    a.cvpress = os.path.abspath(a.cvpress)

    scratch = os.path.abspath(a.scratch)
    shutil.rmtree(scratch, ignore_errors=True)
    cases = os.path.join(scratch, "cases")
    shutil.copytree(os.path.join(HERE, "cases"), cases, symlinks=True)
    subprocess.run([sys.executable, os.path.join(HERE, "make_generated.py"), cases], check=True)

    failures = 0
    count = 0
    slowest = (0.0, "")
    largest = (0.0, "")
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
        result = run_measured([a.cvpress] + args, cases)
        if result is None:
            print(f"FAIL {args_text}: no result after {TIME_LIMIT} s")
            failures += 1
            continue
        took = time.monotonic() - start
        returncode, stderr, rss = result
        slowest = max(slowest, (took, args_text))
        largest = max(largest, (rss, args_text))
        err = stderr.decode("utf-8", "replace")
        written = os.listdir(out)
        if a.print:
            print(f"{args_text}\t{returncode}\t{err.rstrip()}\t({took:.2f} s, {rss:.0f} MB, wrote {written})")
            continue
        problems = []
        if returncode != int(exit_text):
            problems.append(f"exit {returncode}, expected {exit_text}")
        if a.max_rss_mb and rss > a.max_rss_mb:
            problems.append(f"peak RSS {rss:.0f} MB, more than {a.max_rss_mb:.0f} MB")
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
            print(f"ok   {args_text} ({took:.2f} s, {rss:.0f} MB)")
    if count == 0:
        print("no case matched")
        return 1
    print(f"slowest: {slowest[0]:.2f} s ({slowest[1]}); largest peak RSS: {largest[0]:.0f} MB ({largest[1]})")
    print(f"{count - failures}/{count} bad-input cases behave")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
