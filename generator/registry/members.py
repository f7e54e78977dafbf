"""A member's published documents, checked as a verifier would check them, into a Member.

Two kinds of check, both against what the member published and nothing else:

- `read_member` (every build, all members): each document is there, is I-JSON, and says what a
  verifier relies on. The DID document sits where did:web puts it for the member's base URL and
  names that DID; the issuer profile's id is that DID; every Achievement the index lists is
  published at its own id, under the base URL, is the index's entry, and names the member as creator.
- `deep_problems` (the slow part, run only for members whose documents changed since the last
  build): the issuer profile and every Achievement pass the Open Badges 3.0 JSON Schema, and the
  three documents expand in JSON-LD with no term dropped, with only the contexts a verifier has.

A member that fails any check is left out of the registry, with every reason reported at once
(document and field); the others publish. The registry then links to what the member publishes and
repeats only what it needs to list and find it (name, level, credits, fields, languages, modes).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import jsonschema
import jsonschema_rs

from generator import routes
from generator.content import vocab
from generator.content.language_tags import language_tag_problem
from generator.content.reader import NOT_IN_IRI
from generator.credentials import canonical, linked_data
from generator.credentials.did import KeyResolver
from generator.credentials.multikey import public_from_multibase, public_to_multibase
from generator.credentials.schemas import achievement_credential_schema
from generator.model import Text
from generator.problems import Code, Problem
from generator.registry.model import Change, Member, MemberEntry, MemberKey, Microcredential
from generator.registry.snapshot import SEARCH_INDEX, digest, member_site
from generator.strict_json import loads

MICROCREDENTIAL = "MicroCredential"  # the achievementType of what the registry lists
MAX_PROBLEMS_PER_MEMBER = 50  # a member with a broken build fails every version alike: the first few say it


@dataclass(frozen=True)
class Checkable:
    """A document for `deep_problems`: its address, its definition in the OB 3.0 schema, and its content."""

    url: str
    definition: str  # "Achievement" or "Profile"; "" for JSON-LD only (the DID document)
    document: dict


@dataclass(frozen=True)
class Reading:
    """One member's documents as read: the Member they describe, or why it is left out."""

    entry: MemberEntry
    problems: tuple[Problem, ...]  # the member is left out when any keeps it out (see left_out)
    member: Member | None  # None when a document is missing or says something a verifier cannot accept
    checkable: tuple[Checkable, ...] = ()

    @property
    def ok(self) -> bool:
        return self.member is not None and not left_out(self.problems)


def left_out(problems: Iterable[Problem]) -> bool:
    """Whether these problems keep a member out of the registry.

    They are warnings, as --skip-invalid makes a site's refused credentials: the registry publishes
    the members that pass, and says which did not.
    """
    return any(p.code is Code.NOT_PUBLISHED for p in problems)


class _Report:
    """Collects the problems of one member, each naming the document's address and the member."""

    def __init__(self, entry: MemberEntry, passed: bool = False):
        self.entry = entry
        self.problems: list[Problem] = []
        # Documents byte for byte as ones that passed every check before were read strictly then.
        self.loads = json.loads if passed else loads

    def url(self, path: str) -> str:
        return self.entry.base_url + path

    def error(self, path: str, field: str, message: str, fix: str) -> None:
        self.problems.append(Problem(self.url(path), None, field, message,
                                     f"{fix}; until then the registry leaves member '{self.entry.id}' out",
                                     "warning", Code.NOT_PUBLISHED))

    def warn(self, path: str, field: str, message: str, fix: str) -> None:
        self.problems.append(Problem(self.url(path), None, field, message, fix, "warning"))

    def document(self, path: str, files: dict[str, bytes], required: bool = True) -> object | None:
        """The document at `path`, parsed; None (and for a required one, an error) when absent or not I-JSON."""
        data = files.get(path)
        if data is None:
            if required:
                self.error(path, "", "is missing", "the member publishes it with every credsite build")
            return None
        try:
            return self.loads(data)
        except ValueError as exc:  # InvalidJson, or (never, for documents that passed) a JSONDecodeError
            if required:
                self.error(path, "", f"is not valid JSON: {exc}", "the member must publish it as its build wrote it")
            else:
                self.warn(path, "", f"is not valid JSON ({exc}), so the registry does without it",
                          "the member's next build writes it again")
            return None


