"""sitemap.xml, robots.txt and the Atom feed of courses, built as XML trees."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from xml.etree import ElementTree as ET

from generator import routes
from generator.model import CourseFamily, Published, Site, pick

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
NO_DATE = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # a site without credentials and without SOURCE_DATE_EPOCH
_PLAIN_UTC = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


def updated(published: Iterable[Published], fixed: dt.datetime | None = None) -> dt.datetime:
    """The feeds' `updated` time: `fixed` (SOURCE_DATE_EPOCH) when given, else the newest issue date
    (validFrom) of the credentials the site publishes.

    Only content decides it, never file times: a checkout, a copy or a CI runner gives every file a
    new time, and the same content must build the same feed wherever it is built.
    """
    if fixed is not None:
        return fixed.astimezone(dt.UTC)
    # What credsite issue writes (YYYY-MM-DDTHH:MM:SSZ) sorts as text as it does in time, so of those only the
    # newest is read as a time: a hundred thousand credentials cost a comparison each, not a parse.
    plain: list[str] = []
    others: list[object] = []
    for item in published:
        value = item.credential.facts.get("validFrom")
        if isinstance(value, str) and _PLAIN_UTC.fullmatch(value):
            plain.append(value)
        else:
            others.append(value)
    newest = _instant(max(plain)) if plain else None
    if plain and newest is None:  # text of that form that is no date (a month 13): every one is read
        others += plain
    dates = [newest, *map(_instant, others)]
    return max((d for d in dates if d is not None), default=NO_DATE)


def _instant(value: object) -> dt.datetime | None:
    """A date-time with a time zone in UTC, to the second; None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.upper())  # RFC 3339 allows a lower-case t and z
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.astimezone(dt.UTC).replace(microsecond=0)


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def sitemap(site: Site, pages: list[dict[str, str]]) -> bytes:
    """`pages`: one map lang -> path per page that exists in every language."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for versions in pages:
        for lang in site.languages:
            url = ET.SubElement(root, f"{{{SITEMAP}}}url")
            ET.SubElement(url, f"{{{SITEMAP}}}loc").text = routes.absolute(site, versions[lang])
            for other in site.languages:
                ET.SubElement(url, f"{{{XHTML}}}link", rel="alternate", hreflang=other,
                              href=routes.absolute(site, versions[other]))
    return _xml(root)


def robots(site: Site) -> bytes:
    # Badge pages carry noindex themselves; robots.txt only points at the sitemap.
    return f"User-agent: *\nAllow: /\n\nSitemap: {routes.absolute(site, 'sitemap.xml')}\n".encode()


def atom(site: Site, lang: str, families: list[CourseFamily], updated: dt.datetime) -> bytes:
    ET.register_namespace("", ATOM)
    fallback = site.default_language
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})
    ET.SubElement(root, f"{{{ATOM}}}title").text = pick(site.title, lang, fallback)
    ET.SubElement(root, f"{{{ATOM}}}id").text = routes.absolute(site, routes.feed(site, lang))
    ET.SubElement(root, f"{{{ATOM}}}updated").text = updated.isoformat()
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", href=routes.absolute(site, routes.feed(site, lang)))
    ET.SubElement(root, f"{{{ATOM}}}link", rel="alternate",
                  href=routes.absolute(site, routes.catalogue(site, lang)))
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = pick(site.institution.name, lang, fallback)
    ET.SubElement(author, f"{{{ATOM}}}uri").text = site.institution.url
    for family in families:
        course = family.current
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = pick(course.title, lang, fallback)
        # One entry id per version: a new version shows up as a new item in readers.
        ET.SubElement(entry, f"{{{ATOM}}}id").text = routes.absolute(
            site, routes.course_version(site, lang, course))
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = updated.isoformat()
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate",
                      href=routes.absolute(site, routes.course(site, lang, course)))
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = pick(course.summary, lang, fallback)
    return _xml(root)
