#!/usr/bin/env python3
"""LaTeX backend tests with real TeX.

compile mode: cvpress renders CV.yaml to .tex, xelatex compiles it (no shell
escape, openin_any=openout_any=p) without a "Missing character" in its log (a
glyph its font lacks, printed as a box), and pdftotext of the PDF must contain the
CV's text: the lines of --expect (the first is the name; "section: T" lines are
section titles), or (without it) the name, section titles and entry titles read
from the YAML. Every section must have a bookmark with its title, the PDF's
Author/Title must be the name. No file besides the expected TeX outputs may
appear, and (--check-hostname) the content of /etc/hostname must not leak into
the PDF.

fuzz mode (--fuzz GENERATOR SEED): the random document of latex_fuzz_cv must
compile, with no stray files.

golden mode: the .tex must equal --golden byte for byte;
CVPRESS_UPDATE_GOLDEN=1 rewrites the golden file instead.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

SKIP = 77


def skip(message):
    """Skips the test locally; under CI a missing tool is a missing install step: fail."""
    if os.environ.get("CI") == "true":
        print(f"FAIL (CI): {message}")
        sys.exit(1)
    print(f"SKIP: {message}")
    sys.exit(SKIP)
# Bidi controls and zero-width (non-)joiners: pdftotext drops or adds them.
BIDI_CONTROLS = dict.fromkeys(
    [0x200C, 0x200D, 0x200E, 0x200F, 0x061C] + list(range(0x202A, 0x202F)) +
    list(range(0x2066, 0x206A)))


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


# A line of the date column alone: "2021", "Jun 2024", "2020 – 2023", "Aug 2024 – present".
_DATE = r"(?:(?:[A-Z][a-z]{2,4}\.?\s+)?\d{4}|[Pp]resent)"
DATE_LINE = re.compile(r"^\s*" + _DATE + r"(?:\s*[\u2013-]\s*" + _DATE + r")?\s*$")


def normalise(text):
    """NFKC (Arabic presentation forms), no bidi marks or joiners, no symbols, no whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(BIDI_CONTROLS)
    # Pictographs (emoji in section titles) may have no font at all.
    text = "".join(c for c in text if unicodedata.category(c) != "So" and c != "\ufe0f")
    return re.sub(r"\s+", "", text)


def render(cvpress, yaml_file, tex, extra=()):
    result = subprocess.run([cvpress, "render", yaml_file, "-o", tex, *extra],
                            capture_output=True, text=True, timeout=300)
    sys.stdout.write(result.stdout)
    sys.stdout.write(result.stderr)
    if result.returncode != 0:
        fail(f"cvpress render exited with {result.returncode}")


def strip_markup(text):
    """The visible text of a Markdown-subset field."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return text.replace("**", "").replace("*", "").replace("`", "")


def expectations_from_yaml(path):
    try:
        import yaml
    except ImportError:
        skip("PyYAML is not installed")
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    cv = data["cv"]
    name = cv["name"]
    expected = []
    if isinstance(name, dict):
        expected.append(name.get("full") or f"{name.get('given', '')} {name.get('family', '')}")
        if name.get("native"):
            expected.append(name["native"])
    else:
        expected.append(name)
    titles = []
    for key, entries in (cv.get("sections") or {}).items():
        titles.append(key.replace("_", " "))
        for entry in entries or []:
            if not isinstance(entry, dict):
                continue
            for field in ("institution", "company", "title", "name", "role", "label"):
                value = entry.get(field)
                if isinstance(value, str) and "$" not in value:
                    expected.append(strip_markup(value))
                    break
    return [e.strip() for e in expected if e.strip()], titles


def run_tex(engine, workdir, job, glyphs=True):
    env = dict(os.environ, openin_any="p", openout_any="p", shell_escape="f")
    start = time.monotonic()
    result = subprocess.run(
        [engine, "-no-shell-escape", "-halt-on-error", "-interaction=nonstopmode",
         job + ".tex"], cwd=workdir, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - start
    print(f"{engine}: {elapsed:.2f} s")
    if result.returncode != 0:
        log = os.path.join(workdir, job + ".log")
        errors = []
        if os.path.exists(log):
            with open(log, encoding="utf-8", errors="replace") as f:
                errors = [l.rstrip() for l in f if l.startswith("!") or l.startswith("l.")]
        fail(f"{engine} failed: " + " / ".join(errors[:4]))
    if glyphs:
        check_glyphs(os.path.join(workdir, job + ".log"))


def check_glyphs(log, pictographs=False):
    """Every character has a glyph: TeX logs "Missing character: There is no X (U+XXXX)
    in font F". Pictographs (emoji) count only with `pictographs` (the examples):
    a random CV may use some that no font has."""
    missing = set()
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"Missing character: There is no .* \(U\+([0-9A-F]+)\)", line)
            if m and (pictographs or unicodedata.category(chr(int(m.group(1), 16))) != "So"):
                missing.add(line.strip())
    missing = sorted(missing)
    if missing:
        fail(f"{len(missing)} kinds of missing glyphs: " + " / ".join(missing[:6]))
    print("glyphs: none missing")


def check_text(pdf, expected, titles, hostname):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = normalise(text)
    # pdftotext joins words hyphenated at line ends; compare without hyphens as a fallback.
    flat_nohyphen = flat.replace("-", "").replace("\u2010", "")
    # A title whose second line runs the full width under the date column
    # reads "title line 1 / 2021 / title line 2" (pdftotext puts the date, on
    # line 1's baseline, between them): compare also without date-only lines.
    flat_nodates = normalise("\n".join(l for l in text.splitlines() if not DATE_LINE.match(l)))
    missing = []
    for e in expected:
        n = normalise(e)
        if n not in flat and n.replace("-", "") not in flat_nohyphen and n not in flat_nodates:
            missing.append(e)
    lower = flat.lower()
    for t in titles:
        if normalise(t).lower() not in lower:
            missing.append("section " + t)
    if missing:
        print(text)
        fail("missing from the PDF text: " + " | ".join(missing))
    if hostname and re.search(r"\b" + re.escape(hostname) + r"\b", text):
        fail(f"the PDF contains the host name '{hostname}' (a file was read)")
    print(f"pdftotext: {len(expected) + len(titles)} strings found")


def check_exact_text(pdf, strings):
    """Each string is in the PDF's text exactly (symbols and emoji included)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    missing = [s for s in strings if s not in text]
    if missing:
        fail("not in the PDF text: " + " | ".join(missing))
    print(f"pdftotext: {len(strings)} exact strings found")


