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
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

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


def csv_line(*values: object) -> str:
    """One row of safe cells, each in double quotes, without its line end (that is the caller's)."""
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow([safe_cell(value) for value in values])
    return out.getvalue().removesuffix("\n")


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
