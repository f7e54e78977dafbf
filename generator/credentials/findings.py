"""What a check found wrong with a credential: a code to decide by, and a sentence to show.

The build chooses its fix and `credsite verify` its verdict from the code; the
message is for people and may be reworded at any time.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Reason(enum.Enum):
    NOT_JSON_OBJECT = "not-json-object"  # the credential is not a JSON object
    JSON_LD = "json-ld"  # JSON-LD processing would lose or change data, or needs a context nobody has
    CONTEXT = "context"  # an @context URL that no verifier can load
    LINK = "link"  # another URL verifying needs that the site does not publish
    ACHIEVEMENT = "achievement"  # the achievement it names is not one the site publishes
    CLAIM = "claim"  # its achievement claims another kind than its course's, e.g. a microcredential for a badge
    BAD_PROOF = "bad-proof"  # a proof's members, cryptosuite, proofValue or previousProof are wrong
    BAD_SIGNATURE = "bad-signature"  # the signature does not match the document
    UNKNOWN_KEY = "unknown-key"  # the issuer's DID document does not list the signing key (subject: the key)
    FOREIGN_KEY = "foreign-key"  # signed with a key of another DID than the issuer's (subject: the key)
    BAD_ISSUER = "bad-issuer"  # issuer.id is missing, or not a DID credsite could ever resolve
    WRONG_ISSUER = "wrong-issuer"  # another issuer than the one required (this site, or --issuer)
    ISSUER_UNRESOLVED = "issuer-unresolved"  # the issuer's DID document cannot be had offline (subject: the DID)
    SCHEMA = "schema"  # the OB 3.0 JSON Schema
    DATES = "dates"  # validFrom or validUntil is not a date-time with a time zone
    NOT_YET_VALID = "not-yet-valid"
    EXPIRED = "expired"
    STATUS_UNAVAILABLE = "status-unavailable"  # the status list cannot be had offline (subject: its URL)
    STATUS_INVALID = "status-invalid"  # a bad entry, or a list that does not verify or decode (subject: its URL)
    REVOKED = "revoked"
    SUSPENDED = "suspended"


@dataclass(frozen=True)
class Finding:
    code: Reason
    message: str
    subject: str = ""  # the key, DID or URL it is about, when the fix needs it
    brief: str = ""  # a shorter message for a one-line summary; "" when the message is short already

    def __str__(self) -> str:
        return self.message

    @property
    def short(self) -> str:
        return self.brief or self.message

    def to_json(self) -> list[str]:
        """A JSON-able form, for caches of verification results."""
        return [self.code.value, self.message, self.subject, self.brief]

    @classmethod
    def from_json(cls, value: object) -> Finding | None:
        """The finding to_json() made; None for anything else (an old or damaged cache entry)."""
        if not (isinstance(value, list) and len(value) == 4 and all(isinstance(v, str) for v in value)):
            return None
        try:
            return cls(Reason(value[0]), value[1], value[2], value[3])
        except ValueError:
            return None


def messages(findings: Iterable[Finding]) -> tuple[str, ...]:
    return tuple(f.message for f in findings)
