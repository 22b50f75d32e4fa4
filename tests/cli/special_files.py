#!/usr/bin/env python3
"""CLI checks on special files and output paths that the golden CLI tests
cannot express (issue 20): devices and FIFOs are written in place, never
replaced; symlinks are written through; -o equal to the input is refused;
-o DIR/ picks the default name; FIFO inputs are refused without hanging;
batch manifests report write errors and never overwrite an output; a failed
rename leaves no temporary file; batch exit-code precedence; long names.

Usage: special_files.py --cvpress BIN --scratch DIR
"""
import argparse
import os
import shutil
import stat
import subprocess
import sys
import threading

GOOD = """cv:
  name: Ada Lovelace
  email: ada@example.com
  sections:
    education:
      - institution: University of London
        area: Mathematics
        start_date: 1840-01
        end_date: 1843-06
"""

failures = []


def check(cond: bool, what: str) -> None:
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def read(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return b""


def run(bin_, args, cwd, timeout=30, stdin=subprocess.DEVNULL):
    try:
        return subprocess.run([bin_] + args, cwd=cwd, capture_output=True, timeout=timeout,
                              stdin=stdin)
    except subprocess.TimeoutExpired:
        return None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvpress", required=True)
    ap.add_argument("--scratch", required=True)
    a = ap.parse_args()
    b = os.path.abspath(a.cvpress)
    d = os.path.abspath(a.scratch)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    with open(os.path.join(d, "good.yaml"), "w") as f:
        f.write(GOOD)
    good_bytes = read(os.path.join(d, "good.yaml"))

    # /dev/full: a write error is exit 5 and the device node stays.
    p = run(b, ["render", "good.yaml", "-o", "/dev/full"], d)
    check(p is not None and p.returncode == 5, "render -o /dev/full exits 5")
    check(p is not None and p.stderr == b"cvpress: /dev/full: cannot write: No space left on device\n",
          "render -o /dev/full says 'No space left on device'")
    check(stat.S_ISCHR(os.stat("/dev/full").st_mode), "/dev/full is still a character device")
    check(not any(n.startswith(".full") for n in os.listdir("/dev")), "no temporary file in /dev")
    # /dev/null: exit 0, still a device.
    p = run(b, ["render", "good.yaml", "-o", "/dev/null"], d)
    check(p is not None and p.returncode == 0, "render -o /dev/null exits 0")
    check(stat.S_ISCHR(os.stat("/dev/null").st_mode), "/dev/null is still a character device")

    # A FIFO as output is written in place: the reader gets the whole PDF.
    fifo_out = os.path.join(d, "out.fifo")
    os.mkfifo(fifo_out)
    got = {}

    def reader():
        with open(fifo_out, "rb") as f:
            got["data"] = f.read()

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    p = run(b, ["render", "good.yaml", "-f", "pdf", "-o", "out.fifo"], d)
    t.join(30)
    check(p is not None and p.returncode == 0, "render -o FIFO exits 0")
    check(got.get("data", b"").startswith(b"%PDF-") and got["data"].rstrip().endswith(b"%%EOF"),
          "the FIFO's reader gets a whole PDF")
    check(stat.S_ISFIFO(os.lstat(fifo_out).st_mode), "the FIFO is still a FIFO")

    # -o - writes the PDF to stdout, the summary to stderr.
    p = run(b, ["render", "good.yaml", "-o", "-"], d)
    check(p is not None and p.returncode == 0 and p.stdout.startswith(b"%PDF-"),
          "render -o - writes the PDF to stdout")

    # A symlink is written through, not replaced (also a dangling one).
    os.symlink("real.pdf", os.path.join(d, "link.pdf"))
    p = run(b, ["render", "good.yaml", "-o", "link.pdf"], d)
    check(p is not None and p.returncode == 0, "render -o symlink exits 0")
    check(os.path.islink(os.path.join(d, "link.pdf")), "the symlink is still a symlink")
    check(read(os.path.join(d, "real.pdf")).startswith(b"%PDF-"),
          "the symlink's target holds the PDF")

    # -o equal to the input is refused; the input is unchanged.
    p = run(b, ["render", "good.yaml", "-f", "latex", "-o", "good.yaml"], d)
    check(p is not None and p.returncode == 2, "render -o INPUT exits 2")
    check(p is not None and p.stderr ==
          b"cvpress: the output 'good.yaml' is the input file; choose another -o\n",
          "render -o INPUT names the problem")
    check(read(os.path.join(d, "good.yaml")) == good_bytes, "the input is unchanged")
    os.symlink("good.yaml", os.path.join(d, "alias.tex"))
    p = run(b, ["render", "good.yaml", "-o", "alias.tex"], d)
    check(p is not None and p.returncode == 2, "render -o SYMLINK-TO-INPUT exits 2")
    check(read(os.path.join(d, "good.yaml")) == good_bytes,
          "the input is unchanged (symlink)")

    # -o DIR/ writes DIR/NAME_CV.pdf.
    os.makedirs(os.path.join(d, "outdir"))
    p = run(b, ["render", "good.yaml", "-o", "outdir/"], d)
    check(p is not None and p.returncode == 0, "render -o outdir/ exits 0")
    check(os.listdir(os.path.join(d, "outdir")) == ["Ada_Lovelace_CV.pdf"],
          "render -o outdir/ writes outdir/Ada_Lovelace_CV.pdf")

    # A 400-character name: the derived output name is capped.
    with open(os.path.join(d, "long.yaml"), "w") as f:
        f.write(GOOD.replace("Ada Lovelace", "Ada " + "L" * 400))
    os.makedirs(os.path.join(d, "longdir"))
    shutil.copy(os.path.join(d, "long.yaml"), os.path.join(d, "longdir", "long.yaml"))
    p = run(b, ["render", "longdir/long.yaml"], d)
    check(p is not None and p.returncode == 0, "a 400-character name renders (exit 0)")
    names = [n for n in os.listdir(os.path.join(d, "longdir")) if n.endswith(".pdf")]
    check(len(names) == 1 and len(names[0]) <= 204 and names[0].endswith("_CV.pdf"),
          f"the derived name is capped ({names})")

    # A file name with control characters is quoted escaped: one line, no
    # terminal escape sequence.
    p = run(b, ["validate", "a\nb.yaml:1:1: forged\x1b[2J.yaml"], d)
    check(p is not None and p.returncode == 5 and p.stderr ==
          b"cvpress: a\\nb.yaml:1:1: forged\\x1b[2J.yaml: cannot read file: "
          b"No such file or directory\n", "control characters in a file name are escaped")

    # FIFO inputs are refused at once (validate, render, batch).
    os.mkfifo(os.path.join(d, "fifo.yaml"))
    for args in (["validate", "fifo.yaml"], ["render", "fifo.yaml", "-o", "x.pdf"]):
        p = run(b, args, d, timeout=10)
        check(p is not None and p.returncode == 5 and p.stderr ==
              b"cvpress: fifo.yaml: cannot read file: it is a FIFO, not a regular file\n",
              f"{args[0]} FIFO is refused with exit 5")
    p = run(b, ["batch", "fifo.yaml", "good.yaml", "-o", "fifo-out", "-q"], d, timeout=10)
    check(p is not None and p.returncode == 5, "batch with a FIFO input exits 5 without hanging")
    check(p is not None and os.listdir(os.path.join(d, "fifo-out")) == ["good.pdf"],
          "batch with a FIFO input still renders the others")

    # Manifest: write errors are exit 5; a manifest colliding with an output
    # (or an input) is refused before anything is written.
    p = run(b, ["batch", "good.yaml", "-o", "m1", "-q", "--manifest", "/dev/full"], d)
    check(p is not None and p.returncode == 5, "batch --manifest /dev/full exits 5")
    check(p is not None and b"cvpress: /dev/full: cannot write manifest: No space left on device"
          in p.stderr, "batch --manifest /dev/full says why")
    p = run(b, ["batch", "good.yaml", "-o", "m2", "-q", "--manifest", "m2/good.pdf"], d)
    check(p is not None and p.returncode == 2 and p.stderr ==
          b"cvpress: --manifest m2/good.pdf is also the output of good.yaml\n",
          "batch --manifest OUTPUT is refused (exit 2)")
    check(not os.path.exists(os.path.join(d, "m2", "good.pdf")), "nothing written at the output")
    p = run(b, ["batch", "good.yaml", "-o", "m3", "-q", "--manifest", "good.yaml"], d)
    check(p is not None and p.returncode == 2, "batch --manifest INPUT is refused (exit 2)")
    check(read(os.path.join(d, "good.yaml")) == good_bytes,
          "the input is unchanged (manifest)")

    # A failed final rename (the output name is a non-empty folder) is an
    # io_error and leaves no temporary file behind.
    os.makedirs(os.path.join(d, "r1", "good.pdf", "x"))
    p = run(b, ["batch", "good.yaml", "-o", "r1", "-q"], d)
    check(p is not None and p.returncode == 5, "batch onto a folder named like the output exits 5")
    check(sorted(os.listdir(os.path.join(d, "r1"))) == ["good.pdf"],
          f"no temporary file is left ({sorted(os.listdir(os.path.join(d, 'r1')))})")

    # Exit-code precedence: a collision (io, 5) outranks a render failure (4).
    os.makedirs(os.path.join(d, "prec"))
    with open(os.path.join(d, "prec", "big.yaml"), "w") as f:
        f.write("cv:\n  name: Ada Lovelace\n  sections:\n    notes:\n" +
                "".join(f"      - Bullet number {i}\n" for i in range(4000)))
    for n in ("c.yaml", "c.yml"):
        with open(os.path.join(d, "prec", n), "w") as f:
            f.write(GOOD)
    p = run(b, ["batch", "prec", "-o", "prec-out", "-q", "-j", "1"], d, timeout=120)
    err = p.stderr.decode() if p else ""
    check(p is not None and "more than the limit of 50" in err and "collides with" in err,
          "the batch has a render failure and a collision")
    check(p is not None and p.returncode == 5, f"collision (5) outranks render failure (4): exit "
          f"{p.returncode if p else None}")

    print(f"{len(failures)} failed" if failures else "all special-file checks pass")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
