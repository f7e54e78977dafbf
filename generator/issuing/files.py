"""Atomic file writes for content that issuing, revoking and reissuing produce, and its formats."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def _temp_beside(target: Path, data: bytes) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return Path(name)


def create_new(target: Path, data: bytes) -> None:
    """Write a new file atomically; FileExistsError if the name is taken (never overwrites)."""
    temp = _temp_beside(target, data)
    try:
        os.chmod(temp, 0o644)
        os.link(temp, target)  # link() refuses an existing name, atomically
    finally:
        temp.unlink()


def replace(target: Path, data: bytes) -> None:
    """Write a file atomically, replacing any previous version in one step."""
    temp = _temp_beside(target, data)
    try:
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def append_line(target: Path, line: str) -> None:
    """Append one line to a log; rewrites atomically so a crash never leaves half a line."""
    old = target.read_bytes() if target.exists() else b""
    if old and not old.endswith(b"\n"):
        old += b"\n"
    replace(target, old + line.encode("utf-8") + b"\n")


def credential_bytes(document: dict) -> bytes:
    """A signed document as credsite stores it: the bytes the build publishes unchanged. Compact JSON on one line:
    a site publishes one per learner, and indentation made a third of each; people read the badge page, or the
    file through any JSON viewer (browsers indent it on request)."""
    return (json.dumps(document, separators=(",", ":"), ensure_ascii=False) + "\n").encode("utf-8")


def append_rows(target: Path, header: str, lines: list[str]) -> None:
    """Append rows to a CSV log, starting it with its header when it does not exist yet.

    Rows are made by generator.content.csv_cells.csv_line, which makes every cell safe to open in a
    spreadsheet."""
    if not target.exists():
        create_new(target, (header + "\n").encode("utf-8"))
    append_line(target, "\n".join(lines))
