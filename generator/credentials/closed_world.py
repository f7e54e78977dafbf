"""The closed world a verifier lives in: every URL it must load is one it can have.

A verifier of what credsite publishes has the standard JSON-LD contexts built in
(or fetches them from their registered hosts), and it can fetch the files this
site publishes. It has nothing else. A context URL that nobody serves passes
every check on the issuer's machine and fails every signature check in the world,
so the build refuses it, naming the document and the URL.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from urllib.parse import urldefrag

from generator.credentials.document_loader import shipped_contexts
from generator.credentials.findings import Finding, Reason, messages
from generator.credentials.linked_data import LEGACY_EXTENSION_CONTEXT_URL
from generator.model import Site
from generator.problems import Problem

OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
# The JSON Schema 1EdTech publishes and OB 3.0 verifiers fetch (or ship) to check a credential.
STANDARD_SCHEMAS = frozenset({OB_SCHEMA})
REISSUE_FIX = ("re-sign it in the current, self-contained format: credsite reissue --all "
               "(see: credsite docs issuing '5. Reissue')")

ACHIEVEMENT_FIELD = "credentialSubject.achievement.id"
Publishes = Callable[[str], bool]  # does this site publish the file at this absolute URL?


def standard_contexts() -> frozenset[str]:
    """Context URLs every verifier has: those credsite ships, taken from their registry packages."""
    return frozenset(shipped_contexts())


def context_urls(node: object) -> Iterator[str]:
    """Every URL named in an @context, at any depth (scoped contexts included), in document order."""
    # Collected into a list rather than yielded: every credential of a build is walked whole, and a chain of
    # nested generators cost several times the walk itself.
    found: list[str] = []
    _collect(node, found)
    return iter(found)


def _collect(node: object, found: list[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                _strings_in_context(value, found)
            elif isinstance(value, (dict, list)):
                _collect(value, found)
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, (dict, list)):
                _collect(item, found)


def _strings_in_context(value: object, found: list[str]) -> None:
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, list):
        for item in value:
            _strings_in_context(item, found)
    elif isinstance(value, dict):  # an inline context: its term definitions may hold scoped contexts
        _collect(value, found)


def links(document: object) -> Iterator[tuple[str, str]]:
    """(field, URL) for everything besides contexts that verifying `document` loads or shows."""
    if not isinstance(document, dict):
        return
    status = document.get("credentialStatus")
    for entry in status if isinstance(status, list) else [status]:
        if isinstance(entry, dict) and isinstance(entry.get("statusListCredential"), str):
            yield "credentialStatus.statusListCredential", entry["statusListCredential"]
    schemas = document.get("credentialSchema")
    for entry in schemas if isinstance(schemas, list) else [schemas]:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            yield "credentialSchema.id", entry["id"]
    subject = document.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    if isinstance(achievement, dict):
        if isinstance(achievement.get("id"), str):
            yield ACHIEVEMENT_FIELD, achievement["id"]
        yield from _image(achievement, "credentialSubject.achievement.image")
    issuer = document.get("issuer")
    if isinstance(issuer, dict):
        yield from _image(issuer, "issuer.image")


def _image(node: dict, field: str) -> Iterator[tuple[str, str]]:
    image = node.get("image")
    url = image.get("id") if isinstance(image, dict) else image
    if isinstance(url, str) and not url.startswith("data:"):  # a data: URL is in the document itself
        yield field, url


def problems(document: object, publishes: Publishes) -> list[str]:
    """Why a verifier in the world could not load something `document` needs; empty when it can."""
    return url_problems(context_urls(document), links(document), publishes)


def url_problems(contexts: Iterable[str], needed: Iterable[tuple[str, str]], publishes: Publishes) -> list[str]:
    """problems() over a document's context URLs and links, found before (and perhaps cached)."""
    return list(messages(url_findings(contexts, needed, publishes)))


def url_findings(contexts: Iterable[str], needed: Iterable[tuple[str, str]], publishes: Publishes,
                 signed: bool = False) -> list[Finding]:
    """url_problems() with their codes: CONTEXT, ACHIEVEMENT (the achievement's id) or LINK, each about its URL.

    A `signed` document (a credential) may name standard contexts only: a verifier
    checking a signature never fetches an unknown context, not even from the issuer's
    own site. Other published documents may also name a context file the site publishes.
    """
    found = []
    standard = standard_contexts()
    for url in dict.fromkeys(contexts):
        if url in standard:
            continue
        if signed and publishes(url):
            found.append(Finding(Reason.CONTEXT, f"@context: {url} is on this site, but a verifier checking a "
                                 "signature loads only the standard contexts it has; credsite's terms belong "
                                 "inline", url))
            continue
        if publishes(url):
            continue
        if url == LEGACY_EXTENSION_CONTEXT_URL:
            found.append(Finding(Reason.CONTEXT, f"@context: {url} is not served anywhere, so no verifier can load it "
                                 "(credentials issued before credsite embedded its context)", url))
        else:
            found.append(Finding(Reason.CONTEXT, f"@context: {url} is neither a standard context nor a file this "
                                 "site publishes, so verifiers cannot load it", url))
    for field, url in needed:
        if url not in STANDARD_SCHEMAS and not publishes(url):
            code = Reason.ACHIEVEMENT if field == ACHIEVEMENT_FIELD else Reason.LINK
            found.append(Finding(code, f"{field}: {url} is not a file this site publishes", url))
    return found


def published_by(site: Site, paths: set[str]) -> Publishes:
    """A Publishes over the site's output files (paths relative to the base URL)."""
    base = site.base_url

    def publishes(url: str) -> bool:
        url = urldefrag(url).url
        return url.startswith(base) and url[len(base):] in paths

    return publishes


def output_problems(outputs: dict[str, bytes], publishes: Publishes) -> list[Problem]:
    """problems() of every JSON document among a build's outputs (path -> bytes)."""
    found = []
    for name, data in sorted(outputs.items()):
        if not name.endswith((".json", ".jsonld")):
            continue
        try:
            document = json.loads(data)
        except ValueError:
            continue  # not JSON-LD a verifier would read; nothing to load
        found += [Problem(name, None, "", message, "a published document may name only standard contexts and "
                          "files the site publishes; if credsite wrote it, this is a bug in credsite")
                  for message in problems(document, publishes)]
    return found
