"""The files of content/status/ as the issuer's tools leave them: the registry of every status
index handed out, the signed revocation list, the revocation log and the history of signing keys.

Reading them needs no key, so the build and `credsite verify` read them here; writing
them is the signing side's job (generator/issuing). The CSV files are read through
csv_cells, which undoes what makes their cells safe to open in a spreadsheet.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from generator.content import csv_cells
from generator.credentials import statuslist
from generator.model import Site
from generator.problems import Code, Problem
from generator.strict_json import InvalidJson, loads

STATUS = Path("content/status")
ISSUED = Path("content/issued")
REGISTRY = STATUS / "revocation-registry.csv"  # every status index ever handed out
REVOCATIONS = STATUS / "revocations.csv"  # who was revoked, when and why
STATUS_LIST = STATUS / "revocation.json"
# Every public key a verification method id has stood for, so an old proof can still be
# checked after its key was removed from site.yaml (a leaked key must be).
KEY_HISTORY = STATUS / "key-history.csv"
KEY_HISTORY_HEADER = "date,key,public_key"
# What issuing and revoking keep for themselves: a build reads neither (credsite check reads the registry), so a
# build that only adds credentials need not build the rest again when issuing has updated them (build/delta.py).
UNREAD_BY_BUILDS = frozenset({str(REGISTRY), str(KEY_HISTORY)})
CONFLICT_MARKERS = ("<<<<<<<", "|||||||", "=======", ">>>>>>>")


@dataclass
class StatusList:
    bits: bytearray
    signers: set[str]  # the verification methods of its proofs; empty while there is no list yet
    document: dict | None = None  # the signed list as read, so its proof can be checked; None while there is none


def restore_fix(path: Path) -> str:
    return f"restore the last committed version with 'git restore {path}' in the site's folder"


def issued_count(source: Path) -> int:
    folder = source / ISSUED
    return sum(1 for p in folder.glob("*.json") if p.is_file()) if folder.is_dir() else 0


def registry(source: Path) -> tuple[dict[int, str], list[Problem]]:
    """Every index handed out -> the credential it went to (content/status/revocation-registry.csv).

    A damaged registry stops issuing: a lost row could hand an index out twice. So does a
    missing one while credentials exist, since starting it afresh would forget their indexes.
    """
    path, shown = source / REGISTRY, str(REGISTRY)
    restore = restore_fix(REGISTRY)
    if not path.exists():
        count = issued_count(source)
        if not count:
            return {}, []
        return {}, [Problem(shown, None, "", f"is missing but {ISSUED}/ holds {count} credential(s)",
                            f"{restore} (or from the last commit that has it: git log -- {REGISTRY}); it "
                            "records every status list index handed out, so that none is used twice",
                            code=Code.STATUS_FILES)]
    lines, problems = _csv_lines(path, shown, restore, "no index may be handed out twice")
    try:
        rows = csv_cells.rows(lines)
    except csv_cells.Unreadable as exc:
        problems.append(_unreadable(shown, exc, restore))
    if problems:
        return {}, problems
    header = [cell.strip() for cell in rows[0]] if rows else []
    if "index" not in header:
        return {}, [Problem(shown, 1, "header", "has no 'index' column",
                            f"the first line must be 'index,credential,issued'; {restore}", code=Code.STATUS_FILES)]
    column, named = header.index("index"), header.index("credential") if "credential" in header else None
    entries: dict[int, str] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        value = row[column].strip() if column < len(row) else ""
        if value.isascii() and value.isdigit() and int(value) < statuslist.LIST_SIZE:
            entries[int(value)] = row[named].strip() if named is not None and named < len(row) else ""
        else:
            problems.append(Problem(shown, number, "index", f"'{value}' is not a status list index (a whole "
                                    f"number from 0 to {statuslist.LIST_SIZE - 1})", restore,
                                    code=Code.STATUS_FILES))
    return entries, problems


def registry_problems(source: Path) -> list[Problem]:
    """What `credsite check` and the build report about the registry: missing while credentials
    exist, unreadable, or damaged. Issue, revoke and reissue stop on the same problems."""
    return registry(source)[1]


def _csv_lines(path: Path, shown: str, restore: str, why: str) -> tuple[list[str], list[Problem]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(shown, None, "", f"cannot be read ({getattr(exc, 'strerror', None) or exc})",
                            restore, code=Code.STATUS_FILES)]
    markers = [n for n, line in enumerate(lines, start=1) if line.startswith(CONFLICT_MARKERS)]
    if markers:
        return [], [Problem(shown, markers[0], "", "has an unresolved git merge conflict (marker lines "
                            f"{', '.join(map(str, markers))})", f"keep the rows of both sides, since {why}, and "
                            "delete the marker lines", code=Code.STATUS_FILES)]
    return lines, []


def _unreadable(shown: str, exc: csv_cells.Unreadable, restore: str) -> Problem:
    return Problem(shown, exc.line, "", f"cannot be read as CSV ({exc})", restore, code=Code.STATUS_FILES)


def key_history(source: Path) -> tuple[dict[str, set[str]], list[Problem]]:
    """Verification method id -> every public key (publicKeyMultibase) recorded for it."""
    path, shown = source / KEY_HISTORY, str(KEY_HISTORY)
    if not path.exists():
        return {}, []
    lines, problems = _csv_lines(path, shown, restore_fix(KEY_HISTORY),
                                 "an old proof can only be checked with the key it was made with")
    history: dict[str, set[str]] = {}
    try:
        records = csv_cells.records(lines)
    except csv_cells.Unreadable as exc:
        return {}, [*problems, _unreadable(shown, exc, restore_fix(KEY_HISTORY))]
    for row in records:
        method, public = (row.get("key") or "").strip(), (row.get("public_key") or "").strip()
        if method and public:
            history.setdefault(method, set()).add(public)
    return history, problems


def read_status_list(site: Site) -> tuple[StatusList | None, list[Problem]]:
    """The list's bits and signers; None, with the problems, when the file is damaged."""
    path, shown = site.source / STATUS_LIST, str(STATUS_LIST)
    if not path.exists():
        return StatusList(statuslist.empty(), set()), []
    fix = f"{restore_fix(STATUS_LIST)}; never edit the list by hand"
    try:
        document = loads(path.read_bytes())
        bits = statuslist.decode(document["credentialSubject"]["encodedList"])
        proofs = document.get("proof") or []
    except InvalidJson as exc:
        return None, [Problem(shown, exc.lineno, "", exc.sentence, fix, code=Code.STATUS_FILES)]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, EOFError,
            zlib.error, RecursionError) as exc:
        return None, [Problem(shown, None, "", f"is not a status list credential ({type(exc).__name__}: "
                              f"{exc})", fix, code=Code.STATUS_FILES)]
    if len(bits) * 8 < statuslist.LIST_SIZE:
        return None, [Problem(shown, None, "encodedList", f"holds {len(bits) * 8} entries, not "
                              f"{statuslist.LIST_SIZE}", fix, code=Code.STATUS_FILES)]
    proofs = proofs if isinstance(proofs, list) else [proofs]
    methods = [p.get("verificationMethod") if isinstance(p, dict) else None for p in proofs]
    if not all(isinstance(m, str) and m for m in methods):
        # Not a set of strings: a list here once crashed issue and revoke ("unhashable type").
        return None, [Problem(shown, None, "proof", "has a proof without a verificationMethod id", fix,
                              code=Code.STATUS_FILES)]
    return StatusList(bits, {m for m in methods if isinstance(m, str)}, document), []


def revocation_reasons(source: Path) -> dict[str, str]:
    """Credential id -> why it was revoked. Only shown to people: the signed list decides."""
    try:
        records = csv_cells.records((source / REVOCATIONS).read_text(encoding="utf-8").splitlines())
    except (OSError, ValueError):  # unreadable, not UTF-8 or not CSV: the reasons are lost, not the bits
        return {}
    return {row["credential"]: row.get("reason") or "" for row in records if row.get("credential")}
