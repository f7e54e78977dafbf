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
