"""Read a content file as UTF-8 text and split off its YAML front matter."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from generator.content.yamlsource import Located, parse_mapping
from generator.problems import Problem

_FENCE = re.compile(r"^---[ \t]*$", re.M)
LANG_MARKER = re.compile(r"^<!--\s*lang:\s*([A-Za-z-]+)\s*-->[ \t]*$", re.M)


def read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(shown, None, "", f"cannot be read ({exc.strerror})",
                                "check the file's permissions"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(Problem(shown, line, "", f"is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                                "save the file as UTF-8 in your editor"))
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def split_front_matter(text: str, shown: str, problems: list[Problem]) -> tuple[str, str, int] | None:
    """Return (yaml, body, body_first_line); front matter starts on line 2."""
    if not text.startswith("---"):
        problems.append(Problem(shown, 1, "", "has no front matter",
                                "start the file with a line '---', the course fields, and another '---'"))
        return None
    first = text.find("\n")
    if first < 0 or text[:first].strip() != "---":
        problems.append(Problem(shown, 1, "", "the first line must be exactly '---'",
                                "put the front matter between two lines of '---'"))
        return None
    end = _FENCE.search(text, first + 1)
    if not end:
        problems.append(Problem(shown, 1, "", "the front matter is not closed",
                                "add a line '---' after the last course field"))
        return None
    yaml_text = text[first + 1: end.start()]
    rest = text[end.end():]
    body = rest.lstrip("\n")
    # The fence's own line ends in the first stripped newline; count the rest.
    body_line = text[: end.end()].count("\n") + 1 + (len(rest) - len(body))
    return yaml_text, body, body_line


class FrontMatterFile(NamedTuple):
    """A Markdown file with YAML front matter, read and parsed."""

    located: Located  # the front matter's fields, each with its line in the file
    front: str  # the front matter as written (the published-course check reads it)
    body: str
    body_line: int  # the body's first line in the file


def read_front_matter_file(path: Path, shown: str, problems: list[Problem],
                           example: str) -> FrontMatterFile | None:
    """Read `path`, split off its front matter and parse it as a mapping; None after reporting why not.

    Course and pathway files share this so that both report an unreadable file, a missing
    fence or bad YAML in the same words. `example` completes the fix for front matter that
    is not a mapping, e.g. "'id: my-course'".
    """
    text = read_text(path, shown, problems)
    if text is None:
        return None
    split = split_front_matter(text, shown, problems)
    if split is None:
        return None
    front, body, body_line = split
    located = parse_mapping(front, shown, problems, 2, "the front matter",
                            f"write one field per line, e.g. {example}")
    if located is None:
        return None
    return FrontMatterFile(located, front, body, body_line)


def split_languages(body: str, default: str) -> list[tuple[str, str, int]]:
    """Split a body into (language, markdown, line offset) parts at `<!-- lang: xx -->` lines."""
    parts = []
    last_lang, last_pos = default, 0
    for match in LANG_MARKER.finditer(body):
        parts.append((last_lang, body[last_pos: match.start()], body[:last_pos].count("\n")))
        last_lang, last_pos = match.group(1), match.end()
    parts.append((last_lang, body[last_pos:], body[:last_pos].count("\n")))
    return [(lang, text.strip(), offset) for lang, text, offset in parts
            if text.strip() or lang != default or len(parts) == 1]
