#!/usr/bin/env python3
"""Deterministic synthetic CV corpus for the batch benchmark.

Writes N realistic CVs (mixed lengths, ~1 in 7 with a CJK name) as cvpress
YAML and, with --typst, an equivalent Typst document per CV (same text,
similar layout) so the two tools typeset the same content.

    gen_corpus.py OUTDIR [-n 1000] [--seed 42] [--typst]
"""
import argparse
import os
import random

GIVEN = ["Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas",
         "Kavya", "Liam", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Samir", "Tara",
         "Ugo", "Vera", "Wei", "Ximena", "Yusuf", "Zoë", "Łukasz", "Søren", "Chloé", "José"]
FAMILY = ["Andersen", "Brown", "Castillo", "Dubois", "Eriksen", "Fischer", "García", "Hoffmann",
          "Ivanova", "Jensen", "Kowalski", "López", "Müller", "Nakamura", "O'Brien", "Petrov",
          "Quintero", "Rossi", "Schmidt", "Tanaka", "Usman", "Virtanen", "Weber", "Yilmaz", "Zhou"]
CJK = [("Qiaoling", "Chen", "陈巧玲"), ("Wei", "Zhang", "张伟"), ("Min-jun", "Kim", "김민준"),
       ("Taro", "Yamada", "山田太郎"), ("Xiaoming", "Li", "李晓明"), ("Ji-woo", "Park", "박지우"),
       ("Hana", "Sato", "佐藤花"), ("Jing", "Wang", "王静")]
UNIS = ["Massachusetts Institute of Technology", "ETH Zürich", "University of Cambridge",
        "Nanyang Technological University", "Tsinghua University", "University of Toronto",
        "Technische Universität München", "Seoul National University", "Princeton University",
        "École Polytechnique Fédérale de Lausanne", "University of Tokyo", "Stanford University"]
CITIES = ["Cambridge, MA", "Zürich, Switzerland", "Singapore", "Beijing, China", "Toronto, Canada",
          "München, Germany", "Seoul, Korea", "Princeton, NJ", "Lausanne, Switzerland", "Tokyo, Japan"]
AREAS = ["Computer Science", "Electrical Engineering", "Applied Mathematics", "Physics",
         "Statistics", "Mechanical Engineering"]
COMPANIES = ["Acme Robotics", "Globex", "Initech", "Umbrella Labs", "Hooli", "Stark Industries",
             "Wayne Enterprises", "Cyberdyne Systems", "Soylent Corp", "Tyrell Corporation"]
POSITIONS = ["Software Engineer", "Senior Software Engineer", "Research Scientist",
             "Machine Learning Engineer", "Research Intern", "Staff Engineer", "Postdoctoral Associate"]
VERBS = ["Designed", "Built", "Led", "Optimised", "Shipped", "Reduced", "Improved", "Scaled",
         "Automated", "Migrated"]
OBJECTS = ["a distributed scheduler for GPU clusters", "the data ingestion pipeline",
           "a low-latency inference service", "the continuous-integration system",
           "a compiler pass for tensor programs", "the billing platform",
           "an anomaly detector for datacenter telemetry", "a key-value store"]
RESULTS = ["cutting p99 latency by 38%", "saving $1.2M per year", "serving 40k requests per second",
           "used by 200 engineers", "reducing build time from 41 to 9 minutes",
           "improving accuracy by 4.1 points"]
TOPICS = ["Efficient", "Scalable", "Robust", "Adaptive", "Learned", "Practical", "Fast"]
NOUNS = ["Scheduling", "Serving", "Training", "Compilation", "Caching", "Placement", "Profiling"]
SUBJ = ["for Large Language Models", "in GPU Datacenters", "of Sparse Workloads",
        "for Edge Devices", "with Interpretable Models", "at Scale"]
VENUES = [("OSDI", "USENIX Symposium on Operating Systems Design and Implementation"),
          ("NSDI", "USENIX Symposium on Networked Systems Design and Implementation"),
          ("ASPLOS", "Architectural Support for Programming Languages and Operating Systems"),
          ("SC", "International Conference for High Performance Computing"),
          ("EuroSys", "European Conference on Computer Systems"),
          ("MLSys", "Conference on Machine Learning and Systems"),
          ("ICLR", "International Conference on Learning Representations")]
