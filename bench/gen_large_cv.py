#!/usr/bin/env python3
"""A CV of N entries (default 5000, the loader's limit) for the linearity check
in docs/benchmarks.md: experience with highlights, publications, one-line
entries and text paragraphs, deterministic.

    gen_large_cv.py OUT.yaml [-n 5000]
"""
import argparse
import random

WORDS = ("scheduling distributed training clusters heterogeneous accelerators efficient "
         "large language models memory communication parallelism inference serving "
         "characterization datacenter workloads reinforcement learning systems design "
         "resource-constrained trillion-parameter fine-tuning compilers optimisation").split()

def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("-n", type=int, default=5000)
    a = ap.parse_args()
    rng = random.Random(7)
    per = a.n // 4
    out = ["cv:", "  name: Ada Lovelace", "  sections:", "    experience:"]
    for i in range(per):
        out += [f"      - company: Company {i}", "        position: Research Scientist",
                f"        start_date: {1990 + i % 30}-0{1 + i % 9}", "        end_date: present",
                "        location: Zürich, Switzerland", "        highlights:",
                f"          - {sentence(rng, 18)}", f"          - {sentence(rng, 30)}"]
    out.append("    publications:")
    for i in range(per):
        out += [f"      - title: {sentence(rng, 12)}", "        authors:",
                "          - Ada Lovelace", "          - Charles Babbage",
                f"        journal: {sentence(rng, 5)}", f"        date: {1990 + i % 30}"]
    out.append("    awards:")
    for i in range(per):
        out += [f"      - label: Award {i}", f"        details: {sentence(rng, 10)}"]
    out.append("    notes:")
    for i in range(a.n - 3 * per):
        out.append(f"      - {sentence(rng, 60)}")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")

main()
