"""Read the signed credentials in content/issued/ into IssuedCredential values.

Each file is read as bytes (published exactly as signed) and checked for what
makes it no credential at all: not UTF-8 I-JSON (generator/strict_json.py: one key
once, Unicode text, numbers a double holds), no urn:uuid: id, a duplicate.
Whether it verifies is the build's question (generator/build/issued.py).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Mapping, Sequence

from generator.content.stamps import changed_lately
from generator.credentials import closed_world
from generator.model import IssuedCredential, Site
from generator.problems import Problem
from generator.strict_json import InvalidJson, loads

UUID = re.compile(r"urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")

# The index of content/issued/ (kept by the build, build/store.py): content/issued/<name> -> (name, STAT, sha256,
# *SUMMARY). A file whose stat is unchanged is not read again, so a build costs a stat per unchanged credential, not
# a read, a hash and a parse. What the build needs of such a credential is in its summary (summary_facts); the whole
# facts are read only when they are needed. STAT is "size:mtime_ns:inode:ctime_ns".
# An index of another format is not trusted; raise it when what is indexed, or how files are read, changes:
# facts indexed by a credsite that read credentials less strictly (before I-JSON) may come from a file with a
# duplicate key.
INDEX_FORMAT = 2
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


def summary_of(facts: dict) -> list:
    """The facts a build needs of a credential it need not check again: id, achievement, validity dates."""
    subject = facts.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    achievement_id = achievement.get("id") if isinstance(achievement, dict) else None
    return [facts.get("id"), achievement_id, facts.get("validFrom"), facts.get("validUntil")]


def summary_facts(summary: Sequence) -> dict:
    """facts_of() cut down to summary_of(): enough for the build's pages and checks of a credential whose verdict
    it remembers (IssuedCredential.whole_facts() gives the rest)."""
    identifier, achievement_id, valid_from, valid_until = summary
    facts: dict = {"id": identifier, "credentialSubject": {"achievement": {"id": achievement_id}}}
    if valid_from is not None:
        facts["validFrom"] = valid_from
    if valid_until is not None:
        facts["validUntil"] = valid_until
    return facts


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


Mapper = Callable[[Callable[[str], "Read"], list[str]], Iterable["Read"]]


def load_issued(site: Site, problems: list[Problem], paranoid: bool = False,
                mapper: Mapper | None = None, index: Mapping[str, Sequence] | None = None,
                stats: Mapping[str, str] | None = None, looked: int | None = None,
                only: Sequence[str] | None = None, defer: bool = False) -> list[IssuedCredential]:
    """Every credential file of content/issued/. `index`: the last build's index (name -> index_row), whose files
    are not read again while their stat is the same; `paranoid`: read and hash every file, trusting no index.
    `mapper` reads the files that must be read (read_file over their paths; the build spreads a cold site's
    over all cores), in order. `stats`: the build's stat of every file under content/ (manifest.content_stats,
    by path under content/), taken at `looked` (ns), so that a hundred thousand files are not looked at twice.
    `only`: read just these names of content/issued/ (a build that adds a few to what it published before: a
    duplicate among the others is then its business). `defer`: do not read the files no index knows; each is
    listed unread (IssuedCredential.unread) and its judge reads it first (a cold build, where nothing could be
    reused of a file read here: see build/issued.py)."""
    folder = site.source / "content" / "issued"
    started = time.time_ns() if looked is None else looked
    index = {} if paranoid or index is None else index
    if only is not None:
        names = sorted(only)
    else:
        names = sorted(os.listdir(folder)) if folder.is_dir() else []
    found: list[tuple[str, str, str, Sequence | None]] = []  # name, path, stamp, the index entry when unchanged
    skipped_problems: dict[str, Problem] = {}
    for name in names:
        shown = f"content/issued/{name}"
        path = os.path.join(folder, name)
        stamp = _credential_stamp(name, path, stats)
        if stamp is None:
            skipped = _not_a_credential_file(name, path)
            if skipped and skipped is not _IGNORED:
                skipped_problems[name] = Problem(shown, None, "", skipped[0], skipped[1], "warning")
            continue
        found.append((name, path, stamp, _unchanged(index.get(name), stamp)))
    to_read = [] if defer else [path for _, path, _, unchanged in found if unchanged is None]
    reads = iter((mapper or map)(read_file, to_read))
    out: list[IssuedCredential] = []
    seen: dict[str, str] = {}
    listed = iter(found)
    current = next(listed, None)
    for name in names:  # in name order, so problems come out as before
        if name in skipped_problems:
            problems.append(skipped_problems[name])
        if current is None or current[0] != name:
            continue
        _, path, stamp, unchanged = current
        current = next(listed, None)
        shown = f"content/issued/{name}"
        if unchanged is not None:
            digest, facts, hashed_now = unchanged[1], summary_facts(unchanged[2:]), False
        elif defer:
            # Its uuid, digest, facts and stat come from its judge.
            out.append(IssuedCredential(shown, None, "", "", {}, path=path, looked=started))
            continue
        else:
            read = next(reads)
            if isinstance(read, Problem):
                problems.append(Problem(shown, read.line, read.field, read.message, read.fix))
                continue
            (stamp, digest, facts), hashed_now = read, True
        # A file known from the index was not racy when it was indexed, and its stat has not changed since.
        if hashed_now and racy(stamp, started):
            stamp = ""  # not indexed: read again next time
        uid = uuid_of(facts)
        if uid is None:
            problems.append(dataclasses.replace(NO_UUID, path=shown))
            continue
        if uid in seen:
            problems.append(duplicate_problem(shown, seen[uid]))
            continue
        seen[uid] = shown
        # Not keeping the bytes or the parsed document: workers read the file themselves (see IssuedCredential).
        out.append(IssuedCredential(shown, None, uid, digest, facts, path=path, stat=stamp, hashed_now=hashed_now))
    return out


NO_UUID = Problem("", None, "id", "is not a urn:uuid: identifier", "publish only credentials made by credsite issue")


def uuid_of(facts: dict) -> str | None:
    """The uuid of a credential's urn:uuid: id; None when its id is no such identifier."""
    match = UUID.fullmatch(str(facts.get("id", "")))
    return match.group(1) if match else None


