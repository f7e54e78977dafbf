"""Quality gates on the built sample site: accessibility, links, well-formed HTML.

- axe-core (the WCAG 2.0, 2.1 and 2.2 A and AA rules, and its best-practice
  rules) finds no violation on any page of the sample site, in either language,
  in headless Chromium: every page at desktop width, one page of each type at
  phone widths (390 and 320px), and the catalogue with a filter applied. No page asks any other
  origin for anything.
- Every internal link and asset reference resolves: href, src, srcset, poster
  and the like in every page, url(...) in every stylesheet, and #fragments to
  an id in the target page; so do the links in the sitemap, the feeds,
  robots.txt and the site's URLs in its JSON-LD. Absolute links into the
  site's own base URL count as internal; links to other hosts are not followed.
- Keyboard focus is visible on every stop, with 3:1 contrast, and no page
  scrolls sideways at 320px: two WCAG 2.1 AA criteria axe does not check.
- Every page parses without a single html5lib parse error, has one <h1>, a
  <title>, <html lang> in its language, alt on every <img> and unique ids.

axe-core is pinned in tests/a11y/package-lock.json; .ci/run installs it, and
the tests run `npm ci` there themselves when it is missing or out of date.
"""

from __future__ import annotations

import collections
import json
import os
import re
import shutil
import urllib.parse
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
import yaml

from conftest import DESKTOP, MOBILE, ROOT, launch_chromium, npm_ci

A11Y = ROOT / "tests" / "a11y"
AXE = A11Y / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA adds target size (2.5.8) to 2.1; best-practice adds, among others, that a
# region which scrolls can be reached by keyboard, and that landmarks and headings are sound.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

REFLOW = {"width": 320, "height": 640}   # WCAG 1.4.10: 1280 CSS px zoomed to 400%

SITE = yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))
BASE_URL = SITE["base_url"]                              # https://example-university.github.io/microcredentials/
BASE_PATH = urllib.parse.urlsplit(BASE_URL).path          # /microcredentials/
LANGUAGES = SITE["languages"]                             # [en, nl]; the first has no prefix
KINDS = ["pages", "courses", "versions", "badges"]        # every HTML page is of exactly one kind


# ---------------------------------------------------------------- the built site, served
# `www` holds the sample site, built once, and `site_url` serves it as the host does (conftest.py).


@pytest.fixture(scope="session")
def site(www) -> Path:
    return www / BASE_PATH.strip("/")


