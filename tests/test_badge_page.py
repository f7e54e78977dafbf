"""What a badge page says, beyond the credential's own facts.

It names an independent verifier and the day its status was checked: the page's
status is what the site knew when it was built; the page says on which day, and
links to VerifierPlus, which checks the credential anew. A revoked credential's
certificate says it was awarded and when it was revoked, never that it certifies
anything. A valid one can be shared by e-mail (and, with JavaScript, by copying
its link), and the issuer's logo shows when site.yaml has one.

A site may publish 100,000 of these pages, so each stays small: without
JavaScript it still has all a learner or an employer needs, and what only
scripts show is made by them, with texts from verify/strings.json.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse

import lxml.html
import pytest
from babel.dates import format_date

from conftest import REVOKED, ROOT, read_csv, sample_site
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
    assert "it shows a revocation too" in en
    assert "op 1 januari 2026 wist." in nl
    assert "die ziet ook of het is ingetrokken." in nl
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


# ---------------------------------------------------------------- what the certificate says, sharing, the logo


def revocation_day(uid: str) -> dt.date:
    rows = read_csv(ROOT / "content" / "status" / "revocations.csv")
    (row,) = [row for row in rows if row["credential"] == f"urn:uuid:{uid}"]
    return dt.datetime.fromisoformat(row["date"].replace("Z", "+00:00")).date()


def certificate(doc) -> str:
    return " ".join(doc.xpath("string(//*[contains(@class, 'certificate-text')])").split())


def meta(doc, name: str) -> str:
    return doc.xpath(f"string(//meta[@property='{name}' or @name='{name}']/@content)")


def test_a_revoked_credential_was_awarded_and_revoked_on_a_day_it_never_has_been_earned(built):
    day = revocation_day(REVOKED)
    en, nl = page(built, REVOKED), page(built, REVOKED, "nl")
    assert "was awarded the microcredential" in certificate(en)
    assert f"— revoked on {format_date(day, format='long', locale='en')}" in certificate(en)
    assert "ontving de microcredential" in certificate(nl)
    assert f"— ingetrokken op {format_date(day, format='long', locale='nl')}" in certificate(nl)
    for doc in (en, nl):
        shown = certificate(doc) + meta(doc, "og:description")
        assert not re.search(r"earned|certifies|heeft behaald|behaald bij|wordt verklaard", shown), shown
    assert "has been revoked" in meta(en, "og:description") and "ingetrokken" in meta(nl, "og:description")
    # Any other credential still certifies what was earned.
    valid = next(uid for uid in uuids(built) if uid != REVOKED)
    assert "This certifies that" in certificate(page(built, valid))
    assert "has earned the microcredential" in certificate(page(built, valid))
    assert "revoked" not in certificate(page(built, valid))


def test_the_share_section_has_an_email_link_and_leaves_copying_to_scripts(www):
    built = www / "microcredentials"  # built today: `built` is dated before the sample's credentials were issued
    valid = next(uid for uid in uuids(built) if b"status-valid" in (built / f"badges/{uid}/index.html").read_bytes())
    for lang, subject in (("en", "My microcredential: "), ("nl", "Mijn microcredential: ")):
        doc = page(built, valid, lang)
        address = meta(doc, "og:url")
        assert address == f"https://example-university.github.io/microcredentials/{'' if lang == 'en' else 'nl/'}" \
            f"badges/{valid}/"
        title = doc.xpath("string(//h1)").strip()
        (mail,) = doc.xpath("//a[@data-share-mail]")
        href = mail.get("href")
        assert href.startswith("mailto:?")
        fields = urllib.parse.parse_qs(href.removeprefix("mailto:?"))
        assert fields["subject"] == [subject + title]
        assert address in fields["body"][0] and title in fields["body"][0]
        # Copying needs JavaScript: badge.js makes the button and copies og:url; the page carries neither
        # the button nor its texts.
        assert not doc.xpath("//*[@data-copy or @data-copy-link or @data-copy-status]")
    assert not page(built, REVOKED).xpath("//a[@data-share-mail] | //*[@data-copy]")  # nothing to share


# ---------------------------------------------------------------- what a page carries, and its weight


def visible_text(doc) -> str:
    """The text a reader sees without JavaScript: no script, and <noscript> as a browser without it shows it."""
    return " ".join(doc.xpath("string(//body)").split())


def test_without_javascript_the_page_has_what_learners_and_employers_need(www):
    built = www / "microcredentials"  # built today, so the sample's credentials are valid
    uid = next(uid for uid in uuids(built) if b"status-valid" in (built / f"badges/{uid}/index.html").read_bytes())
    base = "https://example-university.github.io/microcredentials/"
    document = json.loads((ROOT / "content" / "issued" / f"{uid}.json").read_bytes())
    achievement = document["credentialSubject"]["achievement"]
    for lang in ("en", "nl"):
        doc = page(built, uid, lang)
        text = visible_text(doc)
        assert text.startswith({"en": "Skip to main content", "nl": "Naar de inhoud"}[lang])
        assert {"en": "Valid.", "nl": "Geldig."}[lang] in text
        assert document["credentialSubject"]["identifier"][1]["identityHash"] in text  # the learner's name
        assert achievement["name"] == doc.xpath("string(//h1)")
        assert format_date(dt.date.fromisoformat(document["awardedDate"][:10]), format="long", locale=lang) in text
        assert "Example University" in text
        hrefs = doc.xpath("//a/@href")
        # How to verify: the credential's address, a link to it, the independent verifier, the issuer's page.
        assert f"{base}badges/{uid}/credential.json" in text
        assert any(h.endswith("credential.json") and not h.startswith("http") for h in hrefs)
        assert any(h.startswith("https://verifierplus.org/") for h in hrefs)
        assert any(h.endswith("issuer/") for h in hrefs)
        # The course version, the result, LinkedIn, downloads, e-mail.
        assert any("/courses/" in h for h in hrefs)
        assert doc.xpath("//dl//dd[normalize-space()]")
        assert any(h.startswith("https://www.linkedin.com/profile/add?") for h in hrefs)
        assert len(doc.xpath("//a[@download]")) == 3
        assert any(h.startswith("mailto:?") for h in hrefs)
        # The way home and to the other language.
        assert doc.xpath("//header//a[@class='brand']/@href") and doc.xpath("//nav[@class='language-switch']//a")


def test_what_only_scripts_show_is_not_in_the_page(built):
    """The check's, copying's and printing's words reach a browser in verify/strings.json, once per language."""
    for uid in uuids(built):
        for lang in ("en", "nl"):
            html = (built / ("" if lang == "en" else f"{lang}/") / f"badges/{uid}/index.html").read_text()
            for words in ({"en": ("Check now", "Link copied", "Print", "could not be made here"),
                           "nl": ("Nu controleren", "Link gekopieerd", "Afdrukken", "niet worden gemaakt")}[lang]):
                assert words not in html, (uid, lang, words)
            assert "print-only" not in html and "data-checking" not in html