def read_member(entry: MemberEntry, files: dict[str, bytes], seen: str,
                changes: tuple[Change, ...] = (), passed: bool = False) -> Reading:
    """Check one member's documents (path under its base URL -> bytes) and read its microcredentials.

    `passed`: these very documents (by digest) passed every check in an earlier build, whose output
    still holds the member's pages; the slow checks are then not prepared again.
    """
    report = _Report(entry, passed)
    site = member_site(entry.base_url)
    did = routes.issuer_did(site)
    did_path = routes.did_document(site)
    keys = _keys(report, files, did, did_path)
    profile = _profile(report, files, did)
    listed = _achievements(report, files, did)
    problems = tuple(report.problems)
    if profile is None or keys is None or listed is None or left_out(problems):
        checkable = _checkable(report, files, did_path, listed or {})
        return Reading(entry, problems, None, checkable)
    offered = _on_offer(report, files)
    texts = _elm_texts(report, files, entry.base_url)
    courses = []
    current: set[str] = set()
    for path, achievement in listed.items():
        slug, version = routes.version_of(path) or ("", "")
        if achievement.get("achievementType") != MICROCREDENTIAL:
            continue  # checked like every Achievement, but the registry lists microcredentials only
        # credsite's index lists each course's current version first, then the versions it replaced.
        courses.append(_microcredential(entry.id, slug, version, achievement, files[path],
                                        texts.get((slug, version), ({}, {})), slug not in current,
                                        offered is None or slug in offered))
        current.add(slug)
    name = {**texts.get(("", ""), ({}, {}))[0], **_own_text(profile.get("name"), _languages_of(listed))}
    address = profile.get("address")
    member = Member(entry=entry, did=did, name=name, url=_web_address(profile.get("url")),
                    country=_string(address.get("addressCountryCode")) if isinstance(address, dict) else "",
                    did_document=did_path, keys=keys, microcredentials=tuple(courses),
                    files={path: digest(data) for path, data in sorted(files.items())}, seen=seen, changes=changes)
    return Reading(entry, tuple(report.problems), member,
                   () if passed else _checkable(report, files, did_path, listed))


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""


def _keys(report: _Report, files: dict[str, bytes], did: str, path: str) -> tuple[MemberKey, ...] | None:
    """The keys a verifier of the member's credentials finds where did:web resolves its DID."""
    if path not in files:
        other = next((p for p in routes.DID_DOCUMENTS if p != path and p in files), "")
        report.error(path, "", f"is missing: a verifier resolving {did} fetches the DID document from here"
                     + (f", not from {other}" if other else ""),
                     "the member's build publishes it when content/site.yaml lists its keys")
        return None
    document = report.document(path, files)
    if not isinstance(document, dict):
        if document is not None:
            report.error(path, "", "is not a DID document (a JSON object)",
                         "the member must publish its build's did.json")
        return None
    if document.get("id") != did:
        report.error(path, "id", f"is {document.get('id')!r}, not {did}, the DID of the member's base URL",
                     f"the member's base_url and registry.yaml must agree ({report.entry.base_url})")
        return None
    resolver = KeyResolver(document)
    methods = document.get("assertionMethod")
    keys = []
    for method in methods if isinstance(methods, list) else []:
        method_id = method if isinstance(method, str) else method.get("id") if isinstance(method, dict) else None
        key = resolver(method_id) if isinstance(method_id, str) and method_id.startswith(did + "#") else None
        if key is None or not isinstance(method_id, str):
            report.error(path, "assertionMethod", f"names {method_id!r}, which is no Ed25519 key of {did} in the "
                         "document", "the member's build lists each key of content/site.yaml here")
            continue
        multibase = public_to_multibase(key)
        keys.append(MemberKey(method_id, multibase, fingerprint(multibase)))
    if not keys and not any(p.field == "assertionMethod" for p in report.problems):
        report.error(path, "assertionMethod", "lists no key, so no credential of the member can be verified",
                     "the member adds its signing key to content/site.yaml's keys")
    return tuple(keys)


