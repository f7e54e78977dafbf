"""The catalogue's search index: one small JSON file per language, searched in the browser.

A catalogue holds at most a few hundred courses, so the whole index is a list
of courses with their searchable text; the page's script matches word prefixes
(accents ignored) and weighs a hit in the title above one in the outcomes.
"""

from __future__ import annotations

import json

from generator.content import vocab
from generator.model import CourseFamily, Site, pick


def search_index(site: Site, lang: str, families: list[CourseFamily]) -> bytes:
    fallback = site.default_language
    entries = []
    for family in families:
        course = family.current
        entries.append({
            "slug": course.slug,
            "title": pick(course.title, lang, fallback),
            "skills": " ".join(pick(s.label, lang, fallback) for s in course.skills),
            "outcomes": " ".join(pick(o, lang, fallback) for o in course.outcomes),
            "text": " ".join(filter(None, [
                pick(course.summary, lang, fallback), course.course_code, " ".join(course.tags),
                " ".join(vocab.isced_f()[code].label_in(lang) for code in course.fields)])),
        })
    return (json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
