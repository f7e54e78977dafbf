"""DIDs: the site's did:web document, and finding the key behind a verificationMethod.

`KeyResolver` holds one DID document (the build only trusts the site's own).
`DidResolver` is what `credsite verify` uses for any issuer: did:key natively,
did:web from the DID documents of the --site folders given, nothing else
(no network). Its answers are values: a key or None, and a Finding saying why not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from generator import routes
from generator.credentials.findings import Finding, Reason
from generator.credentials.multikey import DID_KEY_PREFIX, public_from_multibase, resolve_did_key
from generator.model import Site
from generator.problems import Problem
from generator.strict_json import InvalidJson, loads

DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]


def did_document(site: Site) -> dict:
    did = routes.issuer_did(site)
    methods = [{"id": f"{did}#{key.id}", "type": "Multikey", "controller": did,
                "publicKeyMultibase": key.public_key} for key in site.keys]
    # Retired keys stay under assertionMethod: credentials they signed must keep verifying.
    return {"@context": list(DID_CONTEXTS), "id": did, "verificationMethod": methods,
            "assertionMethod": [m["id"] for m in methods]}


@dataclass(frozen=True)
class KeyResolver:
    """Resolves verification method ids to public keys: the issuer's DID document, and did:key."""

    document: dict

    @property
    def did(self) -> str:
        did = self.document.get("id")
        return did if isinstance(did, str) else ""

    def __call__(self, method_id: str) -> Ed25519PublicKey | None:
        if method_id.startswith("did:key:"):
            try:
                return resolve_did_key(method_id)
            except ValueError:
                return None
        # A DID document from a --site folder may be anyone's: odd members mean "no key", never a crash.
        listed = _as_list(self.document.get("assertionMethod"))
        if method_id not in [m if isinstance(m, str) else m.get("id") for m in listed if isinstance(m, (str, dict))]:
            return None
        embedded = [m for m in listed if isinstance(m, dict)]
        for method in _as_list(self.document.get("verificationMethod")) + embedded:
            if (isinstance(method, dict) and method.get("id") == method_id
                    and method.get("controller") == self.did):
                try:
                    return public_from_multibase(method.get("publicKeyMultibase", ""))
                except ValueError:
                    return None
        return None


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else []


def resolver_for_site(site: Site) -> KeyResolver:
    return KeyResolver(did_document(site))


def resolver_for_output(folder: Path, problems: list[Problem]) -> KeyResolver | None:
    """The DID document a built site publishes (either location); None, with a problem if it is broken."""
    for name in routes.DID_DOCUMENTS:
        path = folder / name
        if path.is_file():
            return _read_did_document(path, problems)
    return None


def _read_did_document(path: Path, problems: list[Problem]) -> KeyResolver | None:
    fix = "rebuild the site with 'credsite build', or download did.json from the issuer's site again"
    try:
        document = loads(path.read_bytes())
    except OSError as exc:
        problems.append(Problem(str(path), None, "", f"cannot be read ({exc.strerror})", fix))
        return None
    except InvalidJson as exc:  # a key listed twice could name two keys: no DID document may mean two things
        problems.append(Problem(str(path), exc.lineno, "", exc.sentence, fix))
        return None
    if not (isinstance(document, dict) and isinstance(document.get("id"), str)
            and document["id"].startswith("did:web:")):
        problems.append(Problem(str(path), None, "", "is not a DID document (a JSON object whose id starts "
                                "with did:web:)", fix))
        return None
    return KeyResolver(document)


SITE_FIX = "give --site with the issuer's site folder (with content/site.yaml) or its built output (with did.json)"
SHORT_SITE_FIX = "give --site with its site folder or built output"


@dataclass(frozen=True)
class KnownDid:
    resolver: KeyResolver
    source: str  # where its DID document came from, shown to the user
    names: frozenset[str] = frozenset()  # what that site calls its institution, in every language


class DidResolver:
    """Keys of any issuer that can be resolved offline: did:key, and did:web from --site folders."""

    def __init__(self, known: dict[str, KnownDid] | None = None):
        self.known = dict(known or {})

    def __call__(self, method_id: str) -> Ed25519PublicKey | None:
        if not isinstance(method_id, str):
            return None
        did = method_id.partition("#")[0]
        if did.startswith(DID_KEY_PREFIX):
            try:
                return resolve_did_key(method_id)
            except ValueError:
                return None
        entry = self.known.get(did)
        return entry.resolver(method_id) if entry else None

    def source(self, did: str) -> str:
        """Where the keys of `did` come from."""
        if did.startswith(DID_KEY_PREFIX):
            return "a did:key, whose public key is the identifier itself"
        entry = self.known.get(did)
        return f"listed under assertionMethod in its DID document from {entry.source}" if entry else ""

    def issuer_finding(self, did: str) -> Finding | None:
        """Why the keys of the issuer `did` cannot be found offline, with the fix; None when they can.

        ISSUER_UNRESOLVED when the DID may well be sound and only its DID document is out
        of reach; BAD_ISSUER when no verifier could ever resolve it.
        """
        if did.startswith(DID_KEY_PREFIX):
            try:
                resolve_did_key(did)
            except ValueError as exc:
                return Finding(Reason.BAD_ISSUER, f"the issuer {did} is not a valid did:key ({exc})", did)
            return None
        if did in self.known:
            return None
        if did.startswith("did:web:"):
            if not self.known:
                return Finding(Reason.ISSUER_UNRESOLVED,
                               f"the issuer {did} is a did:web, whose DID document cannot be found offline "
                               f"without its site: {SITE_FIX}", did,
                               f"no DID document for {did}: {SHORT_SITE_FIX}")
            given = ", ".join(self.known)
            which = (f"is not this site's issuer {given}" if len(self.known) == 1
                     else f"is not the issuer of any --site given ({given})")
            return Finding(Reason.ISSUER_UNRESOLVED,
                           f"the issuer {did} {which}, so its keys cannot be found offline: {SITE_FIX}", did,
                           f"{did} {which}: {SHORT_SITE_FIX}")
        if did.startswith("did:"):
            method = did.split(":", 2)[1] or "(empty)"
            return Finding(Reason.ISSUER_UNRESOLVED,
                           f"the issuer {did} uses the DID method '{method}', which credsite cannot resolve; it "
                           "verifies did:key issuers, and did:web issuers with --site: use a verifier that "
                           f"supports did:{method} for this credential", did,
                           f"credsite cannot resolve did:{method} issuers; use a verifier that supports them")
        return Finding(Reason.BAD_ISSUER,
                       f"the issuer {did} is not a DID; credsite verifies credentials whose issuer is a did:key, "
                       "or a did:web with --site", did)

    def key_finding(self, method_id: str) -> Finding | None:
        """Why `method_id` is no key of its DID; None when it is."""
        did = method_id.partition("#")[0]
        if did.startswith(DID_KEY_PREFIX):
            try:
                resolve_did_key(method_id)
            except ValueError as exc:
                return Finding(Reason.UNKNOWN_KEY, f"unknown verification method {method_id}: {exc}", method_id)
            return None
        if did not in self.known:
            return self.issuer_finding(did)
        if self(method_id) is None:
            return Finding(Reason.UNKNOWN_KEY,
                           f"unknown verification method {method_id}: the issuer's DID document from "
                           f"{self.known[did].source} does not list it under assertionMethod", method_id)
        return None
