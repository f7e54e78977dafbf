"""`credsite new course SLUG`: a course file with every field explained, in the site's languages.

The template (generator/scaffold/course.md) is itself a course file with English and Dutch texts,
each text a block of `en:` and `nl:` lines. A site has its own languages in its own order, so every
such block is written again for the site: one line per site language, the default language first,
each with the template's text in that language, or the English one where the template has none (a
placeholder that says "Replace me" in English is still recognisably one). The body's language
sections are written the same way, each under its own `<!-- lang: xx -->` line, so that the text at
the top is never taken for another language than it is in.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import yaml

from generator.commands.common import yaml_text
from generator.content.config import load_site
from generator.content.course_file import SLUG
from generator.content.textfile import split_languages
from generator.problems import Problem

TEMPLATE_LANGUAGES = ("en", "nl")
FALLBACK = "en"  # the template's language for a site language it has no text in
# One line of a text block: its indent, a list item's dash, the language and the text.
_TEXT_LINE = re.compile(rf"^(?P<indent> *)(?P<dash>- )?(?P<lang>{'|'.join(TEMPLATE_LANGUAGES)}): (?P<text>.*)$")


def new_course(source: Path, slug: str) -> tuple[list[Problem], Path | None]:
    if not re.fullmatch(SLUG, slug) or not 3 <= len(slug) <= 80:
        return [Problem("credsite new course", None, "SLUG", f"'{slug}' is not URL-safe",
                        "use 3-80 lower-case letters, digits and single hyphens, e.g. 'data-literacy'")], None
    problems: list[Problem] = []
    site = load_site(source, problems)
    if site is None:  # the template follows the site's languages, so it needs them
        if not (source / "content" / "site.yaml").is_file():
            problems = [Problem("content/site.yaml", None, "", f"is missing in {source}",
                                "run 'credsite init' to start a site, or give --source with a site's folder")]
        return problems, None
    folder = source / "content" / "courses"
    path = folder / f"{slug}.md"
    if path.exists():
        return [Problem(str(path), None, "", "already exists",
                        "edit it, or pick another name; an existing course is never overwritten")], None
    text = course_template(slug, site.languages)
    folder.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
    return [], path


def course_template(slug: str, languages: tuple[str, ...]) -> str:
    """The template written for a site with these languages (the first is the default)."""
    template = (resources.files("generator") / "scaffold" / "course.md").read_text(encoding="utf-8")
    _, front, body = template.split("---\n", 2)
    front = front.replace("{slug}", slug).replace("{language}", languages[0])
    return f"---\n{_texts_for(front, languages)}---\n{_body_for(body, languages)}"


def _texts_for(front: str, languages: tuple[str, ...]) -> str:
    """Every block of language lines in the front matter, written again for `languages`."""
    lines, out, i = front.splitlines(), [], 0
    while i < len(lines):
        first = _TEXT_LINE.match(lines[i])
        if first is None:
            out.append(lines[i])
            i += 1
            continue
        # The block's other lines stand under the first one's language, past its dash.
        indent = first["indent"] + " " * len(first["dash"] or "")
        texts = {first["lang"]: first["text"]}
        i += 1
        while i < len(lines) and (line := _TEXT_LINE.match(lines[i])) and not line["dash"] \
                and line["indent"] == indent:
            texts[line["lang"]] = line["text"]
            i += 1
        for n, lang in enumerate(languages):
            lead = first["indent"] + (first["dash"] or "") if n == 0 else indent
            out.append(f"{lead}{lang}: {yaml_text(_text(texts, lang))}")
    return "\n".join(out) + "\n"


def _text(texts: dict[str, str], lang: str) -> str:
    """The text as YAML reads it: the template quotes some of them."""
    written = texts.get(lang) or texts.get(FALLBACK) or next(iter(texts.values()))
    value = yaml.safe_load(written)
    return value if isinstance(value, str) else written


def _body_for(body: str, languages: tuple[str, ...]) -> str:
    sections = {lang: text for lang, text, _ in split_languages(body, FALLBACK) if text}
    return "\n\n".join(f"<!-- lang: {lang} -->\n{sections.get(lang) or sections[FALLBACK]}"
                       for lang in languages) + "\n"
