"""Check a credential the way a verifier does, fully offline.

Five checks, each decided by one function here, each with its own result:
proof, issuer key, dates, status and the OB 3.0 JSON Schema.

Two callers share them:
- `credsite verify` (`verify_reports`): any OB 3.0 credential whose issuer is a
  did:key, or a did:web whose site folder or built output is given with --site;
  one `CredentialReport` per file, with every check's result;
- the build (`check_signature`, `check_state`): only this site's DID counts, so
  it never publishes a credential another issuer signed.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import re
import struct
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from generator.credentials import statuslist
from generator.credentials.did import DidResolver, KeyResolver, KnownDid
from generator.credentials.integrity import verify as verify_proof
from generator.credentials.schemas import schema_problems
from generator.model import Verdict

# A status list lookup: list URL -> (bits, problem); the list's own proof is checked by the lookup.
StatusLookup = Callable[[str], tuple[bytearray | None, str]]
KeyLookup = Callable[[str], Ed25519PublicKey | None]
NOT_A_CREDENTIAL = "a credential is a JSON file, or a badge image (PNG or SVG) with one baked in"

# A check's status.
OK, FAILED, NOT_APPLICABLE, NOT_CHECKED = "ok", "failed", "not applicable", "not checked"
# The checks, in the order they are shown.
PROOF, ISSUER_KEY, DATES, STATUS, SCHEMA = "proof", "issuer key", "dates", "status", "schema"
# Verdicts; a failed check decides one, and the most serious decides the credential's.
VALID, INVALID, REVOKED, SUSPENDED, NOT_YET_VALID, EXPIRED = (
    "valid", "invalid", "revoked", "suspended", "not yet valid", "expired")
_SERIOUSNESS = (INVALID, REVOKED, SUSPENDED, NOT_YET_VALID, EXPIRED)
STATUS_FIX = "give --site with the folder of the site that publishes it, or its built output"


@dataclass(frozen=True)
class Check:
    """One check of one credential: ok, failed, not applicable or not checked, and why."""

    name: str
    status: str
    detail: str = ""

    @property
    def failed(self) -> bool:
        return self.status == FAILED


@dataclass(frozen=True)
class _Judged:
    """A check plus what its failure makes of the credential (a verdict) and the reasons the verdict shows."""

    check: Check
    outcome: str = ""  # "" when the check passed or does not apply
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class CredentialReport:
    """What `credsite verify` found out about one file."""

    path: Path
    verdict: Verdict
    readable: bool = True  # False: not a credential at all (the verdict says why); no check ran
    issuer_id: str = ""
    issuer_name: str = ""
    proof: Check = Check(PROOF, NOT_CHECKED)
    issuer_key: Check = Check(ISSUER_KEY, NOT_CHECKED)
    dates: Check = Check(DATES, NOT_CHECKED)
    status: Check = Check(STATUS, NOT_CHECKED)
    schema: Check = Check(SCHEMA, NOT_CHECKED)
    notes: tuple[str, ...] = ()

    @property
    def checks(self) -> tuple[Check, ...]:
        return (self.proof, self.issuer_key, self.dates, self.status, self.schema)

    @property
    def ok(self) -> bool:
        return self.verdict.ok


# ---------------------------------------------------------------- small readers


def _moment(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def _issuer_id(document: dict) -> str:
    issuer = document.get("issuer")
    value = issuer.get("id") if isinstance(issuer, dict) else issuer
    return value if isinstance(value, str) else ""


def _issuer_name(document: dict) -> str:
    issuer = document.get("issuer")
    name = issuer.get("name") if isinstance(issuer, dict) else None
    return name if isinstance(name, str) else ""


def _credential_id(document: object) -> str:
    return document.get("id", "") if isinstance(document, dict) and isinstance(document.get("id"), str) else ""


def _proofs(document: dict) -> list:
    proofs = document.get("proof")
    return [proofs] if isinstance(proofs, dict) else proofs if isinstance(proofs, list) else []


def _methods(document: dict) -> list[str]:
    """The verificationMethod of every proof that names one."""
    return [p["verificationMethod"] for p in _proofs(document)
            if isinstance(p, dict) and isinstance(p.get("verificationMethod"), str) and p["verificationMethod"]]


def _did_of(method_id: str) -> str:
    return method_id.split("#", 1)[0]


def _foreign_methods(issuer: str, methods: list[str]) -> list[str]:
    """Proofs made with a key of another DID than the issuer's (a did:key proves nothing about a did:web)."""
    return [f"signed with {m}, a key that does not belong to the issuer {issuer}"
            for m in dict.fromkeys(methods) if _did_of(m) != issuer]


