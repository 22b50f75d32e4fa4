#!/usr/bin/env python3
"""Checks of the JSON Schema (`cvpress schema`, schema/cvpress.schema.json).

  check_schema.py --cvpress BIN --source DIR --scratch DIR CHECK

CHECK is one of
  committed  schema/cvpress.schema.json equals `cvpress schema` (set
             CVPRESS_UPDATE_GOLDEN=1 to rewrite it, then read the diff)
  examples   every examples/*.yaml and the valid CLI test CVs validate
  bad        bad CVs (name as a list, an unknown top-level key, wrong types,
             a missing required key, an entry of no type) are rejected by the
             schema and by `cvpress validate`
  agree      for every entry type in the schema: a minimal entry is accepted
             by both, and for each of its keys a value of the wrong type, or
             leaving out a required key, is rejected by both (the loader and
             the schema are generated from the same tables; this checks the
             value kinds too)
"""
import argparse
import copy
import json
import os
import subprocess
import sys

import jsonschema
import yaml


class StringDates(yaml.SafeLoader):
    """YAML as editors see it: 2020-01-15 stays a string (no datetime)."""


StringDates.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text):
    return yaml.load(text, Loader=StringDates)


def schema_of(args):
    out = subprocess.run([args.cvpress, "schema"], check=True, capture_output=True, text=True)
    return out.stdout


