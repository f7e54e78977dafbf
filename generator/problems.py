"""Problems found in the input, collected as values and reported together.

Every stage returns problems instead of raising, so one run of `credsite build`
or `credsite check` shows everything that is wrong at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    field: str
    message: str
    fix: str = ""
    severity: str = "error"  # "error" stops the build, "warning" is only reported

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


def sort_key(problem: Problem) -> tuple:
    return (problem.path, problem.line or 0, problem.field, problem.message)