def fingerprint(public_key_multibase: str) -> str:
    """A short, comparable name of a public key: SHA256: and the unpadded base64 of the SHA-256 of its 32 bytes,
    as ssh-keygen shows a key's fingerprint."""
    raw = public_from_multibase(public_key_multibase).public_bytes_raw()
    return "SHA256:" + base64.b64encode(hashlib.sha256(raw).digest()).decode("ascii").rstrip("=")


def _profile(report: _Report, files: dict[str, bytes], did: str) -> dict | None:
    path = routes.issuer_profile()
    document = report.document(path, files)
    if document is None:
        return None
    if not isinstance(document, dict):
        report.error(path, "", "is not an issuer profile (a JSON object)",
                     "the member must publish its build's issuer.json")
        return None
    if document.get("id") != did:
        report.error(path, "id", f"is {document.get('id')!r}, not {did}, the DID the member's base URL gives",
                     "a verifier checks credentials against the issuer at the base URL; the member's issuer.json "
                     "must name it")
        return None
    if not isinstance(document.get("name"), str) or not document["name"].strip():
        report.error(path, "name", "is missing", "the member's build writes the institution's name here")
        return None
    return document


def _achievements(report: _Report, files: dict[str, bytes], did: str) -> dict[str, dict] | None:
    """Each Achievement the index lists (path -> document), in the index's order, checked against the index."""
    index_path = routes.achievements_index()
    index = report.document(index_path, files)
    if index is None:
        return None
    graph = index.get("@graph") if isinstance(index, dict) else None
    if not isinstance(graph, list):
        report.error(index_path, "@graph", "is missing: the index lists the Achievements in @graph",
                     "the member must publish its build's achievements/index.json")
        return None
    base = report.entry.base_url
    out: dict[str, dict] = {}
    for i, entry in enumerate(graph):
        where = f"@graph[{i}]"
        if len(report.problems) >= MAX_PROBLEMS_PER_MEMBER:
            break
        url = entry.get("id") if isinstance(entry, dict) else None
        path = url[len(base):] if isinstance(url, str) and url.startswith(base) else ""
        if not isinstance(entry, dict) or not routes.version_of(path):
            report.error(index_path, where + ".id", f"is {url!r}, not an Achievement address under {base} "
                         "(achievements/<course>/<version>.json)", "the member must publish its build's index")
            continue
        if path in out:
            report.error(index_path, where + ".id", f"lists {url} twice", "the member must publish its build's index")
            continue
        document = report.document(path, files)
        if document is None:
            continue
        if not isinstance(document, dict):
            report.error(path, "", "is not an Achievement (a JSON object)", "the member must publish its build's file")
            continue
        body = {key: value for key, value in document.items() if key != "@context"}
        if body != entry:
            report.error(path, "", "differs from its entry in achievements/index.json",
                         "a published version never changes; the member's build writes both from one course file")
        elif document.get("id") != url:
            report.error(path, "id", f"is {document.get('id')!r}, not its own address", "the member must publish "
                         "its build's file")
        creator = document.get("creator")
        creator_id = creator.get("id") if isinstance(creator, dict) else creator
        if creator_id != did:
            report.error(path, "creator.id", f"is {creator_id!r}, not the member's DID {did}",
                         "a member's index may list its own Achievements only")
        criteria = document.get("criteria")
        page = criteria.get("id") if isinstance(criteria, dict) else None
        if not (isinstance(page, str) and page.startswith(base)):
            report.error(path, "criteria.id", f"is {page!r}, not a page under {base}",
                         "the registry links to the member's own page of each version")
        out[path] = document
    return out


