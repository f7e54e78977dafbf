"""Read JSON the one way credsite reads it: as I-JSON (RFC 7493), or with an error that says where it is not.

Python's json module keeps the last of two members with the same name; other parsers keep
the first, or refuse the text. So a signed file with a duplicate key means one thing to
credsite and another to a wallet, from the very same signed bytes. I-JSON forbids that, and
also what is not Unicode text (lone surrogates, noncharacters) and numbers an IEEE double
cannot hold, whose value parsers disagree on. Every reader of JSON in credsite goes through
`loads`, so credentials, status lists, DID documents, key files and caches obey one rule.

This module imports nothing of credsite: every stage may use it.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

# The integers an IEEE double holds exactly (RFC 7493, section 2.2).
MAX_EXACT_INTEGER = 2**53 - 1
DUPLICATE_WHY = "a signed file must have one meaning"
TEXT_WHY = "JSON must hold Unicode text, which every parser reads alike (I-JSON, RFC 7493)"
NUMBER_WHY = "parsers disagree on its value (I-JSON, RFC 7493)"
NESTED = "it is nested too deeply"

# Lone surrogates (json decodes a valid escaped pair into one character, so any left are lone)
# and the 66 noncharacters: U+FDD0..U+FDEF and the last two code points of every plane.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF)
                                           for plane in range(17))
NOT_TEXT = re.compile(f"[\ud800-\udfff{_NONCHARACTERS}]")
# What a text holding one of them must contain, found fast (NOT_TEXT itself is slow on long texts):
# the UTF-8 lead bytes of surrogates, of U+FDxx and U+FFxx, and of every astral character; and
# escapes that may decode to one. Only such texts need the slow walk below.
_SUSPECT_BYTES = (b"\xed", b"\xef\xb7", b"\xef\xbf", b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")
_SUSPECT_ESCAPE = re.compile(r"\\u(?:[dD][89a-fA-F]|[fF][dD][dDeE]|[fF]{3}[eEfF])")
_PLAIN_KEY = re.compile(r"[A-Za-z_@$][A-Za-z0-9_@$-]*")


class InvalidJson(ValueError):
    """The text is not I-JSON; `kind` says how.

    SYNTAX, DEPTH and ENCODING: it is no JSON at all (for SYNTAX, `lineno` and `colno` say where,
    as json.JSONDecodeError does). I_JSON: it is JSON that breaks a rule of RFC 7493, and `msg`
    is the whole sentence, with the JSON path.
    """

    SYNTAX, DEPTH, ENCODING, I_JSON = "syntax", "depth", "encoding", "i-json"

    def __init__(self, kind: str, msg: str, lineno: int | None = None, colno: int | None = None, path: str = ""):
        super().__init__(msg)
        self.kind, self.msg, self.lineno, self.colno = kind, msg, lineno, colno
        self.path = path  # I_JSON: the JSON path of what breaks the rule ("" for the top level)

    def __str__(self) -> str:
        return f"{self.msg} (line {self.lineno}, column {self.colno})" if self.lineno else self.msg

    @property
    def ijson(self) -> bool:
        return self.kind == self.I_JSON

    @property
    def sentence(self) -> str:
        """What is wrong, to follow a file's name (Problem messages); the line goes beside it."""
        if self.kind == self.I_JSON:
            return self.msg
        if self.kind == self.ENCODING:
            return f"is {self.msg}"
        where = f", column {self.colno}" if self.colno else ""
        return f"is not valid JSON ({self.msg}{where})"


def loads(data: str | bytes) -> Any:
    """The value of an I-JSON text; InvalidJson (a ValueError) when it is none.

    Bytes must be UTF-8 (I-JSON allows no other encoding); a byte-order mark is refused, as json does.
    """
    text = _text(data)
    try:
        value = json.loads(text, object_pairs_hook=_object, parse_int=_integer, parse_float=_float,
                           parse_constant=_constant)
    except _Broken:
        raise _locate(text) or InvalidJson(InvalidJson.I_JSON, "is not I-JSON") from None
    except json.JSONDecodeError as exc:
        raise InvalidJson(InvalidJson.SYNTAX, exc.msg, exc.lineno, exc.colno) from None
    except RecursionError:
        raise InvalidJson(InvalidJson.DEPTH, NESTED) from None
    if _suspect(text):
        found = _locate(text)
        if found:
            raise found
    return value


def not_text(text: str) -> list[str]:
    """The code points of `text` that I-JSON forbids, as U+XXXX; empty when it is all Unicode text."""
    return [f"U+{ord(ch):04X}" for ch in dict.fromkeys(NOT_TEXT.findall(text))]


def _suspect(text: str) -> bool:
    """Might the text hold what is not Unicode text? False means it certainly does not."""
    if _SUSPECT_ESCAPE.search(text):
        return True
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    return any(marker in data for marker in _SUSPECT_BYTES) and NOT_TEXT.search(text) is not None


