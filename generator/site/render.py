"""Turn models into HTML through the theme's Jinja2 templates.

Templates receive plain data (the Site, Course models and a few helpers); the
context each template gets is documented in docs/themes.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

import jinja2
from babel import Locale
from babel.core import get_global
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, get_decimal_symbol
from babel.units import format_unit

from generator import routes
from generator.content import vocab
from generator.model import KINDS, Award, Course, CourseFamily, Pathway, Site, pick
from generator.site import documents, markup, theme, verifier

if TYPE_CHECKING:
    from generator.site.badge_pages import BadgePages


def relative(from_path: str, to_path: str) -> str:
    """A link from one output URL path to another that works on any host and sub-path.

    Paths are relative to the site root: "" is the home page, "nl/courses/x/" a
    folder page, "issuer.json" a file.
    """
    here = from_path.split("/")[:-1]  # the folders the page sits in
    there = to_path.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return ("../" * (len(here) - common) + "/".join(there[common:])) or "./"


def make_environment(site: Site) -> jinja2.Environment:
    dirs = theme.theme_dirs(site)
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader([str(d / "templates") for d in dirs]),
        jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(theme.default_dir(site) / "templates"))}),
    ])
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             auto_reload=False)  # one environment per build; no need to stat templates
    env.filters["markdown"] = lambda text: jinja2.utils.markupsafe.Markup(markup.to_html(text))
    env.filters["tojson_ld"] = _script_json
    env.filters["wbr"] = breakable
    return env


# Where a long address may wrap: after a slash or colon (not inside "//"), and before
# a dot, "#", "?", "&" or "=". Without these, a narrow column breaks it anywhere
# ("is suer.json"), or, with no breaking at all, it widens the page.
_BREAK = re.compile(r"(?<=[/:])(?!/)|(?<=\w)(?=[.#?&=])")


def breakable(text: object) -> jinja2.utils.markupsafe.Markup:
    """`text`, HTML-escaped, with <wbr> where an address reads well when wrapped."""
    escape = jinja2.utils.markupsafe.escape
    parts = _BREAK.split(str(text))
    return jinja2.utils.markupsafe.Markup("<wbr>").join(escape(part) for part in parts)


def _script_json(document: dict) -> jinja2.utils.markupsafe.Markup:
    # JSON inside <script> must not be able to close the element early.
    text = documents.dumps(document).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return jinja2.utils.markupsafe.Markup(text)


class PageContext:
    """Helpers every template gets for one page in one language."""

    def __init__(self, site: Site, lang: str, path: str, strings: dict[str, str], assets: dict[str, str]):
        self.site = site
        self.lang = lang
        self.path = path
        self.strings = strings
        self.assets = assets

    def t(self, text) -> str:
        """Localised text from a per-language map."""
        if isinstance(text, dict):
            return pick(text, self.lang, self.site.default_language)
        return text or ""

    def s(self, key: str, **values) -> str:
        """A UI string from the theme's i18n files.

        A value that is already HTML (e.g. an address through the `wbr` filter) stays HTML:
        then the text around it is escaped and the result is HTML too.
        """
        template = self.strings.get(key, key)
        Markup = jinja2.utils.markupsafe.Markup
        if any(isinstance(value, Markup) for value in values.values()):
            return Markup(jinja2.utils.markupsafe.escape(template)).format(**values)
        return template.format(**values) if values else template

    def link(self, to_path: str) -> str:
        return relative(self.path, to_path)

    def asset(self, name: str) -> str:
        return self.link(routes.static(name)) + f"?v={self.assets.get(name, '')}"

    def absolute(self, path: str) -> str:
        return routes.absolute(self.site, path)

    def date(self, value: dt.date | None, form: str = "long") -> str:
        return _date(value, form, self.locale) if value else ""

    def number(self, value) -> str:
        return _number(value, self.locale)

    def grade(self, text: object) -> str:
        """A grade or mark as written ("7.5", "A", "pass"), a decimal number in this language's notation.

        Only the decimal point changes ("7.50" -> "7,50"): the digits stay as the course or the
        credential gives them, so a page never shows a grade the credential does not hold.
        """
        written = str(text)
        if _DECIMAL.fullmatch(written):
            return written.replace(".", _decimal_symbol(self.locale))
        return written

    def concept(self, table: str, token: Any) -> str:
        """The label of a vocabulary token in this page's language.

        A theme may name or rename any concept with an interface text `label_<table>_<token>`
        (e.g. `label_isced_0613` in i18n/nl.yaml). One in this language's file wins; then
        credsite's own label in this language; then one in en.yaml; then credsite's English.
        """
        # Worked out once per language and token: every badge page's view asks for a dozen.
        said = self._own()[2]
        try:
            return said[(table, token)]
        except KeyError:
            label = said[(table, token)] = self._label(table, token)
            return label
        except TypeError:  # a token that cannot be a key is no concept: _label says why
            return self._label(table, token)

    def _label(self, table: str, token: Any) -> str:
        concept = _concept(table, token)
        key = f"label_{table}_{concept.token}"
        own = self._own()[1]
        if key in own:
            return own[key]
        for name in (self.lang, self.lang.split("-")[0]):  # nl-BE, then nl
            if name in concept.label:
                return concept.label[name]
        return self.strings.get(key) or concept.label["en"]

    def has_concept(self, table: str, token: Any) -> bool:
        """Whether `token` is a concept of `table` that page.concept() can name."""
        try:
            _concept(table, token)
        except (KeyError, ValueError):
            return False
        return True

    def _own(self) -> tuple[dict[str, str], dict[str, str], dict[tuple[str, Any], str]]:
        """This language's strings, the `label_` texts of its own i18n files (without the English ones they fall
        back to), and the labels given so far."""
        # One answer per set of strings, that is per language per build: a page asks many times.
        hit = _OWN_LABELS.get(id(self.strings))
        if hit is None or hit[0] is not self.strings:
            names = dict.fromkeys([self.lang.split("-")[0], self.lang])  # nl-BE: nl.yaml, then nl-BE.yaml
            labels: dict[str, str] = {}
            for name in names:
                for folder in reversed(theme.theme_dirs(self.site)):
                    labels.update({key: text for key, text in theme.strings_of(folder / "i18n" / f"{name}.yaml").items()
                                   if key.startswith("label_")})
            if len(_OWN_LABELS) >= 16:
                _OWN_LABELS.clear()
            # The entry holds the strings themselves, so their id cannot be reused while it is kept.
            hit = _OWN_LABELS[id(self.strings)] = (self.strings, labels, {})
        return hit

    @property
    def og_locale(self) -> str:
        """This language as Open Graph wants it, language_TERRITORY: nl -> nl_NL, en -> en_US, nl-BE -> nl_BE."""
        return _og_locale(self.locale)

    @property
    def logo(self) -> str:
        """Path (not a link) of the institution's logo as published, or "" when site.yaml names none."""
        logo = self.site.institution.logo
        return routes.logo(PurePosixPath(logo).suffix) if logo else ""

    def language_name(self, tag: str, in_lang: str | None = None) -> str:
        """A language's name, in the page's language unless `in_lang` is given."""
        return _language_name(tag, (in_lang or self.lang).replace("-", "_"))

    @property
    def home(self) -> str:
        return self.link(routes.catalogue(self.site, self.lang))

    @property
    def issuer_page(self) -> str:
        return routes.issuer_page(self.site, self.lang)

    @property
    def verify_page(self) -> str:
        return routes.verify_page(self.site, self.lang)

    @property
    def verifier(self) -> str:
        """The in-browser verifier module, relative to this page."""
        return self.link(routes.verifier_module()) + f"?v={verifier.version()}"

    @property
    def check_strings(self) -> str:
        """A relative link to the in-browser check's texts in this page's language (fetched revalidated,
        so it needs no version in its address)."""
        return self.link(routes.check_strings(self.site, self.lang))

    @property
    def feed(self) -> str:
        return self.link(routes.feed(self.site, self.lang))

    def link_absolute(self, url: str) -> str:
        """A relative link to an absolute URL of this site."""
        return self.link(url[len(self.site.base_url):])

    def duration(self, iso: str) -> str:
        """'P5Y' -> '5 years' in the page's language."""
        parts = re.findall(r"(\d+)([YMWD])", iso)
        units = {"Y": "duration-year", "M": "duration-month", "W": "duration-week", "D": "duration-day"}
        return ", ".join(format_unit(int(n), units[u], length="long", locale=self.locale) for n, u in parts)

    def money(self, euros: float) -> str:
        return format_currency(euros, "EUR", locale=self.locale)

    def country(self, code: str) -> str:
        return _country(code, self.locale)

    @property
    def locale(self) -> str:
        return self.lang.replace("-", "_")


