"""Which key signs, which public keys signed before, and the status list the signing side re-signs.

Signing over a file that was changed since it was signed would give the change a fresh,
valid proof. So before credsite signs a document again (a credential in `reissue`, the
status list in all three commands) it checks the old proof against the public key it was
made with. A key removed from site.yaml, as a leaked key must be, is still needed for that:
every command that signs records the public key of each key site.yaml lists in
content/status/key-history.csv (git-tracked, no network, no build output needed), and
for keys removed before that file existed credsite reads the git history of site.yaml.
"""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from generator import routes
from generator.content.csv_cells import csv_line
from generator.content.status import (
    KEY_HISTORY,
    KEY_HISTORY_HEADER,
    STATUS_LIST,
    StatusList,
    key_history,
    restore_fix,
)
from generator.credentials import statuslist
from generator.credentials.canonical import IntegrityError
from generator.credentials.multikey import public_from_multibase
from generator.credentials.proofs import sign_rdfc
from generator.credentials.proofs import verify as verify_proof
from generator.issuing import files
from generator.issuing.dates import iso
from generator.issuing.keys import SigningKey
from generator.issuing.publishable import status_list_refusals
from generator.model import Site
from generator.problems import Code, Problem

SITE_YAML = "content/site.yaml"
GIT_REVISIONS = 200  # site.yaml changes rarely; this reaches back years
TRIED_KEYS = 64  # public-key combinations tried for one document (several proofs, reused key ids)
LEAK_HELP = "see: credsite docs issuing 'A key that leaked'"


def signing_method(site: Site, key: SigningKey) -> tuple[str, list[Problem]]:
    """The verification method id of `key`, which must be an active key of the site."""
    for site_key in site.keys:
        if site_key.public_key == key.public_multibase:
            if site_key.status != "active":
                return "", [Problem(SITE_YAML, None, "keys", f"key '{site_key.id}' is retired",
                                    "sign with an active key, or set this key's status to active", code=Code.KEY)]
            return f"{routes.issuer_did(site)}#{site_key.id}", []
    return "", [Problem(SITE_YAML, None, "keys", f"the signing key's public key {key.public_multibase} is not listed",
                        "add it under keys: with status: active (credsite keygen printed the lines), "
                        "or use the key that belongs to this site", code=Code.KEY)]


@dataclass
class KnownKeys:
    """Every public key each verification method id of this site has stood for."""

    site: Site
    recorded: dict[str, set[str]]  # as content/status/key-history.csv has them
    _known: dict[str, set[str]] = field(default_factory=dict)
    _searched_git: bool = False

    def __post_init__(self) -> None:
        self._known = {method: set(keys) for method, keys in self.recorded.items()}
        for method, public in self.listed():
            self._known.setdefault(method, set()).add(public)

    def listed(self) -> list[tuple[str, str]]:
        did = routes.issuer_did(self.site)
        return [(f"{did}#{k.id}", k.public_key) for k in self.site.keys]

    def public_keys(self, method: str) -> list[str]:
        if method not in self._known:
            self.search_git()
        return sorted(self._known.get(method, ()))

    def search_git(self) -> bool:
        """Add the keys of every committed site.yaml, once; whether that found any key not known before."""
        if self._searched_git:
            return False
        self._searched_git = True
        before = {method: len(keys) for method, keys in self._known.items()}
        for method, keys in keys_in_git_history(self.site).items():
            self._known.setdefault(method, set()).update(keys)
        return any(len(keys) > before.get(method, 0) for method, keys in self._known.items())


def known_keys(site: Site) -> tuple[KnownKeys, list[Problem]]:
    recorded, problems = key_history(site.source)
    return KnownKeys(site, recorded), problems


