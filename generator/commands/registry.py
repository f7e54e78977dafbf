"""`credsite registry`: build a national registry from many institutions' sites, and fetch their documents."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from generator.commands.common import EXIT_INPUT, build_failed, cli, progress_printer, report

sources_option = click.option("--sources", type=click.Path(dir_okay=False, path_type=Path),
                              default=Path("registry.yaml"), show_default=True,
                              help="The registry's settings and members.")
snapshot_help = "The snapshot folder 'credsite registry fetch' writes and the build reads  [default: snapshot/ " \
                "beside the --sources file]"


@cli.group()
def registry() -> None:
    """A static, searchable registry of many institutions' credsite sites (credsite docs national-registry)."""


@registry.command("build")
@sources_option
@click.option("--output", type=click.Path(path_type=Path), default=None,
              help="Output folder  [default: _site/ beside the --sources file]")
@click.option("--snapshot", type=click.Path(file_okay=False, path_type=Path), default=None, help=snapshot_help)
def build(sources: Path, output: Path | None, snapshot: Path | None) -> None:
    """Check every member's published documents and build the registry (atomically; offline)."""
    from generator.registry.pipeline import build as run_build

    started = time.perf_counter()
    output = output or sources.resolve().parent / "_site"
    existed = output.exists()
    result = run_build(sources, output, snapshot, progress=progress_printer(started))
    report(result.problems)
    if not result.ok:
        build_failed("registry build", output, existed)
    if result.left_out:
        click.echo(f"WARNING: {len(result.left_out)} member(s) left out because their documents did not pass the "
                   f"checks: {', '.join(result.left_out)}", err=True)
    done = "is up to date" if result.up_to_date else "was built"
    click.echo(f"{output} {done}: {len(result.members)} member(s), {len(result.files)} files, in "
               f"{time.perf_counter() - started:.2f} s", err=True)


@registry.command("fetch")
@sources_option
@click.option("--snapshot", type=click.Path(file_okay=False, path_type=Path), default=None, help=snapshot_help)
def fetch(sources: Path, snapshot: Path | None) -> None:
    """Read every member's published documents over HTTPS into the snapshot folder (git can track it)."""
    from generator.registry.fetch import fetch as run_fetch
    from generator.registry.pipeline import default_snapshot

    started = time.perf_counter()
    snapshot = snapshot or default_snapshot(sources)
    result = run_fetch(sources, snapshot, progress=progress_printer(started))
    report(result.problems)
    if not result.ok:
        click.echo(f"registry fetch failed; {snapshot} was left as it was", err=True)
        sys.exit(EXIT_INPUT)
    kept = f"; kept the previous snapshot of {', '.join(result.kept)}" if result.kept else ""
    click.echo(f"fetched {len(result.fetched)} member(s) into {snapshot}{kept}, in "
               f"{time.perf_counter() - started:.2f} s", err=True)
