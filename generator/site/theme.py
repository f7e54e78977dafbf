"""Find a theme's files: the site's chosen theme first, then the default theme.

A site overrides any template, asset or UI string of the default theme by
putting a file with the same name in themes/<its theme>/. Templates can still
extend the original with the "default/" prefix, e.g. {% extends "default/base.html" %}.
"""

from __future__ import annotations

import functools
from pathlib import Path
from string import Formatter

import yaml

from generator.content.yamlsource import LOADER
from generator.model import Site
from generator.problems import Problem

# The default theme: themes/default of the repository, reached through the link
# generator/themes, and copied into the package when it is built (package-data),
# so a site in its own repository needs no copy of it.
BUILTIN_DEFAULT = Path(__file__).resolve().parents[1] / "themes" / "default"


def theme_dirs(site: Site) -> list[Path]:
    dirs: list[Path] = []
    for candidate in (site.source / "themes" / site.theme, site.source / "themes" / "default",
                      BUILTIN_DEFAULT):
        if candidate.is_dir() and candidate.resolve() not in [d.resolve() for d in dirs]:
            dirs.append(candidate)
    return dirs


def default_dir(site: Site) -> Path:
    local = site.source / "themes" / "default"
    return local if local.is_dir() else BUILTIN_DEFAULT


def _static_entries(site: Site):
    """(static folder, path, whether it stays inside its theme) for everything in each theme's static/.

    A link out of the theme (say to /etc/passwd) would publish that file, so only
    what stays inside the theme itself is published.
    """
    for folder in theme_dirs(site):
        static, inside = folder / "static", folder.resolve()
        if static.is_dir():
            for path in sorted(static.rglob("*")):
                yield static, path, path.exists() and inside in path.resolve().parents


def static_files(site: Site) -> dict[str, Path]:
    """Relative name -> file, the first theme that has a name wins."""
    found: dict[str, Path] = {}
    for static, path, inside in _static_entries(site):
        if inside and path.is_file():
            found.setdefault(path.relative_to(static).as_posix(), path)
    return dict(sorted(found.items()))


def link_problems(site: Site) -> list[Problem]:
    """Files in a theme's static/ that are links out of the theme or to nothing: not published."""
    problems = []
    for _, path, inside in _static_entries(site):
        if path.is_symlink() and not inside:
            shown = path.relative_to(site.source).as_posix() if site.source in path.parents else str(path)
            why = "is a broken link" if not path.exists() else f"is a link to {path.resolve()}, outside the theme"
            problems.append(Problem(shown, None, "", f"{why}; it is not published",
                                    "copy the file into the theme instead of linking to it", "warning"))
    return problems


def string_problems(site: Site) -> list[Problem]:
    """Mistakes in a site theme's i18n/*.yaml: not a mapping of texts, or placeholders the pages cannot fill."""
    from generator.content.yamlsource import parse_mapping

    default = default_dir(site)  # the site's copy of the default theme, or the one beside the package
    defaults = strings_of(default / "i18n" / "en.yaml")
    problems: list[Problem] = []
    for folder in theme_dirs(site):
        if folder == BUILTIN_DEFAULT:
            continue
        # The default theme's placeholders are the ones its templates fill in.
        compare = folder.resolve() != default.resolve()
        for path in sorted((folder / "i18n").glob("*.yaml")):
            shown = path.relative_to(site.source).as_posix() if site.source in path.parents else str(path)
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                problems.append(Problem(shown, None, "", "is not UTF-8 text", "save it as UTF-8"))
                continue
            located = parse_mapping(text, shown, problems, 1, "the file", "write one 'key: text' line per string")
            if located is None:
                continue
            for key, value in located.data.items():
                line = located.line((key,))
                if not isinstance(value, str):
                    problems.append(Problem(shown, line, key, "is not text",
                                            f"put the text in quotes, e.g. {key}: \"...\""))
                    continue
                known = _placeholders(defaults.get(key, ""))
                if not compare or not known:
                    continue  # shown as written: the pages fill in nothing (or it is the theme's own key)
                try:
                    used = _placeholders(value)
                except ValueError as exc:
                    problems.append(Problem(shown, line, key, f"is not a valid text with {{placeholders}} ({exc})",
                                            "write placeholders as {name}, and a literal brace as {{ or }}"))
                    continue
                unknown = sorted(name for name in used if name not in known)
                if unknown:
                    offer = ", ".join("{" + n + "}" for n in sorted(known)) or "none"
                    problems.append(Problem(shown, line, key, f"uses {', '.join('{' + n + '}' for n in unknown)}, "
                                            "which the pages do not fill in", f"use only: {offer}"))
    return problems


def strings_of(path: Path) -> dict:
    """The strings of one i18n file; {} when it is missing or unreadable (string_problems says why)."""
    try:
        info = path.stat()
    except OSError:
        return {}
    return dict(_strings_read(path, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino))


@functools.lru_cache(maxsize=64)
def _strings_read(path: Path, size: int, mtime_ns: int, ctime_ns: int, inode: int) -> dict:
    """strings_of, read once per version of the file: a build asks for each language's strings several times,
    and parsing the YAML is most of what that costs. The file's stat is in the key, so an edit is read anew."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER) if path.is_file() else {}
    except (OSError, ValueError, yaml.YAMLError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def _string_files(lang: str) -> list[str]:
    """i18n file names for `lang`, weakest first: English fills what a translation lacks, nl what nl-BE lacks."""
    return list(dict.fromkeys(["en", lang.split("-")[0], lang]))


def strings(site: Site, lang: str) -> dict[str, str]:
    """UI strings for one language; a theme may override single keys."""
    merged: dict[str, str] = {}
    for name in _string_files(lang):
        for folder in reversed(theme_dirs(site)):
            merged.update(strings_of(folder / "i18n" / f"{name}.yaml"))
    return merged


def language_problems(site: Site) -> list[Problem]:
    """Site languages no theme has interface texts for: their pages would show English labels."""
    problems = []
    for lang in site.languages:
        names = _string_files(lang)[1:]  # without English
        translated = any((d / "i18n" / f"{n}.yaml").is_file() for d in theme_dirs(site) for n in names)
        if lang.split("-")[0] == "en" or translated:
            continue
        problems.append(Problem("content/site.yaml", None, "languages",
                                f"no theme has interface texts for '{lang}', so its pages show English labels "
                                f"under lang=\"{lang}\"",
                                f"add themes/{site.theme if site.theme != 'default' else '<your theme>'}/i18n/"
                                f"{names[0]}.yaml with translations of the keys in themes/default/i18n/en.yaml",
                                "warning"))
    return problems
