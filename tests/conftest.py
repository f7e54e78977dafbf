"""Shared test helpers, each defined once.

Fixtures here are found by pytest in every test file; plain helpers and constants are imported
with `from conftest import ...`. Nothing here reads anything outside the repository: the
reference files the tests compare with are vendored under tests/vendor/ (see its README.md).
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import functools
import hashlib
import http.server
import json
import os
import shutil
import socket
import subprocess
import tempfile
import textwrap
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "tests" / "vendor"
# The sample site's signing key, published on purpose so tests can sign as the sample issuer.
TEST_KEY = ROOT / "tests" / "fixtures" / "TEST-ONLY-sample-signing-key.json"


# ---------------------------------------------------------------- files


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data) if data.startswith("\n") else data, encoding="utf-8")
    return root


def write_json(document, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by its relative path: compare two with ==."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def tree_digest(folder: Path) -> str:
    """`sha256  path` per file, sorted by path: the format sha256sum -c reads."""
    return "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in tree(folder).items())


def vendor_sources(area: str) -> list[dict]:
    """The entries of tests/vendor/<area>/sources.json: file, origin, commit, sha256, licence, ..."""
    return json.loads((VENDOR / area / "sources.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- a small test site

BASE = "https://uni.example.org/mc/"

SITE_YAML = """\
base_url: https://uni.example.org/mc/
languages: [en, nl]
title: {en: Test Microcredentials, nl: Test-microcredentials}
description: {en: Courses for testing., nl: Cursussen om te testen.}
institution:
  name: {en: Test University, nl: Testuniversiteit}
  url: https://www.uni.example.org/
  country: NL
  sector: wo
theme: default
"""

COURSE = "testing-things"  # the test course's slug

# A valid course; tests change one field at a time with `course_text(...)`.
COURSE_TEXT = """\
---
id: {slug}
version: "2026.1"
status: published
title: {{en: Testing Things Well, nl: Goed testen}}
summary: {{en: A short course about testing., nl: Een korte cursus over testen.}}
language: [en]
workload:
  ects: 4
  hours: 112
level:
  eqf: 6
field_of_study: ["0613"]
learning_outcomes:
  - {{en: Write tests that can fail., nl: Tests schrijven die kunnen falen.}}
  - {{en: Read a failing test calmly., nl: Een falende test rustig lezen.}}
  - {{en: "Fix the code, not the test.", nl: "De code repareren, niet de test."}}
assessment:
  types: [written_exam]
  supervision: supervised_with_id_check
  grading: {{scale: nl-1-10, pass: "5.5"}}
participation: [online]
quality_assurance:
  framework: kwaliteitskader-ho
  type: institutional
---
Body text in English.

<!-- lang: nl -->
Tekst in het Nederlands.
"""


def _swap_lines(text: str, replace: dict[str, str], what: str) -> str:
    for old, new in replace.items():
        assert old in text, f"{old!r} is not a line of {what}"
        text = text.replace(old, new)
    return text


def course_text(slug: str = COURSE, **replace: str) -> str:
    """The valid course with whole lines swapped: course_text(**{'  ects: 4': '  ects: 40'})."""
    return _swap_lines(COURSE_TEXT.format(slug=slug), replace, "the test course")


def keys_yaml(*entries) -> str:
    """keys_yaml(("k1", key, "active"), ...) -> the keys: block of site.yaml."""
    lines = ["keys:"]
    for key_id, key, status in entries:
        public = key if isinstance(key, str) else key.public_multibase
        lines += [f"  - id: {key_id}", f"    public_key: {public}", f"    status: {status}"]
    return "\n".join(lines) + "\n"


def site_yaml(*keys, base_url: str = BASE, **replace: str) -> str:
    """SITE_YAML with lines swapped (as course_text), another base_url and a keys: block for `keys`."""
    text = _swap_lines(SITE_YAML, replace, "SITE_YAML").replace(BASE, base_url)
    return text + (keys_yaml(*keys) if keys else "")


@pytest.fixture
def make_site(tmp_path):
    """make_site({"content/courses/x.md": "..."}) -> site folder with a valid site.yaml."""

    def make(files: dict[str, str | bytes] | None = None, site_yaml: str | None = SITE_YAML,
             courses: bool = True) -> Path:
        root = tmp_path / "site"
        root.mkdir(exist_ok=True)
        base = {}
        if site_yaml is not None:
            base["content/site.yaml"] = site_yaml
        if courses:
            base[f"content/courses/{COURSE}.md"] = course_text()
        return write_files(root, {**base, **(files or {})})

    return make


# ---------------------------------------------------------------- the command line


def run(*args):
    """Run credsite in-process; a crash (anything but a normal exit) fails the test."""
    from click.testing import CliRunner

    from generator.commands.cli import cli

    result = CliRunner().invoke(cli, [str(a) for a in args])
    text = result.stdout + result.stderr
    assert "Traceback" not in text, text
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"credsite {args[0]} crashed with {result.exception!r}; output: {text}")
    return result


def verdict_lines(stdout: str) -> list[str]:
    """The verdict line of each file `credsite verify` printed (its check lines are indented)."""
    return [line for line in stdout.splitlines() if not line.startswith(" ")]


# ---------------------------------------------------------------- keys and issuing


@pytest.fixture(autouse=True)
def no_key_in_environment(monkeypatch, tmp_path_factory):
    """The developer's own key settings must never leak into a test: neither the environment nor the key file
    keygen writes by default, which issue, revoke and reissue find (XDG_CONFIG_HOME is pointed at a folder
    that does not exist, so no test finds a key there unless it makes one)."""
    from generator.issuing import keys

    monkeypatch.delenv(keys.KEY_ENV, raising=False)
    monkeypatch.delenv(keys.KEY_FILE_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "no-config-here"))


def sample_secret() -> str:
    """The secretKeyMultibase of the sample site's published test key (TEST_KEY)."""
    return read_json(TEST_KEY)["secretKeyMultibase"]


