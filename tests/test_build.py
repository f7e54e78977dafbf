"""Whole-site builds: outputs, determinism, atomicity, theme overrides."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, VENDOR, course_text, sample_site, tree
from generator.build import pipeline, writer
from generator.build.pipeline import build, check
from generator.commands.cli import cli
from generator.credentials.linked_data import data_loss


def test_sample_site_builds_without_errors(tmp_path):
    result = build(ROOT, tmp_path / "out")
    assert result.ok, [str(p) for p in result.problems]
    out = tree(tmp_path / "out")
    for name in ["index.html", "nl/index.html", "404.html", "sitemap.xml", "robots.txt", "feed.xml",
                 "nl/feed.xml", "issuer.json", "achievements/index.json", "ns/credsite-v1.jsonld",
                 "static/site.css", ".nojekyll",
                 "courses/ai-in-healthcare-practice/index.html",
                 "courses/ai-in-healthcare-practice/2026.1/index.html",
                 "courses/ai-in-healthcare-practice/2025.1/index.html",
                 "nl/courses/ai-in-healthcare-practice/2025.1/index.html",
                 "achievements/ai-in-healthcare-practice/2025.1.json",
                 "achievements/ai-in-healthcare-practice/2026.1.json"]:
        assert name in out, name


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert build(ROOT, tmp_path / "a").ok
    assert build(ROOT, tmp_path / "b").ok
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert a.keys() == b.keys()
    assert [n for n in a if a[n] != b[n]] == []


def test_worker_processes_build_exactly_what_one_process_builds(tmp_path, monkeypatch):
    # The sample site is too small for the worker pool; force it, and its
    # batching, for both stages (verifying and rendering) and compare.
    from generator.build import issued, units

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert build(sample_site(tmp_path, "one"), tmp_path / "serial").ok
    monkeypatch.setattr(units, "PARALLEL_FROM", 1)
    monkeypatch.setattr(units, "BATCH", 2)
    monkeypatch.setattr(issued, "PARALLEL_FROM", 1)
    assert build(sample_site(tmp_path, "two"), tmp_path / "pool").ok
    a, b = tree(tmp_path / "serial"), tree(tmp_path / "pool")
    assert a.keys() == b.keys()
    assert [n for n in a if a[n] != b[n]] == []


def test_source_date_epoch_sets_feed_time(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build(ROOT, tmp_path / "a")
    assert "<updated>2026-01-01T00:00:00+00:00</updated>" in (tmp_path / "a/feed.xml").read_text()
    # Every file and folder carries that time, so a tar or zip of the output is reproducible too.
    times = {p.stat().st_mtime for p in [tmp_path / "a", *(tmp_path / "a").rglob("*")]}
    assert times == {1767225600}


def test_failed_build_leaves_previous_output_untouched(make_site, tmp_path):
    site = make_site()
    out = tmp_path / "out"
    assert build(site, out).ok
    before = tree(out)
    (site / "content/courses/testing-things.md").write_text(
        course_text(**{"  ects: 4": "  ects: 40"}), encoding="utf-8")
    result = build(site, out)
    assert not result.ok and not result.written
    assert tree(out) == before


def test_crash_while_writing_leaves_previous_output_untouched(make_site, tmp_path, monkeypatch):
    site = make_site()
    out = tmp_path / "out"
    assert build(site, out).ok
    before = tree(out)
    (site / "content/courses/testing-things.md").write_text(
        course_text(**{"  ects: 4": "  ects: 5", "  hours: 112": "  hours: 140"}), encoding="utf-8")
    real = writer.Files.put
    calls = {"n": 0}

    def failing(files, name, data):
        calls["n"] += 1
        if calls["n"] == 5:  # half-way through the output
            raise OSError(28, "No space left on device")
        return real(files, name, data)

    monkeypatch.setattr(writer.Files, "put", failing)
    with pytest.raises(OSError):
        build(site, out)
    monkeypatch.setattr(writer.Files, "put", real)
    assert tree(out) == before
    leftovers = [p.name for p in out.parent.iterdir() if p.name.startswith(".out.")]
    assert leftovers == []


def units_cache(site: Path):
    """The unit cache as the next build would read it (the build cache's "units" section)."""
    from generator.build.store import Store

    with Store(site, writable=False) as store:
        return store.read("units")


def forget_manifest(site: Path) -> None:
    """Make the next build look further than its manifest."""
    from generator.build import manifest
    from generator.build.store import Store

    with Store(site) as store:
        manifest.forget(store)


def test_unit_cache_is_saved_only_with_a_published_output(make_site, tmp_path, monkeypatch):
    # The cache says which files the output holds for which inputs; saved for an
    # output that never got published, it would make the next build reuse stale files.
    site = make_site()
    out = tmp_path / "out"
    assert build(site, out).ok
    cache_before = units_cache(site)
    assert cache_before.meta["output"] and cache_before.tables["units"]
    (site / "content/courses/testing-things.md").write_text(
        course_text(**{"  ects: 4": "  ects: 5", "  hours: 112": "  hours: 140"}), encoding="utf-8")

    def failing(self):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(writer.Staging, "publish", failing)
    with pytest.raises(OSError):
        build(site, out)
    # Dropped before publishing (a publish may get halfway), never replaced by the unpublished one.
    cache_after = units_cache(site)
    assert cache_after.tables == cache_before.tables and "output" not in cache_after.meta
    monkeypatch.undo()
    assert build(site, out).ok
    [achievement] = (out / "achievements/testing-things").glob("*.json")
    assert json.loads(achievement.read_text())["creditsAvailable"] == 5.0


def test_leftovers_of_interrupted_builds_are_cleared(tmp_path):
    import os
    import time

    out = tmp_path / "out"
    writer.write_site({"a.txt": b"1"}, out)
    for name in (".out.old-crashed", ".out.new-abandoned", ".out.new-running"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "f.txt").write_bytes(b"x")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(tmp_path / ".out.new-abandoned", (two_days_ago, two_days_ago))
    writer.write_site({"a.txt": b"2"}, out)
    deadline = time.monotonic() + 20  # removal runs in a detached process
    while time.monotonic() < deadline and sorted(p.name for p in tmp_path.iterdir()) != [".out.new-running", "out"]:
        time.sleep(0.1)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.new-running", "out"]
    assert tree(out) == {"a.txt": b"2"}


def test_swap_replaces_output_and_removes_stale_files(tmp_path):
    out = tmp_path / "out"
    writer.write_site({"a.txt": b"1", "old.txt": b"x"}, out)
    writer.write_site({"a.txt": b"2"}, out)
    assert tree(out) == {"a.txt": b"2"}


def test_a_staging_folder_flushed_ahead_still_publishes_whole_and_only_after_a_last_sync(tmp_path, monkeypatch):
    import os
    import threading

    synced: list[tuple[str, bool]] = []  # which thread synced, and whether the output was there yet
    out = tmp_path / "out"
    monkeypatch.setattr(os, "sync", lambda: synced.append((threading.current_thread().name, out.exists())))
    with writer.staging(out) as stage:
        stage.write("a.txt", b"1")
        stage.flush_ahead()
        stage.flush_ahead()  # once is enough
        stage.write("b/c.txt", b"2")  # written after: the last sync takes it
        stage.publish()
    assert tree(out) == {"a.txt": b"1", "b/c.txt": b"2"}
    assert synced == [("credsite-flush-ahead", False), (threading.current_thread().name, False)]


def test_refuses_to_build_into_the_source_folder(make_site):
    site = make_site()
    result = build(site, site)
    assert not result.ok
    assert "the output folder contains the site's own files" in str(result.problems[0])
    assert (site / "content/site.yaml").exists()


@pytest.mark.parametrize("target,message", [
    ("content", "inside the site's content/ folder"),
    ("content/courses", "inside the site's content/ folder"),
    ("content/new-output", "inside the site's content/ folder"),
    ("themes", "inside the site's themes/ folder"),
    ("README.md", "is a file, not a folder"),
    ("docs", "is a folder with other files in it"),
])
def test_refuses_an_output_that_publishing_would_destroy(make_site, target, message):
    site = make_site({"README.md": "# Our site\n", "docs/guide.md": "Read me.\n"})
    before = tree(site)
    result = CliRunner().invoke(cli, ["build", "--source", str(site), "--output", str(site / target)])
    assert result.exit_code == 1, result.output
    assert message in result.stderr and "--output" in result.stderr
    after = {name: data for name, data in tree(site).items() if not name.startswith(".credsite-cache/")}
    assert after == before  # nothing moved, replaced or added


def test_refuses_an_earlier_output_that_is_a_git_worktree(make_site, tmp_path):
    site, out = make_site(), tmp_path / "gh-pages"
    assert build(site, out).ok
    (out / ".git").write_text("gitdir: /somewhere/.git/worktrees/gh-pages\n")
    result = build(site, out)
    assert not result.ok and "holds a .git folder" in str(result.problems[0])
    assert (out / ".git").read_text().startswith("gitdir:")


def test_builds_into_a_new_an_empty_or_its_own_earlier_folder(make_site, tmp_path):
    site = make_site()
    (tmp_path / "empty").mkdir()
    for out in (tmp_path / "new", tmp_path / "empty", tmp_path / "new", site / "_site"):
        assert build(site, out).ok


def test_site_theme_overrides_template_asset_and_string(make_site, tmp_path):
    site = make_site({
        "themes/campus/templates/404.html":
            '{% extends "default/404.html" %}{% block main %}<p>Lost on campus</p>{{ super() }}{% endblock %}',
        "themes/campus/static/site.css": "body { background: hotpink; }\n",
        "themes/campus/i18n/en.yaml": "catalogue: Our microcredentials\n",
    })
    yaml_path = site / "content/site.yaml"
    yaml_path.write_text(yaml_path.read_text().replace("theme: default", "theme: campus"))
    out = tmp_path / "out"
    assert build(site, out).ok
    assert "Lost on campus" in (out / "404.html").read_text()
    assert "Page not found" in (out / "404.html").read_text()  # the original block still renders
    assert (out / "static/site.css").read_text() == "body { background: hotpink; }\n"
    assert (out / "static/filter.js").exists()  # not overridden: comes from the default theme
    assert "<h1>Our microcredentials</h1>" in (out / "index.html").read_text()
    assert "<h1>Cursusaanbod</h1>" in (out / "nl/index.html").read_text()


def test_unknown_theme_is_an_error(make_site):
    site = make_site()
    yaml_path = site / "content/site.yaml"
    yaml_path.write_text(yaml_path.read_text().replace("theme: default", "theme: nowhere"))
    problems = [str(p) for p in check(site).problems]
    assert problems == ["content/site.yaml:10: theme: no folder themes/nowhere/; create themes/nowhere/ "
                        "(its files override the default theme) or use 'theme: default'"]


def test_drafts_are_left_out_unless_asked(make_site, tmp_path):
    site = make_site({"content/courses/draft-course.md":
                      course_text("draft-course", **{"status: published": "status: draft"})})
    assert build(site, tmp_path / "a").ok
    assert not (tmp_path / "a/courses/draft-course").exists()
    assert build(site, tmp_path / "b", drafts=True).ok
    assert (tmp_path / "b/courses/draft-course/index.html").exists()


def test_sub_path_base_url_gives_relative_links_and_absolute_canonicals(make_site, tmp_path):
    out = tmp_path / "out"
    assert build(make_site(), out).ok
    html = (out / "courses/testing-things/index.html").read_text()
    assert '<link rel="canonical" href="https://uni.example.org/mc/courses/testing-things/">' in html
    assert 'href="../../static/site.css?v=' in html
    assert '<link rel="alternate" hreflang="nl" href="https://uni.example.org/mc/nl/courses/testing-things/">' in html


def test_base_url_option_overrides_site_yaml(make_site, tmp_path):
    out = tmp_path / "out"
    assert build(make_site(), out, base_url="https://other.example/x").ok
    doc = json.loads((out / "achievements/testing-things/2026.1.json").read_text())
    assert doc["id"] == "https://other.example/x/achievements/testing-things/2026.1.json"


def test_base_url_option_rebuilds_what_the_last_build_made_with_another(make_site, tmp_path):
    site, out = make_site(), tmp_path / "out"
    assert build(site, out).ok
    result = build(site, out, base_url="https://other.example/x")
    assert result.written and not result.up_to_date
    doc = json.loads((out / "achievements/testing-things/2026.1.json").read_text())
    assert doc["id"] == "https://other.example/x/achievements/testing-things/2026.1.json"


def test_an_unchanged_site_leaves_its_output_alone(tmp_path):
    site, out = sample_site(tmp_path), tmp_path / "out"
    first = build(site, out)
    assert first.written
    before, inode = tree(out), out.stat().st_ino
    again = build(site, out)
    assert again.ok and again.up_to_date and not again.written
    assert again.count == len(first.files) == first.count
    assert out.stat().st_ino == inode  # not even swapped
    assert tree(out) == before


def test_the_cli_says_when_nothing_changed(tmp_path):
    site = sample_site(tmp_path)
    assert CliRunner().invoke(cli, ["build", "--source", str(site)]).exit_code == 0
    result = CliRunner().invoke(cli, ["build", "--source", str(site)])
    assert result.exit_code == 0
    assert re.search(r"_site is up to date \(\d+ files, nothing changed\)", result.stderr)


@pytest.mark.parametrize("change", ["removed credential", "deleted output file", "edited output-wide input",
                                    "new build time", "changed status list"])
def test_any_change_makes_a_real_build(tmp_path, monkeypatch, change):
    site, out = sample_site(tmp_path), tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert build(site, out).written
    victim = sorted((site / "content/issued").glob("*.json"))[0]
    if change == "removed credential":
        victim.unlink()
    elif change == "deleted output file":  # noticed by a build that does not trust its manifest
        (out / "sitemap.xml").unlink()
        forget_manifest(site)
    elif change == "edited output-wide input":
        (site / "themes/default/static/site.css").write_text("body { color: red }\n")
    elif change == "new build time":
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")
    else:
        status = site / "content/status/revocation.json"
        status.write_bytes(status.read_bytes().replace(b"\n", b"\n\n", 1))
    result = build(site, out)
    assert result.ok and result.written and not result.up_to_date
    assert tree(out) == tree(build_fresh(site, tmp_path / "fresh"))


def build_fresh(site: Path, out: Path) -> Path:
    """The same site built into an empty folder: what an incremental build must equal."""
    from generator.build.store import Store

    with Store(site) as store:  # no unit of the last output may be taken
        store.forget("units", "output")
    assert build(site, out).written
    return out


def retitle(site: Path, title: str) -> None:
    settings = site / "content/site.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r"(?m)^(title:\s*\{?\s*en:\s*)[^,}\n]+", rf"\g<1>{title}", text, count=1),
                        encoding="utf-8")


