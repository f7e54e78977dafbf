"""The built site as a person sees it, in headless Chromium.

Screenshots go to tests/_artifacts/screenshots/ for people to look at; the
assertions check what a visitor would notice: layout that fits the screen, a
filter that works with and without JavaScript, and no request to any other origin.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import urllib.parse

import pytest
import zxingcpp
from babel.dates import format_date
from PIL import Image

from conftest import DESKTOP, MOBILE, REVOKED, ROOT, SAMPLE_BASE_URL

VALID = next(p.stem for p in sorted((ROOT / "content/issued").glob("*.json")) if p.stem != REVOKED)

pytestmark = pytest.mark.browser

SHOTS = ROOT / "tests" / "_artifacts" / "screenshots"

# The sample site is built once, with SOURCE_DATE_EPOCH `build_epoch`, and served at `site_url` (conftest.py).


@pytest.fixture(scope="module")
def browser(chromium):
    return chromium


def open_page(browser, url, viewport=DESKTOP, javascript=True):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    page = context.new_page()
    foreign = []
    origin = url.split("/", 3)[:3]
    page.on("request", lambda r: foreign.append(r.url)
            if r.url.split("/", 3)[:3] != origin and not r.url.startswith("data:") else None)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    return page, foreign, errors


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def fits_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("path,name", [
    ("", "catalogue-en"), ("nl/", "catalogue-nl"),
    ("courses/data-literacy-for-policy/", "course-en"),
    ("nl/courses/ai-in-healthcare-practice/", "course-nl"),
    ("courses/ai-in-healthcare-practice/2025.1/", "course-archived-en"),
    ("404.html", "not-found"),
    (f"badges/{VALID}/", "badge-valid-en"), (f"nl/badges/{VALID}/", "badge-valid-nl"),
    (f"badges/{REVOKED}/", "badge-revoked-en"), (f"nl/badges/{REVOKED}/", "badge-revoked-nl"),
    ("issuer/", "issuer-en"), ("nl/issuer/", "issuer-nl"),
])
@pytest.mark.parametrize("viewport,size", [(DESKTOP, "desktop"), (MOBILE, "mobile")])
def test_page_renders_and_fits(browser, site_url, path, name, viewport, size):
    page, foreign, errors = open_page(browser, site_url + path, viewport)
    shoot(page, f"{name}-{size}")
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text().strip()
    assert fits_width(page), "the page scrolls sideways"
    # The stylesheet loaded: the header has the brand colour, not the browser default.
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") \
        == "rgb(21, 58, 91)"
    assert foreign == [] and errors == []
    page.context.close()


# The sample's courses on offer, as many as the catalogue shows (none of them is a draft).
CATALOGUE = len(list((ROOT / "content" / "courses").glob("*.md")))


def visible_titles(page) -> list[str]:
    return [t.strip() for t in page.locator(".course-card:visible h3").all_inner_texts()]


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_catalogue_filter(browser, site_url, javascript):
    page, foreign, errors = open_page(browser, site_url, javascript=javascript)
    everything = visible_titles(page)
    assert len(everything) == CATALOGUE
    page.locator("label[for='f-eqf-7']").click()
    assert visible_titles(page) == ["Data Literacy for Policy Makers", "Sustainable Urban Water Management"]
    page.locator("label[for='f-mode-blended']").click()
    assert visible_titles(page) == ["Data Literacy for Policy Makers"]
    page.locator("label[for='f-ects-l']").click()
    assert visible_titles(page) == []
    shoot(page, f"catalogue-filtered-{'js' if javascript else 'nojs'}")
    if javascript:
        assert page.locator("#no-results").is_visible()
        assert page.locator("#result-count").inner_text() == f"Showing 0 of {CATALOGUE} courses"
        assert "eqf=7" in page.url and "mode=blended" in page.url
    page.locator("button[type=reset]").click()
    page.wait_for_function(f"document.querySelectorAll('.course-card:not([hidden])').length === {CATALOGUE}")
    assert len(visible_titles(page)) == CATALOGUE
    assert foreign == [] and errors == []
    page.context.close()


def test_filter_state_is_read_from_the_address(browser, site_url):
    page, _, _ = open_page(browser, site_url + "nl/?lang=nl&ects=s")
    assert page.locator("#f-lang-nl").is_checked()
    assert visible_titles(page) == ["Circulair bouwen in de praktijk", "Lesgeven met generatieve AI"]
    assert page.locator("#result-count").inner_text() == f"2 van {CATALOGUE} cursussen"
    page.context.close()


def test_filter_is_usable_by_keyboard(browser, site_url):
    page, _, _ = open_page(browser, site_url)
    page.locator("#f-eqf-any").focus()
    page.keyboard.press("ArrowRight")  # radio groups move with arrow keys
    assert page.locator("#f-eqf-5").is_checked()
    assert visible_titles(page) == ["Circular Construction in Practice"]
    page.context.close()


def test_language_switch_leads_to_the_same_course(browser, site_url):
    page, _, _ = open_page(browser, site_url + "courses/circular-construction/")
    page.locator(".language-switch a[hreflang='nl']").click()
    assert page.url.endswith("/nl/courses/circular-construction/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").inner_text() == "Circulair bouwen in de praktijk"
    page.context.close()


def test_course_page_prints_without_navigation(browser, site_url):
    page, _, _ = open_page(browser, site_url + "courses/data-literacy-for-policy/")
    page.emulate_media(media="print")
    assert page.locator(".language-switch").is_hidden()
    assert page.locator(".footer-links").is_hidden()
    shoot(page, "course-print")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    page.context.close()


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_download_bakes_the_credential_in_the_browser_as_the_build_would(browser, site_url, www, kind):
    """baked_images: browser (the default): the site holds no image per credential; the download button bakes
    the signed bytes into the course's image, and the file equals what credsite's own baking makes."""
    from generator.site import badges

    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + f"badges/{VALID}/")
    link = page.locator(f'a[data-bake="{kind}"]')
    with page.expect_download() as download:
        link.click()
    got = (download.value.path()).read_bytes()
    assert download.value.suggested_filename == f"{VALID}.{kind}"
    plain = page.evaluate("url => fetch(url).then(r => r.arrayBuffer()).then(b => Array.from(new Uint8Array(b)))",
                          link.get_attribute("href"))
    raw = (ROOT / "content/issued" / f"{VALID}.json").read_bytes()
    expected = (badges.bake_png(bytes(plain), raw) if kind == "png"
                else badges.bake_svg(bytes(plain).decode("utf-8"), raw).encode("utf-8"))
    assert got == expected
    assert (badges.unbake_png(got) if kind == "png" else badges.unbake_svg(got.decode("utf-8"))) == raw
    assert errors == []
    context.close()


def test_download_without_javascript_gives_the_plain_image_and_says_to_keep_the_json(browser, site_url):
    page, foreign, errors = open_page(browser, site_url + f"badges/{VALID}/", javascript=False)
    assert "does not carry the credential" in page.locator(".share").inner_text()
    href = page.locator('a[data-bake="png"]').get_attribute("href")
    assert href.endswith("/badge.png") and "/images/" in href
    page.context.close()


@pytest.mark.parametrize("uid,name", [(VALID, "valid"), (REVOKED, "revoked")])
def test_badge_page_prints_as_a_one_page_certificate_with_qr(browser, site_url, uid, name):
    page, foreign, errors = open_page(browser, site_url + f"badges/{uid}/")
    page.emulate_media(media="print")
    assert page.locator("img.qr").is_visible()
    assert page.locator(".share").count() == 0 or page.locator(".share").is_hidden()
    shoot(page, f"badge-{name}-print")
    # A phone pointed at the printed certificate opens the badge's public URL.
    qr = Image.open(io.BytesIO(page.locator(".qr").screenshot()))
    found = zxingcpp.read_barcodes(qr, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [code.text for code in found] == [page.locator('meta[property="og:url"]').get_attribute("content")]
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1, "the certificate does not fit on one page"
    assert foreign == [] and errors == []
    page.context.close()


def test_badge_status_is_plain_to_see(browser, site_url):
    page, _, _ = open_page(browser, site_url + f"badges/{REVOKED}/")
    banner = page.locator(".status-banner")
    assert banner.inner_text().startswith("Revoked.")
    assert page.evaluate("getComputedStyle(document.querySelector('.status-banner')).backgroundColor") \
        == "rgb(253, 236, 234)"
    page.context.close()
    page, _, _ = open_page(browser, site_url + f"nl/badges/{VALID}/")
    assert page.locator(".status-banner").inner_text().startswith("Geldig.")
    page.context.close()


VERIFIER = re.compile(r"^[a-z]+://([^/]*\.)?verifierplus\.org([:/]|$)")


@pytest.mark.parametrize("uid,lang,name", [(VALID, "en", "valid-en"), (VALID, "nl", "valid-nl"),
                                           (REVOKED, "en", "revoked-en"), (REVOKED, "nl", "revoked-nl")])
@pytest.mark.parametrize("viewport,size", [(DESKTOP, "desktop"), (MOBILE, "phone")])
def test_badge_page_links_to_an_independent_verifier(browser, site_url, build_epoch, uid, lang, name,
                                                     viewport, size):
    # The sandbox has no network, and the page must not contact the verifier before a click anyway:
    # every request to it is refused and counted.
    context = browser.new_context(viewport=viewport)
    asked = []
    context.route(VERIFIER, lambda route: (asked.append(route.request.url), route.abort()))
    page = context.new_page()
    foreign, errors = [], []
    origin = site_url.split("/", 3)[:3]
    page.on("request", lambda r: foreign.append(r.url) if r.url.split("/", 3)[:3] != origin else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + ("" if lang == "en" else f"{lang}/") + f"badges/{uid}/")
    page.wait_for_load_state("networkidle")

    name_text = "Verify independently at VerifierPlus (opens an external site)" if lang == "en" else \
        "Onafhankelijk controleren bij VerifierPlus (opent een externe site)"
    link = page.get_by_role("link", name=name_text, exact=True)
    assert link.count() == 1 and link.is_visible()
    credential = f"{SAMPLE_BASE_URL}badges/{uid}/credential.json"  # the same credential behind every language's page
    assert credential.startswith("https://") and f"/badges/{uid}/" in credential
    assert link.get_attribute("href") == \
        "https://verifierplus.org/#verify?vc=" + urllib.parse.quote(credential, safe="")
    assert set(link.get_attribute("rel").split()) >= {"noopener", "noreferrer", "nofollow"}
    assert page.locator("link[rel~=prefetch], link[rel~=preconnect], link[rel~=dns-prefetch], "
                        "link[rel~=prerender], link[rel~=modulepreload], script[type=speculationrules]").count() == 0
    # Inside the status banner, after the status decided at build time, with the day of that check.
    banner = page.locator(".status-banner")
    assert banner.locator("a[data-verifier]").count() == 1
    day = dt.datetime.fromtimestamp(build_epoch, dt.UTC).date()
    shown = format_date(day, format="long", locale=lang)
    text = banner.inner_text()
    assert text.startswith({"en": ("Valid.", "Revoked."), "nl": ("Geldig.", "Ingetrokken.")}[lang][uid == REVOKED])
    assert f" {shown}" in text, text
    # The credential's address, which any verifier takes, is there as a link too.
    address = banner.get_by_role("link", name=credential)
    assert address.is_visible() and address.get_attribute("href")

    # Keyboard: Tab reaches the link, and its focus ring shows.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.hasAttribute('data-verifier')"):
            break
    else:
        pytest.fail("Tab never reaches the verifier link")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    assert page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)") >= 2
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], "the link sticks out of the screen"
    assert fits_width(page)
    shoot(page, f"badge-verifier-{name}-{size}")
    assert asked == [] and foreign == [] and errors == []
    context.close()


def test_printed_badge_names_the_verifier_and_the_credential_url(browser, site_url, build_epoch):
    page, foreign, errors = open_page(browser, site_url + f"badges/{VALID}/")
    page.locator("[data-check-now]").wait_for()  # what JavaScript adds is made before printing
    page.emulate_media(media="print")
    assert page.locator("a[data-verifier]").is_hidden()  # a link cannot be followed on paper
    assert page.locator("[data-live-check]").is_hidden()
    assert page.locator("[data-print]").is_hidden()
    printed = page.locator(".verify-now p").first
    assert printed.is_visible()
    credential = f"{SAMPLE_BASE_URL}badges/{VALID}/credential.json"
    day = format_date(dt.datetime.fromtimestamp(build_epoch, dt.UTC).date(), format="long", locale="en")
    # The address in full, on one line or wrapped between its parts: what a reader of the paper types in.
    assert " ".join(printed.inner_text().split()) == (
        f"This page shows what Example University's site knew on {day}. To check it now, give "
        f"{credential} to any Open Badges 3.0 verifier; it shows a revocation too.")
    assert foreign == [] and errors == []
    page.context.close()


def test_badge_downloads_work_without_javascript(browser, site_url):
    page, _, _ = open_page(browser, site_url + f"badges/{VALID}/", javascript=False)
    # Printing, copying and checking in the browser need JavaScript, which makes their buttons: none here.
    assert page.locator("[data-print], [data-copy-link], [data-check-now]").count() == 0
    assert page.locator("a[data-share-mail]").is_visible()  # e-mail needs no script
    assert page.locator("a[data-linkedin]").is_visible()
    for selector in ("a[data-bake='png']", "a[data-bake='svg']", "a[download$='.json']"):
        link = page.locator(selector)
        assert link.is_visible() and link.get_attribute("download") is not None, selector
        href = link.get_attribute("href")
        response = page.request.get(page.url + href)
        assert response.ok, href
    page.context.close()


def test_with_javascript_the_badge_page_offers_print_copy_and_the_check(browser, site_url):
    """What only JavaScript can do, it makes itself, in the page's language, from verify/strings.json."""
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(site_url + f"nl/badges/{VALID}/")
    for name in ("Afdrukken", "Link kopiëren", "Nu controleren in uw browser"):
        page.get_by_role("button", name=name).wait_for()
    assert page.locator(".live-check").inner_text().startswith("Controleert de handtekening")
    # The texts came in one request, shared by badge.js and verify.js.
    assert [u for u in asked if u.endswith("/verify/strings.json")] == [site_url + "nl/verify/strings.json"]
    # The copy button sits beside the e-mail link.
    assert page.locator("li:has(a[data-share-mail]) + li [data-copy-link]").count() == 1
    assert errors == []
    context.close()


