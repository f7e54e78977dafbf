"""The commands that need the private key: keygen, issue, revoke and reissue.

They run on the issuer's machine; the build imports none of this.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import click

from generator.build.pipeline import Content
from generator.commands.common import EXIT_INPUT, cli, report, source_option, yaml_text
from generator.commands.common import site_or_exit as _site_or_exit
from generator.content.csv_cells import DEFAULT_DIALECT, Dialect
from generator.issuing.cohort import MAIL_MERGE_NAME
from generator.issuing.dates import MOMENT_FORMS
from generator.issuing.keys import DEFAULT_KEY_SHOWN
from generator.issuing.references import FORMS
from generator.problems import Problem, errors


def _say(message: str) -> None:
    """What `credsite issue` tells on the way (progress, an abandoned staging folder removed): plain lines on
    stderr, as readable in a CI log as on a terminal; stdout keeps only the badge URLs, which scripts read."""
    click.echo(f"credsite issue: {message}", err=True)


def _key_or_exit(path: Path | None):
    from generator.issuing import keys

    try:
        return keys.load(path)
    except keys.KeyError_ as exc:
        click.echo(f"credsite: {exc}", err=True)
        sys.exit(EXIT_INPUT)


key_option = click.option("--key", "key_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                          help="Private key file  [default: the secret in $CREDSITE_SIGNING_KEY, else the file "
                               f"$CREDSITE_SIGNING_KEY_FILE names, else {DEFAULT_KEY_SHOWN}, where keygen writes it]")


@cli.command()
@click.option("--out", "target", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the private key; must be outside the repository  "
                   f"[default: {DEFAULT_KEY_SHOWN}, where issue, revoke and reissue look for it]")
@click.option("--id", "key_id", default=None, help="Key id for site.yaml  [default: key-YYYY-MM-DD]")
@source_option
def keygen(target: Path | None, key_id: str | None, source: Path) -> None:
    """Make an Ed25519 key pair; print the public key for content/site.yaml."""
    import datetime as dt

    from generator.issuing import keys

    target = target or keys.default_key_path()
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
    click.echo(f"keys:\n  - id: {yaml_text(key_id)}\n    public_key: {key.public_multibase}\n    status: active")


@cli.command()
@click.option("--course", "slug", default=None, help="The course's id (its file name).")
@click.option("--pathway", "pathway_slug", default=None,
              help="Issue a pathway's credential instead (content/pathways/), to a learner (--email) who holds a "
                   "valid credential for every part.")
@click.option("--part-credential", "part_credentials", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="With --pathway: the learner's credential for a part from another site (JSON, PNG or SVG); "
                   "repeat for more.")
@click.option("--part-site", "part_sites", multiple=True, type=click.Path(path_type=Path),
              help="With --part-credential: that site's folder or built output, to check it against "
                   "(as credsite verify --site); repeat for more.")
@click.option("--name", default=None, help="The learner's full name.")
@click.option("--email", default=None, help="The learner's e-mail address (stored only as a salted hash).")
@click.option("--grade", default="", help="The final grade, on the course's grading scale.")
@click.option("--date", "date", default=None, help=f"Award date: {MOMENT_FORMS}  [default: now]")
@click.option("--evidence", multiple=True, help="https:// URL of evidence; repeat for more.")
@click.option("--valid-until", default=None,
              help=f"Expiry: {MOMENT_FORMS}  [default: from the course's credential.valid_for]")
@click.option("--csv", "cohort", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Issue to every learner in a CSV file (columns: " + "name,email,grade,date,evidence,valid_until).")
@click.option("--mail-merge", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write name,email,badge_url,credential_id to this CSV, in the --csv file's separator, "
                   f"byte-order mark and line ends  [default: {MAIL_MERGE_NAME.replace('{time}', '<time>')}]")
@key_option
@source_option
def issue(slug, pathway_slug, part_credentials, part_sites, name, email, grade, date, evidence, valid_until, cohort,
          mail_merge, key_path, source) -> None:
    """Sign credentials for a course, or a pathway's, into content/issued/."""
    from generator.issuing import cohort as cohorts
    from generator.issuing import dates
    from generator.issuing import issue as issuing

    if (slug is None) == (pathway_slug is None):
        click.echo("credsite issue: give either --course SLUG or --pathway SLUG", err=True)
        sys.exit(EXIT_INPUT)
    if pathway_slug is not None:
        _issue_pathway(pathway_slug, part_credentials, part_sites, name, email, grade, date, evidence, valid_until,
                       cohort, mail_merge, key_path, source)
        return
    if part_credentials or part_sites:
        click.echo("credsite issue: --part-credential and --part-site go with --pathway", err=True)
        sys.exit(EXIT_INPUT)
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
    dialect = DEFAULT_DIALECT
    rows: list | cohorts.CohortRows
    if cohort:
        # Read twice, as a stream: every row is checked before any is signed, and no cohort is held in memory.
        checked = cohorts.check_cohort(cohort, str(cohort), course)
        dialect, problems = checked.dialect, checked.problems
        rows = cohorts.CohortRows(cohort, str(cohort), checked)
    else:
        rows, problems = _one_learner(name, email, grade, date, evidence, valid_until)
    target = mail_merge or Path(MAIL_MERGE_NAME.replace("{time}", dates.utc_now().strftime("%Y%m%d-%H%M%S")))
    problems += _mail_merge_problems(target, given=mail_merge is not None)
    if problems:
        report(problems)
        sys.exit(EXIT_INPUT)
    key = _key_or_exit(key_path)
    merge = _open_mail_merge(target, dialect)
    # What is printed for each credential waits in an unnamed temporary file until all are written: a run
    # that fails prints no badge URL, and a large one keeps none in memory.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as lines:
        def on_issued(item: issuing.Issued) -> None:
            until = item.learner.valid_until
            expired = until is not None and until < dates.utc_now()  # backdated entry: allowed, but say so
            try:
                merge.add(item.learner.name, item.learner.email, item.badge_url, item.credential_id)
                lines.write(json.dumps([item.learner.name, item.learner.email, item.badge_url,
                                        dates.iso(until)[:10] if until is not None and expired else ""]) + "\n")
            except OSError as exc:
                raise _ListUnwritable(exc) from exc

        try:
            problems = issuing.issue_each(content.site, course, rows, key, on_issued, progress=_say)
        except _ListUnwritable as exc:
            problems = [Problem("credsite issue", None, "--mail-merge", f"cannot write {target} "
                                f"({exc.error.strerror or exc.error})", "free some disk space, or give --mail-merge "
                                "a path on another disk")]
        except BaseException:
            merge.discard()
            raise
        report(problems)
        if problems:
            merge.discard()
            click.echo("nothing was issued", err=True)
            sys.exit(EXIT_INPUT)
        lines.seek(0)
        for line in lines:
            learner_name, learner_email, badge_url, expired_on = json.loads(line)
            click.echo(f"{learner_name} <{learner_email}>: {badge_url}")
            if expired_on:
                click.echo(f"credsite issue: note: the credential for {learner_name} expired on {expired_on}; its "
                           "page says Expired", err=True)
    target = _finish_mail_merge(merge)
    click.echo(f"{merge.rows} credential(s) written to content/issued/; badge URLs for mail-merge in "
               f"{target} (it holds e-mail addresses: do not commit it)", err=True)


