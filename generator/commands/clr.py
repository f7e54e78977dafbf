"""`credsite clr`: a learner's Comprehensive Learner Record, signed by the institution.

It runs on the issuer's machine, with the signing key, and writes one file to send to the
learner; nothing is written into the site (credsite docs issuing '6. CLR bundle').
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from generator.build.pipeline import Content
from generator.commands.common import EXIT_INPUT, cli, report, source_option
from generator.issuing.keys import DEFAULT_KEY_SHOWN
from generator.problems import Problem, errors


@cli.command()
@click.option("--email", required=True, help="The learner's e-mail address, as their credentials were issued to.")
@click.option("--name", default="", help="The learner's name in the record  [default: the one their credentials give]")
@click.option("--key", "key_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=f"The site's active private key file  [default: as credsite issue finds it, {DEFAULT_KEY_SHOWN}]")
@click.option("--out", "target", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The new file to write, outside the site's folder: the record is the learner's personal data.")
@source_option
def clr(email: str, name: str, key_path: Path | None, target: Path, source: Path) -> None:
    """Bundle a learner's valid credentials into a CLR 2.0 record signed by the institution."""
    from generator.build.pipeline import load, verify
    from generator.issuing import clr as records
    from generator.issuing import dates, files, keys

    problems = records.output_problems(target, source)
    loaded = load(source, drafts=True)
    if not isinstance(loaded, Content) or not loaded.ok:
        _stop(loaded.problems + problems)
    # The build's own verdicts: only what verifies, is not revoked and has not expired goes in.
    content = verify(loaded, save_cache=False)
    problems = errors(content.problems) + problems
    if problems:
        _stop(problems)
    try:
        key = keys.load(key_path)
    except keys.KeyError_ as exc:
        click.echo(f"credsite: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    record, problems = records.learner_record(content, email, name, key, dates.utc_now())
    if record is None:
        _stop(problems)
    try:
        files.create_new(target.expanduser(), files.credential_bytes(record.document))
    except OSError as exc:
        click.echo(f"credsite clr: --out: cannot write {target} ({exc.strerror or exc})", err=True)
        sys.exit(EXIT_INPUT)
    for item in record.left_out:
        click.echo(f"credsite clr: note: left out {item.credential.source}: {item.verdict.status}", err=True)
    click.echo(f"{len(record.bundled)} credential(s) bundled into {target}, signed by the institution; send it to "
               "the learner, and do not publish or commit it", err=True)


def _stop(problems: list[Problem]) -> NoReturn:
    report(problems)
    click.echo("no record was written", err=True)
    sys.exit(EXIT_INPUT)