def _proof_reasons(problems: list[str]) -> tuple[str, ...]:
    return tuple(p if p.startswith("proof") else f"proof: {p}" for p in problems)


# ---------------------------------------------------------------- the five checks


def proof_check(document: dict, resolve_key: KeyLookup) -> _Judged:
    """Every proof (eddsa-rdfc-2022 or eddsa-jcs-2022) verifies with the key its verificationMethod names."""
    proofs, methods = _proofs(document), _methods(document)
    if proofs and len(methods) == len(proofs) and all(resolve_key(m) is None for m in methods):
        # Not the proof's fault: the issuer key check says why there is no key.
        return _Judged(Check(PROOF, NOT_CHECKED, f"no key to check it with: {', '.join(dict.fromkeys(methods))} "
                             "cannot be resolved (see issuer key)"), INVALID)
    result = verify_proof(document, resolve_key)
    if not result.ok:
        return _Judged(Check(PROOF, FAILED, "; ".join(result.problems)), INVALID, _proof_reasons(result.problems))
    done = [f"{p.get('cryptosuite')} by {p.get('verificationMethod')}" for p in proofs]
    return _Judged(Check(PROOF, OK, ("" if len(done) == 1 else f"all {len(done)} proofs verify: ") + "; ".join(done)))


def issuer_key_check(document: dict, dids: DidResolver, required: str = "") -> _Judged:
    """The issuer's keys can be found offline, and every proof is made with one of them."""
    issuer = _issuer_id(document)
    if not issuer:
        return _Judged(Check(ISSUER_KEY, FAILED, "the credential names no issuer: issuer.id is missing"),
                       INVALID, ("issuer.id: missing",))
    problems = []
    unresolvable = dids.issuer_problem(issuer)
    if unresolvable:
        problems.append(unresolvable)
    if required and issuer != required:
        problems.append(f"issued by {issuer}, not by {required} as --issuer requires")
    methods = _methods(document)
    problems += _foreign_methods(issuer, methods)
    if not unresolvable:
        problems += [p for p in (dids.key_problem(m) for m in dict.fromkeys(methods) if _did_of(m) == issuer) if p]
    if problems:
        return _Judged(Check(ISSUER_KEY, FAILED, "; ".join(problems)), INVALID, tuple(problems))
    if not methods:
        return _Judged(Check(ISSUER_KEY, OK, "the issuer's DID resolves; no proof names a key"))
    whose = "the signing key is the issuer's" if len(set(methods)) == 1 else "the signing keys are the issuer's"
    return _Judged(Check(ISSUER_KEY, OK, f"{whose}: {dids.source(issuer)}"))


def dates_check(document: dict, now: dt.datetime) -> _Judged:
    """validFrom and validUntil are date-times with a time zone, and now lies between them."""
    valid_from, valid_until = _moment(document.get("validFrom")), _moment(document.get("validUntil"))

    def failed(outcome: str, detail: str, reason: str = "") -> _Judged:
        return _Judged(Check(DATES, FAILED, detail), outcome, (reason or detail,))

    if valid_from is None:
        return failed(INVALID, "validFrom: missing or not a date-time with a time zone")
    if "validUntil" in document and valid_until is None:
        return failed(INVALID, "validUntil: not a date-time with a time zone")
    if valid_from > now:
        return failed(NOT_YET_VALID, f"not yet valid: valid from {document['validFrom']}",
                      f"valid from {document['validFrom']}")
    if valid_until is not None and valid_until <= now:
        return failed(EXPIRED, f"expired on {document['validUntil']}")
    until = f" until {document['validUntil']}" if valid_until is not None else ", with no end date"
    return _Judged(Check(DATES, OK, f"valid from {document['validFrom']}{until}"))


