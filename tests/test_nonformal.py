"""Non-formal badges (`kind: non-formal`): extra-curricular learning that claims no recognition.

A non-formal badge awards no EC and names no quality assurance; its Achievement is a plain OB 3.0
"Badge" without credsite's EU terms; every page says what it is, in both languages; the registry
exports leave it out; and nothing lets one render or sign as a microcredential: the issuing side
and the build both refuse a credential whose achievement claims more than its course is.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

import pytest

from conftest import COURSE, COURSE_TEXT, ROOT, issue_api, learner, run
from generator.build.pipeline import build, check, load, verify
from generator.content.status import read_status_list
from generator.credentials import linked_data
from generator.credentials.proofs import sign_rdfc
from generator.issuing import issue as issuing
from generator.issuing.dates import iso
from generator.issuing.publishable import CredentialCheck
from generator.model import CourseFamily
from generator.site import documents

BADGE = "campus-volunteering"  # the test badge's slug
SHOTS = ROOT / "tests" / "_artifacts" / "screenshots"
LABELS = {"en": "Non-formal badge — not a recognised microcredential",
          "nl": "Niet-formele badge — geen erkende microcredential"}


def badge_text(slug: str = BADGE, **replace: str) -> str:
    """The test course made a non-formal badge: kind non-formal, 20 hours, no quality assurance."""
    text = COURSE_TEXT.format(slug=slug)
    text = text.replace("status: published\n", "status: published\nkind: non-formal\n")
    text = text.replace("  ects: 4\n  hours: 112\n", "  hours: 20\n")
    text = text.replace("quality_assurance:\n  framework: kwaliteitskader-ho\n  type: institutional\n", "")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def errors_of(root: Path) -> list[str]:
    content = check(root)
    return [str(p) for p in content.problems if p.is_error]


def main_text(page: str) -> str:
    """The visible text of a page's <main>, tags stripped."""
    main = page.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


# ---------------------------------------------------------------- the course file


def test_a_non_formal_badge_needs_no_credits_and_no_quality_assurance(make_site):
    root = make_site({f"content/courses/{BADGE}.md": badge_text()})
    content = check(root)
    assert content.ok, [str(p) for p in content.problems]
    badge = next(f.current for f in content.families if f.current.slug == BADGE)
    assert (badge.kind, badge.ects, badge.hours, badge.qa_framework) == ("non-formal", None, 20, "")
    # A microcredential's warning that recognition officers look for supervision does not apply.
    assert not [p for p in content.problems if p.path.endswith(f"{BADGE}.md")], [str(p) for p in content.problems]


def test_credits_on_a_non_formal_badge_fail_naming_the_field(make_site):
    root = make_site({f"content/courses/{BADGE}.md": badge_text(**{"  hours: 20\n": "  ects: 2\n  hours: 56\n"})})
    (error,) = errors_of(root)
    assert error.startswith(f"content/courses/{BADGE}.md:10: workload.ects: a non-formal badge awards no EC"), error
    assert "give the study load as 'hours:' only" in error


@pytest.mark.parametrize("swap,field,message", [
    ({"  hours: 20\n": "  hours:\n"}, "workload.hours", "missing; a non-formal badge gives its study load in hours"),
    ({"  hours: 20\n": "  hours: 0\n"}, "workload.hours", "0 hours is no study load"),
    ({"participation: [online]\n": "participation: [online]\nquality_assurance:\n  framework: kwaliteitskader-ho\n"},
     "quality_assurance", "a non-formal badge makes no claim of quality assurance"),
    ({"participation: [online]\n": "participation: [online]\nstackability:\n  stackable: true\n"},
     "stackability", "a non-formal badge cannot count towards a qualification"),
    ({"kind: non-formal\n": "kind: nonformal\n"}, "kind", "'nonformal'"),
], ids=["no-hours", "zero-hours", "quality-assurance", "stackability", "unknown-kind"])
def test_what_a_non_formal_badge_may_not_say(make_site, swap, field, message):
    root = make_site({f"content/courses/{BADGE}.md": badge_text(**swap)})
    errors = errors_of(root)
    assert any(f": {field}: " in e and message in e for e in errors), errors


def test_a_course_keeps_its_kind_in_every_version(make_site):
    root = make_site({f"content/courses/archive/{COURSE}/2025.1.md": badge_text(
        COURSE, **{'version: "2026.1"': 'version: "2025.1"', "status: published\n": "status: archived\n"})})
    (error,) = errors_of(root)
    assert error.startswith(f"content/courses/archive/{COURSE}/2025.1.md: kind: is 'non-formal', but the current "
                            f"file courses/{COURSE}.md is 'microcredential'"), error


# ---------------------------------------------------------------- the Achievement


@pytest.fixture
def badge_site(make_site, tmp_path):
    root = make_site({f"content/courses/{BADGE}.md": badge_text()})
    out = tmp_path / "out"
    result = build(root, out)
    assert result.ok, [str(p) for p in result.problems]
    return root, out