_DECIMAL = re.compile(r"[0-9]+\.[0-9]+")

# (strings of one language in one build, its `label_` texts from that language's own files, the labels given)
_OWN_LABELS: dict[int, tuple[dict[str, str], dict[str, str], dict[tuple[str, Any], str]]] = {}


def _concept(table: str, token: Any) -> vocab.Concept:
    """The concept of `token` in the vocabulary `table`; KeyError when there is none."""
    tables: dict[str, dict[Any, vocab.Concept]] = {
        "participation": vocab.PARTICIPATION_MODES, "assessment": vocab.ASSESSMENT_TYPES,
        "supervision": vocab.SUPERVISION, "qa": vocab.QA_TYPES,
        "grading": vocab.GRADING_SCALES, "eqf": vocab.EQF_LEVELS}
    if table == "isced":
        return vocab.isced_f()[token]
    if table == "nlqf":
        return vocab.NLQF_LEVELS[int(token) if str(token).isdigit() else token]
    if table == "eqf":
        return vocab.EQF_LEVELS[int(token)]
    return tables[table][token]


@functools.lru_cache(maxsize=64)
def _decimal_symbol(locale: str) -> str:
    return get_decimal_symbol(locale)


@functools.lru_cache(maxsize=64)
def _og_locale(locale: str) -> str:
    parsed = Locale.parse(locale)
    if parsed.territory:
        return f"{parsed.language}_{parsed.territory}"
    # The territory a language is most likely used in, from CLDR: nl -> nl_Latn_NL.
    likely = get_global("likely_subtags").get(parsed.language, "")
    territory = next((part for part in likely.split("_")[1:] if part.isupper() and len(part) == 2), "")
    return f"{parsed.language}_{territory}" if territory else parsed.language