@pytest.fixture
def site(make_site, tmp_path):
    """A site whose content/site.yaml lists one active key, k1, kept in tmp_path/keys/."""
    from generator.issuing import keys

    key_path = tmp_path / "keys" / "k1.json"
    key = keys.generate(key_path, tmp_path / "site")
    root = make_site(site_yaml=site_yaml(("k1", key, "active")))
    return SimpleNamespace(root=root, key=key, key_path=key_path, tmp=tmp_path)


@pytest.fixture
def pair(site):
    """Two credentials, a and b, issued through the API."""
    a, b = issue_api(site, learner(), learner(name="Bob Example", email="bob@example.org"))
    return SimpleNamespace(**vars(site), a=a, b=b)


def learner(name="Ann Example", email="ann@example.org", grade="", date=None, evidence=(), valid_until=None):
    from generator.issuing import issue as issuing

    return issuing.Learner(name, email, grade, date, tuple(evidence), valid_until)


def issue_api(s, *learners, now=None, key=None):
    """Issue through the Python API; the learners must be fine."""
    from generator.build.pipeline import load
    from generator.issuing import issue as issuing

    content = load(s.root, drafts=True)
    assert content.site is not None, [str(p) for p in content.problems]
    course = issuing.course_version(content.families, COURSE)
    issued, problems = issuing.issue(content.site, course, list(learners or [learner()]), key or s.key, now=now)
    assert not problems, [str(p) for p in problems]
    return issued


def issue_cli(s, *args, key_path=None, mail_merge=None):
    mail_merge = mail_merge or s.tmp / "mail-merge.csv"
    key_args = [] if key_path is False else ["--key", key_path or s.key_path]
    return run("issue", "--course", COURSE, "--source", s.root, "--mail-merge", mail_merge, *key_args, *args)


def issued_files(root: Path) -> list[Path]:
    folder = root / "content" / "issued"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def status_files(root: Path) -> list[Path]:
    folder = root / "content" / "status"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def nothing_issued(root: Path) -> None:
    assert issued_files(root) == []
    assert status_files(root) == []


# ---------------------------------------------------------------- the sample site


def sample_site(tmp_path: Path, name: str = "site") -> Path:
    """A private copy of the sample site, so tests can break it."""
    site = tmp_path / name
    for folder in ("content", "themes"):
        shutil.copytree(ROOT / folder, site / folder)
    return site


def loads_first(monkeypatch) -> None:
    """As in a build that is not cold (build/pipeline.cold): loading reads every credential file before its judge
    does."""
    from generator.build import pipeline

    monkeypatch.setattr(pipeline, "cold", lambda store, output: False)


def renders_counted(monkeypatch) -> list[str]:
    """The uuid of each credential whose badge unit is rendered, as it is (in this process: no pool)."""
    from generator.build import units

    seen: list[str] = []
    real = units._badge_files

    def counting(job, item, tally):
        seen.append(item.credential.uuid)
        return real(job, item, tally)

    monkeypatch.setattr(units, "_badge_files", counting)
    return seen


