"""Read registry.yaml: the registry's own settings and its members.

    title: {nl: Nationaal register microcredentials, en: National microcredentials registry}
    base_url: https://registry.example.nl/
    languages: [nl, en]
    members:
      - base_url: https://example-university.github.io/microcredentials/
        sector: wo
        folder: ../sites/example-university/_site   # optional: a local copy of the published site

The registry becomes a Site, so the theme, routes and pages of a member site serve it too; its
"institution" is whoever publishes the registry (`publisher`, by default the registry itself).
"""

from __future__ import annotations

from pathlib import Path

from generator import routes
from generator.content.config import checked_base_url, read_languages, read_settings
from generator.content.reader import FieldReader
from generator.content.yamlsource import Located
from generator.model import Institution, Site
from generator.problems import Problem
from generator.registry.model import SECTORS, MemberEntry, RegistryConfig

TOP_LEVEL = ("title", "description", "base_url", "languages", "publisher", "theme", "members")
PUBLISHER = ("name", "url", "country")
MEMBER = ("base_url", "id", "sector", "folder")
DOCS = "see: credsite docs national-registry"


def load_config(path: Path, problems: list[Problem]) -> RegistryConfig | None:
    """registry.yaml as a RegistryConfig; None, with every problem found, when it cannot be used."""
    shown = str(path)
    located = read_settings(path, shown, problems, f"give --sources the registry's settings file ({DOCS})", DOCS)
    if located is None:
        return None
    before = len(problems)
    r = FieldReader(shown, located, ("en",), problems)
    r.unknown_keys((), located.data, TOP_LEVEL)
    languages = read_languages(r, "the registry", "[nl, en]")
    title = r.text(("title",), required=True, plain=True, max_len=120)
    description = r.text(("description",), plain=True, max_len=300)
    url = checked_base_url(r, r.string(("base_url",), required=True, what="every address of the registry starts "
                                       "with it", fix="add e.g. 'base_url: https://registry.example.nl/'"),
                           from_option=False)
    folder = path.resolve().parent
    theme = r.string(("theme",), pattern=r"[A-Za-z0-9_-]+", pattern_fix="use the name of a folder in themes/") \
        or "default"
    if theme != "default" and not (folder / "themes" / theme).is_dir():
        r.report(("theme",), f"no folder themes/{theme}/ beside {path.name}",
                 f"create themes/{theme}/ (its files override the default theme) or use 'theme: default'")
    publisher = _publisher(r, title, url)
    members = _members(r, located, folder)
    if any(p.is_error for p in problems[before:]):
        return None
    site = Site(base_url=url, languages=tuple(languages), title=title, description=description,
                institution=publisher, theme=theme, source=folder)
    return RegistryConfig(site, tuple(members), shown)


def _publisher(r: FieldReader, title: dict[str, str], url: str) -> Institution:
    """Who publishes the registry, named in every page's header and footer; the registry itself by default."""
    key = ("publisher",)
    if not r.mapping(key, PUBLISHER):
        return Institution(name=title, url=url, country="", sector="")
    name = r.text(key + ("name",), required=True, what="the header and footer name the registry's publisher",
                  plain=True)
    return Institution(name=name or title, url=r.url(key + ("url",)) or url,
                       country=r.string(key + ("country",)), sector="")


def _members(r: FieldReader, located: Located, folder: Path) -> list[MemberEntry]:
    out: list[MemberEntry] = []
    items = r.items(("members",), required=True, what="the institutions whose sites the registry collects",
                    fix="add 'members:' with one '- base_url: ...' per institution")
    for i, _ in enumerate(items):
        key = ("members", i)
        if not r.mapping(key, MEMBER, required=True, what="a member", fix="write '- base_url: https://...'"):
            continue
        # The base URL is checked as a site's own is (content/config.py), reported at this member's line.
        rooted = Located(located.data["members"][i], {k[2:]: line for k, line in located.lines.items()
                                                        if k[:2] == key})
        member_reader = FieldReader(r.path, rooted, r.languages, r.problems)
        raw = r.string(key + ("base_url",), required=True, what="the member's published site",
                       fix="add the base_url the member's content/site.yaml gives")
        url = checked_base_url(member_reader, raw, from_option=False) if raw else ""
        given = r.string(key + ("id",), pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*",
                         pattern_fix="use lower-case letters, digits and single hyphens")
        sector = r.choice(key + ("sector",), SECTORS, required=True,
                          what="the members' published documents do not say which sector they are in")
        local = r.string(key + ("folder",))
        copy = (folder / local).resolve() if local else None
        if copy is not None and not copy.is_dir():
            r.report(key + ("folder",), f"no folder {copy}",
                     "give the folder the member's site was built into, or leave 'folder' out to read the "
                     "snapshot 'credsite registry fetch' takes")
            copy = None
        if not url:
            continue
        member = given or routes.member_id(url)
        if any(m.base_url == url for m in out):
            r.report(key + ("base_url",), f"{url} is listed twice", "list each member once")
            continue
        if any(m.id == member for m in out):
            r.report(key + ("id" if given else "base_url",), f"the id '{member}' is another member's too",
                     "give each member its own 'id'")
            continue
        out.append(MemberEntry(member, url, sector, copy, located.line(key)))
    return out