def status_check(document: dict, lookup: StatusLookup, reasons: dict[str, str] | None = None) -> _Judged:
    """Every BitstringStatusListEntry's bit, read from a status list whose own proof verifies."""
    statuses = document.get("credentialStatus")
    if statuses is None or statuses == []:
        return _Judged(Check(STATUS, NOT_APPLICABLE, "the credential has no credentialStatus; it cannot be revoked"))
    problems, flagged, fine = [], [], []
    for status in statuses if isinstance(statuses, list) else [statuses]:
        problem, purpose, where = _status_entry(status, lookup)
        if problem:
            problems.append(problem)
        elif purpose:
            flagged.append(purpose)
        else:
            fine.append(where)
    if problems:
        return _Judged(Check(STATUS, FAILED, "; ".join(problems)), INVALID, tuple(problems))
    if flagged:
        outcome = REVOKED if "revocation" in flagged else SUSPENDED
        reason = (reasons or {}).get(_credential_id(document), "") if outcome == REVOKED else ""
        shown = (f"reason: {reason}",) if reason else ()
        return _Judged(Check(STATUS, FAILED, outcome + (f" ({shown[0]})" if shown else "")), outcome, shown)
    return _Judged(Check(STATUS, OK, "; ".join(fine)))


def _status_entry(status: object, lookup: StatusLookup) -> tuple[str, str, str]:
    """(problem, purpose whose bit is set, what was checked) of one credentialStatus entry."""
    if not isinstance(status, dict) or status.get("type") != "BitstringStatusListEntry":
        return "credentialStatus: only BitstringStatusListEntry is supported", "", ""
    try:
        index = int(status.get("statusListIndex"))
    except (TypeError, ValueError):
        return "credentialStatus.statusListIndex: not a number", "", ""
    url = status.get("statusListCredential", "")
    bits, problem = lookup(url if isinstance(url, str) else "")
    if bits is None:
        return f"credentialStatus: {problem}", "", ""
    if not 0 <= index < len(bits) * 8:
        return "credentialStatus.statusListIndex: outside the list", "", ""
    purpose = status.get("statusPurpose", "revocation")
    if statuslist.is_set(bits, index):
        return "", purpose if isinstance(purpose, str) else "revocation", ""
    unset = {"revocation": "not revoked", "suspension": "not suspended"}.get(purpose, f"{purpose} bit not set")
    return "", "", f"{unset} (index {index} of {url})"


def schema_check(document: dict) -> _Judged:
    """The OB 3.0 AchievementCredential JSON Schema."""
    problems = schema_problems(document)
    if problems:
        return _Judged(Check(SCHEMA, FAILED, "; ".join(problems)), INVALID, tuple(f"schema: {p}" for p in problems))
    return _Judged(Check(SCHEMA, OK, "matches the OB 3.0 AchievementCredential JSON Schema"))


def _verdict(credential_id: str, judged: Sequence[_Judged]) -> Verdict:
    """The most serious outcome of any check, with the reasons of the checks that led to it."""
    outcomes = [j.outcome for j in judged if j.outcome]
    if not outcomes:
        return Verdict(VALID, (), credential_id)
    worst = min(outcomes, key=_SERIOUSNESS.index)
    return Verdict(worst, tuple(r for j in judged if j.outcome == worst for r in j.reasons), credential_id)


# ---------------------------------------------------------------- the build: only this site's DID counts


def check_signature(document: object, resolver: KeyResolver, check_schema: bool = True) -> tuple[str, ...]:
    """What is wrong with the credential itself: schema, issuer, proof. Empty when it is sound.

    The result depends only on the document and the DID document, so the build caches it.
    """
    if not isinstance(document, dict):
        return ("not a JSON object",)
    problems: list[str] = list(schema_check(document).reasons) if check_schema else []
    issuer = _issuer_id(document)
    if issuer != resolver.did:
        # Only this site's DID counts: a did:key credential proves nothing about the institution.
        problems.append(f"issuer {issuer or '(none)'} is not this site's issuer {resolver.did}")
    result = verify_proof(document, resolver)
    problems += _proof_reasons(result.problems)
    problems += [f"proof: {p}" for p in _foreign_methods(issuer, result.verification_methods)]
    return tuple(problems)


