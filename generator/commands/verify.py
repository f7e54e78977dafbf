"""`credsite verify`: read credential files and --site folders, check each credential offline, show the reports.

The checks themselves are generator/credentials/verification.py; this module
finds what they need on disk (DID documents, status lists, revocation reasons,
the names sites give their institution) and turns each report into lines.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import re
import struct
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

from generator import routes
from generator.content.config import load_site
from generator.content.status import revocation_reasons
from generator.credentials.did import DidResolver, KeyResolver, KnownDid, resolver_for_output, resolver_for_site
from generator.credentials.status_check import StatusLists
from generator.credentials.verification import INVALID, NOT_CHECKED, VALID, CredentialReport, check_credential
from generator.model import Verdict
from generator.problems import Problem, errors
from generator.site.badges import PNG_SIGNATURE, unbake_png, unbake_svg
from generator.strict_json import InvalidJson, loads

NOT_A_CREDENTIAL = "a credential is a JSON file, or a badge image (PNG or SVG) with one baked in"


def default_sites(folder: Path) -> list[Path]:
    """`folder` when it is a site's folder or its built output, so verify there needs no --site."""
    markers = [folder / "content" / "site.yaml", *(folder / name for name in routes.DID_DOCUMENTS)]
    return [folder] if any(path.is_file() for path in markers) else []


def verify_reports(paths: Sequence[Path], sites: Path | Sequence[Path] = (), now: dt.datetime | None = None,
                   issuer: str = "") -> tuple[list[CredentialReport], list[Problem]]:
    """One report per file, verified against the --site folders given; or the problems with the arguments."""
    now = now or dt.datetime.now(dt.UTC)
    problems: list[Problem] = []
    if issuer and not re.fullmatch(r"did:[a-z0-9]+:\S+", issuer):
        problems.append(Problem("--issuer", None, "", f"'{issuer}' is not a DID",
                                "give the issuer's DID, such as did:web:example.org or did:key:z6Mk..."))
    dids, lists, reasons = _load_sites([sites] if isinstance(sites, Path) else list(sites), problems)
    if errors(problems):
        return [], problems
    return [_verify_file(Path(path), dids, lists, now, issuer, reasons) for path in paths], problems


def verify_paths(paths: Sequence[Path], sites: Path | Sequence[Path] = (), now: dt.datetime | None = None,
                 issuer: str = "") -> tuple[list[tuple[Path, Verdict]], list[Problem]]:
    """Each file's verdict (see verify_reports)."""
    reports, problems = verify_reports(paths, sites, now, issuer)
    return [(r.path, r.verdict) for r in reports], problems


def _verify_file(path: Path, dids: DidResolver, lists: StatusLists, now: dt.datetime, issuer: str,
                 reasons: dict[str, str]) -> CredentialReport:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        fix = "; check the path" if isinstance(exc, FileNotFoundError) else ""
        return CredentialReport(path, Verdict(INVALID, (f"cannot be read ({exc.strerror}){fix}",)), readable=False)
    document, problem = read_credential(raw)
    if problem:
        return CredentialReport(path, Verdict(INVALID, (problem,)), readable=False)
    try:
        return check_credential(path, document, dids, lists, now, issuer, reasons)
    except RecursionError:
        return CredentialReport(path, Verdict(INVALID, ("it is nested too deeply to be checked",)), readable=False)


# ---------------------------------------------------------------- the --site folders


def _load_sites(site_dirs: list[Path], problems: list[Problem]) -> tuple[DidResolver, StatusLists, dict[str, str]]:
    """The DID documents, status list folders and revocation reasons of the --site folders."""
    known: dict[str, KnownDid] = {}
    places: list[tuple[str, Path]] = []
    reasons: dict[str, str] = {}
    for site_dir in site_dirs:
        if (site_dir / "content" / "site.yaml").is_file():
            found: list[Problem] = []
            site = load_site(site_dir, found)
            if site is None or errors(found):
                problems += [dataclasses.replace(p, path=str(site_dir / p.path)) for p in found]
                continue
            resolver = resolver_for_site(site)
            source = str(site_dir / "content" / "site.yaml")
            names = frozenset(site.institution.name.values())
            places.append((site.base_url + routes.status_folder(), site_dir / "content" / "status"))
            try:
                reasons.update(revocation_reasons(site_dir))
            except (OSError, ValueError, KeyError, csv.Error):
                pass  # only the reasons shown beside REVOKED are lost; the status list decides
        else:
            before = len(problems)
            output = resolver_for_output(site_dir, problems)
            if output is None:
                if len(problems) == before:
                    what = "does not exist" if not site_dir.exists() else "has neither content/site.yaml nor did.json"
                    problems.append(Problem(str(site_dir), None, "--site", what,
                                            "give the site's folder or its built output folder"))
                continue
            resolver = output
            source = str(next(site_dir / n for n in routes.DID_DOCUMENTS if (site_dir / n).is_file()))
            names = _profile_names(site_dir / routes.issuer_profile(), resolver)
            # A built site serves status lists under its own base URL: strip the DID's host and path.
            places.append((routes.base_url_of_did(resolver.did), site_dir))
        known.setdefault(resolver.did, KnownDid(resolver, source, names))
    dids = DidResolver(known)
    return dids, StatusLists(places, dids), reasons