def test_one_source_built_into_two_folders_keeps_both_right(tmp_path, monkeypatch):
    # The unit cache lives with the source; it must not vouch for a folder it does not describe.
    site, a, b = sample_site(tmp_path), tmp_path / "a", tmp_path / "b"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert build(site, a).written
    retitle(site, "Retitled Microcredentials")
    assert build(site, b).written
    result = build(site, a)
    assert result.ok and result.written and not result.up_to_date
    assert b"Retitled Microcredentials" in (a / "index.html").read_bytes()
    assert tree(a) == tree(b) == tree(build_fresh(site, tmp_path / "fresh"))


def test_a_build_that_dies_after_publishing_leaves_no_stale_cache(tmp_path, monkeypatch):
    from generator.build import units

    site, out = sample_site(tmp_path), tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert build(site, out).written
    original = (site / "content/site.yaml").read_text(encoding="utf-8")
    retitle(site, "Retitled Microcredentials")

    def killed(self, output):
        raise KeyboardInterrupt  # the process ends between publishing and saving its cache

    monkeypatch.setattr(units.UnitCache, "save", killed)
    with pytest.raises(KeyboardInterrupt):
        build(site, out)
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert b"Retitled Microcredentials" in (out / "index.html").read_bytes()  # it did publish
    (site / "content/site.yaml").write_text(original, encoding="utf-8")
    result = build(site, out)
    assert result.ok and result.written and not result.up_to_date
    assert tree(out) == tree(build_fresh(site, tmp_path / "fresh"))


