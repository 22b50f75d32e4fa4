#!/usr/bin/env python3
"""End-to-end checks of the html, markdown and png output formats.

  check_formats.py --cvpress BIN --source DIR --scratch DIR CHECK

html      every example renders (by batch, --format html) to one well-formed
          HTML5 file: tags balanced, lang and dir on <html> (rtl for the Hebrew
          CV), one <h1>, an <h2> per section, only allow-listed link schemes,
          no script, the photo as a data: URI; -o - gives the same bytes;
          -o x.htm infers the format
markdown  every example renders to Markdown with the CV's name as "# NAME",
          a "# " heading per section and no run of 3+ asterisks; -o x.md
          infers the format and -o - gives the same bytes
png       a two-page CV gives cv.png and cv-2.png (as many as the PDF's
          pages), 8-bit RGB A4 pages at 150 dpi (1240x1754) that are neither
          blank nor black; batch --format png writes the same files; -o -
          writes page 1 and warns; --dpi 72 gives 595x842 pages; a one-page
          CV leaves no cv-2.png
"""
import argparse
import base64
import html.parser
import os
import shutil
import struct
import subprocess
import sys
import zlib

VOID = {"meta", "br", "img", "link", "hr", "input", "source", "wbr"}


class StrictHtml(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.tags, self.attrs = [], [], {}, []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.attrs.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        self.errors.append("self-closing <%s/> at %s" % (tag, self.getpos()))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append("</%s> at %s closes %s" % (
                tag, self.getpos(), self.stack[-1] if self.stack else "nothing"))
        else:
            self.stack.pop()


def run(args, *cmd, **kw):
    return subprocess.run([args.cvpress, *cmd], capture_output=True, **kw)


def examples(args):
    d = os.path.join(args.source, "examples")
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".yaml"))


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def check_html_file(path, text):
    errors = []
    p = StrictHtml()
    p.feed(text)
    p.close()
    errors += p.errors
    if p.stack:
        errors.append("unclosed: %s" % p.stack)
    if not text.startswith("<!DOCTYPE html>\n<html lang=\""):
        errors.append("no doctype and <html lang=...>")
    root = dict(p.attrs[0][1]) if p.attrs else {}
    if root.get("dir") not in ("ltr", "rtl") or not root.get("lang"):
        errors.append("<html> needs lang and dir: %s" % root)
    if "hebrew" in path and (root.get("dir") != "rtl" or root.get("lang") != "he"):
        errors.append("the Hebrew CV is not lang=he dir=rtl: %s" % root)
    if p.tags.get("h1") != 1:
        errors.append("%s <h1>" % p.tags.get("h1"))
    if p.tags.get("h2", 0) != p.tags.get("section", 0) or not p.tags.get("h2"):
        errors.append("h2 %s != section %s" % (p.tags.get("h2"), p.tags.get("section")))
    if "script" in p.tags:
        errors.append("a <script> element")
    for tag, attrs in p.attrs:
        href = attrs.get("href")
        if href is not None and not href.split(":", 1)[0] in ("https", "http", "mailto", "tel",
                                                               "ftp"):
            errors.append("link outside the allow-list: %s" % href)
        if tag == "img" and not attrs.get("src", "").startswith("data:image/"):
            errors.append("an image that is not embedded")
        if tag == "img" and not attrs.get("alt"):
            errors.append("an image without alt text")
    return errors


