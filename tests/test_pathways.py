"""Pathways (content/pathways/): course versions that together make a larger whole.

A pathway file is checked like a course file; it gets a page per language, an Achievement aligned
to its parts and a place on each part's course page; and `credsite issue --pathway` signs its
credential only for a learner who holds a valid credential for every part (matched by the salted
e-mail hash each credential stores), listing those credentials as evidence. The credential verifies
in the interop verifiers as every other does.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image
from test_interop import VERIFIERS, node, run_node  # noqa: F401  (node is a fixture)

from conftest import (
    COURSE,
    ROOT,
    course_text,
    issue_api,
    learner,
    loads_first,
    run,
    sample_secret,
    sample_site,
    site_yaml,
    write_files,
)
from generator import routes
from generator.build.pipeline import build, check, load, verify
from generator.commands.verify import verify_paths
from generator.credentials import linked_data
from generator.credentials.multikey import private_from_multibase
from generator.issuing import issue as issuing
from generator.issuing import keys
from generator.issuing.pathway import Outside, issue_pathway
from generator.site import badges, documents

PATHWAY = "sustainable-cities"  # the sample's
PARTS = ("data-literacy-for-policy", "circular-construction", "sustainable-urban-water-management")
BASE = "https://example-university.github.io/microcredentials/"


def pathway_text(slug: str = "testing-path", parts: str | None = None, **replace: str) -> str:
    text = f"""---
id: {slug}
version: "2026.1"
title: {{en: A Path Through Testing, nl: Een route door testen}}
summary: {{en: Two courses that make a whole., nl: Twee cursussen die samen een geheel vormen.}}
parts:
{parts if parts is not None else f'''  - course: {COURSE}
    version: "2026.1"
  - course: second-course
    version: "2026.1"'''}
