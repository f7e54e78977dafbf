"""A cohort's CSV file in (`credsite issue --csv`), the mail-merge CSV of badge URLs out."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import TYPE_CHECKING

from generator.content.csv_cells import DEFAULT_DIALECT, Dialect, csv_bytes, detect_dialect
from generator.issuing.dates import MomentError, parse_moment, utc_now
from generator.issuing.learners import Learner, as_problem, learner_problems
from generator.model import Course
from generator.problems import Problem
from generator.strict_json import printable

if TYPE_CHECKING:
    from generator.issuing.issue import Issued

CSV_COLUMNS = ("name", "email", "grade", "date", "evidence", "valid_until")
# The mail-merge list's default name; a site's .gitignore (credsite init) ignores every file it matches,
# as the list holds learners' e-mail addresses.
MAIL_MERGE_NAME = "issued-{time}.csv"
MAIL_MERGE_PATTERN = MAIL_MERGE_NAME.replace("{time}", "*")


def read_cohort(path: Path, shown: str, course: Course | None = None,
                now: dt.datetime | None = None) -> tuple[list[Learner], Dialect, list[Problem]]:
    """Learners from a CSV file with a header row (docs: credsite docs issuing '2. Issue'), the file's
    dialect, which the mail-merge list answers in, and every problem of every row at once."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], Dialect(), [Problem(shown, None, "", "is not UTF-8 text", "save the CSV as UTF-8")]
    except OSError as exc:
        return [], Dialect(), [Problem(shown, None, "", f"cannot be read ({exc.strerror})", "check the path")]
    dialect = detect_dialect(raw, text.split("\n", 1)[0])
    rows, problem = _rows(text, shown, dialect.delimiter)
    if problem:
        return [], dialect, [problem]
    if not rows:
        return [], dialect, [Problem(shown, 1, "", "is empty", "add a header row: " + ",".join(CSV_COLUMNS))]
    header = [h.strip().lower() for h in rows[0][1]]
    problem = _header_problem(header, shown)
    if problem:
        return [], dialect, [problem]
    learners: list[Learner] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for number, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(Problem(shown, number, "", f"{len(row)} values for {len(header)} columns",
                                    "quote values that contain commas"))
            continue
        learner, found = _row(dict(zip(header, (cell.strip() for cell in row), strict=True)), shown, number,
                              course, now or utc_now())
        email = learner.email.lower()
        if email in seen:
            found.append(Problem(shown, number, "email", f"{printable(email)} is also on line {seen[email]}",
                                 "list each learner once"))
        else:
            seen[email] = number
        problems += found
        learners.append(learner)
    if not learners and not problems:
        problems.append(Problem(shown, 2, "", "has no learners", "add one row per learner below the header"))
    return learners, dialect, problems


# A column whose text is no date leaves the checks that compare with it without a date to compare: the
# award date is taken as now, and any verdict about it or the expiry would be about the wrong moment.
_DEPENDS_ON = {"date": ("date", "valid_until"), "valid_until": ("valid_until",)}


def _row(values: dict[str, str], shown: str, number: int, course: Course | None,
         now: dt.datetime) -> tuple[Learner, list[Problem]]:
    """One row's learner and all of its problems: a bad date does not hide a bad grade on the same row."""
    problems: list[Problem] = []
    moments: dict[str, dt.datetime | None] = {}
    unreadable: set[str] = set()
    for column in ("date", "valid_until"):
        try:
            moments[column] = parse_moment(values[column]) if values.get(column) else None
        except MomentError as exc:
            problems.append(Problem(shown, number, column, str(exc), exc.fix))
            moments[column] = None
            unreadable.update(_DEPENDS_ON[column])
    learner = Learner(values["name"], values["email"], values.get("grade", ""), moments["date"],
                      tuple(values.get("evidence", "").split()), moments["valid_until"], f"{shown}:{number}")
    if course is not None:
        found = learner_problems(course, learner, now)
        problems += [as_problem(learner, message) for message in found
                     if message.partition(": ")[0] not in unreadable]
    return learner, problems


def _rows(text: str, shown: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], Problem | None]:
    """(line number, cells) per row. A quoted cell may hold a line break, so the csv module splits
    the lines, not str.splitlines() (which also splits at U+2028 and the like inside a name)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
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


def mail_merge_csv(issued: list[Issued], dialect: Dialect = DEFAULT_DIALECT) -> bytes:
    """The mail-merge list, in the dialect of the cohort file it answers (or the default one)."""
    rows = [("name", "email", "badge_url", "credential_id")]
    rows += [(i.learner.name, i.learner.email, i.badge_url, i.credential_id) for i in issued]
    return csv_bytes(rows, dialect)
