#!/usr/bin/env python3
"""End-to-end checks for issue 18 through the CLI and the PDF text layer.

  seed-bib    examples/qinghao-hu-cv-bib.yaml (publications from a .bib) has the
              same text as examples/qinghao-hu-cv.yaml
  json-resume every string value of JSON Resume's sample.resume.json is in the
              PDF's text (exceptions listed in NOT_SHOWN, with the reason)
  convert     `cvpress convert` writes YAML that validates and renders the same text
  bilingual   --lang zh / --lang en give a wholly Chinese / English CV
  batch       batch --lang en,zh and --variant all write one PDF per language/variant

Usage: run_academic.py --cvpress BIN --source DIR --scratch DIR CHECK
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys


def run(args, **kw):
    p = subprocess.run(args, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        sys.exit(f"FAIL: {' '.join(args)} exited {p.returncode}\n{p.stdout}{p.stderr}")
    return p


def text_of(cvpress, cv, pdf, *extra):
    run([cvpress, "render", cv, "-o", pdf, *extra])
    return run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).stdout


def flat(s):
    return re.sub(r"\s+", " ", s).strip()


# JSON Resume values that are not shown as text, and why.
NOT_SHOWN = {
    "$schema": "schema URL, not CV content",
    "basics.image": "empty in the sample (a photo path otherwise)",
    "basics.profiles[0].url": "Twitter is a known network: shown as twitter.com/neutralthoughts",
    "basics.profiles[0].network": "known network: shown by its link, not its name",
    "basics.profiles[1].url": "a profile is shown as network: username",
}
DATE_KEYS = {"startDate", "endDate", "date", "releaseDate"}


def strings(value, path=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, f"{path}.{k}" if path else k)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from strings(v, f"{path}[{i}]")
    elif isinstance(value, str) and value:
        yield path, value


def check_json_resume(a):
    sample = os.path.join(a.source, "tests/data/json-resume/sample.resume.json")
    text = flat(text_of(a.cvpress, sample, os.path.join(a.scratch, "sample.pdf")))
    data = json.load(open(sample, encoding="utf-8"))
    missing = []
    checked = 0
    for path, value in strings(data):
        key = path.split(".")[-1].split("[")[0]
        if path in NOT_SHOWN or path.startswith("meta."):
            continue
        if key in DATE_KEYS:
            continue  # shown formatted ("Dec 1, 2013"), checked below
        if key == "url":
            if path.startswith("basics.url"):
                value = re.sub(r"^https?://", "", value)
            else:
                continue  # a link target: the entry's name links to it
        checked += 1
        if flat(value) not in text:
            missing.append(f"{path}: {value!r}")
    for shown in ["Dec 1, 2013 – Dec 1, 2014", "Nov 1, 2014", "Oct 1, 2014", "Aug 24, 2016"]:
        checked += 1
        if shown not in text:
            missing.append(f"date {shown!r}")
    if missing:
        sys.exit("FAIL: not in the text layer:\n  " + "\n  ".join(missing))
    print(f"json-resume: {checked} string values in the text layer")


def check_convert(a):
    sample = os.path.join(a.source, "tests/data/json-resume/sample.resume.json")
    out = os.path.join(a.scratch, "converted.yaml")
    run([a.cvpress, "convert", sample, "-o", out])
    p = run([a.cvpress, "validate", out])
    assert p.stderr == "", p.stderr
    t_json = text_of(a.cvpress, sample, os.path.join(a.scratch, "j.pdf"))
    t_yaml = text_of(a.cvpress, out, os.path.join(a.scratch, "y.pdf"))
    if t_json != t_yaml:
        sys.exit("FAIL: converted YAML renders differently")
    print("convert: YAML validates and renders the same text")


def check_seed_bib(a):
    ex = os.path.join(a.source, "examples")
    t_yaml = text_of(a.cvpress, os.path.join(ex, "qinghao-hu-cv.yaml"), os.path.join(a.scratch, "y.pdf"))
    t_bib = text_of(a.cvpress, os.path.join(ex, "qinghao-hu-cv-bib.yaml"), os.path.join(a.scratch, "b.pdf"))
    if t_yaml != t_bib:
        sys.exit("FAIL: the .bib CV's text differs from the YAML's")
    for s in ["Distinguished Paper Award", "* co-first author", "[ATC '22]"]:
        assert s in t_bib, s
    print("seed-bib: same text as the YAML")


HAN = re.compile(r"[\u4e00-\u9fff]")


def check_bilingual(a):
    import yaml  # python3-yaml (scripts/install-deps.sh)
    cv = os.path.join(a.source, "examples/qiaoling-chen-bilingual.yaml")
    doc = yaml.safe_load(open(cv, encoding="utf-8"))
    pairs = []

    def walk(v):
        if isinstance(v, dict):
            if set(v) == {"en", "zh"}:
                en, zh = v["en"], v["zh"]
                if isinstance(en, list):
                    pairs.extend(zip(en, zh))
                else:
                    pairs.append((en, zh))
                return
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(doc["cv"])
    zh = flat(text_of(a.cvpress, cv, os.path.join(a.scratch, "zh.pdf"), "--lang", "zh"))
    en = flat(text_of(a.cvpress, cv, os.path.join(a.scratch, "en.pdf"), "--lang", "en"))
    bad = []
    for e, z in pairs:
        if flat(z) not in zh:
            bad.append(f"zh text lacks {z!r}")
        if flat(e) in zh:
            bad.append(f"zh text has {e!r}")
        if flat(e) not in en:
            bad.append(f"en text lacks {e!r}")
    # Section titles, dates and the footer follow the language too.
    for s in ["教育经历", "工作经历", "获奖情况", "2024年8月至今", "第 1 页，共 1 页"]:
        if s not in zh:
            bad.append(f"zh text lacks {s!r}")
    # Wholly Chinese: the only Latin words are the e-mail, the website and a product name.
    latin = set(re.findall(r"[A-Za-z][A-Za-z0-9.@\-]*", zh))
    allowed = {"qiaoling001@e.ntu.edu.sg", "qiaoling-chen.github.io", "InternEvo"}
    if latin - allowed:
        bad.append(f"zh text has Latin words {sorted(latin - allowed)}")
    if HAN.search(en):
        bad.append(f"en text has Han characters: {HAN.findall(en)}")
    if bad:
        sys.exit("FAIL:\n  " + "\n  ".join(bad))
    print(f"bilingual: {len(pairs)} texts, zh wholly Chinese, en wholly English")


def check_batch(a):
    src = os.path.join(a.scratch, "in")
    out = os.path.join(a.scratch, "out")
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(src)
    shutil.copy(os.path.join(a.source, "examples/qiaoling-chen-bilingual.yaml"), src)
    # A folder's JSON Resume files are inputs; a CSL-JSON bibliography is not.
    shutil.copy(os.path.join(a.source, "tests/data/json-resume/sample.resume.json"), src)
    with open(os.path.join(src, "refs.json"), "w") as f:
        f.write('[{"id": "a", "type": "book", "title": "T"}]\n')
    with open(os.path.join(src, "tagged.yaml"), "w") as f:
        f.write("cv:\n  name: Jane Doe\n  sections:\n    experience:\n"
                "      - {company: A, position: Engineer, tags: [industry]}\n"
                "      - {company: B, position: Researcher, tags: [academic]}\n"
                "settings:\n  variants:\n    industry: {only: [industry]}\n"
                "    academic: {only: [academic]}\n")
    run([a.cvpress, "batch", src, "-o", out, "--lang", "en,zh", "-q"])
    run([a.cvpress, "batch", os.path.join(src, "tagged.yaml"), "-o", out, "--variant", "all", "-q"])
    names = sorted(os.listdir(out))
    want = ["qiaoling-chen-bilingual-en.pdf", "qiaoling-chen-bilingual-zh.pdf",
            "sample.resume-en.pdf", "sample.resume-zh.pdf", "tagged-academic.pdf",
            "tagged-en.pdf", "tagged-industry.pdf", "tagged-zh.pdf"]
    if names != want:
        sys.exit(f"FAIL: batch wrote {names}, expected {want}")
    zh = run(["pdftotext", os.path.join(out, "qiaoling-chen-bilingual-zh.pdf"), "-"]).stdout
    ind = run(["pdftotext", os.path.join(out, "tagged-industry.pdf"), "-"]).stdout
    assert "陈巧玲" in zh and "Engineer" in ind and "Researcher" not in ind
    print("batch: one PDF per language and variant")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvpress", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--scratch", required=True)
    ap.add_argument("check")
    a = ap.parse_args()
    a.cvpress = os.path.abspath(a.cvpress)
    a.scratch = os.path.join(os.path.abspath(a.scratch), a.check)
    os.makedirs(a.scratch, exist_ok=True)
    if shutil.which("pdftotext") is None:
        print("pdftotext not installed; skipped")
        return 77
    {"seed-bib": check_seed_bib, "json-resume": check_json_resume, "convert": check_convert,
     "bilingual": check_bilingual, "batch": check_batch}[a.check](a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
