"""`credsite new course SLUG`: a course file with every field explained."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from generator.content.course_file import SLUG
from generator.problems import Problem


def new_course(source: Path, slug: str) -> tuple[list[Problem], Path | None]:
    if not re.fullmatch(SLUG, slug) or not 3 <= len(slug) <= 80:
        return [Problem("credsite new course", None, "SLUG", f"'{slug}' is not URL-safe",
                        "use 3-80 lower-case letters, digits and single hyphens, e.g. 'data-literacy'")], None
    folder = source / "content" / "courses"
    path = folder / f"{slug}.md"
    if path.exists():
        return [Problem(str(path), None, "", "already exists",
                        "edit it, or pick another name; an existing course is never overwritten")], None
    template = (resources.files("generator") / "scaffold" / "course.md").read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(template.replace("{slug}", slug))
    return [], path
