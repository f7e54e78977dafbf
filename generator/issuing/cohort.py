"""A cohort's CSV file in (`credsite issue --csv`), the mail-merge CSV of badge URLs out.

A cohort may hold a hundred thousand learners, so the file is read as a stream, twice: once to
check every row (check_cohort), and once more, row by row, to sign (CohortRows). Neither keeps the
learners; the first keeps a digest of each e-mail address (to find a learner listed twice) and of
the file's bytes, so that a file changed between the two readings signs nothing. The mail-merge
list is written as the credentials are made (MailMerge), beside its final name.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.csv_cells import Dialect, csv_line, detect_dialect
from generator.issuing.dates import MomentError, parse_moment, utc_now
from generator.issuing.learners import Learner, as_problem, learner_problems
from generator.model import Course
from generator.problems import Problem
from generator.strict_json import printable

CSV_COLUMNS = ("name", "email", "grade", "date", "evidence", "valid_until")
MAIL_MERGE_COLUMNS = ("name", "email", "badge_url", "credential_id")
# The mail-merge list's default name; a site's .gitignore (credsite init) ignores every file it matches,
# as the list holds learners' e-mail addresses.
MAIL_MERGE_NAME = "issued-{time}.csv"
MAIL_MERGE_PATTERN = MAIL_MERGE_NAME.replace("{time}", "*")


@dataclass(frozen=True)
class CohortCheck:
    """What check_cohort found: the file's dialect (the mail-merge list answers in it), how many learners
    it lists, the digest of its bytes, and every problem of every row."""

    dialect: Dialect
    learners: int
    digest: str
    problems: list[Problem]


def check_cohort(path: Path, shown: str, course: Course | None = None,
                 now: dt.datetime | None = None) -> CohortCheck:
    """Every problem of every row of a cohort file, read as a stream; the learners are not kept.

    A problem that stops the reading (not UTF-8, not CSV, a wrong header) is reported alone, and
    the first of them in that order, as when the whole file was read at once."""
    reading = _Reading(path, shown)
    problems: list[Problem] = []
    seen: dict[bytes, int] = {}  # digest of a lower-cased address -> the line that lists it first
    learners = 0
    try:
        for number, row in reading.rows():
            if len(row) != len(reading.header):
                problems.append(Problem(shown, number, "", f"{len(row)} values for {len(reading.header)} columns",
                                        "quote values that contain commas"))
                continue
            learner, found = _row(reading.values(row), shown, number, course, now or utc_now())
            email = learner.email.lower()
            key = hashlib.blake2b(email.encode("utf-8", "surrogatepass"), digest_size=16).digest()
            if key in seen:
                found.append(Problem(shown, number, "email", f"{printable(email)} is also on line {seen[key]}",
                                     "list each learner once"))
            else:
                seen[key] = number
            problems += found
            learners += 1
    except _Stop as stop:
        return CohortCheck(reading.dialect, 0, "", [stop.problem])
    if not learners and not problems:
        problems.append(Problem(shown, 2, "", "has no learners", "add one row per learner below the header"))
    return CohortCheck(reading.dialect, learners, reading.digest, problems)


class CohortRows:
    """The learners of a cohort file check_cohort found sound, read again one row at a time.

    problems(), asked once every row has been read, says whether the file changed since it was
    checked: its rows were then never checked, and nothing signed from them may be written."""

    def __init__(self, path: Path, shown: str, checked: CohortCheck):
        self.path, self.shown, self.checked = path, shown, checked
        self.count = checked.learners
        self._changed = False

    def __iter__(self) -> Iterator[Learner]:
        reading = _Reading(self.path, self.shown)
        now = utc_now()
        read = 0
        try:
            for number, row in reading.rows():
                if len(row) != len(reading.header):
                    self._changed = True
                    return
                learner, problems = _row(reading.values(row), self.shown, number, None, now)
                if problems:
                    self._changed = True
                    return
                read += 1
                yield learner
        except _Stop:
            self._changed = True
            return
        if reading.digest != self.checked.digest or read != self.checked.learners:
            self._changed = True

    def problems(self) -> list[Problem]:
        if not self._changed:
            return []
        return [Problem(self.shown, None, "", "changed while its credentials were being signed",
                        "run credsite issue again once the file is saved and nobody edits it")]


class _Stop(Exception):
    """A problem that stops the reading of a cohort file: it is reported alone."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class _Digesting(io.RawIOBase):
    """A file read through a SHA-256 of every byte read."""

    def __init__(self, handle: io.BufferedReader):
        self.handle, self.hash = handle, hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        count = self.handle.readinto(buffer)
        if count:
            self.hash.update(memoryview(buffer)[:count])
        return count


