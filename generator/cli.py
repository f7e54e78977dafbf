"""The `credsite` command line: thin wrappers over the pipeline stages."""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

import click

from generator import __version__
from generator.build import build as run_build
from generator.build import check as run_check
from generator.problems import Problem, errors, warnings

EXIT_INPUT = 1
EXIT_INTERNAL = 70


def report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    n_err, n_warn = len(errors(problems)), len(warnings(problems))
    if n_err or n_warn:
        click.echo(f"{n_err} error(s), {n_warn} warning(s)", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="credsite")
def cli() -> None:
    """Publish microcredentials: a course catalogue, badge pages and Open Badges 3.0 data."""


source_option = click.option("--source", "source", type=click.Path(file_okay=False, path_type=Path),
                             default=Path("."), show_default=True,
                             help="Site folder holding content/ and themes/.")


@cli.command()
@source_option
@click.option("--output", type=click.Path(path_type=Path), default=None,
              help="Output folder  [default: SOURCE/_site]")
@click.option("--base-url", default=None, help="Override base_url from content/site.yaml.")
@click.option("--drafts", is_flag=True, help="Also publish courses with status: draft.")
def build(source: Path, output: Path | None, base_url: str | None, drafts: bool) -> None:
    """Build the site into _site/ (atomically: a failed build changes nothing)."""
    started = time.perf_counter()
    output = output or source / "_site"
    result = run_build(source, output, base_url=base_url, drafts=drafts)
    report(result.problems)
    if not result.ok:
        click.echo(f"build failed; {output} was left as it was", err=True)
        sys.exit(EXIT_INPUT)
    click.echo(f"built {len(result.files)} files into {output} in "
               f"{time.perf_counter() - started:.2f} s", err=True)


@cli.command()
@source_option
def check(source: Path) -> None:
    """Validate all content; write nothing."""
    content = run_check(source)
    report(content.problems)
    if not content.ok:
        sys.exit(EXIT_INPUT)
    click.echo(f"{len(content.families)} course(s) checked, no errors", err=True)


@cli.group()
def new() -> None:
    """Create new content from a template."""


@new.command("course")
@click.argument("slug")
@source_option
def new_course(slug: str, source: Path) -> None:
    """Scaffold content/courses/SLUG.md with every field explained."""
    from generator.scaffold import new_course as scaffold

    problems, path = scaffold(source, slug)
    report(problems)
    if errors(problems):
        sys.exit(EXIT_INPUT)
    click.echo(f"created {path}; fill it in, then run 'credsite check'", err=True)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("interrupted; nothing was published", err=True)
        sys.exit(130)
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        click.echo(f"credsite: cannot access{where}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_INPUT)
    except Exception as exc:  # a bug in credsite: say so plainly, without a traceback
        if os.environ.get("CREDSITE_DEBUG"):
            traceback.print_exc()
        click.echo(f"credsite: internal error ({type(exc).__name__}: {exc}). This is a bug in "
                   "credsite; please report it with the command you ran. Set CREDSITE_DEBUG=1 "
                   "for details.", err=True)
        sys.exit(EXIT_INTERNAL)
