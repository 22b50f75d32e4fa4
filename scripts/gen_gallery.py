#!/usr/bin/env python3
"""Regenerates the page pictures in the docs from a build's CLI:

  docs/styles/STYLE.png        showcase.yaml in each of cvpress's own styles
  docs/previews/NAME.png       page 1 of each example (and the multilingual test CV)
  docs/images/rendercv/T.png   RenderCV's example for theme T: cvpress (left),
                               RenderCV's own PDF (right)

Usage: scripts/gen_gallery.py build/bin/cvpress [RENDERCV_GIT_DIR]
The RenderCV PDFs come from its repository (git dir, e.g. a mirror of
github.com/rendercv/rendercv); without it the side-by-side pictures are left.
Needs pdftoppm (poppler-utils); no image library: PPM in, PNG out by hand.
"""
import pathlib
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OWN_STYLES = ["cvpress", "banking", "dense", "serif"]
THEMES = ["classic", "ember", "engineeringclassic", "engineeringresumes", "harvard", "ink",
          "moderncv", "opal", "sb2nov"]


def ppm(pdf, dpi):
    """Page 1 of `pdf` as (width, height, RGB bytes)."""
    data = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", pdf],
                          check=True, capture_output=True).stdout
    fields, pos = [], 0
    while len(fields) < 4:  # P6 width height maxval, whitespace separated
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    return int(fields[1]), int(fields[2]), data[pos + 1:]


def write_png(path, w, h, rgb):
    raw = b"".join(b"\x00" + rgb[y * w * 3:(y + 1) * w * 3] for y in range(h))

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
           chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    pathlib.Path(path).write_bytes(png)


def side_by_side(pages, gap=8):
    h = max(p[1] for p in pages)
    w = sum(p[0] for p in pages) + gap * (len(pages) - 1)
    rows = []
    for y in range(h):
        row = b""
        for i, (pw, ph, rgb) in enumerate(pages):
            row += rgb[y * pw * 3:(y + 1) * pw * 3] if y < ph else b"\xff" * (pw * 3)
            if i + 1 < len(pages):
                row += b"\xff" * (gap * 3)
        rows.append(row)
    return w, h, b"".join(rows)


def render(cvpress, cv, out, *args):
    subprocess.run([cvpress, "render", str(cv), "-o", str(out), "-q", *args], check=True)


def main():
    cvpress = sys.argv[1]
    rendercv = sys.argv[2] if len(sys.argv) > 2 else None
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for style in OWN_STYLES:
            render(cvpress, ROOT / "examples/showcase.yaml", tmp / "s.pdf", "--style", style)
            write_png(ROOT / "docs/styles" / (style + ".png"), *ppm(tmp / "s.pdf", 50))
        for png in sorted((ROOT / "docs/previews").glob("*.png")):
            cv = ROOT / "examples" / (png.stem + ".yaml")
            if not cv.exists():
                cv = ROOT / "tests/pdf" / (png.stem + ".yaml")
            render(cvpress, cv, tmp / "p.pdf")
            write_png(png, *ppm(tmp / "p.pdf", 50))
        if not rendercv:
            return
        for theme in THEMES:
            name = "John_Doe_%sTheme_CV" % theme.capitalize()
            render(cvpress, ROOT / "tests/data/rendercv" / (name + ".yaml"), tmp / "ours.pdf")
            theirs = subprocess.run(["git", "--git-dir", rendercv, "show",
                                     "HEAD:examples/%s.pdf" % name],
                                    check=True, capture_output=True).stdout
            (tmp / "theirs.pdf").write_bytes(theirs)
            pic = side_by_side([ppm(tmp / "ours.pdf", 40), ppm(tmp / "theirs.pdf", 40)])
            write_png(ROOT / "docs/images/rendercv" / (theme + ".png"), *pic)


if __name__ == "__main__":
    main()
