"""`credsite endorse`: an outside body signs an EndorsementCredential about a course version's Achievement.

For the endorser, with its own key: it needs no site folder. The institution puts the file it
writes into content/endorsements/ (credsite docs pathways-and-endorsements 'Endorsements').
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from generator.commands.common import EXIT_INPUT, cli, report
from generator.issuing.dates import MOMENT_FORMS
from generator.problems import Problem


@cli.command()
@click.option("--achievement", required=True,
              help="The Achievement URL of the course version you endorse (its course page links to it).")
@click.option("--comment", required=True, help="What you vouch for, in a sentence or two.")
@click.option("--key", "key_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Your private key file (credsite keygen makes one)  [default: as credsite issue finds it]")
@click.option("--issuer", required=True,
              help="Who you are: did:key (your key's own DID), did:web:HOST[:PATH], or your web address "
                   "https://HOST/[PATH/] (did:web).")
@click.option("--key-id", default="", help="For a did:web: the id of your key in your DID document (after '#').")
@click.option("--name", default="", help="Your organisation's name, as the course page shows it.")
@click.option("--valid-until", default=None, help=f"When the endorsement ends: {MOMENT_FORMS}  [default: never]")
@click.option("--out", "target", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the signed endorsement to this new file  [default: standard output]")
def endorse(achievement: str, comment: str, key_path: Path | None, issuer: str, key_id: str, name: str,
            valid_until: str | None, target: Path | None) -> None:
    """Sign an endorsement of a course version's Achievement, with your own key."""
    from generator.issuing import dates, files, keys
    from generator.issuing import endorse as endorsing

    problems = endorsing.endorsement_problems(achievement, comment, name)
    until = None
    if valid_until:
        try:
            until = dates.parse_moment(valid_until)
        except dates.MomentError as exc:
            problems.append(Problem(endorsing.COMMAND, None, "--valid-until", str(exc), exc.fix))
    now = dates.utc_now()
    if until is not None and until <= now:
        problems.append(Problem(endorsing.COMMAND, None, "--valid-until", "is not in the future",
                                "give a later moment, or leave it out"))
    if target is not None and target.exists():
        problems.append(Problem(endorsing.COMMAND, None, "--out", f"{target} exists already; credsite never "
                                "overwrites a file", "give another file name"))
    try:
        key = keys.load(key_path)
    except keys.KeyError_ as exc:
        problems.append(Problem(endorsing.COMMAND, None, "--key", str(exc)))
        key = None
    signer = None
    if key is not None:
        signer, more = endorsing.endorser(issuer, key_id, key)
        problems += more
    if problems or key is None or signer is None:
        _stop(problems)
    document = endorsing.build_endorsement(achievement, comment, signer, name, now, until)
    signed, problems = endorsing.sign_endorsement(document, signer, key, now)
    if signed is None:
        _stop(problems)
    data = files.credential_bytes(signed)
    if target is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    try:
        files.create_new(target, data)
    except OSError as exc:
        _stop([Problem(endorsing.COMMAND, None, "--out", f"cannot write {target} ({exc.strerror or exc})",
                       "give a path in a folder you can write to")])
    click.echo(f"endorsement signed by {signer.did} written to {target}; send it to the institution, which puts "
               "it in content/endorsements/", err=True)


def _stop(problems: list[Problem]) -> NoReturn:
    report(problems)
    click.echo("nothing was signed", err=True)
    sys.exit(EXIT_INPUT)
