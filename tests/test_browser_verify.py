"""The check in the visitor's browser, as a person meets it: on badge pages and on /verify/.

The browser gets only what it has in the world. The built sample site is served
at its real base URL (https://example-university.github.io/microcredentials/)
through playwright's routing, from the built folder or a changed copy of it, so
did:web resolves exactly as it does on the published site and the page is a
secure context. Any request to another origin is refused and recorded; every
test asserts there was none.

What changes between cases is only what a host would serve: one byte of a
credential, a status list replaced or removed after the build.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import pytest
import yaml

from conftest import (
    DESKTOP,
    MOBILE,
    REVOKED,
    ROOT,
    SAMPLE_BASE_URL,
    TEST_KEY,
    SiteHost,
    npm_ci,
    read_json,
    run,
    sample_site,
)
from generator.site import badges

pytestmark = pytest.mark.browser

BASE_URL = SAMPLE_BASE_URL
BASE_PATH = urllib.parse.urlsplit(BASE_URL).path
VALID = next(p.stem for p in sorted((ROOT / "content/issued").glob("*.json")) if p.stem != REVOKED)
SHOTS = ROOT / "tests" / "_artifacts" / "screenshots"
AXE = ROOT / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
INTEROP = ROOT / "tests" / "interop"
LANGUAGES = yaml.safe_load((ROOT / "content" / "site.yaml").read_text(encoding="utf-8"))["languages"]
DUTCH = LANGUAGES[1]


def badge_path(uuid: str, lang: str = LANGUAGES[0]) -> str:
    return ("" if lang == LANGUAGES[0] else f"{lang}/") + f"badges/{uuid}/"


def verify_path(lang: str = LANGUAGES[0]) -> str:
    return ("" if lang == LANGUAGES[0] else f"{lang}/") + "verify/"


# ---------------------------------------------------------------- the world: the site at its own address


@pytest.fixture(scope="module")
def built(www) -> Path:
    """The sample site's folder, as built once for the whole run (never change it: copy it)."""
    return www / BASE_PATH.strip("/")


@pytest.fixture
def served(built, tmp_path) -> Path:
    """A copy of the built site that a test may change, as if someone changed the host's files."""
    copy = tmp_path / "served"
    shutil.copytree(built, copy)
    return copy


class Visit:
    """One browser tab on the site served from `folder`."""

    def __init__(self, browser, folder: Path, viewport=DESKTOP, javascript=True):
        self.host = SiteHost(folder)
        self.context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        self.context.route("**/*", self.host.handle)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, path: str):
        self.page.goto(BASE_URL + path)
        return self.page

    def check_now(self) -> str:
        """Click "Check now" on a badge page; the verdict the check shows."""
        self.page.click("[data-check-now]")
        return self.verdict()

    def verdict(self) -> str:
        result = self.page.locator("[data-check-result][data-verdict]")
        result.wait_for(timeout=20_000)
        return result.get_attribute("data-verdict") or ""

    def steps(self) -> list[tuple[str, str]]:
        """Each step the check lists: (ok | failed | unknown | none, its text)."""
        items = self.page.locator(".check-steps li")
        return [(items.nth(i).get_attribute("data-step") or "", items.nth(i).inner_text())
                for i in range(items.count())]

    def axe(self) -> list[str]:
        """axe-core's WCAG 2.x A/AA violations on the page as it is now."""
        self.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        found = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
        return [f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
                for v in found["violations"]]

    def shoot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"check-{name}.png"), full_page=True)

    def close(self) -> None:
        assert not self.host.foreign, f"requests to other origins: {self.host.foreign}"
        assert not self.errors, f"script errors: {self.errors}"
        self.context.close()


@pytest.fixture
def visit(chromium, built):
    opened: list[Visit] = []

    def make(folder: Path | None = None, **options) -> Visit:
        v = Visit(chromium, folder or built, **options)
        opened.append(v)
        return v

    yield make
    for v in opened:
        v.close()


@pytest.fixture(scope="module", autouse=True)
def axe_installed():
    npm_ci(ROOT / "tests" / "a11y", needs=AXE)


def module_requests(v: Visit) -> list[str]:
    return [u for u in v.host.requests if "credsite-verifier" in u]


# ---------------------------------------------------------------- a badge page


def test_without_javascript_the_badge_page_is_complete_and_offers_no_check(visit):
    v = visit(javascript=False)
    page = v.open(badge_path(VALID))

    assert page.locator("[data-live-check]").is_hidden()
    assert page.locator("[data-check-now]").count() == 0  # verify.js makes the button; nothing offers a check
    assert page.locator(".status-banner").inner_text().strip()
    assert not module_requests(v)