def revoked_ids() -> set[str]:
    """Ids of the credentials content/status/revocations.csv lists (none if it is absent)."""
    path = ROOT / "content" / "status" / "revocations.csv"
    return {row["credential"] for row in read_csv(path)} if path.is_file() else set()


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> SimpleNamespace:
    """A copy of the sample site, taken once per test module, and its built output: `root`, `out`, the
    credential `files`, their `ids`, `revoked` (id -> reason) and a `valid` (unrevoked) credential file."""
    from generator.build.pipeline import build

    tmp = tmp_path_factory.mktemp("sample")
    root = sample_site(tmp)
    out = tmp / "_site"
    result = build(root, out)
    assert result.ok, [str(p) for p in result.problems]
    revoked = {row["credential"]: row["reason"] for row in read_csv(root / "content" / "status" / "revocations.csv")}
    files = sorted((root / "content" / "issued").glob("*.json"))
    ids = {path: json.loads(path.read_text(encoding="utf-8"))["id"] for path in files}
    valid = next(path for path in files if ids[path] not in revoked)
    return SimpleNamespace(root=root, out=out, files=files, ids=ids, revoked=revoked, valid=valid)


def check_line(stdout: str, name: str) -> str:
    """The line of check `name` in what `credsite verify` printed."""
    (line,) = [line for line in stdout.splitlines() if line.startswith(f"  {name} ")]
    return line


# The uuid of the first credential the sample site revoked (the tests of badge pages need one).
REVOKED = next((row["credential"].removeprefix("urn:uuid:")
                for row in read_csv(ROOT / "content" / "status" / "revocations.csv")), None)

_SAMPLE_BASE_PATH = urllib.parse.urlsplit(
    yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))["base_url"]).path


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder like the real host, quietly: a missing path gets `not_found` with status 404."""

    def __init__(self, *args, not_found: Path | None = None, **kwargs):
        self.not_found = not_found
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404 or self.not_found is None or not self.not_found.is_file():
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve(folder: Path, not_found: Path | None = None) -> Iterator[str]:
    """Serve `folder` on localhost while in the block; yields 'http://127.0.0.1:PORT'."""
    handler = functools.partial(SiteHandler, directory=str(folder), not_found=not_found)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def www(tmp_path_factory, request) -> Path:
    """A folder holding the sample site, built once for the whole run under its base URL's path.

    Never change it (copy it). pytest-xdist workers share one build: the first to get here
    builds, the others wait. The build's moment is the `build_epoch` fixture.
    """
    from generator.build.pipeline import build

    under_xdist = hasattr(request.config, "workerinput")
    shared = tmp_path_factory.getbasetemp().parent if under_xdist else tmp_path_factory.getbasetemp()
    www = shared / "sample-www"
    with open(shared / "sample-www.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not _epoch_file(www).is_file():
            epoch = int(time.time())
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("SOURCE_DATE_EPOCH", str(epoch))
                result = build(ROOT, www / _SAMPLE_BASE_PATH.strip("/"))
            assert result.ok, [str(p) for p in result.problems]
            _epoch_file(www).write_text(str(epoch), encoding="utf-8")
    return www


def _epoch_file(www: Path) -> Path:
    return www.with_name(www.name + ".epoch")


@pytest.fixture(scope="session")
def build_epoch(www) -> int:
    """The moment (SOURCE_DATE_EPOCH) `www` was built at, so the day its badge pages show is known."""
    return int(_epoch_file(www).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site_url(www):
    """The sample site in `www`, served at its base URL's path as the host serves it."""
    with serve(www, not_found=www / _SAMPLE_BASE_PATH.strip("/") / "404.html") as origin:
        yield origin + _SAMPLE_BASE_PATH


# ---------------------------------------------------------------- network, browser, npm


@pytest.fixture
def no_network(monkeypatch):
    """Refuse and record every attempt to open a network connection; the test gets the record.

    Recording matters: code that wraps a failed retrieval in its own error would hide a raised one.
    """
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


CHROMIUM = Path("/usr/bin/chromium")  # Debian's; playwright never downloads its own
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}
# Set by .ci/run: there every browser test must run, so a missing Chromium fails instead of skipping.
IN_CI = "CREDSITE_CI"


def need_tool(name: str) -> None:
    """A test that needs an installed program: without it, skip and say so; in CI (which installs it), fail."""
    if shutil.which(name) is None:
        why = f"{name} is not installed"
        if os.environ.get(IN_CI):
            pytest.fail(f"{why}; {IN_CI} is set, and CI must run every test")
        pytest.skip(why)


def find_chromium() -> Path | None:
    """Debian's /usr/bin/chromium, else a chromium or chromium-browser on the PATH."""
    if CHROMIUM.exists():
        return CHROMIUM
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(found) if found else None


