"""A cohort's CSV file in (`credsite issue --csv`), the mail-merge CSV of badge URLs out."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import TYPE_CHECKING

from generator.content.csv_cells import csv_line
from generator.issuing.dates import MomentError, parse_moment, utc_now
from generator.issuing.learners import Learner, as_problem, learner_problems
from generator.model import Course
from generator.problems import Problem
from generator.strict_json import printable

if TYPE_CHECKING:
    from generator.issuing.issue import Issued

CSV_COLUMNS = ("name", "email", "grade", "date", "evidence", "valid_until")


def read_cohort(path: Path, shown: str, course: Course | None = None,
                now: dt.datetime | None = None) -> tuple[list[Learner], list[Problem]]:
    """Learners from a CSV file with a header row; see docs/issuing.md for the columns."""
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(shown, None, "", "is not UTF-8 text", "save the CSV as UTF-8")]
    except OSError as exc:
        return [], [Problem(shown, None, "", f"cannot be read ({exc.strerror})", "check the path")]
    rows, problem = _rows(text, shown)
    if problem:
        return [], [problem]
    if not rows:
        return [], [Problem(shown, 1, "", "is empty", "add a header row: " + ",".join(CSV_COLUMNS))]
    header = [h.strip().lower() for h in rows[0][1]]
    problem = _header_problem(header, shown)
    if problem:
        return [], [problem]
    learners: list[Learner] = []
    seen: dict[str, int] = {}
    for number, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(Problem(shown, number, "", f"{len(row)} values for {len(header)} columns",
                                    "quote values that contain commas"))
            continue
        values = {h: cell.strip() for h, cell in zip(header, row, strict=True)}
        moments: dict[str, dt.datetime | None] = {}
        for column in ("date", "valid_until"):
            try:
                moments[column] = parse_moment(values[column]) if values.get(column) else None
            except MomentError as exc:
                problems.append(Problem(shown, number, column, str(exc), exc.fix))
        if len(moments) < 2:
            continue
        email = values["email"].lower()
        if email in seen:
            problems.append(Problem(shown, number, "email", f"{printable(email)} is also on line {seen[email]}",
                                    "list each learner once"))
            continue
        seen[email] = number
        learner = Learner(values["name"], values["email"], values.get("grade", ""), moments["date"],
                          tuple(values.get("evidence", "").split()), moments["valid_until"], f"{shown}:{number}")
        if course is not None:  # report every row's problems in one go
            found = learner_problems(course, learner, now or utc_now())
            problems += [as_problem(learner, message) for message in found]
        learners.append(learner)
    if not learners and not problems:
        problems.append(Problem(shown, 2, "", "has no learners", "add one row per learner below the header"))
    return learners, problems


def _rows(text: str, shown: str) -> tuple[list[tuple[int, list[str]]], Problem | None]:
    """(line number, cells) per row. A quoted cell may hold a line break, so the csv module splits
    the lines, not str.splitlines() (which also splits at U+2028 and the like inside a name)."""
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    rows: list[tuple[int, list[str]]] = []
    start = 1  # the line a row starts on; a quoted line break makes it end on a later one
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:  # a cell larger than the csv module's limit, say
        return [], Problem(shown, reader.line_num, "", f"cannot be read as CSV ({exc})",
                           "save it again as CSV from your spreadsheet")
    return rows, None


def _delimiter(header_line: str) -> str:
    """Excel with Dutch (and most European) settings saves 'CSV' with semicolons.

    The header row decides, as no column name holds a comma or a semicolon.
    """
    return ";" if ";" in header_line and "," not in header_line else ","


def _header_problem(header: list[str], shown: str) -> Problem | None:
    unknown = [h for h in header if h not in CSV_COLUMNS]
    missing = [h for h in ("name", "email") if h not in header]
    # Zipping a row with the header would silently keep only the last of two same-named columns.
    repeated = sorted({h for h in header if header.count(h) > 1})
    parts = ([f"unknown column(s) {', '.join(unknown)}"] if unknown else []) + \
            ([f"missing column(s) {', '.join(missing)}"] if missing else []) + \
            ([f"repeated column(s) {', '.join(repeated)}"] if repeated else [])
    if not parts:
        return None
    return Problem(shown, 1, "header", "; ".join(parts), "use each of the columns " + ", ".join(CSV_COLUMNS)
                   + " at most once (name and email required)")


def mail_merge_csv(issued: list[Issued]) -> str:
    lines = [csv_line("name", "email", "badge_url", "credential_id")]
    lines += [csv_line(i.learner.name, i.learner.email, i.badge_url, i.credential_id) for i in issued]
    return "\n".join(lines) + "\n"