def test_without_its_texts_the_badge_page_offers_no_check(visit, served):
    """The check's words come from verify/strings.json; a page that cannot get them stays as without JavaScript."""
    (served / "verify" / "strings.json").unlink()
    v = visit(served)
    page = v.open(badge_path(VALID))
    page.wait_for_load_state("networkidle")

    assert page.locator("[data-live-check]").is_hidden()
    assert page.locator("[data-check-now], [data-print], [data-copy-link]").count() == 0
    assert not module_requests(v)


def test_the_verifier_loads_only_when_asked(visit):
    v = visit()
    page = v.open(badge_path(VALID))
    page.wait_for_load_state("networkidle")

    assert page.locator("[data-check-now]").is_visible()
    assert not module_requests(v), "the verifier must not load before the visitor asks for a check"
    v.check_now()
    assert len(module_requests(v)) == 1


def test_a_valid_credential_passes_every_step(visit):
    v = visit()
    page = v.open(badge_path(VALID))

    assert v.check_now() == "valid"
    steps = v.steps()
    assert [state for state, _ in steps] == ["ok", "ok", "ok", "ok"], steps
    text = page.locator("[data-check-result]").inner_text()
    assert "example-university.github.io" in text  # the host that published the key
    assert "Not revoked" in text or "not revoked" in text
    assert page.locator(".check-differs").count() == 0
    # It fetched the credential, the DID document and the status list from the site, nothing else.
    fetched = {urllib.parse.urlsplit(u).path.removeprefix(BASE_PATH) for u in v.host.requests}
    assert {f"badges/{VALID}/credential.json", "did.json", "status/revocation.json"} <= fetched
    v.shoot("badge-valid")


def test_the_check_speaks_the_page_language(visit):
    v = visit()
    page = v.open(badge_path(VALID, DUTCH))

    assert v.check_now() == "valid"
    text = page.locator("[data-live-check]").inner_text()
    assert "Handtekening: klopt" in text and "Zojuist gecontroleerd: geldig" in text
    v.shoot("badge-valid-nl")


def tamper(served: Path, uuid: str) -> None:
    """Change one byte of the published credential: a letter of the learner's name."""
    path = served / "badges" / uuid / "credential.json"
    data = path.read_bytes()
    name = read_json(path)["credentialSubject"]["identifier"][0]["identityHash"].encode()
    at = data.index(name)
    path.write_bytes(data[:at] + bytes([name[0] ^ 0x20]) + data[at + 1:])
    assert path.read_bytes() != data and len(path.read_bytes()) == len(data)


def test_one_changed_byte_fails_the_signature(visit, served):
    tamper(served, VALID)
    v = visit(served)
    page = v.open(badge_path(VALID))

    assert v.check_now() == "invalid"
    assert v.steps()[0][0] == "failed"
    assert "does not match" in v.steps()[0][1]
    assert page.locator(".check-differs").is_visible()  # the page says valid; the check does not
    v.shoot("badge-tampered")


def test_the_revoked_credential_shows_revoked(visit):
    v = visit()
    page = v.open(badge_path(REVOKED))

    assert v.check_now() == "revoked"
    states = dict(zip(["proof", "key", "status", "dates"], (s for s, _ in v.steps()), strict=False))
    assert states["proof"] == "ok" and states["status"] == "failed", v.steps()
    assert page.locator(".check-differs").count() == 0  # the page already says revoked
    v.shoot("badge-revoked")


@pytest.fixture(scope="module")
def revoked_later(tmp_path_factory) -> Path:
    """The status list as it is after the valid credential is revoked, a day after the build."""
    folder = tmp_path_factory.mktemp("revoke-later")
    source = sample_site(folder)
    key = folder / "key.json"  # a private key must be readable by its owner only
    shutil.copyfile(TEST_KEY, key)
    key.chmod(0o600)
    result = run("revoke", "--yes", f"urn:uuid:{VALID}", "--reason", "Revoked after the build", "--key", key,
                 "--source", source)
    assert result.exit_code == 0, result.output
    return source / "content" / "status" / "revocation.json"


def test_a_credential_revoked_after_the_build_shows_the_difference(visit, served, revoked_later):
    shutil.copyfile(revoked_later, served / "status" / "revocation.json")
    v = visit(served)
    page = v.open(badge_path(VALID))

    assert "status-valid" in page.locator("article").get_attribute("class")  # what the build said
    assert v.check_now() == "revoked"
    differs = page.locator(".check-differs")
    assert differs.is_visible() and "revoked" in differs.inner_text()
    v.shoot("badge-revoked-since-build")


