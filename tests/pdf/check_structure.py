#!/usr/bin/env python3
"""Tagged PDF checks (issue 19): every CV in every style renders to a tagged
PDF whose structure tree (poppler's `pdfinfo -struct-text`) says what the CV
says, in reading order, compared with the same CV written as Markdown by
cvpress's markdown backend (an independent writer of the presentation):

- `pdfinfo`: "Tagged: yes"; `qpdf --check` passes;
- one H1, the name; one H2 per section title, in order (small-caps headings
  compared without case: their glyphs are capitals);
- every entry heading of the Markdown appears in a structure element, in
  the same order; every other Markdown paragraph and list item appears in
  its section's structure text;
- one Link element per link annotation, each with its object reference;
  list items (LI/LBody) for highlights; a Figure with /Alt when the CV has
  a photo;
- the page footer is not in the structure (an artifact);
- the catalog has /Lang and /MarkInfo, the XMP has pdfuaid:part 1;
- with --pdfa: XMP pdfaid:part 2, conformance A, and an sRGB /OutputIntents
  whose embedded ICC profile is the one the build took.

  check_structure.py CVPRESS OUTDIR STYLES(comma-separated) FILE.yaml...
(with classic among the styles, `batch --pdfa` on the first file too)
"""
import json
import os
import re
import subprocess
import sys
import unicodedata


def run(*args, **kw):
    return subprocess.run(args, capture_output=True, check=False, **kw)


def norm(s):
    s = unicodedata.normalize("NFC", s).casefold()
    return re.sub(r"\s+", " ", s).strip()


def squash(s):
    """Text without whitespace: line breaks and justification move spaces."""
    return re.sub(r"\s+", "", norm(s))


def strip_markdown(line):
    esc = {}

    def protect(m):
        key = "\x00%d\x00" % len(esc)
        esc[key] = m.group(1)
        return key

    s = re.sub(r"\\(.)", protect, line)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = s.replace("**", "").replace("*", "").replace("`", "")
    for k, v in esc.items():
        s = s.replace(k, v)
    s = re.sub(r"^(#+|-|\d+\.)\s+", "", s.strip())
    return s.strip()


class Node:
    def __init__(self, kind, depth, parent):
        self.kind, self.depth, self.parent = kind, depth, parent
        self.kids = []
        self.texts = []  # own text pieces
        self.objects = 0
        self.actual = None  # the element's /ActualText

    def text(self):
        if self.actual is not None:
            return self.actual
        out = "".join(self.texts) if not self.kids else ""
        parts = []
        for k in self.kids:
            parts.append(k.text() if isinstance(k, Node) else k)
        return out + "".join(parts)

    def walk(self):
        yield self
        for k in self.kids:
            if isinstance(k, Node):
                yield from k.walk()


def parse_struct(text):
    """pdfinfo -struct-text output -> tree (two spaces per level)."""
    root = Node("root", -1, None)
    stack = [root]
    for raw in text.splitlines():
        if not raw.strip():
            continue
        depth = (len(raw) - len(raw.lstrip(" "))) // 2
        body = raw.strip()
        while stack[-1].depth >= depth:
            stack.pop()
        top = stack[-1]
        if body.startswith('"'):
            top.kids.append(body[1:-1] if body.endswith('"') else body[1:])
        elif re.match(r"Object \d+ \d+$", body):
            top.objects += 1
        else:
            n = Node(body.split(" ")[0], depth, top)
            top.kids.append(n)
            stack.append(n)
    return root


def qpdf_objects(pdf):
    """qpdf --json=2: object key ("obj:N 0 R") -> dictionary (of a stream too)."""
    r = run("qpdf", "--json=2", "--json-key=qpdf", pdf)
    out = {}
    for key, v in json.loads(r.stdout)["qpdf"][1].items():
        d = v.get("value") if isinstance(v, dict) else None
        if d is None and isinstance(v, dict) and "stream" in v:
            d = v["stream"].get("dict")
        if isinstance(d, dict):
            out[key] = d
    return out


def decode_pdf_string(v):
    """qpdf --json=2 strings: "u:text" (Unicode) or "b:hex"."""
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        raw = bytes.fromhex(v[2:])
        return raw[2:].decode("utf-16-be") if raw[:2] == b"\xfe\xff" else raw.decode("latin-1")
    return v


def deref(objs, v):
    return objs.get("obj:" + v, {}) if isinstance(v, str) and v.endswith(" R") else v