---
Body.
"""
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def two_courses(**files: str) -> dict[str, str]:
    return {"content/courses/second-course.md": course_text("second-course"), **files}


def errors_of(root: Path) -> list[str]:
    return [str(p) for p in check(root).problems if p.is_error]


# ---------------------------------------------------------------- the pathway file


def test_a_pathway_names_course_versions(make_site):
    root = make_site(two_courses(**{"content/pathways/testing-path.md": pathway_text()}))
    content = check(root)
    assert content.ok, [str(p) for p in content.problems]
    (pathway,) = content.pathways
    assert [part.course.slug for part in pathway.parts if part.course] == [COURSE, "second-course"]
    assert pathway.ects == 8.0 and not pathway.ordered


@pytest.mark.parametrize("parts,field,message", [
    ("  - course: no-such-course\n    version: \"2026.1\"\n  - course: second-course\n    version: \"2026.1\"",
     "parts[0].course", "no course 'no-such-course' in content/courses/"),
    (f"  - course: {COURSE}\n    version: \"2024.9\"\n  - course: second-course\n    version: \"2026.1\"",
     "parts[0].version", f"'{COURSE}' has no version '2024.9'"),
    (f"  - course: {COURSE}\n    version: \"2026.1\"", "parts", "only 1 part"),
    (f"  - course: {COURSE}\n    version: \"2026.1\"\n  - course: {COURSE}\n    version: \"2026.1\"",
     "parts[1]", "is already part 1"),
    ("  - achievement: https://uni.example.org/mc/achievements/second-course/2026.1.json\n"
     "    title: Second course\n  - course: second-course\n    version: \"2026.1\"",
     "parts[0].achievement", "is an Achievement of this site"),
    ("  - achievement: https://other.example.net/a.json\n  - course: second-course\n    version: \"2026.1\"",
     "parts[0].title", "missing"),
    (f"  - course: {COURSE}\n  - course: second-course\n    version: \"2026.1\"",
     "parts[0].version", "missing; a pathway names course versions"),
], ids=["unknown-course", "unknown-version", "one-part", "twice", "own-site-by-url", "remote-without-title",
        "no-version"])
def test_mistakes_in_parts_name_the_field(make_site, parts, field, message):
    root = make_site(two_courses(**{"content/pathways/testing-path.md": pathway_text(parts=parts)}))
    errors = errors_of(root)
    assert any(e.startswith("content/pathways/testing-path.md:") and f": {field}: " in e and message in e
               for e in errors), errors


def test_a_part_whose_course_file_is_broken_leaves_the_error_to_that_file(make_site):
    """Found by tests/test_fuzz.py: 'no course X' was said of a course that is there, with a mistake."""
    broken = course_text("second-course").replace("id: second-course", "id: second-course\nunknown_field: 1")
    root = make_site(two_courses(**{"content/courses/second-course.md": broken,
                                    "content/pathways/testing-path.md": pathway_text()}))
    errors = errors_of(root)
    assert errors and all(e.startswith("content/courses/second-course.md:") for e in errors), errors


def test_a_pathway_cannot_take_a_course_slug(make_site):
    root = make_site(two_courses(**{f"content/pathways/{COURSE}.md": pathway_text(COURSE)}))
    (error,) = errors_of(root)
    assert f"content/pathways/{COURSE}.md:2: id: '{COURSE}' is also a course's id" in error, error


def test_a_published_pathway_cannot_need_a_draft(make_site, tmp_path):
    draft = course_text("second-course", **{"status: published": "status: draft"})
    root = make_site({"content/courses/second-course.md": draft,
                      "content/pathways/testing-path.md": pathway_text()})
    (error,) = errors_of(root)
    assert "parts[1].course: 'second-course' is a draft" in error, error
    (root / "content/pathways/testing-path.md").write_text(pathway_text(**{'version: "2026.1"\ntitle':
                                                                          'version: "2026.1"\nstatus: draft\ntitle'}))
    assert errors_of(root) == []
    result = build(root, tmp_path / "out")  # without --drafts neither is published
    assert result.ok and not (tmp_path / "out/pathways").exists()


# ---------------------------------------------------------------- what the sample publishes


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pathways") / "_site"
    result = build(ROOT, out)
    assert result.ok, [str(p) for p in result.problems]
    return out


def test_the_sample_pathway_has_three_courses():
    content = verify(load(ROOT))
    (pathway,) = [p for p in content.pathways if p.slug == PATHWAY]
    assert tuple(part.course.slug for part in pathway.parts if part.course) == PARTS


def test_its_achievement_is_aligned_to_its_parts(built):
    doc = json.loads((built / f"achievements/{PATHWAY}/2026.1.json").read_text(encoding="utf-8"))
    assert doc["achievementType"] == "LearningProgram" and doc["type"] == ["Achievement"]
    parts = [a for a in doc["alignment"] if a["targetType"] == documents.PART_TARGET_TYPE]
    assert [a["targetUrl"] for a in parts] == [f"{BASE}achievements/{slug}/2026.1.json" for slug in PARTS]
    assert [a["targetCode"] for a in parts] == ["1", "2", "3"]
    for part in parts:  # each part's Achievement is published beside it
        assert (built / part["targetUrl"].removeprefix(BASE)).is_file()
    assert doc["creditsAvailable"] == 22.0
    assert doc["criteria"]["id"] == f"{BASE}pathways/{PATHWAY}/"
    assert linked_data.data_loss(doc) == []
    index = json.loads((built / "achievements/index.json").read_text(encoding="utf-8"))
    assert doc["id"] in [a["id"] for a in index["@graph"]]


@pytest.mark.parametrize("lang,prefix,heading", [("en", "", "Part of a pathway"),
                                                 ("nl", "nl/", "Onderdeel van een leerroute")])
def test_its_page_and_its_parts_pages_link_each_other(built, lang, prefix, heading):
    page = (built / prefix / f"pathways/{PATHWAY}/index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page
    for slug in PARTS:
        assert f'href="../../courses/{slug}/"' in page
        course = (built / prefix / f"courses/{slug}/index.html").read_text(encoding="utf-8")
        assert heading in course and f'href="../../pathways/{PATHWAY}/"' in course
    assert f"pathways/{PATHWAY}/" in (built / "sitemap.xml").read_text(encoding="utf-8")


# ---------------------------------------------------------------- issuing


@pytest.fixture
def sample(tmp_path) -> SimpleNamespace:
    """A private copy of the sample site, with its TEST key to issue with."""
    root = sample_site(tmp_path)
    key = keys.SigningKey(private_from_multibase(sample_secret()))
    return SimpleNamespace(root=root, key=key, tmp=tmp_path)


def award(sample, *slugs: str, email: str = "ada@example.org", name: str = "Ada Lovelace") -> list[issuing.Issued]:
    content = load(sample.root, drafts=True)
    out = []
    for slug in slugs:
        course = issuing.course_version(content.families, slug)
        issued, problems = issuing.issue(content.site, course, [learner(name, email)], sample.key)
        assert not problems, [str(p) for p in problems]
        out += issued
    return out


def pathway_for(sample, email: str = "ada@example.org", name: str = ""):
    content = load(sample.root, drafts=True)
    (pathway,) = [p for p in content.pathways if p.slug == PATHWAY]
    return issue_pathway(content.site, content.families, pathway, learner(name, email), sample.key)


def test_two_of_three_parts_are_refused_naming_the_missing_one(sample):
    award(sample, PARTS[0], PARTS[2])
    before = sorted((sample.root / "content/issued").iterdir())
    issued, problems = pathway_for(sample)
    assert issued == []
    (problem,) = [str(p) for p in problems]
    assert problem.startswith("credsite issue: --email: ada@example.org holds no valid credential for part 2 of 3 "
                              f"of {PATHWAY}, 'Circular Construction in Practice' (circular-construction 2026.1)")
    assert "credsite issue --course circular-construction" in problem
    assert sorted((sample.root / "content/issued").iterdir()) == before  # nothing written


def test_with_all_three_it_is_issued_with_the_parts_as_evidence(sample, tmp_path):
    parts = award(sample, *PARTS)
    # The address as typed another day: the hash is of the lower-cased address, salted per credential.
    (issued,), problems = pathway_for(sample, email=" ADA@Example.org ")
    assert not problems, [str(p) for p in problems]
    doc = issued.document
    assert doc["credentialSubject"]["achievement"]["id"] == f"{BASE}achievements/{PATHWAY}/2026.1.json"
    assert doc["credentialSubject"]["identifier"][1]["identityHash"] == "Ada Lovelace"  # taken from the parts
    assert [e["id"] for e in doc["evidence"]] == [item.badge_url for item in parts]
    assert [e["name"] for e in doc["evidence"]] == ["Data Literacy for Policy Makers",
                                                    "Circular Construction in Practice",
                                                    "Sustainable Urban Water Management"]
    result = build(sample.root, tmp_path / "out")
    assert result.ok, [str(p) for p in result.problems]
    page = (tmp_path / "out" / f"badges/{issued.path.stem}/index.html").read_text(encoding="utf-8")
    assert "has completed the pathway" in page and "has earned the microcredential" not in page
    nl = (tmp_path / "out" / f"nl/badges/{issued.path.stem}/index.html").read_text(encoding="utf-8")
    assert "heeft de leerroute afgerond" in nl
    ours, problems = verify_paths([issued.path], sample.root)
    assert not problems and ours[0][1].status == "valid", ours


def test_a_baked_pathway_credential_holds_the_pathways_image_when_judged_while_rendering(sample, tmp_path,
                                                                                         monkeypatch):
    """A cold build judges its credentials where it renders them, before the site-wide files (a pathway's images
    among them) are made: what it bakes for a pathway credential must be what judging first bakes."""
    from generator.build import units

    award(sample, *PARTS)
    (issued,), problems = pathway_for(sample)
    assert not problems, [str(p) for p in problems]
    settings = sample.root / "content/site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "baked_images: build\n", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    said: list[str] = []
    assert build(sample.root, tmp_path / "streamed", progress=said.append).ok
    assert any("as they are rendered" in line for line in said)
    baked = tmp_path / "streamed" / "badges" / issued.path.stem
    (pathway,) = [p for p in load(sample.root).pathways if p.slug == PATHWAY]
    drawn = (tmp_path / "streamed" / routes.course_image(pathway, "badge.png")).read_bytes()
    assert pixels(baked / "badge.png") == pixels(drawn)  # the pathway's own image, baked
    assert badges.unbake_png((baked / "badge.png").read_bytes()) == issued.path.read_bytes()
    assert badges.unbake_svg((baked / "badge.svg").read_text(encoding="utf-8")) == issued.path.read_bytes()
    shutil.rmtree(sample.root / ".credsite-cache")
    monkeypatch.setattr(units.UnitCache, "key", lambda self, unit: "")  # every credential judged first
    loads_first(monkeypatch)  # and loaded before that
    said.clear()
    assert build(sample.root, tmp_path / "first", progress=said.append).ok
    assert not any("as they are rendered" in line for line in said)
    for name in ("badge.png", "badge.svg"):
        assert (baked / name).read_bytes() == (tmp_path / "first" / "badges" / issued.path.stem / name).read_bytes()


def pixels(png: Path | bytes) -> bytes:
    image = Image.open(io.BytesIO(png if isinstance(png, bytes) else png.read_bytes()))
    return image.convert("RGBA").tobytes()


def test_a_revoked_part_does_not_count(sample):
    first, *_ = award(sample, *PARTS)
    result = run("revoke", first.credential_id, "--reason", "test", "--yes", "--source", sample.root,
                 "--key", write_key(sample))
    assert result.exit_code == 0, result.output
    issued, problems = pathway_for(sample)
    (problem,) = [str(p) for p in problems]
    assert issued == [] and "part 1 of 3" in problem and "that part: revoked" in problem


def test_another_learners_credentials_do_not_count(sample):
    award(sample, *PARTS, email="grace@example.org", name="Grace Hopper")
    issued, problems = pathway_for(sample, email="ada@example.org", name="Ada Lovelace")
    assert issued == [] and len(problems) == 3
    assert all("holds no valid credential for part" in p.message and "that part" not in p.message for p in problems)


def write_key(sample) -> Path:
    path = sample.tmp / "keys" / "sample-key.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "tests/fixtures/TEST-ONLY-sample-signing-key.json", path)
        path.chmod(0o600)
    return path


def test_the_command_line_refuses_and_then_issues(sample):
    award(sample, PARTS[0], PARTS[1])
    args = ["issue", "--pathway", PATHWAY, "--email", "ada@example.org", "--source", sample.root,
            "--key", write_key(sample), "--mail-merge", sample.tmp / "mail.csv"]
    refused = run(*args)
    assert refused.exit_code == 1 and "part 3 of 3" in refused.stderr and "nothing was issued" in refused.stderr
    assert run(*args[:5], "--grade", "8", *args[5:]).exit_code != 0
    award(sample, PARTS[2])
    done = run(*args)
    assert done.exit_code == 0, done.output
    assert "Ada Lovelace <ada@example.org>: https://" in done.stdout


# ---------------------------------------------------------------- a part from another site


@pytest.fixture
def other(tmp_path) -> SimpleNamespace:
    """A second credsite site, with a course and a key of its own, and one credential for Ada."""
    key = keys.generate(tmp_path / "keys" / "other.json", tmp_path / "other")
    root = write_files(tmp_path / "other", {
        "content/site.yaml": site_yaml(("k1", key, "active"), base_url="https://other.example.net/mc/"),
        f"content/courses/{COURSE}.md": course_text()})
    other = SimpleNamespace(root=root, key=key)
    (issued,) = issue_api(other, learner("Ada Lovelace", "ada@example.org"))
    other.credential = issued.path
    return other


def remote_pathway(site_root: Path) -> None:
    (site_root / "content/pathways").mkdir(parents=True, exist_ok=True)
    (site_root / "content/pathways/testing-path.md").write_text(pathway_text(parts=(
        f"  - course: {COURSE}\n    version: \"2026.1\"\n"
        f"  - achievement: https://other.example.net/mc/achievements/{COURSE}/2026.1.json\n"
        "    title: {en: Testing at the Other University}")), encoding="utf-8")


def test_a_part_from_another_site_counts_when_that_site_signed_it(site, other, tmp_path):
    remote_pathway(site.root)
    issue_api(site, learner("Ada Lovelace", "ada@example.org"))
    content = load(site.root, drafts=True)
    (pathway,) = content.pathways
    assert pathway.ects is None  # the other site's credits are not known here
    (report,), problems = verify_paths([other.credential], other.root)
    assert not problems and report[1].status == "valid"
    mine = Outside(other.credential, json.loads(other.credential.read_text()), report[1].status)
    (issued,), problems = issue_pathway(content.site, content.families, pathway, learner("", "ada@example.org"),
                                        site.key, [mine])
    assert not problems, [str(p) for p in problems]
    assert issued.document["evidence"][1]["id"] == json.loads(other.credential.read_text())["id"]
    page = build(site.root, tmp_path / "out")
    assert page.ok, [str(p) for p in page.problems]


def test_a_part_from_another_site_signed_by_someone_else_does_not_count(site, other):
    """Anyone can sign a credential naming any Achievement: only the site that publishes it counts for it."""
    remote_pathway(site.root)
    issue_api(site, learner("Ada Lovelace", "ada@example.org"))
    forged = json.loads(other.credential.read_text())
    forged["issuer"]["id"] = "did:web:forger.example.com"
    content = load(site.root, drafts=True)
    (pathway,) = content.pathways
    issued, problems = issue_pathway(content.site, content.families, pathway, learner("", "ada@example.org"),
                                     site.key, [Outside(other.credential, forged, "valid")])
    assert issued == [] and "part 2 of 2" in str(problems[0]) and "--part-credential" in problems[0].fix


def test_the_command_line_checks_a_part_from_another_site(site, other):
    remote_pathway(site.root)
    issue_api(site, learner("Ada Lovelace", "ada@example.org"))
    base = ["issue", "--pathway", "testing-path", "--email", "ada@example.org", "--source", site.root,
            "--key", site.key_path, "--mail-merge", site.tmp / "mail.csv"]
    unchecked = run(*base, "--part-credential", other.credential)  # without its site, it cannot be checked
    assert unchecked.exit_code == 1 and "part 2 of 2" in unchecked.stderr and "not checked" in unchecked.stderr
    done = run(*base, "--part-credential", other.credential, "--part-site", other.root)
    assert done.exit_code == 0, done.output


# ---------------------------------------------------------------- interop


@pytest.fixture
def issued_pathway(sample, tmp_path) -> tuple[Path, Path]:
    award(sample, *PARTS)
    (issued,), problems = pathway_for(sample)
    assert not problems
    out = tmp_path / "out"
    result = build(sample.root, out)
    assert result.ok, [str(p) for p in result.problems]
    return issued.path, out


@pytest.mark.parametrize("verifier", VERIFIERS)
def test_the_pathway_credential_verifies_in_the_interop_verifiers(node, issued_pathway, verifier):  # noqa: F811
    credential, out = issued_pathway
    published = out / routes.credential_json(credential.stem)
    reports = run_node(node, VERIFIERS[verifier], [credential, published], before=(out,))
    for path, report in reports.items():
        assert report["verified"], (verifier, path, report["error"])
        assert report["statusChecked"] and not report["revoked"], report


def test_a_pathway_credential_is_reissued_with_a_new_key(sample):
    """After a key change `credsite reissue --all` signs every credential again as the build would publish it,
    the pathway's among them: its pathway counts as published there too."""
    award(sample, *PARTS)
    (issued,), problems = pathway_for(sample)
    assert not problems
    new = keys.generate(sample.tmp / "keys" / "new.json", sample.root)
    settings = sample.root / "content/site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("status: active", "status: retired")
                        + f"  - id: key-new\n    public_key: {new.public_multibase}\n    status: active\n",
                        encoding="utf-8")
    result = run("reissue", "--all", "--source", sample.root, "--key", sample.tmp / "keys" / "new.json")
    assert result.exit_code == 0, result.output
    again = json.loads(issued.path.read_text(encoding="utf-8"))
    assert again["id"] == issued.credential_id and again["proof"][0]["verificationMethod"].endswith("#key-new")


def test_a_pathway_achievement_that_would_lose_data_fails_build_and_check(make_site, tmp_path, monkeypatch):
    """A pathway's Achievement gets the data-loss check every course's Achievement gets."""
    from generator.site import documents

    made = documents.pathway_achievement

    def broken(*args, **kwargs):
        body = made(*args, **kwargs)
        return {**body, "id": "pathways/relative-id"}  # a relative IRI: JSON-LD would resolve it elsewhere

    monkeypatch.setattr(documents, "pathway_achievement", broken)
    root = make_site(two_courses(**{"content/pathways/testing-path.md": pathway_text()}))
    for result in (build(root, tmp_path / "_site"), check(root)):
        lost = [p for p in result.problems if "Achievement JSON-LD" in p.message]
        assert lost and lost[0].path == "content/pathways/testing-path.md", [str(p) for p in result.problems]


def test_check_counts_the_pathways_it_checked(tmp_path):
    result = run("check", "--source", sample_site(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert re.search(r"\d+ course\(s\), 1 pathway\(s\) and \d+ credential\(s\) checked, no errors", result.stderr)