def test_an_unreachable_status_list_is_could_not_check_never_not_revoked(visit, served):
    (served / "status" / "revocation.json").unlink()
    v = visit(served)
    page = v.open(badge_path(VALID))

    assert v.check_now() == "not checked"
    status = v.steps()[2]
    assert status[0] == "unknown" and "could not check" in status[1], status
    assert "not revoked (" not in page.locator("[data-check-result]").inner_text().lower()
    assert page.locator(".check-differs").count() == 0
    v.shoot("badge-status-unreachable")


# ---------------------------------------------------------------- the verify page


@pytest.fixture(scope="module")
def didkey_credentials(tmp_path_factory) -> dict[str, Path]:
    """An OB 3.0 credential Digital Bazaar signed with a did:key, and a tampered copy of it."""
    npm_ci(INTEROP)
    folder = tmp_path_factory.mktemp("didkey")
    made = {}
    for name, flags in (("signed", []), ("tampered", ["--tampered"])):
        out = subprocess.run(["node", str(INTEROP / "sign-didkey.mjs"), *flags], capture_output=True, text=True,
                             check=True, cwd=INTEROP).stdout
        made[name] = folder / f"{name}.json"
        made[name].write_text(out, encoding="utf-8")
    return made


def choose(v: Visit, file: Path) -> str:
    v.page.set_input_files("#credential-file", str(file))
    return v.verdict()


def downloaded(built: Path, name: str, folder: Path) -> Path:
    """The file a learner downloads from the badge page: the JSON as published, or the course's image with the
    credential baked in as the page's download button bakes it (the same bytes: test_browser.py)."""
    if name == "credential.json":
        return built / "badges" / VALID / name
    kind = name.rsplit(".", 1)[1]
    html = (built / "badges" / VALID / "index.html").read_text(encoding="utf-8")
    href = re.search(rf'href="([^"]+)" download data-bake="{kind}"', html).group(1)
    plain = (built / "badges" / VALID / href).resolve().read_bytes()
    raw = (built / "badges" / VALID / "credential.json").read_bytes()
    baked = badges.bake_png(plain, raw) if kind == "png" else badges.bake_svg(plain.decode(), raw).encode()
    (folder / name).write_bytes(baked)
    return folder / name


@pytest.mark.parametrize("name", ["credential.json", "badge.png", "badge.svg"])
def test_the_verify_page_checks_the_sample_credential_in_each_form(visit, built, name, tmp_path):
    v = visit()
    page = v.open(verify_path())

    assert choose(v, downloaded(built, name, tmp_path)) == "valid"
    assert [s for s, _ in v.steps()] == ["ok", "ok", "ok", "ok"], v.steps()
    issuer = page.locator(".check-issuer")
    assert issuer.is_visible() and "other-issuer" not in (issuer.get_attribute("class") or "")
    v.shoot(f"verify-{name.replace('.', '-')}")


def test_the_verify_page_checks_pasted_json_and_a_pasted_address(visit, built):
    v = visit()
    page = v.open(verify_path())
    page.fill("#credential-text", (built / "badges" / REVOKED / "credential.json").read_text(encoding="utf-8"))
    page.click(".verify-form button[type=submit]")
    assert v.verdict() == "revoked"

    page.fill("#credential-text", BASE_URL + f"badges/{VALID}/credential.json")
    page.evaluate("document.querySelector('[data-check-result]').removeAttribute('data-verdict')")
    page.click(".verify-form button[type=submit]")
    assert v.verdict() == "valid"


def test_another_issuers_credential_is_shown_as_not_this_institution(visit, didkey_credentials):
    v = visit()
    page = v.open(verify_path())

    assert choose(v, didkey_credentials["signed"]) == "valid"
    other = page.locator(".check-other-issuer")
    assert other.is_visible() and "did:key:" in other.inner_text()
    assert "did:key" in v.steps()[1][1]
    assert v.steps()[2][0] == "none"  # it names no status list
    v.shoot("verify-didkey")


def test_the_verify_page_rejects_a_tampered_credential(visit, didkey_credentials, served):
    v = visit()
    page = v.open(verify_path())
    assert choose(v, didkey_credentials["tampered"]) == "invalid"
    assert v.steps()[0][0] == "failed"

    tamper(served, VALID)
    page.evaluate("document.querySelector('[data-check-result]').removeAttribute('data-verdict')")
    assert choose(v, served / "badges" / VALID / "credential.json") == "invalid"
    v.shoot("verify-tampered")


