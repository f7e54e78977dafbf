"""The registry as a visitor meets it, in headless Chromium: its filters with and without JavaScript,
its search, and axe-core on every kind of page at desktop and phone width.

The registry is built over the three member sites of test_registry.py and served at its own https
address (conftest.SiteHost); screenshots go to tests/_artifacts/screenshots/registry-*.png.
"""

from __future__ import annotations

import pytest
from test_registry import EPOCH, REGISTRY_BASE, make_members

from conftest import DESKTOP, MOBILE, ROOT, SiteHost, npm_ci, run

pytestmark = pytest.mark.browser

SHOTS = ROOT / "tests" / "_artifacts" / "screenshots"
A11Y = ROOT / "tests" / "a11y"
AXE = A11Y / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
ALL = ["AI in Care", "Circular Building", "Data Skills", "Ethics of Care", "Welding Basics"]


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    members = make_members(tmp_path_factory.mktemp("members"))
    out = tmp_path_factory.mktemp("registry") / "_site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = run("registry", "build", "--sources", members.registry, "--output", out)
    assert result.exit_code == 0, result.output
    npm_ci(A11Y, needs=AXE)
    return out


class Visit:
    """One page of the registry in its own browser context, served as the registry's host would."""

    def __init__(self, chromium, folder, path: str, viewport=DESKTOP, javascript=True):
        self.host = SiteHost(folder, REGISTRY_BASE)
        self.context = chromium.new_context(viewport=viewport, java_script_enabled=javascript)
        self.context.route("**/*", self.host.handle)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("response", lambda r: self.failed.append(f"{r.url} ({r.status})") if r.status >= 400 else None)
        response = self.page.goto(REGISTRY_BASE + path)
        assert response is not None and response.status == 200, path

    def titles(self) -> list[str]:
        return sorted(t.strip() for t in self.page.locator(".course-card:visible h3").all_inner_texts())

    def choose(self, group: str, value: str) -> None:
        self.page.locator(f"label[for='f-{group}-{value}']").click()

    def axe(self) -> list[str]:
        self.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        found = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            AXE_TAGS)
        return [f"{v['id']}: {v['help']} ({', '.join(str(n['target'][0]) for n in v['nodes'][:3])})"
                for v in found["violations"]]

    def fits(self) -> bool:
        return self.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    def shoot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"registry-{name}.png"), full_page=True)

    def close(self) -> None:
        assert not self.host.foreign, f"requests to other origins: {self.host.foreign}"
        assert not self.errors and not self.failed, (self.errors, self.failed)
        self.context.close()


@pytest.mark.parametrize("javascript", [False, True], ids=["without-js", "with-js"])
def test_the_filters_work_with_and_without_javascript(chromium, registry, javascript):
    v = Visit(chromium, registry, "en/", javascript=javascript)
    assert v.titles() == ALL
    v.choose("sector", "mbo")
    assert v.titles() == ["Welding Basics"]
    v.choose("sector", "any")
    v.choose("inst", "uni-a")
    assert v.titles() == ["Data Skills", "Ethics of Care"]
    v.choose("eqf", "7")
    assert v.titles() == ["Ethics of Care"]
    v.choose("mode", "onsite")
    assert v.titles() == []
    v.shoot(f"catalogue-filtered-{'js' if javascript else 'nojs'}")
    if javascript:  # the script counts what the filters leave, also for the registry's own groups
        assert v.page.locator("#result-count").inner_text() == "Showing 0 of 5 microcredentials"
        assert v.page.locator("#no-results").is_visible()
        assert "inst=uni-a" in v.page.url and "eqf=7" in v.page.url
    v.page.locator("button[type=reset]").click()
    v.page.wait_for_function("document.querySelectorAll('.course-card:not([hidden])').length === 5")
    assert v.titles() == ALL
    for group, value, expected in [("ects", "l", ["Circular Building"]),
                                   ("field", "09", ["AI in Care", "Ethics of Care"]),
                                   ("lang", "nl", ["AI in Care", "Circular Building", "Welding Basics"]),
                                   ("mode", "work_experience", ["Welding Basics"]),
                                   ("sector", "hbo", ["AI in Care", "Circular Building"])]:
        v.page.locator("button[type=reset]").click()
        v.choose(group, value)
        assert v.titles() == expected, (group, value)
    v.close()


def test_the_filters_fold_away_on_a_phone_and_still_work_without_javascript(chromium, registry):
    v = Visit(chromium, registry, "", viewport=MOBILE, javascript=False)
    assert not v.page.locator("#filters").is_visible()
    v.page.locator("#filter-panel > summary").click()
    v.choose("sector", "hbo")
    assert v.titles() == ["AI in de zorg", "Circulair bouwen"]  # the Dutch page, with the Dutch titles
    v.shoot("catalogue-nl-phone-filtered")
    v.close()


def test_search_finds_microcredentials_across_institutions(chromium, registry):
    v = Visit(chromium, registry, "en/")
    search = v.page.locator("#search-input")
    search.wait_for()
    search.fill("weld")
    v.page.wait_for_function("document.querySelectorAll('.course-card:not([hidden])').length === 1")
    assert v.titles() == ["Welding Basics"]
    search.fill("university")  # an institution's name finds its courses
    v.page.wait_for_function("document.querySelectorAll('.course-card:not([hidden])').length === 4")
    assert v.titles() == ["AI in Care", "Circular Building", "Data Skills", "Ethics of Care"]
    v.close()


def test_without_javascript_the_search_box_is_not_offered(chromium, registry):
    v = Visit(chromium, registry, "en/", javascript=False)
    assert not v.page.locator("#search").is_visible()
    v.close()


PAGES = [
    ("", "catalogue-nl"), ("en/", "catalogue-en"),
    ("courses/uni-a/data-skills/2026.2/", "course-nl"), ("en/courses/hs-b/zorg-ai/2026.1/", "course-en"),
    ("en/courses/uni-a/data-skills/2026.1/", "course-replaced-en"),
    ("en/courses/uni-a/old-course/2026.1/", "course-withdrawn-en"),
    ("members/", "members-nl"), ("en/members/", "members-en"),
    ("members/hs-b/", "member-nl"), ("en/members/mbo-c/", "member-en"),
    ("statistics/", "statistics-nl"), ("en/statistics/", "statistics-en"),
    ("404.html", "not-found"),
]


@pytest.mark.parametrize("viewport,size", [(DESKTOP, "desktop"), (MOBILE, "phone")])
@pytest.mark.parametrize("path,name", PAGES)
def test_axe_finds_no_violation_and_the_page_fits(chromium, registry, path, name, viewport, size):
    v = Visit(chromium, registry, path, viewport=viewport)
    v.shoot(f"{name}-{size}")
    assert v.page.locator("h1").count() == 1
    assert v.fits(), "the page scrolls sideways"
    assert v.axe() == []
    v.close()
