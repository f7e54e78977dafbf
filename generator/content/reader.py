"""Typed access to parsed YAML that records a Problem instead of failing.

Each getter returns a clean value (or a safe default) and, when the input is
wrong, appends a Problem naming the file, line, field and the fix. Loaders use
one reader per file so every mistake in the file is reported in one pass.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from generator.content.vocab import closest
from generator.content.yamlsource import InvalidScalar, KeyPath, Located
from generator.problems import Problem

MISSING = object()
_FLOAT_MAX = int(sys.float_info.max)
_FLOAT_MIN = -_FLOAT_MAX


def dotted(path: KeyPath) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


_HTML = re.compile(r"<[a-zA-Z/!][^>]*>")
# C0 controls other than tab, line feed and carriage return, and DEL: XML 1.0 cannot hold the former.
# What a language key looks like (BCP 47's shape, loosely): anything else under a text is not meant as one.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters an IRI may not hold (RFC 3987), which JSON-LD processors reject or mangle.
NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def _quote_fix(key: KeyPath, value: Any) -> str:
    """For text YAML read as true/false (NO, yes, off...): how to keep it text."""
    if not isinstance(value, bool):
        return ""
    name = str(key[-1]) if key else "key"
    return (f"YAML reads unquoted yes, no, on, off, true and false as true/false; put the value in "
            f"quotes, e.g. {name}: \"NO\"")


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, dt.date):
        return "a date"
    if value is None:
        return "empty"
    return type(value).__name__


class FieldReader:
    def __init__(self, path: str, located: Located, languages: tuple[str, ...],
                 problems: list[Problem]):
        self.path = path
        self.located = located
        self.languages = languages
        self.problems = problems

    # -- reporting ---------------------------------------------------------
    def report(self, key: KeyPath, message: str, fix: str = "", severity: str = "error") -> None:
        self.problems.append(Problem(self.path, self.located.line(key), dotted(key),
                                     message, fix, severity))

    def warn(self, key: KeyPath, message: str, fix: str = "") -> None:
        self.report(key, message, fix, "warning")

    # -- raw access --------------------------------------------------------
    def raw(self, key: KeyPath) -> Any:
        node = self.located.data
        for part in key:
            if isinstance(node, dict) and isinstance(part, str) and part in node:
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
            else:
                return MISSING
        return node

    def present(self, key: KeyPath) -> bool:
        value = self.raw(key)
        return value is not MISSING and value is not None

    def _required(self, key: KeyPath, what: str, fix: str) -> None:
        self.report(key, f"missing; {what}" if what else "missing", fix)

    def mapping(self, key: KeyPath, known: Iterable[str], required: bool = False,
                what: str = "", fix: str = "") -> dict[str, Any] | None:
        value = self.raw(key)
        # An empty mapping ({}) says no more than a missing one: a required one is missing.
        if value is MISSING or value is None or (required and value == {}):
            if required:
                self._required(key, what, fix)
            return None
        if not isinstance(value, dict):
            self.report(key, f"expected a mapping of keys, got {_type_name(value)}",
                        fix or f"indent the keys of '{dotted(key)}' below it")
            return None
        self.unknown_keys(key, value, known)
        return value

    def unknown_keys(self, key: KeyPath, value: dict[str, Any], known: Iterable[str]) -> None:
        known = list(known)
        for name in value:
            if name not in known:
                guess = closest(str(name), known)
                fix = f"did you mean '{guess}'?" if guess else \
                    "remove it; known keys here: " + ", ".join(sorted(known))
                self.report(key + (name,), "unknown field", fix)

    # -- scalars -----------------------------------------------------------
    def string(self, key: KeyPath, required: bool = False, what: str = "", fix: str = "",
               pattern: str | None = None, pattern_fix: str = "", max_len: int | None = None,
               allow_numbers: bool = False, plain: bool = False) -> str:
        value = self.raw(key)
        if value is MISSING or value is None or value == "":
            if required:
                self._required(key, what, fix)
            return ""
        if allow_numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            example = f"{dotted(key).split('.')[-1]}: \"...\""
            self.report(key, f"expected text, got {_type_name(value)}",
                        _quote_fix(key, value) or fix or f"write it as text, e.g. '{example}'")
            return ""
        value = value.strip()
        if self._has_control(key, value):
            return ""
        if not value:  # only spaces: as empty as ""
            if required:
                self._required(key, what, fix)
            return ""
        if plain and self._has_html(key, value):
            return ""
        if pattern and not re.fullmatch(pattern, value):
            self.report(key, f"'{value}' is not valid", pattern_fix)
            return ""
        if max_len and len(value) > max_len:
            self.report(key, f"{len(value)} characters, more than {max_len}",
                        f"shorten it to at most {max_len} characters")
        return value

    def choice(self, key: KeyPath, choices: Iterable[str], required: bool = False,
               what: str = "", default: str = "") -> str:
        choices = list(choices)
        value = self.raw(key)
        if value is MISSING or value is None or value == "":
            if required:
                self._required(key, what, "use one of " + ", ".join(choices))
            return default
        value = str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
        if value not in choices:
            guess = closest(str(value), choices)
            hint = f"did you mean '{guess}'? " if guess else ""
            self.report(key, f"'{value}' is not a known value",
                        f"{hint}use one of " + ", ".join(choices))
            return default
        return value

    def number(self, key: KeyPath, required: bool = False, what: str = "", fix: str = "") -> float | None:
        """A finite number; an int stays an int, so '4' and '4.0' keep the form they were written in."""
        return self._numeric(key, required, what, fix, "a number")

    def whole_number(self, key: KeyPath, required: bool = False, what: str = "", fix: str = "") -> int | None:
        """A whole number; 6.0 counts as 6."""
        value = self._numeric(key, required, what, fix, "a whole number")
        if value is None or isinstance(value, int):
            return value
        if not value.is_integer():
            self.report(key, f"{value} is not a whole number", "round it to a whole number")
            return None
        return int(value)

    def _numeric(self, key: KeyPath, required: bool, what: str, fix: str, kind: str) -> float | None:
        value = self.raw(key)
        if value is MISSING or value is None:
            if required:
                self._required(key, what, fix)
            return None
        example = f"{dotted(key).split('.')[-1]}: 4"
        if isinstance(value, float) and not math.isfinite(value):
            self.report(key, f"'{value}' is not a finite number", f"write the number itself, e.g. '{example}'")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.report(key, f"expected {kind}, got {_type_name(value)} '{value}'",
                        f"write it without quotes or units, e.g. '{example}'")
            return None
        if isinstance(value, int) and not _FLOAT_MIN <= value <= _FLOAT_MAX:
            # YAML reads any run of digits as an int; every later rule compares and formats it as a
            # float, which such a number does not fit.
            self.report(key, "is a number too large to use", f"write the intended value, e.g. '{example}'")
            return None
        return value

    def boolean(self, key: KeyPath, default: bool = False) -> bool:
        value = self.raw(key)
        if value is MISSING or value is None:
            return default
        if not isinstance(value, bool):
            self.report(key, f"expected true or false, got {_type_name(value)} '{value}'",
                        "write true or false")
            return default
        return value

    def date(self, key: KeyPath, required: bool = False, what: str = "") -> dt.date | None:
        value = self.raw(key)
        if value is MISSING or value is None:
            if required:
                self._required(key, what, "write a date as YYYY-MM-DD")
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        reason = f" ({value.reason})" if isinstance(value, InvalidScalar) else ""
        self.report(key, f"'{value}' is not a date{reason}", "write a date as YYYY-MM-DD, e.g. 2026-09-01")
        return None

    def url(self, key: KeyPath, required: bool = False, what: str = "") -> str:
        value = self.string(key, required=required, what=what,
                            fix="give an absolute https:// address")
        if not value:
            return ""
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.netloc or " " in value:
            if parts.scheme == "http" and parts.netloc:
                self.report(key, f"'{value}' uses http", "use the https:// address")
            else:
                self.report(key, f"'{value}' is not an absolute URL",
                            "give the full address starting with https://")
            return ""
        bad = sorted(set(NOT_IN_IRI.findall(value)))
        if bad:
            # Such a URL goes into the Achievement and credentials, where it must be a valid IRI.
            self.report(key, f"'{value}' contains {' '.join(bad)}, which a URL may not hold",
                        "percent-encode them (a space as %20, \" as %22, < as %3C, > as %3E)")
            return ""
        return value

    def email(self, key: KeyPath, required: bool = False) -> str:
        value = self.string(key, required=required)
        if value and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
            self.report(key, f"'{value}' is not an e-mail address", "write it as name@domain")
            return ""
        return value

    # -- per-language text -------------------------------------------------
    def text(self, key: KeyPath, required: bool = False, what: str = "", fix: str = "",
             min_len: int = 1, max_len: int | None = None, plain: bool = False) -> dict[str, str]:
        """Text given as a string (all languages) or as {lang: text}."""
        value = self.raw(key)
        if value is MISSING or value is None or value == "" or value == {}:
            if required:
                self._required(key, what, fix or self._text_example(key))
            return {}
        empty: set[str] = set()  # languages given as blank text, reported already
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            texts = {lang: value for lang in self.languages}
        elif isinstance(value, dict):
            texts = {}
            for lang, text in value.items():
                if lang not in self.languages:
                    if not _LANGUAGE_TAG.fullmatch(str(lang)):
                        # {nl: Verpleegkundigen, paramedici en zorgmanagers., en: ...}: YAML's flow style
                        # ends a value at a comma, so the rest of the text became a key.
                        self.report(key + (lang,), f"'{lang}' is not a language: a comma in a text inside "
                                    "{...} ends the text there",
                                    "put the text in quotes ('nl: \"..., ...\"'), or write each language on a "
                                    "line of its own below the field")
                        continue
                    guess = closest(str(lang), self.languages)
                    hint = f"did you mean '{guess}'? " if guess else ""
                    self.report(key + (lang,), f"'{lang}' is not one of the site's languages",
                                f"{hint}use " + ", ".join(self.languages) +
                                " or add the language to content/site.yaml")
                    continue
                if isinstance(text, (int, float)) and not isinstance(text, bool):
                    text = str(text)
                if isinstance(text, str) and not text.strip():
                    optional = "" if lang == self.languages[0] else f", or leave '{lang}' out"
                    self.report(key + (lang,), "is empty", f"write the text after '{lang}:'{optional}")
                    empty.add(lang)
                    continue
                if not isinstance(text, str):
                    self.report(key + (lang,), f"expected text, got {_type_name(text)}",
                                _quote_fix(key + (lang,), text) or "write the text after the language code")
                    continue
                texts[lang] = text
        else:
            self.report(key, f"expected text, got {_type_name(value)}",
                        self._text_example(key))
            return {}
        texts = {lang: t.strip() for lang, t in texts.items()}
        if required and texts and self.languages[0] not in texts and self.languages[0] not in empty:
            self.report(key, f"no '{self.languages[0]}' text, the site's default language",
                        f"add {dotted(key)}.{self.languages[0]}")
        # Text given once for all languages is checked once.
        checked = texts.items() if isinstance(value, dict) else list(texts.items())[:1]
        for lang, t in checked:
            where = key + (lang,) if isinstance(value, dict) else key
            if len(t) < min_len:
                self.report(where, f"only {len(t)} characters", f"write at least {min_len} characters")
            if max_len and len(t) > max_len:
                self.report(where, f"{len(t)} characters, more than {max_len}",
                            f"shorten it to at most {max_len} characters, "
                            "and move detail to the Markdown body")
            if plain:
                self._has_html(where, t)
            self._has_control(where, t)
        return texts

    def _has_control(self, key: KeyPath, text: str) -> bool:
        """Report a control character: no page shows it, and XML (the registries' exports) cannot hold it."""
        found = _CONTROL.search(text)
        if not found:
            return False
        self.report(key, f"contains the control character U+{ord(found.group()):04X}",
                    "remove it (it is invisible; retype the text around it)")
        return True

    def _has_html(self, key: KeyPath, text: str) -> bool:
        """Report markup in a plain-text field (wallets and verifiers show it as text)."""
        if not _HTML.search(text):
            return False
        self.report(key, "contains HTML", "write plain text; wallets and verifiers show this field as text")
        return True

    def _text_example(self, key: KeyPath) -> str:
        name = dotted(key).split(".")[-1]
        langs = ", ".join(f"{lang}: ..." for lang in self.languages)
        return f"add it as '{name}: ...' or per language '{name}: {{{langs}}}'"

    # -- lists -------------------------------------------------------------
    def items(self, key: KeyPath, required: bool = False, what: str = "", fix: str = "") -> list[Any]:
        value = self.raw(key)
        if value is MISSING or value is None or value == []:
            if required:
                self.report(key, f"missing or empty; {what}" if what else "missing or empty", fix)
            return []
        if not isinstance(value, list):
            self.report(key, f"expected a list, got {_type_name(value)}",
                        f"write it as a list, e.g. '{dotted(key).split('.')[-1]}: [...]' "
                        "or one '- item' per line")
            return []
        return value

    def string_list(self, key: KeyPath, required: bool = False, what: str = "", fix: str = "",
                    allow_numbers: bool = False, plain: bool = False) -> list[str]:
        out = []
        for i, item in enumerate(self.items(key, required, what, fix)):
            if allow_numbers and isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or not item.strip():
                self.report(key + (i,), f"expected text, got {_type_name(item)}",
                            "quote the value, e.g. \"0533\"" if isinstance(item, int) else
                            "write each item as text")
                continue
            if plain and self._has_html(key + (i,), item):
                continue
            out.append(item.strip())
        return out
