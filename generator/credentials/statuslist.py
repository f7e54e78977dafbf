"""W3C Bitstring Status List: the list itself, its entries in credentials, and index allocation."""

from __future__ import annotations

import base64
import gzip
import secrets

from generator import routes
from generator.model import Site

# The lists a site keeps in content/status/<purpose>.json and publishes at routes.status_list(purpose).
PURPOSES = ("revocation",)
# The spec's minimum size, which gives group privacy (131,072 bits = 16 KB).
LIST_SIZE = 131_072
# How long verifiers may cache the list (milliseconds); hosts get matching cache headers.
TTL_MS = 6 * 60 * 60 * 1000


def encode(bits: bytearray) -> str:
    """GZIP, then base64url without padding, with the multibase 'u' prefix."""
    # mtime=0 keeps the encoding reproducible.
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")


def decode(encoded: str) -> bytearray:
    if not encoded.startswith("u"):
        raise ValueError("encodedList must start with the multibase prefix 'u' (base64url)")
    data = encoded[1:]
    packed = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    return bytearray(gzip.decompress(packed))


def empty() -> bytearray:
    return bytearray(LIST_SIZE // 8)


def is_set(bits: bytearray, index: int) -> bool:
    # Index 0 is the left-most (most significant) bit of the first byte.
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def set_bit(bits: bytearray, index: int, value: bool = True) -> None:
    if value:
        bits[index // 8] |= 0x80 >> (index % 8)
    else:
        bits[index // 8] &= ~(0x80 >> (index % 8)) & 0xFF


def allocate(used: set[int], size: int = LIST_SIZE) -> int:
    """A random free index: sequential indexes would reveal issue order and volume."""
    if len(used) >= size:
        raise ValueError("the status list is full")
    while True:
        index = secrets.randbelow(size)
        if index not in used:
            return index


def list_url(site: Site, purpose: str = "revocation") -> str:
    return routes.absolute(site, routes.status_list(purpose))


def entry(site: Site, index: int, purpose: str = "revocation") -> dict:
    url = list_url(site, purpose)
    return {"id": f"{url}#{index}", "type": "BitstringStatusListEntry", "statusPurpose": purpose,
            "statusListIndex": str(index), "statusListCredential": url}


def unsigned_list_credential(site: Site, bits: bytearray, valid_from: str,
                             purpose: str = "revocation") -> dict:
    url = list_url(site, purpose)
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": routes.issuer_did(site),
        "validFrom": valid_from,
        "credentialSubject": {"id": f"{url}#list", "type": "BitstringStatusList",
                              "statusPurpose": purpose, "encodedList": encode(bits), "ttl": TTL_MS},
    }