# Babel's formatting is the slowest part of a page, and ten thousand badge
# pages ask for the same few dates, numbers and names: remember the answers.
@functools.lru_cache(maxsize=8192)
def _date(value: dt.date, form: str, locale: str) -> str:
    return format_date(value, format=form, locale=locale)


@functools.lru_cache(maxsize=1024, typed=True)  # 6 and 6.0 may format differently
def _number(value, locale: str) -> str:
    return format_decimal(value, locale=locale)


@functools.lru_cache(maxsize=1024)
def _language_name(tag: str, shown_in: str) -> str:
    try:
        return Locale.parse(tag.replace("-", "_")).get_display_name(shown_in) or tag
    except (ValueError, LookupError):
        return Locale.parse(shown_in).languages.get(tag.split("-")[0], tag)


@functools.lru_cache(maxsize=1024)
def _country(code: str, locale: str) -> str:
    return Locale.parse(locale).territories.get(code, code)


def asset_hashes(site: Site) -> dict[str, str]:
    return {name: hashlib.sha256(path.read_bytes()).hexdigest()[:10]
            for name, path in theme.static_files(site).items()}


def alternates(site: Site, path_for) -> list[dict]:
    return [{"lang": lang, "href": routes.absolute(site, path_for(lang))} for lang in site.languages]


