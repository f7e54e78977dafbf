"""Canonical forms of a document for signing: RDFC-1.0 N-Quads and JCS, with the guards that make them safe.

RDFC-1.0 is pyld's expansion (it has the offline loader and our guards)
followed by pyoxigraph's canonicalization. JCS is RFC 8785.

pyld pitfalls handled here (shared reference standards.md 6.4):
- `base=None`, so relative IRIs are not resolved against a made-up base;
- pyld has no safe mode, so before canonicalizing we expand once with a
  dropped-property callback and look for relative IRIs, and refuse the
  document if JSON-LD processing would lose or change anything;
- pyld's N-Quads escaping differs from RDFC-1.0 for C0 control characters and
  DEL, so strings holding them (other than "\\n") are refused.

The guarded expansion is reused for canonicalization: normalizing the
expanded form gives the same N-Quads as normalizing the compact document
(checked against the W3C vectors) and avoids processing the contexts twice.

All of that is the reference path. A credential whose shape was seen before
skips it: fast_rdf fills the N-Quads template of its shape, learned from the
reference path, and canonicalizes them (nquads_template.py);
tests/test_fast_canonical.py holds both paths to the same bytes and errors.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pyoxigraph
import rfc8785
from pyld import jsonld  # type: ignore[import-untyped]  # pyld ships no type information

from generator.credentials import fast_rdf, linked_data, shapes
from generator.credentials.document_loader import DocumentLoader, unwrap_loader_error
from generator.credentials.findings import Reason

WELL_FORMED_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|\\^`\x7f]*$")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_CONTROL_NAMES = {"\t": "a tab", "\r": "a carriage return", "\x08": "a backspace", "\x00": "a NUL"}


class IntegrityError(ValueError):
    """A document cannot be signed or its proof checked; `problems` lists every reason, `code` their kind."""

    def __init__(self, message: str, problems: list[str] | None = None, code: Reason = Reason.JSON_LD):
        super().__init__(message)
        self.problems = problems or [message]
        self.code = code


def canonicalize(document: dict, loader: DocumentLoader, path_prefix: str = "",
                 inlined: shapes.Inlined | None = None) -> str:
    """RDFC-1.0 canonical N-Quads of `document`, or IntegrityError listing why it is unsafe.

    From the template of the document's shape when fast_rdf has one that vouches for it (the
    same bytes, see fast_rdf), else by the reference path, which then teaches fast_rdf the shape.
    `inlined`: see shapes.Inlined.
    """
    # A document with a shape holds no control character: the common case, checked on the way.
    shape = shapes.shape_of(document, inlined)
    if shape is not None:
        found = fast_rdf.from_template(shape, loader)
        if found is not None:
            return found
    problems = [] if shape is not None else control_character_problems(document, path_prefix)
    canonical = _reference(document, loader, path_prefix, problems)
    if shape is not None:
        fast_rdf.learn(shape, document, loader, canonical)
    return canonical


def fast_canonicalize(document: dict, loader: DocumentLoader) -> str | None:
    """The canonical N-Quads by fast_rdf alone, None where it declines (tests and benchmarks compare paths)."""
    shape = shapes.shape_of(document)
    return fast_rdf.from_template(shape, loader) if shape is not None else None


def reference_canonicalize(document: dict, loader: DocumentLoader, path_prefix: str = "") -> str:
    """canonicalize() by the reference path alone: pyld's guarded expansion, then pyoxigraph."""
    return _reference(document, loader, path_prefix, control_character_problems(document, path_prefix))


def _reference(document: dict, loader: DocumentLoader, path_prefix: str, problems: list[str]) -> str:
    expanded = expand_guarded(document, loader, path_prefix, problems)
    try:
        return rdfc(expanded)
    except Exception as exc:
        raise IntegrityError(json_ld_problem(exc)) from None


def rdfc(expanded: list) -> str:
    """RDFC-1.0 canonical N-Quads of an expanded JSON-LD document.

    pyoxigraph turns the expanded form, which needs no contexts, into RDF and
    canonicalizes it. That is seven times faster than pyld's own toRdf + URDNA2015,
    gives the same bytes on the W3C vectors and our credentials, and escapes
    strings the RDFC-1.0 way.
    """
    dataset = pyoxigraph.Dataset(pyoxigraph.parse(json.dumps(expanded).encode("utf-8"),
                                                  format=pyoxigraph.RdfFormat.JSON_LD))
    dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
    # Canonical N-Quads are the quads' lines in code point order.
    return "".join(sorted(f"{quad} .\n" for quad in dataset))


def jcs(value: Any) -> bytes:
    """RFC 8785 canonical JSON."""
    return rfc8785.dumps(value)


def guard_only(document: dict, loader: DocumentLoader) -> None:
    """The JSON-LD data-loss guard without the control-character rule (JCS escapes those)."""
    expand_guarded(document, loader, "", [])


def expand_guarded(document: dict, loader: DocumentLoader, prefix: str, problems: list[str]) -> list:
    """Expand `document`; raise IntegrityError with `problems` plus any data JSON-LD would lose."""
    if not isinstance(document.get("@context"), (str, list, dict)):
        problems.append(f"{prefix}@context is missing; every term would be dropped")
        raise IntegrityError(problems[0], problems)
    dropped: list[str | None] = []
    try:
        expanded = linked_data.expand(document, loader, dropped.append)
    except Exception as exc:  # pyld raises many kinds on malformed input
        problems.append(json_ld_problem(exc))
        raise IntegrityError(problems[0], problems) from None
    problems += [_dropped_problem(document, term, prefix) for term in dict.fromkeys(dropped)]
    problems += [_iri_problem(document, iri, prefix) for iri in dict.fromkeys(_bad_iris(expanded))]
    if problems:
        raise IntegrityError(problems[0], problems)
    return expanded


