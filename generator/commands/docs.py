"""`credsite docs [TOPIC [SECTION]]`: the documentation, wherever credsite is installed.

docs/*.md ship inside the package (generator/docs is a link to the repository's docs/ folder,
which a wheel holds as plain files), so a message that points to a topic and a section, say
"see: credsite docs issuing 'A key that leaked'", can be followed on any machine, not only in a
clone of the repository.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable

_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,6}) +(.+?) *#*$")


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    line: int  # its index in the file's lines


def docs_folder() -> Traversable:
    return resources.files("generator") / "docs"


def topics() -> dict[str, Traversable]:
    """Each topic's name (the file's name without .md) and its file, in name order."""
    files = [item for item in docs_folder().iterdir() if item.name.endswith(".md")]
    return {item.name.removesuffix(".md"): item for item in sorted(files, key=lambda item: item.name)}


def topic_name(given: str) -> tuple[str, str]:
    """(topic, anchor) from what a user may copy: a topic's name, or its file's path under docs/, either one with
    an #anchor after it: 'issuing', 'issuing.md#5-reissue'."""
    name, _, anchor = given.partition("#")
    return name.removeprefix("docs/").removesuffix(".md"), anchor


def headings(text: str) -> list[Heading]:
    """The Markdown headings, without the '#' lines of code blocks (YAML comments, shell prompts)."""
    out, fenced = [], False
    for number, line in enumerate(text.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (match := _HEADING.match(line)):
            out.append(Heading(len(match[1]), match[2], number))
    return out


def anchor(title: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")


def section(text: str, wanted: str) -> str | None:
    """The section whose heading is `wanted` (as written, in any case, or as its anchor), up to the next
    heading of the same or a higher level; None when the text has no such heading."""
    found = headings(text)
    for i, heading in enumerate(found):
        if wanted.strip().casefold() in (heading.title.casefold(), anchor(heading.title)):
            end = next((h.line for h in found[i + 1:] if h.level <= heading.level), None)
            return "\n".join(text.splitlines()[heading.line:end]).rstrip() + "\n"
    return None


def title(text: str) -> str:
    first = next((h for h in headings(text) if h.level == 1), None)
    return first.title if first else ""
