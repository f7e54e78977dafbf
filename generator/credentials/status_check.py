"""A credential's status bits, read from Bitstring Status Lists a verifier can have offline.

A status list counts only if its own proof verifies and the credential's issuer
made it: anyone can publish a list that says "not revoked".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator import strict_json
from generator.credentials import statuslist
from generator.credentials.did import KeyResolver
from generator.credentials.findings import Finding, Reason
from generator.credentials.proofs import KeyLookup
from generator.credentials.proofs import verify as verify_proof

# A status list lookup: list URL -> its bits, or why there are none.
StatusLookup = Callable[[str], bytearray | Finding]
STATUS_FIX = "give --site with the folder of the site that publishes it, or its built output"

_SAFE_NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$")
_INDEX = re.compile(r"[0-9]+")


def _issuer_id(document: dict) -> str:
    issuer = document.get("issuer")
    value = issuer.get("id") if isinstance(issuer, dict) else issuer
    return value if isinstance(value, str) else ""


def read_status_list(path: Path, url: str, resolve_key: KeyLookup, issuer: str) -> bytearray | Finding:
    """The bits of the status list in `path`, if its proof verifies and `issuer` made it."""
    def bad(message: str) -> Finding:
        return Finding(Reason.STATUS_INVALID, message, url)

    try:
        document = strict_json.loads(path.read_bytes())
    except OSError as exc:
        return bad(f"status list {url} cannot be read ({exc.strerror})")
    except strict_json.InvalidJson as exc:
        return bad(f"status list {url}: {exc}")
    except (ValueError, RecursionError):
        return bad(f"status list {url} is not valid JSON")
    if not isinstance(document, dict):
        return bad(f"status list {url} is not a credential (a JSON object)")
    result = verify_proof(document, resolve_key)
    if not result.ok:
        return bad(f"status list {url} does not verify: {'; '.join(result.problems)}")
    if _issuer_id(document) != issuer or any(m.partition("#")[0] != issuer for m in result.verification_methods):
        return bad(f"status list {url} was not issued by {issuer}")
    try:
        return statuslist.decode(document["credentialSubject"]["encodedList"])
    except (KeyError, TypeError, ValueError, OSError) as exc:
        return bad(f"status list {url} cannot be decoded ({exc})")


def status_lookup_from_files(base_url: str, folder: Path, relative: Callable[[str], str | None],
                             resolver: KeyResolver, now: dt.datetime) -> StatusLookup:
    """Find this site's status lists as files (content/status/ or a built site) and check their proofs once."""
    cache: dict[str, bytearray | Finding] = {}

    def lookup(url: str) -> bytearray | Finding:
        if url not in cache:
            name = relative(url)
            if name is None or not (folder / name).is_file():
                cache[url] = Finding(Reason.STATUS_UNAVAILABLE, f"status list {url} is not available offline", url)
            else:
                cache[url] = read_status_list(folder / name, url, resolver, resolver.did)
        return cache[url]

    return lookup


class StatusLists:
    """Status lists found in the --site folders; each must be issued by the credential's own issuer."""

    def __init__(self, places: Sequence[tuple[str, Path]], resolve_key: KeyLookup):
        self.places = list(places)  # (URL prefix, folder that holds what is under it)
        self.resolve_key = resolve_key
        self.cache: dict[tuple[str, str], bytearray | Finding] = {}

    def lookup_for(self, issuer: str) -> StatusLookup:
        return lambda url: self._lookup(url, issuer)

    def _lookup(self, url: str, issuer: str) -> bytearray | Finding:
        if (url, issuer) not in self.cache:
            path = self._path(url)
            self.cache[url, issuer] = (
                read_status_list(path, url, self.resolve_key, issuer) if path is not None
                else Finding(Reason.STATUS_UNAVAILABLE,
                             f"status list {url or '(none)'} is not available offline; {STATUS_FIX}", url))
        return self.cache[url, issuer]

    def _path(self, url: str) -> Path | None:
        for prefix, folder in self.places:
            name = url[len(prefix):] if prefix and url.startswith(prefix) else ""
            if _SAFE_NAME.match(name) and (folder / name).is_file():
                return folder / name
        return None


@dataclass
class Entries:
    """What a credential's credentialStatus entries say."""

    findings: list[Finding] = field(default_factory=list)  # entries that could not be read
    flagged: list[str] = field(default_factory=list)  # purposes whose bit is set
    fine: list[str] = field(default_factory=list)  # what was checked and found unset


def read_entries(document: dict, lookup: StatusLookup) -> Entries:
    statuses = document.get("credentialStatus")
    entries = Entries()
    for status in statuses if isinstance(statuses, list) else [statuses]:
        _read_entry(status, lookup, entries)
    return entries


def _read_entry(status: object, lookup: StatusLookup, entries: Entries) -> None:
    # An entry's own faults are the credential's: no subject, since restoring the list would not help.
    problem, url = _entry_problem(status)
    if problem or not isinstance(status, dict):
        entries.findings.append(Finding(Reason.STATUS_INVALID, problem))
        return
    bits = lookup(url)
    if isinstance(bits, Finding):
        entries.findings.append(Finding(bits.code, f"credentialStatus: {bits.message}", bits.subject, bits.brief))
        return
    index, purpose = int(status["statusListIndex"]), status.get("statusPurpose", "revocation")
    if not 0 <= index < len(bits) * 8:
        entries.findings.append(Finding(Reason.STATUS_INVALID, "credentialStatus.statusListIndex: outside the list"))
    elif statuslist.is_set(bits, index):
        entries.flagged.append(purpose)
    else:
        unset = {"revocation": "not revoked", "suspension": "not suspended"}.get(purpose, f"{purpose} bit not set")
        entries.fine.append(f"{unset} (index {index} of {url})")


def _entry_problem(status: object) -> tuple[str, str]:
    """What is wrong with one credentialStatus entry itself, and the list URL it names."""
    if not isinstance(status, dict) or status.get("type") != "BitstringStatusListEntry":
        return "credentialStatus: only BitstringStatusListEntry is supported", ""
    url = status.get("statusListCredential")
    url = url if isinstance(url, str) else ""
    # The spec's index is a string of base-10 digits; int() would also take true, 7.9, " 7" or "٧".
    index = status.get("statusListIndex")
    if not isinstance(index, str) or not _INDEX.fullmatch(index):
        return "credentialStatus.statusListIndex: not a number (a string of digits such as \"94567\")", url
    if not isinstance(status.get("statusPurpose", "revocation"), str):
        return "credentialStatus.statusPurpose: not a purpose such as \"revocation\"", url
    return "", url
