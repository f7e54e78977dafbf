"""The cells of every CSV file credsite writes for people, safe to open in a spreadsheet, and read back.

Excel, LibreOffice Calc and Google Sheets take a cell that starts with =, +, - or @ for a
formula, also after a leading tab or carriage return: a learner named
=HYPERLINK("https://evil.example/","Click") becomes a link in the mail-merge list that staff
open. OWASP's advice (CSV injection) is followed: such a cell gets a single quote in front,
which makes it text, and every cell is put in double quotes by the csv module, so that no
separator inside a cell starts a new one: Excel with Dutch settings splits at semicolons, not
at the commas credsite writes, and "Ann;=1+1" must stay one cell there too.

Reading a file back undoes that, so a revocation reason "-5 points" stays "-5 points". To keep
every value exact, a value that itself starts with a quote followed by a trigger character or
by another quote gets a quote in front as well. Reading removes one leading quote only
before a trigger character or another quote; so "'t Hooft" is written and read unchanged.

Only what credsite writes is read this way; a cohort CSV that staff write is read as it is.

A file made for people (the mail-merge list) is written in the dialect of the file it answers
(Dialect): Excel with Dutch settings reads a semicolon CSV with a byte-order mark correctly, and
shows a comma-separated one without a BOM as one column of mangled text.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def _marked(text: str) -> bool:
    """Starts with the quote credsite puts in front: a quote, then a trigger character or a quote."""
    return text.startswith(QUOTE) and text[1:2] in (*TRIGGERS, QUOTE)


def safe_cell(value: object) -> str:
    """The cell as written: `value` as text, with a quote in front where a spreadsheet would run it."""
    text = str(value)
    return QUOTE + text if text.startswith(TRIGGERS) or _marked(text) else text


def cell_text(cell: str) -> str:
    """The value a cell written by safe_cell() holds."""
    return cell[1:] if _marked(cell) else cell


@dataclass(frozen=True)
class Dialect:
    """How a CSV file is written: what separates cells, whether a UTF-8 byte-order mark starts it, what ends a line.

    The default is what credsite's own files in content/status/ use."""

    delimiter: str = ","
    bom: bool = False
    line_end: str = "\n"


DEFAULT_DIALECT = Dialect()


def detect_dialect(raw: bytes, header_line: str) -> Dialect:
    """The dialect of a file people made (a cohort CSV), from its bytes and its header row.

    The header row decides the separator: no column name holds a comma or a semicolon, and Excel with
    Dutch (and most European) settings saves "CSV" with semicolons."""
    delimiter = ";" if ";" in header_line and "," not in header_line else ","
    first_end = raw.find(b"\n")
    line_end = "\r\n" if first_end > 0 and raw[first_end - 1:first_end] == b"\r" else "\n"
    return Dialect(delimiter, raw.startswith(codecs.BOM_UTF8), line_end)


def csv_line(*values: object, delimiter: str = ",") -> str:
    """One row of safe cells, each in double quotes, without its line end (that is the caller's)."""
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, delimiter=delimiter, lineterminator="\n").writerow(
        [safe_cell(value) for value in values])
    return out.getvalue().removesuffix("\n")


def csv_bytes(rows: Iterable[Sequence[object]], dialect: Dialect = DEFAULT_DIALECT) -> bytes:
    """A whole file of safe rows in `dialect`, each row ended by its line end."""
    text = "".join(csv_line(*row, delimiter=dialect.delimiter) + dialect.line_end for row in rows)
    return (codecs.BOM_UTF8 if dialect.bom else b"") + text.encode("utf-8")


class Unreadable(ValueError):
    """The csv module cannot read a line (a cell beyond its size limit, say); `line` says which."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def rows(lines: Iterable[str]) -> list[list[str]]:
    """The rows of a CSV file credsite wrote, each cell as the value it holds; Unreadable if one cannot be read."""
    reader = csv.reader(lines)
    try:
        return [[cell_text(cell) for cell in row] for row in reader]
    except csv.Error as exc:
        raise Unreadable(reader.line_num, str(exc)) from None


def records(lines: Iterable[str]) -> list[dict[str, str]]:
    """rows() as dictionaries keyed by the header row, skipping empty lines; a missing cell reads as ""."""
    found = rows(lines)
    if not found:
        return []
    header = [name.strip() for name in found[0]]
    return [{name: row[i] if i < len(row) else "" for i, name in enumerate(header)} for row in found[1:] if row]
