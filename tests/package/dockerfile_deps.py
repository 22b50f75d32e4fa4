#!/usr/bin/env python3
"""The Dockerfile's build stage installs every library package that
scripts/install-deps.sh installs (so the image builds what CI builds), and
its runtime stage installs the .deb that cpack makes (whose Depends come from
dpkg-shlibdeps). No Docker daemon is needed for this check.
usage: dockerfile_deps.py SOURCE_DIR"""
import re
import sys

src = sys.argv[1]
deps = open(f"{src}/scripts/install-deps.sh").read()
block = deps.split("packages=(", 1)[1].split(")", 1)[0]
libs = {p for p in block.split() if p.startswith("lib") and p.endswith("-dev") and p != "doctest-dev"}
docker = open(f"{src}/Dockerfile").read()
build_stage = docker.split("FROM debian:12-slim", 1)[0]
missing = sorted(p for p in libs if not re.search(r"\b%s\b" % re.escape(p), build_stage))
problems = []
if missing:
    problems.append("the Dockerfile's build stage lacks " + " ".join(missing))
if "cpack -G DEB" not in build_stage or "cvpress_*.deb" not in docker.split("FROM debian:12-slim", 1)[1]:
    problems.append("the runtime stage does not install the cpack .deb")
if not re.search(r"^USER (?!root)\w+", docker, re.M):
    problems.append("the image does not run as a non-root user")
for p in problems:
    print("FAIL:", p)
print("PASS" if not problems else "")
sys.exit(1 if problems else 0)