def launch_chromium(playwright):
    """Headless Chromium from a `sync_playwright()` block. Without one, the test skips and says why; in CI
    (CREDSITE_CI set, as .ci/run does) it fails, as CI must run every browser test."""
    chromium = find_chromium()
    if chromium is None:
        why = ("no Chromium found (not /usr/bin/chromium, nor chromium or chromium-browser on the PATH); "
               "install Debian's chromium package, as .ci/run does")
        if os.environ.get(IN_CI):
            pytest.fail(f"{why}. {IN_CI} is set, and in CI every browser test must run")
        pytest.skip(why)
    return playwright.chromium.launch(executable_path=str(chromium), args=[
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"])


@pytest.fixture(scope="module")
def chromium():
    """One headless Chromium for a test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = launch_chromium(p)
        yield instance
        instance.close()


SAMPLE_BASE_URL = yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))["base_url"]
_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".css": "text/css; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml",
          ".png": "image/png", ".xml": "application/xml"}


class SiteHost:
    """Answers a browser's requests as the internet would if it held only one built site, at its base URL.

    Route a playwright context through `handle`: the browser then meets the site at its real https
    address (a secure context, did:web resolving as published) while the files come from `folder`,
    which a test may change as a host's files could change. Elsewhere on the same host is empty
    (404); requests to any other origin are refused and recorded in `foreign`.
    """

    def __init__(self, folder: Path, base_url: str = SAMPLE_BASE_URL):
        self.folder = folder
        self.base_url = base_url
        self.requests: list[str] = []
        self.foreign: list[str] = []

    def handle(self, route) -> None:
        url = route.request.url
        base = urllib.parse.urlsplit(self.base_url)
        if not url.startswith(f"{base.scheme}://{base.netloc}/"):
            self.foreign.append(url)
            route.abort()
            return
        self.requests.append(url)
        path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
        relative = path[len(base.path):]
        file = self.folder / (relative + "index.html" if relative == "" or relative.endswith("/") else relative)
        if path.startswith(base.path) and file.resolve().is_relative_to(self.folder.resolve()) and file.is_file():
            route.fulfill(path=str(file), headers={"Content-Type": _TYPES.get(file.suffix, "application/octet-stream"),
                                                   "Access-Control-Allow-Origin": "*"})
        elif (self.folder / "404.html").is_file():
            route.fulfill(status=404, path=str(self.folder / "404.html"), headers={"Content-Type": _TYPES[".html"]})
        else:
            route.fulfill(status=404, body="Not Found", headers={"Content-Type": "text/plain"})


def npm_ci(folder: Path, needs: Path | None = None) -> None:
    """`npm ci` in `folder` when its packages (or the file `needs`) are missing or older than its lock file.

    pytest-xdist workers may get here at the same moment; two `npm ci` runs in one folder would
    delete each other's files, so they take turns.
    """
    # npm writes node_modules/.package-lock.json on every install; older than the committed
    # lock file means someone changed the pins since.
    installed = folder / "node_modules" / ".package-lock.json"
    lock_name = "credsite-npm-" + hashlib.sha256(str(folder).encode()).hexdigest()[:12] + ".lock"
    with open(Path(tempfile.gettempdir()) / lock_name, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (installed.is_file() and (needs is None or needs.is_file())
                and installed.stat().st_mtime >= (folder / "package-lock.json").stat().st_mtime):
            return
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail(f"npm is not installed (.ci/run installs it); or run `npm ci --prefix {folder}`")
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=folder,
                              capture_output=True, text=True, timeout=600, check=False)
        assert done.returncode == 0, f"npm ci in {folder} failed:\n{done.stdout}\n{done.stderr}"


# ---------------------------------------------------------------- CI runs every browser test

_skipped_browser_tests: list[str] = []


def pytest_runtest_logreport(report):
    """Note each browser test that skipped; under xdist the controller sees every worker's reports."""
    if report.skipped and "browser" in report.keywords:
        _skipped_browser_tests.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    """In CI (CREDSITE_CI set) a skipped browser test fails the run, whatever made it skip: a green run
    there must mean the pages were checked in a browser."""
    if os.environ.get(IN_CI) and _skipped_browser_tests and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    if os.environ.get(IN_CI) and _skipped_browser_tests:
        terminalreporter.write_line(f"FAILED: {len(_skipped_browser_tests)} browser test(s) skipped, and {IN_CI} is "
                                    "set: in CI every browser test must run", red=True)
        for nodeid in _skipped_browser_tests:
            terminalreporter.write_line(f"  skipped: {nodeid}")
