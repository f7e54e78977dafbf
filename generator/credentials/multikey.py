"""Ed25519 keys as Multikey strings and did:key identifiers.

Formats (Data Integrity EdDSA Cryptosuites v1.0 section 2.1.1, Controlled
Identifiers 1.0, did:key method):

- public key:  "z" + base58btc(0xed 0x01 + 32-byte key)   -> "z6Mk..."
- secret key:  "z" + base58btc(0x80 0x26 + 32-byte seed)  -> "z3u2..."
- did:key:     "did:key:" + public multibase; its only verification method
  is "did:key:<mb>#<mb>".

Errors are ValueError with a message a user can act on. Messages about a
secret key never repeat the key.
"""

from __future__ import annotations

import functools

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from nacl.bindings import crypto_core_ed25519_is_valid_point

# Multicodec codes as unsigned varints: ed25519-pub = 0xed, ed25519-priv = 0x1300.
ED25519_PUBLIC_PREFIX = b"\xed\x01"
ED25519_PRIVATE_PREFIX = b"\x80\x26"
DID_KEY_PREFIX = "did:key:"

_BASE58_ALPHABET = frozenset(base58.BITCOIN_ALPHABET.decode("ascii"))


def _decode(value: object, prefix: bytes, what: str, show: bool) -> bytes:
    """Return the 32 key bytes of a base58btc multibase value with `prefix`."""
    shown = f" {value!r}" if show and isinstance(value, str) and len(value) <= 80 else ""
    if not isinstance(value, str):
        raise ValueError(f"{what} must be a string, not {type(value).__name__}")
    if not value.startswith("z"):
        raise ValueError(
            f"{what}{shown} is not base58btc multibase: it must start with 'z'"
        )
    body = value[1:]
    bad = sorted(set(body) - _BASE58_ALPHABET)
    if not body or bad:
        detail = f"character {bad[0]!r} is not base58btc" if bad else "it is empty"
        raise ValueError(f"{what}{shown} cannot be decoded: {detail}")
    raw = base58.b58decode(body)
    if raw[:2] != prefix:
        raise ValueError(
            f"{what}{shown} is not an Ed25519 key: it must start with multicodec "
            f"prefix 0x{prefix.hex()}, found 0x{raw[:2].hex()}"
        )
    if len(raw) != len(prefix) + 32:
        raise ValueError(
            f"{what}{shown} has {len(raw) - len(prefix)} key bytes; Ed25519 keys have 32"
        )
    return raw[len(prefix):]


def _encode(prefix: bytes, key: bytes) -> str:
    return "z" + base58.b58encode(prefix + key).decode("ascii")


def public_to_multibase(public: Ed25519PublicKey) -> str:
    """Ed25519 public key -> publicKeyMultibase ("z6Mk...")."""
    if not isinstance(public, Ed25519PublicKey):
        raise TypeError("public_to_multibase needs an Ed25519PublicKey")
    return _encode(ED25519_PUBLIC_PREFIX, public.public_bytes_raw())


def public_from_multibase(value: str) -> Ed25519PublicKey:
    """publicKeyMultibase ("z6Mk...") -> Ed25519 public key; ValueError if malformed."""
    return _public_key(value) if isinstance(value, str) else _read_public_key(value)


# A build checks every credential against the same few keys: each is decoded once per process. A key object
# is immutable; a malformed value raises each time (lru_cache keeps no exception).
@functools.lru_cache(maxsize=256)
def _public_key(value: str) -> Ed25519PublicKey:
    return _read_public_key(value)


def _read_public_key(value: object) -> Ed25519PublicKey:
    key = _decode(value, ED25519_PUBLIC_PREFIX, "publicKeyMultibase", show=True)
    # cryptography loads any 32 bytes as a public key; libsodium, which checks signatures (cryptosuites.py),
    # refuses what is off the curve, of small order, or encoded otherwise than one way. Such a key is made up or
    # weak: under the identity point OpenSSL accepts one "signature" for every document, so a DID document
    # listing it would vouch for anything to verifiers in the world. Refused where it is read, not at each check.
    if not crypto_core_ed25519_is_valid_point(key):
        raise ValueError(f"publicKeyMultibase {value!r} is no point an Ed25519 key can be (a weak or made-up key, "
                         "under which signatures could be forged)")
    return Ed25519PublicKey.from_public_bytes(key)


def private_to_multibase(private: Ed25519PrivateKey) -> str:
    """Ed25519 private key -> secretKeyMultibase ("z3u2..."). Keep the result secret."""
    if not isinstance(private, Ed25519PrivateKey):
        raise TypeError("private_to_multibase needs an Ed25519PrivateKey")
    return _encode(ED25519_PRIVATE_PREFIX, private.private_bytes_raw())


def private_from_multibase(value: str) -> Ed25519PrivateKey:
    """secretKeyMultibase ("z3u2...") -> Ed25519 private key; ValueError if malformed."""
    raw = _decode(value, ED25519_PRIVATE_PREFIX, "secretKeyMultibase", show=False)
    return Ed25519PrivateKey.from_private_bytes(raw)


def did_key(public: Ed25519PublicKey) -> str:
    """Ed25519 public key -> "did:key:z6Mk..."."""
    return DID_KEY_PREFIX + public_to_multibase(public)


def did_key_verification_method(public: Ed25519PublicKey) -> str:
    """Ed25519 public key -> its did:key verification method id "did:key:z6Mk...#z6Mk..."."""
    multibase = public_to_multibase(public)
    return f"{DID_KEY_PREFIX}{multibase}#{multibase}"


def resolve_did_key(did_or_vm_id: str) -> Ed25519PublicKey:
    """Public key of "did:key:z6Mk..." or "did:key:z6Mk...#z6Mk..."; ValueError otherwise."""
    if not isinstance(did_or_vm_id, str) or not did_or_vm_id.startswith(DID_KEY_PREFIX):
        raise ValueError(f"{did_or_vm_id!r} is not a did:key identifier")
    did, _, fragment = did_or_vm_id.partition("#")
    multibase = did[len(DID_KEY_PREFIX):]
    if fragment and fragment != multibase:
        raise ValueError(
            f"{did_or_vm_id!r}: a did:key has one verification method, "
            f"'{did}#{multibase}'; the fragment must repeat the key"
        )
    return public_from_multibase(multibase)
