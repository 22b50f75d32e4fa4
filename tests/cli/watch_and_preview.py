#!/usr/bin/env python3
"""End-to-end checks of `cvpress render --watch` and `cvpress preview` (issue
16, items 2 and 3) through the CLI, with real file edits: every wait is on
the output changing, with a generous deadline, so the test is bounded but
not timing-sensitive. Servers and watchers are always ended (SIGTERM, then
SIGKILL) and must exit 0 on SIGTERM/SIGINT.

Usage: watch_and_preview.py --cvpress BIN --scratch DIR
"""
import argparse
import http.client
import json
import os
import re
import struct
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

DEADLINE = 30.0  # seconds for anything to happen; CI machines can be slow

failures = []


def check(cond: bool, what: str) -> None:
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


def cv(name: str, extra: str = "") -> str:
    return (f"cv:\n  name: {name}\n  email: ada@example.com\n{extra}  sections:\n"
            "    education:\n      - institution: University of London\n"
            "        area: Mathematics\n        start_date: 1840-01\n        end_date: 1843-06\n")


def save(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def save_by_rename(path: str, text: str) -> None:
    tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swp")
    save(tmp, text)
    os.rename(tmp, path)


def wait_until(pred, deadline=DEADLINE, step=0.01):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        value = pred()
        if value:
            return value
        time.sleep(step)
    return pred()


class Proc:
    """A cvpress process whose stdout and stderr are collected by threads."""

    def __init__(self, args, cwd):
        self.p = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  stdin=subprocess.DEVNULL, text=True)
        self.out, self.err = [], []
        self.threads = [threading.Thread(target=self._pump, args=(s, b), daemon=True)
                        for s, b in ((self.p.stdout, self.out), (self.p.stderr, self.err))]
        for t in self.threads:
            t.start()

    @staticmethod
    def _pump(stream, buf):
        for line in stream:
            buf.append(line)

    def stdout(self) -> str:
        return "".join(self.out)

    def stderr(self) -> str:
        return "".join(self.err)

    def end(self, sig=signal.SIGTERM):
        """Sends `sig`; returns (exit code, seconds to exit), killing after 10 s."""
        if self.p.poll() is not None:
            return self.p.returncode, 0.0
        start = time.monotonic()
        self.p.send_signal(sig)
        try:
            rc = self.p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.p.kill()
            rc = self.p.wait()
            rc = "killed"
        took = time.monotonic() - start
        for t in self.threads:
            t.join(timeout=5)
        return rc, took


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return b""


def pdf_text(data: bytes) -> str:
    r = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True)
    return r.stdout.decode("utf-8", "replace")


def test_watch(b: str, scratch: str) -> None:
    d = os.path.join(scratch, "watch")
    os.makedirs(d)
    src, out = os.path.join(d, "cv.yaml"), os.path.join(d, "out.pdf")
    save(src, cv("Ada Lovelace"))
    w = Proc([b, "render", "--watch", "cv.yaml", "-o", "out.pdf"], d)
    try:
        renders = lambda: len(re.findall(r"^\[\d\d:\d\d:\d\d\] out\.pdf: \d+ bytes, 1 page \(\d+ ms\)$",
                                         w.stdout(), re.M))
        check(wait_until(lambda: renders() == 1) and "Ada Lovelace" in pdf_text(read_bytes(out)),
              "watch: first render written")
        check(w.stdout().startswith("[") and re.search(r"^\[\d\d:\d\d:\d\d\] watching cv\.yaml$",
                                                        w.stdout(), re.M) is not None,
              "watch: names the watched files")
        save(src, cv("Grace Hopper"))
        check(wait_until(lambda: renders() == 2) and "Grace Hopper" in pdf_text(read_bytes(out)),
              "watch: a save in place renders again")
        save_by_rename(src, cv("Katherine Johnson"))
        check(wait_until(lambda: renders() == 3) and "Katherine Johnson" in pdf_text(read_bytes(out)),
              "watch: a save by rename (vim, VS Code) renders again")
        good = read_bytes(out)
        save(src, "cv:\n  name: [oops\n")
        check(wait_until(lambda: "cv.yaml: 1 error, kept out.pdf" in w.stdout()),
              "watch: invalid input reported with the kept output")
        # stderr is read by another thread: wait for it too.
        check(wait_until(lambda: "cv.yaml:3:1: cv.name[1]: invalid YAML" in w.stderr()),
              "watch: the error has its location (" + w.stderr().strip()[:120] + ")")
        check(read_bytes(out) == good, "watch: the last good output is kept")
        check(not [f for f in os.listdir(d) if f not in ("cv.yaml", "out.pdf")],
              "watch: no temporary file left")
        save(src, cv("Mary Jackson"))
        check(wait_until(lambda: renders() == 4) and "Mary Jackson" in pdf_text(read_bytes(out)),
              "watch: fixed input renders again")
    finally:
        rc, took = w.end(signal.SIGINT)
    check(rc == 0, f"watch: Ctrl-C ends it with exit 0 (got {rc}, {took:.2f} s)")

    # Usage errors come at once, without watching.
    r = subprocess.run([b, "render", "--watch", "-", "-o", "x.pdf"], cwd=d, capture_output=True,
                       text=True, timeout=30, stdin=subprocess.DEVNULL)
    check(r.returncode == 2 and r.stderr == "cvpress: cannot watch standard input; give the CV file\n",
          "watch: refuses standard input (" + r.stderr.strip() + ")")
    r = subprocess.run([b, "render", "--watch", "cv.yaml", "-o", "-"], cwd=d, capture_output=True,
                       text=True, timeout=30)
    check(r.returncode == 2 and "cannot write to standard output" in r.stderr,
          "watch: refuses -o -")