def course_facets(course: Course) -> dict[str, str]:
    """Data attributes the catalogue filter matches against."""
    ects = course.ects
    # A non-formal badge awards no credits, so no study-load band holds it.
    band = "" if ects is None else "s" if ects <= 5 else "m" if ects <= 10 else "l"
    return {"ects": band, "eqf": str(course.eqf), "lang": " ".join(course.languages),
            "field": " ".join(sorted({code[:2] for code in course.fields})),
            "mode": " ".join(course.participation), "kind": course.kind}


def catalogue_filters(courses: list[Course], ctx: PageContext) -> list[dict]:
    """The filter groups, each with only the values some course has."""
    facets = [course_facets(c) for c in courses]

    def present(name: str) -> set[str]:
        return {v for f in facets for v in f[name].split()}

    ects = present("ects")
    groups = [
        {"name": "ects", "legend": "filter_ects",
         "options": [(b, ctx.s(f"ects_{b}")) for b in ("s", "m", "l") if b in ects]},
        {"name": "eqf", "legend": "filter_eqf",
         "options": [(v, ctx.s("eqf_level", level=v)) for v in sorted(present("eqf"), key=int)]},
        {"name": "lang", "legend": "filter_language",
         "options": [(v, ctx.language_name(v)) for v in sorted(present("lang"))]},
        {"name": "field", "legend": "filter_field",
         "options": [(v, ctx.concept("isced", v) if ctx.has_concept("isced", v) else v)
                     for v in sorted(present("field"))]},
        {"name": "mode", "legend": "filter_mode",
         "options": [(v, ctx.concept("participation", v)) for v in vocab.PARTICIPATION_MODES
                     if v in present("mode")]},
        # Only where both kinds are on offer: a catalogue of microcredentials alone has nothing to tell apart.
        *([{"name": "kind", "legend": "filter_kind",
            "options": [(v, ctx.s(f"kind_{v}")) for v in KINDS if v in present("kind")]}]
          if len(present("kind")) > 1 else []),
    ]
    # The fields of study are many: the filter panel (_macros.html) lists them rather than set them in a row.
    return [{**group, "as_list": group["name"] == "field"} for group in groups]


def render_catalogue(env, site: Site, lang: str, families: list[CourseFamily], ctx: PageContext) -> str:
    courses = sorted((f.current for f in families),
                     key=lambda c: (pick(c.title, lang, site.default_language).casefold(), c.slug))
    return env.get_template("catalogue.html").render(
        page=ctx, site=site, lang=lang,
        courses=[(c, course_facets(c), routes.course(site, lang, c)) for c in courses],
        filters=catalogue_filters(courses, ctx),
        search_index=routes.search_index(site, lang),
        alternates=alternates(site, lambda code: routes.catalogue(site, code)),
        canonical=routes.absolute(site, routes.catalogue(site, lang)),
    )


def render_course(env, site: Site, lang: str, family: CourseFamily, course: Course,
                  ctx: PageContext, by_lang: dict[str, str], pathways: tuple[Pathway, ...] = ()) -> str:
    """One course version's page; `by_lang` maps each language to this page's path; `pathways`: the site's,
    of which the page lists those this version counts for."""
    page_url = routes.absolute(site, by_lang[lang])
    return env.get_template("course.html").render(
        page=ctx, site=site, lang=lang, course=course, family=family,
        achievement_url=routes.absolute(site, routes.achievement(course)),
        endorsements=course.endorsements,  # verified by the build; the Achievement embeds them
        schema_org=documents.schema_org_course(site, course, lang, page_url),
        alternates=[{"lang": code, "href": routes.absolute(site, path)} for code, path in by_lang.items()],
        canonical=page_url,
        current_path=routes.course(site, lang, family.current),
        version_paths={v.version: routes.course(site, lang, v) if not v.is_current
                       else routes.course_version(site, lang, v) for v in family.versions},
        qa=vocab.QA_FRAMEWORKS.get(course.qa_framework),  # None for a non-formal badge
        pathways=[(p, routes.pathway(site, lang, p)) for p in pathways if p.counts(course)],
    )


