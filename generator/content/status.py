"""The files of content/status/ as the issuer's tools leave them: the registry of every status
index handed out, the signed revocation list, and the revocation log.

Reading them needs no key, so the build and `credsite verify` read them here; writing
them is the signing side's job (generator/issuing).
"""

from __future__ import annotations

import csv
import json
import zlib
from dataclasses import dataclass
from pathlib import Path

from generator.credentials import statuslist
from generator.model import Site
from generator.problems import Problem

STATUS = Path("content/status")
REGISTRY = STATUS / "revocation-registry.csv"  # every status index ever handed out
REVOCATIONS = STATUS / "revocations.csv"  # who was revoked, when and why
STATUS_LIST = STATUS / "revocation.json"
CONFLICT_MARKERS = ("<<<<<<<", "|||||||", "=======", ">>>>>>>")


@dataclass
class StatusList:
    bits: bytearray
    signers: set[str]  # the verification methods of its proofs; empty while there is no list yet


def registry(source: Path) -> tuple[dict[int, str], list[Problem]]:
    """Every index handed out -> the credential it went to (content/status/revocation-registry.csv).

    A damaged registry stops issuing: a lost row could hand an index out twice.
    """
    path, shown = source / REGISTRY, str(REGISTRY)
    restore = f"restore the last committed version with 'git restore {REGISTRY}' in the site's folder"
    if not path.exists():
        return {}, []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Problem(shown, None, "", f"cannot be read ({getattr(exc, 'strerror', None) or exc})",
                            restore)]
    markers = [n for n, line in enumerate(lines, start=1) if line.startswith(CONFLICT_MARKERS)]
    if markers:
        return {}, [Problem(shown, markers[0], "", "has an unresolved git merge conflict (marker lines "
                            f"{', '.join(map(str, markers))})", "keep the rows of both sides, since no "
                            "index may be handed out twice, and delete the marker lines")]
    rows = list(csv.reader(lines))
    header = [cell.strip() for cell in rows[0]] if rows else []
    if "index" not in header:
        return {}, [Problem(shown, 1, "header", "has no 'index' column",
                            f"the first line must be 'index,credential,issued'; {restore}")]
    column, named = header.index("index"), header.index("credential") if "credential" in header else None
    entries: dict[int, str] = {}
    problems: list[Problem] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        value = row[column].strip() if column < len(row) else ""
        if value.isascii() and value.isdigit() and int(value) < statuslist.LIST_SIZE:
            entries[int(value)] = row[named].strip() if named is not None and named < len(row) else ""
        else:
            problems.append(Problem(shown, number, "index", f"'{value}' is not a status list index (a whole "
                                    f"number from 0 to {statuslist.LIST_SIZE - 1})", restore))
    return entries, problems


def read_status_list(site: Site) -> tuple[StatusList | None, list[Problem]]:
    path, shown = site.source / STATUS_LIST, str(STATUS_LIST)
    if not path.exists():
        return StatusList(statuslist.empty(), set()), []
    fix = (f"restore the last committed version with 'git restore {STATUS_LIST}' in the site's folder; "
           "never edit the list by hand")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        bits = statuslist.decode(document["credentialSubject"]["encodedList"])
        proofs = document.get("proof") or []
    except json.JSONDecodeError as exc:
        return None, [Problem(shown, exc.lineno, "", f"is not valid JSON ({exc.msg}, column {exc.colno})",
                              fix)]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, EOFError,
            zlib.error) as exc:
        return None, [Problem(shown, None, "", f"is not a status list credential ({type(exc).__name__}: "
                              f"{exc})", fix)]
    if len(bits) * 8 < statuslist.LIST_SIZE:
        return None, [Problem(shown, None, "encodedList", f"holds {len(bits) * 8} entries, not "
                              f"{statuslist.LIST_SIZE}", fix)]
    proofs = proofs if isinstance(proofs, list) else [proofs]
    return StatusList(bits, {p.get("verificationMethod") for p in proofs if isinstance(p, dict)}), []


def revocation_reasons(source: Path) -> dict[str, str]:
    log = source / REVOCATIONS
    if not log.exists():
        return {}
    return {row["credential"]: row["reason"]
            for row in csv.DictReader(log.read_text(encoding="utf-8").splitlines())}
