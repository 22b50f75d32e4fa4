"""pytest suite of the `cvpress` Python module (issue 16, item 7).

Run by ctest (python.pytest) with PYTHONPATH=build/python and
CVPRESS_SOURCE_DIR set; by hand:
    PYTHONPATH=build/python CVPRESS_SOURCE_DIR=$PWD python3 -m pytest tests/python
"""
import os
import pathlib
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import pytest

import cvpress

SOURCE = pathlib.Path(os.environ.get("CVPRESS_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
CLI_DATA = SOURCE / "tests" / "data" / "cli"

GOOD = """cv:
  name: Ada Lovelace
  email: ada@example.com
  sections:
    education:
      - institution: University of London
        area: Mathematics
        start_date: 1840-01
        end_date: 1843-06
"""


def pdf_text(data: bytes) -> str:
    r = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return r.stdout.decode()


def test_render_text_to_pdf():
    pdf = cvpress.render(GOOD)
    assert isinstance(pdf, bytes)
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    assert "Ada Lovelace" in text and "University of London" in text


def test_render_showcase_as_in_the_issue():
    with open(SOURCE / "examples" / "showcase.yaml", encoding="utf-8") as f:
        pdf = cvpress.render(f.read(), base_dir=SOURCE / "examples")
    assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000


def test_render_path_forms_agree(tmp_path):
    cv = tmp_path / "cv.yaml"
    cv.write_text(GOOD)
    from_path = pdf_text(cvpress.render(cv))
    assert from_path == pdf_text(cvpress.render(str(cv)))  # a str without newline is a path
    assert from_path == pdf_text(cvpress.render(GOOD.encode()))  # bytes are text
    assert from_path == pdf_text(cvpress.render(GOOD))


def test_render_latex_and_styles():
    tex = cvpress.render(GOOD, format="latex")
    assert tex.startswith(b"%") or b"\\documentclass" in tex
    assert b"Ada Lovelace" in tex
    assert "latex" in cvpress.formats() and "pdf" in cvpress.formats()
    assert "harvard" in cvpress.styles()
    assert cvpress.render(GOOD, format="latex", style="harvard") != tex


def test_render_options():
    bilingual = (CLI_DATA / "bilingual.yaml").read_text()
    assert "Johanna Doe" in pdf_text(cvpress.render(bilingual, lang="de"))
    assert "Jane Doe" in pdf_text(cvpress.render(bilingual, lang="en"))
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        cvpress.render(GOOD, colour="red")
    with pytest.raises(TypeError, match="source must be CV text"):
        cvpress.render(42)


def test_render_pdfa():
    plain, pdfa = cvpress.render(GOOD), cvpress.render(GOOD, pdfa=True)
    assert b"pdfaid:part" not in plain and b"/OutputIntents" not in plain
    assert b"<pdfaid:part>2</pdfaid:part>" in pdfa and b"/OutputIntents" in pdfa
    with pytest.raises(TypeError, match="pdfa must be a bool"):
        cvpress.render(GOOD, pdfa="yes")


def test_input_error_carries_located_diagnostics():
    with pytest.raises(cvpress.InputError) as info:
        cvpress.render("cv:\n  name: Ada\n  sections: 3\n")
    e = info.value
    assert isinstance(e, cvpress.Error)
    assert len(e.diagnostics) == 1
    d = e.diagnostics[0]
    assert (d.file, d.line, d.column, d.path, d.severity) == (
        "<string>", 3, 13, "cv.sections", "error")
    assert d.message == "expected a map, got a string"
    assert str(e) == "<string>:3:13: cv.sections: expected a map, got a string"
    assert str(d) == str(e)

    with pytest.raises(cvpress.InputError, match=r"^mine\.yaml:3:1: cv\.name\[1\]: invalid YAML"):
        cvpress.render("cv:\n  name: [1\n", filename="mine.yaml")


def test_other_errors():
    with pytest.raises(cvpress.IoError) as info:
        cvpress.render(pathlib.Path("/nonexistent/cv.yaml"))
    assert isinstance(info.value, OSError)
    assert "cannot read file" in str(info.value)
    with pytest.raises(cvpress.UsageError, match="unknown format 'docx'") as info:
        cvpress.render(GOOD, format="docx")
    assert isinstance(info.value, ValueError)
    with pytest.raises(cvpress.UsageError, match="unknown style 'fancy'"):
        cvpress.render(GOOD, style="fancy")


def test_validate():
    assert cvpress.validate(GOOD) == []
    warnings = cvpress.validate(pathlib.Path(CLI_DATA / "warning.yaml"))
    assert [(w.line, w.column, w.path, w.severity, w.message) for w in warnings] == [
        (10, 9, "cv.sections.experience[0].salary", "warning", "unknown key, ignored")]
    assert warnings[0].file.endswith("warning.yaml")
    errors = cvpress.validate("cv:\n  name: Ada\n  emial: x\n  sections: 3\n")
    assert [(d.line, d.path, d.severity) for d in errors] == [
        (3, "cv.emial", "error"), (4, "cv.sections", "error")]
    assert repr(errors[0]).startswith("<cvpress.Diagnostic <string>:3:3: cv.emial: ")
    with pytest.raises(cvpress.IoError):
        cvpress.validate(pathlib.Path("/nonexistent/cv.yaml"))


def test_thread_pool_renders_match_serial_renders():
    names = [f"Person Number{i}" for i in range(12)]
    sources = [GOOD.replace("Ada Lovelace", n) for n in names]
    serial = [pdf_text(cvpress.render(s)) for s in sources]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = [pdf_text(b) for b in pool.map(cvpress.render, sources)]
    assert parallel == serial
    assert all(n in t for n, t in zip(names, serial))


def test_render_releases_the_gil():
    # A worker renders standard input ("-"), which is a pipe: it blocks
    # reading it inside render(). Only if the GIL is released can the main
    # thread then write the CV into the pipe. Holding the GIL would deadlock:
    # run it in a child process with a deadline.
    script = textwrap.dedent(f"""
        import os, pathlib, threading, time, cvpress
        r, w = os.pipe()
        os.dup2(r, 0)
        result = {{}}
        def work():
            result["pdf"] = cvpress.render(pathlib.Path("-"))
        t = threading.Thread(target=work)
        t.start()
        time.sleep(0.2)  # let the worker reach the read (not needed for correctness)
        os.write(w, {GOOD!r}.encode())
        os.close(w)
        t.join(30)
        assert result["pdf"].startswith(b"%PDF-")
        print("released")
    """)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       timeout=30, env=dict(os.environ))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "released"


def test_plugins_load_only_when_needed(tmp_path):
    # A fresh process (pytest's may have rendered png already): a PDF render
    # maps neither poppler, the preview server nor libphonenumber; a png
    # render loads the png plug-in (found next to libcvpress) and poppler.
    script = textwrap.dedent(f"""
        import cvpress
        def mapped():
            with open("/proc/self/maps") as f:
                return f.read()
        assert cvpress.render({GOOD!r}).startswith(b"%PDF-")
        for name in ("libpoppler", "libcvpress-png", "libcvpress-preview", "httplib", "libssl",
                     "libcvpress-phone", "libphonenumber", "libprotobuf", "libabsl"):
            assert name not in mapped(), name
        if "png" in cvpress.formats():
            assert cvpress.render({GOOD!r}, format="png").startswith(b"\\x89PNG\\r\\n")
            assert "libcvpress-png.so" in mapped() and "libpoppler" in mapped()
            assert "httplib" not in mapped()
        print("ok")
    """)
    env = dict(os.environ)
    env.pop("CVPRESS_PLUGIN_DIR", None)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       timeout=60, env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"
    if "png" not in cvpress.formats():
        return
    # A missing plug-in is a RenderError naming it (the CLI's exit code 6).
    script = textwrap.dedent(f"""
        import cvpress
        try:
            cvpress.render({GOOD!r}, format="png")
        except cvpress.RenderError as e:
            print(e)
    """)
    env["CVPRESS_PLUGIN_DIR"] = str(tmp_path)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       timeout=60, env=env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ("the png format needs the plug-in libcvpress-png.so, "
                                f"which is not installed (looked in {tmp_path})")


def test_type_stubs_name_every_public_name():
    import ast
    stub = ast.parse((SOURCE / "python" / "cvpress.pyi").read_text())
    declared = {n.name for n in stub.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    public = {n for n in dir(cvpress) if not n.startswith("_")}
    assert public == declared
    # ... and every option render() takes.
    render = next(n for n in stub.body if isinstance(n, ast.FunctionDef) and n.name == "render")
    keywords = {a.arg for a in render.args.kwonlyargs}
    assert keywords == {"lang", "only", "exclude", "variant", "allow_dirs", "base_dir",
                        "filename", "max_pages", "pdfa"}
    for key in keywords:  # each is accepted (a wrong type may fail, an unknown name may not)
        try:
            cvpress.render(GOOD, **{key: "x"})
        except TypeError as e:
            assert "unexpected keyword" not in str(e)
        except cvpress.Error:
            pass