def check_fonts(pdf, fonts):
    """Each font is embedded (pdffonts lists NAME after a subset tag)."""
    listing = subprocess.run(["pdffonts", pdf], capture_output=True, text=True,
                             check=True).stdout
    names = [line.split()[0].split("+", 1)[-1] for line in listing.splitlines()[2:] if line]
    missing = [f for f in fonts if not any(n.startswith(f) for n in names)]
    if missing:
        print(listing)
        fail("fonts not embedded: " + " | ".join(missing))
    print(f"pdffonts: {len(fonts)} fonts found")


def check_outline(pdf, titles):
    """Every section has a bookmark whose title is its literal text."""
    if shutil.which("qpdf") is None:
        print("qpdf not installed: bookmarks not checked")
        return
    import json
    result = subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf],
                            capture_output=True, text=True, check=True)
    outline = [normalise(o["title"]).lower() for o in json.loads(result.stdout)["outlines"]]
    missing = [t for t in titles if normalise(t).lower() not in outline]
    if missing:
        fail(f"no bookmark for {missing}; bookmarks: {outline}")
    print(f"bookmarks: {len(outline)} checked")


def check_metadata(pdf, name, want_title=None):
    """The PDF's Author is the CV's name, its Title "NAME – CV" (or want_title)."""
    info = subprocess.run(["pdfinfo", "-enc", "UTF-8", pdf], capture_output=True, text=True,
                          check=True).stdout
    fields = dict(l.split(":", 1) for l in info.splitlines() if ":" in l)
    author = fields.get("Author", "").strip()
    title = fields.get("Title", "").strip()
    want = want_title if want_title is not None else name + " – CV"
    if normalise(author) != normalise(name) or normalise(title) != normalise(want):
        fail(f"PDF metadata: Author '{author}', Title '{title}' (expected name '{name}')")


def check_files(workdir, allowed):
    extra = sorted(set(os.listdir(workdir)) - set(allowed))
    if extra:
        fail("unexpected files written: " + ", ".join(extra))


