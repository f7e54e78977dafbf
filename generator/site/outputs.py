"""Every file the site publishes, in one table: where it goes, what makes it, which unit holds it.

The build writes exactly the files of this table (a difference is a bug it
reports); the hosts' `_headers` rules are given per kind of file here, and the
closed-world check asks this table whether the site publishes a URL. So a file
cannot be published without its headers, and a link cannot be trusted to a file
that is not published. Every path comes from `routes`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import NamedTuple

from generator import routes
from generator.credentials import closed_world, statuslist
from generator.exports import elm, ooapi
from generator.model import CourseFamily, Pathway, Published, Site
from generator.site import theme

SITE = "site"  # the unit of the site-wide files, made in every build


class Kind(enum.Enum):
    """What a file is: it decides how a host serves it."""

    PAGE = "page"
    BADGE_PAGE = "badge page"
    CREDENTIAL = "credential"
    ACHIEVEMENT = "achievement"
    ISSUER_PROFILE = "issuer profile"
    DID_DOCUMENT = "DID document"
    STATUS_LIST = "status list"
    CONTEXT = "context"
    COURSE_IMAGE = "course image"
    BAKED_PNG = "baked badge.png"
    BAKED_SVG = "baked badge.svg"
    STATIC = "theme file"
    VERIFIER = "in-browser verifier"  # an ES module, imported by badge pages and the verify page on demand
    UI_TEXT = "interface texts"  # the in-browser check's texts per language (JSON)
    SEARCH_INDEX = "search index"
    FEED = "feed"
    DISCOVERY = "discovery"  # sitemap.xml, robots.txt
    HOST = "host file"  # _headers, .nojekyll, _redirects
    OOAPI = "OOAPI resource"  # the Open Education API files RIO and eduXchange read (JSON)
    ELM = "ELM learning opportunity"  # a course version in the European Learning Model (JSON-LD)
    QDR = "QDR upload"  # the catalogue for Europass's Qualification Dataset Register (XML)


class Output(NamedTuple):
    """One file of the table. A tuple, not a dataclass: a hundred thousand credentials make three hundred thousand
    of them in every build, and a tuple is made in a third of the time."""

    route: str  # the path under the base URL (routes decides it)
    producer: str  # what makes it, named for the map in README.md
    unit: str  # SITE, "course:<slug>/<version>" or "badge:<uuid>"
    kind: Kind


def course_unit_id(slug: str, version: str) -> str:
    return f"course:{slug}/{version}"


def badge_unit_id(credential_uuid: str) -> str:
    return f"badge:{credential_uuid}"


def table(site: Site, families: list[CourseFamily], published: Iterable[Published],
          status_lists: Iterable[str], pathways: Iterable[Pathway] = ()) -> list[Output]:
    """The files a build of this content publishes. `status_lists`: the purposes in content/status/;
    `pathways`: content/pathways/, each made once per build with the site-wide files."""
    out: list[Output] = []

    def add(route: str, producer: str, kind: Kind, unit: str = SITE) -> None:
        out.append(Output(route, producer, unit, kind))

    for lang in site.languages:
        add(routes.output_file(routes.catalogue(site, lang)), "render.render_catalogue", Kind.PAGE)
        add(routes.search_index(site, lang), "search.search_index", Kind.SEARCH_INDEX)
    add(routes.achievements_index(), "documents.achievements_index", Kind.ACHIEVEMENT)
    for lang in site.languages:
        add(routes.output_file(routes.issuer_page(site, lang)), "render.render_issuer", Kind.PAGE)
    for lang in site.languages:
        add(routes.output_file(routes.verify_page(site, lang)), "render.render_verify", Kind.PAGE)
    add(routes.verifier_module(), "generator/data/verifier/credsite-verifier.js, as built", Kind.VERIFIER)
    for lang in site.languages:
        add(routes.check_strings(site, lang), "verifier.check_strings", Kind.UI_TEXT)
    add(routes.issuer_profile(), "documents.issuer_profile", Kind.ISSUER_PROFILE)
    add(routes.EXTENSION_CONTEXT_PATH, "linked_data.extension_context", Kind.CONTEXT)
    for lang in site.languages:
        add(routes.feed(site, lang), "feeds.atom", Kind.FEED)
    add(routes.sitemap(), "feeds.sitemap", Kind.DISCOVERY)
    add(routes.robots(), "feeds.robots", Kind.DISCOVERY)
    add(routes.not_found(), "render.render_not_found", Kind.PAGE)
    for name in theme.static_files(site):
        add(routes.static(name), "theme.static_files", Kind.STATIC)
    if site.institution.logo:
        add(routes.logo(Path(site.institution.logo).suffix), "site.yaml institution.logo", Kind.STATIC)
    if site.keys:
        add(routes.did_document(site), "did.did_document", Kind.DID_DOCUMENT)
    for purpose in status_lists:
        add(routes.status_list(purpose), f"content/status/{purpose}.json, as signed", Kind.STATUS_LIST)
    add(routes.no_jekyll(), "empty", Kind.HOST)
    add(routes.host_headers(), "hosting.headers_file", Kind.HOST)

    for family in families:
        for course in family.versions:
            unit = course_unit_id(course.slug, course.version)
            pages = [routes.course, routes.course_version] if course.is_current else [routes.course_version]
            for page in pages:
                for lang in site.languages:
                    add(routes.output_file(page(site, lang, course)), "render.render_course", Kind.PAGE, unit)
            for name in ("badge.png", "badge.svg", "preview.png"):
                add(routes.course_image(course, name), "render.course_images", Kind.COURSE_IMAGE, unit)
            add(routes.achievement(course), "documents.achievement", Kind.ACHIEVEMENT, unit)

    bakes, append = site.bakes_images, out.append
    badge_pages = [routes.badge_files(site, lang) for lang in site.languages]
    for item in published:
        uid = item.credential.uuid
        unit = badge_unit_id(uid)
        append(Output(routes.credential_json(uid), "content/issued/<uuid>.json, as signed", unit, Kind.CREDENTIAL))
        if bakes:
            append(Output(routes.baked_badge(uid, "badge.png"), "badges.bake_png", unit, Kind.BAKED_PNG))
            append(Output(routes.baked_badge(uid, "badge.svg"), "badges.bake_svg", unit, Kind.BAKED_SVG))
        for badge_page in badge_pages:
            append(Output(badge_page(uid), "render.render_badge", unit, Kind.BADGE_PAGE))

    # What registries read (generator/exports): OOAPI when the site gives a contact address, whose
    # request paths Netlify and Cloudflare Pages reach through _redirects; ELM per version; the QDR upload.
    for resource in ooapi.resources(site, families):
        add(resource.route, "exports.ooapi", Kind.OOAPI)
    if ooapi.published(site):
        add(routes.host_redirects(), "exports.ooapi.redirects", Kind.HOST)
    for course in elm.described(families):
        add(routes.elm_learning_opportunity(course), "exports.elm.learning_opportunity", Kind.ELM)
    add(routes.elm_index(), "exports.elm.index", Kind.ELM)
    add(routes.qdr_upload(), "exports.qdr.upload", Kind.QDR)

    # Pathways: a page per language, an Achievement and drawn images, where a course version's would be.
    for pathway in pathways:
        for lang in site.languages:
            add(routes.output_file(routes.pathway(site, lang, pathway)), "render.render_pathway", Kind.PAGE)
        for name in ("badge.png", "badge.svg", "preview.png"):
            add(routes.course_image(pathway, name), "render.course_images", Kind.COURSE_IMAGE)
        add(routes.achievement(pathway), "documents.pathway_achievement", Kind.ACHIEVEMENT)
    return out


def status_lists_in(source: Path) -> list[str]:
    """The purposes whose signed list is in content/status/, and so published."""
    return [p for p in statuslist.PURPOSES if (source / "content" / "status" / f"{p}.json").is_file()]


def publishes(site: Site, outputs: Iterable[Output]) -> closed_world.Publishes:
    """Does the site publish the file at this absolute URL?"""
    return closed_world.published_by(site, {o.route for o in outputs})


# ---------------------------------------------------------------- how hosts serve each kind

JSON_LD = "application/ld+json"
CREDENTIAL = "application/vc+ld+json"  # what OB 3.0 says a credential SHOULD be served as
DID_JSON = "application/did+ld+json"
IMAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
CORS = "Access-Control-Allow-Origin: *"
JSON = "application/json; charset=utf-8"
XML = "application/xml; charset=utf-8"


@dataclass(frozen=True)
class Rule:
    """Headers for the files matching `patterns`; `kinds` are the kinds of file it is written for."""

    patterns: tuple[str, ...]
    headers: tuple[str, ...]
    kinds: tuple[Kind, ...]


def header_rules(site: Site) -> list[Rule]:
    """Netlify / Cloudflare Pages rules, in order. Patterns are routes with "*" for what varies;
    "/*" holds for every file.

    Paths are relative to the folder the host serves, so a site under a sub-path
    (https://host/a/b/) is assumed to be served from that folder's root on such hosts.
    """
    def cached(seconds: int) -> str:
        return f"Cache-Control: public, max-age={seconds}"

    def pattern(route: str) -> str:
        return "/" + route

    def folder(route: str) -> str:
        return pattern(route.rsplit("/", 1)[0] + "/*")

    status_seconds = statuslist.TTL_MS // 1000
    return [
        Rule(("/*",), ("X-Content-Type-Options: nosniff", "Referrer-Policy: strict-origin-when-cross-origin"),
             ()),
        Rule((pattern(routes.credential_json("*")),), (f"Content-Type: {CREDENTIAL}", CORS, cached(3600)),
             (Kind.CREDENTIAL,)),
        Rule((folder(routes.achievements_index()),), (f"Content-Type: {JSON_LD}", CORS, cached(3600)),
             (Kind.ACHIEVEMENT,)),
        Rule((pattern(routes.issuer_profile()),), (f"Content-Type: {JSON_LD}", CORS, cached(3600)),
             (Kind.ISSUER_PROFILE,)),
        # Both places did:web may resolve to: a site can move between a host's root and a path.
        *(Rule((pattern(did),), (f"Content-Type: {DID_JSON}", CORS, cached(300)), (Kind.DID_DOCUMENT,))
          for did in reversed(routes.DID_DOCUMENTS)),
        Rule((folder(routes.status_list()),), (f"Content-Type: {JSON_LD}", CORS, cached(status_seconds)),
             (Kind.STATUS_LIST,)),
        Rule((folder(routes.EXTENSION_CONTEXT_PATH),), (f"Content-Type: {JSON_LD}", CORS, cached(86400)),
             (Kind.CONTEXT,)),
        Rule((folder(routes.verifier_module()) + ".js",),
             ("Content-Type: text/javascript; charset=utf-8", cached(86400)), (Kind.VERIFIER,)),
        # Badge pages are the learner's to share, not for search engines to list.
        *(Rule((pattern(routes.badge("*", site, lang).rstrip("/")),), ("X-Robots-Tag: noindex",),
               (Kind.BADGE_PAGE,))
          for lang in site.languages),
        # Images are checked when built; should one still hold script, opened on its own it may not run.
        Rule((folder(routes.course_image_folder()), folder(routes.static("*")),
              pattern(routes.baked_badge("*", "badge.svg"))),
             (f"Content-Security-Policy: {IMAGE_POLICY}",), (Kind.COURSE_IMAGE, Kind.STATIC, Kind.BAKED_SVG)),
        # Registries and harvesters read these from other origins. The OOAPI rule also covers the
        # request paths without ".json" that _redirects rewrites, which have no extension to go by.
        Rule((pattern(routes.OOAPI_FOLDER + "*"),), (f"Content-Type: {JSON}", CORS, cached(3600)), (Kind.OOAPI,)),
        Rule((folder(routes.elm_index()),), (f"Content-Type: {JSON_LD}", CORS, cached(3600)), (Kind.ELM,)),
        Rule((folder(routes.qdr_upload()),), (f"Content-Type: {XML}", CORS, cached(3600)), (Kind.QDR,)),
    ]


def headers_file(site: Site) -> bytes:
    lines = []
    for rule in header_rules(site):
        for path in rule.patterns:
            lines.append(path)
            lines.extend(f"  {h}" for h in rule.headers)
    return ("\n".join(lines) + "\n").encode()


def unserved(site: Site, outputs: Iterable[Output]) -> list[Output]:
    """Outputs that no rule written for their kind matches: the table and the rules disagree."""
    rules = header_rules(site)
    wrong = []
    for output in outputs:
        mine = [r for r in rules if output.kind in r.kinds]
        if mine and not any(fnmatchcase("/" + output.route, p) for r in mine for p in r.patterns):
            wrong.append(output)
    return wrong