def test_the_achievement_is_a_badge_with_no_microcredential_claims(badge_site):
    _, out = badge_site
    doc = json.loads((out / f"achievements/{BADGE}/2026.1.json").read_text(encoding="utf-8"))
    assert doc["type"] == ["Achievement"] and doc["achievementType"] == "Badge"
    assert "creditsAvailable" not in doc
    # No credsite terms, so no inline context: only the two standard contexts.
    assert doc["@context"] == documents.OB_CONTEXTS
    text = json.dumps(doc)
    for claim in ("MicroCredential", "qualityAssurance", "creditSystem", "stackability", "ext:QualityAssurance"):
        assert claim not in text, claim
    assert LABELS["en"] in doc["criteria"]["narrative"] and "Study load: 20 hours." in doc["criteria"]["narrative"]
    assert linked_data.data_loss(doc) == []
    # The microcredential beside it is unchanged: still one, with its credits.
    micro = json.loads((out / f"achievements/{COURSE}/2026.1.json").read_text(encoding="utf-8"))
    assert micro["achievementType"] == "MicroCredential" and micro["creditsAvailable"] == 4.0


def test_the_registry_exports_leave_a_non_formal_badge_out(badge_site, make_site):
    root, out = badge_site
    assert not (out / f"elm/{BADGE}").exists() and (out / f"elm/{COURSE}/2026.1.jsonld").is_file()
    qdr = (out / "qdr/loq.xml").read_text(encoding="utf-8")
    assert f"/elm/{COURSE}/" in qdr and BADGE not in qdr
    index = json.loads((out / "elm/index.jsonld").read_text(encoding="utf-8"))
    assert BADGE not in json.dumps(index)


# ---------------------------------------------------------------- the pages


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_page_labels_it_and_none_calls_it_a_microcredential(badge_site, lang):
    root, out = badge_site
    prefix = "" if lang == "en" else "nl/"
    catalogue = (out / prefix / "index.html").read_text(encoding="utf-8")
    card = catalogue.split(f'data-slug="{BADGE}"', 1)[1].split("</li>", 1)[0]
    assert LABELS[lang] in card and 'data-kind="non-formal"' in catalogue.split(f'data-slug="{BADGE}"', 1)[1][:400]
    assert "pill-ects" not in card
    assert {"en": ">20 hours<", "nl": ">20 uur<"}[lang] in card
    # The catalogue can be filtered by kind, without JavaScript: a rule per kind hides the others.
    assert ('.catalogue:has(#f-kind-non-formal:checked) .course-card:not([data-kind~="non-formal"])'
            in catalogue)
    page = (out / prefix / f"courses/{BADGE}/index.html").read_text(encoding="utf-8")
    text = main_text(page)
    assert LABELS[lang] in text
    assert "microcredential" not in text.replace(LABELS[lang], "").lower(), text
    assert "EU standard elements" not in text and "Europese standaardelementen" not in text


def test_a_catalogue_of_microcredentials_alone_has_no_kind_filter(make_site, tmp_path):
    out = tmp_path / "out"
    assert build(make_site(), out).ok
    assert 'name="kind"' not in (out / "index.html").read_text(encoding="utf-8")


def test_the_badge_page_labels_it_in_both_languages(site, tmp_path):
    (site.root / f"content/courses/{BADGE}.md").write_text(badge_text(), encoding="utf-8")
    content = load(site.root, drafts=True)
    badge = issuing.course_version(content.families, BADGE)
    (issued,) = issuing.issue(content.site, badge, [learner(grade="7.5")], site.key)[0]
    subject = issued.document["credentialSubject"]
    assert subject["achievement"]["achievementType"] == "Badge" and "creditsEarned" not in subject
    assert "a non-formal badge of Test University" in issued.document["description"]
    out = tmp_path / "out"
    result = build(site.root, out)
    assert result.ok, [str(p) for p in result.problems]
    uid = issued.path.stem
    for lang, prefix in (("en", ""), ("nl", "nl/")):
        text = main_text((out / prefix / f"badges/{uid}/index.html").read_text(encoding="utf-8"))
        assert LABELS[lang] in text
        # The criteria, in the credential's own language (English here), carry the label too.
        rest = text.replace(LABELS[lang], "").replace(LABELS["en"], "").lower()
        assert "microcredential" not in rest, rest[rest.find("microcredential") - 300:][:600]
        assert ("has earned the non-formal badge" in text) if lang == "en" else ("heeft de niet-formele badge" in text)


# ---------------------------------------------------------------- it never signs or renders as a microcredential


def claiming(site, document: dict, index_key) -> dict:
    """`document` with its achievement claiming to be a microcredential, signed with the site's key."""
    claimed = json.loads(json.dumps(document))
    claimed["credentialSubject"]["achievement"]["achievementType"] = "MicroCredential"
    claimed.pop("proof")
    return sign_rdfc(claimed, site.key.private, index_key, iso(dt.datetime.now(dt.UTC)))