def check_state(document: dict, status_lookup: StatusLookup, now: dt.datetime) -> Verdict:
    """Validity dates and revocation status of a credential whose signature is sound."""
    return _verdict(_credential_id(document), [dates_check(document, now), status_check(document, status_lookup)])


def verify_document(document: object, resolver: KeyResolver, status_lookup: StatusLookup,
                    now: dt.datetime, check_schema: bool = True) -> Verdict:
    problems = check_signature(document, resolver, check_schema)
    if problems or not isinstance(document, dict):
        return Verdict(INVALID, problems, _credential_id(document))
    return check_state(document, status_lookup, now)


# ---------------------------------------------------------------- status lists


def read_status_list(path: Path, url: str, resolve_key: KeyLookup, issuer: str) -> tuple[bytearray | None, str]:
    """The bits of the status list in `path`, if its proof verifies and `issuer` made it."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return None, f"status list {url} cannot be read ({exc.strerror})"
    except (ValueError, RecursionError):
        return None, f"status list {url} is not valid JSON"
    if not isinstance(document, dict):
        return None, f"status list {url} is not a credential (a JSON object)"
    result = verify_proof(document, resolve_key)
    if not result.ok:
        return None, f"status list {url} does not verify: {'; '.join(result.problems)}"
    if _issuer_id(document) != issuer or _foreign_methods(issuer, result.verification_methods):
        return None, f"status list {url} was not issued by {issuer}"
    try:
        return statuslist.decode(document["credentialSubject"]["encodedList"]), ""
    except (KeyError, TypeError, ValueError, OSError) as exc:
        return None, f"status list {url} cannot be decoded ({exc})"


def status_lookup_from_files(base_url: str, folder: Path, relative: Callable[[str], str | None],
                             resolver: KeyResolver, now: dt.datetime) -> StatusLookup:
    """Find this site's status lists as files (content/status/ or a built site) and check their proofs once."""
    cache: dict[str, tuple[bytearray | None, str]] = {}

    def lookup(url: str) -> tuple[bytearray | None, str]:
        if url not in cache:
            name = relative(url)
            if name is None or not (folder / name).is_file():
                cache[url] = (None, f"status list {url} is not available offline")
            else:
                cache[url] = read_status_list(folder / name, url, resolver, resolver.did)
        return cache[url]

    return lookup


_SAFE_NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$")


class StatusLists:
    """Status lists found in the --site folders; each must be issued by the credential's own issuer."""

    def __init__(self, places: Sequence[tuple[str, Path]], resolve_key: KeyLookup):
        self.places = list(places)  # (URL prefix, folder that holds what is under it)
        self.resolve_key = resolve_key
        self.cache: dict[tuple[str, str], tuple[bytearray | None, str]] = {}

    def lookup_for(self, issuer: str) -> StatusLookup:
        return lambda url: self._lookup(url, issuer)

    def _lookup(self, url: str, issuer: str) -> tuple[bytearray | None, str]:
        if (url, issuer) not in self.cache:
            path = self._path(url)
            self.cache[url, issuer] = (
                read_status_list(path, url, self.resolve_key, issuer) if path is not None
                else (None, f"status list {url or '(none)'} is not available offline; {STATUS_FIX}"))
        return self.cache[url, issuer]

    def _path(self, url: str) -> Path | None:
        for prefix, folder in self.places:
            name = url[len(prefix):] if prefix and url.startswith(prefix) else ""
            if _SAFE_NAME.match(name) and (folder / name).is_file():
                return folder / name
        return None


# ---------------------------------------------------------------- credsite verify