def check(cvpress, out, cv, style, pdfa=False):
    name = os.path.basename(cv)[:-5] + "-" + style + ("-pdfa" if pdfa else "")
    pdf = os.path.join(out, name + ".pdf")
    md = os.path.join(out, name + ".md")
    errors = []
    args = [cvpress, "render", cv, "-s", style, "-o", pdf] + (["--pdfa"] if pdfa else [])
    r = run(*args)
    if r.returncode != 0:
        return ["render failed: " + r.stderr.decode(errors="replace")]
    r = run(cvpress, "render", cv, "-s", style, "-f", "markdown", "-o", md)
    if r.returncode != 0:
        return ["markdown render failed: " + r.stderr.decode(errors="replace")]
    info = run("pdfinfo", pdf).stdout.decode()
    if not re.search(r"^Tagged:\s+yes", info, re.M):
        errors.append("pdfinfo does not say Tagged: yes")
    r = run("qpdf", "--check", pdf)
    if r.returncode != 0:
        errors.append("qpdf --check: " + r.stdout.decode()[-300:])
    tree = parse_struct(run("pdfinfo", "-struct-text", pdf).stdout.decode())
    nodes = list(tree.walk())[1:]
    objs = qpdf_objects(pdf)
    # Elements with /ActualText (right-to-left text, small capitals) say
    # their text in logical order: poppler prints the glyphs' order. The
    # elements are numbered in the tree's order (cvpress writes them so).
    elems = sorted(((int(k.split()[0][4:]), v) for k, v in objs.items()
                    if "/S" in v and "/P" in v), key=lambda e: e[0])
    if len(elems) == len(nodes):
        for n, (_, v) in zip(nodes, elems):
            if v.get("/S", "")[1:] != n.kind:
                errors.append("element order differs between pdfinfo and qpdf")
                break
            if "/ActualText" in v:
                n.actual = decode_pdf_string(v["/ActualText"])
    else:
        errors.append("%d structure elements in qpdf, %d in pdfinfo" % (len(elems), len(nodes)))
    lines = [l for l in open(md, encoding="utf-8").read().splitlines() if l.strip()]

    # Headings: the name, then the section titles.
    h1 = [n for n in nodes if n.kind == "H1"]
    h2 = [n for n in nodes if n.kind == "H2"]
    md_h1 = [strip_markdown(l) for l in lines if l.startswith("# ")]
    if len(h1) != 1 or squash(h1[0].text()) != squash(md_h1[0]):
        errors.append("H1 %r, expected one: %r" % ([n.text() for n in h1], md_h1[:1]))
    if [squash(n.text()) for n in h2] != [squash(t) for t in md_h1[1:]]:
        errors.append("H2s %r != section titles %r" % ([n.text() for n in h2], md_h1[1:]))

    # Entries in reading order: each "## " heading is in an element's text,
    # at or after the previous one's.
    texts = [squash(n.text()) for n in nodes]
    pos = 0
    for l in lines:
        if l.startswith("## "):
            t = squash(strip_markdown(l))
            found = next((i for i in range(pos, len(texts)) if t in texts[i]), None)
            if found is None:
                errors.append("entry %r not found in reading order after element %d" % (l, pos))
                break
            pos = found

    # Every other paragraph in its section's structure text.
    sect_nodes = [n for n in nodes if n.kind == "Sect"]
    md_sections = []  # (title, lines)
    for l in lines:
        if l.startswith("# "):
            md_sections.append([l, []])
        elif md_sections:
            md_sections[-1][1].append(l)
    if len(md_sections) == len(sect_nodes):
        for (title, body), sect in zip(md_sections, sect_nodes):
            have = squash(sect.text())
            for l in body:
                t = squash(strip_markdown(l))
                # RenderCV theme templates rearrange an entry's fields (the
                # degree in its own column): then every word must be there.
                words = [squash(w).strip(",;:.·–-") for w in strip_markdown(l).split()]
                if t and t not in have and not all(w in have for w in words):
                    errors.append("%s: %r not in its section's structure text" % (title, l))
    else:
        errors.append("%d Sect elements for %d Markdown sections" % (len(sect_nodes), len(md_sections)))

    # Links: one Link element per link annotation, each with its object.
    annots = [v for v in objs.values() if v.get("/Subtype") == "/Link"]
    links = [n for n in nodes if n.kind == "Link"]
    if len(links) != len(annots) or any(n.objects != 1 for n in links):
        errors.append("%d Link elements for %d link annotations" % (len(links), len(annots)))
    for v in annots:
        if "/StructParent" not in v or "/Contents" not in v:
            errors.append("link annotation without /StructParent or /Contents")
            break
    # Highlights as list items.
    lbodies = [n for n in nodes if n.kind == "LBody"]
    if not lbodies and any(l for s in md_sections[1:] for l in s[1] if l.startswith("- ")):
        errors.append("list items in the Markdown but no LBody")
    # The photo.
    figures = [v for v in objs.values() if v.get("/S") == "/Figure"]
    has_photo = b"/Subtype /Image" in open(pdf, "rb").read() and "photo:" in open(cv, encoding="utf-8").read()
    if has_photo and (len(figures) != 1 or "/Alt" not in figures[0]):
        errors.append("photo without one Figure with /Alt")
    # Footer: not in the structure.
    pages = run("pdftotext", "-enc", "UTF-8", pdf, "-").stdout.decode().split("\f")
    last = [l for l in pages[0].splitlines() if l.strip()]
    if last and re.search(r"\b1\s*(of|/)\s*\d", last[-1]):
        if squash(last[-1]) in squash(tree.text()):
            errors.append("the footer %r is in the structure" % last[-1])
    # Catalog and XMP.
    raw = open(pdf, "rb").read()
    catalog = next(v for v in objs.values() if v.get("/Type") == "/Catalog")
    for key in ("/Lang", "/MarkInfo", "/StructTreeRoot", "/Metadata", "/ViewerPreferences"):
        if key not in catalog:
            errors.append("catalog has no " + key)
    if b"<pdfuaid:part>1</pdfuaid:part>" not in raw:
        errors.append("XMP without pdfuaid:part 1")
    if pdfa:
        if b"<pdfaid:part>2</pdfaid:part>" not in raw or b"<pdfaid:conformance>A</pdfaid:conformance>" not in raw:
            errors.append("--pdfa: XMP without pdfaid:part 2 / conformance A")
        intents = catalog.get("/OutputIntents")
        if not intents:
            errors.append("--pdfa: no /OutputIntents")
        else:
            intent = deref(objs, deref(objs, intents)[0])
            profile = intent.get("/DestOutputProfile")
            if intent.get("/S") != "/GTS_PDFA1" or not profile:
                errors.append("--pdfa: output intent is not GTS_PDFA1 with a profile")
            else:
                num = profile.split()[0]
                icc = run("qpdf", "--show-object=" + num, "--filtered-stream-data", pdf).stdout
                if len(icc) < 128 or icc[36:40] != b"acsp" or int.from_bytes(icc[:4], "big") != len(icc) \
                        or b"sRGB" not in icc:
                    errors.append("--pdfa: the output intent's profile is not an sRGB ICC profile")
    elif b"pdfaid:part" in raw:
        errors.append("pdfaid without --pdfa")
    return errors