def test_upgrading_a_library_rebuilds_everything(tmp_path, monkeypatch):
    from generator.build import identity

    versions = identity.dependency_versions()
    assert re.search(r"(^| )jinja2==\d", versions) and re.search(r"(^| )zxing-cpp==\d", versions), versions
    site, out = sample_site(tmp_path), tmp_path / "out"
    assert build(site, out).written
    monkeypatch.setattr(identity, "dependency_versions", lambda: versions.replace("jinja2==", "jinja2==9"))
    result = build(site, out)
    assert result.written and not result.up_to_date and result.files


def test_achievement_document(make_site, tmp_path):
    out = tmp_path / "out"
    assert build(make_site(), out).ok
    doc = json.loads((out / "achievements/testing-things/2026.1.json").read_text())
    assert doc["type"] == ["Achievement", "MicroCredentialAchievement"]
    assert doc["achievementType"] == "MicroCredential"
    assert doc["creditsAvailable"] == 4.0
    assert doc["studyLoadHours"] == 112
    assert doc["inLanguage"] == "en"
    assert doc["criteria"]["id"] == "https://uni.example.org/mc/courses/testing-things/2026.1/"
    targets = {a["targetType"]: a["targetUrl"] for a in doc["alignment"]}
    assert targets["ext:EQFLevel"] == "http://data.europa.eu/snb/eqf/6"
    assert targets["ext:ISCEDF"] == "http://data.europa.eu/snb/isced-f/0613"
    assert doc["resultDescription"][0]["requiredValue"] == "5.5"

    def types_are_arrays(node):
        if isinstance(node, dict):
            if "type" in node and node.get("type") not in ("IdentifierEntry", "Image"):
                assert isinstance(node["type"], list), node
            for key, value in node.items():
                if key != "@context":  # an inline context defines the term "type"; it is no node
                    types_are_arrays(value)
        elif isinstance(node, list):
            for value in node:
                types_are_arrays(value)

    types_are_arrays(doc)