def _on_offer(report: _Report, files: dict[str, bytes]) -> set[str] | None:
    """The courses the member's catalogue lists (its search index); None when it publishes none.

    A withdrawn course keeps its pages and Achievements, but leaves the member's catalogue and
    this index; the registry's catalogue follows the member's.
    """
    if SEARCH_INDEX not in files:
        return None
    entries = report.document(SEARCH_INDEX, files, required=False)
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("slug"), str)
                                                for e in entries):
        if entries is not None:
            report.warn(SEARCH_INDEX, "", "is not a list of courses, so every course counts as on offer",
                        "the member's next build writes it again")
        return None
    return {e["slug"] for e in entries}


def _elm_texts(report: _Report, files: dict[str, bytes], base_url: str) -> dict[tuple[str, str], tuple[Text, Text]]:
    """Titles and summaries in every language the member gives them, from its ELM index.

    An Achievement holds its texts in the site's default language; the ELM files hold every language,
    so a visitor reads the course in the registry's language when the member wrote it in that language.
    Key ("", "") holds the institution's name.
    """
    path = routes.elm_index()
    document = report.document(path, files, required=False) if path in files else None
    graph = document.get("@graph") if isinstance(document, dict) else None
    out: dict[tuple[str, str], tuple[Text, Text]] = {}
    for entry in graph if isinstance(graph, list) else []:
        url = entry.get("id") if isinstance(entry, dict) else None
        found = routes.version_of(url[len(base_url):], "elm") if isinstance(url, str) and url.startswith(base_url) \
            else None
        if found is None or not isinstance(entry, dict):
            continue
        out[found] = (_text_map(entry.get("title")), _text_map(entry.get("description")))
        providers = entry.get("providedBy")
        if ("", "") not in out and isinstance(providers, list) and providers and isinstance(providers[0], dict):
            out[("", "")] = (_text_map(providers[0].get("legalName")), {})
    return out


_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")  # what may go into a page's lang attribute


def _text_map(value: object) -> Text:
    if not isinstance(value, dict):
        return {}
    return {lang: text.strip() for lang, text in value.items()
            if isinstance(lang, str) and _LANGUAGE.fullmatch(lang) and isinstance(text, str) and text.strip()}


def _web_address(value: object) -> str:
    """An http(s) address as given, else "": the registry's pages link to it."""
    if not isinstance(value, str):
        return ""
    parts = urlsplit(value)
    return value if parts.scheme in ("https", "http") and parts.netloc and not NOT_IN_IRI.search(value) else ""


def _own_text(value: object, language: str) -> Text:
    return {language: value.strip()} if isinstance(value, str) and value.strip() else {}


def _languages_of(listed: dict[str, dict]) -> str:
    """The language of the member's own documents: its Achievements' inLanguage."""
    for document in listed.values():
        if isinstance(document.get("inLanguage"), str) and _LANGUAGE.fullmatch(document["inLanguage"]):
            return document["inLanguage"]
    return "und"


def _microcredential(member: str, slug: str, version: str, document: dict, data: bytes,
                     elm: tuple[Text, Text], current: bool, on_offer: bool) -> Microcredential:
    """The facts the registry lists and filters by, read with care: a schema-valid Achievement may still hold
    anything in the properties the schema leaves open."""
    language = _string(document.get("inLanguage"))
    language = language if language_tag_problem(language) is None else "und"
    alignments = [a for a in _list(document.get("alignment")) if isinstance(a, dict)]

    def aligned(kind: str, value: str) -> list[str]:
        return [a[value] for a in alignments if a.get("targetType") == kind and isinstance(a.get(value), str)]

    # ASCII digits only: str.isdigit() also takes '²' or '٣', which int() refuses or misreads.
    eqf_codes = [int(code) for code in aligned("ext:EQFLevel", "targetCode") if code.isascii() and code.isdigit()]
    eqf = eqf_codes[0] if eqf_codes and 1 <= eqf_codes[0] <= 8 else None
    credits = document.get("creditsAvailable")
    hours = document.get("studyLoadHours")
    criteria = document.get("criteria")
    # Only tags the pages can name: a member's extension terms are outside the schema's reach.
    taught = [t for t in _list(document.get("languageOfInstruction")) if isinstance(t, str)
              and language_tag_problem(t) is None]
    return Microcredential(
        member=member, slug=slug, version=version, achievement=document["id"],
        page=criteria["id"] if isinstance(criteria, dict) else "",
        title={**elm[0], **_own_text(document.get("name"), language)},
        summary={**elm[1], **_own_text(document.get("description"), language)},
        ects=float(credits) if isinstance(credits, (int, float)) and not isinstance(credits, bool) else None,
        hours=hours if isinstance(hours, int) and not isinstance(hours, bool) else None,
        eqf=eqf,
        # Only codes of the EU's vocabulary: they become filter values in the catalogue's CSS and ids.
        fields=tuple(dict.fromkeys(c for c in aligned("ext:ISCEDF", "targetCode") if c in vocab.isced_f())),
        languages=tuple(dict.fromkeys(taught or ([language] if language != "und" else []))),
        modes=tuple(m for m in vocab.PARTICIPATION_MODES if m in _list(document.get("participationMode"))),
        outcomes=tuple(o for o in _list(document.get("learningOutcome")) if isinstance(o, str)),
        skills=tuple(aligned("ext:ESCOSkill", "targetName")),
        language=language, digest=digest(data), current=current, on_offer=on_offer)


