"""The shape of a JSON-LD document: everything but its string leaves, which are listed apart.

Two documents of one shape have the same keys in the same order, the same nesting, the same
numbers, booleans and nulls, the same @context wherever one stands (strings included: a context's
strings are what it says), and strings in the same places. fast_rdf keeps one template per shape.

A document whose keys or strings hold a control character has no shape: canonical.py refuses
those anyway, and each token of a shape's key begins with one, so no two shapes read alike.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

# canonical.py's rule: C0 characters other than the line feed, and DEL; in JSON text (where an escaped
# backslash before t, r, b or f matches too: then the document has no shape, and canonical.py decides).
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_CONTROL_IN_JSON = re.compile(r"\\(?:u00[01][0-9a-fA-F]|[trbf])|\x7f")


class _NotPlainJson(Exception):
    """A value json.loads cannot produce (a tuple, a non-string key, a subclass): no shape."""


@dataclass(frozen=True)
class Shape:
    """A document without its string leaves (`key`), and those leaves in document order."""

    key: str
    leaves: list[str]


def shape_of(document: object) -> Shape | None:
    """The shape of a plain JSON object whose keys and strings hold no control character; None for any other."""
    if type(document) is not dict:
        return None
    parts: list[str] = []
    texts: list[str] = []  # keys
    leaves: list[str] = []
    try:
        _walk(document, parts.append, texts.append, leaves.append)
    except (_NotPlainJson, RecursionError, ValueError, TypeError):  # ValueError: an int too long to print
        return None
    if _CONTROL.search("\n".join(texts)) or _CONTROL.search("\n".join(leaves)):
        return None
    return Shape("".join(parts), leaves)


def _walk(node: Any, part: Callable[[str], None], text: Callable[[str], None], leaf: Callable[[str], None]) -> None:
    # Strings, the most common members and items, are taken here rather than in a call of their own.
    kind = type(node)
    if kind is dict:
        part("\x02")
        for key, value in node.items():
            if type(key) is not str:
                raise _NotPlainJson
            part("\x03")
            part(key)
            text(key)
            if key == "@context":
                _inline(value, part)
            elif type(value) is str:
                part("\x01")
                leaf(value)
            else:
                _walk(value, part, text, leaf)
        part("\x04")
    elif kind is list:
        part("\x05")
        for item in node:
            if type(item) is str:
                part("\x01")
                leaf(item)
            else:
                _walk(item, part, text, leaf)
        part("\x06")
    elif kind is str:
        part("\x01")
        leaf(node)
    else:
        part(_scalar(node, kind))


def _inline(node: Any, part: Callable[[str], None]) -> None:
    """A context, strings included (they are what it says), as JSON: one C call, not a walk."""
    text = json.dumps(node, ensure_ascii=False)
    # JSON escapes C0 characters, so one that is escaped, or DEL, would be there; json.loads(text) equal to
    # the context means nothing was read as something else (a tuple as a list, a number key as a string).
    if (("\\" in text or "\x7f" in text) and _CONTROL_IN_JSON.search(text)) or json.loads(text) != node:
        raise _NotPlainJson
    part("\x0e")
    part(text)


def _scalar(node: Any, kind: type) -> str:
    if node is None:
        return "\x0f"
    if kind is bool:
        return "\x10" if node else "\x11"
    if kind is int:
        return "\x12" + str(node)
    if kind is float:
        return "\x13" + repr(node)
    raise _NotPlainJson


def marked(node: Any, leaves: Iterator[str]) -> Any:
    """`node` with its string leaves taken from `leaves`, in the order shape_of lists them."""
    kind = type(node)
    if kind is str:
        return next(leaves)
    if kind is dict:
        return {key: value if key == "@context" else marked(value, leaves) for key, value in node.items()}
    if kind is list:
        return [marked(item, leaves) for item in node]
    return node