def render_pathway(env, site: Site, lang: str, pathway: Pathway, families: list[CourseFamily], ctx: PageContext,
                   by_lang: dict[str, str]) -> str:
    """A pathway's page; `by_lang` maps each language to its path. A part of this site links to the page
    of the (first) course version that counts; another site's part to its Achievement."""
    current = {f.current.slug: f.current for f in families}
    parts = []
    for part in pathway.parts:
        course = part.course
        parts.append({
            "title": part.title, "course": course, "versions": [v.version for v in part.versions],
            "path": routes.course(site, lang, course) if course is not None else "",
            "achievement": part.achievements[0],
            # A part whose course has a newer version than the ones that count says so.
            "newer": course is not None and course.slug in current
                     and current[course.slug].version not in [v.version for v in part.versions],
        })
    return env.get_template("pathway.html").render(
        page=ctx, site=site, lang=lang, pathway=pathway, parts=parts,
        achievement_url=routes.absolute(site, routes.achievement(pathway)),
        badge_image=routes.course_image(pathway, "badge.svg"),
        alternates=[{"lang": code, "href": routes.absolute(site, path)} for code, path in by_lang.items()],
        canonical=routes.absolute(site, by_lang[lang]))


def render_not_found(env, site: Site, ctx: PageContext, layout: str = "base.html") -> str:
    """`layout`: the page it extends (a registry's pages have their own footer, registry_base.html)."""
    return env.get_template("404.html").render(
        page=ctx, site=site, lang=ctx.lang, alternates=[], canonical="", layout=layout,
        site_root=routes.site_root_path(site),
        strings_in=lambda lang, key: theme.strings(site, lang).get(key, key))


def _svg_lines(title: str) -> list[str]:
    import textwrap

    lines = textwrap.wrap(title, 18)
    if len(lines) > 4:
        lines = lines[:4]
        lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    return lines


def course_images(env, site: Site, course: Award) -> dict[str, bytes]:
    """badge.png, badge.svg and the 1200x630 preview.png of one course version or pathway."""
    from generator.site import badges

    lang = site.default_language
    title = pick(course.title, lang, lang)
    institution = pick(site.institution.name, lang, lang)
    pill, caption = _badge_pill(course, lang)
    own = site.source / "content" / course.image if isinstance(course, Course) and course.image else None
    lines = _svg_lines(title)
    # `ects` and `eqf` stay for site themes whose badge.svg still writes them; "" where there are none.
    ects = format_decimal(course.ects, locale="en") if course.ects is not None else ""
    svg = env.get_template("badge.svg").render(
        title=title, institution=institution, pill=pill, caption=caption, ects=ects,
        eqf=course.eqf if isinstance(course, Course) else "", lines=lines, top=300 - (len(lines) - 1) * 27)
    if own is not None and own.suffix.lower() == ".svg":
        svg = own.read_text(encoding="utf-8")
    own_png = own.read_bytes() if own is not None and own.suffix.lower() == ".png" else None
    png = own_png if own_png is not None else badges.badge_png(title, pill, institution)
    preview = badges.preview_png(title, pill, institution, site.base_url.split("//", 1)[1].rstrip("/"), own=own_png)
    return {"badge.png": png, "badge.svg": svg.encode("utf-8"), "preview.png": preview}


def _badge_pill(award: Award, lang: str) -> tuple[str, str]:
    """What a drawn badge says under its title, and the same for its text alternative: a microcredential's
    credits and level, a non-formal badge's hours (it awards no credits), a pathway's number of parts."""
    if isinstance(award, Pathway):
        words = {"en": "Pathway · {n} parts", "nl": "Leerroute · {n} onderdelen"}
        text = words.get(lang.split("-")[0], words["en"]).format(n=len(award.parts))
        return text, text
    if award.ects is None:
        return f"{award.hours} h · EQF {award.eqf}", f"{award.hours} h, EQF {award.eqf}"
    ects = format_decimal(award.ects, locale="en")
    return f"{ects} EC · EQF {award.eqf}", f"{ects} EC, EQF {award.eqf}"


