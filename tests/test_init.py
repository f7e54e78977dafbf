"""`credsite init` and `credsite new course`: a new site that builds at once, in the site's languages.

Issue #18, items 1 (the template follows the site's languages), 5 (a content-only repository: no
starter site.yaml, no .gitignore, the deploy workflow's install step) and 6 (block style for texts).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import ROOT, run
from generator.commands import site_init
from generator.commands.cli import cli
from generator.content import config
from generator.issuing.cohort import MAIL_MERGE_NAME

HV = ("--institution", "Hogeschool Voorbeeld", "--base-url", "https://hogeschool-voorbeeld.github.io/microcredentials/")
TEXT_BLOCK = re.compile(r"^( *)(- )?(en|nl|de): ", re.M)  # the languages these tests use


def init(folder: Path, *args: str, answers: str = ""):
    """Run init with `answers` on stdin; a question beyond them aborts, which the test sees."""
    result = CliRunner().invoke(cli, ["init", str(folder), *args], input=answers)
    assert "Traceback" not in result.output, result.output
    return result


def load_site(folder: Path):
    problems: list = []
    site = config.load_site(folder, problems)
    assert not problems, [str(p) for p in problems]
    return site


def text_blocks(course: str) -> list[list[str]]:
    """The languages of each text block in a course file's front matter, in their order."""
    front = course.split("---\n")[1]
    blocks: list[list[str]] = []
    indent = None
    for line in front.splitlines():
        match = TEXT_BLOCK.match(line)
        if match is None:
            indent = None
            continue
        lead = len(match[1]) + len(match[2] or "")
        if indent is None or match[2] or lead != indent:
            blocks.append([])
        blocks[-1].append(match[3])
        indent = lead
    return blocks


# ---------------------------------------------------------------- init


def test_init_with_all_three_options_asks_nothing_and_the_site_builds_at_once(tmp_path):
    folder = tmp_path / "hv"

    result = init(folder, *HV, "--languages", "nl,en")

    assert result.exit_code == 0, result.output  # a question would have read the empty input and aborted
    assert "Institution" not in result.output and "Base URL" not in result.output
    site = load_site(folder)
    assert site.languages == ("nl", "en")
    assert site.base_url == "https://hogeschool-voorbeeld.github.io/microcredentials/"
    assert site.institution.name == {"nl": "Hogeschool Voorbeeld", "en": "Hogeschool Voorbeeld"}
    assert list(site.title) == ["nl", "en"] and site.title["nl"] == "Microcredentials Hogeschool Voorbeeld"
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == [
        ".github/workflows/deploy.yml", ".gitignore", "content/courses/voorbeeldcursus.md", "content/site.yaml"]
    assert run("check", "--source", folder).exit_code == 0
    built = run("build", "--source", folder)
    assert built.exit_code == 0, built.stderr
    assert (folder / "_site" / "index.html").is_file() and (folder / "_site" / "en" / "index.html").is_file()


def test_init_asks_for_what_is_not_given_and_again_after_a_wrong_answer(tmp_path):
    folder = tmp_path / "hv"
    answers = "Hogeschool Voorbeeld\nhttp://hogeschool-voorbeeld.nl/\nhttps://hogeschool-voorbeeld.nl/mc/\nnl_NL\nnl\n"

    result = init(folder, answers=answers)

    assert result.exit_code == 0, result.output
    assert result.output.count("Base URL") == 2 and result.output.count("Languages") == 2
    assert "uses http" in result.output and "'nl_NL' is not a BCP 47 language tag" in result.output
    site = load_site(folder)
    assert (site.base_url, site.languages) == ("https://hogeschool-voorbeeld.nl/mc/", ("nl",))


def test_init_asks_only_for_what_is_missing(tmp_path):
    result = init(tmp_path / "hv", *HV, answers="en, nl\n")

    assert result.exit_code == 0, result.output
    assert "Institution" not in result.output and "Base URL" not in result.output
    assert load_site(tmp_path / "hv").languages == ("en", "nl")