SKILLS = [("Languages", "C++, Python, Rust, Go, SQL"), ("Tools", "CMake, Git, Docker, Kubernetes"),
          ("Machine learning", "PyTorch, JAX, CUDA, Triton"), ("Spoken", "English, German, 中文")]
AWARDS = ["Best Paper Award", "Google Ph.D. Fellowship", "Outstanding Thesis Award",
          "Dean's List", "National Scholarship", "Rising Star Award", "Distinguished Reviewer"]


def q(s):
    """YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typ(s):
    """Typst markup-escaped text."""
    out = []
    for ch in s:
        if ch in "\\#*_`$<>@[]~=-+/'\"":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def show(d):
    if d == "present":
        return "present"
    y, m = d
    return f"{MONTHS[m - 1]} {y}"


def ym(d):
    return "present" if d == "present" else f"{d[0]}-{d[1]:02d}"


def make_cv(rng, i):
    if i % 7 == 3:
        given, family, native = rng.choice(CJK)
    else:
        given, family, native = rng.choice(GIVEN), rng.choice(FAMILY), None
    name = f"{given} {family}"
    size = rng.choice(["short", "medium", "medium", "long"])
    n_edu = rng.randint(1, 3)
    n_exp = {"short": 2, "medium": 3, "long": 5}[size]
    n_pub = {"short": 2, "medium": 8, "long": 18}[size] + rng.randint(0, 3)
    cv = {"name": name, "given": given, "family": family, "native": native,
          "headline": f"{rng.choice(POSITIONS)} working on {rng.choice(NOUNS).lower()} systems",
          "email": f"{given.lower().replace(' ', '')}.{family.lower().replace(chr(39), '')}@example.org",
          "location": rng.choice(CITIES), "education": [], "experience": [], "publications": [],
          "skills": rng.sample(SKILLS, 3), "awards": []}
    year = 2024
    for _ in range(n_edu):
        start = year - rng.randint(2, 5)
        cv["education"].append({"institution": rng.choice(UNIS), "area": rng.choice(AREAS),
                                "degree": rng.choice(["PhD", "MSc", "BSc"]),
                                "start": (start, 9), "end": (year, 6),
                                "location": rng.choice(CITIES)})
        year = start
    year = 2025
    for k in range(n_exp):
        start = (year - rng.randint(1, 3), rng.randint(1, 12))
        end = "present" if k == 0 else (year, rng.randint(1, 12))
        highlights = [f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}, {rng.choice(RESULTS)}"
                      for _ in range(rng.randint(2, 4))]
        cv["experience"].append({"company": rng.choice(COMPANIES), "position": rng.choice(POSITIONS),
                                 "start": start, "end": end, "location": rng.choice(CITIES),
                                 "highlights": highlights})
        year = start[0]
    for _ in range(n_pub):
        short, full = rng.choice(VENUES)
        y = rng.randint(2015, 2025)
        authors = [f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(rng.randint(2, 7))]
        authors.insert(rng.randint(0, len(authors)), name)
        title = f"{rng.choice(TOPICS)} {rng.choice(NOUNS)} {rng.choice(SUBJ)}"
        cv["publications"].append({"title": title, "authors": authors, "venue": full,
                                   "short": f"{short} '{y % 100:02d}", "date": (y, rng.randint(1, 12))})
    for _ in range(rng.randint(2, 6)):
        cv["awards"].append((rng.choice(AWARDS), rng.randint(2012, 2025)))
    return cv


def to_yaml(cv):
    out = ["cv:"]
    if cv["native"]:
        out += ["  name:", f"    given: {q(cv['given'])}", f"    family: {q(cv['family'])}",
                f"    native: {q(cv['native'])}"]
    else:
        out.append(f"  name: {q(cv['name'])}")
    out += [f"  headline: {q(cv['headline'])}", f"  location: {q(cv['location'])}",
            f"  email: {cv['email']}", "  sections:", "    education:"]
    for e in cv["education"]:
        out += [f"      - institution: {q(e['institution'])}", f"        area: {q(e['area'])}",
                f"        degree: {e['degree']}", f"        start_date: {ym(e['start'])}",
                f"        end_date: {ym(e['end'])}", f"        location: {q(e['location'])}"]
    out.append("    experience:")
    for e in cv["experience"]:
        out += [f"      - company: {q(e['company'])}", f"        position: {q(e['position'])}",
                f"        start_date: {ym(e['start'])}", f"        end_date: {ym(e['end'])}",
                f"        location: {q(e['location'])}", "        highlights:"]
        out += [f"          - {q(h)}" for h in e["highlights"]]
    out.append("    publications:")
    for p in cv["publications"]:
        authors = ", ".join(q(a) for a in p["authors"])
        out += [f"      - title: {q(p['title'])}", f"        authors: [{authors}]",
                f"        journal: {q(p['venue'])}", f"        venue_short: {q(p['short'])}",
                f"        date: {ym(p['date'])}"]
    out.append("    skills:")
    for label, details in cv["skills"]:
        out += [f"      - label: {q(label)}", f"        details: {q(details)}"]
    out.append("    awards:")
    for award, y in cv["awards"]:
        out += [f"      - name: {q(award)}", f"        date: {y}"]
    return "\n".join(out) + "\n"


TYPST_PREAMBLE = """#set page(paper: "a4", margin: 2cm, footer: [#h(1fr) #counter(page).display("1 of 1", both: true)])
#set text(font: ("Noto Sans", "DejaVu Sans", "WenQuanYi Micro Hei"), size: 10pt)
#set par(justify: false)
#let primary = rgb("#004f90")
#show heading.where(level: 1): it => block(above: 10pt, below: 4pt)[#text(fill: primary, size: 13pt, weight: "bold", it.body) #v(-6pt) #line(length: 100%, stroke: 0.5pt + primary)]
#let entry(main, side) = grid(columns: (1fr, 100pt), column-gutter: 8pt, main, align(right, side))
"""


def to_typst(cv):
    name = cv["name"] + (f" ({cv['native']})" if cv["native"] else "")
    out = [TYPST_PREAMBLE,
           f"#align(center)[#text(size: 24pt, fill: primary)[{typ(name)}] \\",
           f"{typ(cv['headline'])} \\",
           f"{typ(cv['location'])} | #link(\"mailto:{cv['email']}\")[{typ(cv['email'])}]]",
           "= Education"]
    for e in cv["education"]:
        out.append(f"#entry([*{typ(e['institution'])}* \\ {e['degree']} in {typ(e['area'])}], "
                   f"[{show(e['start'])} – {show(e['end'])} \\ {typ(e['location'])}])")
    out.append("= Experience")
    for e in cv["experience"]:
        bullets = "".join(f"\n  - {typ(h)}" for h in e["highlights"])
        out.append(f"#entry([*{typ(e['position'])}* \\ {typ(e['company'])}{bullets}\n], "
                   f"[{show(e['start'])} – {show(e['end'])} \\ {typ(e['location'])}])")
    out.append("= Publications")
    for p in cv["publications"]:
        authors = ", ".join(f"*{typ(a)}*" if a == cv["name"] else typ(a) for a in p["authors"])
        out.append(f"#entry([*{typ(p['title'])}* \\ {authors} \\ [{typ(p['short'])}] "
                   f"_{typ(p['venue'])}_], [{show(p['date'])}])")
    out.append("= Skills")
    for label, details in cv["skills"]:
        out.append(f"*{typ(label)}:* {typ(details)} \\")
    out.append("= Awards")
    for award, y in cv["awards"]:
        out.append(f"#entry([{typ(award)}], [{y}])")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--typst", action="store_true", help="also write an equivalent .typ per CV")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.outdir, exist_ok=True)
    for i in range(args.n):
        cv = make_cv(rng, i)
        stem = f"cv{i:05d}"
        with open(os.path.join(args.outdir, stem + ".yaml"), "w", encoding="utf-8") as f:
            f.write(to_yaml(cv))
        if args.typst:
            with open(os.path.join(args.outdir, stem + ".typ"), "w", encoding="utf-8") as f:
                f.write(to_typst(cv))


if __name__ == "__main__":
    main()
