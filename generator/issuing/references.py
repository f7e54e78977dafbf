"""Which of the site's credentials the user means: by id, UUID, badge URL or file.

Revoking and reissuing act on the site's own record, content/issued/<uuid>.json and
the registry, never on the file the user happened to name: a learner's download or
a copy elsewhere only says which credential is meant, by its id.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from generator.content.status import ISSUED
from generator.model import Site
from generator.problems import Problem

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
GIVE = "give the credential's id (urn:uuid:...), its UUID, its badge URL, or its file in content/issued/"


@dataclass(frozen=True)
class Target:
    credential_id: str  # urn:uuid:...
    path: Path | None  # the site's own file; None when it is gone (the registry may still know it)
    note: str = ""  # when a file outside content/issued/ named it: which file is acted on instead


def find_credential(site: Site, reference: str) -> tuple[Target | None, list[Problem]]:
    """The credential `reference` names; (None, []) when the site has no such credential file."""
    candidate = Path(reference).expanduser()
    if not reference.startswith(("urn:", "http://", "https://")) and candidate.is_file():
        if _in_issued(site, candidate):
            return Target(f"urn:uuid:{candidate.stem}", candidate), []
        return _from_copy(site, candidate, reference)
    uid = reference_uuid(reference)
    path = site.source / ISSUED / f"{uid}.json" if uid else None
    if path is None or not path.is_file():
        return None, []
    return Target(f"urn:uuid:{uid}", path), []


def reference_uuid(reference: str) -> str | None:
    """The UUID in urn:uuid:..., a bare UUID, a badge URL or a file name; the last one, lower-cased."""
    found = UUID.findall(reference)
    return found[-1].lower() if found else None


def _in_issued(site: Site, path: Path) -> bool:
    return path.absolute().parent.resolve() == (site.source / ISSUED).resolve()


def _from_copy(site: Site, path: Path, reference: str) -> tuple[Target | None, list[Problem]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        return None, [Problem(reference, None, "", f"is not a credential ({exc})", GIVE)]
    cid = document.get("id") if isinstance(document, dict) else None
    uid = reference_uuid(cid) if isinstance(cid, str) and cid.startswith("urn:uuid:") else None
    if uid is None:
        return None, [Problem(reference, None, "id", "is not a credential with a urn:uuid: id", GIVE)]
    own = site.source / ISSUED / f"{uid}.json"
    if not own.is_file():
        return Target(f"urn:uuid:{uid}", None), []
    note = f"{reference} is not in {ISSUED}/; acting on the site's own copy of urn:uuid:{uid}, {ISSUED}/{own.name}"
    return Target(f"urn:uuid:{uid}", own, note), []
