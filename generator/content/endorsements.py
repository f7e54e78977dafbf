"""Read content/endorsements/: the endorsements outside bodies signed, and the DID documents of their endorsers.

An endorsement is a file `content/endorsements/<name>.json`: an OB 3.0 EndorsementCredential,
exactly as its endorser signed it. Whether it proves anything is the build's question
(generator/build/endorsements.py); here each file is only read, as I-JSON.

An endorser whose DID is a did:web publishes its keys in a DID document on its own web site. The
build never fetches anything, so the institution keeps a dated copy of that document, a snapshot,
in `content/endorsements/dids/<host>.json`:

    {"retrieved": "2026-12-01",
     "url": "https://zorgprofessionals.example/.well-known/did.json",
     "didDocument": { ...the DID document as that address served it... }}

The date says how old the copy is (a file's time on disk does not survive a git clone);
`credsite check` warns when it is older than SNAPSHOT_MAX_AGE_DAYS, since by then the endorser may
have replaced a key. The url must be where did:web resolution finds the DID document, so a snapshot
cannot stand for another DID than the one it was taken of. A did:key endorser needs no snapshot.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator import routes
from generator.problems import Problem
from generator.strict_json import InvalidJson, loads

ENDORSEMENTS = "content/endorsements"
DID_SNAPSHOTS = f"{ENDORSEMENTS}/dids"
# A quarter of a year: keys are replaced seldom, but a snapshot older than this is worth fetching again,
# since a key the endorser withdrew still verifies against the old copy.
SNAPSHOT_MAX_AGE_DAYS = 90
SNAPSHOT_DOCS = "credsite docs pathways-and-endorsements 'Endorsements'"


@dataclass(frozen=True)
class EndorsementFile:
    source: str  # content/endorsements/<name>.json
    raw: bytes
    document: object  # as parsed; the build checks that it is an EndorsementCredential


@dataclass(frozen=True)
class DidSnapshot:
    source: str  # content/endorsements/dids/<host>.json
    did: str
    retrieved: dt.date
    url: str
    document: dict  # the DID document


def did_document_url(did: str) -> str:
    """Where did:web resolution reads the DID document of `did`; "" when it is not a did:web."""
    base = routes.base_url_of_did(did)
    if not base:
        return ""
    at_root = base.count("/") == 3  # https://host/
    return base + (routes.DID_DOCUMENTS[0] if at_root else routes.DID_DOCUMENTS[1])


def read_endorsements(source: Path, problems: list[Problem]) -> list[EndorsementFile]:
    folder = source / ENDORSEMENTS
    found = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        shown = f"{ENDORSEMENTS}/{path.name}"
        raw = _read(path, shown, "ask the endorser for the file again", problems)
        if raw is None:
            continue
        try:
            document = loads(raw)
        except InvalidJson as exc:
            problems.append(Problem(shown, exc.lineno, "", f"is not an endorsement: {exc.msg}",
                                    "put the file here exactly as the endorser sent it"))
            continue
        found.append(EndorsementFile(shown, raw, document))
    return found


def read_snapshots(source: Path, problems: list[Problem]) -> dict[str, DidSnapshot]:
    """Each endorser's DID document snapshot, by its DID."""
    folder = source / DID_SNAPSHOTS
    found: dict[str, DidSnapshot] = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        shown = f"{DID_SNAPSHOTS}/{path.name}"
        snapshot = _snapshot(path, shown, problems)
        if snapshot is None:
            continue
        if snapshot.did in found:
            problems.append(Problem(shown, None, "didDocument.id", f"{snapshot.did} has a snapshot already, "
                                    f"{found[snapshot.did].source}", "keep one snapshot per endorser: delete the "
                                    "older file"))
            continue
        found[snapshot.did] = snapshot
    return found


def snapshot_age_problems(source: Path, today: dt.date) -> list[Problem]:
    """A warning for each snapshot older than SNAPSHOT_MAX_AGE_DAYS (for `credsite check`)."""
    problems: list[Problem] = []
    out = []
    for snapshot in read_snapshots(source, problems).values():
        age = (today - snapshot.retrieved).days
        if age > SNAPSHOT_MAX_AGE_DAYS:
            out.append(Problem(snapshot.source, None, "retrieved", f"the snapshot of {snapshot.did}'s DID document "
                               f"is {age} days old (more than {SNAPSHOT_MAX_AGE_DAYS}); the endorser may have "
                               "replaced a key since",
                               f"download {snapshot.url} again into didDocument and set retrieved to today's date "
                               f"(see: {SNAPSHOT_DOCS})", "warning"))
    return out


def _read(path: Path, shown: str, fix: str, problems: list[Problem]) -> bytes | None:
    if not path.is_file():  # a folder named x.json, or a FIFO that would block for ever
        problems.append(Problem(shown, None, "", "is not a file", "remove it"))
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        problems.append(Problem(shown, None, "", f"cannot be read ({exc.strerror})", fix))
        return None


def _snapshot(path: Path, shown: str, problems: list[Problem]) -> DidSnapshot | None:
    fix = (f'save it as {{"retrieved": "YYYY-MM-DD", "url": "<where the DID document is>", "didDocument": '
           f"<the DID document>}} (see: {SNAPSHOT_DOCS})")
    raw = _read(path, shown, fix, problems)
    if raw is None:
        return None
    try:
        data = loads(raw)
    except InvalidJson as exc:
        problems.append(Problem(shown, exc.lineno, "", f"is not a DID document snapshot: {exc.msg}", fix))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(shown, None, "", "is not a DID document snapshot (a JSON object)", fix))
        return None
    document = data.get("didDocument")
    did = document.get("id") if isinstance(document, dict) else None
    if not isinstance(document, dict) or not isinstance(did, str) or not did.startswith("did:web:"):
        problems.append(Problem(shown, None, "didDocument", "is missing or not a did:web DID document (an object "
                                "whose id starts with did:web:)", fix))
        return None
    retrieved = _date(data.get("retrieved"))
    if retrieved is None:
        problems.append(Problem(shown, None, "retrieved", f"{data.get('retrieved')!r} is not a date YYYY-MM-DD",
                                "give the day you downloaded the DID document, e.g. 2026-12-01"))
        return None
    expected = did_document_url(did)
    if data.get("url") != expected:
        problems.append(Problem(shown, None, "url", f"{data.get('url')!r} is not where {did} keeps its DID "
                                f"document; did:web resolution reads {expected}",
                                f"download {expected} and put that document here, with url: {expected}"))
        return None
    return DidSnapshot(shown, did, retrieved, expected, document)


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
