"""The registry's pages, through the site's theme: its environment, PageContext and base.html.

Each page is a template of the default theme (themes/default/templates/registry_*.html) that extends
base.html, like every page of a member site. A theme beside registry.yaml may override any of them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from generator import routes
from generator.content import vocab
from generator.model import Site, Text
from generator.registry.model import SECTORS, Member, Microcredential
from generator.site import theme
from generator.site.render import PageContext, alternates, asset_hashes, make_environment, render_not_found


class RegistryPage(PageContext):
    """The helpers of one registry page: the registry's own documents, which registry_base.html links."""

    @property
    def registry_members(self) -> str:
        return routes.registry_members(self.site, self.lang)

    @property
    def registry_statistics(self) -> str:
        return routes.registry_statistics(self.site, self.lang)

    @property
    def registry_index(self) -> str:
        return routes.registry_index()

    @property
    def registry_members_document(self) -> str:
        return routes.registry_members_document()

    def lang_of(self, text: Text) -> str:
        """The language page.t() shows `text` in: a member may not write every course in every language."""
        if not text:
            return self.lang
        return self.lang if self.lang in text else self.site.default_language if self.site.default_language in \
            text else next(iter(text))

    def day(self, iso: str) -> str:
        """A day written YYYY-MM-DD (as the manifest keeps them), in this page's language."""
        try:
            return self.date(dt.date.fromisoformat(iso))
        except ValueError:
            return iso

    def sector(self, sector: str) -> str:
        return self.s(f"registry_sector_{sector}")

    def field(self, code: str) -> str:
        return self.concept("isced", code) if self.has_concept("isced", code) else code


class Renderer:
    """The registry's template environment and texts, made once per process."""

    def __init__(self, site: Site):
        self.site = site
        self.env = make_environment(site)
        self.assets = asset_hashes(site)
        self.strings = {lang: theme.strings(site, lang) for lang in site.languages}

    def page(self, lang: str, path: str) -> RegistryPage:
        return RegistryPage(self.site, lang, path, self.strings[lang], self.assets)

    def render(self, template: str, lang: str, path: str, path_for, **values) -> bytes:
        """One page in one language; `path_for(lang)` gives the same page's path in each language."""
        return self.env.get_template(template).render(
            page=self.page(lang, path), site=self.site, lang=lang,
            alternates=alternates(self.site, path_for), canonical=routes.absolute(self.site, path),
            **values).encode("utf-8")


# ---------------------------------------------------------------- the catalogue and its filters


def ects_band(ects: float | None) -> str:
    """The catalogue's study-load groups, as a member site's catalogue has them (render.course_facets)."""
    if ects is None:
        return ""
    return "s" if ects <= 5 else "m" if ects <= 10 else "l"


def facets(member: Member, mc: Microcredential) -> dict[str, str]:
    """The data attributes the JavaScript-free filter matches (see registry_catalogue.html)."""
    return {"inst": member.id, "sector": member.sector, "ects": ects_band(mc.ects),
            "eqf": str(mc.eqf or ""), "lang": " ".join(mc.languages),
            "field": " ".join(sorted({code[:2] for code in mc.fields})), "mode": " ".join(mc.modes)}


def filters(members: list[Member], cards: list[dict[str, str]], page: RegistryPage) -> list[dict]:
    """The filter groups, each with only the values some listed microcredential has."""
    def present(name: str) -> set[str]:
        return {value for card in cards for value in card[name].split()}

    names = {m.id: page.t(m.name) for m in members}
    groups = [
        ("sector", "registry_filter_sector", [(s, page.sector(s)) for s in SECTORS if s in present("sector")]),
        ("inst", "registry_filter_institution",
         sorted(((i, names[i]) for i in present("inst")), key=lambda option: option[1].casefold())),
        ("ects", "filter_ects", [(b, page.s(f"ects_{b}")) for b in ("s", "m", "l") if b in present("ects")]),
        ("eqf", "filter_eqf", [(v, page.s("eqf_level", level=v)) for v in sorted(present("eqf"), key=int)]),
        ("lang", "filter_language", sorted(((v, page.language_name(v)) for v in present("lang")),
                                           key=lambda option: option[1].casefold())),
        ("field", "filter_field", [(v, page.field(v)) for v in sorted(present("field"))]),
        ("mode", "filter_mode", [(v, page.concept("participation", v)) for v in vocab.PARTICIPATION_MODES
                                 if v in present("mode")]),
    ]
    return [{"name": name, "legend": legend, "options": options, "as_list": name in ("inst", "field")}
            for name, legend, options in groups if options]


