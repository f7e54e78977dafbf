"""The `credsite` command line: thin wrappers over the pipeline stages.

The signing commands (keygen, issue, revoke, reissue) live in signing.py, the
verify report in verify.py; all hang off the one group in common.py.
"""

from __future__ import annotations

import os
import signal
import sys
import time
import traceback
from pathlib import Path

import click

from generator.build.pipeline import Content
from generator.build.pipeline import build as run_build
from generator.build.pipeline import check as run_check
from generator.commands import clr, endorse, registry, signing, site_init  # noqa: F401  (each registers its commands)
from generator.commands.common import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    build_failed,
    cli,
    progress_printer,
    report,
    source_option,
)
from generator.problems import errors

__all__ = ["cli", "main"]


@cli.command()
@source_option
@click.option("--output", type=click.Path(path_type=Path), default=None,
              help="Output folder  [default: SOURCE/_site]")
@click.option("--base-url", default=None, help="Override base_url from content/site.yaml.")
@click.option("--drafts", is_flag=True, help="Also publish courses with status: draft.")
@click.option("--skip-invalid", is_flag=True,
              help="Publish the credentials that verify and leave out those that do not (with a warning).")
@click.option("--paranoid", is_flag=True,
              help="Trust no index of unchanged files: read and hash every input, and check that every output "
                   "file is there.")
def build(source: Path, output: Path | None, base_url: str | None, drafts: bool, skip_invalid: bool,
          paranoid: bool) -> None:
    """Build the site into _site/ (atomically: a failed build changes nothing)."""
    started = time.perf_counter()
    output = output or source / "_site"
    existed = output.exists()
    result = run_build(source, output, base_url=base_url, drafts=drafts, skip_invalid=skip_invalid,
                       progress=progress_printer(started), paranoid=paranoid)
    report(result.problems)
    if not result.ok:
        build_failed("build", output, existed)
    # Counted by the build: one problem may stand for many credentials (one cause in site.yaml).
    if result.not_published:
        click.echo(f"WARNING: {result.not_published} credential(s) were NOT published because they do not verify; "
                   "their learners' badge links are broken until you fix or re-issue them", err=True)
    if result.up_to_date:
        click.echo(f"{output} is up to date ({result.count} files, nothing changed); checked in "
                   f"{time.perf_counter() - started:.2f} s", err=True)
    else:
        click.echo(f"built {result.count} files into {output} in "
                   f"{time.perf_counter() - started:.2f} s", err=True)


@cli.command()
@source_option
@click.option("--output", type=click.Path(path_type=Path), default=None,
              help="Output folder  [default: SOURCE/_site]")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on localhost; 0 picks a free one.")
@click.option("--drafts", is_flag=True, help="Also show courses with status: draft.")
def serve(source: Path, output: Path | None, port: int, drafts: bool) -> None:
    """Build, serve on localhost, and rebuild and reload the browser on every change."""
    from generator.commands.serve import serve as run_serve

    if not (source / "content" / "site.yaml").is_file():
        click.echo(f"credsite serve: no content/site.yaml in {source}; run it in a site's folder "
                   "or give --source", err=True)
        sys.exit(EXIT_INPUT)
    try:
        run_serve(source, output or source / "_site", port, drafts)
    except OSError as exc:
        click.echo(f"credsite serve: cannot listen on port {port} ({exc.strerror}); try --port 0", err=True)
        sys.exit(EXIT_INPUT)


@cli.command()
@source_option
def check(source: Path) -> None:
    """Validate all content; write nothing."""
    content = run_check(source)
    report(content.problems)
    if not isinstance(content, Content) or not content.ok:
        sys.exit(EXIT_INPUT)
    pathways = f", {len(content.pathways)} pathway(s)" if content.pathways else ""
    click.echo(f"{len(content.families)} course(s){pathways} and {len(content.credentials)} credential(s) "
               "checked, no errors", err=True)


@cli.group()
def new() -> None:
    """Create new content from a template."""


@new.command("course")
@click.argument("slug")
@source_option
def new_course(slug: str, source: Path) -> None:
    """Scaffold content/courses/SLUG.md with every field explained."""
    from generator.commands.scaffold import new_course as scaffold

    problems, path = scaffold(source, slug)
    report(problems)
    if errors(problems):
        sys.exit(EXIT_INPUT)
    click.echo(f"created {path}; fill it in, then run 'credsite check'", err=True)


@cli.command("docs")
@click.argument("topic", required=False)
@click.argument("section", required=False)
@click.option("--path", "show_path", is_flag=True, help="Print where the topic's file is instead of its text.")
def docs(topic: str | None, section: str | None, show_path: bool) -> None:
    """Show the documentation that comes with credsite: a TOPIC, or one SECTION of it.

    Without a TOPIC, list the topics. A SECTION is a heading's text ('A key that leaked') or its anchor
    (a-key-that-leaked); 'issuing#a-key-that-leaked' works too.
    """
    from generator.commands import docs as documentation

    known = documentation.topics()
    if topic is None:
        for name, item in known.items():
            click.echo(f"{name:<15} {documentation.title(item.read_text(encoding='utf-8'))}")
        click.echo("\nshow one with: credsite docs TOPIC [SECTION]", err=True)
        return
    name, anchor = documentation.topic_name(topic)
    if name not in known:
        click.echo(f"credsite docs: no topic '{name}'; the topics are {', '.join(known)}", err=True)
        sys.exit(EXIT_INPUT)
    if show_path:
        click.echo(str(known[name]))
        return
    text = known[name].read_text(encoding="utf-8")
    wanted = section or anchor
    if wanted:
        part = documentation.section(text, wanted)
        if part is None:
            choices = "; ".join(h.title for h in documentation.headings(text) if h.level > 1)
            click.echo(f"credsite docs: {name} has no section '{wanted}'; its sections are: {choices}", err=True)
            sys.exit(EXIT_INPUT)
        text = part
    if sys.stdout.isatty():
        click.echo_via_pager(text)
    else:
        click.echo(text, nl=False)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--site", "site_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="For did:web issuers: the issuer's site folder (content/site.yaml) or its built output "
                   "(did.json). Repeatable.  [default: the current folder, when it is a site or its output]")
@click.option("--issuer", default="", help="Require this issuer DID; a credential of any other issuer fails.")
def verify(files, site_dirs: tuple[Path, ...], issuer: str) -> None:
    """Verify credential files offline: proof, issuer key, dates, status, schema and contexts.

    A did:key issuer needs nothing else; a did:web issuer needs --site.
    """
    from generator.commands import verify as verifying

    # Run in a site's folder or its built output, as the other commands run in a site's folder.
    sites = list(site_dirs) or verifying.default_sites(Path("."))
    reports, problems = verifying.verify_reports(list(files), sites, issuer=issuer)
    report(problems)
    if errors(problems):
        sys.exit(EXIT_INPUT)
    for item in reports:
        click.echo("\n".join(verifying.report_lines(item)))
    summary = verifying.summary(reports)
    if summary:
        click.echo(summary, err=True)
        sys.exit(EXIT_INPUT)


def _terminated(signum, frame) -> None:
    # As SystemExit, so every `finally` runs: a build's half-written staging folder is removed.
    click.echo("credsite: stopped (SIGTERM); nothing half-written was published", err=True)
    raise SystemExit(128 + signum)


def main() -> None:
    signal.signal(signal.SIGTERM, _terminated)
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
