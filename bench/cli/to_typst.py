#!/usr/bin/env python3
"""Equivalent Typst document of a cvpress PDF, for the CLI benchmark.

Reads the text of a cvpress render (pdftotext -layout output on stdin) and
writes a Typst document with the same text, fonts, sizes and page setup
(classic style: A4, 2 cm margins, Noto Sans with CJK/symbol fallbacks): the
name centred at 24 pt, section headings at 13 pt in the primary colour,
entry lines with their dates in a right column. Typst then shapes and
typesets the same content cvpress did.

    pdftotext -layout cv.pdf - | to_typst.py > cv.typ
"""
import re
import sys

PREAMBLE = """#set page(paper: "a4", margin: 2cm, footer: [#h(1fr) #counter(page).display("1 of 1", both: true)])
#set text(font: ("Noto Sans", "DejaVu Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "WenQuanYi Micro Hei", "Noto Sans Symbols", "Noto Sans Symbols2", "Symbola"), size: 10pt)
#set par(leading: 0.45em)
#let primary = rgb("#004f90")
#show heading: it => block(above: 10pt, below: 6pt, text(13pt, fill: primary, weight: "bold", it.body) + line(length: 100%, stroke: 0.5pt + primary))
#let entry(main, side) = grid(columns: (1fr, 3.6cm), column-gutter: 8pt, main, align(right, side))
"""


def typ(s):
    """Typst markup-escaped text."""
    return "".join("\\" + ch if ch in "\\#*_`$<>@[]~=-+/'\"" else ch for ch in s)


def main():
    lines = sys.stdin.read().replace("\f", "\n").splitlines()
    out = [PREAMBLE]
    first = True
    prev_blank = True
    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            prev_blank = True
            continue
        if re.search(r"page \d+ of \d+$", line):
            continue  # footer: Typst draws its own
        text = line.strip()
        if first:
            out.append(f'#align(center, text(24pt, fill: primary)[{typ(text)}])\n')
            first = False
        elif prev_blank and len(text) < 40 and not text.endswith("."):
            out.append(f"= {typ(text)}\n")
        else:
            m = re.match(r"^(\S.*?\S)\s{3,}(\S.*)$", text)
            if m:
                out.append(f"#entry([{typ(m.group(1))}], [{typ(m.group(2))}])\n")
            else:
                out.append(typ(text) + " \\\n")
        prev_blank = False
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
