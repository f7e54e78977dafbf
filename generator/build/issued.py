"""Read the signed credentials in content/issued/ and decide which the build may publish.

Every credential is verified against the site's own DID document before it
is published. Checking a proof is the expensive part of a build, so results
are cached by content hash and spread over all cores.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator.credentials import closed_world, statuslist
from generator import routes
from generator.credentials.did import KeyResolver, did_document
from generator.issuing.issue import revocation_reasons
from generator.model import Course, CourseFamily, Site
from generator.build.pool import worker_pool
from generator.problems import Problem
from generator.credentials.verification import Verdict, check_signature, check_state, status_lookup_from_files

CACHE_FILE = ".credsite-cache/verified.json"
PARALLEL_FROM = 9  # below this many credentials a worker pool costs more than it saves
UUID = re.compile(r"urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")


FACTS_FILE = ".credsite-cache/facts.json"


def facts_of(document: dict) -> dict:
    """The few fields a build needs of an unchanged credential, so it need not parse it again."""
    subject = document.get("credentialSubject") if isinstance(document.get("credentialSubject"), dict) else {}
    achievement = subject.get("achievement") if isinstance(subject.get("achievement"), dict) else {}
    keep = ("id", "validFrom", "validUntil", "awardedDate", "credentialStatus")
    return {**{k: document[k] for k in keep if k in document},
            "credentialSubject": {"achievement": {"id": achievement.get("id")}},
            # What a verifier must load besides the DID document (see closed_world).
            "contexts": list(dict.fromkeys(closed_world.context_urls(document))),
            "links": [list(link) for link in closed_world.links(document)]}


@dataclass
class IssuedCredential:
    source: str  # e.g. content/issued/<uuid>.json
    raw: bytes  # published exactly as signed
    uuid: str
    digest: str  # sha256 of raw
    facts: dict  # see facts_of()
    parsed: dict | None = None

    @property
    def document(self) -> dict:
        """The whole credential, parsed when first needed (pages, proofs)."""
        if self.parsed is None:
            self.parsed = json.loads(self.raw)
        return self.parsed


@dataclass(frozen=True)
class Published:
    credential: IssuedCredential
    verdict: Verdict  # valid, revoked, expired or not yet valid
    course: Course
    reason: str = ""  # why it was revoked, from content/status/revocations.csv
    checked_on: dt.date | None = None  # the day (UTC) the build judged its status; badge pages show it


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
    known = _load_cache(site.source / FACTS_FILE)
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
        facts, document = known.get(digest), None
        if not isinstance(facts, dict) or "links" not in facts:  # absent, or cached by an older credsite
            try:
                document = json.loads(raw)
            except (UnicodeDecodeError, ValueError, RecursionError) as exc:
                reason = "it is nested too deeply" if isinstance(exc, RecursionError) else str(exc)
                problems.append(Problem(shown, None, "", f"is not valid JSON ({reason})",
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


def _check(args: tuple[bytes, dict]) -> tuple[str, ...]:
    raw, did_doc = args
    return check_signature(json.loads(raw), KeyResolver(did_doc))


def _load_cache(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}  # a damaged cache only costs time


def _save_cache(path: Path, cache: dict) -> None:
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # concurrent builds each own one
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(cache, sort_keys=True), encoding="utf-8")
        os.replace(temp, path)
    except OSError:
        temp.unlink(missing_ok=True)  # a cache that cannot be written only costs time


def signature_problems(site: Site, credentials: list[IssuedCredential], workers: int | None = None,
                       save: bool = True, progress=None) -> dict[str, tuple[str, ...]]:
    """digest -> problems (empty when sound), from the cache or checked on all cores."""
    did_doc = did_document(site)
    # A changed key list changes every answer, so it is part of the key.
    did_hash = hashlib.sha256(json.dumps(did_doc, sort_keys=True).encode()).hexdigest()[:16]
    cache_path = site.source / CACHE_FILE
    cache = _load_cache(cache_path)
    results: dict[str, tuple[str, ...]] = {}
    todo = []
    for cred in credentials:
        key = f"{did_hash}:{cred.digest}"
        if isinstance(cache.get(key), list) and all(isinstance(p, str) for p in cache[key]):
            results[cred.digest] = tuple(cache[key])
        else:
            todo.append(cred)
    if progress:
        progress(f"verifying {len(todo)} credential(s) ({len(credentials) - len(todo)} unchanged, "
                 "verified before)")
    if todo:
        workers = workers or os.cpu_count() or 1
        jobs = [(c.raw, did_doc) for c in todo]
        if workers > 1 and len(todo) >= PARALLEL_FROM:
            with worker_pool(workers) as pool:
                # About half a second of work per task, so neither worker idles long at the end.
                answers = list(pool.map(_check, jobs, chunksize=max(1, min(150, len(jobs) // (workers * 8)))))
        else:
            answers = [_check(job) for job in jobs]
        for cred, answer in zip(todo, answers):
            results[cred.digest] = answer
            cache[f"{did_hash}:{cred.digest}"] = list(answer)
        if save:
            _save_cache(cache_path, cache)
    return results


def _fix_for(found: list[str], site: Site) -> str:
    """What to do about a credential that cannot be published, from the first thing wrong with it."""
    first = found[0]
    if "is not this site's issuer" in first:
        return ("it was signed for another address: build with the base_url it was issued under "
                "(a --base-url preview cannot verify credentials; add --skip-invalid there), "
                "or re-issue it with credsite issue")
    unknown_key = next((re.search(r"unknown verification method \S*#(\S+)", p) for p in found
                        if "unknown verification method" in p), None)
    if unknown_key:
        return (f"the key '{unknown_key.group(1)}' it was signed with is no longer listed: put it back under "
                "keys: in content/site.yaml with status: retired (a retired key still verifies what it signed)")
    if first.startswith("@context:"):
        return closed_world.REISSUE_FIX
    if "is not a published course version" in first:
        return ("publish that course version again: keep its text as content/courses/archive/<course>/"
                "<version>.md, or set the course back to status: published (docs/course-format.md)")
    status = re.search(r"status list (\S+) (?:is not|does not)", first)
    if status and status.group(1).startswith(site.base_url):
        name = "content/" + status.group(1)[len(site.base_url):]
        return f"restore {name} as credsite issue and credsite revoke left it (e.g. git checkout -- {name})"
    return "re-issue it with credsite issue, or remove the file"


def verify_issued(site: Site, credentials: list[IssuedCredential], families: list[CourseFamily],
                  now: dt.datetime, skip_invalid: bool = False, save_cache: bool = True,
                  progress=None) -> tuple[list[Published], list[Problem]]:
    problems: list[Problem] = []
    if credentials and not site.keys:
        return [], [Problem("content/site.yaml", None, "keys", "no public keys, so no credential can be "
                            "verified", "list the issuer's keys (see docs/issuing.md)")]
    versions = {routes.absolute(site, routes.achievement(c)): c for f in families for c in f.versions}
    signatures = signature_problems(site, credentials, save=save_cache, progress=progress)
    resolver = KeyResolver(did_document(site))
    base = site.base_url
    status_lists = [name for name in statuslist.PURPOSES if (site.source / "content" / "status" / f"{name}.json").is_file()]
    publishes = closed_world.verifiable_urls(site, families, status_lists)
    # Only lists the build publishes count: a verifier in the world sees no other.
    lookup = status_lookup_from_files(
        base, site.source / "content",
        lambda url: url[len(base):] if publishes(url) and url.startswith(base + "status/") else None,
        resolver, now)
    reasons = revocation_reasons(site.source)
    published: list[Published] = []
    severity = "warning" if skip_invalid else "error"
    others = "" if skip_invalid else " (credsite build --skip-invalid publishes the others)"
    for cred in credentials:
        found = list(signatures[cred.digest])
        achievement = (cred.facts.get("credentialSubject") or {}).get("achievement") or {}
        course = versions.get(achievement.get("id")) if isinstance(achievement, dict) else None
        if not found and course is None:
            found.append(f"its achievement {achievement.get('id')} is not a published course version of "
                         "this site")
        if not found:
            found += closed_world.url_problems(cred.facts["contexts"], map(tuple, cred.facts["links"]), publishes)
        verdict = None if found else check_state(cred.facts, lookup, now)
        if verdict is not None and verdict.status == "invalid":
            found, verdict = list(verdict.problems), None
        if found:
            shown = "; ".join(found[:3]) + (f"; and {len(found) - 3} more" if len(found) > 3 else "")
            problems.append(Problem(cred.source, None, "", f"NOT PUBLISHED: {shown}",
                                    _fix_for(found, site) + others, severity))
            continue
        published.append(Published(cred, verdict, course, reasons.get(cred.facts["id"], ""), now.date()))
    if save_cache:
        _save_cache(site.source / FACTS_FILE, {c.digest: c.facts for c in credentials})
    return published, problems
