"""What every credsite command shares: the command group, problem reports, the --source option."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import NoReturn

import click

from generator import __version__
from generator.build.pipeline import Content
from generator.problems import Problem, errors, warnings

EXIT_INPUT = 1
EXIT_INTERNAL = 70


def build_failed(what: str, output: Path, existed: bool) -> NoReturn:
    """Say that a build failed and what became of its output (never a half-written one), and exit."""
    click.echo(f"{what} failed; {output} was left as it was" if existed else f"{what} failed; nothing was written",
               err=True)
    sys.exit(EXIT_INPUT)


def report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    n_err, n_warn = len(errors(problems)), len(warnings(problems))
    if n_err or n_warn:
        click.echo(f"{n_err} error(s), {n_warn} warning(s)", err=True)


def progress_printer(started: float):
    """Stage lines on stderr with the time since the start, for long builds."""
    def say(message: str) -> None:
        click.echo(f"[{time.perf_counter() - started:6.1f} s] {message}", err=True)
    return say


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="credsite")
def cli() -> None:
    """Publish microcredentials: a course catalogue, badge pages and Open Badges 3.0 data."""


source_option = click.option("--source", "source", type=click.Path(exists=True, file_okay=False, path_type=Path),
                             default=Path("."), show_default=True,
                             help="Site folder holding content/ and themes/.")


def site_or_exit(source: Path) -> Content:
    from generator.build.pipeline import load

    content = load(source, drafts=True)
    if not isinstance(content, Content) or not content.ok:
        report(content.problems)
        sys.exit(EXIT_INPUT)
    return content


def yaml_text(text: str) -> str:
    """`text` as a YAML value: plain where YAML reads it back as the same text, else quoted. An id of 2026
    would be a number, 'Replace me: x' a mapping, and 'a # b' would lose its end to a comment."""
    import json

    import yaml

    try:
        plain = yaml.safe_load(text) == text and " #" not in text
    except yaml.YAMLError:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)
