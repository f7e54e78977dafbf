"""A learner to issue a credential to, and what must be true of them first.

The same rules hold for `credsite issue --name ... --email ...` and for each row of
a cohort CSV; only where a problem is reported differs (an option, or a line).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.content.reader import NOT_IN_IRI
from generator.issuing.dates import add_duration, iso
from generator.model import Course
from generator.problems import Problem
from generator.strict_json import UNPRINTABLE, not_text, printable

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# ASCII digits only: "8,5", "1e1", "8." or a full-width "８" would go into the signed credential verbatim.
MARK = re.compile(r"[0-9]+(\.[0-9]+)?")
# Control characters (C0, DEL, C1) and the line and paragraph separators: no name holds them, and
# in a CSV file or on a terminal they break lines or hide what follows.
CONTROL = UNPRINTABLE


@dataclass(frozen=True)
class Learner:
    name: str
    email: str
    grade: str = ""
    date: dt.datetime | None = None
    evidence: tuple[str, ...] = ()
    valid_until: dt.datetime | None = None
    where: str = "credsite issue"  # for messages: "cohort.csv:7", or the command for its options


def grade_problem(course: Course, grade: str) -> str | None:
    if not grade:
        return None
    if not course.grading:
        return f"course {course.slug} has no grading scale; leave the grade out"
    scale, mark = course.grading.scale, course.grading.pass_mark
    if scale == "nl-1-10":
        if not MARK.fullmatch(grade):
            return _mark_problem(grade)
        value = float(grade)
        if not 1 <= value <= 10:
            return f"'{grade}' is outside the 1-10 scale"
        if mark and value < float(mark):
            return f"'{grade}' is below the pass mark {mark}; only learners who passed get a credential"
    elif scale == "ects-a-e":
        if grade not in ("A", "B", "C", "D", "E"):
            return f"'{grade}' is not an ECTS pass grade (one of A, B, C, D, E)"
        if mark and grade > mark:  # A is best
            return f"'{grade}' is below the pass mark {mark}; only learners who passed get a credential"
    elif scale == "pass-fail" and grade.lower() != "pass":
        return "the course is graded pass/fail; use 'pass' or leave the grade out"
    return None


def _mark_problem(grade: str) -> str:
    suggestion = unicodedata.normalize("NFKC", grade).strip().replace(",", ".").rstrip(".")
    fix = f"write {suggestion}" if MARK.fullmatch(suggestion) else "write a mark such as 7.5"
    return f"'{grade}' is not a number with a decimal point; {fix}"


def learner_problems(course: Course | None, learner: Learner, now: dt.datetime) -> list[str]:
    """Each as 'field: problem', so the caller can name an option or a CSV column. `course`: None for a
    pathway, which has no grade of its own and no credential.valid_for, and may take the name from its parts."""
    out = []
    if course is None:
        if learner.grade:
            out.append("grade: a pathway has no grade of its own; leave it out")
    elif not learner.name.strip():
        out.append("name: missing; give the learner's full name as it should appear on the badge")
    out += _text_problems("name", learner.name)
    if not EMAIL.fullmatch(learner.email.strip()) or CONTROL.search(learner.email):
        out.append(f"email: '{printable(learner.email)}' is not an e-mail address; check it for typos")
    else:
        out += _text_problems("email", learner.email)
    problem = grade_problem(course, learner.grade) if course is not None else None
    if problem:
        out.append(f"grade: {problem}")
    if learner.date and learner.date > now:
        out.append(f"date: {iso(learner.date)} is in the future; a credential is issued on or after the award: "
                   "give the date the learner passed")
    out += [f"evidence: {problem}" for problem in map(_evidence_problem, learner.evidence) if problem]
    if learner.valid_until and learner.valid_until <= (learner.date or now):
        out.append("valid_until: is not after the award date; give a later date, or leave it out to use the "
                   "course's credential.valid_for")
    elif (course is not None and not learner.valid_until and course.valid_for
          and not _expiry_fits(learner.date or now, course.valid_for)):
        out.append(f"date: {iso(learner.date or now)[:10]} plus the course's credential.valid_for "
                   f"({course.valid_for}) is after the year 9999; give valid_until, or check the date")
    return out


def _text_problems(field: str, text: str) -> list[str]:
    if CONTROL.search(text):
        return [f"{field}: contains control characters or line breaks; remove tabs and line breaks from the "
                f"{field}"]
    bad = not_text(text)
    if bad:  # from a command-line argument that is not UTF-8; signed JSON must hold Unicode text
        return [f"{field}: contains {', '.join(bad)}, which is not a character; type the {field} again"]
    return []


def _evidence_problem(url: str) -> str | None:
    shown = printable(url)
    if not url.startswith("https://"):
        return f"'{shown}' is not an https:// URL; give the evidence's https:// address"
    if NOT_IN_IRI.search(url) or CONTROL.search(url) or not_text(url):
        return (f"'{shown}' holds characters a URL may not hold; percent-encode them "
                "(\" as %22, < as %3C, > as %3E)")
    try:
        host = urlsplit(url).hostname
    except ValueError:  # e.g. an unclosed [ of an IPv6 address
        host = None
    if not host:
        return f"'{shown}' names no host; give the evidence's full https:// address"
    return None


def _expiry_fits(start: dt.datetime, duration: str) -> bool:
    try:
        add_duration(start, duration)
    except (ValueError, OverflowError):
        return False
    return True


def as_problem(learner: Learner, message: str, fix: str = "") -> Problem:
    """A learner_problems() message, at its CSV line, or at the option when typed on the command line.

    The message is 'field: problem'; its field may be "" when no column or option is to blame. What the
    learner's data holds is made printable: a carriage return in a grade must not break the line."""
    field_, _, text = message.partition(": ")
    text = printable(text)
    line = _line(learner.where)
    if line is None:
        return Problem(learner.where, None, "--" + field_.replace("_", "-") if field_ else "", text, fix)
    return Problem(learner.where.rsplit(":", 1)[0], line, field_, text, fix)


def _line(where: str) -> int | None:
    tail = where.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None