@dataclass
class _Reading:
    """One pass over a cohort file: its rows as they are read, its dialect and header on the way, the
    digest of its bytes at the end."""

    path: Path
    shown: str
    dialect: Dialect = field(default_factory=Dialect)
    header: list[str] = field(default_factory=list)
    digest: str = ""

    def values(self, row: list[str]) -> dict[str, str]:
        """A row of as many cells as the header has, by column, each cell stripped."""
        return dict(zip(self.header, (cell.strip() for cell in row), strict=True))

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line, cells) of each row after the header that is not empty: a row whose cells the header does
        not match, too, for the caller to report. Raises _Stop."""
        shown = self.shown
        try:
            handle = self.path.open("rb")
        except OSError as exc:
            raise _Stop(Problem(shown, None, "", f"cannot be read ({exc.strerror})", "check the path")) from None
        with handle:
            not_utf8 = _Stop(Problem(shown, None, "", "is not UTF-8 text", "save the CSV as UTF-8"))
            try:
                first = handle.readline()
                handle.seek(0)
                header_line = first.decode("utf-8-sig").split("\n", 1)[0]
            except UnicodeDecodeError:
                raise not_utf8 from None
            except OSError as exc:
                raise _Stop(Problem(shown, None, "", f"cannot be read ({exc.strerror})", "check the path")) from None
            self.dialect = detect_dialect(first, header_line)
            digesting = _Digesting(handle)
            text = io.TextIOWrapper(io.BufferedReader(digesting), encoding="utf-8-sig", newline="")
            reader = csv.reader(text, delimiter=self.dialect.delimiter)
            start = 1  # the line a row starts on; a quoted line break makes it end on a later one
            try:
                stop = None
                for row in reader:
                    number, start = start, reader.line_num + 1
                    if number == 1:
                        self.header = [h.strip().lower() for h in row]
                        stop = _header_problem(self.header, shown)
                    if stop is not None or number == 1:
                        continue  # read on: a byte that is not UTF-8, or a row that is not CSV, is said first
                    if any(cell.strip() for cell in row):
                        yield number, row
                if start == 1:
                    stop = Problem(shown, 1, "", "is empty", "add a header row: " + ",".join(CSV_COLUMNS))
            except UnicodeDecodeError:
                raise not_utf8 from None
            except OSError as exc:
                raise _Stop(Problem(shown, None, "", f"cannot be read ({exc.strerror})", "check the path")) from None
            except csv.Error as exc:  # a cell larger than the csv module's limit, say
                stop = Problem(shown, reader.line_num, "", f"cannot be read as CSV ({exc})",
                               "save it again as CSV from your spreadsheet")
                try:
                    while text.read(1 << 16):  # a byte that is not UTF-8 further on is said first
                        pass
                except UnicodeDecodeError:
                    raise not_utf8 from None
            if stop is not None:
                raise _Stop(stop)
            self.digest = digesting.hash.hexdigest()


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


class MailMerge:
    """The mail-merge list (name, email, badge_url, credential_id), in the dialect of the cohort file it
    answers, written a row at a time into a file beside its final name; finish() gives it that name.

    Opening it creates that file, so a folder it cannot be written in is found before anything is
    signed. The partial file's name keeps the target's stem and suffix: the default list's name
    still matches MAIL_MERGE_PATTERN, which a site's .gitignore ignores, should it be left behind."""

    def __init__(self, target: Path, dialect: Dialect):
        self.target, self.dialect = target, dialect
        self.partial = target.with_name(f"{target.stem}.partial-{secrets.token_hex(4)}{target.suffix}")
        # Created as open(target, "xb") would create the list itself: never over a file, mode by the umask.
        self._handle = os.fdopen(os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "wb")
        self.rows = 0
        try:
            self._handle.write(codecs.BOM_UTF8 if dialect.bom else b"")
            self._line(*MAIL_MERGE_COLUMNS)
        except BaseException:
            self.discard()
            raise

    def _line(self, *values: str) -> None:
        self._handle.write((csv_line(*values, delimiter=self.dialect.delimiter) + self.dialect.line_end)
                           .encode("utf-8"))

    def add(self, name: str, email: str, badge_url: str, credential_id: str) -> None:
        self._line(name, email, badge_url, credential_id)
        self.rows += 1

    def finish(self, fallback: str) -> Path:
        """The list under its name, or, when a file has that name (the cohort file itself, say), under the
        name with `fallback` added to its stem. An OSError names the file that could not be written."""
        chosen = self.target
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            try:
                os.link(self.partial, chosen)  # link() never replaces a file
            except FileExistsError:
                chosen = self.target.with_name(f"{self.target.stem}-{fallback}{self.target.suffix}")
                os.link(self.partial, chosen)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(chosen)) from None
        finally:
            self.discard()
        return chosen

    def discard(self) -> None:
        self._handle.close()
        self.partial.unlink(missing_ok=True)
