"""Read the signed credentials in content/issued/ into IssuedCredential values.

Each file is read as bytes (published exactly as signed) and checked for what
makes it no credential at all: not UTF-8 I-JSON (generator/strict_json.py: one key
once, Unicode text, numbers a double holds), no urn:uuid: id, a duplicate.
Whether it verifies is the build's question (generator/build/issued.py).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from generator.credentials import closed_world
from generator.model import IssuedCredential, Site
from generator.problems import Problem
from generator.strict_json import InvalidJson, loads

UUID = re.compile(r"urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")

FACTS_FILE = ".credsite-cache/facts.json"
# Facts cached by a credsite that read credentials less strictly (before I-JSON) are not
# trusted: the file they came from may hold a duplicate key. Raise it when the reading changes.
FACTS_FORMAT = 3  # 3: the achievement's type and achievementType, which the build compares with its course


def facts_of(document: dict) -> dict:
    """The few fields a build needs of an unchanged credential, so it need not parse it again."""
    subject = document.get("credentialSubject")
    subject = subject if isinstance(subject, dict) else {}
    achievement = subject.get("achievement")
    achievement = achievement if isinstance(achievement, dict) else {}
    keep = ("id", "validFrom", "validUntil", "awardedDate", "credentialStatus")
    return {**{k: document[k] for k in keep if k in document}, "format": FACTS_FORMAT,
            "credentialSubject": {"achievement": {"id": achievement.get("id"), "type": achievement.get("type"),
                                                  "achievementType": achievement.get("achievementType")}},
            # What a verifier must load besides the DID document (see closed_world).
            "contexts": list(dict.fromkeys(closed_world.context_urls(document))),
            "links": [list(link) for link in closed_world.links(document)]}


_IGNORED = ("", "")


def _not_a_credential_file(name: str, path: str) -> tuple[str, str] | None:
    """Why content/issued/<name> is skipped (message, fix), _IGNORED for files that are clearly
    not meant as credentials, None for a credential file to read."""
    if name.startswith("."):
        return _IGNORED  # .gitkeep, editor swap files
    if not name.endswith(".json"):
        if name.lower().endswith(".json"):
            return ("is skipped: only names ending in lower-case .json are read",
                    f"rename it to {name[:-5]}.json")
        if os.path.isdir(path):
            return ("is a folder; credentials in subfolders are not published",
                    "move the credential files into content/issued/ itself")
        return _IGNORED
    if os.path.isfile(path):
        return None
    if os.path.isdir(path):
        return ("is a folder, not a credential file", "move what it holds into content/issued/ and remove it")
    if os.path.lexists(path) and not os.path.exists(path):
        return ("is a broken link", "remove it or point it at the credential file")
    return ("is not a regular file", "replace it with the credential file itself")


def _encoding_problem(raw: bytes) -> str | None:
    """Credential files are UTF-8 without a BOM: what credsite issue writes and verifiers read."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return "starts with a byte-order mark (BOM), which JSON verifiers reject"
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(raw) > 1 and (raw[0] == 0 or raw[1] == 0)):
        return "is UTF-16 or UTF-32 text, not UTF-8"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"is not UTF-8 text (byte {exc.start} cannot be decoded)"
    return None


def load_issued(site: Site, problems: list[Problem]) -> list[IssuedCredential]:
    folder = site.source / "content" / "issued"
    out: list[IssuedCredential] = []
    seen: dict[str, str] = {}
    known = read_cache(site.source / FACTS_FILE)
    names = sorted(os.listdir(folder)) if folder.is_dir() else []
    for name in names:
        shown = f"content/issued/{name}"
        path = os.path.join(folder, name)
        skipped = _not_a_credential_file(name, path)
        if skipped:
            if skipped is not _IGNORED:
                problems.append(Problem(shown, None, "", skipped[0], skipped[1], "warning"))
            continue
        with open(path, "rb") as handle:
            raw = handle.read()
        encoding = _encoding_problem(raw)
        if encoding:
            problems.append(Problem(shown, None, "", encoding, "restore the file exactly as credsite issue "
                                    "wrote it (UTF-8 without a byte-order mark); its signature covers every byte"))
            continue
        digest = hashlib.sha256(raw).hexdigest()
        facts = _cached_facts(known.get(digest))
        if facts is None:
            try:
                document = loads(raw)
            except InvalidJson as exc:
                problems.append(Problem(shown, exc.lineno, "", exc.sentence,
                                        "restore the file exactly as credsite issue wrote it"))
                continue
            if not isinstance(document, dict):
                problems.append(Problem(shown, None, "", "is not a JSON object, so not a credential",
                                        "restore the file exactly as credsite issue wrote it, or remove it"))
                continue
            facts = facts_of(document)
        match = UUID.fullmatch(str(facts.get("id", "")))
        if not match:
            problems.append(Problem(shown, None, "id", "is not a urn:uuid: identifier",
                                    "publish only credentials made by credsite issue"))
            continue
        uid = match.group(1)
        if uid in seen:
            problems.append(Problem(shown, None, "id", f"the same credential as {seen[uid]}",
                                    "remove the duplicate file"))
            continue
        seen[uid] = shown
        # Not keeping `document`: workers parse the raw bytes themselves, and a
        # parsed copy of every credential would be pickled to them for nothing.
        out.append(IssuedCredential(shown, raw, uid, digest, facts))
    return out


def _cached_facts(entry: object) -> dict | None:
    """Cached facts the build can use as they are; None for anything else (absent, older, damaged)."""
    if not (isinstance(entry, dict) and entry.get("format") == FACTS_FORMAT):
        return None
    subject = entry.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    contexts, links = entry.get("contexts"), entry.get("links")
    sound = (isinstance(achievement, dict) and isinstance(achievement.get("id"), (str, type(None)))
             and isinstance(contexts, list) and all(isinstance(url, str) for url in contexts)
             and isinstance(links, list) and all(isinstance(link, list) and len(link) == 2
                                                 and all(isinstance(part, str) for part in link) for link in links))
    return entry if sound else None


def read_cache(path: Path) -> dict:
    """A JSON object kept in .credsite-cache/; empty when absent or damaged (a cache only saves time)."""
    try:
        data = loads(path.read_bytes())
    except (OSError, ValueError):  # InvalidJson is a ValueError
        return {}
    return data if isinstance(data, dict) else {}
