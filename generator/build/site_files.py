"""The site-wide files: catalogue, issuer pages, feeds, sitemap, JSON-LD endpoints, theme files.

Each is made here, once per build, in the order of the outputs table
(generator/site/outputs.py) that names them; course versions and credentials
are units of their own (units.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable, Sequence
from typing import Any

from generator import routes
from generator.build.units import Renderer
from generator.content.status import STATUS
from generator.credentials import statuslist
from generator.credentials.did import did_document
from generator.credentials.linked_data import extension_context
from generator.exports import elm, ooapi, qdr
from generator.model import CourseFamily, Pathway, Published, Site
from generator.site import documents, feeds, outputs, search, theme, verifier
from generator.site.render import (
    course_images,
    render_catalogue,
    render_issuer,
    render_not_found,
    render_pathway,
    render_verify,
)


def achievement_bodies(site: Site, families: list[CourseFamily],
                       pathways: Sequence[Pathway] = ()) -> dict[tuple[str, str], dict]:
    """Each published version's Achievement, and each pathway's, made once: its own file and the index both
    use it. Pathway and course slugs never meet (content/pathways.py), so neither hides the other's key."""
    bodies = {c.key: documents.achievement(site, c, with_context=False) for f in families for c in f.versions}
    bodies.update({p.key: documents.pathway_achievement(site, p, with_context=False) for p in pathways})
    return bodies


def site_files(site: Site, families: list[CourseFamily], bodies: dict[tuple[str, str], dict],
               table: list[outputs.Output], updated: dt.datetime,
               pathways: Sequence[Pathway] = ()) -> dict[str, bytes]:
    """Every file of the outputs table's site unit, made once, in the table's order. `updated`: the feeds' time
    (feeds_updated of the credentials the site publishes)."""
    renderer = Renderer(site)
    offered = _offered(families)
    pages = [{lang: routes.catalogue(site, lang) for lang in site.languages},
             *({lang: routes.course(site, lang, c) for lang in site.languages} for f in families for c in f.versions),
             {lang: routes.issuer_page(site, lang) for lang in site.languages},
             {lang: routes.verify_page(site, lang) for lang in site.languages},
             *({lang: routes.pathway(site, lang, p) for lang in site.languages} for p in pathways)]

    make: dict[str, Callable[[], bytes]] = {}
    for lang in site.languages:
        make.update(_language_files(site, lang, renderer, offered, updated))
    make[routes.achievements_index()] = lambda: json(documents.achievements_index(list(bodies.values())))
    make[routes.issuer_profile()] = lambda: json({"@context": list(documents.OB_CONTEXTS),
                                                  **documents.issuer_profile(site)})
    make[routes.EXTENSION_CONTEXT_PATH] = lambda: json(extension_context())
    make[routes.sitemap()] = lambda: feeds.sitemap(site, pages)
    make[routes.robots()] = lambda: feeds.robots(site)
    make[routes.not_found()] = lambda: render_not_found(
        renderer.env, site, renderer.ctx(site.default_language, routes.not_found())).encode()
    for name, source in theme.static_files(site).items():
        make[routes.static(name)] = source.read_bytes
    if site.institution.logo:
        logo = site.source / "content" / site.institution.logo
        make[routes.logo(logo.suffix)] = logo.read_bytes
    make[routes.verifier_module()] = verifier.bundle
    make[routes.did_document(site)] = lambda: json(did_document(site))
    for purpose in statuslist.PURPOSES:  # signed bytes, published unchanged
        make[routes.status_list(purpose)] = (site.source / STATUS / f"{purpose}.json").read_bytes
    # GitHub Pages would hide folders starting with "_" (and run Jekyll) without it.
    make[routes.no_jekyll()] = lambda: b""
    make[routes.host_headers()] = lambda: outputs.headers_file(site)
    make.update(_export_files(site, families, enrolment_day()))
    make.update(_pathway_files(site, renderer, families, pathways, bodies))

    # A table entry nothing here makes is left out, and the build reports it as a bug (checks.table_problems).
    return {o.route: make[o.route]() for o in table if o.unit == outputs.SITE and o.route in make}


