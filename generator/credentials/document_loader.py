"""Offline JSON-LD document loader for pyld.

Contexts are served from generator/contexts/ (taken from npm packages, see
sources.json there). Signing and expansion must be reproducible and must not
depend on remote servers, so any URL we do not ship is an error.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable
from importlib import resources
from typing import Any


class UnknownContextError(Exception):
    """A JSON-LD document asked for a URL that is neither shipped nor supplied."""

    def __init__(self, url: str, available: list[str] | None = None):
        self.url = url
        self.available = sorted(available or [])
        super().__init__(
            f"unknown JSON-LD context {url}: credsite never fetches contexts "
            f"from the network; only these are available: "
            + (", ".join(self.available) or "(none)")
        )


@functools.cache
def shipped_contexts() -> dict[str, dict]:
    """URL -> parsed context for every entry in contexts/sources.json."""
    folder = resources.files("generator") / "contexts"
    sources = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
    return {
        entry["url"]: json.loads((folder / entry["file"]).read_bytes())
        for entry in sources
    }


DocumentLoader = Callable[..., dict[str, Any]]


def make_loader(extra: dict[str, dict] | None = None,
                immutable: dict[str, dict] | None = None) -> DocumentLoader:
    """Return a pyld documentLoader serving shipped contexts plus `extra`.

    `extra` maps URL -> already-parsed document (DID documents, test contexts);
    it takes precedence over shipped contexts. `immutable` adds documents that,
    like the shipped contexts, never change under their URL.
    """
    documents = {**shipped_contexts(), **(immutable or {}), **(extra or {})}
    static = (set(shipped_contexts()) | set(immutable or {})) - set(extra or {})

    def load(url: str, options: dict | None = None) -> dict[str, Any]:
        try:
            document = documents[url]
        except KeyError:
            raise UnknownContextError(url, list(documents)) from None
        if url in static:
            # The "static" tag lets pyld keep the processed context for later
            # documents, instead of processing the same large contexts for
            # every credential (most of the cost of a signature check).
            return {"contextUrl": None, "documentUrl": url, "document": document, "tag": "static"}
        # A deep copy keeps the caller's originals safe from in-place edits.
        return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(document)}

    return load


def unwrap_loader_error(exc: BaseException | None) -> UnknownContextError | None:
    """Find the UnknownContextError inside a pyld JsonLdError, if any.

    pyld re-raises loader failures as JsonLdError `from cause`, possibly
    several levels deep (expand -> context resolution -> load_document);
    older pyld versions kept the cause in `.cause` or `.details`.
    """
    seen: set[int] = set()
    stack: list[Any] = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, UnknownContextError):
            return current
        if isinstance(current, BaseException):
            stack.append(getattr(current, "cause", None))
            stack.append(current.__cause__)
            stack.append(current.__context__)
            details = getattr(current, "details", None)
            if isinstance(details, dict):
                stack.extend(details.values())
            else:
                stack.append(details)
    return None
