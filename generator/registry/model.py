"""The plain, immutable models the registry's stages pass on.

A member's values are what its published documents said when the registry read them; the
registry adds only what registry.yaml states (the member's id and sector) and what it saw
(digests, the moment of the snapshot, versions that changed in place).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.model import Site, Text

SECTORS = ("mbo", "hbo", "wo")  # the order the registry lists them in: as the Dutch system counts up


@dataclass(frozen=True)
class MemberEntry:
    """One member as registry.yaml lists it."""

    id: str  # part of the registry's URLs: members/<id>/, courses/<id>/<slug>/<version>/
    base_url: str  # the member site's base URL, ending in "/"
    sector: str  # mbo, hbo or wo: registry.yaml states it, as the published documents do not
    folder: Path | None  # a local copy of the member's published site, read instead of the snapshot
    line: int | None  # of the entry in registry.yaml, for messages


@dataclass(frozen=True)
class RegistryConfig:
    site: Site  # the registry as a site: base URL, languages, title, publisher, theme, its folder
    members: tuple[MemberEntry, ...]
    path: str  # registry.yaml as the user named it


@dataclass(frozen=True)
class Change:
    """A published version whose bytes changed after the registry first saw them."""

    file: str  # under the member's base URL, e.g. achievements/<slug>/<version>.json
    was: str  # sha256 (hex) first seen
    now: str  # sha256 (hex) seen since
    seen: str  # the day (YYYY-MM-DD) the change was first seen


@dataclass(frozen=True)
class MemberKey:
    """A public key in the member's DID document, under assertionMethod."""

    id: str  # the verification method id, <did>#<fragment>
    public_key: str  # publicKeyMultibase
    fingerprint: str  # SHA256:<base64 of the SHA-256 of the raw key>, see members.fingerprint


@dataclass(frozen=True)
class Microcredential:
    """One course version (one set of learning outcomes) as its member published it."""

    member: str  # the member's id
    slug: str
    version: str
    achievement: str  # the Achievement's id: its URL on the member's site
    page: str  # the member's permanent page of the version (the Achievement's criteria.id)
    title: Text  # the Achievement's name, with the member's other languages from its ELM file
    summary: Text
    ects: float | None  # None when the Achievement gives no creditsAvailable
    hours: int | None
    eqf: int | None
    fields: tuple[str, ...]  # ISCED-F codes
    languages: tuple[str, ...]  # of instruction
    modes: tuple[str, ...]  # participation: online, onsite, blended, work_experience
    outcomes: tuple[str, ...]  # in the Achievement's language
    skills: tuple[str, ...]  # ESCO skill names, in the Achievement's language
    language: str  # the Achievement's inLanguage: the language its own texts are in
    digest: str  # sha256 (hex) of the Achievement file as read
    current: bool  # the version the member's course page shows
    on_offer: bool  # the member's catalogue lists the course (not withdrawn)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.member, self.slug, self.version)

    @property
    def listed(self) -> bool:
        """In the registry's catalogue: the current version of a course still on offer."""
        return self.current and self.on_offer


@dataclass(frozen=True)
class Member:
    """A member whose documents passed the checks, as the registry publishes it."""

    entry: MemberEntry
    did: str
    name: Text  # the issuer profile's name, with the member's other languages from its ELM files
    url: str  # the institution's own website (issuer profile url)
    country: str
    did_document: str  # where its DID document is, under its base URL
    keys: tuple[MemberKey, ...]
    microcredentials: tuple[Microcredential, ...]  # every version, in the member's order
    files: dict[str, str]  # every document read: path under the base URL -> sha256 (hex)
    seen: str  # when its snapshot was taken (an ISO 8601 moment), "" for a local folder
    changes: tuple[Change, ...] = ()

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def sector(self) -> str:
        return self.entry.sector
