"""Decide which of the credentials in content/issued/ the build may publish.

Every credential is verified against the site's own DID document before it
is published. Checking a proof is the expensive part of a build, so results
are cached by content hash and spread over all cores.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from generator import routes
from generator.build.identity import code_digest
from generator.build.pool import worker_pool
from generator.build.store import Store
from generator.content.config import SITE_FILE
from generator.content.issued import (
    INDEX_FORMAT,
    duplicate_problem,
    facts_from_bytes,
    facts_of,
    first_read,
    index_row,
    racy,
    stat_text,
    summary_facts,
    summary_of,
)
from generator.content.reader import dotted
from generator.content.status import revocation_reasons
from generator.content.yamlsource import KeyPath, YamlError, parse
from generator.credentials import closed_world
from generator.credentials.did import KeyResolver, did_document
from generator.credentials.findings import Finding, Reason, messages
from generator.credentials.status_check import StatusLookup
from generator.credentials.verification import signature_findings, state_findings, status_lookup_from_files
from generator.model import (
    Award,
    CourseFamily,
    CredentialChanged,
    IssuedCredential,
    Pathway,
    Published,
    Site,
    Verdict,
)
from generator.problems import Code, Problem
from generator.site import documents, outputs
from generator.strict_json import loads

PARALLEL_FROM = 9  # below this many credentials a worker pool costs more than it saves
SHOWN = 3  # credential files a root-cause problem names before "and N more"


def _texts(value: object) -> list | None:
    """A list kept in a cache column: "" for none, else its strict JSON; None when it is neither (damaged)."""
    if value == "":
        return []
    try:
        found = loads(value.encode()) if isinstance(value, str) else None
    except ValueError:  # strict_json.InvalidJson: a duplicate key is damage too
        return None
    return found if isinstance(found, list) else None


def _text(values: list) -> str:
    return json.dumps(values, ensure_ascii=False) if values else ""


@dataclass(frozen=True)
class Judge:
    """What every verdict of one build is made against. Made once by the parent; forked workers inherit it."""

    did_doc: dict
    versions: dict[str, Award]  # achievement URL -> the course version or pathway it names
    publishes: closed_world.Publishes  # what a verifier can fetch from this site, besides the badges
    lookup: StatusLookup
    now: dt.datetime


@dataclass(frozen=True)
class Judged:
    """One credential, judged from the bytes its file holds now."""

    digest: str  # of those bytes: the index's may be out of date
    summary: list  # content.issued.summary_of their facts
    signature: tuple[Finding, ...]  # the proof's findings, kept in the store's signatures by digest
    found: tuple[Finding, ...]  # why it may not be published (the signature's findings among them)
    verdict: Verdict | None  # None when something was found
    # Of a file its judge read first (IssuedCredential.unread): the stat of the bytes judged, and why they are no
    # credential at all (what loading would have said, without the path; then nothing else was judged).
    stat: str = ""
    unloadable: Problem | None = None
    uuid: str = ""  # of a file its judge read first: the uuid of its urn:uuid: id, as first_read found it


def judge(j: Judge, cred: IssuedCredential, signature: tuple[Finding, ...] | None,
          links_seen: dict[tuple, list[Finding]], keep: bool = False) -> Judged | None:
    """Read, check and judge one credential; None when its file changed since the build read it.

    Runs in the workers, which read the file themselves: the parent holds only a summary of each credential (a
    hundred thousand of them), never its bytes or whole document. `signature`: the proof's findings for these
    bytes when an earlier build checked them (the store's signatures). `keep`: leave the bytes and the document
    on `cred` (a worker's own copy), for rendering its pages next. A credential listed unread (a cold build) is
    read here first, and checked for what loading checks."""
    if cred.unread:
        return _judge_first_read(j, cred, links_seen, keep)
    if cred.stored is not None:
        raw, digest = cred.stored, cred.digest
    else:
        try:
            with open(cred.path, "rb") as handle:
                raw = handle.read()
        except OSError:
            return None
        digest = hashlib.sha256(raw).hexdigest()
    if digest != cred.digest:
        # Read by this build with other bytes: changed since. Known from the index only: the index was wrong
        # (damaged) or the file changed since its stat; the file as it is now is judged, if it is a credential.
        if cred.hashed_now or isinstance(facts_from_bytes(raw), Problem):
            return None
        signature = None
    document = json.loads(raw)  # loading read these very bytes as I-JSON
    return _judged(j, cred, raw, digest, document, signature, links_seen, keep)


def read_ahead(creds: Iterable[IssuedCredential]) -> None:
    """Have the system start reading, all at once, the files of `creds` that judging them will read.

    A worker reads a batch's files one after the other; where they are not in the page cache (a laptop's first
    build of the day, a machine that reclaims idle cache), each read waited for the disk: 0.25 ms a file here,
    a tenth of a cold build at 100,000 credentials. Told of the whole batch first, the disk serves it at once
    (0.05 ms a file); where the files are cached this costs an open and a close each. Advice only: a file that
    cannot be opened here is reported where it is read, as before.
    """
    advise = getattr(os, "posix_fadvise", None)  # not on macOS or Windows
    if advise is None:
        return
    for cred in creds:
        if cred.stored is not None:
            continue
        try:
            # Non-blocking: a FIFO among the credentials must not hang here (reading it is refused later).
            handle = os.open(cred.path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            advise(handle, 0, 0, os.POSIX_FADV_WILLNEED)
        except OSError:
            pass
        finally:
            os.close(handle)


def _judge_first_read(j: Judge, cred: IssuedCredential, links_seen: dict[tuple, list[Finding]],
                      keep: bool) -> Judged | None:
    """Judge a credential no stage read before: first what loading checks of a file (see first_read)."""
    try:
        with open(cred.path, "rb") as handle:
            stat = stat_text(os.fstat(handle.fileno()))
            raw = handle.read()
    except OSError:
        return None
    digest = hashlib.sha256(raw).hexdigest()
    read = first_read(raw)
    if isinstance(read, Problem):
        return Judged(digest, summary=[], signature=(), found=(), verdict=None, stat=stat, unloadable=read)
    return _judged(j, cred, raw, digest, read[0], None, links_seen, keep, stat, uuid=read[1])


def _judged(j: Judge, cred: IssuedCredential, raw: bytes, digest: str, document: dict,
            signature: tuple[Finding, ...] | None, links_seen: dict[tuple, list[Finding]], keep: bool,
            stat: str = "", uuid: str = "") -> Judged:
    if keep:
        cred.stored, cred.parsed = raw, document
    facts = facts_of(document)
    if signature is None:
        signature = signature_findings(document, KeyResolver(j.did_doc))
    found = list(signature)
    achievement = (facts.get("credentialSubject") or {}).get("achievement") or {}
    achievement_id = achievement.get("id") if isinstance(achievement, dict) else None
    course = j.versions.get(achievement_id) if isinstance(achievement_id, str) else None
    if not found and course is None:
        found.append(Finding(Reason.ACHIEVEMENT, f"its achievement {achievement_id} is not a published course "
                             "version of this site", achievement_id or ""))
    if not found and course is not None:
        claim = documents.claim_problem(course, achievement)
        if claim:
            found.append(Finding(Reason.CLAIM, f"{closed_world.ACHIEVEMENT_FIELD}: {claim}", course.source))
    if not found:
        found += _links_findings(facts, j.publishes, links_seen)
    verdict, state = (None, ()) if found else state_findings(facts, j.lookup, j.now)
    if verdict is not None and verdict.status == "invalid":
        found, verdict = list(state), None
    return Judged(digest, summary_of(facts), signature, tuple(found), None if found else verdict, stat,
                  uuid=uuid)


# The judge of a worker process, set by the pool's initializer, with the links it has worked out.
_worker: tuple[Judge, dict[tuple, list[Finding]]] | None = None


def _init_worker(j: Judge) -> None:
    global _worker
    _worker = (j, {})


def _pool_judge(args: tuple[IssuedCredential, tuple[Finding, ...] | None]) -> Judged | None:
    if _worker is None:
        raise RuntimeError("a verifying worker was used before its initializer ran")
    return judge(_worker[0], args[0], args[1], _worker[1])


def judge_all(j: Judge, todo: Sequence[Todo], workers: int | None = None) -> list[Judged | None]:
    """Each credential judged (in order), on all cores; None for one whose file changed meanwhile."""
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(todo) >= PARALLEL_FROM:
        with worker_pool(workers, _init_worker, (j,)) as pool:
            # About half a second of work per task, so neither worker idles long at the end.
            return list(pool.map(_pool_judge, todo, chunksize=max(1, min(150, len(todo) // (workers * 8)))))
    links_seen: dict[tuple, list[Finding]] = {}
    return [judge(j, cred, cached, links_seen) for cred, cached in todo]


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
                "with the new active key: credsite reissue --all --key NEW_KEY_FILE (see: credsite docs issuing "
                "'A key that leaked')")
    if first.code is Reason.CONTEXT:
        return closed_world.REISSUE_FIX
    if first.code is Reason.CLAIM:
        return (f"a credential says what its course is; if {first.subject} changed its kind, put the kind back, or "
                "publish the other kind as a new course (see: credsite docs course-format), then reissue or revoke it")
    if first.code is Reason.ACHIEVEMENT:
        return ("publish that course version again: keep its text as content/courses/archive/<course>/"
                "<version>.md, or set the course back to status: published (see: credsite docs course-format)")
    if first.code in (Reason.STATUS_UNAVAILABLE, Reason.STATUS_INVALID) and first.subject.startswith(site.base_url):
        name = "content/" + first.subject[len(site.base_url):]
        return f"restore {name} as credsite issue and credsite revoke left it (e.g. git checkout -- {name})"
    return "re-issue it with credsite issue, or remove the file"


Todo = tuple[IssuedCredential, tuple[Finding, ...] | None]  # to judge, with its proof's findings when known


def verify_issued(site: Site, credentials: list[IssuedCredential], families: list[CourseFamily],
                  now: dt.datetime, skip_invalid: bool = False, save_cache: bool = True,
                  progress=None, preview: bool = False,
                  pathways: Sequence[Pathway] = (),
                  store: Store | None = None, proofs: Store | None = None) -> tuple[list[Published], list[Problem]]:
    """The credentials that may be published, and a problem for the others. `preview`: the base URL
    came from --base-url, not from content/site.yaml. `store`: the build's caches (none: check everything).
    `proofs`: where the proofs checked are kept when `store` is not given (a build that judges only the
    credentials it adds keeps them for the next whole build, and no other cache).

    A credential published by the last build keeps its verdict when nothing it was judged on changed (Memo); the
    others are judged in full (Verifying). A whole build judges most of those while rendering (units.py)."""
    verifying = Verifying.start(site, credentials, families, now, pathways, store, proofs, progress)
    answers = judge_all(verifying.judge, verifying.todo) if verifying.judge is not None else []
    return verifying.finish(answers, skip_invalid, save_cache, preview)


@dataclass
class Verifying:
    """One build's verification between deciding what must be judged and concluding from the judgements, which
    may be made elsewhere meanwhile (a whole build's render workers judge what they then render).

    A credential published by the last build keeps its verdict when nothing it was judged on changed: its bytes,
    its course version, and what every verdict depends on (the keys, the status lists, the revocation reasons,
    what the site publishes, credsite's own checking code), with no validity date passed since (`Memo`)."""

    site: Site
    credentials: list[IssuedCredential]
    now: dt.datetime
    versions: dict[str, Award]  # achievement URL -> the course version or pathway it names
    award_keys: dict[str, str]  # achievement URL -> _award_key
    reasons: dict[str, str]  # credential id -> why it was revoked
    memo: Memo
    did_hash: str  # of the DID document: part of the key of each proof's findings in the store
    kept: list[Published]  # those whose verdict the memo gave
    todo: list[Todo]  # the others, to judge
    judge: Judge | None  # None when there is nothing to judge
    store: Store | None
    proofs: Store | None
    refusal: list[Problem]  # why none can be published (no keys)
    # What loading would have stopped the build at, of the files it left unread (set by finish).
    unloadable: list[Problem] = field(default_factory=list)

    @classmethod
    def start(cls, site: Site, credentials: list[IssuedCredential], families: list[CourseFamily],
              now: dt.datetime, pathways: Sequence[Pathway] = (), store: Store | None = None,
              proofs: Store | None = None, progress=None) -> Verifying:
        versions: dict[str, Award] = {routes.absolute(site, routes.achievement(c)): c
                                      for f in families for c in f.versions}
        versions.update({routes.absolute(site, routes.achievement(p)): p for p in pathways})
        award_keys = {url: _award_key(award) for url, award in versions.items()}
        did_doc = did_document(site)
        # A changed key list changes every answer, so it is part of the key.
        did_hash = hashlib.sha256(json.dumps(did_doc, sort_keys=True).encode()).hexdigest()[:16]
        reasons = revocation_reasons(site.source)
        verifying = cls(site, credentials, now, versions, award_keys, reasons, Memo("", {}), did_hash, [], [], None,
                        store, proofs, [])
        if credentials and not site.keys:
            verifying.refusal.append(Problem("content/site.yaml", None, "keys", "no public keys, so no credential "
                                             "can be verified", "list the issuer's keys (see: credsite docs issuing)"))
            return verifying
        verifying.memo = Memo.read(store, _environment(site, award_keys, reasons), now)
        unjudged: list[IssuedCredential] = []
        for cred in credentials:
            achievement_id = _achievement_id(cred.facts)
            course = versions.get(achievement_id) if isinstance(achievement_id, str) else None
            kept = verifying.memo.verdict(cred.digest, award_keys.get(str(achievement_id))) if course else None
            if kept is None or course is None:
                unjudged.append(cred)
            else:
                verifying.kept.append(Published(cred, kept[0], course, kept[1], now.date()))
        proven = store if store is not None else proofs
        cache = proven.lookup("signatures", [f"{did_hash}:{c.digest}" for c in unjudged if not c.unread]) \
            if proven else {}
        for cred in unjudged:
            entry = _texts(cache.get(f"{did_hash}:{cred.digest}"))
            # Entries that are not findings (damaged, or of an older credsite) read as None: checked again.
            read = [Finding.from_json(f) for f in entry] if entry is not None else [None]
            known = tuple(f for f in read if f is not None)
            verifying.todo.append((cred, known if len(known) == len(read) else None))
        if progress:  # "unchanged": kept verdicts, or (some to judge) proofs checked before
            unchecked = sum(1 for _, cached in verifying.todo if cached is None)
            unchanged = len(verifying.todo or credentials) - unchecked
            progress(f"verifying {unchecked} credential(s) ({unchanged} unchanged, verified before)")
        if verifying.todo:
            # What a verifier can fetch from this site: the files the build publishes besides the badges.
            publishes = outputs.publishes(site, outputs.table(site, families, (), outputs.status_lists_in(site.source),
                                                              pathways))
            base = site.base_url
            # Only lists the build publishes count: a verifier in the world sees no other.
            lists = base + routes.status_folder()
            lookup = status_lookup_from_files(
                base, site.source / "content",
                lambda url: url[len(base):] if publishes(url) and url.startswith(lists) else None,
                KeyResolver(did_doc), now)
            verifying.judge = Judge(did_doc, versions, publishes, lookup, now)
        return verifying

    def outcome(self, cred: IssuedCredential, answer: Judged) -> Published | None:
        """The credential (as judged: its file may hold other bytes than the index said) as published, or None
        when it may not be."""
        course = self._award(answer)
        if answer.unloadable is not None or answer.found or answer.verdict is None or course is None:
            return None
        cred = as_judged(cred, answer)
        return Published(cred, answer.verdict, course, self.reasons.get(cred.facts["id"], ""), self.now.date())

    def _award(self, answer: Judged) -> Award | None:
        """The course version or pathway of this site the judged credential names; None for any other."""
        achievement_id = answer.summary[1] if answer.summary else None
        return self.versions.get(achievement_id) if isinstance(achievement_id, str) else None

    def stops(self, answer: Judged | None, skip_invalid: bool) -> bool:
        """This judgement alone fails the build: the file changed meanwhile or is no credential at all
        (unloadable), or (without --skip-invalid) the credential may not be published."""
        # What outcome() decides, without making the Published: the parent asks this of every answer as it comes.
        return (answer is None or answer.unloadable is not None
                or (not skip_invalid and (bool(answer.found) or answer.verdict is None or self._award(answer) is None)))

    def finish(self, answers: Sequence[Judged | None], skip_invalid: bool = False, save_cache: bool = True,
               preview: bool = False) -> tuple[list[Published], list[Problem]]:
        """What may be published, and a problem for the others, from `answers` to `todo` in order. Raises
        CredentialChanged for a file changed meanwhile. Leaves `credentials` as judged: each listed unread as its
        judge read it. When one of those is no credential, or the same as another, what loading would have said
        is all there is to say (as a build that loads first stops there): `unloadable`, and no other problem."""
        if self.refusal:
            return [], list(self.refusal)
        store, site, credentials = self.store, self.site, self.credentials
        if not self.todo:
            if save_cache and store is not None:
                _save_index(store, credentials)
            return list(self.kept), []
        any_unread = any(cred.unread for cred, _ in self.todo)
        if any_unread:
            self.unloadable = self._not_loaded(answers)
            if self.unloadable:
                return [], list(self.unloadable)
        fresh: dict[str, str] = {}
        for (cred, cached), answer in zip(self.todo, answers, strict=True):
            if answer is None:
                raise CredentialChanged(cred.source)
            if cached is None or answer.digest != cred.digest:
                fresh[f"{self.did_hash}:{answer.digest}"] = _text([f.to_json() for f in answer.signature])
        proven = store if store is not None else self.proofs
        if save_cache and fresh and proven is not None:
            proven.later(functools.partial(proven.add, "signatures", fresh))
        published = list(self.kept)
        refused: list[Refused] = []
        read: list[IssuedCredential] = []
        for (cred, _), answer in zip(self.todo, answers, strict=True):
            assert answer is not None
            item = self.outcome(cred, answer)
            if item is None:
                read.append(as_judged(cred, answer))
                refused.append(Refused(read[-1], list(answer.found)))
                continue
            read.append(item.credential)
            published.append(item)
            self.memo.remember(item, self.award_keys[answer.summary[1]])
        if any_unread:
            judged = {cred.source: cred for cred in read}
            credentials = self.credentials = [judged.get(cred.source, cred) for cred in credentials]
        problems = not_published_problems(site, refused, len(credentials), skip_invalid, preview)
        if save_cache and store is not None:
            store.later(functools.partial(_save_index, store, credentials, read))
            store.later(functools.partial(self.memo.save, store, self.now, until(self.now, credentials)))
        return published, problems

    def _not_loaded(self, answers: Sequence[Judged | None]) -> list[Problem]:
        """What loading says of the files it did not read (unread): why each is no credential, or that it is the
        same credential as a file before it (by name)."""
        judged = {cred.source: answer for (cred, _), answer in zip(self.todo, answers, strict=True)}
        problems: list[Problem] = []
        seen: dict[str, str] = {}
        for cred in self.credentials:
            uid = cred.uuid
            answer = judged.get(cred.source)
            if cred.unread:
                if answer is None:  # changed meanwhile, or gone: finish says so unless loading has more to say
                    continue
                if answer.unloadable is not None:
                    why = answer.unloadable
                    problems.append(Problem(cred.source, why.line, why.field, why.message, why.fix))
                    continue
                uid = judged_uuid(cred, answer)
            if uid in seen:
                problems.append(duplicate_problem(cred.source, seen[uid]))
                continue
            seen[uid] = cred.source
        return problems


def as_judged(cred: IssuedCredential, answer: Judged) -> IssuedCredential:
    """The credential as judged: when the index was out of date, the file held other bytes than it said; when no
    stage read it before (unread), what its judge read. Not for a file found to be no credential (unloadable)."""
    if answer.digest == cred.digest:
        return cred
    facts = summary_facts(answer.summary)
    # Made here rather than by dataclasses.replace, which took several times as long: a cold build's serial tail
    # does this for every credential.
    if cred.unread:
        return IssuedCredential(source=cred.source, stored=cred.stored, uuid=answer.uuid, digest=answer.digest,
                                facts=facts, parsed=cred.parsed, path=cred.path,
                                stat="" if racy(answer.stat, cred.looked) else answer.stat,  # loading's rule
                                hashed_now=cred.hashed_now, looked=0)
    return IssuedCredential(source=cred.source, stored=cred.stored, uuid=cred.uuid, digest=answer.digest, facts=facts,
                            parsed=cred.parsed, path=cred.path, stat="", hashed_now=cred.hashed_now,
                            looked=cred.looked)


def judged_uuid(cred: IssuedCredential, answer: Judged) -> str:
    """The credential's uuid: for one listed unread, of the id its judge read ("" when that is none)."""
    return answer.uuid if cred.unread else cred.uuid


def read_index(store: Store | None) -> dict[str, tuple]:
    """The index of content/issued/ the last build left (see content/issued.py), for load_issued; empty when there
    is none of this format."""
    if store is None:
        return {}
    snapshot = store.read("issued")
    return snapshot.tables["issued"] if snapshot.meta.get("format") == INDEX_FORMAT else {}


def _save_index(store: Store, credentials: list[IssuedCredential], read: Sequence[IssuedCredential] = ()) -> None:
    """Record the stat and summary of every credential, those just judged (`read`) included. A credential known
    only from its index entry keeps that row; a file read by this build gets its row made again (the same row, and
    then not written, unless it changed)."""
    last = store.rows("issued", "issued")
    if (len(last) == len(credentials) and all(cred.stat and not cred.hashed_now for cred in credentials)
            and all(cred.stat for cred in read)):
        return  # each credential known from its row, and none judged anew with other bytes: the index holds it all
    judged = {cred.source: cred for cred in read}
    rows = {}
    for cred in credentials:
        cred = judged.get(cred.source, cred)
        entry = None if cred.hashed_now else last.get(cred.source.rpartition("/")[2])
        row = entry if entry is not None and entry[1] == cred.stat and entry[2] == cred.digest else index_row(cred)
        if row is not None:
            rows[row[0]] = row
    store.write("issued", {"format": INDEX_FORMAT}, {"issued": rows})


def _achievement_id(facts: dict) -> object:
    subject = facts.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    return achievement.get("id") if isinstance(achievement, dict) else None


def _award_key(award: Award) -> str:
    """What a credential's verdict depends on of its course version or pathway (documents.award_identity): editing
    the rest of a course keeps its credentials' remembered verdicts, as the build that only remakes courses does."""
    return hashlib.sha256(repr(documents.award_identity(award)).encode()).hexdigest()


def _checking_code() -> str:
    """credsite's code and libraries: any of it may judge a credential otherwise (claims, routes, JSON reading).
    Read again for each build: `credsite serve` runs for days, and its files may be upgraded meanwhile."""
    return code_digest()


def _environment(site: Site, award_keys: dict[str, str], reasons: dict[str, str]) -> str:
    """Everything each verdict depends on besides the credential and its course version."""
    status = sorted((p.name, hashlib.sha256(p.read_bytes()).hexdigest())
                    for p in (site.source / "content" / "status").glob("*.json"))
    return hashlib.sha256(json.dumps([_checking_code(), site.base_url, did_document(site), status, reasons,
                                      sorted(award_keys)], sort_keys=True, default=str).encode()).hexdigest()


def until(now: dt.datetime, credentials: list[IssuedCredential]) -> dt.datetime:
    """How long verdicts made at `now` hold: until the first validity date of a credential after it."""
    from generator.build.manifest import holds_until

    dates = [cred.facts.get(key) for cred in credentials for key in ("validFrom", "validUntil")]
    return holds_until(now, dates)


class Memo:
    """The verdicts of the credentials the last build published, by digest, with the environment they were
    judged in and until when they hold (the store's "verdicts" section: digest -> (digest, award key, status,
    problems, credential id, revocation reason)). Refused credentials are always checked again: they are few, and their
    problems must be reported in full."""

    def __init__(self, environment: str, verdicts: dict):
        self.environment = environment
        self.verdicts = verdicts
        self.fresh: dict[str, tuple] = {}

    @classmethod
    def read(cls, store: Store | None, environment: str, now: dt.datetime) -> Memo:
        if store is None:
            return cls(environment, {})
        snapshot = store.read("verdicts")
        made, until = snapshot.meta.get("from"), snapshot.meta.get("until")
        try:
            holds = (snapshot.meta.get("environment") == environment and isinstance(made, str)
                     and isinstance(until, str)
                     and dt.datetime.fromisoformat(made) <= now < dt.datetime.fromisoformat(until))
        except (TypeError, ValueError):
            holds = False
        return cls(environment, snapshot.tables["verdicts"] if holds else {})

    def verdict(self, digest: str, award_key: str | None) -> tuple[Verdict, str] | None:
        """The remembered verdict and revocation reason, when judged against this same course version."""
        entry = self.verdicts.get(digest)
        if entry is None or entry[1] != award_key:
            return None
        _, _, status, problems, credential_id, reason = entry
        listed = _texts(problems)
        if listed is None or not all(type(p) is str for p in listed):
            return None
        self.fresh[digest] = entry
        return Verdict(status, tuple(listed), credential_id), reason

    def remember(self, item: Published, award_key: str) -> None:
        verdict = item.verdict
        digest = item.credential.digest
        self.fresh[digest] = (digest, award_key, verdict.status, _text(list(verdict.problems)), verdict.credential_id,
                              item.reason)

    def save(self, store: Store, now: dt.datetime, holds_until: dt.datetime) -> None:
        store.write("verdicts", {"environment": self.environment, "from": now.isoformat(),
                                 "until": holds_until.isoformat()}, {"verdicts": self.fresh})


def _links_findings(facts: dict, publishes: closed_world.Publishes,
                    seen: dict[tuple, list[Finding]]) -> list[Finding]:
    """closed_world.url_findings of a credential's contexts and links, worked out once for each set of them:
    the credentials of one course version name the same ones."""
    key = (tuple(facts["contexts"]), tuple(map(tuple, facts["links"])))
    if key not in seen:
        seen[key] = closed_world.url_findings(key[0], key[1], publishes, signed=True)
    return list(seen[key])


# ---------------------------------------------------------------- one problem per cause


@dataclass(frozen=True)
class Refused:
    """A credential the build leaves out, with what was found wrong with it (empty: no verdict)."""

    credential: IssuedCredential
    found: list[Finding]


@dataclass(frozen=True)
class SiteCause:
    """A reason in content/site.yaml that makes credentials fail which are themselves sound: the
    base_url they were signed under, or a key they were signed with."""

    field: str  # "base_url", "keys" (a signing key is not listed) or "public_key" (it is listed with another)
    value: str  # the base URL they were signed under, or the key's id


def not_published_problems(site: Site, refused: list[Refused], total: int, skip_invalid: bool,
                           preview: bool) -> list[Problem]:
    """One problem per credential left out; but credentials that fail for the same reason in
    content/site.yaml get one problem naming that line, so the one fix is not lost among N copies.

    A cause counts as the site's when more than one credential fails for it: one credential signed
    elsewhere is as likely a stray or edited file, and its own problem names that file.
    """
    severity = "warning" if skip_invalid else "error"
    groups: dict[SiteCause | None, list[Refused]] = {}
    for item in refused:
        groups.setdefault(site_cause(site, item), []).append(item)
    problems = []
    for cause, items in groups.items():
        if cause is not None and len(items) > 1:
            others = "" if skip_invalid or len(items) == total else _PUBLISH_OTHERS
            problems.append(_cause_problem(site, cause, items, others, severity, preview))
            continue
        others = "" if skip_invalid else _PUBLISH_OTHERS
        problems += [Problem(item.credential.source, None, "", f"NOT PUBLISHED: {_summary(item.found)}",
                             _fix_for(item.found, site) + others, severity, Code.NOT_PUBLISHED) for item in items]
    return problems


_PUBLISH_OTHERS = " (credsite build --skip-invalid publishes the others)"


def _summary(found: list[Finding]) -> str:
    return "; ".join(messages(found[:3])) + (f"; and {len(found) - 3} more" if len(found) > 3 else "")


def site_cause(site: Site, item: Refused) -> SiteCause | None:
    """The reason in content/site.yaml this credential fails for, if its findings point at one."""
    did = routes.issuer_did(site)
    signed_under = next((routes.base_url_of_did(f.subject) for f in item.found if f.code is Reason.WRONG_ISSUER), "")
    if signed_under:
        return SiteCause("base_url", signed_under)
    unknown = next((f.subject for f in item.found if f.code is Reason.UNKNOWN_KEY), "")
    if unknown.startswith(did + "#"):
        return SiteCause("keys", unknown.partition("#")[2])
    if {f.code for f in item.found} == {Reason.BAD_SIGNATURE}:  # and nothing else: the file itself looks sound
        keys = set(_signing_keys(item.credential))
        if len(keys) == 1 and next(iter(keys)).startswith(did + "#"):
            return SiteCause("public_key", next(iter(keys)).partition("#")[2])
    return None


def _signing_keys(cred: IssuedCredential) -> Iterator[str]:
    """The verificationMethod of each of the credential's proofs."""
    proofs = cred.document.get("proof") if isinstance(cred.document, dict) else None
    for proof in proofs if isinstance(proofs, list) else [proofs]:
        method = proof.get("verificationMethod") if isinstance(proof, dict) else None
        if isinstance(method, str):
            yield method


def _cause_problem(site: Site, cause: SiteCause, items: list[Refused], others: str, severity: str,
                   preview: bool) -> Problem:
    files = [item.credential.source for item in items]
    listed = ", ".join(files[:SHOWN]) + (f" and {len(files) - SHOWN} more" if len(files) > SHOWN else "")
    count = f"{len(files)} credential(s) ({listed})"
    if cause.field == "base_url" and preview:
        return Problem("--base-url", None, "", f"NOT PUBLISHED: {count} were signed for the base_url {cause.value}, "
                       f"not for this preview's {site.base_url}",
                       f"build with the base_url it was issued under, {cause.value}, to check them (a --base-url "
                       "preview cannot verify credentials; add --skip-invalid there)" + others,
                       severity, Code.NOT_PUBLISHED)
    line, field = _where(site, cause)
    if cause.field == "base_url":
        return Problem(SITE_FILE, line, field, f"NOT PUBLISHED: {count} were signed for the base_url {cause.value}, "
                       f"not for {site.base_url}",
                       f"set base_url back to {cause.value}, the address they were issued under (it is part of "
                       "what was signed), or re-issue them with credsite issue" + others, severity, Code.NOT_PUBLISHED)
    if cause.field == "keys":
        return Problem(SITE_FILE, line, field, f"NOT PUBLISHED: {count} were signed with the key '{cause.value}', "
                       "which is not listed under keys:", _fix_for(items[0].found, site) + others, severity,
                       Code.NOT_PUBLISHED)
    fix = (f"if the public_key of '{cause.value}' was changed, put back the value it had when it signed them "
           "(see the history of content/site.yaml), and list a new key under an id of its own; if the credential "
           "files were edited, restore them as credsite issue wrote them") + others
    return Problem(SITE_FILE, line, field, f"NOT PUBLISHED: the signatures of {count}, made with the key "
                   f"'{cause.value}', do not match its public_key", fix, severity, Code.NOT_PUBLISHED)


def _where(site: Site, cause: SiteCause) -> tuple[int | None, str]:
    """The line and field of content/site.yaml that the cause is in."""
    try:
        located = parse((site.source / SITE_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlError):  # read once already; a line number is not worth a failure
        return None, cause.field
    key: KeyPath = (cause.field,)
    if cause.field == "public_key":
        entries = located.data.get("keys") if isinstance(located.data, dict) else None
        key = next((("keys", i, "public_key") for i, entry in enumerate(entries if isinstance(entries, list) else [])
                    if isinstance(entry, dict) and entry.get("id") == cause.value), ("keys",))
    return located.line(key), dotted(key)