def check_credential(path: Path, document: object, dids: DidResolver, lists: StatusLists, now: dt.datetime,
                     required_issuer: str = "", reasons: dict[str, str] | None = None) -> CredentialReport:
    """Every check of one credential, each with its own result; the verdict is the most serious."""
    if not isinstance(document, dict):
        return CredentialReport(path, Verdict(INVALID, ("not a JSON object",)), readable=False)
    issuer = _issuer_id(document)
    judged = {
        PROOF: proof_check(document, dids),
        ISSUER_KEY: issuer_key_check(document, dids, required_issuer),
        DATES: dates_check(document, now),
        STATUS: status_check(document, lists.lookup_for(issuer), reasons),
        SCHEMA: schema_check(document),
    }
    notes: tuple[str, ...] = ()
    if dids.known and issuer and issuer not in dids.known and not judged[ISSUER_KEY].outcome:
        notes = (f"not this site's issuer: issued by {issuer}, not by {', '.join(dids.known)} (--site)",)
    return CredentialReport(
        path, _verdict(_credential_id(document), list(judged.values())), True, issuer, _issuer_name(document),
        judged[PROOF].check, judged[ISSUER_KEY].check, judged[DATES].check, judged[STATUS].check,
        judged[SCHEMA].check, notes)


def verify_reports(paths: Sequence[Path], sites: Path | Sequence[Path] = (), now: dt.datetime | None = None,
                   issuer: str = "") -> tuple[list[CredentialReport], list]:
    """One report per file, verified against the --site folders given; or the problems with the arguments."""
    from generator.problems import Problem, errors

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
                 issuer: str = "") -> tuple[list[tuple[Path, Verdict]], list]:
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


def _load_sites(site_dirs: list[Path], problems: list) -> tuple[DidResolver, StatusLists, dict[str, str]]:
    """The DID documents, status list folders and revocation reasons of the --site folders."""
    from generator.content.config import load_site
    from generator.content.status import revocation_reasons
    from generator.credentials.did import resolver_for_output, resolver_for_site
    from generator.problems import Problem, errors

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
            places.append((site.base_url + "status/", site_dir / "content" / "status"))
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
            source = str(next(site_dir / n for n in (".well-known/did.json", "did.json")
                              if (site_dir / n).is_file()))
            # A built site serves status lists under its own base URL: strip the DID's host and path.
            places.append((_base_from_did(resolver.did), site_dir))
        known.setdefault(resolver.did, KnownDid(resolver, source))
    dids = DidResolver(known)
    return dids, StatusLists(places, dids), reasons


def _base_from_did(did: str) -> str:
    """did:web:host:a:b -> https://host/a/b/ (the inverse of routes.issuer_did)."""
    parts = did.split(":")[2:]
    if not parts:
        return ""
    host = parts[0].replace("%3A", ":")
    path = "/".join(parts[1:])
    return f"https://{host}/" + (path + "/" if path else "")


def report_lines(report: CredentialReport) -> list[str]:
    """How `credsite verify` shows a report: the verdict line, then who issued it and one line per check."""
    verdict = report.verdict
    detail = f" ({'; '.join(verdict.problems)})" if verdict.problems else ""
    lines = [f"{report.path}: {VALID if verdict.ok else verdict.status.upper()}{detail}"]
    if not report.readable:
        return lines
    issuer = report.issuer_id or "(none)"
    lines.append(f"  {'issued by':<11} {issuer}" + (f" ({report.issuer_name})" if report.issuer_name else ""))
    for check in report.checks:
        word = "FAILED" if check.failed else check.status
        lines.append(f"  {check.name:<11} {word:<14} {check.detail}".rstrip())
    lines += [f"  {'note':<11} {note}" for note in report.notes]
    return lines


# ---------------------------------------------------------------- reading a credential file


def read_credential(raw: bytes) -> tuple[object, str]:
    """A credential from its JSON, or from a badge image it is baked into (PNG or SVG)."""
    # Imported here: badges pulls in Pillow and zxing, which the build's verifying workers never need.
    from generator.site.badges import PNG_SIGNATURE, unbake_png, unbake_svg

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
        return json.loads(text), ""
    except UnicodeDecodeError:
        return None, f"{where}not UTF-8 text"
    except json.JSONDecodeError as exc:
        hint = "" if image else f"; {NOT_A_CREDENTIAL}"
        return None, f"{where}not valid JSON ({exc.msg} at line {exc.lineno}){hint}"
    except RecursionError:
        return None, f"{where}not valid JSON (it is nested too deeply)"
