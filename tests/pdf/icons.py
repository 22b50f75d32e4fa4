#!/usr/bin/env python3
"""Header icons end to end (issue 15 item 3), from the CLI:

- tests/pdf/icons.yaml (every connection type, every social network RenderCV
  knows, custom connections) under a theme with icons: the PDF embeds a
  FontAwesome subset; its text layer has the same words as the render with
  show_icons: false (icons carry an empty /ActualText) and no private-use
  characters; no missing-glyph warning; the unknown fontawesome_icon is one
  located warning with a suggestion;
- show_icons: false, and cvpress's own style: no FontAwesome font;
- the LaTeX backend (xelatex) draws the same icons from the same font, also
  out of the text layer.

Usage: icons.py --cvpress BIN --cv tests/pdf/icons.yaml --scratch DIR
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(*args):
    return subprocess.run(args, capture_output=True, text=True)


def fonts(pdf):
    out = run("pdffonts", pdf).stdout.splitlines()[2:]
    return [line.split()[0] for line in out if line.strip()]


def text(pdf):
    return run("pdftotext", "-enc", "UTF-8", pdf, "-").stdout


def words(t):
    # Icons widen the contact items, so the header's lines may wrap at other
    # items: the separators dropped at line ends move; every other word stays.
    return [w for w in t.split() if w != "|"]


def pua(t):
    return [c for c in t if 0xE000 <= ord(c) <= 0xF8FF]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvpress", required=True)
    ap.add_argument("--cv", required=True)
    ap.add_argument("--scratch", required=True)
    a = ap.parse_args()
    shutil.rmtree(a.scratch, ignore_errors=True)
    os.makedirs(a.scratch)
    src = open(a.cv, encoding="utf-8").read()
    cv = os.path.join(a.scratch, "icons.yaml")
    shutil.copy(a.cv, cv)
    off = os.path.join(a.scratch, "no_icons.yaml")
    assert "show_icons: true" in src
    open(off, "w", encoding="utf-8").write(src.replace("show_icons: true", "show_icons: false"))
    own = os.path.join(a.scratch, "own_style.yaml")
    open(own, "w", encoding="utf-8").write(src[: src.index("design:")])

    pdf_on, pdf_off, pdf_own = (os.path.join(a.scratch, n + ".pdf") for n in ("on", "off", "own"))
    r = run(a.cvpress, "render", cv, "-o", pdf_on)
    check(r.returncode == 0, "render with icons: exit 0 (%d: %s)" % (r.returncode, r.stderr))
    warnings = [l for l in r.stderr.splitlines() if "warning" in l]
    check(not any("no installed font" in l for l in warnings), "no missing-glyph warning")
    expected = (cv + ":51:25: warning: cv.custom_connections[1].fontawesome_icon: Font Awesome "
                "4.7 (fonts-font-awesome) has no icon 'calender'; the connection is shown "
                "without one (did you mean 'calendar'?)")
    check(warnings == [expected], "one located warning for the unknown icon: %r" % warnings)
    r = run(a.cvpress, "render", off, "-o", pdf_off)
    check(r.returncode == 0, "render without icons: exit 0")
    r = run(a.cvpress, "render", own, "-o", pdf_own)
    check(r.returncode == 0, "render in cvpress's own style: exit 0")

    on_fonts = fonts(pdf_on)
    fa = [f for f in on_fonts if re.fullmatch(r"[A-Z]{6}\+FontAwesome", f)]
    check(len(fa) == 1, "a FontAwesome subset is embedded: %r" % on_fonts)
    # Only the used glyphs: the font file is 130 KB, the 18 icons' subset a few.
    grown = os.path.getsize(pdf_on) - os.path.getsize(pdf_off)
    check(grown < 20000, "the icons add a subset, not the font (%d bytes)" % grown)
    check(not any("FontAwesome" in f for f in fonts(pdf_off)), "show_icons false: no FontAwesome")
    check(not any("FontAwesome" in f for f in fonts(pdf_own)), "own style: no FontAwesome")

    t_on, t_off = text(pdf_on), text(pdf_off)
    check(pua(t_on) == [], "no icon characters in the text layer")
    # The same words; pdftotext may group the wrapped header lines in
    # another order when icons widen them.
    check(sorted(words(t_on)) == sorted(words(t_off)),
          "the text layer has the words of the icon-less render")
    # (RenderCV themes show a social network's username, not its URL.)
    for w in ("ada@example.com", "example.com/ada", "Office", "Engine"):
        check(w in t_on, "text layer has %s" % w)

    # LaTeX: the same icons through fontspec, compiled with xelatex.
    if shutil.which("xelatex") is None:
        print("xelatex missing: LaTeX part skipped")
    else:
        tex = os.path.join(a.scratch, "on.tex")
        r = run(a.cvpress, "render", cv, "-o", tex, "--compile")
        check(r.returncode == 0, "latex --compile: exit 0 (%s)" % r.stderr[-2000:])
        source = open(tex, encoding="utf-8").read()
        check(source.count("\\cvIcon{") == 18, "18 icons in the .tex (%d)"
              % source.count("\\cvIcon{"))
        check("\\cvIcon{F041}" in source and "\\cvIcon{F073}" in source,
              "location and calendar icons in the .tex")
        lpdf = os.path.join(a.scratch, "on.pdf")
        lf = fonts(lpdf)
        check(any(re.fullmatch(r"[A-Z]{6}\+FontAwesome", f) for f in lf),
              "LaTeX PDF embeds FontAwesome: %r" % lf)
        lt = text(lpdf)
        check(pua(lt) == [], "LaTeX PDF: no icon characters in the text layer")
        check("ada@example.com" in lt, "LaTeX PDF: text present")
        texoff = os.path.join(a.scratch, "off.tex")
        r = run(a.cvpress, "render", off, "-o", texoff)
        check("cvIcon" not in open(texoff, encoding="utf-8").read(),
              "LaTeX without icons: no \\cvIcon")
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
