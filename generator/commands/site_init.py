"""`credsite init [DIR]`: a new site that builds at once, the way `mkdocs new` or `hugo new site` start one.

It writes content/site.yaml, one example course (the `credsite new course` template, in the site's
languages), a .gitignore that keeps learners' e-mail addresses and build output out of git, and the
GitHub Pages workflow with a step that installs this very credsite. Whether the answers make a valid
site is decided by content/config.py, as for any site: the site.yaml is read back before it is written.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

import click

from generator.commands.common import EXIT_INPUT, cli, report, yaml_text
from generator.content.config import SITE_FILE, load_site
from generator.content.language_tags import language_tag_problem
from generator.issuing.cohort import MAIL_MERGE_PATTERN
from generator.problems import Problem
from generator.strict_json import UNPRINTABLE, printable

COMMAND = "credsite init"
WORKFLOW = ".github/workflows/deploy.yml"
DEFAULT_COUNTRY = "NL"  # credsite is made for the Dutch national microcredentials pilot
# Texts init writes in the site's default language; a language without its own falls back to English.
_TITLE = {"en": "{name} microcredentials", "nl": "Microcredentials {name}"}
_EXAMPLE_COURSE = {"en": "example-course", "nl": "voorbeeldcursus"}
# Which option answers for which field of site.yaml, to report a problem where the user can fix it.
_OPTION_OF_FIELD = (("base_url", "--base-url"), ("languages", "--languages"), ("title", "--institution"),
                    ("institution.name", "--institution"), ("institution.url", "--website"),
                    ("institution.country", "--country"))


@dataclass(frozen=True)
class Answers:
    institution: str
    base_url: str
    languages: tuple[str, ...]
    website: str = ""  # the institution's own website; the site's address when not given
    country: str = DEFAULT_COUNTRY


def parse_languages(text: str) -> tuple[str, ...]:
    """'nl,en', 'nl, en' or 'nl en' as (nl, en)."""
    return tuple(part for part in re.split(r"[,\s]+", text.strip()) if part)


def site_yaml(answers: Answers) -> str:
    template = (resources.files("generator") / "scaffold" / "site.yaml").read_text(encoding="utf-8")
    default = answers.languages[0] if answers.languages else "en"
    title = _TITLE.get(default, _TITLE["en"]).format(name=answers.institution)
    values = {"base_url": yaml_text(answers.base_url), "languages": ", ".join(answers.languages),
              "title": "\n".join(f"  {lang}: {yaml_text(_TITLE.get(lang, title).format(name=answers.institution))}"
                                 for lang in answers.languages),
              "name": yaml_text(answers.institution), "url": yaml_text(answers.website or answers.base_url),
              "country": yaml_text(answers.country)}
    for name, value in values.items():
        template = template.replace("{" + name + "}", value)
    return template


def answer_problems(answers: Answers) -> list[Problem]:
    """Every problem of the answers, each at the option that gives it; none means the site.yaml is valid."""
    problems = [Problem(COMMAND, None, "--languages", problem[0], problem[1])
                for problem in map(language_tag_problem, answers.languages) if problem]
    if not answers.languages:
        problems.append(Problem(COMMAND, None, "--languages", "no language given",
                                "give the site's languages, the default first, e.g. nl,en"))
    if not answers.institution.strip() or UNPRINTABLE.search(answers.institution):
        problems.append(Problem(COMMAND, None, "--institution", f"'{printable(answers.institution)}' is not a name",
                                "give the institution's name as it should appear on the site"))
    if problems:  # the site.yaml would be read with the wrong languages, or hold control characters
        return problems
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / SITE_FILE
        path.parent.mkdir(parents=True)
        path.write_text(site_yaml(answers), encoding="utf-8")
        found: list[Problem] = []
        load_site(Path(folder), found)
    problems = [Problem(COMMAND, None, _option(p.field), p.message, p.fix, p.severity) for p in found]
    # Without --website the site's address stands in for it: its problems are --base-url's, said once.
    return [p for p in problems if answers.website or p.field != "--website"]


def _option(field: str) -> str:
    return next((option for name, option in _OPTION_OF_FIELD if field == name or field.startswith((name + ".",
                                                                                                   name + "["))),
                field)


def gitignore(existing: str) -> str:
    """`existing` with what a site must keep out of git added; lines it holds already are not repeated."""
    template = (resources.files("generator") / "scaffold" / "gitignore").read_text(encoding="utf-8")
    wanted = template.replace("{mail_merge}", MAIL_MERGE_PATTERN)
    have = {line.strip() for line in existing.splitlines()}
    missing = [line for line in wanted.splitlines() if line.startswith("#") or line.strip() not in have]
    if not any(not line.startswith("#") for line in missing):
        return existing
    lead = "" if not existing else ("\n" if existing.endswith("\n") else "\n\n")
    return existing + lead + "\n".join(missing) + "\n"


@dataclass(frozen=True)
class Install:
    requirement: str  # as pip takes it; "" when not known
    origin: str  # where this credsite came from, for the user


def this_install() -> Install:
    """How the deploy workflow installs the credsite that runs now: the same commit of the same repository,
    or the same version from the package index."""
    found = list(metadata.distributions(name="credsite"))
    if not found:
        return Install("", "credsite is not installed as a package")
    # A checkout may also hold a build's leftover credsite.egg-info, which says nothing of where pip got it.
    chosen = next((d for d in found if d.read_text("direct_url.json") is not None), found[0])
    return install_from(chosen.read_text("direct_url.json"), chosen.version)


def install_from(direct_url: str | None, version: str) -> Install:
    """What pip recorded of where it got credsite (PEP 610's direct_url.json; None: from the package index)
    as a requirement CI can install."""
    if direct_url is None:
        return Install(f"credsite=={version}", "the package index")
    try:
        direct = json.loads(direct_url)
        url = str(direct["url"])
    except (ValueError, KeyError, TypeError):
        return Install("", "an unknown place")
    vcs = direct.get("vcs_info") or {}
    if vcs.get("vcs") == "git" and vcs.get("commit_id") and not url.startswith("file://"):
        return Install(f"credsite @ git+{url}@{vcs['commit_id']}", url)
    if direct.get("archive_info") is not None and url.startswith("https://"):
        return Install(f"credsite @ {url}", url)
    if url.startswith("file://"):
        return _from_checkout(Path(url.removeprefix("file://")))
    return Install("", url)


def _from_checkout(folder: Path) -> Install:
    """A local clone (pip install -e .): its https origin, at the commit it has checked out, when that commit
    is known to be pushed; CI can fetch nothing else."""
    def git(*args: str) -> str:
        try:
            out = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=False)
        except OSError:
            return ""
        return out.stdout.strip() if out.returncode == 0 else ""

    origin, commit = git("remote", "get-url", "origin"), git("rev-parse", "HEAD")
    if origin.startswith("https://") and commit and git("branch", "-r", "--contains", commit):
        return Install(f"credsite @ git+{origin}@{commit}", f"{folder}, a clone of {origin}")
    return Install("", f"the folder {folder}, which CI cannot reach")


def workflow(requirement: str) -> str:
    template = (resources.files("generator") / "scaffold" / "deploy.yml").read_text(encoding="utf-8")
    if requirement:
        step = f"python -m pip install {shlex.quote(requirement)}"
    else:  # a workflow that fails and says why beats one that installs the wrong thing
        step = ("echo \"::error::set the pip requirement of credsite in the 'Install credsite' step of "
                f"{WORKFLOW}, e.g. credsite @ git+https://<its repository>@<commit>\" && exit 1")
    return template.replace("{install}", step)


def create(folder: Path, answers: Answers, install: Install) -> tuple[list[str], list[str], list[Problem]]:
    """Write the new site into `folder`: (what was written, notes, problems). Nothing is written over."""
    from generator.commands.scaffold import new_course

    site_file = folder / SITE_FILE
    if site_file.exists():
        return [], [], [Problem(str(site_file), None, "", "already exists, so this folder already holds a site",
                                "edit it, or run credsite init in an empty folder; init never overwrites a site")]
    site_file.parent.mkdir(parents=True, exist_ok=True)
    with open(site_file, "x", encoding="utf-8") as handle:
        handle.write(site_yaml(answers))
    written, notes = [SITE_FILE], []
    slug = _EXAMPLE_COURSE.get(answers.languages[0], _EXAMPLE_COURSE["en"])
    problems, course = new_course(folder, slug)
    if course is not None:
        written.append(str(course.relative_to(folder)))
    else:
        notes += [f"the example course was not written: {problem}" for problem in problems]
    ignore = folder / ".gitignore"
    before = ignore.read_text(encoding="utf-8") if ignore.is_file() else ""
    after = gitignore(before)
    if after != before:
        ignore.write_text(after, encoding="utf-8")
        written.append(".gitignore")
    deploy = folder / WORKFLOW
    if deploy.exists():
        notes.append(f"{WORKFLOW} exists and was left as it was; its install step must install credsite")
    else:
        deploy.parent.mkdir(parents=True, exist_ok=True)
        deploy.write_text(workflow(install.requirement), encoding="utf-8")
        written.append(WORKFLOW)
        if not install.requirement:
            notes.append(f"{WORKFLOW}: this credsite was installed from {install.origin}, so the workflow cannot "
                         "install it from there; set the 'Install credsite' step to what pip should install "
                         "(or run init with --install REQUIREMENT)")
    return written, notes, []


def _ask(label: str, check, example: str) -> str:
    """Ask until the answer has no problem of its own; `check` gives the answer's problems."""
    def accept(text: str) -> str:
        found = check(text)
        if found:
            raise click.BadParameter("; ".join(f"{p.message}; {p.fix}" if p.fix else p.message for p in found))
        return text.strip()

    return click.prompt(f"{label} (e.g. {example})", value_proc=accept, err=True)


def _only(option: str, problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.field == option]


@cli.command("init")
@click.argument("folder", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--institution", default=None, help="The institution's name, as the site shows it.")
@click.option("--base-url", default=None,
              help="Where the site will be published, e.g. https://example.github.io/microcredentials/; "
                   "it also names the issuer, so choose it once.")
@click.option("--languages", default=None, help="The site's languages, the default first, e.g. nl,en.")
@click.option("--website", default="", help="The institution's website  [default: the base URL]")
@click.option("--country", default=DEFAULT_COUNTRY, show_default=True,
              help="The institution's country, as an ISO 3166-1 alpha-2 code.")
@click.option("--install", "requirement", default=None,
              help="What the deploy workflow installs, as pip takes it  [default: this credsite: the same commit "
                   "of its git repository, or the same version from the package index]")
def init(folder: Path, institution: str | None, base_url: str | None, languages: str | None, website: str,
         country: str, requirement: str | None) -> None:
    """Start a new site in FOLDER (default: here): content/site.yaml, an example course, .gitignore and the
    GitHub Pages workflow. Asks for the institution, base URL and languages unless all three are given."""
    if (folder / SITE_FILE).exists():  # before any question: answers to them would be thrown away
        click.echo(f"credsite init: {folder / SITE_FILE} already exists, so {folder} already holds a site; "
                   "edit it, or run credsite init in an empty folder (init never overwrites a site)", err=True)
        sys.exit(EXIT_INPUT)
    if requirement is not None and (not requirement.strip() or UNPRINTABLE.search(requirement)):
        click.echo("credsite init: --install: give one requirement as pip takes it, e.g. "
                   "'credsite @ git+https://github.com/OWNER/credsite@COMMIT'", err=True)
        sys.exit(EXIT_INPUT)
    probe = Answers("Example", "https://example.org/", ("en",), website, country)
    if institution is None:
        institution = _ask("Institution", lambda text: _only("--institution", answer_problems(
            Answers(text, probe.base_url, probe.languages, website, country))), "Hogeschool Voorbeeld")
    if base_url is None:
        base_url = _ask("Base URL", lambda text: _only("--base-url", answer_problems(
            Answers(probe.institution, text.strip(), probe.languages, website, country))),
            "https://hogeschool-voorbeeld.github.io/microcredentials/")
    if languages is None:
        languages = _ask("Languages, the default first", lambda text: _only("--languages", answer_problems(
            Answers(probe.institution, probe.base_url, parse_languages(text), website, country))), "nl,en")
    answers = Answers(institution.strip(), base_url.strip(), parse_languages(languages), website.strip(),
                      country.strip())
    problems = answer_problems(answers)
    if problems:
        report(problems)
        click.echo("nothing was written", err=True)
        sys.exit(EXIT_INPUT)
    install = Install(requirement.strip(), "--install") if requirement is not None else this_install()
    written, notes, problems = create(folder, answers, install)
    report(problems)
    if problems:
        sys.exit(EXIT_INPUT)
    _say_what_next(folder, written, notes)


def _say_what_next(folder: Path, written: list[str], notes: list[str]) -> None:
    click.echo(f"credsite init: a new site in {folder}:", err=True)
    for name in written:
        click.echo(f"  {name}", err=True)
    for note in notes:
        click.echo(f"credsite init: note: {note}", err=True)
    here = "" if folder.resolve() == Path(os.getcwd()).resolve() else f"cd {shlex.quote(str(folder))} && "
    click.echo(f"Next: {here}credsite build (into _site/), or credsite serve to look at it while you edit. "
               "Fill in the example course (credsite docs course-format), and before issuing credentials "
               "read credsite docs issuing.", err=True)
