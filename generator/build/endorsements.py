"""Which endorsements in content/endorsements/ the build shows, each on its course version.

Every endorsement is checked (generator/credentials/endorsement.py) against the DID document
snapshots in content/endorsements/dids/ and the Achievements the site publishes. One that is
tampered, that is about an Achievement the site does not publish, or whose key its endorser's DID
document does not list stops the build with a problem naming its file. A sound endorsement goes
into its course version (Course.endorsements): the Achievement embeds it, the course page shows it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from generator import routes
from generator.content.endorsements import (
    DID_SNAPSHOTS,
    SNAPSHOT_DOCS,
    EndorsementFile,
    read_endorsements,
    read_snapshots,
)
from generator.credentials.did import DidResolver, KeyResolver, KnownDid
from generator.credentials.endorsement import (
    ENDORSEMENT_LEFT_OUT,
    duplicate_ids,
    endorsed_achievement,
    endorsement_findings,
    raw_site_keys,
)
from generator.credentials.findings import Finding, Reason, messages
from generator.model import Course, CourseFamily, Endorsement, Site
from generator.problems import Problem

SHOWN = 3  # findings a problem spells out before "and N more"


def endorse(site: Site, families: list[CourseFamily], now: dt.datetime,
            preview: bool = False) -> tuple[list[CourseFamily], list[Problem]]:
    """`families` with each version's sound endorsements in it, and a problem for every other endorsement.
    `preview`: the base URL is --base-url's, under which no endorsement's Achievement is published."""
    problems: list[Problem] = []
    files = read_endorsements(site.source, problems)
    snapshots = read_snapshots(site.source, problems)
    if not files:
        return families, problems
    dids = DidResolver({did: KnownDid(KeyResolver(s.document), s.source) for did, s in snapshots.items()})
    versions = {routes.absolute(site, routes.achievement(c)): c for f in families for c in f.versions}
    twice = duplicate_ids(f.document for f in files)
    own_keys = raw_site_keys(key.public_key for key in site.keys)
    endorsed: dict[tuple[str, str], list[Endorsement]] = {}
    for item in files:
        found = endorsement_findings(item.document, dids, versions.__contains__, routes.issuer_did(site), now,
                                     own_keys)
        if isinstance(item.document, dict) and item.document.get("id") in twice:
            found.append(Finding(Reason.SCHEMA, f"id: {item.document['id']} is the id of another endorsement in "
                                 "content/endorsements/ too"))
        if found:
            problems.append(_problem(item, found, preview))
            continue
        course = versions[endorsed_achievement(item.document)]
        endorsed.setdefault(course.key, []).append(_endorsement(item))
    return [_with_endorsements(family, endorsed) for family in families], problems


def _with_endorsements(family: CourseFamily, endorsed: dict[tuple[str, str], list[Endorsement]]) -> CourseFamily:
    def version(course: Course) -> Course:
        found = endorsed.get(course.key)
        if not found:
            return course
        return dataclasses.replace(course, endorsements=tuple(sorted(found, key=lambda e: (e.valid_from, e.source))))

    return dataclasses.replace(family, current=version(family.current),
                               archived=tuple(version(c) for c in family.archived))


def _endorsement(item: EndorsementFile) -> Endorsement:
    document = item.document
    assert isinstance(document, dict)  # endorsement_findings found it sound
    issuer = document["issuer"]
    profile = issuer if isinstance(issuer, dict) else {"id": issuer}
    comment = document["credentialSubject"].get("endorsementComment")
    return Endorsement(
        source=item.source, raw=item.raw, endorser=profile["id"], endorser_name=_text(profile.get("name")),
        endorser_url=_web_address(profile.get("url")), comment=_text(comment),
        valid_from=dt.datetime.fromisoformat(document["validFrom"].replace("Z", "+00:00")).date())


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _web_address(value: object) -> str:
    """The endorser's site, for a link on the course page: an http(s) address only (never javascript:)."""
    text = _text(value)
    return text if text.startswith(("https://", "http://")) else ""


def _problem(item: EndorsementFile, found: list[Finding], preview: bool) -> Problem:
    """One problem per endorsement file, with the fix its first finding calls for."""
    left_out = all(f.code in ENDORSEMENT_LEFT_OUT for f in found)
    shown = "; ".join(messages(found[:SHOWN])) + (f"; and {len(found) - SHOWN} more" if len(found) > SHOWN else "")
    if preview and [f.code for f in found] == [Reason.ACHIEVEMENT]:
        return Problem(item.source, None, "", f"not shown in this preview: {shown}",
                       "an endorsement names its Achievement under the site's base_url, not under --base-url's",
                       "warning")
    if left_out:
        return Problem(item.source, None, "", f"not shown: {shown}",
                       "ask the endorser for a current endorsement, or remove the file", "warning")
    return Problem(item.source, None, "", f"NOT SHOWN: {shown}", _fix(found[0]))


def _fix(finding: Finding) -> str:
    code = finding.code
    if code is Reason.ACHIEVEMENT:
        return ("an endorsement names the Achievement URL of one published course version, "
                "<base_url>achievements/<course>/<version>.json: ask the endorser to sign one for that URL "
                "(credsite endorse --achievement URL), or, if the course is a draft, publish it first")
    if code is Reason.ISSUER_UNRESOLVED:
        return (f"save the endorser's DID document, with the date you downloaded it, in {DID_SNAPSHOTS}/ "
                f"(see: {SNAPSHOT_DOCS})")
    if code is Reason.UNKNOWN_KEY:
        return ("the endorser's DID document in the snapshot does not list the key that signed it: if the "
                "endorser has a new key, download its DID document again; otherwise the file was not signed by "
                "the endorser it names: ask them for the file")
    if code is Reason.BAD_SIGNATURE:
        return ("the file was changed after the endorser signed it, or the key under that id in the snapshot "
                "of the endorser's DID document is another than the one that signed: put back the file exactly "
                "as the endorser sent it, or download the endorser's DID document again")
    if code is Reason.WRONG_ISSUER:
        return "an institution cannot endorse its own course: remove the file"
    if code in (Reason.FOREIGN_KEY, Reason.BAD_ISSUER):
        return "only the endorser itself can sign its endorsement: ask the endorser for the file"
    if code is Reason.CONTEXT:
        return ("an endorsement may name only the standard contexts (VC 2.0, OB 3.0.3), which every verifier "
                "has: ask the endorser to sign it again with credsite endorse")
    return "ask the endorser for a file signed with credsite endorse, or remove it"
