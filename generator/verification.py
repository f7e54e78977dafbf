"""Check an issued credential the way a verifier does, fully offline.

Proof (against the issuer's DID document), that the key belongs to the
issuer, validity dates, revocation status and the OB 3.0 JSON Schema.
Used by `credsite verify` and by the build before anything is published.
"""

from __future__ import annotations

import datetime as dt
import json
import struct
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from generator import statuslist
from generator.did import KeyResolver
from generator.integrity import verify as verify_proof
from generator.schemas import schema_problems

# A status list lookup: list URL -> (bits, problem); the list's own proof is checked by the lookup.
StatusLookup = Callable[[str], tuple[bytearray | None, str]]
NOT_A_CREDENTIAL = "a credential is a JSON file, or a badge image (PNG or SVG) with one baked in"


@dataclass(frozen=True)
class Verdict:
    status: str  # valid | revoked | expired | not yet valid | invalid
    problems: tuple[str, ...] = ()
    credential_id: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "valid"


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
    return issuer if isinstance(issuer, str) else (issuer or {}).get("id", "") if isinstance(issuer, dict) else ""


def check_signature(document: object, resolver: KeyResolver, check_schema: bool = True) -> tuple[str, ...]:
    """What is wrong with the credential itself: schema, issuer, proof. Empty when it is sound.

    The result depends only on the document and the DID document, so the build caches it.
    """
    if not isinstance(document, dict):
        return ("not a JSON object",)
    problems: list[str] = []
    if check_schema:
        problems += [f"schema: {p}" for p in schema_problems(document)]
    issuer = _issuer_id(document)
    if issuer != resolver.did:
        # Only this site's DID counts: a did:key credential proves nothing about the institution.
        problems.append(f"issuer {issuer or '(none)'} is not this site's issuer {resolver.did}")
    result = verify_proof(document, resolver)
    problems += [p if p.startswith("proof") else f"proof: {p}" for p in result.problems]
    for method in result.verification_methods:
        if method.split("#", 1)[0] != issuer:
            problems.append(f"proof: signed with {method}, a key that does not belong to the issuer {issuer}")
    return tuple(problems)


def check_state(document: dict, status_lookup: StatusLookup, now: dt.datetime) -> Verdict:
    """Validity dates and revocation status of a credential whose signature is sound."""
    cid = document.get("id", "") if isinstance(document.get("id"), str) else ""
    valid_from, valid_until = _moment(document.get("validFrom")), _moment(document.get("validUntil"))
    if valid_from is None:
        return Verdict("invalid", ("validFrom: missing or not a date-time with a time zone",), cid)
    if "validUntil" in document and valid_until is None:
        return Verdict("invalid", ("validUntil: not a date-time with a time zone",), cid)
    statuses = document.get("credentialStatus") or []
    for status in statuses if isinstance(statuses, list) else [statuses]:
        verdict = _status(status, status_lookup, cid)
        if verdict:
            return verdict
    if valid_from > now:
        return Verdict("not yet valid", (f"valid from {document['validFrom']}",), cid)
    if valid_until is not None and valid_until <= now:
        return Verdict("expired", (f"expired on {document['validUntil']}",), cid)
    return Verdict("valid", (), cid)


def verify_document(document: object, resolver: KeyResolver, status_lookup: StatusLookup,
                    now: dt.datetime, check_schema: bool = True) -> Verdict:
    problems = check_signature(document, resolver, check_schema)
    if problems:
        cid = document.get("id", "") if isinstance(document, dict) and isinstance(document.get("id"), str) else ""
        return Verdict("invalid", problems, cid)
    return check_state(document, status_lookup, now)


def _status(status: dict, lookup: StatusLookup, cid: str) -> Verdict | None:
    if not isinstance(status, dict) or status.get("type") != "BitstringStatusListEntry":
        return Verdict("invalid", ("credentialStatus: only BitstringStatusListEntry is supported",), cid)
    try:
        index = int(status.get("statusListIndex"))
    except (TypeError, ValueError):
        return Verdict("invalid", ("credentialStatus.statusListIndex: not a number",), cid)
    bits, problem = lookup(status.get("statusListCredential", ""))
    if bits is None:
        return Verdict("invalid", (f"credentialStatus: {problem}",), cid)
    if not 0 <= index < len(bits) * 8:
        return Verdict("invalid", ("credentialStatus.statusListIndex: outside the list",), cid)
    if statuslist.is_set(bits, index):
        purpose = status.get("statusPurpose", "revocation")
        return Verdict("revoked" if purpose == "revocation" else "suspended", (), cid)
    return None