def html_pages(site: Path) -> list[str]:
    """Every HTML file of the site, as a path relative to it: 'nl/courses/x/index.html'."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def language_of(path: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in LANGUAGES[1:] else LANGUAGES[0]


def kind_of(path: str) -> str:
    parts = path.split("/")
    if parts[0] == language_of(path) and len(parts) > 1 and parts[0] in LANGUAGES[1:]:
        parts = parts[1:]
    if parts[0] == "badges":
        return "badges"
    if parts[0] == "courses":
        return "courses" if len(parts) == 3 else "versions"   # courses/<slug>/[<version>/]index.html
    return "pages"                                            # catalogue, issuer page, 404 and anything new


def url_path(path: str) -> str:
    """The address a page is linked by: folders end in '/', not in 'index.html'."""
    return path.removesuffix("index.html")


def page_of_type(site: Path, lang: str, kind: str) -> str:
    """The path of one page of a type the issue names, in a language."""
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    if kind == "catalogue":
        return prefix
    if kind == "issuer":
        return f"{prefix}issuer/"
    if kind == "verify":
        return f"{prefix}verify/"
    if kind == "404":
        # The host serves 404.html for any missing address, at any depth.
        return "404.html" if lang == LANGUAGES[0] else f"{prefix}courses/no-such-course/"
    pages = [p for p in html_pages(site) if language_of(p) == lang]
    marks = {"course": ("courses", None), "archived": ("versions", "notice-archived"),
             "badge-valid": ("badges", "status-valid"), "badge-revoked": ("badges", "status-revoked")}
    wanted_kind, mark = marks[kind]
    for path in pages:
        if kind_of(path) == wanted_kind and (mark is None or mark in (site / path).read_text(encoding="utf-8")):
            return url_path(path)
    pytest.fail(f"the sample site has no {kind} page in {lang}; the quality tests need one")


# ---------------------------------------------------------------- axe-core in Chromium


@pytest.fixture(scope="session")
def axe_url(www, site_url) -> str:
    """axe.min.js from tests/a11y (installed with `npm ci` if missing or older than the lock
    file), served by the test server next to the site, so the browser caches it once compiled."""
    npm_ci(A11Y, needs=AXE)
    served = www / "axe" / AXE.name
    served.parent.mkdir(exist_ok=True)
    if not served.is_file() or served.read_bytes() != AXE.read_bytes():
        # pytest-xdist workers share `www`: each copies on its own and renames its copy into place.
        partial = served.with_name(f"{served.name}.{os.getpid()}")
        shutil.copyfile(AXE, partial)
        partial.replace(served)
    return site_url.removesuffix(BASE_PATH) + "/axe/" + AXE.name


class Tab:
    """One Chromium page, reused for every test in a worker, that records what it requests."""

    def __init__(self, page, site_url: str, axe_url: str):
        self.page = page
        self.site_url = site_url
        self.origin = site_url.split("/", 3)[:3]
        self.axe_url = axe_url
        self.foreign: list[str] = []     # requests to any other origin
        self.failed: list[str] = []      # requests that failed or got an error status
        self.errors: list[str] = []      # uncaught JavaScript errors
        self.document = ""
        page.on("request", self._request)
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _request(self, request):
        if request.url.split("/", 3)[:3] != self.origin and not request.url.startswith(("data:", "blob:", "about:")):
            self.foreign.append(request.url)

    def _failed(self, request):
        # Chromium cancels its own favicon request when the next page is opened first: no request of the site's.
        if request.failure == "net::ERR_ABORTED" and request.url.split("?")[0].endswith("/favicon.svg"):
            return
        self.failed.append(f"{request.url} ({request.failure})")

    def _response(self, response):
        if response.status >= 400 and response.url != self.document:
            self.failed.append(f"{response.url} (HTTP {response.status})")

    def open(self, path: str, viewport: dict = DESKTOP):
        self.page.set_viewport_size(viewport)
        self.document = self.site_url + path
        self.page.goto(self.document)

    def axe_violations(self) -> list[dict]:
        self.page.add_script_tag(url=self.axe_url)
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            AXE_TAGS)
        return result["violations"]

    def check(self, label: str) -> list[str]:
        """Problems on the open page: axe violations, and requests it should not have made."""
        problems = [describe(label, v) for v in self.axe_violations()]
        problems += [f"{label}: requested another origin: {url}" for url in self.foreign]
        problems += [f"{label}: request failed: {url}" for url in self.failed]
        problems += [f"{label}: JavaScript error: {error}" for error in self.errors]
        self.foreign.clear(), self.failed.clear(), self.errors.clear()
        return problems


def describe(label: str, violation: dict) -> str:
    """An axe violation as a person can act on it: rule, impact, where, and what to do."""
    lines = [f"{label}: {violation['id']} [{violation['impact']}] {violation['help']}",
             f"    {violation['helpUrl'].partition('?')[0]}"]
    for node in violation["nodes"]:
        target = " ".join(" >> ".join(t) if isinstance(t, list) else t for t in node["target"])
        # "Fix any of the following:\n  first reason\n  second reason" on one line
        reasons = "; ".join(line.strip() for line in node.get("failureSummary", "").splitlines() if line.strip())
        lines.append(f"    - {target}: {reasons.replace(':; ', ': ')}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def tab(site_url, axe_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        context = browser.new_context(viewport=DESKTOP)
        yield Tab(context.new_page(), site_url, axe_url)
        context.close()
        browser.close()


def test_every_page_has_a_kind_the_axe_tests_cover(site):
    pages = html_pages(site)
    assert len(pages) > 30, pages
    by_group = collections.Counter((language_of(p), kind_of(p)) for p in pages)
    assert set(by_group) <= {(lang, kind) for lang in LANGUAGES for kind in KINDS}, by_group
    for lang in LANGUAGES:  # each language has each kind, so no group is empty by mistake
        assert all(by_group[lang, kind] for kind in KINDS), by_group


@pytest.mark.browser
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_violation(tab, site, lang, kind):
    """Every page of one kind in one language, at desktop width."""
    pages = [p for p in html_pages(site) if language_of(p) == lang and kind_of(p) == kind]
    problems = []
    for path in pages:
        tab.open(url_path(path))
        problems += tab.check(url_path(path) or "(catalogue)")
    assert not problems, f"{len(problems)} problem(s) on {len(pages)} page(s):\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["catalogue", "course", "archived", "badge-valid", "badge-revoked",
                                  "issuer", "verify", "404"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_violation_on_a_phone(tab, site, lang, kind):
    """One page of each type at 390px and at 320px, checked by axe; at 320px it must not scroll sideways.

    axe counts a box as scrolling only when its content is 13px or more wider, so a narrow
    screen finds what a wider one hides (a table 8px too wide for 390px, 78px for 320px).
    """
    path = page_of_type(site, lang, kind)
    problems = []
    for viewport in (MOBILE, REFLOW):
        tab.open(path, viewport)
        problems += tab.check(f"{path or '(catalogue)'} at {viewport['width']}px")
    # Reflow: at 320px nothing is too wide (tests/test_phone.py checks every box too).
    scroll, inner = tab.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if scroll > inner:
        problems.append(f"{path or '(catalogue)'}: at {REFLOW['width']}px the page is {scroll}px wide and "
                        "scrolls sideways (WCAG 1.4.10)")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_violation_in_a_filtered_catalogue(tab, lang):
    """The catalogue as the script changes it: search box shown, filter on, then nothing found."""
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    label = prefix or "(catalogue)"
    problems = []
    for viewport in (DESKTOP, MOBILE):
        tab.open(prefix, viewport)
        page = tab.page
        page.locator("#search-input").wait_for(state="visible", timeout=5000)
        if viewport is MOBILE:  # on a phone the filters are folded away behind their summary
            page.locator("#filter-panel > summary").click()
        page.locator("label[for='f-eqf-7']").click()
        page.wait_for_function("document.querySelectorAll('.course-card:not([hidden])').length < "
                               "document.querySelectorAll('.course-card').length")
        problems += tab.check(f"{label} filtered at {viewport['width']}px")
        page.locator("#search-input").fill("zzzz")
        page.locator("#no-results").wait_for(state="visible", timeout=5000)
        problems += tab.check(f"{label} filtered and searched to nothing at {viewport['width']}px")
    assert not problems, "\n".join(problems)


# What keyboard focus looks like on the focused element (or, for the filter's
# visually hidden radios, on their label): the colours of its outline and box
# shadows, and the first opaque background behind it.
FOCUS_STYLE = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  const again = el.hasAttribute('data-focused-once');
  el.setAttribute('data-focused-once', '');
  const what = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.getAttribute('href') ? '[href="' + el.getAttribute('href') + '"]' : '');
  if (getComputedStyle(el).opacity === '0' && el.labels && el.labels.length) el = el.labels[0];
  const style = getComputedStyle(el);
  const colours = [];
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) colours.push(style.outlineColor);
  for (const m of style.boxShadow.matchAll(/rgba?\\([^)]*\\)/g)) colours.push(m[0]);
  let node = el.parentElement, behind = 'rgb(255, 255, 255)';
  for (; node; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') { behind = bg; break; }
  }
  return {what, colours, behind, again};
}"""


