"""The first hour of a new institution, as the README and docs/issuing.md tell it (issue #18).

The commands are taken from the documents themselves, not copied into the test: when the README or
docs/issuing.md change, this test follows them, and it fails when following them literally fails.
The only thing a reader adds is what the documents leave to them: the course's own texts, their key
lines in site.yaml, the cohort file, and the id of the credential to revoke.

Also here: the docs travel with the package (`credsite docs`), and the test suite is self-contained
and runs every browser test in CI.
"""

from __future__ import annotations

import codecs
import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

import conftest
from conftest import ROOT, read_json, run
from generator.commands import docs
from generator.commands.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
ISSUING = (ROOT / "docs" / "issuing.md").read_text(encoding="utf-8")
SAMPLE_COURSE = "data-literacy-for-policy"  # the course docs/issuing.md's examples name


def sh_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```", markdown, flags=re.S | re.M)


def sh_commands(block: str) -> list[str]:
    """The commands of a shell block as a reader types them: continued lines joined, [optional] parts left out,
    comments dropped."""
    text = re.sub(r"\[[^\]]*\]", "", block.replace("\\\n", " "))
    lines = (line.split("  #", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def section(markdown: str, title: str) -> str:
    found = docs.section(markdown, title)
    assert found is not None, f"no section '{title}'"
    return found


class Shell:
    """Runs documented commands in-process, in a current folder that `cd` changes, and keeps what ran."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch
        self.ran: list[str] = []

    def __call__(self, command: str):
        words = shlex.split(command)
        self.ran.append(command)
        if words[0] == "cd":
            self.monkeypatch.chdir(Path.cwd() / words[1])
            return None
        assert words[0] == "credsite", command
        result = CliRunner().invoke(cli, words[1:])
        assert "Traceback" not in result.output, result.output
        assert result.exit_code == 0, f"{command}\n{result.output}"
        return result


def write_the_course(path: Path) -> None:
    """What a reader does with the template: their own texts and values in place of the examples, and
    status: published."""
    text = path.read_text(encoding="utf-8")
    count = iter(range(1, 100))
    text = re.sub(r'"(?:Vervang mij|Replace me): ([^"]*)"',
                  lambda m: f'"{m[1][0].upper()}{m[1][1:].rstrip(".")}, part {next(count)}."', text)
    text = re.sub(r"^(?:Vervang mij|Replace me): (.*)$", lambda m: f"{m[1]} In our own words.", text, flags=re.M)
    replace = {"status: draft ": "status: published ", "ects: 4 ": "ects: 5 ", "hours: 112": "hours: 140",
               '["0533"]': '["0613"]', "start: 2026-09-01": "start: 2027-02-01", "end: 2026-11-15": "end: 2027-04-15",
               "price_eur: 0": "price_eur: 495", "https://www.example.edu/enrol": "https://hogeschool-voorbeeld.nl/in",
               "further_information: https://www.example.edu/": "further_information: https://hogeschool-voorbeeld.nl/"}
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    text = re.sub(r"^skills:.*?\n\n", "", text, flags=re.S | re.M)  # optional, and an example
    # Each value checked (EQF 6 is right for this course too), its '# example' note goes.
    text = re.sub(r"\s+# example\b.*$", "", text, flags=re.M)
    assert "Vervang mij" not in text and "Replace me" not in text and not re.search(r"\s# example\b", text)
    path.write_text(text, encoding="utf-8")


def test_the_first_hour_works_as_the_readme_and_docs_issuing_tell_it(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))  # the default key path is private to this test
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    shell = Shell(monkeypatch)

    # README, "Your own site": init (nl first), cd, new course, check, build.
    for command in sh_commands(sh_blocks(section(README, "Your own site"))[0]):
        shell(command)
    site = Path.cwd()
    assert site != tmp_path and (site / "_site" / "index.html").is_file()
    assert [p.name for p in (site / "content" / "courses").glob("*.md")] != []
    course = next(c.split()[-1] for c in shell.ran if c.startswith("credsite new course"))
    write_the_course(site / "content" / "courses" / f"{course}.md")
    shell("credsite check")

    # docs/issuing.md, "1. Make a key": keygen, and "Add the printed lines to content/site.yaml".
    (keygen,) = sh_commands(sh_blocks(section(ISSUING, "1. Make a key (once)"))[0])
    printed = shell(keygen).stdout
    with open(site / "content" / "site.yaml", "a", encoding="utf-8") as handle:
        handle.write(printed[printed.index("keys:"):])
    assert (home / ".config" / "credsite" / "signing-key.json").is_file()

    # "2. Issue": one learner, then a cohort saved by Excel with Dutch settings.
    one, cohort = sh_blocks(section(ISSUING, "2. Issue"))[:2]
    (site / "cohort.csv").write_bytes(codecs.BOM_UTF8 + b"name;email;grade\r\nJan Jansen;jan@example.org;7.5\r\n"
                                      b"Emma de Wit;emma@example.org;8\r\n")
    for command in sh_commands(one) + sh_commands(cohort):
        shell(command.replace(f"--course {SAMPLE_COURSE}", f"--course {course}"))
    issued = {read_json(p)["credentialSubject"]["identifier"][1]["identityHash"]: read_json(p)["id"]
              for p in (site / "content" / "issued").glob("*.json")}
    assert sorted(issued) == ["Emma de Wit", "Jan Jansen", "Sanne de Vries"]
    lists = sorted(site.glob("issued-*.csv"), key=lambda p: p.stat().st_mtime_ns)
    assert len(lists) == 2 and lists[1].read_bytes().startswith(codecs.BOM_UTF8 + b'"name";"email"')

    # "3. Revoke", the form for scripts (this test has no terminal to answer on).
    (revoke,) = [c for c in sh_commands("".join(sh_blocks(section(ISSUING, "3. Revoke")))) if "--yes" in c]
    shell(re.sub(r"urn:uuid:\S+", issued["Sanne de Vries"], revoke))
    shell("credsite build")

    verdicts = run("verify", *sorted((site / "content" / "issued").glob("*.json"))).stdout
    assert verdicts.count(": valid") == 2 and verdicts.count(": REVOKED") == 1
    assert not [c for c in shell.ran if "--key" in c or "--out" in c], "the documents' commands need no key option"
    # Nothing a learner's address is in, nor the build's output or cache, is offered to git.
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    status = subprocess.run(["git", "-C", str(site), "status", "--porcelain", "--untracked-files=all"],
                            capture_output=True, text=True, check=True).stdout
    assert not re.search(r"\.csv$|_site/|\.credsite-cache/", "\n".join(
        line for line in status.splitlines() if "content/status/" not in line), flags=re.M), status


# ---------------------------------------------------------------- docs that travel


def test_credsite_docs_lists_every_topic_and_prints_each_as_it_is():
    listed = run("docs")
    names = sorted(p.stem for p in (ROOT / "docs").glob("*.md"))

    assert [line.split()[0] for line in listed.stdout.splitlines()] == names
    for name in names:
        assert run("docs", name).stdout == (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [("issuing", "A key that leaked"), ("issuing", "a-key-that-leaked"),
                                  ("docs/issuing.md#a-key-that-leaked",)])
def test_credsite_docs_prints_one_section(args):
    result = run("docs", *args)

    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("### A key that leaked\n")
    assert "## " not in result.stdout.split("\n", 1)[1].replace("### ", "")  # it ends before the next heading


def test_credsite_docs_names_the_topics_and_sections_there_are():
    unknown = run("docs", "issueing")
    assert unknown.exit_code == 1 and "no topic 'issueing'; the topics are course-format, deploying" in unknown.stderr
    section_ = run("docs", "issuing", "Revoking")
    assert section_.exit_code == 1 and "its sections are: 1. Make a key (once);" in section_.stderr


def test_the_docs_are_package_data():
    """A wheel holds generator/docs/*.md: the package data names them, and generator/docs is the docs folder."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "docs/*.md" in config["tool"]["setuptools"]["package-data"]["generator"]
    packaged = {item.name: item.read_bytes() for item in docs.topics().values()}
    assert packaged == {p.name: p.read_bytes() for p in (ROOT / "docs").glob("*.md")}


DOCS_POINTER = re.compile(r"credsite docs ([a-z][\w-]*)(?: '([^']+)')?")  # not the usage line's TOPIC
OLD_POINTER = re.compile(r"docs/([\w-]+)\.md(?:, '([^']+)')?")
# Where the signing side and the command line keep their messages and the course template; other stages are
# to follow (their pointers are checked to resolve all the same).
MOVED = ("generator/commands/", "generator/issuing/", "generator/scaffold/")


def generator_texts() -> dict[str, str]:
    files = [*(ROOT / "generator").rglob("*.py"), *(ROOT / "generator" / "scaffold").iterdir()]
    # A message split over string literals ("... 'A key that "\n "leaked'") is read as Python joins it.
    return {p.relative_to(ROOT).as_posix(): re.sub(r"\"\n\s*f?\"", "", p.read_text(encoding="utf-8"))
            for p in files if p.is_file()}


def test_every_docs_pointer_in_credsite_names_a_topic_and_section_that_exist():
    topics = docs.topics()
    pointers = [(name, m[1], m[2]) for name, text in generator_texts().items()
                for pattern in (DOCS_POINTER, OLD_POINTER) for m in pattern.finditer(text)]
    assert len(pointers) >= 5
    broken = [f"{name}: no docs topic '{topic}'" if topic not in topics else f"{name}: {topic} has no '{wanted}'"
              for name, topic, wanted in pointers
              if topic not in topics or wanted and not docs.section(topics[topic].read_text(encoding="utf-8"), wanted)]
    assert broken == []


def test_messages_point_to_docs_that_exist_wherever_credsite_is_installed():
    # docs/X.md exists in a clone of the repository only; 'credsite docs X' wherever credsite is installed.
    old = {name for name, text in generator_texts().items() if name.startswith(MOVED) and OLD_POINTER.search(text)}
    assert old == set()
    assert "credsite docs issuing 'A key that leaked'" in generator_texts()["generator/issuing/signing.py"]


# ---------------------------------------------------------------- self-contained tests, every browser test in CI


def test_no_test_reads_anything_beside_the_repository():
    for path in (ROOT / "tests").glob("*.py"):
        assert not re.search(r"\.\./shared|parents\[2\]|/ \"shared\"", path.read_text(encoding="utf-8")), path


def test_ci_runs_the_test_command_the_readme_section_it_names_gives():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    (heading,) = re.findall(r'README\.md, "([^"]+)"', script)
    command = script.rstrip().splitlines()[-1]
    assert command.startswith("CREDSITE_CI=1 ")
    assert f"`{command.removeprefix('CREDSITE_CI=1 ')}`" in section(README, heading)


def test_a_browser_test_without_chromium_skips_and_says_why(monkeypatch):
    monkeypatch.setattr(conftest, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv(conftest.IN_CI, raising=False)

    with pytest.raises(pytest.skip.Exception, match="no Chromium found"):
        conftest.launch_chromium(playwright=None)


def test_in_ci_a_browser_test_without_chromium_fails(monkeypatch):
    monkeypatch.setattr(conftest, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setenv(conftest.IN_CI, "1")

    with pytest.raises(pytest.fail.Exception, match="in CI every browser test must run"):
        conftest.launch_chromium(playwright=None)


@pytest.mark.parametrize("in_ci, code, workers", [(False, 0, ["-p", "no:xdist"]), (True, 1, ["-p", "no:xdist"]),
                                                   (True, 1, ["-n", "2"])], ids=["local", "ci", "ci-as-ci-runs-it"])
def test_in_ci_any_skipped_browser_test_fails_the_run(tmp_path, in_ci, code, workers):
    """However a browser test came to skip, CREDSITE_CI turns the run red (the conftest hooks)."""
    (tmp_path / "test_page.py").write_text(
        "import pytest\n\n@pytest.mark.browser\ndef test_page():\n    pytest.skip('no browser here')\n\n"
        "def test_other():\n    pass\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    env.pop(conftest.IN_CI, None)
    if in_ci:
        env[conftest.IN_CI] = "1"

    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "conftest", "-p", "no:cacheprovider",
                             *workers, "-c", os.devnull, "--rootdir", str(tmp_path), str(tmp_path)],
                            capture_output=True, text=True, cwd=tmp_path, env=env)

    assert result.returncode == code, result.stdout + result.stderr
    assert ("browser test(s) skipped" in result.stdout) == in_ci