class _ListUnwritable(Exception):
    """The mail-merge list (or the lines to print) could not be written while signing: nothing is issued."""

    def __init__(self, error: OSError):
        super().__init__(str(error))
        self.error = error


def _issue_pathway(slug, part_credentials, part_sites, name, email, grade, date, evidence, valid_until, cohort,
                   mail_merge, key_path, source) -> None:
    """`credsite issue --pathway`: one learner, known by e-mail address; the name may come from the parts."""
    from generator.issuing import dates
    from generator.issuing.pathway import issue_pathway

    given = [option for option, value in (("--csv", cohort), ("--grade", grade), ("--evidence", evidence),
                                          ("--valid-until", valid_until)) if value]
    if given:
        click.echo(f"credsite issue: {', '.join(given)} cannot go with --pathway: the pathway's credential is issued "
                   "to one learner at a time, lists the parts' credentials as its evidence, and is valid as long as "
                   "they are", err=True)
        sys.exit(EXIT_INPUT)
    if email is None:
        click.echo("credsite issue: --pathway needs --email, the address the parts' credentials were issued to",
                   err=True)
        sys.exit(EXIT_INPUT)
    content = _site_or_exit(source)
    pathway = next((p for p in content.pathways if p.slug == slug), None)
    if pathway is None:
        known = ", ".join(p.slug for p in content.pathways) or "none (content/pathways/ holds none)"
        click.echo(f"credsite issue: --pathway: no pathway '{slug}'; known pathways: {known}", err=True)
        sys.exit(EXIT_INPUT)
    learners, problems = _one_learner(name or "", email, "", date, (), None)
    outside, more = _outside_credentials(part_credentials, part_sites)
    target = mail_merge or Path(MAIL_MERGE_NAME.replace("{time}", dates.utc_now().strftime("%Y%m%d-%H%M%S")))
    problems += more + _mail_merge_problems(target, given=mail_merge is not None)
    if problems:
        report(problems)
        sys.exit(EXIT_INPUT)
    key = _key_or_exit(key_path)
    issued, problems = issue_pathway(content.site, content.families, pathway, learners[0], key, outside,
                                     progress=_say)
    report(problems)
    if problems:
        click.echo("nothing was issued", err=True)
        sys.exit(EXIT_INPUT)
    for item in issued:
        click.echo(f"{item.learner.name} <{item.learner.email}>: {item.badge_url}")
    target = _write_mail_merge(target, issued, DEFAULT_DIALECT)
    click.echo(f"the credential of pathway {slug} written to content/issued/; its badge URL for mail-merge in "
               f"{target} (it holds e-mail addresses: do not commit it)", err=True)