def duplicate_problem(shown: str, first: str) -> Problem:
    return Problem(shown, None, "id", f"the same credential as {first}", "remove the duplicate file")


def first_read(raw: bytes) -> tuple[dict, str] | Problem:
    """What loading checks of a credential file, for the bytes of one its judge reads first (load_issued's
    `defer`): its document and uuid, or why it is no credential (a Problem without its path)."""
    document = document_from_bytes(raw)
    if isinstance(document, Problem):
        return document
    uid = uuid_of(document)
    return NO_UUID if uid is None else (document, uid)


def _credential_stamp(name: str, path: str, stats: Mapping[str, str] | None) -> str | None:
    """The stat string of content/issued/<name> when it is a credential file to read; from `stats` when they
    have it (a size below zero: a folder, something else that is no regular file, or a broken link)."""
    known = stats.get(f"issued/{name}") if stats is not None else None
    if known is None:
        info = _credential_file(name, path)
        return stat_text(info) if info is not None else None
    if name.startswith(".") or not name.endswith(".json") or known.startswith("-"):
        return None
    return known


def _credential_file(name: str, path: str) -> os.stat_result | None:
    """The stat of content/issued/<name> when it is a credential file to read (a regular *.json file)."""
    if name.startswith(".") or not name.endswith(".json"):
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def _unchanged(entry: object, stat_now: str) -> Sequence | None:
    """The index entry (stat, sha256, *summary) of a file whose size, modification and change times and inode are as
    recorded."""
    if not (isinstance(entry, tuple) and len(entry) == 7 and entry[1] == stat_now and type(entry[2]) is str
            and entry[2]
            and type(entry[3]) is str and all(v is None or type(v) is str for v in entry[4:])):
        return None
    return entry[1:]


def racy(stamp: str, started_ns: int) -> bool:
    """A stat too close to (or after) the moment the build looked at the file to vouch for its bytes."""
    _, mtime, _, ctime = stamp.split(":")
    return changed_lately(int(mtime), int(ctime), started_ns)


def stat_text(info: os.stat_result) -> str:
    """A file's stat as the index records it."""
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ino}:{info.st_ctime_ns}"


Read = tuple[str, str, dict] | Problem


def read_file(path: str) -> Read:
    """Read and check one credential file: its stat, digest and summary facts, or its problem (without the
    path)."""
    with open(path, "rb") as handle:
        info = os.fstat(handle.fileno())
        raw = handle.read()
    document = document_from_bytes(raw)
    if isinstance(document, Problem):
        return document
    # Only the summary (the same of the document as of its facts_of): the build keeps it for every credential,
    # and the workers that judge one read it again.
    return stat_text(info), hashlib.sha256(raw).hexdigest(), summary_facts(summary_of(document))


def facts_from_bytes(raw: bytes) -> dict | Problem:
    """facts_of() a credential file's bytes, or why they are no credential (a Problem without its path)."""
    document = document_from_bytes(raw)
    return document if isinstance(document, Problem) else facts_of(document)


def document_from_bytes(raw: bytes) -> dict | Problem:
    """A credential file's JSON object, or why it is no credential (a Problem without its path)."""
    encoding = _encoding_problem(raw)
    if encoding:
        return Problem("", None, "", encoding, "restore the file exactly as credsite issue "
                       "wrote it (UTF-8 without a byte-order mark); its signature covers every byte")
    try:
        document = loads(raw)
    except InvalidJson as exc:
        return Problem("", exc.lineno, "", exc.sentence, "restore the file exactly as credsite issue wrote it")
    if not isinstance(document, dict):
        return Problem("", None, "", "is not a JSON object, so not a credential",
                       "restore the file exactly as credsite issue wrote it, or remove it")
    return document


def index_row(credential: IssuedCredential) -> tuple | None:
    """What the index records of a credential read in full: (file name, stat, sha256, id, achievement id, validFrom,
    validUntil); None when it may not be indexed (its stat is too recent to vouch for it, or a summary value is not
    a string and would not read back as itself)."""
    row = (credential.source.rpartition("/")[2], credential.stat, credential.digest, *summary_of(credential.facts))
    if not credential.stat or type(row[3]) is not str or not all(v is None or type(v) is str for v in row[4:]):
        return None
    return row