def make_png(w, h):
    """A small grey RGB PNG."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    raw = b"".join(b"\0" + bytes([120, 130, 140]) * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def check_html(args):
    out = fresh(os.path.join(args.scratch, "batch"))
    r = run(args, "batch", "-q", "--format", "html", "-o", out, *examples(args), text=True)
    if r.returncode != 0:
        print("FAIL: batch --format html:", r.returncode, r.stderr)
        return 1
    failed = 0
    files = sorted(os.listdir(out))
    if len(files) != len(examples(args)):
        print("FAIL: batch wrote", files)
        failed += 1
    for name in files:
        path = os.path.join(out, name)
        with open(path, encoding="utf-8") as f:
            errors = check_html_file(path, f.read())
        for e in errors:
            print("FAIL: %s: %s" % (name, e))
        failed += bool(errors)
    if shutil.which("xmllint"):  # libxml2's HTML parser: no parse errors (HTML5 tags aside)
        for name in files:
            r = subprocess.run(["xmllint", "--html", "--noout", os.path.join(out, name)],
                               capture_output=True, text=True)
            bad = [l for l in r.stderr.splitlines()
                   if "error" in l and "Tag " not in l and "invalid" not in l]
            if bad:
                print("FAIL: xmllint on %s:" % name, *bad, sep="\n  ")
                failed += 1
    # A photo is embedded as a data: URI with the file's bytes.
    photo_dir = fresh(os.path.join(args.scratch, "photo"))
    face = make_png(40, 50)
    with open(os.path.join(photo_dir, "face.png"), "wb") as f:
        f.write(face)
    with open(os.path.join(photo_dir, "cv.yaml"), "w", encoding="utf-8") as f:
        f.write("cv:\n  name: Jane Doe\n  photo: face.png\n  sections:\n    about:\n"
                "      - A paragraph.\n")
    r = run(args, "render", "-q", os.path.join(photo_dir, "cv.yaml"), "-o",
            os.path.join(photo_dir, "cv.html"), text=True)
    with open(os.path.join(photo_dir, "cv.html"), encoding="utf-8") as f:
        page = f.read()
    want = '<img class="photo" src="data:image/png;base64,%s" alt="Jane Doe">' % (
        base64.b64encode(face).decode())
    if r.returncode != 0 or want not in page or check_html_file("photo", page):
        print("FAIL: the photo is not embedded", r.stderr, check_html_file("photo", page))
        failed += 1
    one = os.path.join(args.source, "examples", "showcase.yaml")
    stdout = run(args, "render", one, "--format", "html", "-o", "-").stdout
    single = os.path.join(args.scratch, "single.htm")
    r = run(args, "render", one, "-o", single, text=True)
    with open(single, "rb") as f:
        if r.returncode != 0 or f.read() != stdout:
            print("FAIL: -o x.htm and --format html -o - differ", r.stderr)
            failed += 1
    print("%d HTML files checked, %d failed" % (len(files) + 1, failed))
    return 1 if failed else 0


def check_markdown(args):
    failed = 0
    out = fresh(os.path.join(args.scratch, "md"))
    for src in examples(args):
        dest = os.path.join(out, os.path.basename(src)[:-5] + ".md")
        r = run(args, "render", "-q", src, "-o", dest, text=True)
        if r.returncode != 0:
            print("FAIL:", src, r.stderr)
            failed += 1
            continue
        with open(dest, encoding="utf-8") as f:
            text = f.read()
        lines = text.splitlines()
        if not lines or not lines[0].startswith("# ") or "***" in text:
            print("FAIL:", dest, "does not start with '# NAME' or has ***")
            failed += 1
        if text.endswith("\n\n") or not text.endswith("\n"):
            print("FAIL:", dest, "does not end with one newline")
            failed += 1
        stdout = run(args, "render", src, "--format", "markdown", "-o", "-").stdout
        if stdout.decode("utf-8") != text:
            print("FAIL: -o - and -o x.md differ for", src)
            failed += 1
    print("%d Markdown files checked, %d failed" % (len(examples(args)), failed))
    return 1 if failed else 0


def png_pixels(data):
    """(width, height, RGB rows) of an 8-bit RGB, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, color, _, _, interlace = ihdr
    assert (depth, color, interlace) == (8, 2, 0), "not 8-bit RGB: %s" % (ihdr,)
    raw, stride, rows, prev = zlib.decompress(idat), w * 3, [], bytearray(w * 3)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - 3] if x >= 3 else 0
            b, c = prev[x], (prev[x - 3] if x >= 3 else 0)
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, rows


