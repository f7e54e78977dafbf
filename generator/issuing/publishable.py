"""Would the build publish it? Asked of every document before credsite signs or writes it.

A credential the build then refuses ("NOT PUBLISHED") is worse than none: it is signed,
committed and perhaps mailed, and can only be replaced. So `issue` and `reissue` put each
credential, signed but not yet written, through the checks the build runs on it
(generator/build/issued.py: the OB 3.0 JSON Schema, the issuer and the proof, the closed
world of contexts and links, the dates and the status entry), and every command that signs
the status list checks it as the build and verifiers will read it. Besides, what is written
must read back as the same I-JSON (generator/strict_json.py).

The checks are the build's own functions; only the status list is the one about to be
written, instead of the file in content/status/ that the build will read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator import routes
from generator.content.issued import facts_of
from generator.credentials import closed_world, statuslist
from generator.credentials.did import resolver_for_site
from generator.credentials.findings import Finding, Reason
from generator.credentials.proofs import verify as verify_proof
from generator.credentials.verification import signature_findings, state_findings
from generator.issuing import files
from generator.model import Award, CourseFamily, Pathway, Site
from generator.site import documents, outputs
from generator.strict_json import InvalidJson, loads

# A JSON path at the start of a check's message ("validFrom: ...", "schema: evidence[0].id: ...").
_PATH = re.compile(r"(?:schema: )?([A-Za-z@$_][A-Za-z0-9@$_.\[\]\"-]*): ")


@dataclass(frozen=True)
class Refusal:
    """Why a document must not be signed: `field` is its JSON path ("" when none can be named)."""

    field: str
    message: str


class CredentialCheck:
    """What the build would refuse in a signed credential (build/issued.verify_issued), asked of many.

    `families`: the site's courses (drafts are left out here, as the build leaves them out); `pathways`: its
    pathways, likewise; `bits`: the status list as it will be written; `now`: the moment dates are judged at.
    """

    def __init__(self, site: Site, families: list[CourseFamily], bits: bytearray, now: dt.datetime,
                 pathways: Sequence[Pathway] = ()):
        published = [family for family in families if family.current.status != "draft"]
        shown = [pathway for pathway in pathways if pathway.status != "draft"]
        self.site, self.now = site, now
        self.resolver = resolver_for_site(site)
        self.versions: dict[str, Award] = {routes.absolute(site, routes.achievement(c)): c
                                           for f in published for c in f.versions}
        self.versions.update({routes.absolute(site, routes.achievement(p)): p for p in shown})
        self.publishes = outputs.publishes(site, outputs.table(site, published, (), statuslist.PURPOSES, shown))
        self.lookup = _lookup(site, bits)

    def refusals(self, document: dict) -> list[Refusal]:
        """Why the build would not publish `document`; empty when it would."""
        unreadable = _unreadable(document)
        if unreadable:
            return [unreadable]
        found = list(signature_findings(document, self.resolver))
        facts = facts_of(document)
        achievement = facts["credentialSubject"]["achievement"]["id"]
        if achievement not in self.versions:
            found.append(Finding(Reason.ACHIEVEMENT, f"{closed_world.ACHIEVEMENT_FIELD}: {achievement} is not a "
                                 "published course version of this site", str(achievement)))
        else:  # the build's own rule (build/issued.py): it claims no other kind than its course's
            claim = documents.claim_problem(self.versions[achievement], facts["credentialSubject"]["achievement"])
            if claim:
                found.append(Finding(Reason.CLAIM, f"{closed_world.ACHIEVEMENT_FIELD}: {claim}", str(achievement)))
        found += closed_world.url_findings(facts["contexts"], map(tuple, facts["links"]), self.publishes,
                                           signed=True)
        verdict, state = state_findings(facts, self.lookup, self.now)
        if verdict.status == "invalid":
            found += state
        return [refusal(finding.message) for finding in found]


def status_list_refusals(site: Site, document: dict) -> list[Refusal]:
    """What a verifier, or the build, would refuse in this signed status list."""
    unreadable = _unreadable(document)
    if unreadable:
        return [unreadable]
    resolver = resolver_for_site(site)
    result = verify_proof(document, resolver)
    found = [Refusal("proof", problem) for problem in result.problems]
    if document.get("issuer") != resolver.did or any(m.partition("#")[0] != resolver.did
                                                     for m in result.verification_methods):
        found.append(Refusal("issuer", f"is not {resolver.did}, the site's own DID"))
    unknown = [url for url in closed_world.context_urls(document) if url not in closed_world.standard_contexts()]
    found += [Refusal("@context", f"{url} is not a standard context") for url in unknown]
    try:
        bits = statuslist.decode(document["credentialSubject"]["encodedList"])
    except (KeyError, TypeError, ValueError, OSError, EOFError) as exc:
        return [*found, Refusal("credentialSubject.encodedList", f"cannot be decoded ({exc})")]
    if len(bits) * 8 < statuslist.LIST_SIZE:
        found.append(Refusal("credentialSubject.encodedList", f"holds {len(bits) * 8} entries, not "
                             f"{statuslist.LIST_SIZE}"))
    return found


def _unreadable(document: dict) -> Refusal | None:
    """The bytes credsite would write do not read back as this same I-JSON document."""
    try:
        data = files.credential_bytes(document)
    except UnicodeEncodeError as exc:  # a lone surrogate (from a command-line argument) cannot be UTF-8
        return Refusal("", f"holds U+{ord(exc.object[exc.start]):04X}, which is not a character and cannot be "
                       "written as UTF-8")
    try:
        same = loads(data) == document
    except InvalidJson as exc:
        return Refusal(exc.path, exc.msg)
    return None if same else Refusal("", "does not read back as it was written")


def _lookup(site: Site, bits: bytearray):
    """The status list as it is about to be written, where the build would read content/status/."""
    url = statuslist.list_url(site)

    def lookup(wanted: str) -> bytearray | Finding:
        if wanted == url:
            return bits
        return Finding(Reason.STATUS_UNAVAILABLE, f"status list {wanted} is not this site's", wanted)

    return lookup


def refusal(message: str) -> Refusal:
    """A check's message ("validFrom: ...", "schema: evidence[0].id: ...") as a Refusal of the field it names."""
    match = _PATH.match(message)
    return Refusal(match.group(1) if match else "", message)
