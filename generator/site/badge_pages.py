"""Badge pages composed from what the pages of one shape share, byte for byte what badge.html renders.

Why: a site's badge pages differ mostly in three of the learner's own strings: the name, the credential's
uuid (in every address on the page) and the QR code. Everything else on the page, the course version, its
status, the dates, is shared by a whole cohort. Rendering badge.html twice per credential (a page per
language), a hundred Jinja lookups each, was most of what a credential cost a build.

How: the *shape* of a page is everything badge.html gets except those three strings: each other field of
the BadgeView (course version, language, status, reason, kind, dates, results, evidence, credits, ...), the
course's image and whether the learner has a name at all. For a shape, the template is rendered once with
made-up values (sentinels) in place of the three strings, and the text is cut where they came out into a
skeleton: constant pieces, and slots that say which value goes there and through which of the filters a
template can apply to it (HTML escaping, |safe, |urlencode, |wbr, |tojson). A page of that shape is then
the pieces joined with its own values, each passed through the same filter.

The template stays the only source of every page. Nothing is composed that was not seen to agree with it:

- a shape gets a skeleton the second time it is seen (a shape of one credential costs one render, as
  before);
- the skeleton must give exactly what Jinja renders for two other sets of sentinels, a very long and a
  one-character name, and for the real credential it is made at;
- a sentinel the skeleton did not recognise (a name cut short, upper-cased, compared by its length) leaves
  a different text for the other sentinels, and any of the name sentinel's private-use characters left in
  a piece tells the same.

Otherwise the shape is rendered by Jinja for the rest of the process, as every page was before. What a
skeleton cannot see is a template that branches on the *content* of a name or uuid (`{% if b.learner ==
'Ada' %}`) rather than print it; docs/themes.md says so.

One BadgePages belongs to one Renderer (one site, one template environment) in one process: the cache is
theirs, and bounded.
"""

from __future__ import annotations

import dataclasses
import hashlib
import operator
import re
import string
from collections import Counter, OrderedDict
from collections.abc import Callable
from typing import Any, NamedTuple

import jinja2
import markupsafe
from jinja2.utils import htmlsafe_json_dumps, url_quote

from generator.site.badge_view import BadgeView


class Values(NamedTuple):
    """The strings of one credential's page that are not part of its shape."""

    uuid: str  # the credential's: in every address of the page
    learner: str
    qr: str  # the data: URI of the QR code


# Each set of sentinels must come out of any filter in a form no other filter gives and no page holds
# otherwise, and the sets must differ in everything a template might look at: length, first and last
# character, case, the characters a filter changes.
_SPECIAL = "&<>\"'/:.?=#%+;,\\ \t\n"  # each escaping (HTML, URL, query, JSON, wbr) changes a different subset
_WORLD = "éßΣςعאЖ😀"  # non-ASCII: JSON's \u escapes and %-quoting of UTF-8 differ from HTML's
_WORDS = string.ascii_letters + string.digits  # a change of case, or a replace() of any of them, shows


def _name(marks: str, body: str, ends: str) -> str:
    # Private-use characters at both ends and in the middle: no real text holds them, so a piece of
    # a sentinel that a filter cut or changed is still found. Whitespace at the ends shows |trim.
    return f"{ends[0]}{marks[0]}{body[:len(body) // 2]}{marks[1]}{body[len(body) // 2:]}{marks[2]}{ends[1]}"


# The probe the skeleton is cut from; then two that must give the same page through it.
_CUT = Values("0a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3", _name("\ue000\ue001\ue002", _WORDS + _SPECIAL + _WORLD, "  "),
              "data:image/png;base64,Q1JFRFNJVEUtUVItQ1VU+/==")
_PROBES = (
    Values("f9e8d7c6-b5a4-4f3e-8d2c-1b0a9f8e7d6c",
           _name("\ue010\ue011\ue012", (_WORLD + _SPECIAL[::-1] + _WORDS[::-1]) * 24, "\t\u3000"),
           "data:image/png;base64," + "c2VudGluZWwtcXItTE9ORw+/" * 9 + "AB=="),
    Values("5d6c7b8a-9f0e-4d1c-a2b3-c4d5e6f70819", "\ue020", "data:image/png;base64,"),
)
_PRIVATE = re.compile("[\ue000-\ue002]")  # what the cut sentinel's name is marked with