def test_init_reports_every_wrong_option_at_once_and_writes_nothing(tmp_path):
    folder = tmp_path / "hv"

    result = init(folder, "--institution", "Hogeschool Voorbeeld", "--base-url", "hogeschool-voorbeeld.nl",
                  "--languages", "nl_NL,en", "--country", "nl")

    assert result.exit_code == 1
    assert "credsite init: --languages: 'nl_NL' is not a BCP 47 language tag; use 'nl' or 'nl-NL'" in result.stderr
    assert not folder.exists()
    result = init(folder, "--institution", "Hogeschool Voorbeeld", "--base-url", "hogeschool-voorbeeld.nl",
                  "--languages", "nl,en", "--country", "nl")
    assert result.exit_code == 1
    assert "credsite init: --base-url: 'hogeschool-voorbeeld.nl' is not an absolute URL" in result.stderr
    assert "credsite init: --country: 'nl' is not an ISO 3166-1 country code; write 'NL'" in result.stderr
    assert "--website" not in result.stderr  # the base URL stands in for it, and is reported once
    assert "2 error(s)" in result.stderr
    assert not folder.exists()


def test_init_never_overwrites_a_site_and_asks_nothing_first(tmp_path):
    folder = tmp_path / "hv"
    assert init(folder, *HV, "--languages", "nl").exit_code == 0
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    result = init(folder)  # no answers: a question would abort instead

    assert result.exit_code == 1
    assert "content/site.yaml already exists" in result.stderr and "never overwrites a site" in result.stderr
    assert "Institution" not in result.output
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_init_keeps_an_existing_gitignore_and_workflow(tmp_path):
    folder = tmp_path / "hv"
    (folder / ".github" / "workflows").mkdir(parents=True)
    (folder / ".github" / "workflows" / "deploy.yml").write_text("name: mine\n")
    (folder / ".gitignore").write_text("notes/\n_site/")

    result = init(folder, *HV, "--languages", "nl,en")

    assert result.exit_code == 0, result.output
    assert (folder / ".github" / "workflows" / "deploy.yml").read_text() == "name: mine\n"
    assert "deploy.yml exists and was left as it was" in result.stderr
    lines = (folder / ".gitignore").read_text().splitlines()
    assert lines[:2] == ["notes/", "_site/"] and lines.count("_site/") == 1 and ".credsite-cache/" in lines
    assert site_init.gitignore((folder / ".gitignore").read_text()) == (folder / ".gitignore").read_text()


def git_ignores(folder: Path, names: list[str]) -> set[str]:
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    out = subprocess.run(["git", "-C", str(folder), "check-ignore", "--no-index", *names], capture_output=True,
                         text=True, check=False)
    return set(out.stdout.split())


def test_the_gitignore_keeps_learner_lists_output_and_cache_out_of_git(tmp_path):
    folder = tmp_path / "hv"
    assert init(folder, *HV, "--languages", "nl,en").exit_code == 0
    # The name issue gives its mail-merge list by default, and the name after a clash.
    mail_merge = MAIL_MERGE_NAME.replace("{time}", "20261113-120000")
    clash = MAIL_MERGE_NAME.replace("{time}", "20261113-120000-20261113-120001")
    private = [mail_merge, clash, "cohort.csv", "_site/index.html", "._site.new-x1y2/index.html",
               ".credsite-cache/units.json"]
    public = ["content/status/revocations.csv", "content/status/revocation-registry.csv", "content/site.yaml",
              ".github/workflows/deploy.yml"]

    assert git_ignores(folder, private + public) == set(private)


# ---------------------------------------------------------------- the deploy workflow's install step


def test_the_workflow_installs_the_credsite_that_ran_init(tmp_path):
    folder = tmp_path / "hv"
    requirement = "credsite @ git+https://example.org/credsite.git@" + "a" * 40

    assert init(folder, *HV, "--languages", "nl", "--install", requirement).exit_code == 0

    workflow = yaml.load((folder / ".github/workflows/deploy.yml").read_text(), Loader=yaml.BaseLoader)
    steps = workflow["jobs"]["build"]["steps"]
    install = next(s for s in steps if s.get("name") == "Install credsite")
    assert install["run"] == f"python -m pip install '{requirement}'"
    setup = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python"))
    # A content-only repository has no requirements.txt or pyproject.toml to key pip's cache on.
    assert setup["with"]["cache-dependency-path"] == ".github/workflows/deploy.yml"


