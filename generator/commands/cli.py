"""The `credsite` command line: thin wrappers over the pipeline stages."""

from __future__ import annotations

import os
import signal
import sys
import time
import traceback
from pathlib import Path

import click

from generator import __version__
from generator.build.pipeline import build as run_build
from generator.build.pipeline import check as run_check
from generator.problems import Problem, errors, warnings

EXIT_INPUT = 1
EXIT_INTERNAL = 70


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


@cli.command()
@source_option
@click.option("--output", type=click.Path(path_type=Path), default=None,
              help="Output folder  [default: SOURCE/_site]")
@click.option("--base-url", default=None, help="Override base_url from content/site.yaml.")
@click.option("--drafts", is_flag=True, help="Also publish courses with status: draft.")
@click.option("--skip-invalid", is_flag=True,
              help="Publish the credentials that verify and leave out those that do not (with a warning).")
def build(source: Path, output: Path | None, base_url: str | None, drafts: bool, skip_invalid: bool) -> None:
    """Build the site into _site/ (atomically: a failed build changes nothing)."""
    started = time.perf_counter()
    output = output or source / "_site"
    existed = output.exists()
    result = run_build(source, output, base_url=base_url, drafts=drafts, skip_invalid=skip_invalid,
                       progress=progress_printer(started))
    report(result.problems)
    if not result.ok:
        click.echo(f"build failed; {output} was left as it was" if existed else
                   "build failed; nothing was written", err=True)
        sys.exit(EXIT_INPUT)
    skipped = [p for p in result.problems if "NOT PUBLISHED" in p.message]
    if skipped:
        click.echo(f"WARNING: {len(skipped)} credential(s) were NOT published because they do not verify; "
                   "their learners' badge links are broken until you fix or re-issue them", err=True)
    if result.up_to_date:
        click.echo(f"{output} is up to date ({len(result.files)} files, nothing changed); checked in "
                   f"{time.perf_counter() - started:.2f} s", err=True)
    else:
        click.echo(f"built {len(result.files)} files into {output} in "
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
    from generator.commands.scaffold import new_course as scaffold

    problems, path = scaffold(source, slug)
    report(problems)
    if errors(problems):
        sys.exit(EXIT_INPUT)
    click.echo(f"created {path}; fill it in, then run 'credsite check'", err=True)


def _site_or_exit(source: Path):
    from generator.build.pipeline import load

    content = load(source, drafts=True)
    if not content.ok:
        report(content.problems)
        sys.exit(EXIT_INPUT)
    return content


def _key_or_exit(path: Path | None):
    from generator.issuing import keys

    try:
        return keys.load(path)
    except keys.KeyError_ as exc:
        click.echo(f"credsite: {exc}", err=True)
        sys.exit(EXIT_INPUT)


key_option = click.option("--key", "key_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                          help="Private key file (default: $CREDSITE_SIGNING_KEY_FILE, or the secret "
                               "in $CREDSITE_SIGNING_KEY).")


@cli.command()
@click.option("--out", "target", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("~/.config/credsite/signing-key.json"), show_default=True,
              help="Where to write the private key; must be outside the repository.")
@click.option("--id", "key_id", default=None, help="Key id for site.yaml  [default: key-YYYY-MM-DD]")
@source_option
def keygen(target: Path, key_id: str | None, source: Path) -> None:
    """Make an Ed25519 key pair; print the public key for content/site.yaml."""
    import datetime as dt

    from generator.issuing import keys

    if key_id is not None and not keys.KEY_ID.fullmatch(key_id):
        click.echo(f"credsite keygen: --id: '{key_id}' is not a valid key id (content/site.yaml would refuse "
                   "it); use letters, digits, dots, hyphens and underscores, starting with a letter or digit, "
                   "e.g. key-2026", err=True)
        sys.exit(EXIT_INPUT)
    try:
        key = keys.generate(target, source)
    except keys.KeyError_ as exc:
        click.echo(f"credsite: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    key_id = key_id or f"key-{dt.date.today().isoformat()}"
    click.echo(f"private key written to {target.expanduser()} (mode 0600); keep it secret and backed up",
               err=True)
    click.echo(f"publicKeyMultibase: {key.public_multibase}\n")
    click.echo("Add these lines to content/site.yaml:\n")
    click.echo(f"keys:\n  - id: {_yaml_text(key_id)}\n    public_key: {key.public_multibase}\n    status: active")


def _yaml_text(text: str) -> str:
    """Quoted where YAML would read it as something else: an id of 2026 is a number, not text."""
    import json

    import yaml

    return text if yaml.safe_load(text) == text else json.dumps(text)


@cli.command()
@click.option("--course", "slug", required=True, help="The course's id (its file name).")
@click.option("--name", default=None, help="The learner's full name.")
@click.option("--email", default=None, help="The learner's e-mail address (stored only as a salted hash).")
@click.option("--grade", default="", help="The final grade, on the course's grading scale.")
@click.option("--date", "date", default=None, help="Award date, YYYY-MM-DD  [default: now]")
@click.option("--evidence", multiple=True, help="https:// URL of evidence; repeat for more.")
@click.option("--valid-until", default=None, help="Expiry date, YYYY-MM-DD  [default: from the course]")
@click.option("--csv", "cohort", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Issue to every learner in a CSV file (columns: " + "name,email,grade,date,evidence,valid_until).")
@click.option("--mail-merge", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write name,email,badge_url,credential_id to this CSV  [default: issued-<time>.csv]")
@key_option
@source_option
def issue(slug, name, email, grade, date, evidence, valid_until, cohort, mail_merge, key_path, source) -> None:
    """Sign credentials for a course into content/issued/."""
    from generator.issuing import issue as issuing

    content = _site_or_exit(source)
    course = issuing.course_version(content.families, slug)
    if course is None:
        known = ", ".join(f.current.slug for f in content.families)
        click.echo(f"credsite issue: --course: no course '{slug}'; known courses: {known}", err=True)
        sys.exit(EXIT_INPUT)
    if course.status == "withdrawn":  # allowed: learners who finished before it was withdrawn
        click.echo(f"credsite issue: note: {course.source} is withdrawn; issue only for learners who "
                   "completed it", err=True)
    if cohort and (name or email):
        click.echo("credsite issue: give either --csv or --name and --email, not both", err=True)
        sys.exit(EXIT_INPUT)
    if not cohort and (name is None or email is None):
        click.echo("credsite issue: give --name and --email, or --csv FILE", err=True)
        sys.exit(EXIT_INPUT)
    if cohort:
        learners, problems = issuing.read_cohort(cohort, str(cohort), course)
    else:
        learners, problems = _one_learner(name, email, grade, date, evidence, valid_until)
    target = mail_merge or Path(f"issued-{issuing.utc_now().strftime('%Y%m%d-%H%M%S')}.csv")
    problems += _mail_merge_problems(target, given=mail_merge is not None)
    if problems:
        report(problems)
        sys.exit(EXIT_INPUT)
    key = _key_or_exit(key_path)
    issued, problems = issuing.issue(content.site, course, learners, key)
    report(problems)
    if problems:
        click.echo("nothing was issued", err=True)
        sys.exit(EXIT_INPUT)
    for item in issued:
        click.echo(f"{item.learner.name} <{item.learner.email}>: {item.badge_url}")
        until = item.learner.valid_until
        if until is not None and until < issuing.utc_now():  # backdated entry: allowed, but say so
            click.echo(f"credsite issue: note: the credential for {item.learner.name} expired on "
                       f"{issuing.iso(until)[:10]}; its page says Expired", err=True)
    target = _write_mail_merge(target, issued)
    click.echo(f"{len(issued)} credential(s) written to content/issued/; badge URLs for mail-merge in "
               f"{target} (it holds e-mail addresses: do not commit it)", err=True)


def _one_learner(name, email, grade, date, evidence, valid_until):
    from generator.issuing import issue as issuing

    problems, moments = [], {}
    for option, text in (("--date", date), ("--valid-until", valid_until)):
        try:
            moments[option] = issuing.parse_moment(text) if text else None
        except issuing.MomentError as exc:
            problems.append(Problem("credsite issue", None, option, str(exc), exc.fix))
    if problems:
        return [], problems
    # Stripped like a CSV cell: the grade goes into the signed credential verbatim.
    return [issuing.Learner(name, email, grade.strip(), moments["--date"], tuple(evidence),
                            moments["--valid-until"])], []


def _mail_merge_problems(target: Path, given: bool) -> list[Problem]:
    """Checked before signing: issued credentials whose mail-merge file is lost tempt people to issue again."""
    folder = target.parent
    fix = "create the folder or give --mail-merge a path in an existing, writable folder"
    if not given:
        fix = "run credsite issue in a writable folder, or give --mail-merge FILE"
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        return [Problem("credsite issue", None, "--mail-merge", f"{folder} {what}", fix)]
    if not os.access(folder, os.W_OK | os.X_OK):
        return [Problem("credsite issue", None, "--mail-merge", f"cannot write into {folder}", fix)]
    return []


def _write_mail_merge(target: Path, issued) -> Path:
    from generator.issuing import issue as issuing

    text = issuing.mail_merge_csv(issued)
    try:
        try:
            with open(target, "x", encoding="utf-8") as handle:  # never overwrite, e.g. the input CSV
                handle.write(text)
        except FileExistsError:
            target = target.with_name(f"{target.stem}-{issuing.utc_now().strftime('%Y%m%d-%H%M%S')}"
                                      f"{target.suffix}")
            with open(target, "x", encoding="utf-8") as handle:
                handle.write(text)
    except OSError as exc:
        click.echo(f"credsite issue: --mail-merge: cannot write {target} ({exc.strerror}); the "
                   f"{len(issued)} credential(s) above WERE issued into content/issued/: do not issue them "
                   "again, copy their badge URLs from above instead", err=True)
        sys.exit(EXIT_INPUT)
    return target


@cli.command()
@click.argument("credential")
@click.option("--reason", required=True, help="Why; kept in content/status/revocations.csv.")
@key_option
@source_option
def revoke(credential: str, reason: str, key_path, source: Path) -> None:
    """Revoke a credential: set its bit in the status list and re-sign the list."""
    from generator.issuing import issue as issuing

    content = _site_or_exit(source)
    key = _key_or_exit(key_path)
    credential_id, problems = issuing.revoke(content.site, credential, reason, key)
    report(problems)
    if problems:
        sys.exit(EXIT_INPUT)
    click.echo(f"revoked {credential_id}; commit content/status/ and rebuild to publish the list", err=True)


@cli.command()
@click.argument("credentials", nargs=-1)
@click.option("--all", "everything", is_flag=True, help="Every credential in content/issued/.")
@key_option
@source_option
def reissue(credentials: tuple[str, ...], everything: bool, key_path, source: Path) -> None:
    """Sign credentials again in the current format with the active key; ids and badge URLs stay."""
    from generator.issuing.reissue import REISSUES
    from generator.issuing.reissue import reissue as run_reissue

    if bool(credentials) == everything:
        click.echo("credsite reissue: give the credentials (id, UUID, badge URL or file) or --all, not both",
                   err=True)
        sys.exit(EXIT_INPUT)
    content = _site_or_exit(source)
    key = _key_or_exit(key_path)
    done, notes, problems = run_reissue(content.site, list(credentials), key)
    report(problems)
    if problems:
        click.echo("nothing was reissued", err=True)
        sys.exit(EXIT_INPUT)
    for note in notes:
        click.echo(f"credsite reissue: {note}", err=True)
    for item in done:
        click.echo(f"{item.credential_id}: signed again ({'; '.join(item.reasons)})")
    click.echo(f"{len(done)} credential(s) reissued; logged in {REISSUES}. Commit content/ and rebuild to "
               "publish them", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--site", "site_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="For did:web issuers: the issuer's site folder (content/site.yaml) or its built output "
                   "(did.json). Repeatable.  [default: the current folder, when it is a site]")
@click.option("--issuer", default="", help="Require this issuer DID; a credential of any other issuer fails.")
def verify(files, site_dirs: tuple[Path, ...], issuer: str) -> None:
    """Verify credential files offline: proof, issuer key, dates, status and schema.

    A did:key issuer needs nothing else; a did:web issuer needs --site.
    """
    from generator.credentials import verification

    if not site_dirs and Path("content/site.yaml").is_file():  # run in a site's folder, as the other commands
        site_dirs = (Path("."),)
    reports, problems = verification.verify_reports(list(files), list(site_dirs), issuer=issuer)
    report(problems)
    if errors(problems):
        sys.exit(EXIT_INPUT)
    for item in reports:
        click.echo("\n".join(verification.report_lines(item)))
    failed = sum(not item.ok for item in reports)
    if failed:
        click.echo(f"{failed} of {len(reports)} credential(s) did not verify", err=True)
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
