"""A badge page names an independent verifier and the day its status was checked.

The page's status is what the site knew when it was built; the page says on
which day, and links to VerifierPlus, which checks the credential anew.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse

import lxml.html
import pytest

from conftest import REVOKED, ROOT, sample_site
from generator.build import pipeline as build_module
from generator.build.pipeline import build
from generator.site import badge_view

NEW_YEAR = "1767225600"  # 2026-01-01T00:00:00Z
NEXT_DAY = "1767312000"  # 2026-01-02T00:00:00Z


def test_the_verifier_link_carries_the_credential_url_encoded():
    url = "https://example-university.github.io/microcredentials/badges/abc/credential.json"
    assert badge_view.verifier_link(url) == (
        "https://verifierplus.org/#verify?vc="
        "https%3A%2F%2Fexample-university.github.io%2Fmicrocredentials%2Fbadges%2Fabc%2Fcredential.json")
    assert urllib.parse.unquote(badge_view.verifier_link(url).split("vc=", 1)[1]) == url


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("badge-page") / "out"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", NEW_YEAR)
        result = build(ROOT, out)
    assert result.ok, [str(p) for p in result.problems]
    return out


def uuids(out) -> list[str]:
    return sorted(p.parent.name for p in (out / "badges").glob("*/credential.json"))


def page(out, uid: str, lang: str = "en"):
    prefix = "" if lang == "en" else f"{lang}/"
    return lxml.html.fromstring((out / f"{prefix}badges/{uid}/index.html").read_bytes())


def test_every_badge_page_links_to_the_verifier_with_its_own_credential(built):
    base = "https://example-university.github.io/microcredentials/"
    assert REVOKED in uuids(built)
    for uid in uuids(built):
        for lang in ("en", "nl"):
            doc = page(built, uid, lang)
            links = doc.xpath("//a[contains(@href, 'verifierplus.org')]")
            assert len(links) == 1, (uid, lang)
            link = links[0]
            assert link.get("href") == "https://verifierplus.org/#verify?vc=" + urllib.parse.quote(
                f"{base}badges/{uid}/credential.json", safe="")
            assert set(link.get("rel").split()) >= {"noopener", "noreferrer", "nofollow"}
            assert link.get("target") is None  # the same tab; the text says it leaves the site
            text = link.text_content()
            assert ("VerifierPlus" in text and "external site" in text) if lang == "en" else \
                ("VerifierPlus" in text and "externe site" in text)
            # Nothing makes the browser contact the verifier before a click.
            assert not doc.xpath("//link[contains(@href, 'verifierplus')]")
            assert not doc.xpath("//script[@type='speculationrules']")
            assert not doc.xpath("//*[contains(@src, 'verifierplus')]")


def test_the_page_says_on_which_day_the_status_was_checked(built):
    en = page(built, REVOKED).xpath("string(//*[contains(@class, 'status-banner')])")
    nl = page(built, REVOKED, "nl").xpath("string(//*[contains(@class, 'status-banner')])")
    assert en.lstrip().startswith("Revoked.")  # the build-time status comes first
    assert "site knew on January 1, 2026." in en
    assert "shows as revoked there too" in en
    assert "op 1 januari 2026." in nl
    assert "Ook daar ziet u of een bewijs is ingetrokken." in nl
    # Only the day: no clock time anywhere in the banner.
    assert not re.search(r"\d{1,2}:\d{2}", en + nl)


def test_the_checked_day_follows_source_date_epoch(tmp_path, monkeypatch):
    site = sample_site(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NEXT_DAY)
    assert build(site, tmp_path / "a").written
    assert build(site, tmp_path / "b").written
    uid = uuids(tmp_path / "a")[0]
    a = (tmp_path / "a" / f"badges/{uid}/index.html").read_bytes()
    assert b"site knew on January 2, 2026." in a
    assert a == (tmp_path / "b" / f"badges/{uid}/index.html").read_bytes()


def test_a_new_day_renders_the_badge_pages_again_and_only_them(tmp_path, monkeypatch):
    # Without SOURCE_DATE_EPOCH, a build on the same day reuses everything; the next
    # day it renders every badge page (their date changed), but no course page.
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    site, out = sample_site(tmp_path), tmp_path / "out"
    day = [dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)]
    monkeypatch.setattr(build_module, "now", lambda: day[0])
    assert build(site, out).written
    uid = uuids(out)[0]
    course_page = out / "courses/data-literacy-for-policy/index.html"
    course_inode = course_page.stat().st_ino
    assert b"site knew on March 1, 2026." in (out / f"badges/{uid}/index.html").read_bytes()

    day[0] = dt.datetime(2026, 3, 1, 23, 59, tzinfo=dt.UTC)  # later, the same day
    assert build(site, out).up_to_date

    day[0] = dt.datetime(2026, 3, 2, 0, 1, tzinfo=dt.UTC)
    said: list[str] = []
    result = build(site, out, progress=said.append)
    assert result.ok and result.written
    rendering = next(line for line in said if line.startswith("rendering "))
    assert rendering.startswith(f"rendering {len(uuids(out))} of "), rendering
    assert b"site knew on March 2, 2026." in (out / f"badges/{uid}/index.html").read_bytes()
    assert course_page.stat().st_ino == course_inode  # linked from the last output, not rendered