@pytest.mark.parametrize(("content", "expected"), [
    (b"not json at all", "not JSON"),
    (b"[1, 2]", "not an object"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "no credential"),
])
def test_what_is_no_credential_gets_a_plain_answer(visit, tmp_path, content, expected):
    file = tmp_path / ("x.png" if content.startswith(b"\x89PNG") else "x.json")
    file.write_bytes(content)
    v = visit()
    v.open(verify_path())

    assert choose(v, file) == "error"
    assert expected in v.page.locator("[data-check-result]").inner_text()


def test_without_javascript_the_verify_page_says_what_it_needs(visit):
    v = visit(javascript=False)
    page = v.open(verify_path())

    assert page.locator(".verify-form").is_hidden()
    assert "needs JavaScript" in page.locator("main").inner_text()


# ---------------------------------------------------------------- accessibility in every state


# Each state a visitor can bring the two pages into: (page, what the visitor does, what the host serves).
STATES = {
    "badge idle": (lambda: badge_path(VALID), None, None),
    "badge valid": (lambda: badge_path(VALID), "check", None),
    "badge revoked": (lambda: badge_path(REVOKED), "check", None),
    "badge tampered": (lambda: badge_path(VALID), "check", "tampered"),
    "badge unreachable": (lambda: badge_path(VALID), "check", "no status list"),
    "verify idle": (lambda: verify_path(), None, None),
    "verify valid": (lambda: verify_path(), "choose", None),
    "verify other issuer": (lambda: verify_path(), "choose other", None),
    "verify error": (lambda: verify_path(), "empty", None),
}


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "phone"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("state", STATES)
def test_axe_finds_no_violation_in_any_state(visit, built, served, didkey_credentials, state, lang, viewport):
    path_of, action, host = STATES[state]
    path = path_of()
    if lang != LANGUAGES[0]:
        path = f"{lang}/{path}"
    if host == "tampered":
        tamper(served, VALID)
    elif host == "no status list":
        (served / "status" / "revocation.json").unlink()
    v = visit(served, viewport=viewport)
    page = v.open(path)
    if path.startswith(("badges/", f"{lang}/badges/")):
        page.locator("[data-check-now]").wait_for()  # made by verify.js once its texts have arrived
    if action == "check":
        v.check_now()
    elif action == "choose":
        choose(v, built / "badges" / VALID / "credential.json")
    elif action == "choose other":
        choose(v, didkey_credentials["signed"])
    elif action == "empty":
        page.click(".verify-form button[type=submit]")
        v.verdict()

    if viewport == MOBILE and action:
        v.shoot(f"{state.replace(' ', '-')}-{lang}-phone")
    assert v.axe() == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "scrolls sideways"


def test_the_check_strings_exist_in_every_language():
    """verify.js shows only strings the page hands it: every key it asks for must be in every i18n file."""
    script = (ROOT / "themes" / "default" / "static" / "verify.js").read_text(encoding="utf-8")
    # Whole keys as written, and the families it composes from a verdict or an error code.
    asked = {key for key in re.findall(r'"(check_[a-z_]+)"', script) if not key.endswith("_")}
    verdicts = ("valid", "invalid", "revoked", "suspended", "expired", "not_yet_valid")
    asked |= {f"check_verdict_{v}" for v in (*verdicts, "not_checked")} | {f"check_word_{v}" for v in verdicts}
    asked |= {f"check_error_{code}" for code in ("not_json", "not_object", "no_credential", "fetch_failed",
                                                 "unsupported")}
    for lang in LANGUAGES:
        strings = yaml.safe_load((ROOT / "themes" / "default" / "i18n" / f"{lang}.yaml").read_text(encoding="utf-8"))
        assert asked - set(strings) == set(), lang
    assert len(asked) > 20  # the pattern found the keys, not an empty set by accident


def test_the_badge_scripts_texts_are_in_every_languages_strings_json(built):
    """badge.js shows only texts of the page's verify/strings.json; so does verify.js on a badge page."""
    script = (ROOT / "themes" / "default" / "static" / "badge.js").read_text(encoding="utf-8")
    asked = set(re.findall(r"strings\.([a-z_]+)", script)) - {"json"}  # verify/strings.json, the file
    assert asked == {"print", "copy_link", "copy_done", "copy_failed", "bake_failed"}
    asked |= {"check_intro", "check_now", "check_checking", "check_again", "check_load_failed"}
    for lang in LANGUAGES:
        published = read_json(built / ("" if lang == LANGUAGES[0] else f"{lang}/") / "verify" / "strings.json")
        strings = yaml.safe_load((ROOT / "themes" / "default" / "i18n" / f"{lang}.yaml").read_text(encoding="utf-8"))
        assert {key: published.get(key) for key in asked} == {key: strings[key] for key in asked}, lang
