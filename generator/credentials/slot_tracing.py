"""Which string leaves of a document JSON-LD copies unread, and which it reads.

Every string leaf of a document (outside @context) is replaced by a unique marker, pyld expands
the result with its IRI expansion traced, and pyoxigraph turns that into RDF. A leaf is
- LITERAL when its marker was never IRI-expanded, comes out once, as the @value of a value object
  that is not @json, and in the RDF only as a literal's whole value: pyld's value expansion and
  pyoxigraph's JSON-LD-to-RDF copy any string there without reading it;
- IRI when its marker (the leaf's `scheme:` or `scheme://`, then the unique part) was IRI-expanded
  only document-relatively (not against @vocab, not as a type), came out unchanged, once, as an
  @id, and in the RDF only as a whole IRI. With no base, pyld's _expand_iri returns `scheme:rest`
  unchanged unless `scheme` is a prefix term and `rest` does not start with //: any string with
  that scheme and that // comes out unchanged too;
- fixed otherwise: its own value goes back in, and what is learned holds only for that value.
Putting values back changes scoped contexts (types decide them), so this repeats until no marker
changes kind; markers nothing read are fixed last.

Apart from IRI expansion, pyld reads a string only as a keyword's value, and then the marker ends
up elsewhere than a copied @value or an @id (under @language, lower-cased; under @index; inside an
@json literal), so it is fixed; or expansion fails (@direction other than ltr or rtl), and nothing
is learned.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import pyoxigraph
from pyld import jsonld  # type: ignore[import-untyped]  # pyld ships no type information

from generator.credentials import linked_data
from generator.credentials.document_loader import DocumentLoader
from generator.credentials.shapes import Shape, marked

# Lower case letters and digits: a valid host, unchanged by the lower-casing of @language.
MARK = "x7credsiteslot"
MARKER = re.compile(rf"(?:[A-Za-z][A-Za-z0-9+.\-]*:(?://)?)?{MARK}(\d+)z")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:(?://)?")
LITERAL, IRI = "literal", "iri"
_ROUNDS = 8


@dataclass(frozen=True)
class Trace:
    """How the marked document of a shape was read, in the round where no marker changed kind."""

    fixed: tuple[int, ...]  # leaves put back
    markers: dict[int, str]  # leaf -> its marker, for the others
    kinds: dict[int, str]  # leaf -> LITERAL or IRI, for the others
    quads: list[pyoxigraph.Quad]  # the marked document's RDF


def trace(shape: Shape, document: dict, loader: DocumentLoader) -> Trace | None:
    """How `document` (of `shape`) is read, or None when its strings cannot be told apart."""
    if MARK in shape.key or any(MARK in leaf for leaf in shape.leaves):
        return None  # a marker would not be unique
    fixed: set[int] = set()
    for _ in range(_ROUNDS):
        markers = {index: marker(index, leaf) for index, leaf in enumerate(shape.leaves) if index not in fixed}
        tracer = _Tracer({text: index for index, text in markers.items()})
        filled = iter([markers.get(index, leaf) for index, leaf in enumerate(shape.leaves)])
        expanded = tracer.expand(marked(document, filled), {"documentLoader": loader, "base": None})
        quads = list(pyoxigraph.parse(json.dumps(expanded).encode("utf-8"), format=pyoxigraph.RdfFormat.JSON_LD))
        kinds = _kinds(markers, tracer.iri_uses, _in_expansion(expanded, markers), _in_rdf(quads, markers))
        read = {index for index, kind in kinds.items() if kind is None}
        unread = set(markers) - set(kinds)
        if read or unread:
            # What was read goes back first: it may give the unread a context to be read in.
            fixed |= read or unread
            continue
        if tracer.dropped:
            return None
        return Trace(tuple(sorted(fixed)), markers, {i: k for i, k in kinds.items() if k is not None}, quads)
    return None


def marker(index: int, leaf: str) -> str:
    """A unique string with the scheme of `leaf`, and its // if any: IRI expansion reads no more of it."""
    scheme = SCHEME.match(leaf)
    return f"{scheme.group() if scheme else ''}{MARK}{index}z"


class _Tracer(linked_data.Processor):
    """pyld's expansion noting, for each marker it IRI-expands, whether that left it as it was."""

    def __init__(self, markers: dict[str, int]):
        self.markers = markers
        self.iri_uses: dict[int, list[bool]] = {}
        self.dropped: list[object] = []
        super().__init__(self.dropped.append)

    def _expand(self, active_ctx, active_property, element, options, inside_list=False, inside_index=False,
                type_scoped_ctx=None):
        # Past linked_data's node cache: a remembered node would hide how its strings are read.
        return jsonld.JsonLdProcessor._expand(self, active_ctx, active_property, element, options, inside_list,
                                              inside_index, type_scoped_ctx)

    def _expand_iri(self, active_ctx, value, base=None, vocab=False, local_ctx=None, defined=None):
        result = super()._expand_iri(active_ctx, value, base, vocab, local_ctx, defined)
        index = self.markers.get(value) if type(value) is str else None
        if index is not None:
            self.iri_uses.setdefault(index, []).append(not vocab and result == value)
        return result


def _note(found: dict[int, list[str]], markers: dict[int, str], text: str, where: str) -> None:
    for match in MARKER.finditer(text):
        index = int(match.group(1))
        found.setdefault(index, []).append(where if text == markers.get(index) else "other")


def _in_expansion(expanded: Any, markers: dict[int, str]) -> dict[int, list[str]]:
    """Where each marker stands in pyld's output: "value" (a copied @value), "id" (an @id) or "other"."""
    found: dict[int, list[str]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, str):
            _note(found, markers, node, "other")
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            copied = "@value" in node and node.get("@type") != "@json"
            for key, value in node.items():
                _note(found, markers, key, "other")
                if key == "@value" and copied and isinstance(value, str):
                    _note(found, markers, value, "value")
                elif key == "@id" and "@value" not in node and isinstance(value, str):
                    _note(found, markers, value, "id")
                else:
                    walk(value)

    walk(expanded)
    return found


def _in_rdf(quads: list[pyoxigraph.Quad], markers: dict[int, str]) -> dict[int, list[str]]:
    """Where each marker stands in pyoxigraph's RDF: a whole IRI, a literal's whole value, or "other"."""
    found: dict[int, list[str]] = {}
    for quad in quads:
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, pyoxigraph.NamedNode):
                _note(found, markers, term.value, IRI)
            elif isinstance(term, pyoxigraph.Literal):
                _note(found, markers, term.value, LITERAL)
                _note(found, markers, term.datatype.value, "other")
                _note(found, markers, term.language or "", "other")
            elif not isinstance(term, (pyoxigraph.BlankNode, pyoxigraph.DefaultGraph)):
                _note(found, markers, str(term), "other")
    return found


def _kinds(markers: dict[int, str], iri_uses: dict[int, list[bool]], expansion: dict[int, list[str]],
           rdf: dict[int, list[str]]) -> dict[int, str | None]:
    """LITERAL or IRI for each marker read a slot's way, None for one read otherwise; unread ones are left out."""
    kinds: dict[int, str | None] = {}
    for index, text in markers.items():
        uses, out, quads = iri_uses.get(index), expansion.get(index), rdf.get(index)
        if uses is None and out is None and quads is None:
            continue
        if uses is None and out == ["value"] and quads and set(quads) == {LITERAL}:
            kinds[index] = LITERAL
        elif uses and all(uses) and out == ["id"] and quads and set(quads) == {IRI} and SCHEME.match(text):
            kinds[index] = IRI
        else:
            kinds[index] = None
    return kinds