def card_key(mc: Microcredential) -> str:
    """What names a card to the page's script and the search index: unique across members."""
    return f"{mc.member}/{mc.slug}/{mc.version}"


def listed(members: list[Member]) -> list[tuple[Member, Microcredential]]:
    return [(m, mc) for m in members for mc in m.microcredentials if mc.listed]


@dataclass(frozen=True)
class Card:
    """One microcredential in the catalogue, its texts made in Python: seven thousand cards rendered through
    the page's helpers one call at a time took most of a registry build."""

    key: str  # card_key
    link: str  # to the registry's page of the version, relative to the catalogue
    title: str
    title_lang: str  # "" when it is the page's language
    institution: str
    pills: tuple[tuple[str, str], ...]  # (class, text)
    facets: dict[str, str]


def catalogue(renderer: Renderer, lang: str, members: list[Member]) -> bytes:
    site = renderer.site
    path = routes.catalogue(site, lang)
    page = renderer.page(lang, path)
    entries = sorted(listed(members), key=lambda item: (page.t(item[1].title).casefold(),
                                                        page.t(item[0].name).casefold(), card_key(item[1])))
    names = {m.id: page.t(m.name) for m in members}
    sectors = {s: ("pill pill-sector", page.sector(s)) for s in SECTORS}
    ects = page.s("ects")
    cards = []
    for member, mc in entries:
        pills = []
        if mc.ects is not None:
            pills.append(("pill pill-ects", f"{page.number(mc.ects)} {ects}"))
        if mc.eqf:
            pills.append(("pill", page.s("eqf_level", level=mc.eqf)))
        pills.append(sectors[member.sector])
        pills += [("pill", page.language_name(tag)) for tag in mc.languages]
        pills += [("pill pill-mode", page.concept("participation", m)) for m in mc.modes]
        shown = page.lang_of(mc.title)
        cards.append(Card(card_key(mc), page.link(routes.registry_course(site, lang, member.id, mc.slug, mc.version)),
                          page.t(mc.title), "" if shown == lang else shown, names[member.id], tuple(pills),
                          facets(member, mc)))
    return renderer.render(
        "registry_catalogue.html", lang, path, lambda code: routes.catalogue(site, code),
        cards=cards, filters=filters(members, [card.facets for card in cards], page), members=members,
        search_index=routes.search_index(site, lang))


# ---------------------------------------------------------------- a member's pages (one unit per member)


def member_files(renderer: Renderer, member: Member) -> dict[str, bytes]:
    """The page of each of a member's course versions, in every language: the member's unit.

    They show only what the member's documents say, so they are made again only when those change.
    """
    site = renderer.site
    files: dict[str, bytes] = {}
    by_course: dict[str, list[Microcredential]] = {}
    for mc in member.microcredentials:
        by_course.setdefault(mc.slug, []).append(mc)
    changed = {change.file: change for change in member.changes}
    for lang in site.languages:
        for mc in member.microcredentials:
            path = routes.registry_course(site, lang, member.id, mc.slug, mc.version)
            versions = by_course[mc.slug]
            files[routes.output_file(path)] = renderer.render(
                "registry_course.html", lang, path,
                lambda code, mc=mc: routes.registry_course(site, code, member.id, mc.slug, mc.version),
                member=member, mc=mc, current=versions[0],
                versions=[(v, routes.registry_course(site, lang, member.id, v.slug, v.version)) for v in versions],
                member_path=routes.registry_member(site, lang, member.id),
                change=changed.get(member_achievement_path(member, mc)))
    return files


