"""An N-Quads template learned from one document, filled with another's strings, in RDFC-1.0 canonical form.

The template is one format string: the N-Quads line of each quad, with {i} where string leaf i of
the document goes (a literal's value or an IRI) and _:{n+j} for blank node j (n leaves). Filled
with a document's leaves, N-Quads-escaped, and blank node labels, it is that document's RDF.

Its canonical form is computed here, without building a dataset, in the usual case. RDFC-1.0
(https://www.w3.org/TR/rdf-canon/) labels blank nodes whose first-degree hashes (4.6: SHA-256 of
the sorted N-Quads lines of the quads that mention the node, the node written _:a and every other
blank node _:z) are unique in the order of those hashes (4.4.3 step 5), and then the nodes that
share a hash, group by group in hash order (step 6). A node sharing its hash whose quads mention
no other blank node has the same quads as the others of its group but for itself (equal hashes,
nothing else to tell them apart), so whichever order step 6 gives them, the canonical N-Quads are
the same. Any other case (nodes sharing a hash that do mention other blank nodes, a quad about a
blank node repeated once filled, a quad mentioning a node twice) goes to pyoxigraph's RDFC-1.0.
"""

from __future__ import annotations

import collections
import functools
import hashlib
import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph

from generator.credentials.slot_tracing import IRI, MARKER, SCHEME, Trace

# canonical.WELL_FORMED_IRI, matched in full (its $ lets a final line break through).
_SLOT_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>"{}|\\^`\x7f]*')