def status_lookup_from_files(base_url: str, folder: Path, relative: Callable[[str], str | None],
                             resolver: KeyResolver, now: dt.datetime) -> StatusLookup:
    """Find status lists as files (content/status/ or a built site) and check their proofs once."""
    cache: dict[str, tuple[bytearray | None, str]] = {}

    def lookup(url: str) -> tuple[bytearray | None, str]:
        if url in cache:
            return cache[url]
        name = relative(url)
        if name is None or not (folder / name).is_file():
            cache[url] = (None, f"status list {url} is not available offline")
            return cache[url]
        try:
            document = json.loads((folder / name).read_text(encoding="utf-8"))
        except ValueError:
            cache[url] = (None, f"status list {url} is not valid JSON")
            return cache[url]
        result = verify_proof(document, resolver)
        if not result.ok:
            cache[url] = (None, f"status list {url} does not verify: {'; '.join(result.problems)}")
        elif _issuer_id(document) != resolver.did:
            cache[url] = (None, f"status list {url} was not issued by {resolver.did}")
        else:
            try:
                cache[url] = (statuslist.decode(document["credentialSubject"]["encodedList"]), "")
            except (KeyError, TypeError, ValueError, OSError) as exc:
                cache[url] = (None, f"status list {url} cannot be decoded ({exc})")
        return cache[url]

    return lookup


def verify_files(paths: list[Path], resolver: KeyResolver, lookup: StatusLookup,
                 now: dt.datetime) -> list[tuple[Path, Verdict]]:
    out = []
    for path in paths:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            out.append((path, Verdict("invalid", (f"cannot be read ({exc.strerror})",))))
            continue
        document, problem = read_credential(raw)
        if problem:
            out.append((path, Verdict("invalid", (problem,))))
            continue
        out.append((path, verify_document(document, resolver, lookup, now)))
    return out


def read_credential(raw: bytes) -> tuple[object, str]:
    """A credential from its JSON, or from a badge image it is baked into (PNG or SVG)."""
    # Imported here: badges pulls in Pillow and zxing, which the build's verifying workers never need.
    from generator.badges import PNG_SIGNATURE, unbake_png, unbake_svg

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


def verify_paths(paths: list[Path], site_dir: Path,
                 now: dt.datetime | None = None) -> tuple[list[tuple[Path, Verdict]], list]:
    """Verify files against a site folder (content/site.yaml) or a built site (its did.json)."""
    from generator.config import load_site
    from generator.did import resolver_for_output, resolver_for_site
    from generator.issuing import revocation_reasons
    from generator.problems import Problem, errors

    now = now or dt.datetime.now(dt.timezone.utc)
    problems: list[Problem] = []
    if (site_dir / "content" / "site.yaml").is_file():
        site = load_site(site_dir, problems)
        if site is None or errors(problems):
            return [], problems
        resolver = resolver_for_site(site)
        base, folder = site.base_url, site_dir / "content"
        relative = lambda url: url[len(base):] if url.startswith(base + "status/") else None  # noqa: E731
        reasons = revocation_reasons(site_dir)
    else:
        resolver = resolver_for_output(site_dir, problems)
        if problems:
            return [], problems
        if resolver is None:
            return [], [Problem(str(site_dir), None, "--site", "has neither content/site.yaml nor did.json",
                                "give the site's folder or its built output folder")]
        # A built site serves status lists under its own base URL: strip the DID's host and path.
        base = _base_from_did(resolver.did)
        folder = site_dir
        relative = lambda url: url[len(base):] if url.startswith(base) else None  # noqa: E731
        reasons = {}
    lookup = status_lookup_from_files(base, folder, relative, resolver, now)
    verdicts = verify_files(paths, resolver, lookup, now)
    out = []
    for path, verdict in verdicts:
        if verdict.status == "revoked" and reasons.get(verdict.credential_id):
            verdict = Verdict("revoked", (f"reason: {reasons[verdict.credential_id]}",), verdict.credential_id)
        out.append((path, verdict))
    return out, []


def _base_from_did(did: str) -> str:
    """did:web:host:a:b -> https://host/a/b/ (the inverse of routes.issuer_did)."""
    parts = did.split(":")[2:]
    if not parts:
        return ""
    host = parts[0].replace("%3A", ":")
    path = "/".join(parts[1:])
    return f"https://{host}/" + (path + "/" if path else "")
