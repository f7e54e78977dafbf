"""A learner to issue a credential to, and what must be true of them first.

The same rules hold for `credsite issue --name ... --email ...` and for each row of
a cohort CSV; only where a problem is reported differs (an option, or a line).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from generator.content.reader import NOT_IN_IRI
from generator.issuing.dates import iso
from generator.model import Course
from generator.problems import Problem

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# ASCII digits only: "8,5", "1e1", "8." or a full-width "８" would go into the signed credential verbatim.
MARK = re.compile(r"[0-9]+(\.[0-9]+)?")


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


def learner_problems(course: Course, learner: Learner, now: dt.datetime) -> list[str]:
    """Each as 'field: problem', so the caller can name an option or a CSV column."""
    out = []
    if not learner.name.strip():
        out.append("name: missing; give the learner's full name as it should appear on the badge")
    if not EMAIL.fullmatch(learner.email.strip()):
        out.append(f"email: '{learner.email}' is not an e-mail address; check it for typos")
    problem = grade_problem(course, learner.grade)
    if problem:
        out.append(f"grade: {problem}")
    if learner.date and learner.date > now:
        out.append(f"date: {iso(learner.date)} is in the future; a credential is issued on or after the award: "
                   "give the date the learner passed")
    for url in learner.evidence:
        if not url.startswith("https://"):
            out.append(f"evidence: '{url}' is not an https:// URL; give the evidence's https:// address")
        elif NOT_IN_IRI.search(url):
            out.append(f"evidence: '{url}' holds characters a URL may not hold; percent-encode them "
                       "(\" as %22, < as %3C, > as %3E)")
    if learner.valid_until and learner.valid_until <= (learner.date or now):
        out.append("valid_until: is not after the award date; give a later date, or leave it out to use the "
                   "course's credential.valid_for")
    if any(ch in learner.name for ch in "\t\r\n") or any(ord(ch) < 32 for ch in learner.name):
        out.append("name: contains control characters; remove tabs and line breaks from the name")
    return out


def as_problem(learner: Learner, message: str) -> Problem:
    """A learner_problems() message, at its CSV line, or at the option when typed on the command line."""
    field_, _, text = message.partition(": ")
    line = _line(learner.where)
    if line is None:
        return Problem(learner.where, None, "--" + field_.replace("_", "-"), text)
    return Problem(learner.where.rsplit(":", 1)[0], line, field_, text)


def _line(where: str) -> int | None:
    tail = where.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None
