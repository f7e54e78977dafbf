"""The feeds' `updated` time comes from the content or SOURCE_DATE_EPOCH, never from file times.

A checkout, a copy or a CI runner gives every file a new modification time; the same content must
still build the same feed, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from conftest import read_json, sample_site
from generator.build.pipeline import build
from generator.site import feeds


def touch_all(folder: Path, seconds: int) -> None:
    for path in folder.rglob("*"):
        os.utime(path, (seconds, seconds))


def updated_times(feed: Path) -> set[str]:
    return set(re.findall(r"<updated>([^<]+)</updated>", feed.read_text(encoding="utf-8")))


def test_the_same_content_builds_the_same_feed_whatever_its_file_times(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    site = sample_site(tmp_path)
    touch_all(site, 1_000_000_000)  # 2001
    first = build(site, tmp_path / "first")
    touch_all(site, 1_800_000_000)  # 2027: the same files, copied later
    second = build(site, tmp_path / "second")
    assert first.ok and second.ok, [str(p) for p in first.problems + second.problems]
    for name in ("feed.xml", "nl/feed.xml"):
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes(), name
    # The content's own time: the newest date a published credential was issued on.
    newest = max(dt.datetime.fromisoformat(read_json(p)["validFrom"]) for p in (site / "content/issued").glob("*.json"))
    assert updated_times(tmp_path / "first" / "feed.xml") == {newest.isoformat()}


def test_the_feed_time_is_the_newest_issue_date_or_source_date_epoch():
    assert feeds.updated([]) == feeds.NO_DATE
    fixed = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert feeds.updated([], fixed) == fixed


def published_with(*valid_from: object) -> list:
    """Stand-ins for published credentials: feeds.updated reads only their facts' validFrom."""
    from types import SimpleNamespace

    return [SimpleNamespace(credential=SimpleNamespace(facts={"validFrom": v} if v is not None else {}))
            for v in valid_from]


def test_the_feed_time_reads_every_form_of_date_a_credential_may_give():
    plain = ["2026-03-01T10:00:00Z", "2026-03-02T09:00:00Z", "2025-12-31T23:59:59Z"]
    assert feeds.updated(published_with(*plain)) == dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    # Later in time, though not in text: an offset, a lower-case t and z, fractions of a second.
    assert feeds.updated(published_with(*plain, "2026-03-02T11:30:00+02:00")) == dt.datetime(2026, 3, 2, 9, 30,
                                                                                            tzinfo=dt.UTC)
    assert feeds.updated(published_with(*plain, "2026-03-02t09:00:01z")) == dt.datetime(2026, 3, 2, 9, 0, 1,
                                                                                       tzinfo=dt.UTC)
    assert feeds.updated(published_with(*plain, "2026-03-02T09:00:00.9Z")) == dt.datetime(2026, 3, 2, 9,
                                                                                         tzinfo=dt.UTC)
    # What is no date-time with a zone counts for nothing; text of the plain form that is no date either.
    assert feeds.updated(published_with(*plain, None, 20260401, "2026-04-01T10:00:00", "2026-13-01T00:00:00Z")) == (
        dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC))
    assert feeds.updated(published_with("2026-13-01T00:00:00Z")) == feeds.NO_DATE