def keys_in_git_history(site: Site) -> dict[str, set[str]]:
    """Method id -> public keys, from every committed version of content/site.yaml; empty without git."""
    did = routes.issuer_did(site)

    def git(*args: str) -> str | None:
        try:
            out = subprocess.run(["git", "-C", str(site.source), *args], capture_output=True, text=True,
                                 check=False, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return None
        return out.stdout if out.returncode == 0 else None

    found: dict[str, set[str]] = {}
    revisions = (git("log", "--format=%H", "--", SITE_YAML) or "").split()[:GIT_REVISIONS]
    for revision in revisions:
        try:
            config = yaml.safe_load(git("show", f"{revision}:./{SITE_YAML}") or "")
        except yaml.YAMLError:
            continue
        entries = config.get("keys") if isinstance(config, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            key_id, public = (entry.get("id"), entry.get("public_key")) if isinstance(entry, dict) else (None, None)
            if isinstance(key_id, str) and isinstance(public, str):
                found.setdefault(f"{did}#{key_id}", set()).add(public)
    return found


def record_keys(site: Site, known: KnownKeys, now: dt.datetime) -> None:
    """Add each key site.yaml lists to the key history, once; called only when something is signed."""
    new = key_history_rows(known, now)
    if new:
        files.append_rows(site.source / KEY_HISTORY, KEY_HISTORY_HEADER, new)


def key_history_rows(known: KnownKeys, now: dt.datetime) -> list[str]:
    """The key history's rows record_keys adds: each key site.yaml lists that the history does not hold yet."""
    return [csv_line(iso(now), method, public) for method, public in known.listed()
            if public not in known.recorded.get(method, set())]


@dataclass(frozen=True)
class OldProof:
    """How the proof of a document credsite is about to sign again stood up."""

    problems: list[str]  # why it does not verify; empty when it does (or could not be checked)
    unknown: list[str]  # verification methods whose public key is nowhere to be found
    signed_with: dict[str, str] = field(default_factory=dict)  # method -> the public key that verified it

    def by(self, method: str, public: str) -> bool:
        """Was it signed with exactly this key? A key id reused for a new key is not the same key."""
        return self.signed_with == {method: public}


def check_old_proof(document: dict, known: KnownKeys) -> OldProof:
    proofs = document.get("proof")
    proofs = proofs if isinstance(proofs, list) else [proofs]
    methods = [p.get("verificationMethod") if isinstance(p, dict) else None for p in proofs]
    if not proofs or not all(isinstance(m, str) and m for m in methods):
        return OldProof(["has a proof without a verificationMethod id, or none at all"], [])
    did = routes.issuer_did(known.site)
    names = sorted({m for m in methods if isinstance(m, str)})
    foreign = [m for m in names if not m.startswith(f"{did}#")]
    if foreign:
        return OldProof([f"was signed with {', '.join(foreign)}, not with a key of this site ({did})"], [])
    first: list[str] = []
    while True:
        candidates = {m: known.public_keys(m) for m in names}
        unknown = [m for m, keys in candidates.items() if not keys]
        if unknown:
            return OldProof([], unknown)
        # A key id reused for a new key after a removal stands for two public keys: try each.
        for choice in itertools.islice(itertools.product(*candidates.values()), TRIED_KEYS):
            chosen = dict(zip(candidates, choice, strict=True))
            result = verify_proof(document, _lookup(chosen))
            if result.ok:
                return OldProof([], [], chosen)
            first = first or result.problems
        # Before calling it changed: the key id may have been reused before the key history began.
        if not known.search_git():
            return OldProof(first, [])


def _lookup(chosen: dict[str, str]) -> Callable[[str], Ed25519PublicKey | None]:
    def public(method: str) -> Ed25519PublicKey | None:
        try:
            return public_from_multibase(chosen[method]) if method in chosen else None
        except ValueError:  # a damaged line in the key history
            return None
    return public


def unknown_key_message(methods: list[str]) -> str:
    return (f"was signed with {', '.join(methods)}, a key that content/site.yaml no longer lists and whose public "
            f"key is neither in {KEY_HISTORY} nor in the git history of content/site.yaml, so its proof cannot "
            "be checked")


UNCHECKED_FIX = (f"add a line 'YYYY-MM-DD,KEY,PUBLIC_KEY' to {KEY_HISTORY} with that key and its "
                 "publicKeyMultibase (from the did.json your site published), or, only if you are sure nobody "
                 "changed the file since it was signed, run credsite reissue again with --unchecked-proofs")
# What issue and revoke say about a list whose key is gone: the leak procedure comes first.
REISSUE_FIRST = f"if that key leaked, sign everything again with a new key first: credsite reissue --all ({LEAK_HELP})"


@dataclass(frozen=True)
class ListPlan:
    """Whether the status list is signed again, and what forbids signing over it as it is."""

    sign: bool
    problems: list[Problem]
    unchecked: str = ""  # why its old proof could not be checked, when the caller accepted that


def plan_status_list(current: StatusList, known: KnownKeys, method: str, public: str,
                     unknown_fix: str | None) -> ListPlan:
    """Sign it when there is none yet or another key signed it (so that key can be retired or removed).

    Its old proof is checked first: signing over a list changed by hand would make the change
    valid, e.g. a revocation undone. `unknown_fix` is what to do when the key it was made with
    is nowhere to be found; None accepts that (only `reissue --unchecked-proofs` does).
    """
    if current.document is None:
        return ListPlan(True, [])
    found = check_old_proof(current.document, known)
    shown = str(STATUS_LIST)
    if found.problems:
        return ListPlan(True, [Problem(shown, None, "proof", f"does not verify ({'; '.join(found.problems)}), so "
                                       "its revocations cannot be trusted",
                                       f"{restore_fix(STATUS_LIST)}; never edit the list by hand",
                                       code=Code.STATUS_FILES)])
    if found.unknown:
        problems = [] if unknown_fix is None else [
            Problem(shown, None, "proof", unknown_key_message(found.unknown), unknown_fix, code=Code.STATUS_FILES)]
        return ListPlan(True, problems, unchecked=unknown_key_message(found.unknown))
    return ListPlan(not found.by(method, public), [])


def signed_status_list(site: Site, bits: bytearray, key: SigningKey, method: str,
                       now: dt.datetime) -> tuple[bytes, list[Problem]]:
    """The status list signed with `key`, as the bytes to write; made and checked before anything is written.

    It is checked as the build and verifiers read it (generator/issuing/publishable.py): a list
    that would not verify must never replace the one in content/status/."""
    unsigned = statuslist.unsigned_list_credential(site, bits, iso(now))
    shown = str(STATUS_LIST)
    try:
        signed = sign_rdfc(unsigned, key.private, method, iso(now))
    except IntegrityError as exc:
        return b"", [Problem(shown, None, "", f"cannot be signed: {'; '.join(exc.problems)}",
                             "report this as a credsite bug", code=Code.BUG)]
    refused = status_list_refusals(site, signed)
    if refused:
        return b"", [Problem(shown, None, r.field, f"the list credsite would sign would not verify: {r.message}",
                             "report this as a credsite bug; nothing was written", code=Code.BUG) for r in refused]
    return files.credential_bytes(signed), []


def store_status_list(site: Site, data: bytes) -> None:
    """Replace content/status/revocation.json with what signed_status_list() made."""
    files.replace(site.source / STATUS_LIST, data)


def write_status_list(site: Site, bits: bytearray, key: SigningKey, method: str, now: dt.datetime) -> list[Problem]:
    """Sign the list and replace the file in one go; nothing is written when there are problems."""
    data, problems = signed_status_list(site, bits, key, method, now)
    if not problems:
        store_status_list(site, data)
    return problems