def luminance(rgb: str) -> float:
    r, g, b = (int(float(v)) / 255 for v in re.findall(r"[\d.]+", rgb)[:3])
    return sum(w * (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
               for w, c in zip((0.2126, 0.7152, 0.0722), (r, g, b), strict=True))


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["catalogue", "course", "archived", "badge-valid", "issuer", "404"])
def test_keyboard_focus_is_visible_with_enough_contrast(tab, site, kind):
    """WCAG 2.4.7 and 1.4.11, which axe does not check: tabbing through a page, every
    stop shows a focus indicator with 3:1 contrast against what is behind it."""
    path = page_of_type(site, LANGUAGES[0], kind)
    tab.open(path)
    problems, seen = [], []
    for _ in range(200):
        tab.page.keyboard.press("Tab")
        focus = tab.page.evaluate(FOCUS_STYLE)
        if focus is None or focus["again"]:
            break  # back to the start
        seen.append(focus["what"])
        if not focus["colours"]:
            problems.append(f"{focus['what']}: no visible focus indicator")
        elif max(contrast(c, focus["behind"]) for c in focus["colours"]) < 3:
            best = max(contrast(c, focus["behind"]) for c in focus["colours"])
            problems.append(f"{focus['what']}: focus indicator {' + '.join(focus['colours'])} on "
                            f"{focus['behind']}: contrast {best:.2f}, needs 3:1")
    assert len(seen) > 3, seen
    assert not problems, f"{path or '(catalogue)'}:\n" + "\n".join(problems)