def _list(value: object) -> list:
    return value if isinstance(value, list) else [value] if value is not None else []


def _checkable(report: _Report, files: dict[str, bytes], did_path: str,
               listed: dict[str, dict]) -> tuple[Checkable, ...]:
    """What deep_problems checks: the issuer profile, the DID document and every listed Achievement."""
    out = []
    for path, definition in ((routes.issuer_profile(), "Profile"), (did_path, "")):
        try:
            document = loads(files[path]) if path in files else None
        except ValueError:
            document = None  # reported by read_member already
        if isinstance(document, dict):
            out.append(Checkable(report.url(path), definition, document))
    out += [Checkable(report.url(path), "Achievement", document) for path, document in listed.items()]
    return tuple(out)


def deep_problems(entry: MemberEntry, documents: tuple[Checkable, ...]) -> list[Problem]:
    """The OB 3.0 schema and the JSON-LD expansion of the member's documents; the slow half of the checks."""
    problems: list[Problem] = []
    fix = f"the member's build writes valid documents; until then the registry leaves member '{entry.id}' out"
    for item in documents:
        if len(problems) >= MAX_PROBLEMS_PER_MEMBER:
            break
        if item.definition:
            for line in schema_problems(item.document, item.definition)[:5]:
                where, _, message = line.partition(": ")
                problems.append(Problem(item.url, None, where, f"fails the Open Badges 3.0 schema of "
                                        f"{item.definition}: {message}", fix, "warning", Code.NOT_PUBLISHED))
        try:
            canonical.guard_only(item.document, linked_data.loader())
        except canonical.IntegrityError as exc:
            problems += [Problem(item.url, None, "@context", f"loses data in JSON-LD: {message}", fix, "warning",
                                 Code.NOT_PUBLISHED) for message in exc.problems[:5]]
    return problems


@functools.cache
def _validator(definition: str) -> jsonschema_rs.Draft201909Validator:
    """The OB 3.0 schema's definition of `definition` (Achievement, Profile), for documents on their own.

    The 1EdTech schema describes a whole credential; its $defs describe the parts a site publishes alone.
    Every $ref in it points inside the file, so the definition validates offline.
    """
    schema = achievement_credential_schema()
    checker = jsonschema.FormatChecker()
    formats = {name: (lambda value, name=name: checker.conforms(value, name)) for name in ("date", "date-time")}
    part = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}
    return jsonschema_rs.Draft201909Validator(part, formats=formats, validate_formats=True, offline=True)


def schema_problems(document: dict, definition: str) -> list[str]:
    """'<json path>: <message>' for every way `document` fails the schema's `definition`, sorted."""
    validator = _validator(definition)
    if validator.is_valid(document):
        return []
    lines = set()
    for error in validator.iter_errors(document):
        path = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.instance_path)
        lines.add(f"{path.lstrip('.') or '$'}: {' '.join(error.message.split())[:200]}")
    return sorted(lines)