def test_every_published_json_ld_document_expands_without_loss(tmp_path, no_network):
    out = tmp_path / "out"
    assert build(ROOT, out).ok
    documents = sorted(out.glob("achievements/**/*.json")) + [out / "issuer.json"]
    assert len(documents) >= 7
    for path in documents:
        assert data_loss(json.loads(path.read_text())) == [], path


def test_data_loss_detects_an_undefined_term():
    doc = {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:x", "type": ["Thing"],
           "madeUpTerm": "x"}
    losses = data_loss(doc)
    assert any("madeUpTerm" in loss for loss in losses)


def test_achievement_passes_the_ob3_json_schema(tmp_path):
    import jsonschema

    schema = json.loads((VENDOR / "schemas/ob_v3p0_achievementcredential_schema.json").read_text())
    out = tmp_path / "out"
    assert build(ROOT, out).ok
    achievement_schema = {"$schema": schema.get("$schema"), "$defs": schema["$defs"],
                          "$ref": "#/$defs/Achievement"}
    validator = jsonschema.Draft201909Validator(achievement_schema) \
        if "2019-09" in str(schema.get("$schema")) else jsonschema.validators.validator_for(schema)(achievement_schema)
    for path in sorted(out.glob("achievements/*/*.json")):
        doc = json.loads(path.read_text())
        doc.pop("@context")
        errors = [e.message for e in validator.iter_errors(doc)]
        assert errors == [], (path, errors)