def page_count(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", info, re.M)
    if not m:
        fail("pdfinfo gives no page count for " + pdf)
    return int(m.group(1))


def check_same_pages(cvpress, yaml_file, tex_pdf, workdir, extra=(), pages=None):
    if shutil.which("pdfinfo") is None:
        print("pdfinfo is not installed: page counts not compared")
        return
    own = os.path.join(workdir, "own.pdf")
    render(cvpress, yaml_file, own, extra)
    latex_pages, own_pages = page_count(tex_pdf), page_count(own)
    if pages is not None and own_pages != pages:
        fail(f"cvpress's PDF has {own_pages} pages, expected {pages}")
    if latex_pages != own_pages:
        fail(f"LaTeX gives {latex_pages} pages, the PDF backend {own_pages}")
    os.remove(own)
    print(f"pages: {latex_pages}, as the PDF backend")


def read_hostname():
    try:
        with open("/etc/hostname", encoding="utf-8") as f:
            name = f.read().strip()
        return name if len(name) >= 2 else ""
    except OSError:
        return ""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cvpress", required=True)
    p.add_argument("--yaml")
    p.add_argument("--pdf-title", help="the PDF Title expected (settings.pdf_title)")
    p.add_argument("--allow-missfont", action="store_true",
                   help="the CV names a font that is not installed: TeX's probe for it writes "
                        "missfont.log")
    p.add_argument("--expect", help="file of strings (one a line) the PDF must contain")
    p.add_argument("--golden", help="compare the .tex with this file")
    p.add_argument("--check-hostname", action="store_true",
                   help="fail when the content of /etc/hostname shows up in the PDF")
    p.add_argument("--engine", default="xelatex", help="xelatex (default) or lualatex")
    p.add_argument("--fuzz", nargs=2, metavar=("GENERATOR", "SEED"),
                   help="compile the random document of latex_fuzz_cv instead of a CV")
    p.add_argument("--use-compile-flag", action="store_true",
                   help="compile with 'cvpress render --compile' instead of xelatex directly")
    p.add_argument("--no-missing-characters", action="store_true",
                   help="fail on 'Missing character' lines for pictographs too (always for other characters)")
    p.add_argument("--require-font", action="append", default=[],
                   help="a font pdffonts must list (name without subset tag, repeatable)")
    p.add_argument("--require-text", action="append", default=[],
                   help="a string the PDF text must contain exactly (repeatable), e.g. an emoji")
    p.add_argument("--same-pages-as-pdf", action="store_true",
                   help="the compiled PDF has as many pages as cvpress's own PDF of the CV "
                        "(the LaTeX backend breaks pages where the layout does)")
    p.add_argument("--render-arg", action="append", default=[],
                   help="an argument for both renders (repeatable), e.g. --render-arg=--max-pages")
    p.add_argument("--pages", type=int,
                   help="with --same-pages-as-pdf: the page count both must have")
    args = p.parse_args()

    workdir = tempfile.mkdtemp(prefix="cvpress-latex-test-")
    try:
        tex = os.path.join(workdir, "cv.tex")
        if args.golden:
            render(args.cvpress, args.yaml, tex)
            with open(tex, "rb") as f:
                produced = f.read()
            if os.environ.get("CVPRESS_UPDATE_GOLDEN") == "1":
                with open(args.golden, "wb") as f:
                    f.write(produced)
                print("updated " + args.golden)
                return
            if not os.path.exists(args.golden):
                fail(args.golden + " does not exist (run with CVPRESS_UPDATE_GOLDEN=1)")
            with open(args.golden, "rb") as f:
                golden = f.read()
            if produced != golden:
                subprocess.run(["diff", "-u", args.golden, tex])
                fail("the .tex differs from " + args.golden)
            print("golden file matches")
            return

        if shutil.which(args.engine) is None or shutil.which("pdftotext") is None:
            skip(f"{args.engine} or pdftotext is not installed")
        if args.engine == "lualatex" and subprocess.run(
                ["kpsewhich", "luaotfload-main.lua"], capture_output=True).returncode != 0:
            skip("luaotfload is not installed (Debian: texlive-luatex)")
        if args.fuzz:
            subprocess.run([args.fuzz[0], args.fuzz[1], tex], check=True)
            # Random text: glyphs may be missing.
            run_tex(args.engine, workdir, "cv", glyphs=False)
            check_files(workdir, ["cv.tex", "cv.pdf", "cv.log", "cv.aux"])
            check_text(os.path.join(workdir, "cv.pdf"), [], [],
                       read_hostname() if args.check_hostname else "")
            print("ok")
            return
        if args.expect:
            with open(args.expect, encoding="utf-8") as f:
                lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
            # "section: TITLE" lines name section titles (text and bookmark).
            titles = [l[len("section: "):] for l in lines if l.startswith("section: ")]
            expected = [l for l in lines if not l.startswith("section: ")]
        else:
            expected, titles = expectations_from_yaml(args.yaml)
        if args.use_compile_flag:
            start = time.monotonic()
            render(args.cvpress, args.yaml, tex, ["--compile"])
            print(f"cvpress --compile: {time.monotonic() - start:.2f} s")
            check_files(workdir, ["cv.tex", "cv.pdf"])
        else:
            render(args.cvpress, args.yaml, tex, args.render_arg)
            run_tex(args.engine, workdir, "cv")
            check_files(workdir, ["cv.tex", "cv.pdf", "cv.log", "cv.aux"] +
                        (["missfont.log"] if args.allow_missfont else []))
            if args.no_missing_characters:
                check_glyphs(os.path.join(workdir, "cv.log"), pictographs=True)
        if args.require_font:
            check_fonts(os.path.join(workdir, "cv.pdf"), args.require_font)
        if args.require_text:
            check_exact_text(os.path.join(workdir, "cv.pdf"), args.require_text)
        check_text(os.path.join(workdir, "cv.pdf"), expected, titles,
                   read_hostname() if args.check_hostname else "")
        check_outline(os.path.join(workdir, "cv.pdf"), titles)
        check_metadata(os.path.join(workdir, "cv.pdf"), expected[0], args.pdf_title)
        if args.same_pages_as_pdf:
            check_same_pages(args.cvpress, args.yaml, os.path.join(workdir, "cv.pdf"), workdir,
                             args.render_arg, args.pages)
        print("ok")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