def test_a_failed_download_says_so_in_the_page_language(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.route("**/images/**/badge.png", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(site_url + f"nl/badges/{VALID}/")
    page.get_by_role("button", name="Afdrukken").wait_for()
    page.locator("a[data-bake='png']").click()
    status = page.locator("[data-bake-status]")
    status.filter(has_text="De badge kon hier niet worden gemaakt").wait_for()
    assert status.get_attribute("role") == "status"
    context.close()


def search(page, text: str) -> None:
    """Type a query and wait for the (debounced) search to apply it."""
    page.locator("#search-input").fill(text)
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=text)


def test_search_finds_courses_by_title_outcome_and_skill(browser, site_url):
    page, foreign, errors = open_page(browser, site_url)
    box = page.locator("#search-input")
    box.wait_for(state="visible")
    search(page, "water")
    assert visible_titles(page) == ["Sustainable Urban Water Management"]
    search(page, "causal")  # only in an outcome of the data literacy course
    assert visible_titles(page) == ["Data Literacy for Policy Makers"]
    search(page, "think crit")  # word prefixes, in a skill or elsewhere
    assert set(visible_titles(page)) == {"Data Literacy for Policy Makers", "AI in Healthcare Practice",
                                         "Teaching with Generative AI"}
    assert visible_titles(page)[0] != "Teaching with Generative AI"  # a skill outranks body text
    page.locator("label[for='f-eqf-7']").click()  # search and filters combine
    assert visible_titles(page) == ["Data Literacy for Policy Makers"]
    assert "q=think+crit" in page.url
    shoot(page, "catalogue-search")
    search(page, "zzzz")
    assert visible_titles(page) == [] and page.locator("#no-results").is_visible()
    assert foreign == [] and errors == []
    page.context.close()


def test_search_works_in_dutch_and_ignores_accents(browser, site_url):
    page, _, _ = open_page(browser, site_url + "nl/?q=circulair")
    page.wait_for_function("document.querySelectorAll('.course-card:not([hidden])').length === 1")
    assert visible_titles(page) == ["Circulair bouwen in de praktijk"]
    search(page, "ZORGPRÁKTIJK")
    assert visible_titles(page) == ["AI in de zorgpraktijk"]
    page.context.close()


def test_without_javascript_the_search_box_is_not_offered(browser, site_url):
    page, _, _ = open_page(browser, site_url, javascript=False)
    assert page.locator("#search").is_hidden()
    assert len(visible_titles(page)) == CATALOGUE
    page.context.close()


def test_copy_link_copies_the_badge_address(browser, site_url):
    context = browser.new_context(viewport=MOBILE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + f"nl/badges/{VALID}/")
    button = page.get_by_role("button", name="Link kopiëren")
    # badge.js adds it once verify/strings.json has come, which may be after the page's load event.
    button.wait_for(state="visible")
    button.click()
    page.locator("[data-copy-status]").filter(has_text="Link gekopieerd.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator('meta[property="og:url"]').get_attribute("content")
    assert copied == f"{SAMPLE_BASE_URL}nl/badges/{VALID}/"  # the published address, in the page's language
    assert page.get_by_role("status").filter(has_text="Link gekopieerd.").count() == 1  # announced
    page.locator(".share").screenshot(path=str(SHOTS / "badge-share-nl-mobile.png"))
    assert errors == []
    context.close()


def test_a_revoked_certificate_is_muted(browser, site_url):
    colours = {}
    for uid in (VALID, REVOKED):
        page, _, _ = open_page(browser, site_url + f"badges/{uid}/")
        colours[uid] = page.evaluate("""() => ['h1', '.learner', '.pill-ects'].map(
            s => getComputedStyle(document.querySelector('.certificate ' + s)).color)""")
        page.context.close()
    muted = "rgb(74, 85, 99)"  # --muted
    assert colours[REVOKED] == [muted, muted, muted]
    assert muted not in colours[VALID]