def validator(args):
    schema = json.loads(schema_of(args))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def loader_verdicts(args, docs):
    """`cvpress validate --format json` on each doc: {name: (valid, messages)}."""
    os.makedirs(args.scratch, exist_ok=True)
    paths = []
    for name, doc in docs.items():
        path = os.path.join(args.scratch, name + ".yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
        paths.append(path)
    out = subprocess.run([args.cvpress, "validate", "--format", "json", *paths],
                         capture_output=True, text=True)
    verdicts = {}
    for f in json.loads(out.stdout)["files"]:
        name = os.path.basename(f["file"])[:-5]
        messages = [d["path"] + ": " + d["message"] for d in f["diagnostics"]]
        verdicts[name] = (f["valid"], messages)
    return verdicts


def schema_errors(v, doc):
    return [e.json_path + ": " + e.message for e in v.iter_errors(doc)]


def check_committed(args):
    path = os.path.join(args.source, "schema", "cvpress.schema.json")
    generated = schema_of(args)
    if os.environ.get("CVPRESS_UPDATE_GOLDEN") == "1":
        with open(path, "w", encoding="utf-8") as f:
            f.write(generated)
        print("rewrote", path)
        return 0
    with open(path, encoding="utf-8") as f:
        committed = f.read()
    if committed != generated:
        print("FAIL: schema/cvpress.schema.json differs from `cvpress schema`; regenerate it with "
              "CVPRESS_UPDATE_GOLDEN=1 ctest -R schema.committed")
        return 1
    print("schema/cvpress.schema.json equals `cvpress schema` (%d bytes)" % len(generated))
    return 0


def check_examples(args):
    v = validator(args)
    files = sorted(os.path.join(args.source, "examples", f)
                   for f in os.listdir(os.path.join(args.source, "examples"))
                   if f.endswith(".yaml"))
    cli = os.path.join(args.source, "tests", "data", "cli")
    # (warning.yaml is left out: its unknown entry key, a warning for the
    # loader, is an error for the schema, which is stricter there.)
    files += [os.path.join(cli, f) for f in ("good.yaml", "good-2.yaml", "bib-cv.yaml",
                                             "bilingual.yaml")]
    failed = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = load_yaml(f.read())
        errors = schema_errors(v, doc)
        if errors:
            failed += 1
            print("FAIL:", path, "is rejected by the schema:", *errors[:5], sep="\n  ")
    # The starter CV of `cvpress new` too.
    starter = subprocess.run([args.cvpress, "new", "Jane Doe", "-o", "-"], check=True,
                             capture_output=True, text=True).stdout
    if "yaml-language-server: $schema=" not in starter.splitlines()[0]:
        failed += 1
        print("FAIL: the starter CV has no yaml-language-server modeline")
    if schema_errors(v, load_yaml(starter)):
        failed += 1
        print("FAIL: the starter CV is rejected:", *schema_errors(v, load_yaml(starter)), sep="\n  ")
    print("%d files validated, %d failed" % (len(files) + 1, failed))
    return 1 if failed else 0


GOOD = {
    "cv": {
        "name": "Jane Doe",
        "email": "jane@example.org",
        "sections": {
            "Education": [{"institution": "MIT", "area": "Physics", "start_date": "2019-09",
                           "end_date": "present", "highlights": ["GPA 4.0"]}],
        },
    },
    "design": {"theme": "classic"},
}

BAD = {
    "name_list": ({"cv": {"name": ["Jane", "Doe"]}}, "cv.name"),
    "unknown_top_key": ({"cv": {"name": "Jane Doe"}, "desgin": {"theme": "classic"}}, "desgin"),
    "email_map": ({"cv": {"name": "Jane Doe", "email": {"work": {"a": 1}}}}, "cv.email"),
    "sections_list": ({"cv": {"name": "Jane Doe", "sections": [{"bullet": "x"}]}}, "cv.sections"),
    "highlights_map": ({"cv": {"sections": {"E": [{"institution": "MIT", "area": "Physics",
                                                   "highlights": {"x y": 1}}]}}},
                       "highlights"),
    "missing_area": ({"cv": {"sections": {"E": [{"institution": "MIT"}]}}}, "area"),
    "no_entry_type": ({"cv": {"sections": {"E": [{"title": "A paper"}]}}}, "sections.E[0]"),
    "unknown_cv_key": ({"cv": {"name": "Jane Doe", "phnoe": "1"}}, "cv.phnoe"),
    "unknown_entry_key": ({"cv": {"sections": {"E": [{"company": "ACME", "position": "CTO",
                                                      "salary": "none"}]}}}, None),
    "sort_unknown": ({"cv": {"name": "Jane Doe"}, "settings": {"sort": "by_colour"}},
                     "settings.sort"),
}


def check_bad(args):
    v = validator(args)
    failed = 0
    if schema_errors(v, GOOD):
        failed += 1
        print("FAIL: the good CV is rejected:", schema_errors(v, GOOD))
    docs = {"good": GOOD, **{name: doc for name, (doc, _) in BAD.items()}}
    verdicts = loader_verdicts(args, docs)
    if not verdicts["good"][0]:
        failed += 1
        print("FAIL: cvpress rejects the good CV:", verdicts["good"][1])
    for name, (doc, where) in BAD.items():
        errors = schema_errors(v, doc)
        if not errors:
            failed += 1
            print("FAIL: the schema accepts", name, json.dumps(doc))
        valid, messages = verdicts[name]
        if where is None:  # the loader warns (and renders) where the schema rejects
            if not messages or "unknown key" not in messages[0]:
                failed += 1
                print("FAIL: cvpress does not warn about", name, messages)
            else:
                print("ok: %s rejected by the schema (%s), a warning for cvpress (%s)" % (
                    name, errors[0] if errors else "-", messages[0]))
            continue
        if valid:
            failed += 1
            print("FAIL: cvpress validate accepts", name, json.dumps(doc))
        elif not any(where in m for m in messages):
            failed += 1
            print("FAIL: cvpress does not name", where, "for", name, messages)
        else:
            print("ok: %s rejected (schema: %s; cvpress: %s)" % (name, errors[0], messages[0]))
    return 1 if failed else 0


# A valid value and a wrongly typed one for each $ref the entry keys use.
SAMPLES = {
    "text": ("Some *text*", ["a", "list"]),
    "plain": ("plain", ["a", "list"]),
    "url": ("https://example.org", ["a", "list"]),
    "doi": ("10.1145/3575693.3575705", "not a doi"),
    "date": ("2020-05", ["a", "list"]),
    "strings": (["one", "two"], {"not a language": 1}),
    "highlights": (["a bullet"], {"not a language": 1}),
    "authors": (["Jane Doe"], {"not a language": 1}),
}


def ref_of(prop):
    """The $defs name a property refers to (through anyOf [ref, null])."""
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[1]
    for alt in prop.get("anyOf", []):
        if "$ref" in alt:
            return alt["$ref"].rsplit("/", 1)[1]
    if prop.get("type") == "array" and "$ref" in prop.get("items", {}):
        return "list of " + prop["items"]["$ref"].rsplit("/", 1)[1]
    for alt in prop.get("anyOf", []):
        if alt.get("type") == "array" and "$ref" in alt.get("items", {}):
            return "list of " + alt["items"]["$ref"].rsplit("/", 1)[1]
    return None


def sample(ref, good):
    if ref == "list of event":
        return [{"name": "A workshop", "date": "2021-03"}] if good else "an event"
    if ref in SAMPLES:
        return SAMPLES[ref][0 if good else 1]
    return None


def design_sample(leaf):
    """A valid value for a design option of the schema."""
    if "enum" in leaf:
        return leaf["enum"][0]
    if leaf.get("type") == "boolean":
        return True
    if leaf.get("type") == ["string", "null"]:
        return "NAME"  # a template
    if "anyOf" in leaf and "enum" in leaf["anyOf"][0]:
        return leaf["anyOf"][0]["enum"][0]
    if "anyOf" in leaf and "$ref" in leaf["anyOf"][0]:
        return ["Experience"]
    if "anyOf" in leaf and "font" in leaf["anyOf"][0].get("description", ""):
        return "DejaVu Sans"
    if leaf.get("type") == "integer":
        return leaf.get("minimum", 1) + 1
    if "anyOf" in leaf and leaf["anyOf"][0].get("type") == "number":
        return 0.9
    if "pattern" in leaf:
        return "10pt"
    if "examples" in leaf:
        return leaf["examples"][0]
    if "$ref" in leaf:
        return ["Experience"]
    if "colour" in leaf.get("description", ""):
        return "#112233"
    if "font" in leaf.get("description", ""):
        return "DejaVu Sans"
    return "~"


def check_agree(args):
    schema = json.loads(schema_of(args))
    v = jsonschema.Draft202012Validator(schema)
    entry_types = [e for e in schema["$defs"]["entry"]["anyOf"] if e.get("type") == "object"]
    docs, expect = {}, {}
    for n, et in enumerate(entry_types):
        props = et["properties"]
        if "bibliography" in props:
            continue  # needs a file; tests/academic covers it
        base = {}
        for key in et["required"]:
            base[key] = sample(ref_of(props[key]), True)
        # the deciding key must stay the first match: leave out no required key
        name = "type%d" % n
        docs[name] = {"cv": {"sections": {"S": [base]}}}
        expect[name] = True
        for key, prop in props.items():
            if key == "tags":
                continue
            ref = ref_of(prop)
            good, bad = sample(ref, True), sample(ref, False)
            if good is None:
                print("FAIL: no sample value for %s.%s (%s)" % (et["description"], key, ref))
                return 1
            entry = dict(base, **{key: good})
            docs["%s_%s_good" % (name, key)] = {"cv": {"sections": {"S": [entry]}}}
            expect["%s_%s_good" % (name, key)] = True
            entry = dict(base, **{key: bad})
            docs["%s_%s_bad" % (name, key)] = {"cv": {"sections": {"S": [entry]}}}
            expect["%s_%s_bad" % (name, key)] = False
            if key in et["required"] and len(et["required"]) > 1 and key != et["required"][0]:
                entry = {k: val for k, val in base.items() if k != key}
                docs["%s_%s_missing" % (name, key)] = {"cv": {"sections": {"S": [entry]}}}
                expect["%s_%s_missing" % (name, key)] = False
    # Every design option in the schema is one the loader honours: a CV
    # setting all of them validates without a warning ("not supported yet").
    def fill(props):
        return {key: fill(leaf["properties"]) if "properties" in leaf else design_sample(leaf)
                for key, leaf in props.items()}
    design = fill(schema["properties"]["design"]["anyOf"][0]["properties"])
    docs["design_all"] = {"cv": {"name": "Jane Doe"}, "design": design}
    expect["design_all"] = True
    verdicts = loader_verdicts(args, docs)
    failed = 0
    if verdicts["design_all"][1]:
        failed += 1
        print("FAIL: design options of the schema draw diagnostics:", verdicts["design_all"][1])
    for name, doc in docs.items():
        by_schema = not schema_errors(v, doc)
        by_loader = verdicts[name][0]
        if by_schema != expect[name] or by_loader != expect[name]:
            failed += 1
            print("FAIL: %s: expected %s, schema says %s, cvpress says %s %s\n  %s" % (
                name, expect[name], by_schema, by_loader, verdicts[name][1], json.dumps(doc)))
    print("%d CVs checked against the schema and the loader, %d disagree" % (len(docs), failed))
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvpress", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--scratch", required=True)
    ap.add_argument("check", choices=["committed", "examples", "bad", "agree"])
    args = ap.parse_args()
    args.scratch = os.path.join(args.scratch, args.check)
    return {"committed": check_committed, "examples": check_examples, "bad": check_bad,
            "agree": check_agree}[args.check](args)


if __name__ == "__main__":
    sys.exit(main())
