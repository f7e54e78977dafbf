"""Problems found in the input, collected as values and reported together.

Every stage returns problems instead of raising, so one run of `credsite build`
or `credsite check` shows everything that is wrong at once.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Code(enum.Enum):
    """What kind of problem it is. Decisions (fixes, counts, what the CLI says) use the code,
    never the wording of the message."""

    INPUT = "input"  # a file or field of the site's source is wrong (most problems)
    THEME = "theme"  # a template, theme string or theme file
    OUTPUT = "output"  # the output folder cannot be used as asked
    NOT_PUBLISHED = "not-published"  # an issued credential the build leaves out
    KEY = "key"  # a signing key: missing, unreadable, not the site's, retired
    STATUS_FILES = "status-files"  # content/status/: the registry, the list, the logs
    BUG = "bug"  # something credsite itself got wrong
    # What the build changes rather than what the content is (a published course version edited in place): told
    # by the build that publishes the change, not again by the builds after it.
    CHANGED_IN_PLACE = "changed-in-place"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    field: str
    message: str
    fix: str = ""
    severity: str = "error"  # "error" stops the build, "warning" is only reported
    code: Code = dataclasses.field(default=Code.INPUT, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        kind = "warning: " if self.severity == "warning" else ""
        field = f"{self.field}: " if self.field else ""
        fix = f"; {self.fix}" if self.fix else ""
        return f"{where}: {kind}{field}{self.message}{fix}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if not p.is_error]


def with_code(problems: Iterable[Problem], code: Code) -> list[Problem]:
    return [p for p in problems if p.code is code]


def sort_key(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.field, problem.message)