def _text(data: str | bytes) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidJson(InvalidJson.ENCODING, f"not UTF-8 text (byte {exc.start} cannot be decoded)") from None


# ---------------------------------------------------------------- the fast path: plain dicts, a flag on any breach


class _Broken(Exception):
    """Some rule is broken somewhere; _locate finds where (the hooks do not know the path)."""


def _object(pairs: list[tuple[str, Any]]) -> dict:
    value = dict(pairs)
    if len(value) != len(pairs):
        raise _Broken
    return value


def _integer(literal: str) -> int:
    if len(literal.lstrip("-")) > 16:  # 2^53 has 16 digits; never hand int() a million of them
        raise _Broken
    value = int(literal)
    if abs(value) > MAX_EXACT_INTEGER:
        raise _Broken
    return value


def _float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value) or (value == 0 and _nonzero(literal)):
        raise _Broken
    return value


def _constant(literal: str) -> float:
    raise _Broken


def _nonzero(literal: str) -> bool:
    """A number literal whose digits are not all zero (so reading it as 0.0 lost it)."""
    mantissa = re.split("[eE]", literal, maxsplit=1)[0]
    return any(ch in "123456789" for ch in mantissa)


# ---------------------------------------------------------------- the slow path: find the first breach, with its path


class _Pairs(list):
    """An object as written: its members in order, duplicates kept."""


class _Number:
    def __init__(self, literal: str, kind: str):
        self.literal, self.kind = literal, kind


def _locate(text: str) -> InvalidJson | None:
    """The first breach of I-JSON in document order, named by its JSON path; None when there is none."""
    try:
        tree = json.loads(text, object_pairs_hook=_Pairs, parse_int=lambda s: _Number(s, "int"),
                          parse_float=lambda s: _Number(s, "float"), parse_constant=lambda s: _Number(s, "constant"))
        found = _breach(tree, "")
    except RecursionError:
        return InvalidJson(InvalidJson.DEPTH, NESTED)
    except json.JSONDecodeError as exc:  # the first parse stopped at a breach before this syntax error
        return InvalidJson(InvalidJson.SYNTAX, exc.msg, exc.lineno, exc.colno)
    return InvalidJson(InvalidJson.I_JSON, found[0], path=found[1]) if found else None


def _breach(node: Any, path: str) -> tuple[str, str] | None:
    """(what breaks a rule, the JSON path where) for the first breach under `node`; None when there is none."""
    if isinstance(node, _Pairs):
        seen: set[str] = set()
        for key, value in node:
            bad = not_text(key)
            if bad:
                return f"{bad[0]} in the key '{_shown(key)}' at {_where(path)}: {TEXT_WHY}", path
            if key in seen:
                return f"duplicate key '{_shown(key)}' at {_where(path)}: {DUPLICATE_WHY}", path
            seen.add(key)
            found = _breach(value, _member(path, key))
            if found:
                return found
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found = _breach(item, f"{path}[{index}]")
            if found:
                return found
    elif isinstance(node, str):
        bad = not_text(node)
        if bad:
            return f"{bad[0]} in the text at {_where(path)}: {TEXT_WHY}", path
    elif isinstance(node, _Number):
        message = _number_breach(node, path)
        return (message, path) if message else None
    return None


def _number_breach(number: _Number, path: str) -> str | None:
    shown, where = _shown(number.literal), _where(path)
    if number.kind == "constant":
        return f"{shown} at {where} is not a JSON number: {NUMBER_WHY}"
    if number.kind == "int":
        try:
            _integer(number.literal)
        except _Broken:
            return (f"the integer {shown} at {where} is beyond +/-(2^53 - 1), the integers a double holds "
                    f"exactly: {NUMBER_WHY}")
        return None
    value = float(number.literal)
    if not math.isfinite(value):
        return f"the number {shown} at {where} is too large for a double: {NUMBER_WHY}"
    if value == 0 and _nonzero(number.literal):
        return f"the number {shown} at {where} is too small for a double (it would read as 0): {NUMBER_WHY}"
    return None


def _member(path: str, key: str) -> str:
    if _PLAIN_KEY.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key)}]"


def _where(path: str) -> str:
    return path or "the top level"


def _shown(text: str, limit: int = 60) -> str:
    return printable(text[:limit]) + ("..." if len(text) > limit else "")


# What a message must not print as it is: control characters (C0, DEL, C1), line and paragraph separators.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """`text` safe to put in a message: what would break or hide a line, or cannot be printed at all
    (a lone surrogate cannot even be encoded), is escaped as \\uXXXX."""
    return "".join(f"\\u{ord(ch):04x}" if UNPRINTABLE.match(ch) or NOT_TEXT.match(ch) else ch for ch in text)