def test_issuing_refuses_a_credential_that_claims_microcredential_for_a_badge(site):
    (site.root / f"content/courses/{BADGE}.md").write_text(badge_text(), encoding="utf-8")
    content = load(site.root, drafts=True)
    badge = issuing.course_version(content.families, BADGE)
    (issued,) = issuing.issue(content.site, badge, [learner()], site.key)[0]
    method = issued.document["proof"][0]["verificationMethod"]
    status_list, _ = read_status_list(content.site)
    assert status_list is not None
    check_ = CredentialCheck(content.site, [CourseFamily(badge)], status_list.bits, dt.datetime.now(dt.UTC))
    assert check_.refusals(issued.document) == []  # as issued: a badge
    refusals = check_.refusals(claiming(site, issued.document, method))
    assert [r.field for r in refusals] == ["credentialSubject.achievement.id"], refusals
    assert f"claims the achievementType 'MicroCredential', but content/courses/{BADGE}.md is a non-formal badge" \
        in refusals[0].message


def test_the_build_refuses_a_microcredential_claim_for_a_badge_naming_the_file(site, tmp_path):
    (site.root / f"content/courses/{BADGE}.md").write_text(badge_text(), encoding="utf-8")
    content = load(site.root, drafts=True)
    badge = issuing.course_version(content.families, BADGE)
    (issued,) = issuing.issue(content.site, badge, [learner()], site.key)[0]
    claimed = claiming(site, issued.document, issued.document["proof"][0]["verificationMethod"])
    issued.path.write_text(json.dumps(claimed, indent=2), encoding="utf-8")
    result = build(site.root, tmp_path / "out")
    assert not result.ok
    (problem,) = [str(p) for p in result.problems if p.is_error]
    assert problem.startswith(f"content/issued/{issued.path.name}: NOT PUBLISHED: "
                              "credentialSubject.achievement.id: claims the achievementType 'MicroCredential'"), problem
    assert "put the kind back, or publish the other kind as a new course" in problem


def test_a_microcredential_turned_badge_in_place_takes_its_credentials_down(site, tmp_path):
    """Its credentials say MicroCredential; once the file says non-formal they would render as something the
    course no longer is. The build refuses them, naming each, until the kind is put back."""
    (issued,) = issue_api(site)
    course = site.root / f"content/courses/{COURSE}.md"
    course.write_text(badge_text(COURSE), encoding="utf-8")
    result = build(site.root, tmp_path / "out")
    (problem,) = [str(p) for p in result.problems if p.is_error]
    assert problem.startswith(f"content/issued/{issued.path.name}: NOT PUBLISHED: credentialSubject.achievement.id: "
                              "claims to be a MicroCredentialAchievement, but content/courses/"), problem
    assert not (tmp_path / "out" / "badges").exists()


# ---------------------------------------------------------------- the sample site


def test_the_sample_holds_a_non_formal_badge_and_a_credential_for_it():
    """So the sample shows one, and tests/test_interop.py checks its credential in both verifiers."""
    content = verify(load(ROOT))
    badges = [f.current for f in content.families if not f.current.is_microcredential]
    assert badges, "content/courses/ should hold a non-formal badge (kind: non-formal)"
    mine = [item for item in content.published if item.course in badges]
    assert mine and all(item.verdict.ok for item in mine)
    achievement = mine[0].credential.document["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "Badge"


def test_the_sample_catalogue_filters_by_kind_without_javascript(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    all_cards = page.locator(".course-card:visible").count()
    page.locator("label[for='f-kind-non-formal']").click()
    shown = page.locator(".course-card:visible")
    badges = shown.count()
    assert 0 < badges < all_cards
    assert all("non-formal" in (shown.nth(i).get_attribute("data-kind") or "") for i in range(badges))
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "catalogue-non-formal-nojs.png"), full_page=True)
    page.locator("label[for='f-kind-microcredential']").click()
    assert page.locator(".course-card:visible").count() == all_cards - badges
    context.close()


def test_check_reports_no_problem_of_the_sample_badge():
    content = check(ROOT)
    assert content.ok, [str(p) for p in content.problems if p.is_error]
    badge = next(f.current for f in content.families if not f.current.is_microcredential)
    assert not [str(p) for p in content.problems if p.path == badge.source]


def test_credsite_new_course_stays_a_microcredential(tmp_path):
    """The template of `credsite new course` says nothing of kind, so a new course is a microcredential."""
    result = run("init", str(tmp_path / "s"), "--institution", "Test", "--base-url", "https://t.example.org/",
                 "--languages", "en")
    assert result.exit_code == 0, result.output
    content = load(tmp_path / "s", drafts=True)
    assert all(f.current.kind == "microcredential" for f in content.families)