@dataclass(frozen=True)
class Template:
    text: str  # every quad's line, "\n"-terminated
    hashed: tuple[str, ...]  # per blank node: the lines of its quads, itself _:a, other nodes _:z
    constant: tuple[str | None, ...]  # per blank node: its hash when its lines have no slot
    isolated: tuple[bool, ...]  # per blank node: its quads mention no other blank node
    simple: bool  # no quad mentions a blank node twice
    iris: tuple[tuple[int, str], ...]  # (leaf, the `scheme:` or `scheme://` it must start with)
    # text and hashed compiled for filling (see _compiled); derived from the fields above, so not compared.
    _text: _Filling = field(init=False, repr=False, compare=False)
    _hashed: tuple[_Filling, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_text", _compiled(self.text))
        object.__setattr__(self, "_hashed", tuple(_compiled(lines) for lines in self.hashed))

    def canonical(self, leaves: list[str]) -> str | None:
        """RDFC-1.0 canonical N-Quads with `leaves` in the slots; None when an IRI slot holds what
        the template cannot vouch for, or a string N-Quads cannot carry."""
        escaped = self._escaped(leaves)
        if escaped is None:
            return None
        found = self._labelled(escaped) if self.simple else None
        return found if found is not None else self._by_pyoxigraph(escaped)

    def canonical_by(self, leaves: list[str], pyoxigraph_only: bool) -> str | None:
        """canonical() by one way alone, None where it cannot tell (the tests hold both to the reference)."""
        escaped = self._escaped(leaves)
        if escaped is None:
            return None
        if pyoxigraph_only:
            return self._by_pyoxigraph(escaped)
        return self._labelled(escaped) if self.simple else None

    def _escaped(self, leaves: list[str]) -> list[str] | None:
        for index, start in self.iris:
            value = leaves[index]
            if (not value.startswith(start) or not _slot_iri(value)
                    or (not start.endswith("//") and value.startswith("//", len(start)))):
                return None
        joined = literal_text("\x01".join(leaves))
        try:
            joined.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate, which JSON-LD reads otherwise: the reference decides
            return None
        return joined.split("\x01")

    def _by_pyoxigraph(self, escaped: list[str]) -> str | None:
        labels = [f"t{j}" for j in range(len(self.hashed))]
        try:
            quads = pyoxigraph.parse(self.text.format(*escaped, *labels).encode("utf-8"),
                                     format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
            return canonical_nquads(quads)
        except (SyntaxError, ValueError):
            return None

    def _labelled(self, escaped: list[str]) -> str | None:
        hashes = [known if known is not None else _node_hash(lines.text, lines.pick(escaped))
                  for lines, known in zip(self._hashed, self.constant, strict=True)]
        order = sorted(range(len(hashes)), key=hashes.__getitem__)
        if len(set(hashes)) != len(hashes):  # rarely: a Counter per credential was a tenth of this method
            counts = collections.Counter(hashes)
            shared = [j for j in order if counts[hashes[j]] > 1]
            if not all(self.isolated[j] for j in shared):
                return None
            order = [j for j in order if counts[hashes[j]] == 1] + shared
        labels = [""] * len(order)
        for rank, j in enumerate(order):
            labels[j] = f"c14n{rank}"
        lines = (self._text.text % self._text.pick([*escaped, *labels])).split("\n")
        lines.pop()
        unique = set(lines)
        if len(unique) != len(lines) and any("_:" in line for line, n in collections.Counter(lines).items() if n > 1):
            return None  # a repeated quad about a blank node would have counted twice in its hash
        # Lines hold no character below "\n", so sorting them without it sorts them as RDFC-1.0 does with it.
        return "\n".join(sorted(unique)) + "\n"


@dataclass(frozen=True)
class _Filling:
    """A format text of this module as a %-format and what to pass it: what str.format does, at half the cost
    (it reads no field names), which counts for a template filled for every credential of a build."""

    text: str  # the format text with each {i} made %s, and % made %%
    pick: Callable[[list[str]], tuple[str, ...]]  # the values of its %s, in order, from what format() would get


_FIELD = re.compile(r"\{\{|\}\}|\{(\d+)\}")


def _compiled(text: str) -> _Filling:
    indices: list[int] = []

    def to_percent(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return match.group()[0]  # a doubled brace is one
        indices.append(int(match.group(1)))
        return "%s"

    percent = _FIELD.sub(to_percent, text.replace("%", "%%"))
    if not indices:
        return _Filling(percent, lambda values: ())
    if len(indices) == 1:
        only = indices[0]
        return _Filling(percent, lambda values: (values[only],))
    return _Filling(percent, operator.itemgetter(*indices))


# A blank node's hash is a function of its lines' text and the values filled in. The credentials of one course
# share most of their blank nodes' values (the achievement's, the issuer's), so most hashes are known already;
# those of the learner's own nodes are new each time and pass through. Bounded per process; least recently used go.
@functools.lru_cache(maxsize=8192)
def _node_hash(text: str, values: tuple[str, ...]) -> str:
    return _hash(text % values)


# Most IRIs in a credential's slots are its course's, issuer's and status list's, the same for many credentials.
@functools.lru_cache(maxsize=4096)
def _slot_iri(value: str) -> bool:
    """Whether an IRI slot may hold `value`, whatever its scheme."""
    if not _SLOT_IRI.fullmatch(value):
        return False
    try:
        pyoxigraph.NamedNode(value)  # pyoxigraph's JSON-LD parser drops a triple whose IRI fails this
    except ValueError:
        return False
    return True


def literal_text(text: str) -> str:
    """`text` as pyoxigraph writes a literal's value, for a text with no control character but the line feed
    (a shape holds no other): \\, " and line feed escaped, and the noncharacters U+FFFE and U+FFFF."""
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if "\ufffe" in text or "\uffff" in text:
        text = text.replace("\ufffe", "\\uFFFE").replace("\uffff", "\\uFFFF")
    return text


def _hash(text: str) -> str:
    lines = text.split("\n")
    lines.pop()
    lines.sort()
    return hashlib.sha256(("\n".join(lines) + "\n").encode("utf-8")).hexdigest()


def canonical_nquads(quads: Iterable[pyoxigraph.Quad]) -> str:
    """pyoxigraph's RDFC-1.0: the canonically labelled quads' lines in code point order."""
    dataset = pyoxigraph.Dataset(quads)
    dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
    return "".join(sorted(f"{quad} .\n" for quad in dataset))


def compile_trace(trace: Trace, leaves: int) -> Template | None:
    """The template of a traced document's RDF; None if a marker stands anywhere but a whole slot."""
    blank: dict[str, int] = {}
    quads: list[list[str | int]] = []  # per quad: its terms, as format text or a blank node's number
    simple = True
    for quad in trace.quads:
        terms: list[str | int] = []
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, pyoxigraph.BlankNode):
                terms.append(blank.setdefault(term.value, len(blank)))
            elif not isinstance(term, pyoxigraph.DefaultGraph):
                text = _fields(str(term), trace)
                if text is None:
                    return None
                terms.append(text)
        numbers = [t for t in terms if isinstance(t, int)]
        simple = simple and len(numbers) == len(set(numbers))
        quads.append(terms)

    def lines(about: Iterable[list[str | int]], label) -> str:
        return "".join(" ".join(t if isinstance(t, str) else label(t) for t in terms) + " .\n" for terms in about)

    hashed, constant, isolated = [], [], []
    for j in range(len(blank)):
        mine = [terms for terms in quads if j in terms]
        hashed.append(lines(mine, lambda k, j=j: "_:a" if k == j else "_:z"))
        constant.append(None if _has_field(hashed[-1]) else _hash(hashed[-1].format()))
        isolated.append(all(t == j for terms in mine for t in terms if isinstance(t, int)))
    iris = tuple((index, scheme.group()) for index, kind in trace.kinds.items()
                 if kind == IRI and (scheme := SCHEME.match(trace.markers[index])))
    return Template(lines(quads, lambda k: f"_:{{{leaves + k}}}"), tuple(hashed), tuple(constant), tuple(isolated),
                    simple, iris)


def _fields(text: str, trace: Trace) -> str | None:
    """`text` (a term in N-Quads) as format text: braces doubled, each marker a field of its leaf."""
    out, start = [], 0
    for match in MARKER.finditer(text):
        index = int(match.group(1))
        around = ("<", ">") if trace.kinds.get(index) == IRI else ('"', '"')
        if (index not in trace.kinds or match.group() != trace.markers.get(index)
                or (text[match.start() - 1:match.start()], text[match.end():match.end() + 1]) != around):
            return None
        out += [text[start:match.start()].replace("{", "{{").replace("}", "}}"), f"{{{index}}}"]
        start = match.end()
    out.append(text[start:].replace("{", "{{").replace("}", "}}"))
    return "".join(out)


def _has_field(text: str) -> bool:
    return "{" in text.replace("{{", "")
