"""The registry's machine-readable files: its JSON-LD index and member list, search index, feed, headers.

The index refers to each member's Achievement by its id (the member's URL) with the digest of the file
the registry read, and repeats only what a list needs; it never republishes an Achievement as the
registry's own. The member list gives each member's DID and keys as the registry read them, so a
verifier can use the registry as a list of known issuers.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from xml.etree import ElementTree as ET

from generator import routes
from generator.content import vocab
from generator.credentials.did import DID_CONTEXTS
from generator.model import Site, pick
from generator.registry.model import Member
from generator.registry.pages import card_key, listed
from generator.site import documents, outputs

CONTEXT = [*documents.OB_CONTEXTS, *DID_CONTEXTS]  # standard contexts only: every verifier has them
ATOM = "http://www.w3.org/2005/Atom"


def sri(digest_hex: str) -> str:
    """A SHA-256 digest as Subresource Integrity writes it (the digestSRI of Verifiable Credentials 2.0)."""
    return "sha256-" + base64.b64encode(bytes.fromhex(digest_hex)).decode("ascii")


def registry_index(site: Site, members: list[Member]) -> bytes:
    """Every course version of every member, as references to the member's own Achievement."""
    graph = []
    for member in members:
        for mc in member.microcredentials:
            entry: dict = {"id": mc.achievement, "type": ["Achievement"], "achievementType": "MicroCredential",
                           "name": pick(mc.title, mc.language, site.default_language), "version": mc.version,
                           "creator": {"id": member.did, "type": ["Profile"]},
                           "criteria": {"id": mc.page}, "digestSRI": sri(mc.digest)}
            if mc.ects is not None:
                entry["creditsAvailable"] = mc.ects
            if mc.language != "und":
                entry["inLanguage"] = mc.language
            entry["url"] = routes.absolute(site, routes.registry_course(site, site.default_language, member.id,
                                                                         mc.slug, mc.version))
            graph.append(entry)
    return _json({"@context": CONTEXT, "@graph": graph})


def members_document(site: Site, members: list[Member]) -> bytes:
    """The members with their DIDs, keys and the digests of the documents the keys were read from."""
    graph = []
    for member in members:
        node: dict = {"id": member.did, "type": ["Profile"],
                      "name": pick(member.name, site.default_language, site.default_language)}
        if member.url:
            node["url"] = member.url
        node["alsoKnownAs"] = [member.entry.base_url]
        node["verificationMethod"] = [{"id": key.id, "type": "Multikey", "controller": member.did,
                                       "publicKeyMultibase": key.public_key} for key in member.keys]
        node["assertionMethod"] = [key.id for key in member.keys]
        graph.append(node)
    return _json({"@context": CONTEXT, "@graph": graph})


def _json(document: dict) -> bytes:
    return documents.dumps(document).encode("utf-8")


def search_index(site: Site, lang: str, members: list[Member]) -> bytes:
    """The catalogue's search index, in the form the theme's filter.js reads (one entry per card)."""
    entries = []
    for member, mc in listed(members):
        shown = pick(mc.title, lang, mc.language)
        entries.append({
            "slug": card_key(mc), "title": shown, "skills": " ".join(mc.skills), "outcomes": " ".join(mc.outcomes),
            "text": " ".join(filter(None, [
                pick(mc.summary, lang, mc.language), pick(member.name, lang, site.default_language),
                " ".join(vocab.isced_f()[code].label_in(lang) for code in mc.fields if code in vocab.isced_f())]))})
    return (json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def feed(site: Site, lang: str, members: list[Member], updated: dt.datetime) -> bytes:
    """Atom: the microcredentials in the catalogue, one entry per version, so a new version is a new item."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    here = routes.absolute(site, routes.feed(site, lang))
    ET.SubElement(root, f"{{{ATOM}}}title").text = pick(site.title, lang, site.default_language)
    ET.SubElement(root, f"{{{ATOM}}}id").text = here
    ET.SubElement(root, f"{{{ATOM}}}updated").text = updated.isoformat()
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", href=here)
    ET.SubElement(root, f"{{{ATOM}}}link", rel="alternate", href=routes.absolute(site, routes.catalogue(site, lang)))
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = pick(site.institution.name, lang, site.default_language)
    ET.SubElement(author, f"{{{ATOM}}}uri").text = site.institution.url
    for member, mc in listed(members):
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        page = routes.absolute(site, routes.registry_course(site, lang, member.id, mc.slug, mc.version))
        ET.SubElement(entry, f"{{{ATOM}}}title").text = pick(mc.title, lang, mc.language)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = page
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = updated.isoformat()
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=page)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = pick(mc.summary, lang, mc.language)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def headers_file() -> bytes:
    """Netlify's and Cloudflare Pages' rules for the registry: its data is for other origins to read."""
    rules = [("/*", ("X-Content-Type-Options: nosniff", "Referrer-Policy: strict-origin-when-cross-origin")),
             ("/" + routes.REGISTRY_DATA + "*.jsonld", (f"Content-Type: {outputs.JSON_LD}", outputs.CORS,
                                                        "Cache-Control: public, max-age=3600")),
             ("/" + routes.registry_manifest(), (f"Content-Type: {outputs.JSON}", outputs.CORS,
                                                 "Cache-Control: public, max-age=3600")),
             ("/" + routes.static("*"), (f"Content-Security-Policy: {outputs.IMAGE_POLICY}",))]
    lines = []
    for pattern, headers in rules:
        lines.append(pattern)
        lines.extend(f"  {header}" for header in headers)
    return ("\n".join(lines) + "\n").encode("utf-8")