# The form a value is given: uuid and QR code only "text" (no filter changes their characters, and any other
# use of them leaves a text that differs between probes); a name any of these.
Filter = Callable[[str], str]
_FIELDS = {"uuid": ("text",), "qr": ("text",), "learner": ("html", "text", "url", "query", "wbr", "json")}

# What a real value must look like for "text" to be faithful for it, as it is for the sentinels.
_REAL = {"uuid": re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
         "qr": re.compile(r"data:image/png;base64,[A-Za-z0-9+/]*={0,2}")}

# Every field of the view but the name is part of the shape; the uuid is taken out of them (see _key).
_SHAPE_FIELDS = tuple(f.name for f in dataclasses.fields(BadgeView) if f.name != "learner")
_shape_values: Callable[[BadgeView], tuple] = operator.attrgetter(*_SHAPE_FIELDS)  # in C: a fifth of _key was a loop


def filters(env: jinja2.Environment) -> dict[str, Filter]:
    """Each way a template can print a string, as that template environment does it."""
    policies = env.policies

    def json(value: str) -> str:
        # Inside the quotes: a name in a bigger |tojson object comes out the same, character by character.
        return str(htmlsafe_json_dumps(value, dumps=policies["json.dumps_function"],
                                       **policies["json.dumps_kwargs"]))[1:-1]

    return {
        "html": lambda value: str(markupsafe.escape(value)),  # autoescaping
        "text": lambda value: value,  # |safe
        "url": lambda value: str(markupsafe.escape(env.filters["urlencode"](value))),
        "query": lambda value: url_quote(value, for_qs=True),  # a value in {...}|urlencode
        "wbr": lambda value: str(env.filters["wbr"](value)),
        "json": json,
    }


class Skeleton(NamedTuple):
    pieces: tuple[str, ...]  # one more than slots: the text before, between and after them
    slots: tuple[tuple[str, str], ...]  # (field of Values, filter)


