"""What the exports share: codes for languages and countries, texts per language, the courses on
offer, and where each version of a course sits in time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pycountry

from generator.model import Course, CourseFamily, Offering, Site, Text

EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language"  # the EU's language table
EU_COUNTRY = "http://publications.europa.eu/resource/authority/country"  # the EU's country table


def registered(families: list[CourseFamily]) -> list[CourseFamily]:
    """The courses the exports describe: microcredentials only. RIO, eduXchange's catalogue and Europass's
    QDR record recognised, quality-assured education; a non-formal badge claims no recognition and awards
    no credits, so it is left out of all of them rather than entered as something it is not
    (docs/registries.md). A course keeps its kind in all its versions, so its current version decides."""
    return [f for f in families if f.current.is_microcredential]


def offered(families: list[CourseFamily]) -> list[CourseFamily]:
    """The courses a registry should list: those not withdrawn (drafts only reach here with --drafts)."""
    return [f for f in families if f.current.status != "withdrawn"]


def texts(site: Site, text: Text) -> dict[str, str]:
    """`text` in each site language it is given in, in the site's order. A language with no text of
    its own is left out: a registry must not get the default language's text labelled as another."""
    return {lang: text[lang] for lang in site.languages if text.get(lang)}


def language_code(tag: str) -> str:
    """ISO 639-3 code of a BCP 47 tag's language ("nl-BE" -> "nld"), or "" when ISO 639-3 has none.

    OOAPI's teachingLanguage and the EU's language table both use it (the EU's in upper case).
    """
    primary = tag.split("-")[0].lower()
    if len(primary) == 2:
        found = pycountry.languages.get(alpha_2=primary)
    else:
        found = pycountry.languages.get(alpha_3=primary)
    return found.alpha_3 if found is not None else ""


def eu_language(tag: str) -> str:
    """The EU language concept of a tag, e.g. .../language/NLD; "" when the language has no code."""
    code = language_code(tag)
    return f"{EU_LANGUAGE}/{code.upper()}" if code else ""


def eu_country(alpha_2: str) -> str:
    """The EU country concept of an ISO 3166-1 alpha-2 code (site.yaml checked it exists)."""
    country = pycountry.countries.get(alpha_2=alpha_2)
    return f"{EU_COUNTRY}/{country.alpha_3}" if country is not None else ""


def first_start(course: Course) -> dt.date | None:
    return min((o.start for o in course.offerings), default=None)


def with_end(course: Course) -> list[tuple[int, Offering]]:
    """The runs with an end date (index in the course file, run): OOAPI requires both dates."""
    return [(i, o) for i, o in enumerate(course.offerings) if o.end is not None]


@dataclass(frozen=True)
class Period:
    """A version of a course on the registry's timeline: from its first run until the next version's."""

    course: Course
    valid_from: dt.date | None
    valid_to: dt.date | None = None


def timeline(family: CourseFamily) -> tuple[Period, list[Period]]:
    """The current version's period, and the earlier versions that can be placed before it, oldest first.

    Course files give a version no dates of its own; a version is taken to start with its first run.
    RIO wants periods without gaps or overlaps, so an earlier version ends where the next one starts,
    and a version without runs, or one whose runs start no earlier than a newer version's, has no
    place on the timeline and is left out of it.
    """
    current_start = first_start(family.current)
    earlier: list[Period] = []
    bound = current_start
    for course in family.archived:  # newest first
        start = first_start(course)
        if start is None or (bound is not None and start >= bound):
            continue
        earlier.append(Period(course, start, bound))
        bound = start
    return Period(family.current, current_start), list(reversed(earlier))


def amount(value: float) -> str:
    """A price as a plain decimal without trailing zeros: 1650.0 -> "1650", 99.5 -> "99.5"."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