def test_extension_context_covers_every_vocabulary_token():
    from generator.content import vocab
    from generator.credentials.linked_data import extension_context

    scoped = extension_context()["@context"]["MicroCredentialAchievement"]["@context"]
    assert set(scoped["participationMode"]["@context"]) == set(vocab.PARTICIPATION_MODES)
    assert set(scoped["assessmentType"]["@context"]) == set(vocab.ASSESSMENT_TYPES)
    assert set(scoped["supervision"]["@context"]) == set(vocab.SUPERVISION)
    assert set(scoped["gradingScale"]["@context"]) == set(vocab.GRADING_SCALES)
    for token, concept in vocab.ASSESSMENT_TYPES.items():
        assert scoped["assessmentType"]["@context"][token] == concept.uri


def test_course_page_shows_every_eu_element(make_site, tmp_path):
    out = tmp_path / "out"
    assert build(make_site(), out).ok
    html = (out / "courses/testing-things/index.html").read_text()
    for text in ["Testing Things Well", "Test University", "Netherlands", "4 EC (112 hours of study)",
                 "EQF level 6", "Write tests that can fail.", "Written examination", "Online",
                 "Institutional", "Supervised, with identity check", "Dutch grading scale",
                 "This is a stand-alone microcredential.", "English"]:
        assert text in html, text
    assert '<script type="application/ld+json">' in html
    schema_org = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(schema_org)["@type"] == "Course"
    assert '<meta property="og:title" content="Testing Things Well · Test Microcredentials">' in html