def _outside_credentials(paths, sites):
    """The learner's credentials from other sites, each with its verdict by `credsite verify`'s own checks."""
    from generator.commands.verify import read_credential, verify_reports
    from generator.issuing.pathway import Outside

    if not paths:
        return [], []
    reports, problems = verify_reports(list(paths), list(sites))
    outside = []
    for report_ in reports:
        if not report_.readable:
            problems.append(Problem(str(report_.path), None, "--part-credential", "; ".join(report_.verdict.problems),
                                    "give the learner's credential file (JSON, or a baked PNG or SVG)"))
            continue
        document, _ = read_credential(report_.path.read_bytes())
        if isinstance(document, dict):
            outside.append(Outside(report_.path, document, report_.verdict.status))
    return outside, problems


def _one_learner(name, email, grade, date, evidence, valid_until):
    from generator.issuing import dates, learners

    problems, moments = [], {}
    for option, text in (("--date", date), ("--valid-until", valid_until)):
        try:
            moments[option] = dates.parse_moment(text) if text else None
        except dates.MomentError as exc:
            problems.append(Problem("credsite issue", None, option, str(exc), exc.fix))
    if problems:
        return [], problems
    # Stripped like a CSV cell: the grade goes into the signed credential verbatim.
    return [learners.Learner(name, email, grade.strip(), moments["--date"], tuple(evidence),
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


def _open_mail_merge(target: Path, dialect: Dialect):
    """The mail-merge list, begun before anything is signed: a list that cannot be written stops the run."""
    from generator.issuing.cohort import MailMerge

    try:
        return MailMerge(target, dialect)
    except OSError as exc:
        report([Problem("credsite issue", None, "--mail-merge", f"cannot write into {target.parent} "
                        f"({exc.strerror or exc})", "give --mail-merge a path in an existing, writable folder")])
        sys.exit(EXIT_INPUT)


def _finish_mail_merge(merge) -> Path:
    """The mail-merge list under its name (or under that name and the time, when the name is taken)."""
    from generator.issuing import dates

    try:
        return merge.finish(dates.utc_now().strftime("%Y%m%d-%H%M%S"))
    except OSError as exc:
        click.echo(f"credsite issue: --mail-merge: cannot write {exc.filename} ({exc.strerror}); the "
                   f"{merge.rows} credential(s) above WERE issued into content/issued/: do not issue them "
                   "again, copy their badge URLs from above instead", err=True)
        sys.exit(EXIT_INPUT)


def _write_mail_merge(target: Path, issued, dialect: Dialect) -> Path:
    """The mail-merge list of credentials already written (a pathway's one)."""
    from generator.issuing.cohort import MailMerge

    try:
        merge = MailMerge(target, dialect)
        try:
            for item in issued:
                merge.add(item.learner.name, item.learner.email, item.badge_url, item.credential_id)
        except OSError:
            merge.discard()
            raise
    except OSError as exc:
        click.echo(f"credsite issue: --mail-merge: cannot write {target} ({exc.strerror}); the "
                   f"{len(issued)} credential(s) above WERE issued into content/issued/: do not issue them "
                   "again, copy their badge URLs from above instead", err=True)
        sys.exit(EXIT_INPUT)
    return _finish_mail_merge(merge)


def _site_for_signing(source: Path, named: bool) -> Content:
    """The site, like _site_or_exit; with `named` credentials, a broken other file in content/issued/
    does not stop the command: it reads only the credentials it was given, and reports their problems."""
    from generator.build.pipeline import load
    from generator.content.status import ISSUED

    content = load(source, drafts=True)
    if not isinstance(content, Content):
        report(content.problems)
        sys.exit(EXIT_INPUT)
    problems = errors(content.problems)
    if named:
        problems = [p for p in problems if not p.path.startswith(f"{ISSUED}/")]
    if problems:
        report(problems)
        sys.exit(EXIT_INPUT)
    return content


def _forms_help() -> str:
    """The reference forms as a --help paragraph click keeps line by line (the \\b marker)."""
    return "\b\n" + "\n".join(f"  {form:<14} {meaning}" for form, meaning in FORMS)


@cli.command(help=f"""Revoke a credential: set its bit in the status list and re-sign the list.

CREDENTIAL is one of these, given exactly (revoking is final, so nothing is guessed):

{_forms_help()}

It shows who and what it will revoke and asks before it does. Without a terminal to ask on
(a script, a pipe) it revokes only with --yes, and refuses otherwise.""")
@click.argument("credential")
@click.option("--reason", required=True, help="Why; kept in content/status/revocations.csv, which is public.")
@click.option("--yes", is_flag=True, help="Revoke without asking (for scripts): the preview is still printed.")
@click.option("--dry-run", is_flag=True, help="Check everything and show what would be revoked; change nothing.")
@key_option
@source_option
def revoke(credential: str, reason: str, yes: bool, dry_run: bool, key_path, source: Path) -> None:
    from generator.issuing import revoke as revoking

    content = _site_for_signing(source, named=True)
    key = _key_or_exit(key_path)
    plan, problems = revoking.plan_revocation(content.site, credential, reason, key)
    if plan is None:
        report(problems)
        click.echo("nothing was revoked", err=True)
        sys.exit(EXIT_INPUT)
    for note in plan.notes:
        click.echo(f"credsite revoke: {note}", err=True)
    click.echo("credsite revoke: " + ("would revoke (a dry run)" if dry_run else "about to revoke, for good") + ":",
               err=True)
    click.echo("\n".join(plan.lines()), err=True)
    if dry_run:
        click.echo("dry run: nothing was changed", err=True)
        return
    if not yes and not _confirmed():
        click.echo("nothing was revoked", err=True)
        sys.exit(EXIT_INPUT)
    problems = revoking.carry_out(content.site, plan, key)
    if problems:
        report(problems)
        click.echo("nothing was revoked", err=True)
        sys.exit(EXIT_INPUT)
    click.echo(f"revoked {plan.credential_id}; commit content/status/ and rebuild to publish the list", err=True)


def _confirmed() -> bool:
    """The user's yes, asked on the terminal. Without one (a script, a pipe, CI) nobody can answer, and
    a revocation cannot be undone: refuse, and say how a script asks for it (--yes)."""
    if not sys.stdin.isatty():
        click.echo("credsite revoke: no terminal to ask on, so nothing was revoked; add --yes to revoke without "
                   "asking (check the lines above first), or --dry-run to only look", err=True)
        return False
    return click.confirm("Revoke it? This cannot be undone", default=False, err=True)


@cli.command(help=f"""Sign credentials again in the current format with the active key; ids and badge URLs stay.

Each CREDENTIAL is one of these, given exactly:

{_forms_help()}""")
@click.argument("credentials", nargs=-1)
@click.option("--all", "everything", is_flag=True, help="Every credential in content/issued/.")
@click.option("--unchecked-proofs", is_flag=True,
              help="Sign again even a credential whose old proof cannot be checked, because its key's public key "
                   "is nowhere to be found. Only when you are sure nobody changed content/issued/.")
@key_option
@source_option
def reissue(credentials: tuple[str, ...], everything: bool, unchecked_proofs: bool, key_path, source: Path) -> None:
    from generator.issuing.reissue import REISSUES
    from generator.issuing.reissue import reissue as run_reissue

    if credentials and everything:
        click.echo("credsite reissue: give the credentials (id, UUID, badge URL or file) or --all, not both",
                   err=True)
        sys.exit(EXIT_INPUT)
    if not credentials and not everything:
        click.echo("credsite reissue: give the credentials to sign again (id, UUID, badge URL or file), "
                   "or --all for every credential in content/issued/", err=True)
        sys.exit(EXIT_INPUT)
    content = _site_for_signing(source, named=bool(credentials))
    key = _key_or_exit(key_path)
    done, summary, problems = run_reissue(content.site, list(credentials), key, unchecked_proofs=unchecked_proofs,
                                          families=content.families, pathways=content.pathways)
    report(problems)
    if problems:
        click.echo("nothing was reissued", err=True)
        sys.exit(EXIT_INPUT)
    for note in summary.notes:
        click.echo(f"credsite reissue: {note}", err=True)
    for item in done:
        click.echo(f"{item.credential_id}: signed again ({'; '.join(item.reasons)})")
    if summary.status_list:
        click.echo(f"credsite reissue: {summary.status_list}", err=True)
    if not done and not summary.status_list:
        click.echo("nothing to reissue: they are current and signed with the active key; nothing was changed", err=True)
        return
    if done:
        click.echo(f"{len(done)} credential(s) reissued; logged in {REISSUES}.", err=True)
        old_copies = ("they stop verifying once the old key is removed from content/site.yaml (at once, "
                      "where it already is, as after a leak)"
                      if any(item.key_changed for item in done) else "they keep the old format")
        click.echo("Tell the learners to download their credential again from their badge page: copies they "
                   f"downloaded before carry the old signature, and {old_copies}.", err=True)
    click.echo("Commit content/ and rebuild to publish the result.", err=True)
