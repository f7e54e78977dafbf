"""Moments as the user types them (--date, a cohort's date column) and as credentials hold them."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from generator.strict_json import printable

# What parse_moment accepts, said once: for --help, the docs and the fix of a wrong date.
MOMENT_FORMS = "YYYY-MM-DD (midnight UTC) or a date-time with a time zone, e.g. 2026-11-13T12:00:00Z"
DATE_FIX = "write YYYY-MM-DD, e.g. 2026-11-13, or a date-time with a time zone, e.g. 2026-11-13T12:00:00Z"


class MomentError(ValueError):
    """A date the user typed is not one; `fix` says how to write it."""

    def __init__(self, message: str, fix: str = DATE_FIX):
        super().__init__(message)
        self.fix = fix


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def iso(moment: dt.datetime) -> str:
    """An XML Schema / RFC 3339 date-time in UTC. The year always has four digits: strftime("%Y")
    writes year 1 as "1", which is no date-time, so a credential signed with it never publishes."""
    utc = moment.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    return utc.isoformat() + "Z"


def parse_moment(text: str) -> dt.datetime:
    """YYYY-MM-DD (midnight UTC) or an ISO date-time with a zone; MomentError otherwise."""
    text = text.strip()
    shown = printable(text)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise MomentError(f"'{shown}' is not a date") from None
    if moment.tzinfo is None:
        raise MomentError(f"'{shown}' has no time zone", "add Z for UTC, e.g. 2026-06-30T12:00:00Z")
    try:
        moment.astimezone(dt.UTC)  # credentials hold UTC: 0001-01-01T00:00:00+01:00 is in the year 0
    except OverflowError:
        raise MomentError(f"'{shown}' is not within the years 1 to 9999 in UTC, which credentials hold",
                          "give a date between 0001-01-02 and 9999-12-30") from None
    return moment


def add_duration(start: dt.datetime, duration: str) -> dt.datetime:
    """start + an ISO 8601 duration in years, months, weeks and days (calendar-aware)."""
    amounts = {unit: int(n) for n, unit in re.findall(r"(\d+)([YMWD])", duration)}
    months = start.month - 1 + amounts.get("M", 0) + 12 * amounts.get("Y", 0)
    year, month = start.year + months // 12, months % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    moved = start.replace(year=year, month=month, day=day)
    return moved + dt.timedelta(weeks=amounts.get("W", 0), days=amounts.get("D", 0))