def json_ld_problem(exc: BaseException) -> str:
    """A one-sentence description of a pyld failure, with no traceback."""
    unknown = unwrap_loader_error(exc)
    if unknown is not None:
        return str(unknown)
    innermost = exc
    current: BaseException | None = exc
    while current is not None:
        if isinstance(current, jsonld.JsonLdError):
            innermost = current
        current = current.__cause__
    if isinstance(innermost, jsonld.JsonLdError):
        text = str(innermost.args[0]) if innermost.args else innermost.type
        code = f" ({innermost.code})" if innermost.code else ""
        return f"the document is not valid JSON-LD: {text}{code}"
    return f"the document could not be processed as JSON-LD: {type(exc).__name__}: {str(exc)[:200]}"


def _bad_iris(node: Any) -> Iterator[str]:
    """@id / @type values and property IRIs that are relative or not well-formed.

    Relative: no scheme (the rule of linked_data.data_loss). Not well-formed:
    pyld silently drops a triple whose IRI holds a space and writes invalid
    N-Quads for one holding < > " { } | \\ ^ ` (other processors drop both).
    """
    if isinstance(node, list):
        for item in node:
            yield from _bad_iris(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("@id", "@type"):
                for iri in value if isinstance(value, list) else [value]:
                    if isinstance(iri, str) and not iri.startswith(("@", "_:")) and not WELL_FORMED_IRI.match(iri):
                        yield iri  # "@json" and other keywords are not IRIs; "_:" are blank nodes
            elif key != "@value":
                if not key.startswith("@") and not WELL_FORMED_IRI.match(key):
                    yield key
                yield from _bad_iris(value)


def _walk(node: Any, path: str = "") -> Iterator[tuple[str, str | None, Any]]:
    """Yield (path, key, value) for every member and array item of a JSON value."""
    if isinstance(node, dict):
        for key, value in node.items():
            child = f"{path}.{key}" if path else str(key)
            yield child, key, value
            yield from _walk(value, child)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            child = f"{path}[{index}]"
            yield child, None, value
            yield from _walk(value, child)


def _where(paths: list[str], prefix: str) -> str:
    paths = [prefix + p for p in paths]
    if len(paths) > 3:
        return ", ".join(paths[:3]) + f" (and {len(paths) - 3} more)"
    return ", ".join(paths)


def _dropped_problem(document: dict, term: str | None, prefix: str) -> str:
    if term is None:
        return (f"{prefix or 'the document'}: a property is mapped to null by its @context "
                "and would be dropped; remove it")
    paths = [p for p, key, _ in _walk(document) if key == term]
    if not paths:
        return (f"{prefix or 'the document'}: a property expands to '{term}', which is not an "
                "absolute IRI, and would be dropped from the signed data; remove or rename it")
    return (f"{_where(paths, prefix)}: '{term}' is not defined by any @context and would be dropped "
            "from the signed data; remove it or add a context that defines it")


def _iri_problem(document: dict, iri: str, prefix: str) -> str:
    found = [(p, key) for p, key, value in _walk(document) if value == iri or key == iri]
    where = _where([p for p, _ in found], prefix) if found else f"{prefix or 'the document'}"
    if ":" in iri:
        char = next((c for c in iri.partition(":")[2] if not WELL_FORMED_IRI.match("x:" + c)), None)
        if char is None:  # every character after the colon is fine: what comes before it is no scheme
            scheme = iri.partition(":")[0]
            return (f"{where}: '{iri}' is not a valid IRI ('{scheme}' is not a scheme); "
                    "use an absolute IRI such as https://... or urn:uuid:...")
        shown = "a space" if char == " " else repr(char)
        return f"{where}: '{iri}' is not a valid IRI (it contains {shown}); percent-encode that character"
    if found and all(p.rsplit(".", 1)[-1].split("[")[0] in ("type", "@type") for p, _ in found):
        fix = "no @context defines this type; add the context that does, or use a full IRI"
    else:
        fix = "use an absolute IRI such as https://... or urn:uuid:..."
    return f"{where}: '{iri}' is a relative IRI; {fix}"


# How such a character looks in json.dumps(..., ensure_ascii=False): C0 characters
# other than \n are escaped (\u0000, \t, \r, \b, \f), DEL is kept as is. An escaped
# backslash before t/r/b/f also matches; then the exact walk below decides.
_CONTROL_IN_JSON = re.compile(r"\\(?:u00[01][0-9a-fA-F]|[trbf])|\x7f")


def control_character_problems(document: Any, prefix: str = "") -> list[str]:
    """One problem per string (or key) that holds a C0 control character other than \\n, or DEL."""
    try:
        if not _CONTROL_IN_JSON.search(json.dumps(document, ensure_ascii=False)):
            return []  # the common case, without walking every member in Python
    except (TypeError, ValueError):
        pass
    problems = []
    for path, key, value in _walk(document):
        for text, what in ((key, "its name"), (value, "its value")):
            if isinstance(text, str):
                found = _CONTROL.search(text)
                if found:
                    char = found.group()
                    name = _CONTROL_NAMES.get(char, "a control character")
                    problems.append(
                        f"{prefix}{path}: {what} contains {name} (U+{ord(char):04X}); remove it, "
                        "only line breaks (\\n) are allowed in text"
                    )
    return problems