def render_badge(env, site: Site, item, files: dict[str, bytes], ctx,
                 pages: BadgePages | None = None) -> dict[str, bytes]:
    """One credential: its page per language, the signed JSON as is, and (baked_images: build) baked badge images.

    `pages` (a badge_pages.BadgePages, one per Renderer) composes the pages from what credentials of the same
    course version share, byte for byte what the template renders; without it each page is rendered."""
    from generator.site import badges
    from generator.site.badge_view import views

    cred = item.credential
    raw = cred.raw  # read (and checked against its digest) once, for the JSON, the baked images and the pages
    if cred.parsed is None:
        cred.parsed = json.loads(raw)
    out = {routes.credential_json(cred.uuid): raw}
    if site.bakes_images:
        out[routes.baked_badge(cred.uuid, "badge.png")] = badges.bake_png(
            files[routes.course_image(item.course, "badge.png")], raw)
        out[routes.baked_badge(cred.uuid, "badge.svg")] = badges.bake_svg(
            files[routes.course_image(item.course, "badge.svg")].decode("utf-8"), raw).encode("utf-8")
    template = env.get_template("badge.html")
    badge_image = routes.course_image(item.course, "badge.svg")
    qr = badges.qr_data_uri(routes.absolute(site, routes.badge(cred.uuid)))
    paths = {lang: routes.badge(cred.uuid, site, lang) for lang in site.languages}
    for lang, b in views(site, item, {lang: ctx(lang, path).concept for lang, path in paths.items()}).items():
        context = functools.partial(badge_context, site, lang, ctx, badge_image)
        html = (pages.page(template, b, qr, context, (lang, badge_image)) if pages is not None
                else template.render(**context(b, qr)))
        out[routes.output_file(paths[lang])] = html.encode()
    return out


def badge_context(site: Site, lang: str, ctx, badge_image: str, b, qr: str) -> dict[str, Any]:
    """What badge.html gets for the page of `b` in `lang`: all of it from the view, the QR code and the course
    version's image (badge_pages relies on this; b.uuid names the credential)."""
    paths = {code: routes.badge(b.uuid, site, code) for code in site.languages}
    return {"page": ctx(lang, paths[lang]), "site": site, "lang": lang, "b": b, "qr": qr, "badge_image": badge_image,
            "issuer_path": routes.issuer_page(site, lang), "site_did": routes.issuer_did(site),
            "alternates": [{"lang": code, "href": routes.absolute(site, p)} for code, p in paths.items()],
            "canonical": b.page_url}


def render_issuer(env, site: Site, lang: str, ctx) -> str:
    from generator.credentials import statuslist

    endpoints = [("issuer_link", routes.issuer_profile())]
    if site.keys:
        endpoints.append(("did_document", routes.did_document(site)))
    if (site.source / "content" / "status" / "revocation.json").is_file():
        endpoints.append(("status_list", routes.status_list()))
    endpoints.append(("catalogue_json", routes.achievements_index()))
    # What registries read (docs/registries.md). The OOAPI link is the service root's file, which every
    # host serves; a registry is given the API's address without it.
    from generator.exports import ooapi

    if ooapi.published(site):
        endpoints.append(("export_ooapi", routes.ooapi_root()))
    endpoints.append(("export_elm", routes.elm_index()))
    endpoints.append(("export_qdr", routes.qdr_upload()))
    return env.get_template("issuer.html").render(
        page=ctx, site=site, lang=lang, did=routes.issuer_did(site), endpoints=endpoints,
        ttl_hours=statuslist.TTL_MS // 3_600_000,
        alternates=alternates(site, lambda code: routes.issuer_page(site, code)),
        canonical=routes.absolute(site, routes.issuer_page(site, lang)))


def render_verify(env, site: Site, lang: str, ctx) -> str:
    """The page where anyone checks any Open Badges 3.0 credential in their browser; nothing is uploaded."""
    return env.get_template("verify.html").render(
        page=ctx, site=site, lang=lang, did=routes.issuer_did(site),
        alternates=alternates(site, lambda code: routes.verify_page(site, code)),
        canonical=routes.absolute(site, routes.verify_page(site, lang)))
