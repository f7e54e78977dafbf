"""Read YAML while keeping the line of every key, so errors can point at it.

`yaml.safe_load` forgets where values came from; composing the node graph and
building plain Python values ourselves keeps a map from key path to line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
import yaml.constructor

from generator.problems import Problem

KeyPath = tuple[str | int, ...]  # a key path such as ("workload", "ects") or ("learning_outcomes", 0)


@dataclass
class Located:
    """Plain data plus the 1-based line of each key path (relative to the file)."""

    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, path: KeyPath) -> int | None:
        # Fall back to the nearest parent that has a line: a missing key is
        # reported where its parent mapping starts.
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


class YamlError(ValueError):
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class InvalidScalar(str):
    """A value YAML recognised (such as a date) but could not build; `reason` says why."""

    reason: str

    def __new__(cls, text: str, reason: str) -> InvalidScalar:
        value = super().__new__(cls, text)
        value.reason = reason
        return value

    def __reduce__(self) -> tuple[type[InvalidScalar], tuple[str, str]]:  # survives being sent to a worker process
        return InvalidScalar, (str(self), self.reason)


# libyaml's parser when available (about ten times faster); it keeps node marks too.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Constructor(yaml.constructor.SafeConstructor):
    pass


def parse(text: str, first_line: int = 1) -> Located:
    """Parse YAML text; `first_line` is the file line the text starts on."""
    offset = first_line - 1
    try:
        root = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else None
        raise YamlError(line, f"malformed YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlError(None, f"malformed YAML: {exc}") from None
    located = Located(data=None)
    if root is None:
        located.data = {}
        return located
    constructor = _Constructor()
    located.data = _build(root, (), located.lines, constructor, offset, set())
    return located


def _build(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int], constructor: _Constructor,
           offset: int, seen: set[int]) -> Any:
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        # A list or mapping met twice is an alias (*name) of it: building it out again
        # each time lets a few lines of aliases grow into gigabytes.
        if id(node) in seen:  # a list item's own line is unknown here (it is the anchor's): use its list's
            raise YamlError(lines[path[:-1]] if path and isinstance(path[-1], int) else lines[path],
                            "YAML anchors and aliases (&name, *name) of lists or mappings are not supported; "
                            "write the values out")
        seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        out = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError(key_node.start_mark.line + 1 + offset,
                                "YAML merge keys (<<) are not supported; write the keys out")
            try:
                key = constructor.construct_object(key_node, deep=True)
            except (yaml.YAMLError, ValueError, KeyError, TypeError):
                key = None  # e.g. an impossible date used as a key: reported just below
            if not isinstance(key, (str, int)) or (isinstance(key, int) and _unprintable(key)):
                raise YamlError(key_node.start_mark.line + 1 + offset,
                                f"key '{getattr(key_node, 'value', key)}' is not a name")
            key = str(key) if not isinstance(key, str) else key
            if key in out:
                raise YamlError(key_node.start_mark.line + 1 + offset,
                                f"key '{key}' appears twice in the same mapping")
            lines[path + (key,)] = key_node.start_mark.line + 1 + offset
            out[key] = _build(value_node, path + (key,), lines, constructor, offset, seen)
            lines[path + (key,)] = key_node.start_mark.line + 1 + offset
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines, constructor, offset, seen)
                for i, item in enumerate(node.value)]
    try:
        value = constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        raise YamlError(node.start_mark.line + 1 + offset, f"malformed YAML: {exc.problem}") from None
    except (KeyError, TypeError):  # a tag the constructor cannot apply, such as !!bool maybe
        raise YamlError(node.start_mark.line + 1 + offset,
                        f"'{getattr(node, 'value', '')}' cannot be read as {node.tag.rsplit(':', 1)[-1]}") from None
    except ValueError as exc:  # e.g. an impossible date like 2026-02-30
        # Kept as the text written, so the reader can name the field it is wrong for.
        return InvalidScalar(node.value, str(exc))
    if isinstance(value, int) and _unprintable(value):
        # 0x, 0o and 0b numbers are read without Python's limit on decimal digits, so such a number
        # could not even be shown in a message; it stays the text written.
        return InvalidScalar(node.value, "the number has too many digits")
    return value


def _unprintable(number: int) -> bool:
    if number.bit_length() <= 64:
        return False
    try:
        str(number)
    except ValueError:
        return True
    return False


def parse_mapping(text: str, shown: str, problems: list[Problem], first_line: int, what: str,
                  fix: str) -> Located | None:
    """Parse YAML that must be a mapping; a problem (and None) for bad YAML or another shape."""
    try:
        located = parse(text, first_line=first_line)
    except YamlError as exc:
        problems.append(Problem(shown, exc.line, "", exc.message,
                                "check the indentation and quote text that contains ': ' or '#'"))
        return None
    if not isinstance(located.data, dict):
        problems.append(Problem(shown, first_line, "", f"{what} is not a set of 'key: value' lines", fix))
        return None
    return located