def test_archived_version_page_points_to_current(tmp_path):
    out = tmp_path / "out"
    assert build(ROOT, out).ok
    html = (out / "courses/ai-in-healthcare-practice/2025.1/index.html").read_text()
    assert "You are viewing version 2025.1, which has been replaced." in html
    assert 'href="../">See the current version</a>' in html
    doc = json.loads((out / "achievements/ai-in-healthcare-practice/2025.1.json").read_text())
    assert doc["version"] == "2025.1"
    assert doc["creditsAvailable"] == 5.0


def test_sitemap_feed_and_robots(tmp_path):
    from xml.etree import ElementTree as ET

    out = tmp_path / "out"
    assert build(ROOT, out).ok
    sitemap = ET.parse(out / "sitemap.xml").getroot()
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example-university.github.io/microcredentials/nl/courses/circular-construction/" in locs
    assert len(locs) == len(set(locs))
    feed = ET.parse(out / "nl/feed.xml").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert "Circulair bouwen in de praktijk" in titles
    assert (out / "robots.txt").read_text().endswith(
        "Sitemap: https://example-university.github.io/microcredentials/sitemap.xml\n")


def test_no_page_references_another_origin(tmp_path):
    """No CDN, web font or analytics: every src and stylesheet href is relative."""

    out = tmp_path / "out"
    assert build(ROOT, out).ok
    for page in out.rglob("*.html"):
        html = page.read_text()
        for attr in re.findall(r'(?:src|href)="([^"]+)"', html):
            if attr.startswith("http"):
                # absolute links are allowed for canonical/alternate metadata and plain <a> links only
                assert re.search(rf'<(a|link rel="(canonical|alternate)")[^>]*"{re.escape(attr)}"', html), \
                    (page, attr)