def check_page(path):
    with open(path, "rb") as f:
        w, h, rows = png_pixels(f.read())
    if (w, h) != (1240, 1754):
        return "%s is %dx%d, not 1240x1754 (A4 at 150 dpi)" % (path, w, h)
    ink = sum(1 for row in rows[::4] for x in range(0, len(row), 12) if row[x] < 200)
    total = len(rows[::4]) * ((w * 3 + 11) // 12)
    if not 0.002 < ink / total < 0.5:
        return "%s: %.4f of the pixels are dark (blank or black page?)" % (path, ink / total)
    return None


def good_cv(args):
    return os.path.join(args.source, "tests", "data", "cli", "good.yaml")


def pdf_pages(args, src, scratch):
    pdf = os.path.join(scratch, "cv.pdf")
    run(args, "render", "-q", src, "-o", pdf, check=True)
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int([l for l in info.splitlines() if l.startswith("Pages:")][0].split()[1])


def check_png(args):
    if "png" not in run(args, "formats", text=True).stdout.split():
        print("SKIP: built without the png format (CVPRESS_WITH_PNG=OFF)")
        return 77
    failed = 0
    scratch = fresh(os.path.join(args.scratch, "png"))
    src = os.path.join(args.source, "examples", "showcase.yaml")
    pages = pdf_pages(args, src, scratch)
    if pages < 2:
        print("FAIL: showcase.yaml is expected to need 2 pages, not", pages)
        return 1
    r = run(args, "render", src, "-o", os.path.join(scratch, "cv.png"), text=True)
    expect = ["cv.png"] + ["cv-%d.png" % i for i in range(2, pages + 1)]
    got = sorted(f for f in os.listdir(scratch) if f.endswith(".png"))
    if r.returncode != 0 or got != sorted(expect):
        print("FAIL: render -o cv.png wrote", got, "expected", expect, r.stderr)
        return 1
    if "%d pages" % pages not in r.stdout:
        print("FAIL: summary line", r.stdout)
        failed += 1
    for name in expect:
        problem = check_page(os.path.join(scratch, name))
        if problem:
            print("FAIL:", problem)
            failed += 1
    # Batch writes the same files.
    out = fresh(os.path.join(args.scratch, "png-batch"))
    r = run(args, "batch", "-q", "--format", "png", "-o", out, src, text=True)
    got_batch = sorted(os.listdir(out))
    want_batch = sorted(["showcase.png"] + ["showcase-%d.png" % i for i in range(2, pages + 1)])
    if r.returncode != 0 or got_batch != want_batch:
        print("FAIL: batch --format png wrote", got_batch, r.stderr)
        failed += 1
    else:
        with open(os.path.join(out, "showcase-2.png"), "rb") as f1, \
                open(os.path.join(scratch, "cv-2.png"), "rb") as f2:
            if f1.read() != f2.read():
                print("FAIL: batch and render give different page 2 images")
                failed += 1
    # cv.yaml's page 2 would be cv-2.yaml's output: both are collisions.
    clash_in = fresh(os.path.join(args.scratch, "png-clash-in"))
    for name in ("cv.yaml", "cv-2.yaml", "other.yaml"):
        shutil.copy(src, os.path.join(clash_in, name))
    clash_out = fresh(os.path.join(args.scratch, "png-clash-out"))
    r = run(args, "batch", "-q", "--format", "png", "-o", clash_out, clash_in, text=True)
    written = sorted(os.listdir(clash_out))
    want = sorted(["other.png"] + ["other-%d.png" % i for i in range(2, pages + 1)])
    if r.returncode == 0 or written != want or r.stderr.count("collides with") != 2:
        print("FAIL: batch --format png with cv.yaml and cv-2.yaml:", r.returncode, written,
              r.stderr)
        failed += 1
    # -o - : page 1 on stdout, a warning about the rest.
    r = run(args, "render", src, "--format", "png", "-o", "-")
    with open(os.path.join(scratch, "cv.png"), "rb") as f:
        if r.returncode != 0 or r.stdout != f.read() or b"first of" not in r.stderr:
            print("FAIL: --format png -o - :", r.returncode, r.stderr)
            failed += 1
    # --dpi: 72 dpi makes A4 pages of 595x842 pixels.
    low = os.path.join(scratch, "low.png")
    r = run(args, "render", "-q", good_cv(args), "-o", low, "--dpi", "72", text=True)
    with open(low, "rb") as f:
        size = struct.unpack(">II", f.read(24)[16:24])
    if r.returncode != 0 or size != (595, 842):
        print("FAIL: --dpi 72 gave", size, r.stderr)
        failed += 1
    # A one-page CV: one file.
    one = fresh(os.path.join(args.scratch, "png-one"))
    r = run(args, "render", good_cv(args), "-o", os.path.join(one, "one.png"), text=True)
    if r.returncode != 0 or os.listdir(one) != ["one.png"]:
        print("FAIL: a one-page CV wrote", os.listdir(one), r.stderr)
        failed += 1
    print("%d page images checked, %d failed" % (len(expect), failed))
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvpress", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--scratch", required=True)
    ap.add_argument("check", choices=["html", "markdown", "png"])
    args = ap.parse_args()
    os.makedirs(args.scratch, exist_ok=True)
    return {"html": check_html, "markdown": check_markdown, "png": check_png}[args.check](args)


if __name__ == "__main__":
    sys.exit(main())
