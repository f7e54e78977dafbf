"""RDFC-1.0 of a document from the template of its shape, without JSON-LD processing.

The credentials of one course differ only in strings JSON-LD copies without reading them: a
learner's name, a date, a hash, the credential's id. For a shape (shapes.py) seen before with the
same loader, the RDF is a template learned from one document of that shape: N-Quads with a slot
for every string JSON-LD copies (slot_tracing.py says which). Filling the slots and labelling the
blank nodes the RDFC-1.0 way (nquads_template.py) gives the canonical N-Quads without expanding
anything. canonical.py tries this first and takes the reference path (pyld, then pyoxigraph)
whenever this module declines.

Why a filled template equals the reference. Take a document B of the template's shape, with its
fixed values, and in each IRI slot a well-formed IRI with the same `scheme:` or `scheme://`. With
markers in its slots, B is the very document the template was learned from; and B differs from
that only in strings that pyld and pyoxigraph were seen to copy without reading (an IRI slot read
up to its scheme and // only, slot_tracing.py). So B's RDF is the template's with B's strings in
the slots, its canonical form is the reference's, and the guards agree: a term is dropped for its
key and context, never for a string value, and a relative or malformed IRI could only be a fixed
value (as in the learned document, which passed) or sit in an IRI slot, which is checked here.
Before a template is kept, it must also reproduce the canonical form of its own document.

It declines (None) for the rest: a document without a shape (a control character, or something
json.loads cannot give), a shape not learned yet, other fixed values, an IRI slot holding
something else, a string pyoxigraph would refuse or read otherwise (an IRI it rejects, a lone
surrogate).

Templates are kept per loader, weakly (a loader made for one call takes its templates with it),
assuming like linked_data's node cache that a loader's documents never change. A shape is learned
when it is seen the second time (see learn), so a document whose like is seen once costs no more
than before.
"""

from __future__ import annotations

import operator
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from generator.credentials import slot_tracing
from generator.credentials.document_loader import DocumentLoader
from generator.credentials.nquads_template import Template, compile_trace
from generator.credentials.shapes import Shape

_TEMPLATES_LIMIT = 1_000  # per loader; a credential's template takes about 20 kB
_PER_SHAPE_LIMIT = 64
_SIGHTINGS_LIMIT = 50_000


@dataclass
class _Variant:
    """The templates of one shape whose fixed leaves are these positions, by their values."""

    fixed: tuple[int, ...]
    pick: Callable[[list[str]], tuple[str, ...]]
    templates: dict[tuple[str, ...], Template] = field(default_factory=dict)


@dataclass
class _Learned:
    shapes: dict[str, list[_Variant]] = field(default_factory=dict)
    count: int = 0
    sightings: set[int] = field(default_factory=set)
    refused: set[int] = field(default_factory=set)
    mismatches: int = 0  # templates that did not reproduce their own document (see mismatches())


# Per loader; dropped with it.
_LEARNED: weakref.WeakKeyDictionary[DocumentLoader, _Learned] = weakref.WeakKeyDictionary()


def from_template(shape: Shape, loader: DocumentLoader) -> str | None:
    """The canonical N-Quads from the template of `shape`, or None when no template vouches for them."""
    template = _find(_learned(loader), shape)
    return template.canonical(shape.leaves) if template is not None else None


def template_for(shape: Shape, loader: DocumentLoader) -> Template | None:
    """The template learned for this shape and its fixed values, if any (it may still decline the slots)."""
    return _find(_learned(loader), shape)


def mismatches(loader: DocumentLoader) -> int:
    """Templates thrown away for not reproducing the document they were learned from: 0 unless slot_tracing
    reads a string wrong somewhere (the tests hold it to 0; the check itself keeps such a template out)."""
    learned = _learned(loader)
    return learned.mismatches if learned is not None else 0


def learn(shape: Shape, document: dict, loader: DocumentLoader, expected: str) -> None:
    """Learn the template of `document` (its reference canonical form is `expected`) when its like is seen again.

    Its like: the same shape and, once a template of the shape is known, the same fixed values. A
    value JSON-LD reads that differs in every document (a blank node's label, say) is never learned,
    and costs no more than the reference path.
    """
    learned = _learned(loader, create=True)
    if learned is None or _find(learned, shape) is not None:
        return  # a template exists and declined this document: its strings are the reason
    variants = learned.shapes.get(shape.key, [])
    seen = hash((shape.key, *(variant.pick(shape.leaves) for variant in variants)))
    if seen in learned.refused or sum(len(variant.templates) for variant in variants) >= _PER_SHAPE_LIMIT:
        return
    if seen not in learned.sightings:
        if len(learned.sightings) >= _SIGHTINGS_LIMIT:
            learned.sightings.clear()
        learned.sightings.add(seen)
        return
    if any(slot_tracing.MARK in leaf for leaf in shape.leaves):
        return  # this document's strings hold what markers are made of; another of its like may teach it
    try:
        trace = slot_tracing.trace(shape, document, loader)
        template = compile_trace(trace, len(shape.leaves)) if trace is not None else None
    except Exception:  # pyld fails in many ways; then the reference path stays, as for any other decline
        trace = template = None
    check = template.canonical(shape.leaves) if template is not None else None
    if trace is None or template is None:
        learned.refused.add(seen)
    elif check is not None and check != expected:
        learned.mismatches += 1
        learned.refused.add(seen)
    elif check is not None:  # None: this document's own strings are refused; another of its like may teach it
        _keep(learned, shape, trace.fixed, template)


def _learned(loader: DocumentLoader, create: bool = False) -> _Learned | None:
    try:
        found = _LEARNED.get(loader)
        if found is None and create:
            found = _LEARNED[loader] = _Learned()
    except TypeError:  # a loader that cannot be weakly referenced: nothing is kept for it
        return None
    return found


def _find(learned: _Learned | None, shape: Shape) -> Template | None:
    for variant in learned.shapes.get(shape.key, ()) if learned is not None else ():
        template = variant.templates.get(variant.pick(shape.leaves))
        if template is not None:
            return template
    return None


def _keep(learned: _Learned, shape: Shape, fixed: tuple[int, ...], template: Template) -> None:
    if learned.count >= _TEMPLATES_LIMIT:
        learned.shapes.clear()
        learned.count = 0
    variants = learned.shapes.setdefault(shape.key, [])
    variant = next((v for v in variants if v.fixed == fixed), None)
    if variant is None:
        variant = _Variant(fixed, _picker(fixed))
        variants.append(variant)
    variant.templates[variant.pick(shape.leaves)] = template
    learned.count += 1


def _picker(indices: Iterable[int]) -> Callable[[list[str]], tuple[str, ...]]:
    indices = tuple(indices)
    if not indices:
        return lambda leaves: ()
    if len(indices) == 1:
        only = indices[0]
        return lambda leaves: (leaves[only],)
    return operator.itemgetter(*indices)