# ---------------------------------------------------------------- links and asset references

LINK_ATTRIBUTES = ("href", "src", "poster", "data", "action", "formaction", "cite", "xlink:href")
# <meta> whose content is a URL a crawler or a social network fetches.
URL_METAS = {"og:url", "og:image", "og:image:url", "og:image:secure_url", "twitter:image"}
SKIPPED_SCHEMES = ("mailto:", "tel:", "data:")
CSS_URL = re.compile(r"""url\(\s*(?P<q>['"]?)(?P<url>.*?)(?P=q)\s*\)|@import\s+(?P<q2>['"])(?P<imp>.*?)(?P=q2)""")


def references(doc) -> list[tuple[str, str]]:
    """(where, URL) for every URL an HTML document refers to."""
    found = []
    for element in doc.iter():
        if not isinstance(element.tag, str) or element.tag == "base":
            continue
        for name in LINK_ATTRIBUTES:
            value = element.get(name)
            if value is not None:
                found.append((f"<{element.tag} {name}>", value.strip()))
        for name in ("srcset", "imagesrcset"):
            for candidate in (element.get(name) or "").split(","):
                if candidate.strip():
                    found.append((f"<{element.tag} {name}>", candidate.split()[0]))
        if element.tag == "meta" and (element.get("property") or element.get("name")) in URL_METAS:
            found.append((f"<meta {element.get('property') or element.get('name')}>", element.get("content", "")))
        style = (element.text or "") if element.tag == "style" else (element.get("style") or "")
        found += [(f"<{element.tag}> url()", url) for url in css_urls(style)]
    return found


def css_urls(css: str) -> list[str]:
    return [m.group("url") or m.group("imp") for m in CSS_URL.finditer(css)]


class LinkChecker:
    """Resolves references in a built site the way a browser would, on the real host."""

    def __init__(self, site: Path, base_url: str = BASE_URL):
        self.site = site
        self.base_url = base_url
        self._ids: dict[Path, set[str]] = {}
        self.checked = 0

    def url_of(self, path: str) -> str:
        return self.base_url + path

    def ids(self, file: Path) -> set[str]:
        if file not in self._ids:
            doc = lxml.html.document_fromstring(file.read_bytes())
            self._ids[file] = {e.get("id") for e in doc.iter() if isinstance(e.tag, str) and e.get("id")} \
                | {e.get("name") for e in doc.iter("a") if e.get("name")}
        return self._ids[file]

    def target(self, url: str) -> tuple[Path | None, str]:
        """The file an absolute URL of this site names, or None and why not."""
        parts = urllib.parse.urlsplit(url)
        base = urllib.parse.urlsplit(self.base_url)
        if parts.netloc != base.netloc or not parts.path.startswith(base.path):
            return None, "points outside the site"
        rel = urllib.parse.unquote(parts.path[len(base.path):])
        file = self.site / rel
        if rel == "" or rel.endswith("/"):
            file = file / "index.html"
        elif file.is_dir():
            return None, f"is a folder; link it as {rel}/"
        if ".." in Path(rel).parts or not file.is_file():
            return None, "does not exist"
        return file, ""

    def check(self, where: str, source_url: str, raw: str, own_url: str | None = None) -> str | None:
        """A problem with one reference found in the document at source_url, or None."""
        if not raw:
            return f"{where}: empty URL"
        if raw.lower().startswith(SKIPPED_SCHEMES):
            return None
        if raw.lower().startswith("javascript:"):
            return f"{where}: {raw} is a javascript: URL"
        absolute = urllib.parse.urljoin(source_url, raw)
        if urllib.parse.urlsplit(raw).scheme or raw.startswith("//"):
            if not absolute.startswith(self.base_url):
                return None  # another site: not followed
        elif not absolute.startswith(self.base_url):
            return f"{where}: {raw} resolves to {absolute}, outside the site"
        self.checked += 1
        no_fragment, _, fragment = absolute.partition("#")
        if raw.startswith("#") and own_url is not None and no_fragment != own_url.partition("#")[0]:
            return (f"{where}: the same-page link {raw} leads to {no_fragment} instead "
                    f"(a <base href> changes what it resolves against)")
        file, why = self.target(no_fragment.partition("?")[0])
        if file is None:
            return f"{where}: {raw} -> {no_fragment} {why}"
        if "#" in absolute:
            if not fragment:
                return f"{where}: {raw} has an empty fragment"
            if file.suffix == ".html" and urllib.parse.unquote(fragment) not in self.ids(file):
                return f"{where}: {raw} -> no id {urllib.parse.unquote(fragment)!r} in {file.relative_to(self.site)}"
        return None

    def check_page(self, path: str) -> list[str]:
        doc = lxml.html.document_fromstring((self.site / path).read_bytes())
        own = self.url_of(path)
        base = doc.find(".//base[@href]")
        source = urllib.parse.urljoin(own, base.get("href")) if base is not None else own
        problems = []
        if base is not None:
            problem = self.check("<base href>", own, base.get("href"))
            problems += [f"{path}: {problem}"] if problem else []
        for where, raw in references(doc):
            problem = self.check(where, source, raw, own_url=own)
            if problem:
                problems.append(f"{path}: {problem}")
        return problems

    def check_urls(self, path: str, where: str, urls) -> list[str]:
        """Absolute URLs found in a file that is not HTML (sitemap, feed, JSON-LD)."""
        problems = []
        for raw in urls:
            problem = self.check(where, self.url_of(path), raw.strip())
            if problem:
                problems.append(f"{path}: {problem}")
        return problems

    def check_stylesheet(self, path: str) -> list[str]:
        css = (self.site / path).read_text(encoding="utf-8")
        problems = []
        for raw in css_urls(css):
            problem = self.check("url()", self.url_of(path), raw)
            if problem:
                problems.append(f"{path}: {problem}")
        return problems


