"""Which of the site's credentials the user means: by id, UUID, badge URL or file.

Exactly these forms are accepted, character for character: urn:uuid:<UUID>, the bare
<UUID>, the badge page URL of this site (any language, with or without the final slash),
or a file that exists. A reference with whitespace or control characters around or in it
(an id copied with its line break) is refused, with the cleaned form suggested: revoking is
final, so credsite acts only on what it was given exactly.

Revoking and reissuing act on the site's own record, content/issued/<uuid>.json and
the registry, never on the file the user happened to name: a learner's download or
a copy elsewhere only says which credential is meant, by its id.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator import routes
from generator.content.status import ISSUED
from generator.model import Site
from generator.problems import Problem
from generator.strict_json import loads

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
URN = re.compile(rf"urn:uuid:({UUID.pattern})", re.IGNORECASE)
GIVE = "give the credential's id (urn:uuid:...), its UUID, its badge URL, or its file in content/issued/"
# Every form a reference may take, as --help shows them; _exact() accepts these and nothing else.
FORMS = (
    ("urn:uuid:UUID", "the credential's id"),
    ("UUID", "the last part of its badge URL"),
    ("BADGE_URL", "its badge page's URL on this site (any language; the final / may be left out)"),
    ("FILE", "its file in content/issued/, or a copy of it: only the id in it counts"),
)
# What no reference holds: control and format characters (a zero-width space, say), line and paragraph separators.
_INVISIBLE = ("Cc", "Cf", "Cs", "Zl", "Zp")


@dataclass(frozen=True)
class Target:
    credential_id: str  # urn:uuid:...
    path: Path | None  # the site's own file; None when it is gone (the registry may still know it)
    note: str = ""  # when a file outside content/issued/ named it: which file is acted on instead


@dataclass(frozen=True)
class _Named:
    """What a reference names: a credential by its UUID, or a file."""

    uuid: str = ""
    file: Path | None = None


def find_credential(site: Site, reference: str, command: str) -> tuple[Target | None, list[Problem]]:
    """The credential `reference` names; its Target has no path when content/issued/ has no file for it.

    `command` ("credsite revoke") is where a wrong reference is reported."""
    named, problem = _parse(site, reference, command)
    if problem is not None or named is None:
        return None, [problem] if problem else []
    if named.file is not None:
        if _in_issued(site, named.file):
            return Target(f"urn:uuid:{named.file.stem}", named.file), []
        return _from_copy(site, named.file, reference)
    path = site.source / ISSUED / f"{named.uuid}.json"
    return Target(f"urn:uuid:{named.uuid}", path if path.is_file() else None), []


def _parse(site: Site, reference: str, command: str) -> tuple[_Named | None, Problem | None]:
    """The exact reference, or a problem that names it (made visible) and suggests its cleaned form."""
    named = _exact(site, reference)
    if named is not None:
        return named, None
    shown = _visible(reference)
    cleaned = "".join(ch for ch in reference if unicodedata.category(ch) not in _INVISIBLE).strip()
    suggestion = next((c for c in (cleaned, "".join(cleaned.split())) if c and _exact(site, c)), "")
    if cleaned != reference or suggestion:
        return None, Problem(command, None, "ID", f"'{shown}' holds whitespace or control characters, and "
                             "credsite acts only on a reference given exactly",
                             f"did you mean '{suggestion}'?" if suggestion else GIVE)
    if reference.startswith(("http://", "https://")):
        return None, Problem(command, None, "ID", f"'{shown}' is not the badge URL of a credential of this site "
                             f"({routes.absolute(site, routes.badge('UUID'))})", GIVE)
    stem = UUID.fullmatch(Path(reference).stem)
    hint = f"; its id would be 'urn:uuid:{stem.group(0).lower()}'" if stem else ""
    what = "is no file" if stem or reference.endswith(".json") or "/" in reference else \
        "is neither an id (urn:uuid:...), a UUID, a badge URL nor a file"
    return None, Problem(command, None, "ID", f"'{shown}' {what}{hint}", GIVE)


def _exact(site: Site, reference: str) -> _Named | None:
    """What `reference` names when it is exactly one of the accepted forms; None otherwise."""
    if not reference or any(unicodedata.category(ch) in _INVISIBLE for ch in reference) \
            or reference != reference.strip():
        return None
    match = URN.fullmatch(reference) or UUID.fullmatch(reference)
    if match:
        return _Named(uuid=match.group(match.lastindex or 0).lower())
    if reference.startswith(("http://", "https://")):
        found = UUID.search(reference)
        uid = found.group(0).lower() if found else ""
        urls = {routes.absolute(site, routes.badge(uid, site, lang)) for lang in site.languages}
        return _Named(uuid=uid) if uid and reference in urls | {url.rstrip("/") for url in urls} else None
    if reference.startswith("urn:"):
        return None
    candidate = Path(reference).expanduser()
    return _Named(file=candidate) if candidate.is_file() else None


def _visible(text: str) -> str:
    """`text` with what cannot be seen escaped (\\n, \\u200b), so a message shows what was given."""
    return "".join(json.dumps(ch)[1:-1] if unicodedata.category(ch) in _INVISIBLE or (ch.isspace() and ch != " ")
                   else ch for ch in text)


def _in_issued(site: Site, path: Path) -> bool:
    return path.absolute().parent.resolve() == (site.source / ISSUED).resolve()


def _from_copy(site: Site, path: Path, reference: str) -> tuple[Target | None, list[Problem]]:
    try:
        document = loads(path.read_bytes())
    except (OSError, ValueError) as exc:  # strict_json.InvalidJson is a ValueError
        return None, [Problem(reference, None, "", f"is not a credential ({exc})", GIVE)]
    cid = document.get("id") if isinstance(document, dict) else None
    match = URN.fullmatch(cid) if isinstance(cid, str) else None
    if match is None:
        return None, [Problem(reference, None, "id", "is not a credential with a urn:uuid: id", GIVE)]
    uid = match.group(1).lower()
    own = site.source / ISSUED / f"{uid}.json"
    if not own.is_file():
        return Target(f"urn:uuid:{uid}", None), []
    note = f"{reference} is not in {ISSUED}/; acting on the site's own copy of urn:uuid:{uid}, {ISSUED}/{own.name}"
    return Target(f"urn:uuid:{uid}", own, note), []