def test_a_workflow_that_cannot_know_what_to_install_fails_and_says_so(tmp_path):
    folder = tmp_path / "hv"
    site_init.create(folder, site_init.Answers("X", "https://x.example.org/", ("en",)),
                     site_init.Install("", "the folder /somewhere, which CI cannot reach"))
    workflow = yaml.load((folder / ".github/workflows/deploy.yml").read_text(), Loader=yaml.BaseLoader)
    install = next(s for s in workflow["jobs"]["build"]["steps"] if s.get("name") == "Install credsite")
    result = subprocess.run(["bash", "-e", "-c", install["run"]], capture_output=True, text=True)
    assert result.returncode == 1 and "::error::set the pip requirement of credsite" in result.stdout


@pytest.mark.parametrize("direct_url, expected", [
    (None, "credsite==1.2.3"),
    (json.dumps({"url": "https://github.com/o/credsite.git",
                 "vcs_info": {"vcs": "git", "commit_id": "b" * 40, "requested_revision": "main"}}),
     "credsite @ git+https://github.com/o/credsite.git@" + "b" * 40),
    (json.dumps({"url": "https://example.org/credsite-1.2.3.tar.gz", "archive_info": {}}),
     "credsite @ https://example.org/credsite-1.2.3.tar.gz"),
    (json.dumps({"url": "file:///nowhere/credsite", "dir_info": {"editable": True}}), ""),
], ids=["package-index", "git", "archive", "local-folder"])
def test_the_install_requirement_follows_where_pip_got_credsite(direct_url, expected):
    assert site_init.install_from(direct_url, "1.2.3").requirement == expected


def test_a_local_clone_installs_from_its_origin_once_the_commit_is_pushed(tmp_path):
    clone = tmp_path / "credsite"
    git = ["git", "-C", str(clone), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(clone)], check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "x"], check=True)
    subprocess.run([*git, "remote", "add", "origin", "https://github.com/o/credsite.git"], check=True)
    direct = json.dumps({"url": f"file://{clone}", "dir_info": {"editable": True}})
    assert site_init.install_from(direct, "0.1.0").requirement == ""  # not known to be pushed

    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([*git, "update-ref", "refs/remotes/origin/main", commit], check=True)

    assert site_init.install_from(direct, "0.1.0").requirement == \
        f"credsite @ git+https://github.com/o/credsite.git@{commit}"


# ---------------------------------------------------------------- new course: the site's languages


def site_with(folder: Path, languages: str) -> Path:
    assert init(folder, *HV, "--languages", languages).exit_code == 0
    return folder


@pytest.mark.parametrize("languages", ["nl,en", "en,nl", "nl", "en", "de,nl,en"])
def test_an_untouched_new_course_passes_check_as_a_draft(tmp_path, languages):
    folder = site_with(tmp_path / "site", languages)

    made = run("new", "course", "data-ethiek", "--source", folder)
    checked = run("check", "--source", folder)

    assert made.exit_code == 0, made.stderr
    assert checked.exit_code == 0, checked.stderr
    assert "2 course(s)" in checked.stderr  # init's example course and this one


@pytest.mark.parametrize("languages", ["nl,en", "en,nl", "nl", "de,nl,en"])
def test_every_text_of_the_template_is_in_the_sites_languages_default_first(tmp_path, languages):
    folder = site_with(tmp_path / "site", languages)
    wanted = languages.split(",")

    assert run("new", "course", "data-ethiek", "--source", folder).exit_code == 0

    text = (folder / "content/courses/data-ethiek.md").read_text()
    blocks = text_blocks(text)
    assert len(blocks) >= 10 and all(block == wanted for block in blocks), blocks
    assert re.findall(r"<!-- lang: (\w+) -->", text.split("---\n", 2)[2]) == wanted
    assert f"language: [{wanted[0]}]" in text


