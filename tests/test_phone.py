"""The built sample site on a phone, 320 to 390 CSS px wide, in headless Chromium.

- No page of any type scrolls sideways, neither the page itself nor a box inside it
  (a table in a scroll box hides its last columns: "Enrol" and the price were off screen).
- The catalogue shows its search box and the first course on the first screen; the
  filters fold away behind a <details>, without JavaScript too, and stay open beside
  the courses on a wide screen.
- A course's enrol link is a button, whole on the screen.
- Long addresses and key ids wrap between their parts, never inside a word.
- Every page's h1 (or first block) has room under the header stripe.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
import yaml

from conftest import DESKTOP, ROOT

pytestmark = pytest.mark.browser

SHOTS = ROOT / "tests" / "_artifacts" / "screenshots"
WIDTHS = [320, 360, 390]
FIRST_SCREEN = 800  # CSS px: what a phone shows before the visitor scrolls

SITE = yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))
BASE_PATH = urllib.parse.urlsplit(SITE["base_url"]).path
LANGUAGES = SITE["languages"]
KINDS = ["catalogue", "course", "archived", "badge-valid", "badge-revoked", "issuer", "verify", "404"]


def prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def page_path(site: Path, lang: str, kind: str) -> str:
    """The address (relative to the site) of one page of `kind` in `lang`."""
    fixed = {"catalogue": "", "issuer": "issuer/", "verify": "verify/",
             # the host answers any missing address with 404.html
             "404": "404.html" if lang == LANGUAGES[0] else "courses/no-such-course/"}
    if kind in fixed:
        return prefix(lang) + fixed[kind]
    folder, mark = {"course": ("courses", "course-header"), "archived": ("courses", "notice-archived"),
                    "badge-valid": ("badges", "status-valid"), "badge-revoked": ("badges", "status-revoked")}[kind]
    root = site / prefix(lang) / folder
    for index in sorted(root.rglob("index.html")):
        depth = len(index.relative_to(root).parts)  # courses/<slug>/index.html is 2, a version's page 3
        if kind == "course" and depth != 2:
            continue
        if mark in index.read_text(encoding="utf-8"):
            return index.parent.relative_to(site).as_posix() + "/"
    pytest.fail(f"the sample site has no {kind} page in {lang}")


@pytest.fixture(scope="module")
def site(www) -> Path:
    return www / BASE_PATH.strip("/")


@pytest.fixture(scope="module")
def tabs(chromium):
    """One page with JavaScript and one without, reused by every test of the module."""
    pages = {}
    for javascript in (True, False):
        context = chromium.new_context(viewport=DESKTOP, java_script_enabled=javascript)
        pages[javascript] = context.new_page()
    yield pages
    for page in pages.values():
        page.context.close()


def open_at(tabs, url: str, width: int, javascript: bool = True, height: int = FIRST_SCREEN):
    page = tabs[javascript]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url)
    if javascript:
        page.wait_for_load_state("networkidle")
    return page


# Everything that is wider than the screen: the page itself, any box whose content is
# wider than the box (it scrolls, or cuts its content off), and any element that reaches
# past the right edge. Visually hidden text (1px boxes that clip on purpose) is left out.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  if (document.documentElement.scrollWidth > width) {
    found.push(`the page is ${document.documentElement.scrollWidth}px wide`);
  }
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
      found.push(`${name(el)} holds ${el.scrollWidth}px in ${el.clientWidth}px (${style.overflowX})`);
    }
    if (box.right > width + 0.5) {
      found.push(`${name(el)} reaches x=${Math.round(box.right)}`);
    }
  }
  return found;
}"""


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_is_wider_than_a_phone(tabs, site, site_url, lang, kind):
    path = page_path(site, lang, kind)
    problems = []
    for width in WIDTHS:
        page = open_at(tabs, site_url + path, width)
        problems += [f"{path or '(catalogue)'} at {width}px: {p}" for p in page.evaluate(OVERFLOW)]
        if width == 320:
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / f"phone-{kind}-{lang}-320.png"), full_page=True)
    assert not problems, "\n".join(problems[:40])


def test_the_overflow_check_finds_a_table_in_a_scroll_box(tabs, site_url):
    """The check itself: a wide table inside an overflow box is found, though the page does not scroll."""
    page = open_at(tabs, site_url, 320)
    page.evaluate("""() => {
      const box = document.createElement('div');
      box.style.overflowX = 'auto';
      box.innerHTML = '<table><tr>' + '<td>Twenty-three characters</td>'.repeat(4) + '</tr></table>';
      document.querySelector('main').prepend(box);
    }""")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert any("holds" in problem for problem in page.evaluate(OVERFLOW))


def first_screen(page) -> dict:
    return page.evaluate("""() => {
      const bottom = el => el ? el.getBoundingClientRect().bottom + window.scrollY : null;
      const card = [...document.querySelectorAll('.course-card')].find(c => c.offsetParent !== null);
      return {search: bottom(document.getElementById('search-input')),
              title: bottom(card && card.querySelector('h3')),
              facts: bottom(card && card.querySelector('.card-badges'))};
    }""")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_catalogue_shows_search_and_a_course_on_the_first_screen(tabs, site_url, lang, width):
    page = open_at(tabs, site_url + prefix(lang), width)
    page.locator("#search-input").wait_for(state="visible")
    seen = first_screen(page)
    assert seen["search"] <= FIRST_SCREEN, seen
    # The first course's title and its facts (EC, level, languages, form): enough to see what is offered.
    assert seen["title"] <= FIRST_SCREEN and seen["facts"] <= FIRST_SCREEN, seen
    if width == 390:
        page.screenshot(path=str(SHOTS / f"phone-catalogue-first-screen-{lang}.png"))
    # Without JavaScript there is no search box, and the first course comes as early.
    page = open_at(tabs, site_url + prefix(lang), width, javascript=False)
    assert page.locator("#search").is_hidden()
    assert first_screen(page)["facts"] <= FIRST_SCREEN