def get(url: str, headers=None):
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=DEADLINE) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def listening_addresses(port: int):
    """Local addresses listening on `port`, from /proc/net/tcp{,6}."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    cols = line.split()
                    addr, p = cols[1].split(":")
                    if int(p, 16) == port and cols[3] == "0A":  # LISTEN
                        found.append(addr)
        except OSError:
            pass
    return found


class Events:
    """Reads the /events stream on a thread; records (time, generation)."""

    def __init__(self, port: int):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=DEADLINE)
        self.conn.request("GET", "/events")
        self.resp = self.conn.getresponse()
        self.got = []
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        try:
            while True:
                line = self.resp.fp.readline()
                if not line:
                    return
                m = re.match(rb"data: (\d+)", line)
                if m:
                    self.got.append((time.monotonic(), int(m.group(1))))
        except (OSError, ValueError):
            return

    def close(self):
        try:
            self.conn.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.conn.close()


def test_preview(b: str, scratch: str) -> None:
    d = os.path.join(scratch, "preview")
    os.makedirs(d)
    src = os.path.join(d, "cv.yaml")
    save(src, cv("Ada Lovelace"))
    s = Proc([b, "preview", "cv.yaml", "--port", "0"], d)
    try:
        m = wait_until(lambda: re.match(r"Preview: http://127\.0\.0\.1:(\d+)/\n", s.stdout()))
        check(m is not None, "preview: prints its URL (" + s.stdout()[:80] + s.stderr()[:200] + ")")
        if not m:
            return
        port = int(m.group(1))
        base = f"http://127.0.0.1:{port}"
        check(listening_addresses(port) == ["0100007F"],
              f"preview: listens on 127.0.0.1 only ({listening_addresses(port)})")

        status, ctype, body = get(base + "/")
        page = body.decode()
        check(status == 200 and ctype.startswith("text/html"), "preview: GET / is a page")
        check('<h1 id="cv-name">Ada Lovelace</h1>' in page, "preview: the page shows the name")
        check('data="/cv.pdf?g=1"' in page and "new EventSource('/events')" in page,
              "preview: the page embeds the PDF and listens for reloads")
        status, ctype, pdf = get(base + "/cv.pdf")
        check(status == 200 and ctype == "application/pdf" and pdf.startswith(b"%PDF-")
              and "Ada Lovelace" in pdf_text(pdf), "preview: GET /cv.pdf is the CV")
        # Page images of the last good PDF (the png format's rasteriser).
        status, ctype, png = get(base + "/page-1.png")
        check(status == 200 and ctype == "image/png" and png.startswith(b"\x89PNG\r\n\x1a\n")
              and struct.unpack(">II", png[16:24]) == (827, 1169),
              "preview: GET /page-1.png is page 1 at 100 dpi (A4: 827x1169)")
        check('href="/page-1.png?g=1"' in page, "preview: the page links its page images")
        status, _, _ = get(base + "/page-2.png")
        check(status == 404, "preview: a page the PDF does not have is 404")
        status, _, _ = get(base + "/state.json", {"Host": "attacker.example:80"})
        check(status == 403, "preview: a foreign Host header is refused (DNS rebinding)")
        status, _, _ = get(base + "/nothing")
        check(status == 404, "preview: unknown paths are 404")

        ev = Events(port)
        try:
            check(wait_until(lambda: [g for _, g in ev.got] == [1]),
                  "preview: /events sends the current generation on connecting")
            saved = time.monotonic()
            save(src, cv("Grace Hopper"))
            check(wait_until(lambda: len(ev.got) >= 2), "preview: a save pushes an event")
            if len(ev.got) >= 2:
                latency = (ev.got[1][0] - saved) * 1000
                print(f"info save-to-event latency: {latency:.0f} ms")
                check(ev.got[1][1] == 2, "preview: the event carries the new generation")
            state = json.loads(get(base + "/state.json")[2])
            check(state["name"] == "Grace Hopper" and state["ok"] and state["generation"] == 2,
                  "preview: state after the save")
            check("Grace Hopper" in pdf_text(get(base + "/cv.pdf")[2]),
                  "preview: /cv.pdf is the new render")

            save(src, "cv:\n  name: Grace Hopper\n  sections: 3\n")
            check(wait_until(lambda: len(ev.got) >= 3), "preview: an invalid save pushes an event")
            state = json.loads(get(base + "/state.json")[2])
            check(not state["ok"] and state["diagnostics"][0]["line"] == 3
                  and state["diagnostics"][0]["file"] == "cv.yaml"
                  and state["diagnostics"][0]["path"] == "cv.sections",
                  "preview: state.json has the located error (" + json.dumps(state)[:200] + ")")
            page = get(base + "/")[2].decode()
            check('<ul id="cv-errors">\n<li>cv.yaml:3:13: cv.sections: ' in page,
                  "preview: the page lists the located error")
            pdf = get(base + "/cv.pdf")[2]
            check("Grace Hopper" in pdf_text(pdf), "preview: the last good PDF is still served")

            # A valid CV's warnings are listed above the PDF.
            save(src, cv("Grace Hopper").replace("        area:", "        salary: none\n        area:"))
            check(wait_until(lambda: len(ev.got) >= 4), "preview: a save with a warning pushes an event")
            page = get(base + "/")[2].decode()
            check('<ul id="cv-warnings">\n<li>cv.yaml:7:9: warning: cv.sections.education[0].salary: '
                  'unknown key, ignored</li>' in page and 'id="cv-errors"' not in page
                  and 'data="/cv.pdf?g=4"' in page, "preview: warnings are listed with the PDF")

            # CV text in the page is escaped: a key that is markup stays text.
            save(src, cv("Grace Hopper").replace("  email:", "  <img src=x onerror=alert(1)>: 1\n  email:"))
            check(wait_until(lambda: len(ev.got) >= 5), "preview: another save pushes an event")
            page = get(base + "/")[2].decode()
            check("&lt;img src=x onerror=alert(1)&gt;" in page and "<img" not in page,
                  "preview: text from the CV is HTML-escaped")
        finally:
            ev.close()

        # A second preview on the same port: exit 5 with the reason.
        try:
            r = subprocess.run([b, "preview", "cv.yaml", "--port", str(port)], cwd=d,
                               capture_output=True, text=True, timeout=30)
            check(r.returncode == 5
                  and r.stderr.startswith(f"cvpress: 127.0.0.1:{port}: cannot listen"),
                  "preview: a busy port is exit 5 (" + r.stderr.strip() + ")")
        except subprocess.TimeoutExpired:
            check(False, "preview: a busy port is exit 5 (it served instead)")
    finally:
        # An open event stream must not hold up the stop.
        ev2 = None
        try:
            ev2 = Events(port) if 'port' in locals() else None
        except OSError:
            pass
        rc, took = s.end(signal.SIGTERM)
        if ev2:
            ev2.close()
    check(rc == 0 and took < 5, f"preview: SIGTERM ends it with exit 0 ({rc}, {took:.2f} s)")

    r = subprocess.run([b, "preview", "cv.yaml", "--format", "latex"], cwd=d, capture_output=True,
                       text=True, timeout=30)
    check(r.returncode == 2, "preview: unknown options are usage errors")
    r = subprocess.run([b, "preview", "cv.yaml", "--port", "70000"], cwd=d, capture_output=True,
                       text=True, timeout=30)
    check(r.returncode == 2 and r.stderr == "cvpress: --port must be 0-65535, not 70000\n",
          "preview: a port out of range is a usage error")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvpress", required=True)
    ap.add_argument("--scratch", required=True)
    a = ap.parse_args()
    b = os.path.abspath(a.cvpress)
    shutil.rmtree(a.scratch, ignore_errors=True)
    os.makedirs(a.scratch)
    test_watch(b, a.scratch)
    test_preview(b, a.scratch)
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
