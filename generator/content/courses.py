"""Load content/courses/ into course families: each current version with the versions it replaced.

A course is one Markdown file with YAML front matter: `courses/<slug>.md` is
the current version and `courses/archive/<slug>/<version>.md` keeps each
version it replaced, so every version keeps its page and Achievement URL.
Reading one file is course_file.py's job; the rules of its fields are in
course_elements.py and course_extras.py. docs/course-format.md explains them.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.content.course_file import load_course, shown
from generator.model import Course, CourseFamily, Site
from generator.problems import Problem


def load_courses(site: Site, problems: list[Problem]) -> list[CourseFamily]:
    folder = site.source / "content" / "courses"
    if not folder.is_dir():
        problems.append(Problem("content/courses", None, "", "folder is missing",
                                "create it and add a course with 'credsite new course SLUG'"))
        return []
    families = []
    _skipped_files(site, folder, problems, folders_too=False)
    for path in sorted(folder.glob("*.md")):
        current = load_course(site, path, problems, expect_slug=path.stem)
        if current is None:
            continue
        if current.status == "archived":
            problems.append(Problem(shown(site, path), _status_line(path), "status",
                                    "a current course file cannot be 'archived'",
                                    "move the file to content/courses/archive/"
                                    f"{current.slug}/{current.version}.md, or use draft/published"))
            continue
        archived = _load_archive(site, folder / "archive" / current.slug, current, problems)
        if archived and current.status == "draft":
            problems.append(Problem(shown(site, path), _status_line(path), "status",
                                    "a course with published versions cannot become a draft, or their "
                                    "pages would disappear",
                                    "keep it published while you edit, or use 'status: withdrawn' to stop "
                                    "offering it (its pages stay online)"))
            continue
        families.append(CourseFamily(current, tuple(archived)))
    _check_orphan_archives(site, folder, {p.stem for p in folder.glob("*.md")}, problems)
    _check_names(site, families, problems)
    return families


def _status_line(path: Path) -> int | None:
    """The line of the front matter's status field, for problems found after the file was read."""
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if line.startswith("status:"):
            return number
    return None


def _skipped_files(site: Site, folder: Path, problems: list[Problem], folders_too: bool) -> None:
    """Warn about what looks like a course file but is not read (.MD, .markdown; folders in an archive)."""
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix.lower() in (".md", ".markdown") and path.suffix != ".md":
            problems.append(Problem(shown(site, path), None, "", "is skipped: only names ending in lower-case "
                                    ".md are read", f"rename it to {path.stem}.md", "warning"))
        elif folders_too and path.is_dir():
            problems.append(Problem(shown(site, path), None, "", "is a folder; archived versions in it are "
                                    "not read", f"move its files into {shown(site, folder)}/", "warning"))


def _load_archive(site: Site, folder: Path, current: Course, problems: list[Problem]) -> list[Course]:
    versions: list[Course] = []
    if not folder.is_dir():
        return versions
    _skipped_files(site, folder, problems, folders_too=True)
    for path in sorted(folder.glob("*.md")):
        course = load_course(site, path, problems, expect_slug=current.slug,
                             expect_version=path.stem, is_current=False)
        if course is None:
            continue
        if course.version == current.version:
            problems.append(Problem(shown(site, path), None, "version",
                                    f"'{course.version}' is also the version of the current "
                                    f"file courses/{current.slug}.md",
                                    "give the current course a new version when its content changes"))
            continue
        if course.kind != current.kind:
            # A course's pages and registry entries describe one kind of thing; a microcredential that
            # became a non-formal badge (or the reverse) is another course.
            problems.append(Problem(shown(site, path), None, "kind",
                                    f"is '{course.kind}', but the current file courses/{current.slug}.md is "
                                    f"'{current.kind}'",
                                    "keep the kind of a course in all its versions; publish the other kind as a "
                                    "new course with a slug of its own"))
            continue
        versions.append(course)
    # Newest first: archived files carry no date, so order by the version's text
    # the way people write versions (2025.1 < 2025.2 < 2026.1).
    versions.sort(key=lambda c: _version_key(c.version), reverse=True)
    return versions


def _version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[._-]", version))


def _check_orphan_archives(site: Site, folder: Path, slugs: set[str], problems: list[Problem]) -> None:
    archive = folder / "archive"
    if not archive.is_dir():
        return
    for sub in sorted(archive.iterdir()):
        if sub.is_dir() and sub.name not in slugs:
            problems.append(Problem(shown(site, sub), None, "",
                                    f"archived versions of '{sub.name}' but no file courses/{sub.name}.md",
                                    "keep the current course file; its old versions stay published only "
                                    "beside it"))


def _check_names(site: Site, families: list[CourseFamily], problems: list[Problem]) -> None:
    seen: dict[str, str] = {}
    for family in families:
        course = family.current
        title = course.title.get(site.default_language, "").casefold()
        if title and title in seen:
            problems.append(Problem(course.source, None, "title",
                                    f"same title as {seen[title]}",
                                    "give each course a distinct title so learners can tell them apart",
                                    "warning"))
        seen.setdefault(title, course.source)