def test_on_a_phone_the_filters_unfold_and_work_without_javascript(tabs, site_url):
    page = open_at(tabs, site_url, 360, javascript=False)
    everything = page.locator(".course-card:visible").count()
    assert page.locator("label[for='f-eqf-7']").is_hidden()  # folded away
    summary = page.locator("#filter-panel > summary")
    assert summary.inner_text().strip() == "Filter courses"
    summary.click()
    page.locator("label[for='f-eqf-7']").click()
    assert 0 < page.locator(".course-card:visible").count() < everything
    page.screenshot(path=str(SHOTS / "phone-catalogue-filters-open-nojs.png"), full_page=True)


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_on_a_wide_screen_the_filters_stay_open_beside_the_courses(tabs, site_url, javascript):
    page = open_at(tabs, site_url, DESKTOP["width"], javascript=javascript, height=DESKTOP["height"])
    assert page.locator("#filter-panel > summary").is_hidden()
    label = page.locator("label[for='f-eqf-7']")
    assert label.is_visible()
    filters, results = (page.locator(selector).bounding_box() for selector in ("#filters", ".results"))
    assert filters["x"] + filters["width"] <= results["x"] and abs(filters["y"] - results["y"]) < 40
    label.click()
    assert page.locator(".course-card:visible").count() == 2


@pytest.mark.parametrize("lang,enrol", [("en", "Enrol"), ("nl", "Inschrijven")])
def test_enrol_is_a_button_whole_on_the_screen(tabs, site, site_url, lang, enrol):
    path = page_path(site, lang, "course")
    for width in WIDTHS:
        page = open_at(tabs, site_url + path, width)
        links = page.get_by_role("link", name=enrol)
        assert links.count() >= 1, f"{path}: no {enrol} link"
        for i in range(links.count()):
            link = links.nth(i)
            link.scroll_into_view_if_needed()
            assert "button" in (link.get_attribute("class") or "").split()
            box = link.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (width, box)
            # Nothing covers or clips it: the point in its middle is the link itself.
            assert page.evaluate("""([x, y]) => { const hit = document.elementFromPoint(x, y);
                                    return !!hit && !!hit.closest('a.button'); }""",
                                 [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        # The price shows whole: "€ 1.650,00", not "€1,4".
        for price in page.locator(".run-price").all():
            assert price.evaluate("el => el.scrollWidth <= el.clientWidth"), price.inner_text()
            box = price.bounding_box()
            assert box["x"] + box["width"] <= width
    page.screenshot(path=str(SHOTS / f"phone-course-runs-{lang}-390.png"), full_page=False)


# The text of each line an element's text is laid out on, read from the rendered boxes.
LINES = """el => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const lines = [];
  let top = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = [...range.getClientRects()].find(r => r.width > 0);
      if (!box) continue;
      if (top === null || box.top > top + 2) { lines.push(''); top = box.top; }
      lines[lines.length - 1] += node.data[i];
    }
  }
  return lines;
}"""
# An address may wrap after a slash, colon or hyphen, or before a dot, '#', '?', '&' or '='.
AFTER, BEFORE = "/:-", ".#?&="


def wrapped_inside_a_word(lines: list[str]) -> list[str]:
    return [f"{a!r} | {b!r}" for a, b in zip(lines, lines[1:], strict=False)
            if a and b and a[-1] not in AFTER and b[0] not in BEFORE]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", [*WIDTHS, DESKTOP["width"]])
def test_addresses_and_key_ids_wrap_between_their_parts(tabs, site, site_url, lang, width):
    path = page_path(site, lang, "issuer")
    page = open_at(tabs, site_url + path, width)
    problems = []
    # The endpoints' addresses, the DID, the signing key's id (not its public key: that has no parts) and
    # the names of its fields ("publicKeyMultibas" | "e" was one).
    items = page.locator(".course-aside dd a, .course-aside dd code, .keys dd:not(:has(.break)) code, .keys dt")
    assert items.count() >= 5
    for item in items.all():
        lines = item.evaluate(LINES)
        problems += [f"{''.join(lines)}: {wrap}" for wrap in wrapped_inside_a_word(lines)]
    assert not problems, f"{path} at {width}px:\n" + "\n".join(problems)
    if width == 360:
        page.screenshot(path=str(SHOTS / f"phone-issuer-{lang}-360.png"), full_page=True)


def test_the_wrap_check_finds_a_break_inside_a_word():
    assert wrapped_inside_a_word(["https://example-university.github.io/microcredentials/is", "suer.json"])
    assert wrapped_inside_a_word(["d", "i", "d", ":"])  # one character per line
    assert not wrapped_inside_a_word(["https://example-university", ".github.io/microcredentials/", "issuer.json"])


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("width", [DESKTOP["width"], 390])
def test_the_page_starts_with_room_under_the_header_stripe(tabs, site, site_url, kind, width):
    path = page_path(site, LANGUAGES[0], kind)
    page = open_at(tabs, site_url + path, width)
    gap = page.evaluate("""() => {
      const stripe = document.querySelector('.site-header').getBoundingClientRect().bottom;
      const first = document.querySelector('main').firstElementChild.getBoundingClientRect().top;
      const h1 = document.querySelector('h1').getBoundingClientRect().top;
      return [first - stripe, h1 - stripe];
    }""")
    assert min(gap) >= 16, f"{path or '(catalogue)'} at {width}px: {gap[0]:.0f}px under the header"