# Bytes of one badge page of the sample site, at most: 100,000 credentials must fit a host's limits
# (docs/deploying.md). The sample's addresses are long (example-university.github.io/microcredentials/);
# a page was 11.5 kB before it was slimmed down (issue #19) and is about 6.5-7 kB now.
PAGE_BUDGET = 7_000


def test_every_badge_page_of_the_sample_stays_within_its_byte_budget(www):
    built = www / "microcredentials"  # built today: valid pages, with their share section
    assert b"status-valid" in (built / f"badges/{uuids(built)[0]}/index.html").read_bytes()
    sizes = {f"{prefix}badges/{uid}/": len((built / prefix / "badges" / uid / "index.html").read_bytes())
             for uid in uuids(built) for prefix in ("", "nl/")}
    assert len(sizes) == 2 * len(uuids(built)) > 10
    over = {path: size for path, size in sizes.items() if size > PAGE_BUDGET}
    assert not over, f"badge pages over {PAGE_BUDGET:,} bytes: {over}"
    # No indentation: the template is written flush left, and Jinja drops its tag lines.
    for path in sizes:
        html = (built / path / "index.html").read_text(encoding="utf-8")
        assert not re.search(r"\n[ \t]+<", html), path


LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40"/></svg>'


def test_the_issuers_logo_shows_on_badge_pages_and_the_issuer_page(built, tmp_path):
    assert not page(built, REVOKED).xpath("//img[contains(@class, 'issuer-logo')]")  # the sample has none
    site = sample_site(tmp_path)
    (site / "content" / "images").mkdir()
    (site / "content" / "images" / "logo.svg").write_text(LOGO, encoding="utf-8")
    settings = site / "content" / "site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "  url: https://www.example.edu/\n", "  url: https://www.example.edu/\n  logo: images/logo.svg\n"),
        encoding="utf-8")
    out = tmp_path / "out"
    assert build(site, out).ok
    uid = uuids(out)[0]
    shown = {
        f"badges/{uid}/": page(out, uid).xpath("//*[contains(@class, 'issued-by')]//img/@src"),
        f"nl/badges/{uid}/": page(out, uid, "nl").xpath("//*[contains(@class, 'issued-by')]//img/@src"),
        "issuer/": lxml.html.fromstring((out / "issuer/index.html").read_bytes()).xpath(
            "//*[contains(@class, 'issuer-logo')]//img/@src"),
    }
    for where, sources in shown.items():
        assert len(sources) == 1, where
        target = (out / where / sources[0]).resolve()
        assert target == (out / "static" / "logo.svg").resolve() and target.read_text(encoding="utf-8") == LOGO
