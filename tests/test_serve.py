"""`credsite serve` as an editor uses it: edit, see the page change, break it, fix it."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from conftest import ROOT, launch_chromium

pytestmark = pytest.mark.browser

COURSE = "content/courses/data-literacy-for-policy.md"


@pytest.fixture
def server(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(ROOT / "content", site / "content")
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", "0", "--source", str(site)],
                               cwd=ROOT, stderr=subprocess.PIPE, text=True, bufsize=1,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url, log = None, []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and url is None:
        line = process.stderr.readline()
        if not line and process.poll() is not None:
            break
        log.append(line)
        match = re.search(r"serving on (http://\S+)", line)
        if match:
            url = match.group(1)
    assert url, "credsite serve did not start:\n" + "".join(log)
    # Keep reading the server's log, so a failing test can show it.
    threading.Thread(target=lambda: log.extend(iter(process.stderr.readline, "")), daemon=True).start()
    process.log = log
    yield site, url, process
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def test_serves_with_the_hosts_headers(server):
    site, url, _ = server
    with urllib.request.urlopen(url + "did.json") as response:
        assert response.headers["Content-Type"] == "application/did+ld+json"
        assert response.headers.get_all("Access-Control-Allow-Origin") == ["*"]  # twice, and browsers refuse it
    root = url.split("/microcredentials/")[0] + "/"
    with urllib.request.urlopen(root) as response:  # redirected to the base path
        assert response.url == url


def test_edit_reloads_the_page_and_a_broken_edit_shows_its_error(server):
    site, url, process = server
    from playwright.sync_api import sync_playwright

    course = site / COURSE
    original = course.read_text()
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page()
        page.goto(url + "courses/data-literacy-for-policy/")
        assert page.locator("h1").inner_text() == "Data Literacy for Policy Makers"

        course.write_text(original.replace("en: Data Literacy for Policy Makers",
                                           "en: Data Literacy for Policy Leaders"))
        try:
            page.wait_for_function(
                "document.querySelector('h1').innerText === 'Data Literacy for Policy Leaders'", timeout=60_000)
        except Exception:
            raise AssertionError("the page did not change; server log:\n" + "".join(process.log)) from None

        course.write_text(original.replace('version: "2026.1"', 'version: "2026.1"\nlevel: [oops'))
        page.wait_for_function("document.title === 'Build failed'", timeout=60_000)
        assert "malformed YAML" in page.locator("body").inner_text()
        assert process.poll() is None  # the server keeps running

        course.write_text(original)
        page.wait_for_function("document.querySelector('h1') && "
                               "document.querySelector('h1').innerText === 'Data Literacy for Policy Makers'",
                               timeout=60_000)
        browser.close()