def _profile_names(path: Path, resolver: KeyResolver) -> frozenset[str]:
    """The names the issuer profile a built site publishes gives its DID; none when it is missing or another's."""
    try:
        profile = loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return frozenset()
    if not isinstance(profile, dict) or profile.get("id") != resolver.did:
        return frozenset()
    name = profile.get("name")
    values = name.values() if isinstance(name, dict) else [name]
    return frozenset(value for value in values if isinstance(value, str))


# ---------------------------------------------------------------- what verify prints


def report_lines(report: CredentialReport) -> list[str]:
    """How `credsite verify` shows a report: the verdict line, then who issued it and one line per check."""
    verdict = report.verdict
    detail = f" ({'; '.join(verdict.problems)})" if verdict.problems else ""
    lines = [f"{report.path}: {VALID if verdict.ok else verdict.status.upper()}{detail}"]
    if not report.readable:
        return lines
    lines.append(f"  {'issued by':<11} {_issuer(report)}")
    for check in report.checks:
        word = "FAILED" if check.failed else check.status
        lines.append(f"  {check.name:<11} {word:<14} {check.detail}".rstrip())
    lines += [f"  {'note':<11} {note}" for note in report.notes]
    return lines


def _issuer(report: CredentialReport) -> str:
    """The issuer's DID, and its name: as the credential gives it only when a --site confirms it."""
    issuer, name = report.issuer_id or "(none)", report.issuer_name
    if not name:
        return issuer
    if report.name_confirmed:
        return f"{issuer} ({name})"
    if report.site_names:
        named = " or ".join(f'"{n}"' for n in report.site_names)
        return f'{issuer} (calls itself "{name}"; its site names it {named})'
    return f'{issuer} (calls itself "{name}"; not checked)'


def summary(reports: Sequence[CredentialReport]) -> str:
    """The closing line when some credential did not verify; "" when all did."""
    failed = [r for r in reports if not r.ok]
    if not failed:
        return ""
    unchecked = sum(r.verdict.status == NOT_CHECKED for r in failed)
    why = f" ({unchecked} could not be checked offline)" if unchecked else ""
    return f"{len(failed)} of {len(reports)} credential(s) did not verify{why}"


# ---------------------------------------------------------------- reading a credential file


def read_credential(raw: bytes) -> tuple[object, str]:
    """A credential from its JSON, or from a badge image it is baked into (PNG or SVG)."""
    if raw.startswith(PNG_SIGNATURE):
        return _parse_json(_unbaked(raw, unbake_png), "PNG image")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, f"not a credential: {NOT_A_CREDENTIAL}"
    if text.lstrip().startswith("<"):
        return _parse_json(_unbaked(text, unbake_svg), "SVG image")
    return _parse_json(text, "")


def _unbaked(data: bytes | str, unbake: Callable) -> bytes | str:
    """The baked credential; "" when there is none or the image is damaged."""
    try:
        return unbake(data) or ""
    except (ValueError, IndexError, struct.error, zlib.error, ET.ParseError):
        return ""


def _parse_json(text: bytes | str, image: str) -> tuple[object, str]:
    """`image` names the picture the text was baked into; "" for a plain JSON file."""
    if image and not text:
        return None, (f"this {image} carries no baked credential; verify the badge.png or badge.svg from "
                      "the learner's badge page, or its credential.json")
    where = f"the credential baked into this {image} is " if image else ""
    try:
        return loads(text), ""
    except InvalidJson as exc:
        if exc.ijson:  # JSON, but with two meanings (a duplicate key) or what parsers read differently
            return None, (f"the credential baked into this {image}: " if image else "") + exc.msg
        if exc.kind == InvalidJson.ENCODING:
            return None, f"{where}not UTF-8 text"
        if exc.kind == InvalidJson.DEPTH:
            return None, f"{where}not valid JSON ({exc.msg})"
        hint = "" if image else f"; {NOT_A_CREDENTIAL}"
        return None, f"{where}not valid JSON ({exc.msg} at line {exc.lineno}){hint}"
