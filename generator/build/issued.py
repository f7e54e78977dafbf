"""Decide which of the credentials in content/issued/ the build may publish.

Every credential is verified against the site's own DID document before it
is published. Checking a proof is the expensive part of a build, so results
are cached by content hash and spread over all cores.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from generator import routes
from generator.build.pool import worker_pool
from generator.content.issued import FACTS_FILE, read_cache
from generator.content.status import revocation_reasons
from generator.credentials import closed_world
from generator.credentials.did import KeyResolver, did_document
from generator.credentials.findings import Finding, Reason, messages
from generator.credentials.verification import signature_findings, state_findings, status_lookup_from_files
from generator.model import CourseFamily, IssuedCredential, Published, Site
from generator.problems import Code, Problem
from generator.site import outputs

CACHE_FILE = ".credsite-cache/verified.json"
PARALLEL_FROM = 9  # below this many credentials a worker pool costs more than it saves


def _check(args: tuple[bytes, dict]) -> tuple[Finding, ...]:
    raw, did_doc = args
    return signature_findings(json.loads(raw), KeyResolver(did_doc))


def _save_cache(path: Path, cache: dict) -> None:
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # concurrent builds each own one
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(cache, sort_keys=True), encoding="utf-8")
        os.replace(temp, path)
    except OSError:
        temp.unlink(missing_ok=True)  # a cache that cannot be written only costs time


def signature_problems(site: Site, credentials: list[IssuedCredential], workers: int | None = None,
                       save: bool = True, progress=None) -> dict[str, tuple[Finding, ...]]:
    """digest -> problems (empty when sound), from the cache or checked on all cores."""
    did_doc = did_document(site)
    # A changed key list changes every answer, so it is part of the key.
    did_hash = hashlib.sha256(json.dumps(did_doc, sort_keys=True).encode()).hexdigest()[:16]
    cache_path = site.source / CACHE_FILE
    cache = read_cache(cache_path)
    results: dict[str, tuple[Finding, ...]] = {}
    todo = []
    for cred in credentials:
        entry = cache.get(f"{did_hash}:{cred.digest}")
        # Entries of an older cache (plain messages) read as None: checked again.
        cached = [Finding.from_json(f) for f in entry] if isinstance(entry, list) else None
        if cached is not None and None not in cached:
            results[cred.digest] = tuple(f for f in cached if f is not None)
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
        for cred, answer in zip(todo, answers, strict=True):
            results[cred.digest] = answer
            cache[f"{did_hash}:{cred.digest}"] = [f.to_json() for f in answer]
        if save:
            _save_cache(cache_path, cache)
    return results


def _fix_for(found: list[Finding], site: Site) -> str:
    """What to do about a credential that cannot be published, from the first thing wrong with it."""
    first = found[0]
    if first.code is Reason.WRONG_ISSUER:
        return ("it was signed for another address: build with the base_url it was issued under "
                "(a --base-url preview cannot verify credentials; add --skip-invalid there), "
                "or re-issue it with credsite issue")
    unknown_key = next((f.subject.partition("#")[2] for f in found if f.code is Reason.UNKNOWN_KEY), "")
    if unknown_key:
        return (f"the key '{unknown_key}' it was signed with is no longer listed in content/site.yaml: if it was "
                "removed by mistake or in a routine key change, put it back under keys: with status: retired (a "
                "retired key still verifies what it signed); if it leaked, keep it out and sign everything again "
                "with the new active key: credsite reissue --all --key NEW_KEY_FILE (docs/issuing.md, 'A key that "
                "leaked')")
    if first.code is Reason.CONTEXT:
        return closed_world.REISSUE_FIX
    if first.code is Reason.ACHIEVEMENT:
        return ("publish that course version again: keep its text as content/courses/archive/<course>/"
                "<version>.md, or set the course back to status: published (docs/course-format.md)")
    if first.code in (Reason.STATUS_UNAVAILABLE, Reason.STATUS_INVALID) and first.subject.startswith(site.base_url):
        name = "content/" + first.subject[len(site.base_url):]
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
    # What a verifier can fetch from this site: the files the build publishes besides the badges.
    publishes = outputs.publishes(site, outputs.table(site, families, (), outputs.status_lists_in(site.source)))
    # Only lists the build publishes count: a verifier in the world sees no other.
    lookup = status_lookup_from_files(
        base, site.source / "content",
        lambda url: url[len(base):] if publishes(url) and url.startswith(base + routes.status_folder()) else None,
        resolver, now)
    reasons = revocation_reasons(site.source)
    published: list[Published] = []
    severity = "warning" if skip_invalid else "error"
    others = "" if skip_invalid else " (credsite build --skip-invalid publishes the others)"
    for cred in credentials:
        found = list(signatures[cred.digest])
        achievement = (cred.facts.get("credentialSubject") or {}).get("achievement") or {}
        achievement_id = achievement.get("id") if isinstance(achievement, dict) else None
        course = versions.get(achievement_id) if isinstance(achievement_id, str) else None
        if not found and course is None:
            found.append(Finding(Reason.ACHIEVEMENT, f"its achievement {achievement_id} is not a published course "
                                 "version of this site", achievement_id or ""))
        if not found:
            found += closed_world.url_findings(cred.facts["contexts"], map(tuple, cred.facts["links"]), publishes,
                                               signed=True)
        verdict, state = (None, ()) if found else state_findings(cred.facts, lookup, now)
        if verdict is not None and verdict.status == "invalid":
            found = list(state)
        if found or verdict is None or course is None:
            shown = "; ".join(messages(found[:3])) + (f"; and {len(found) - 3} more" if len(found) > 3 else "")
            problems.append(Problem(cred.source, None, "", f"NOT PUBLISHED: {shown}",
                                    _fix_for(found, site) + others, severity, Code.NOT_PUBLISHED))
            continue
        published.append(Published(cred, verdict, course, reasons.get(cred.facts["id"], ""), now.date()))
    if save_cache:
        _save_cache(site.source / FACTS_FILE, {c.digest: c.facts for c in credentials})
    return published, problems
