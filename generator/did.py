"""The issuer's DID: its did:web document, and finding the key behind a verificationMethod."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from generator import routes
from generator.model import Site
from generator.multikey import public_from_multibase, resolve_did_key
from generator.problems import Problem

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
        return self.document.get("id", "")

    def __call__(self, method_id: str) -> Ed25519PublicKey | None:
        if method_id.startswith("did:key:"):
            try:
                return resolve_did_key(method_id)
            except ValueError:
                return None
        if method_id not in [m if isinstance(m, str) else m.get("id")
                             for m in self.document.get("assertionMethod", [])]:
            return None
        for method in self.document.get("verificationMethod", []):
            if method.get("id") == method_id and method.get("controller") == self.did:
                try:
                    return public_from_multibase(method.get("publicKeyMultibase", ""))
                except ValueError:
                    return None
        return None


def resolver_for_site(site: Site) -> KeyResolver:
    return KeyResolver(did_document(site))


def resolver_for_output(folder: Path, problems: list[Problem]) -> KeyResolver | None:
    """The DID document a built site publishes (either location); None, with a problem if it is broken."""
    for name in (".well-known/did.json", "did.json"):
        path = folder / name
        if path.is_file():
            return _read_did_document(path, problems)
    return None


def _read_did_document(path: Path, problems: list[Problem]) -> KeyResolver | None:
    fix = "rebuild the site with 'credsite build', or download did.json from the issuer's site again"
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(str(path), None, "", f"cannot be read ({exc})", fix))
        return None
    except json.JSONDecodeError as exc:
        problems.append(Problem(str(path), exc.lineno, "", f"is not valid JSON ({exc.msg}, column {exc.colno})",
                                fix))
        return None
    if not (isinstance(document, dict) and isinstance(document.get("id"), str)
            and document["id"].startswith("did:web:")):
        problems.append(Problem(str(path), None, "", "is not a DID document (a JSON object whose id starts "
                                "with did:web:)", fix))
        return None
    return KeyResolver(document)
