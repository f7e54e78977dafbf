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
from collections.abc import Iterator
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


# Contexts inlined already, by identity: {id(context): (context, its text)}. A proof's options take the document's
# own @context object, so the second walk of a credential need not write it out again. Whoever passes one keeps
# it for one verification, while no one changes the documents (it holds the objects, so their ids stay theirs).
Inlined = dict[int, tuple[Any, str]]


def shape_of(document: object, inlined: Inlined | None = None) -> Shape | None:
    """The shape of a plain JSON object whose keys and strings hold no control character; None for any other."""
    if type(document) is not dict:
        return None
    parts: list[str] = []
    keys: list[str] = []
    leaves: list[str] = []
    try:
        _walk(document, parts, keys, leaves, {} if inlined is None else inlined)
    except (_NotPlainJson, RecursionError, ValueError, TypeError):  # ValueError: an int too long to print
        return None
    if _CONTROL.search("\n".join(keys)) or _CONTROL.search("\n".join(leaves)):
        return None
    return Shape("".join(parts), leaves)


def _walk(node: Any, parts: list[str], keys: list[str], leaves: list[str], inlined: Inlined) -> None:
    # Every credential a build checks is walked twice (document and proof options), so this is written for
    # speed: strings, the most common members and items, are taken here rather than in a call of their own,
    # and a member's tokens go into one part (the key is their concatenation either way).
    kind = type(node)
    if kind is dict:
        parts.append("\x02")
        for key, value in node.items():
            if type(key) is not str:
                raise _NotPlainJson
            keys.append(key)
            if key == "@context":
                known = inlined.get(id(value))
                if known is None or known[0] is not value:
                    known = inlined[id(value)] = (value, _inline(value))
                parts.append("\x03@context\x0e" + known[1])
            elif type(value) is str:
                parts.append("\x03" + key + "\x01")
                leaves.append(value)
            else:
                parts.append("\x03" + key)
                _walk(value, parts, keys, leaves, inlined)
        parts.append("\x04")
    elif kind is list:
        parts.append("\x05")
        for item in node:
            if type(item) is str:
                parts.append("\x01")
                leaves.append(item)
            else:
                _walk(item, parts, keys, leaves, inlined)
        parts.append("\x06")
    elif kind is str:
        parts.append("\x01")
        leaves.append(node)
    else:
        parts.append(_scalar(node, kind))


# Context text -> the context json.loads reads from it, for the contexts seen lately: a build's credentials
# all carry the same one or few, so reading each back once is enough.
_READ_BACK: dict[str, Any] = {}
_READ_BACK_LIMIT = 64


def _inline(node: Any) -> str:
    """A context, strings included (they are what it says), as JSON: one C call, not a walk."""
    text = json.dumps(node, ensure_ascii=False)
    # JSON escapes C0 characters, so one that is escaped, or DEL, would be there; json.loads(text) equal to
    # the context means nothing was read as something else (a tuple as a list, a number key as a string).
    read = _READ_BACK.get(text)
    if read is None:
        if ("\\" in text or "\x7f" in text) and _CONTROL_IN_JSON.search(text):
            raise _NotPlainJson
        read = json.loads(text)
        if len(_READ_BACK) >= _READ_BACK_LIMIT:
            _READ_BACK.clear()
        _READ_BACK[text] = read
    if read != node:
        raise _NotPlainJson
    return text


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