def test_every_internal_link_and_asset_resolves(site):
    checker = LinkChecker(site)
    problems = [p for page in html_pages(site) for p in checker.check_page(page)]
    assert not problems, f"{len(problems)} broken reference(s):\n" + "\n".join(problems)
    # The checker really looked: every page links the stylesheet, the catalogue, the feed... Badge pages link
    # fewer (no site-wide footer links, issue #19): a dozen or so each, the other pages twenty and more.
    pages = html_pages(site)
    badge_pages = sum(kind_of(page) == "badges" for page in pages)
    assert checker.checked > 20 * (len(pages) - badge_pages) + 10 * badge_pages


def test_every_stylesheet_reference_resolves(site):
    checker = LinkChecker(site)
    sheets = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.css"))
    assert sheets, "the site has no stylesheet"
    problems = [p for sheet in sheets for p in checker.check_stylesheet(sheet)]
    assert not problems, "\n".join(problems)


def xml_urls(file: Path) -> list[str]:
    """Links in a sitemap or an Atom feed: <loc>, <icon>, <logo> and every href."""
    urls = []
    for element in lxml.etree.parse(str(file)).iter():
        if not isinstance(element.tag, str):
            continue
        if element.get("href") is not None:
            urls.append(element.get("href"))
        if lxml.etree.QName(element).localname in ("loc", "icon", "logo") and element.text:
            urls.append(element.text)
    return urls


def json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in json_strings(k) + json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in json_strings(v)]
    return []


def test_every_site_url_in_sitemap_feeds_robots_and_json_resolves(site):
    """Links outside the HTML: the sitemap, the Atom feeds, robots.txt, and every URL
    of the site in the published JSON and JSON-LD (achievements, credentials, DID
    document, status list, contexts), which verifiers and crawlers dereference."""
    checker = LinkChecker(site)
    problems = []
    for file in sorted(site.rglob("*.xml")):
        problems += checker.check_urls(file.relative_to(site).as_posix(), "xml", xml_urls(file))
    robots = site / "robots.txt"
    if robots.is_file():
        sitemaps = [line.split(":", 1)[1] for line in robots.read_text(encoding="utf-8").splitlines()
                    if line.lower().startswith("sitemap:")]
        problems += checker.check_urls("robots.txt", "Sitemap", sitemaps)
    for file in sorted(site.rglob("*.json")) + sorted(site.rglob("*.jsonld")):
        urls = [s for s in json_strings(json.loads(file.read_text(encoding="utf-8"))) if s.startswith(BASE_URL)]
        problems += checker.check_urls(file.relative_to(site).as_posix(), "JSON", urls)
    assert not problems, f"{len(problems)} broken reference(s):\n" + "\n".join(problems)
    assert checker.checked > 100