def _language_files(site: Site, lang: str, renderer: Renderer, offered: list[CourseFamily],
                    updated: dt.datetime) -> dict[str, Callable[[], bytes]]:
    """The site-wide files made once per language."""
    catalogue, issuer = routes.catalogue(site, lang), routes.issuer_page(site, lang)
    verify = routes.verify_page(site, lang)
    return {
        routes.output_file(catalogue): lambda: render_catalogue(
            renderer.env, site, lang, offered, renderer.ctx(lang, catalogue)).encode(),
        routes.search_index(site, lang): lambda: search.search_index(site, lang, offered),
        routes.output_file(issuer): lambda: render_issuer(
            renderer.env, site, lang, renderer.ctx(lang, issuer)).encode(),
        routes.feed(site, lang): lambda: feeds.atom(site, lang, offered, updated),
        routes.check_strings(site, lang): lambda: verifier.check_strings(theme.strings(site, lang)),
        routes.output_file(verify): lambda: render_verify(
            renderer.env, site, lang, renderer.ctx(lang, verify)).encode(),
    }


def _offered(families: list[CourseFamily]) -> list[CourseFamily]:
    return [f for f in families if f.current.status != "withdrawn"]


def feeds_updated(published: Sequence[Published]) -> dt.datetime:
    """The feeds' `updated` time for these credentials: the only thing of them any site-wide file shows."""
    return feeds.updated(published, source_date())


def feed_files(site: Site, families: list[CourseFamily], updated: dt.datetime) -> dict[str, bytes]:
    """The feeds alone: what a build that only adds credentials may have to make again (build/delta.py)."""
    offered = _offered(families)
    return {routes.feed(site, lang): feeds.atom(site, lang, offered, updated) for lang in site.languages}


def enrolment_day() -> dt.date:
    """The day OOAPI's files say whether a run is still open for enrolment on: SOURCE_DATE_EPOCH's
    (reproducible builds), else today (UTC), as expiry is judged at the build's moment."""
    return (source_date() or dt.datetime.now(dt.UTC)).date()


def _export_files(site: Site, families: list[CourseFamily], today: dt.date) -> dict[str, Callable[[], bytes]]:
    """What registries read (generator/exports)."""
    make: dict[str, Callable[[], bytes]] = {}
    for resource in ooapi.resources(site, families):
        make[resource.route] = functools.partial(_json_of, resource.make, today)
    make[routes.host_redirects()] = ooapi.redirects
    opportunities = {c.key: elm.learning_opportunity(site, c) for c in elm.described(families)}
    for course in elm.described(families):
        make[routes.elm_learning_opportunity(course)] = functools.partial(
            _json_of, elm.standalone, opportunities[course.key])
    make[routes.elm_index()] = lambda: json(elm.index(list(opportunities.values())))
    make[routes.qdr_upload()] = lambda: qdr.upload(site, families)
    return make


def _json_of(make: Callable[[Any], dict], argument: Any) -> bytes:
    return json(make(argument))


def json(document: dict) -> bytes:
    return documents.dumps(document).encode()


def source_date() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH when set (reproducible builds): the feeds' time instead of their content's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else None


def _pathway_files(site: Site, renderer: Renderer, families: list[CourseFamily], pathways: Sequence[Pathway],
                   bodies: dict[tuple[str, str], dict]) -> dict[str, Callable[[], bytes]]:
    """Each pathway's pages, Achievement and drawn images (content/pathways/)."""
    make: dict[str, Callable[[], bytes]] = {}

    def page(pathway: Pathway, lang: str, by_lang: dict[str, str]) -> bytes:
        return render_pathway(renderer.env, site, lang, pathway, families, renderer.ctx(lang, by_lang[lang]),
                              by_lang).encode()

    def image(images: Callable[[], dict[str, bytes]], name: str) -> bytes:
        return images()[name]

    for pathway in pathways:
        by_lang = {lang: routes.pathway(site, lang, pathway) for lang in site.languages}
        for lang, path in by_lang.items():
            make[routes.output_file(path)] = functools.partial(page, pathway, lang, by_lang)
        make[routes.achievement(pathway)] = functools.partial(_json_of, documents.standalone, bodies[pathway.key])
        images = functools.cache(functools.partial(course_images, renderer.env, site, pathway))  # drawn once
        for name in ("badge.png", "badge.svg", "preview.png"):
            make[routes.course_image(pathway, name)] = functools.partial(image, images, name)
    return make
