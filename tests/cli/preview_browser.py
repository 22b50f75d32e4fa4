#!/usr/bin/env python3
"""`cvpress preview` in a real browser (issue 16, item 3): headless Chromium,
driven by Selenium through chromedriver (Debian chromium, chromium-driver,
python3-selenium), opens the page; the test saves the YAML and waits for the
page to show the new name, then an invalid CV and its located error, then
the fixed CV again. Every wait has a deadline; the browser and the server
are always ended.

Usage: preview_browser.py --cvpress BIN --scratch DIR [--screenshot FILE]
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

DEADLINE = 30  # seconds; generous for loaded CI machines

CV = """cv:
  name: {name}
  email: ada@example.com
  sections:
    education:
      - institution: University of London
        area: Mathematics
        start_date: 1840-01
        end_date: 1843-06
"""

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


def save(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def find(path, *names):
    for name in names:
        p = shutil.which(name) or (name if os.path.exists(name) else None)
        if p:
            return p
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cvpress", required=True)
    ap.add_argument("--scratch", required=True)
    ap.add_argument("--screenshot")
    a = ap.parse_args()
    chromium = find(None, "chromium", "chromium-browser", "/usr/lib/chromium/chromium")
    driver_bin = find(None, "chromedriver", "/usr/lib/chromium/chromedriver")
    if not chromium or not driver_bin:
        print("FAIL chromium and chromedriver are needed (scripts/install-deps.sh installs them)")
        return 1

    shutil.rmtree(a.scratch, ignore_errors=True)
    os.makedirs(a.scratch)
    src = os.path.join(a.scratch, "cv.yaml")
    save(src, CV.format(name="Ada Lovelace"))

    server = subprocess.Popen([os.path.abspath(a.cvpress), "preview", "cv.yaml", "--port", "0"],
                              cwd=a.scratch, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, text=True)
    lines = []
    threading.Thread(target=lambda: [lines.append(l) for l in server.stdout], daemon=True).start()
    browser = None
    try:
        end = time.monotonic() + DEADLINE
        url = None
        while time.monotonic() < end and not url and server.poll() is None:
            m = re.match(r"Preview: (http://127\.0\.0\.1:\d+/)", "".join(lines))
            url = m.group(1) if m else None
            time.sleep(0.01)
        check(url is not None, "the server prints its URL")
        if not url:
            return 1

        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1000,1300", "--no-first-run",
                    "--user-data-dir=" + os.path.join(a.scratch, "profile")):
            options.add_argument(arg)
        browser = webdriver.Chrome(service=Service(executable_path=driver_bin), options=options)
        browser.set_page_load_timeout(DEADLINE)
        browser.get(url)
        wait = WebDriverWait(browser, DEADLINE, poll_frequency=0.02)
        name = lambda: browser.find_element(By.ID, "cv-name").text
        check(name() == "Ada Lovelace", "the page shows the CV's name")
        check(browser.find_element(By.ID, "cv-pdf").get_attribute("data").endswith("/cv.pdf?g=1"),
              "the page embeds the PDF")
        if a.screenshot:
            time.sleep(1.0)  # let the PDF viewer paint
            browser.save_screenshot(a.screenshot)

        def shows(text):
            def pred(_):
                try:
                    return name() == text
                except WebDriverException:
                    return False  # reloading
            return pred

        saved = time.monotonic()
        save(src, CV.format(name="Grace Hopper"))
        try:
            wait.until(shows("Grace Hopper"))
            print(f"info save-to-page latency: {(time.monotonic() - saved) * 1000:.0f} ms")
            check(True, "after a save the page shows the new name")
        except WebDriverException:
            check(False, "after a save the page shows the new name (it shows " + name() + ")")

        save(src, "cv:\n  name: Grace Hopper\n  sections: 3\n")

        def errors(_):
            try:
                return browser.find_element(By.ID, "cv-errors").text
            except WebDriverException:
                return False
        try:
            text = wait.until(errors)
            check(text.startswith("cv.yaml:3:13: cv.sections: "),
                  "an invalid CV shows its located error (" + text[:80] + ")")
        except WebDriverException:
            check(False, "an invalid CV shows its located error")

        save(src, CV.format(name="Katherine Johnson"))
        try:
            wait.until(shows("Katherine Johnson"))
            check(not browser.find_elements(By.ID, "cv-errors"),
                  "the fixed CV shows the new name and no errors")
        except WebDriverException:
            check(False, "the fixed CV shows the new name")
    finally:
        if browser:
            try:
                browser.quit()
            except WebDriverException:
                pass
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                rc = server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                rc = "killed"
            check(rc == 0, f"the server ends with exit 0 on SIGTERM (got {rc})")
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