def member_pages(renderer: Renderer, members: list[Member]) -> dict[str, bytes]:
    """Each member's own page: its DID and keys as read, when, and its versions. Made in every build, as they
    show the moment of the snapshot, which changes with every fetch while the pages of the versions do not."""
    site = renderer.site
    files: dict[str, bytes] = {}
    for member in members:
        changed = {c.file for c in member.changes}
        for lang in site.languages:
            path = routes.registry_member(site, lang, member.id)
            versions = [(mc, routes.registry_course(site, lang, member.id, mc.slug, mc.version))
                        for mc in member.microcredentials]
            files[routes.output_file(path)] = renderer.render(
                "registry_member.html", lang, path, lambda code, m=member: routes.registry_member(site, code, m.id),
                member=member, versions=versions, seen=_moment(member.seen),
                changed=[(mc, page) for mc, page in versions if member_achievement_path(member, mc) in changed],
                documents=[("did_document", member.entry.base_url + member.did_document),
                           ("issuer_link", member.entry.base_url + routes.issuer_profile()),
                           ("catalogue_json", member.entry.base_url + routes.achievements_index())])
    return files


def _moment(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None


def member_achievement_path(member: Member, mc: Microcredential) -> str:
    """The Achievement's path under the member's base URL, as the manifest names it."""
    return mc.achievement[len(member.entry.base_url):]


# ---------------------------------------------------------------- pages about all members


@dataclass(frozen=True)
class LeftOut:
    """A member the registry does not publish this time, and the first document that failed."""

    id: str
    base_url: str
    document: str


def members_page(renderer: Renderer, lang: str, members: list[Member], left_out: list[LeftOut]) -> bytes:
    site = renderer.site
    path = routes.registry_members(site, lang)
    page = renderer.page(lang, path)
    return renderer.render(
        "registry_members.html", lang, path, lambda code: routes.registry_members(site, code),
        members=sorted(members, key=lambda m: (page.t(m.name).casefold(), m.id)), left_out=left_out,
        member_path=lambda m: routes.registry_member(site, lang, m.id), members_json=routes.registry_members_document())


@dataclass(frozen=True)
class Row:
    label: str
    count: int
    lang: str = ""  # the label's language, when it is not the page's
    path: str = ""  # a page of the registry the row is about


def statistics(renderer: Renderer, lang: str, members: list[Member]) -> bytes:
    site = renderer.site
    path = routes.registry_statistics(site, lang)
    page = renderer.page(lang, path)
    items = listed(members)
    per_member = Counter(m.id for m, _ in items)
    institutions = sorted((Row(page.t(m.name), per_member[m.id], _other(page.lang_of(m.name), lang),
                               routes.registry_member(site, lang, m.id)) for m in members),
                          key=lambda row: (-row.count, row.label.casefold()))
    eqf = Counter(mc.eqf for _, mc in items if mc.eqf)
    fields = Counter(code for _, mc in items for code in sorted({c[:2] for c in mc.fields}))
    sectors = Counter(m.sector for m, _ in items)
    tables = [
        ("registry_stats_institution", "registry_stats_institution_column", institutions),
        ("registry_stats_eqf", "filter_eqf",
         [Row(page.s("eqf_level", level=level), eqf[level]) for level in sorted(eqf)]),
        ("registry_stats_field", "field_of_study",
         sorted((Row(page.field(code), count) for code, count in fields.items()), key=lambda r: (-r.count, r.label))),
        ("registry_stats_sector", "registry_filter_sector",
         [Row(page.sector(s), sectors[s]) for s in SECTORS if sectors[s]]),
    ]
    return renderer.render(
        "registry_stats.html", lang, path, lambda code: routes.registry_statistics(site, code),
        tables=tables, total=len(items), versions=sum(len(m.microcredentials) for m in members),
        members=members)


def _other(text_lang: str, lang: str) -> str:
    return "" if text_lang == lang else text_lang


def not_found(renderer: Renderer) -> bytes:
    site = renderer.site
    lang = site.default_language
    return render_not_found(renderer.env, site, renderer.page(lang, routes.not_found()),
                            layout="registry_base.html").encode("utf-8")


def page_paths(members: Iterable[Member], site: Site) -> list[dict[str, str]]:
    """Every page in every language, for the sitemap: lang -> path, one map per page."""
    def each(path_for) -> dict[str, str]:
        return {lang: path_for(lang) for lang in site.languages}

    pages = [each(lambda lang: routes.catalogue(site, lang)), each(lambda lang: routes.registry_members(site, lang)),
             each(lambda lang: routes.registry_statistics(site, lang))]
    for member in members:
        pages.append(each(lambda lang, m=member: routes.registry_member(site, lang, m.id)))
        pages += [each(lambda lang, m=member, mc=mc: routes.registry_course(site, lang, m.id, mc.slug, mc.version))
                  for mc in member.microcredentials]
    return pages