def test_the_template_writes_long_texts_in_block_style(tmp_path):
    # Flow style breaks at the first unquoted comma: {nl: Verpleegkundigen, paramedici en zorgmanagers., ...}
    folder = site_with(tmp_path / "site", "nl,en")

    assert run("new", "course", "data-ethiek", "--source", folder).exit_code == 0

    front = (folder / "content/courses/data-ethiek.md").read_text().split("---\n")[1]
    code = "\n".join(line.split("#", 1)[0] for line in front.splitlines())
    assert not re.search(r"\{\s*(en|nl):", code)


@pytest.mark.parametrize("languages, phrase", [("nl,en", "Vervang mij"), ("en,nl", "Replace me")])
def test_placeholders_say_replace_me_in_the_default_language(tmp_path, languages, phrase):
    folder = site_with(tmp_path / "site", languages)
    assert run("new", "course", "data-ethiek", "--source", folder).exit_code == 0
    course = yaml.safe_load((folder / "content/courses/data-ethiek.md").read_text().split("---\n")[1])
    default = languages.split(",")[0]

    texts = [course["title"][default], course["summary"][default], course["prerequisites"][default],
             course["target_group"][default], course["assessment"]["description"][default],
             *(outcome[default] for outcome in course["learning_outcomes"])]

    assert all(text.startswith(phrase) for text in texts), texts


def test_new_course_in_a_folder_without_a_site_says_to_run_init(tmp_path):
    result = run("new", "course", "data-ethiek", "--source", tmp_path)

    assert result.exit_code == 1
    assert "content/site.yaml: is missing" in result.stderr and "credsite init" in result.stderr
    assert not (tmp_path / "content").exists()


def test_the_template_is_a_course_file_of_its_own(tmp_path):
    # course_file.template_texts() reads the template to recognise leftover examples; it must stay valid YAML
    # whose texts are the ones new course writes.
    from generator.content.course_file import template_texts

    folder = site_with(tmp_path / "site", "nl,en")
    assert run("new", "course", "data-ethiek", "--source", folder).exit_code == 0
    written = yaml.safe_load((folder / "content/courses/data-ethiek.md").read_text().split("---\n")[1])

    assert written["title"]["nl"] in template_texts() and written["summary"]["en"] in template_texts()
    assert (ROOT / "generator/scaffold/course.md").read_text().startswith("---\n")


def test_each_example_value_left_in_a_published_course_fails_check_by_field(tmp_path):
    """A number, date or code of the template looks like any course's own; its '# example' note gives it away."""
    folder = site_with(tmp_path / "site", "nl,en")
    assert run("new", "course", "data-ethiek", "--source", folder).exit_code == 0
    path = folder / "content/courses/data-ethiek.md"
    count = iter(range(1, 100))  # the author's own texts, every value left as the template gave it
    text = re.sub(r'"(?:Vervang mij|Replace me): ([^"]*)"', lambda m: f'"Our own text, part {next(count)}."',
                  path.read_text(encoding="utf-8"))
    text = re.sub(r"^(?:Vervang mij|Replace me): .*$", "Our own description.", text, flags=re.M)
    path.write_text(text.replace("status: draft ", "status: published "), encoding="utf-8")

    result = run("check", "--source", folder)
    flagged = re.findall(r"data-ethiek\.md:\d+: ([\w.\[\]]+): still holds the course template's example value",
                         result.stderr)
    assert result.exit_code == 1
    assert flagged == ["workload.ects", "workload.hours", "level.eqf", "level.nlqf", "field_of_study[0]",
                       "skills[0].uri", "further_information", "offerings[0].start", "offerings[0].end",
                       "offerings[0].price_eur", "offerings[0].enrol_url"], result.stderr
    # As a draft the same file passes: examples are for filling in.
    path.write_text(path.read_text(encoding="utf-8").replace("status: published ", "status: draft "),
                    encoding="utf-8")
    assert run("check", "--source", folder).exit_code == 0