class BadgePages:
    """Badge pages of one template environment, composed where a skeleton has proven itself."""

    def __init__(self, env: jinja2.Environment, capacity: int = 1024, remember: int = 100_000):
        self.filters = filters(env)
        self.capacity = capacity  # skeletons kept (a page's text each, ~20 KB)
        self.remember = remember  # shapes seen once, kept as digests
        self.skeletons: OrderedDict[bytes, Skeleton | None] = OrderedDict()  # None: Jinja renders the shape
        self.seen: set[bytes] = set()
        self.counts: Counter[str] = Counter()  # composed, rendered, made, declined
        self._patterns: dict[bool, tuple[re.Pattern[str], dict[str, tuple[str, str]]]] = {}

    def page(self, template: jinja2.Template, b: BadgeView, qr: str,
             context: Callable[[BadgeView, str], dict[str, Any]], shape: tuple) -> str:
        """What template.render(**context(b, qr)) gives. `context` makes the template's variables from a view
        and a QR code alone, and `shape` names everything else it depends on (the language, the course)."""
        values = Values(b.uuid, b.learner, qr)
        if not all(pattern.fullmatch(getattr(values, name)) for name, pattern in _REAL.items()):
            return self._render(template, context(b, qr))
        key = self._key(b, shape)
        if key not in self.skeletons:
            if key not in self.seen:
                if len(self.seen) >= self.remember:
                    self.seen.clear()
                self.seen.add(key)
                return self._render(template, context(b, qr))
            self.seen.discard(key)
            made = self._make(template, b, context)
            page = self._render(template, context(b, qr))
            # Proven on a real credential too, or never used.
            self._keep(key, made if made is not None and self.compose(made, values) == page else None)
            return page
        self.skeletons.move_to_end(key)
        skeleton = self.skeletons[key]
        if skeleton is None:
            return self._render(template, context(b, qr))
        self.counts["composed"] += 1
        return self.compose(skeleton, values)

    def compose(self, skeleton: Skeleton, values: Values) -> str:
        forms: dict[tuple[str, str], str] = {}
        out = [skeleton.pieces[0]]
        for slot, piece in zip(skeleton.slots, skeleton.pieces[1:], strict=True):
            form = forms.get(slot)
            if form is None:
                form = forms[slot] = self.filters[slot[1]](getattr(values, slot[0]))
            out += (form, piece)
        return "".join(out)

    def _render(self, template: jinja2.Template, context: dict[str, Any]) -> str:
        self.counts["rendered"] += 1
        return template.render(**context)

    def _keep(self, key: bytes, skeleton: Skeleton | None) -> None:
        self.counts["made" if skeleton is not None else "declined"] += 1
        self.skeletons[key] = skeleton
        if len(self.skeletons) > self.capacity:
            self.skeletons.popitem(last=False)

    @staticmethod
    def _key(b: BadgeView, shape: tuple) -> bytes:
        """Everything of the page but its three strings. The uuid is in several fields (addresses, the LinkedIn
        link), always as it is: it is taken out of their text, as the probes put theirs in (_dressed)."""
        text = repr((shape, b.learner == "", _shape_values(b))).replace(b.uuid, "\0")  # repr never writes a NUL itself
        return hashlib.sha256(text.encode()).digest()

    def _make(self, template: jinja2.Template, b: BadgeView,
              context: Callable[[BadgeView, str], dict[str, Any]]) -> Skeleton | None:
        """The skeleton of b's shape, or None when the sentinels do not show how the page is made."""
        named = b.learner != ""  # an empty name is part of the shape, not a slot
        try:
            text = self._render(template, context(_dressed(b, _CUT, named), _CUT.qr))
            skeleton = self._cut(text, named)
            if skeleton is None:
                return None
            for probe in _PROBES:
                if self.compose(skeleton, probe) != self._render(template, context(_dressed(b, probe, named),
                                                                                    probe.qr)):
                    return None
        except Exception:  # a sentinel the template cannot take: the real values go to Jinja, as before
            return None
        return skeleton

    def _cut(self, text: str, named: bool) -> Skeleton | None:
        pattern, slot_of = self._pattern(named)
        pieces, slots, start = [], [], 0
        for match in pattern.finditer(text):
            pieces.append(text[start:match.start()])
            slots.append(slot_of[match.group()])
            start = match.end()
        pieces.append(text[start:])
        if any(_PRIVATE.search(piece) for piece in pieces):  # a name the template changed in a way not listed
            return None
        return Skeleton(tuple(pieces), tuple(slots))

    def _pattern(self, named: bool) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
        """A regular expression for every form of the cut sentinels, and the slot each form stands for."""
        if named not in self._patterns:
            slot_of = {self.filters[how](getattr(_CUT, name)): (name, how)
                       for name, hows in _FIELDS.items() if named or name != "learner" for how in hows}
            # Longest first, so that a form is never taken for a shorter one inside it (they are all distinct).
            pattern = re.compile("|".join(re.escape(form) for form in sorted(slot_of, key=len, reverse=True)))
            self._patterns[named] = (pattern, slot_of)
        return self._patterns[named]


def _dressed(b: BadgeView, probe: Values, named: bool) -> BadgeView:
    """b with the probe's uuid wherever b has its own, and the probe's name (an empty name stays empty)."""
    def swap(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace(b.uuid, probe.uuid)
        if isinstance(value, list):
            return [swap(item) for item in value]
        if isinstance(value, tuple):
            return tuple(swap(item) for item in value)
        if isinstance(value, dict):
            return {swap(k): swap(v) for k, v in value.items()}
        return value

    changes = {f.name: swap(getattr(b, f.name)) for f in dataclasses.fields(b)}
    changes["learner"] = probe.learner if named else ""
    return dataclasses.replace(b, **changes)