def test_cli_build_and_new_course(tmp_path):
    runner = CliRunner()
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content/site.yaml").write_text((ROOT / "content/site.yaml").read_text())
    result = runner.invoke(cli, ["new", "course", "my-course", "--source", str(site)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(cli, ["check", "--source", str(site)]).exit_code == 0
    again = runner.invoke(cli, ["new", "course", "my-course", "--source", str(site)])
    assert again.exit_code == 1 and "already exists" in again.stderr
    result = runner.invoke(cli, ["build", "--source", str(site), "--drafts"])
    assert result.exit_code == 0, result.stderr
    assert (site / "_site/courses/my-course/index.html").exists()


def test_publishing_the_untouched_course_template_names_every_example_left(tmp_path):
    runner = CliRunner()
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content/site.yaml").write_text((ROOT / "content/site.yaml").read_text())
    assert runner.invoke(cli, ["new", "course", "my-course", "--source", str(site)]).exit_code == 0
    course = site / "content/courses/my-course.md"
    course.write_text(course.read_text().replace("status: draft ", "status: published"))
    result = runner.invoke(cli, ["check", "--source", str(site)])
    assert result.exit_code == 1
    fields = re.findall(r"^content/courses/my-course\.md:\d+: ([\w.\[\]]+): (?:is still the course template's "
                        r"example|the '\w+' description is still)", result.stderr, flags=re.M)
    assert fields == ["title.en", "title.nl", "summary.en", "summary.nl", "learning_outcomes[0].en",
                      "learning_outcomes[0].nl", "learning_outcomes[1].en", "learning_outcomes[1].nl",
                      "learning_outcomes[2].en", "learning_outcomes[2].nl", "assessment.description.en",
                      "assessment.description.nl", "prerequisites.en", "prerequisites.nl", "target_group.en",
                      "target_group.nl", "further_information", "offerings[0].enrol_url", "body", "body"]
    assert "write the course's own text there (credsite new course put the example in)" in result.stderr


def test_unreadable_course_is_reported_without_traceback(make_site, monkeypatch):
    site = make_site()
    real = Path.read_bytes

    def refuse(self):
        if self.name == "testing-things.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = CliRunner().invoke(cli, ["build", "--source", str(site)])
    assert result.exit_code == 1
    assert "content/courses/testing-things.md: cannot be read (Permission denied); " \
        "check the file's permissions" in result.stderr
    assert "Traceback" not in result.output


def test_changing_a_published_version_in_place_warns(make_site, tmp_path):
    site = make_site()
    out = tmp_path / "out"
    assert build(site, out).ok
    (site / "content/courses/testing-things.md").write_text(
        course_text(**{"  - {en: Write tests that can fail., nl: Tests schrijven die kunnen falen.}":
                       "  - {en: Write tests that fail first., nl: Tests schrijven die eerst falen.}"}),
        encoding="utf-8")
    result = build(site, out)
    assert result.ok
    assert [str(p) for p in result.problems] == [
        "content/courses/testing-things.md: warning: version: '2026.1' is already published, but its "
        "learningOutcome changed; credentials issued for 2026.1 would change meaning: keep the published "
        "text as content/courses/archive/testing-things/2026.1.md (from git history) and give this course "
        "a new version"]


@pytest.mark.parametrize("apart", [False, True], ids=["inline", "on another core"])
def test_a_broken_override_template_is_reported_at_its_line(make_site, tmp_path, monkeypatch, apart):
    # A large site makes its site-wide files in another process: the mistake is reported as precisely.
    monkeypatch.setattr(pipeline, "SITE_FILES_APART_FROM", 0 if apart else 10**9)
    site = make_site({"themes/campus/templates/404.html":
                      "{% extends 'base.html' %}\n{% block main %}{{ nope.x }}{% endblock %}\n"})
    yaml_path = site / "content/site.yaml"
    yaml_path.write_text(yaml_path.read_text().replace("theme: default", "theme: campus"))
    result = build(site, tmp_path / "out")
    assert not result.ok
    assert [str(p) for p in result.problems] == [
        "themes/campus/templates/404.html:2: template: UndefinedError: 'nope' is undefined; "
        "fix the template; credsite docs themes lists the variables each template gets"]


def test_withdrawn_course_keeps_its_pages_but_leaves_the_catalogue(make_site, tmp_path):
    runs = ("participation: [online]\nofferings:\n  - start: 2027-09-01\n"
            "    enrol_url: https://www.uni.example.org/enrol\n")
    text = course_text(**{"status: published": "status: withdrawn", "participation: [online]\n": runs})
    site = make_site({"content/courses/testing-things.md": text})
    out = tmp_path / "out"
    assert build(site, out).ok
    assert "Testing Things Well" not in (out / "index.html").read_text()
    page = (out / "courses/testing-things/index.html").read_text()
    assert "no longer offered" in page
    assert "https://www.uni.example.org/enrol" not in page  # no enrolling in what is no longer offered
    assert (out / "achievements/testing-things/2026.1.json").exists()


def test_a_course_with_published_versions_cannot_become_a_draft(make_site):
    site = make_site({
        "content/courses/testing-things.md": course_text(**{"status: published": "status: draft",
                                                            'version: "2026.1"': 'version: "2026.2"'}),
        "content/courses/archive/testing-things/2026.1.md": course_text(),
    })
    assert [str(p) for p in check(site).problems] == [
        "content/courses/testing-things.md:4: status: a course with published versions cannot become a draft, "
        "or their pages would disappear; keep it published while you edit, or use 'status: withdrawn' to "
        "stop offering it (its pages stay online)"]


def test_current_version_page_is_canonical_to_the_course_url(make_site, tmp_path):
    out = tmp_path / "out"
    assert build(make_site(), out).ok
    html = (out / "courses/testing-things/2026.1/index.html").read_text()
    assert '<link rel="canonical" href="https://uni.example.org/mc/courses/testing-things/">' in html
    assert "courses/testing-things/2026.1/" not in (out / "sitemap.xml").read_text()


def test_missing_hours_default_to_28_per_credit(make_site, tmp_path):
    site = make_site({"content/courses/testing-things.md": course_text(**{"  hours: 112\n": ""})})
    out = tmp_path / "out"
    assert build(site, out).ok
    assert json.loads((out / "achievements/testing-things/2026.1.json").read_text())["studyLoadHours"] == 112


def test_put_writes_every_byte_and_makes_folders(tmp_path):
    data = bytes(range(256)) * 40_000  # 10 MB, more than one write() may take
    writer.Files(str(tmp_path)).put("a/b/c.bin", data)
    files = writer.Files(str(tmp_path), mtime=1767225600)
    files.put("a/b/c.bin", b"shorter")  # replaced, not appended to; its folder was there already
    files.put("a/d.bin", data)
    files.put("top.bin", b"at the root")
    files.put("a/b/e.bin", b"")
    assert (tmp_path / "a/b/c.bin").read_bytes() == b"shorter"
    assert (tmp_path / "a/b/e.bin").read_bytes() == b""
    assert (tmp_path / "a/d.bin").read_bytes() == data
    assert (tmp_path / "top.bin").read_bytes() == b"at the root"
    assert {(tmp_path / n).stat().st_mtime for n in ("a/b/c.bin", "a/d.bin", "top.bin")} == {1767225600}
    # Readable by a web server, as open() would make it (the umask decides).
    assert (tmp_path / "a/b/c.bin").stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_damaged_cache_only_costs_time(tmp_path):
    import sqlite3
    from contextlib import closing

    from generator.build.store import FILE, TABLES

    site, out = sample_site(tmp_path), tmp_path / "out"
    assert build(site, out).written
    fresh = tree(out)
    with closing(sqlite3.connect(site / FILE)) as db, db:
        # Every value becomes of the wrong kind (a blob); what says whom the cache is for (fingerprint, output,
        # format, environment, dates) stays.
        for table in TABLES.values():
            db.execute(f"UPDATE {table.name} SET " + ", ".join(f"{name} = x'07'" for name, _ in table.values))
    (out / "sitemap.xml").unlink()  # so the build cannot stop at "up to date" ...
    forget_manifest(site)  # ... not even before it looks
    result = build(site, out)
    assert result.ok and result.written, [str(p) for p in result.problems]
    assert tree(out) == fresh


def test_a_build_stopped_with_sigterm_removes_its_staging_folder(tmp_path):
    import subprocess
    import sys

    site = sample_site(tmp_path)
    out = tmp_path / "_site"
    # Render hangs after SIGTERM arrives mid-build, as a slow build would.
    code = ("import os, signal, time\n"
            "import generator.build.units\n"
            "def slow(*args, **kwargs):\n"
            "    os.kill(os.getpid(), signal.SIGTERM)\n"
            "    time.sleep(30)\n"
            "generator.build.units.render_units = slow\n"
            "from generator.commands.cli import main\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code, "build", "--source", str(site), "--output", str(out)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 143, done.stderr
    assert "stopped (SIGTERM); nothing half-written was published" in done.stderr
    assert "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("._site")) == []
    assert not out.exists()


def test_an_empty_catalogue_and_a_site_without_a_status_list_say_so_plainly(make_site, tmp_path):
    site = make_site({"content/courses/testing-things.md": course_text(**{"status: published": "status: withdrawn"})})
    out = tmp_path / "out"
    assert build(site, out).ok
    catalogue = (out / "index.html").read_text()
    assert "No courses are offered at the moment." in catalogue
    assert 'id="result-count" role="status" aria-live="polite" data-template' not in catalogue  # count hidden
    assert "Er worden op dit moment geen cursussen aangeboden." in (out / "nl/index.html").read_text()
    issuer = (out / "issuer/index.html").read_text()
    assert "This site publishes no revocation list yet" in issuer and "also published here" not in issuer


def test_titles_and_summaries_take_their_own_direction(make_site, tmp_path):
    # An Arabic or Hebrew title inside a left-to-right page keeps its own reading order.
    site = make_site({"content/courses/testing-things.md": course_text(
        **{"title: {en: Testing Things Well, nl: Goed testen}": "title: {en: تحليل البيانات, nl: Goed testen}"})})
    out = tmp_path / "out"
    assert build(site, out).ok
    page = (out / "courses/testing-things/index.html").read_text()
    assert '<h1 id="course-title" dir="auto">تحليل البيانات</h1>' in page
    assert '<p class="lead" dir="auto">' in page
    assert 'dir="auto"><a href="courses/testing-things/">تحليل البيانات</a></h3>' in (out / "index.html").read_text()