def test_the_link_checker_finds_broken_links(tmp_path):
    """The checker itself, on a small site with one of each mistake."""
    (tmp_path / "static").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "static" / "x.css").write_text("a { background: url(gone.png) } b { background: url('data:,') }")
    (tmp_path / "static" / "ok.png").write_bytes(b"")
    (tmp_path / "a" / "index.html").write_text('<!doctype html><h1 id="top">A</h1>')
    (tmp_path / "index.html").write_text(f"""<!doctype html><title>t</title>
<link rel="stylesheet" href="static/x.css"><link rel="canonical" href="{BASE_URL}">
<img src="static/ok.png" srcset="static/ok.png 1x, static/missing.png 2x" alt="">
<a href="a/">fine</a> <a href="a/#top">fine</a> <a href="{BASE_URL}a/">fine</a>
<a href="https://elsewhere.example/x">not followed</a> <a href="mailto:x@example.org">not followed</a>
<a href="a/#nowhere">1</a> <a href="b/">2</a> <a href="a">3</a> <a href="{BASE_URL}gone.json">4</a>
<a href="../../elsewhere/">5</a> <a href="#main">6</a> <div style="background: url(static/none.svg)"></div>
""")
    checker = LinkChecker(tmp_path)
    problems = checker.check_page("index.html") + checker.check_stylesheet("static/x.css")
    site = BASE_URL
    assert problems == [
        f"index.html: <img srcset>: static/missing.png -> {site}static/missing.png does not exist",
        "index.html: <a href>: a/#nowhere -> no id 'nowhere' in a/index.html",
        f"index.html: <a href>: b/ -> {site}b/ does not exist",
        f"index.html: <a href>: a -> {site}a is a folder; link it as a/",
        f"index.html: <a href>: {site}gone.json -> {site}gone.json does not exist",
        "index.html: <a href>: ../../elsewhere/ resolves to https://example-university.github.io/elsewhere/, "
        "outside the site",
        "index.html: <a href>: #main -> no id 'main' in index.html",
        f"index.html: <div> url(): static/none.svg -> {site}static/none.svg does not exist",
        f"static/x.css: url(): gone.png -> {site}static/gone.png does not exist",
    ]
    # A <base href> that sends a same-page link to another page is caught too.
    (tmp_path / "404.html").write_text(f'<!doctype html><base href="{BASE_PATH}"><a href="#top">skip</a>'
                                       '<h1 id="top">Not found</h1>')
    assert checker.check_page("404.html") == [
        f"404.html: <a href>: the same-page link #top leads to {site} instead "
        "(a <base href> changes what it resolves against)"]


# ---------------------------------------------------------------- well-formed HTML


def test_every_page_parses_without_an_error(site):
    import html5lib  # in the test extra; imported here so only this test needs it

    problems = []
    for path in html_pages(site):
        parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
        parser.parse((site / path).read_bytes())
        lines = (site / path).read_text(encoding="utf-8").splitlines()
        for (line, col), code, data in parser.errors:
            context = lines[line - 1][max(0, col - 60):col + 20].strip() if 0 < line <= len(lines) else ""
            problems.append(f"{path}:{line}:{col}: {code} {data or ''}\n    {context}")
    assert not problems, f"{len(problems)} parse error(s):\n" + "\n".join(problems)


def test_every_page_has_the_basics(site):
    problems = []
    for path in html_pages(site):
        doc = lxml.html.document_fromstring((site / path).read_bytes())
        h1 = doc.findall(".//h1")
        if len(h1) != 1:
            problems.append(f"{path}: {len(h1)} <h1> elements; a page has exactly one")
        elif not h1[0].text_content().strip():
            problems.append(f"{path}: the <h1> is empty")
        if doc.get("lang") != language_of(path):
            problems.append(f"{path}: <html lang={doc.get('lang')!r}>, expected {language_of(path)!r}")
        titles = doc.findall("./head/title")
        if len(titles) != 1 or not titles[0].text_content().strip():
            problems.append(f"{path}: needs exactly one non-empty <title> in <head>")
        for img in doc.iter("img"):
            if img.get("alt") is None:
                problems.append(f"{path}: <img src={img.get('src')!r}> has no alt attribute")
        ids = collections.Counter(e.get("id") for e in doc.iter() if isinstance(e.tag, str) and e.get("id") is not None)
        problems += [f"{path}: id {i!r} is used {n} times" for i, n in ids.items() if n > 1]
        problems += [f"{path}: an empty id attribute" for i in ids if not i.strip()]
    assert not problems, "\n".join(problems)