def main():
    cvpress, out, styles = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
    os.makedirs(out, exist_ok=True)
    failed = 0
    for cv in sys.argv[4:]:
        for style in styles:
            for pdfa in (False, True) if style == "classic" else (False,):
                errors = check(cvpress, out, cv, style, pdfa)
                label = "%s %s%s" % (os.path.basename(cv), style, " --pdfa" if pdfa else "")
                if errors:
                    failed += 1
                    print("FAIL " + label)
                    for e in errors[:10]:
                        print("  " + e)
                else:
                    print("ok   " + label)
    if "classic" in styles:
        # batch --pdfa too: the option reaches the backend through BatchOptions.
        bdir = os.path.join(out, "batch-pdfa")
        r = run(cvpress, "batch", sys.argv[4], "-o", bdir, "--pdfa", "--quiet")
        pdfs = [f for f in os.listdir(bdir) if f.endswith(".pdf")] if os.path.isdir(bdir) else []
        raw = open(os.path.join(bdir, pdfs[0]), "rb").read() if pdfs else b""
        if r.returncode != 0 or b"<pdfaid:part>2</pdfaid:part>" not in raw or b"/OutputIntents" not in raw:
            failed += 1
            print("FAIL batch --pdfa: no PDF/A output (%s)" % r.stderr.decode(errors="replace")[-200:])
        else:
            print("ok   batch --pdfa")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
