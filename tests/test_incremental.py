"""A build's cost follows the change (issue #19), and an incremental build is always the cold build.

- Nothing changed: the manifest answers from a stat of content/ alone; no credential is read.
- An unchanged credential file is not read again (the stat index of content/issued/).
- A few changed units patch the output in place (writer.Patch) instead of re-creating it.
- After every step of a site's life (issue, revoke, edit, remove, key rotation) the incremental output equals,
  byte for byte, a cold build of the same source into an empty folder.

Files written in the last two seconds are never trusted by stat (their times tick too coarsely); these tests
set that window (content/stamps.py RACY_NS) to zero so that the fast paths are taken right after the files are written.
"""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import COURSE, course_text, issue_api, learner, run, site_yaml, tree
from generator.build import checks, delta, host_usage, manifest, pipeline
from generator.build.pipeline import build
from generator.content import issued as content_issued
from generator.content import stamps
from generator.issuing import keys
from generator.problems import Code

EPOCH = "1767225600"


@pytest.fixture
def trusting(monkeypatch):
    """Trust file stats at once (see the module's docstring), at a fixed build time."""
    monkeypatch.setattr(stamps, "RACY_NS", -1)  # the one window the manifest and the index share
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.fixture
def cohort(site, trusting):
    """The test site with twelve credentials, built once into site.tmp/out."""
    issue_api(site, *(learner(name=f"Learner {n}", email=f"l{n}@example.org") for n in range(12)))
    out = site.tmp / "out"
    first = build(site.root, out)
    assert first.ok and first.written, [str(p) for p in first.problems]
    site.out = out
    return site


def cold(root, folder):
    """The same source built with no cache at all into an empty folder."""
    copy = folder / "source"
    shutil.copytree(root, copy, symlinks=True, ignore=shutil.ignore_patterns(".credsite-cache", "out"))
    result = build(copy, folder / "out")
    assert result.ok and result.written, [str(p) for p in result.problems]
    return folder / "out"


def revoke_first(cohort) -> str:
    """Revoke the first credential of content/issued/ (by file name) with credsite revoke; its uuid."""
    uid = sorted(p.stem for p in (cohort.root / "content/issued").glob("*.json"))[0]
    revoked = run("revoke", "--yes", uid, "--reason", "test", "--key", cohort.key_path, "--source", cohort.root)
    assert revoked.exit_code == 0, revoked.stdout + revoked.stderr
    return uid


def step(site, name, tmp_path) -> pipeline.BuildResult:
    """Build incrementally after a change; it must equal the cold build."""
    result = build(site.root, site.out)
    assert result.ok and result.written, [str(p) for p in result.problems]
    assert tree(site.out) == tree(cold(site.root, tmp_path / name)), f"after {name}"
    return result


def test_nothing_changed_reads_no_credential(cohort, monkeypatch):
    inode = cohort.out.stat().st_ino
    monkeypatch.setattr(pipeline, "load", lambda *a, **k: pytest.fail("an unchanged build loaded the site"))
    again = build(cohort.root, cohort.out)
    assert again.ok and again.up_to_date and not again.written and again.count > 12 * 3
    assert cohort.out.stat().st_ino == inode


def test_a_build_with_nothing_to_do_imports_no_stage(tmp_path):
    """`credsite build` on an unchanged site answers from the manifest; importing the stages (Jinja, pyld, the
    schemas, the renderers) took longer than the answer, so the up-to-date path must not reach them."""
    import subprocess
    import sys
    import time

    from conftest import ROOT, sample_site

    site = sample_site(tmp_path)
    # A file changed within the file system's clock tick is not trusted by its stat, so the second build would
    # read everything again: wait until the copy is older than that (the subprocess cannot be patched).
    time.sleep(stamps.RACY_NS / 1e9 + 0.1)
    assert build(site, site / "_site").written
    heavy = ("jinja2", "pyld", "markdown", "PIL", "zxingcpp", "jsonschema", "pyoxigraph", "generator.build.units",
             "generator.build.issued", "generator.build.delta", "generator.site.render",
             "generator.credentials.proofs", "generator.content.issued", "generator.content.courses",
             "generator.content.endorsements")
    code = ("import atexit, sys\n"
            f"atexit.register(lambda: print('IMPORTED', sorted(m for m in sys.modules if m.startswith({heavy!r}))))\n"
            "from generator.commands.cli import main\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code, "build", "--source", str(site)], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0 and "is up to date" in done.stderr, done.stderr
    assert "IMPORTED []" in done.stdout, done.stdout


def test_nothing_changed_repeats_the_warnings_of_the_build_it_stands_for(cohort):
    small = course_text("small-thing", **{"  ects: 4": "  ects: 2", "  hours: 112": "  hours: 56",
                                          "  type: institutional": "  type: institutional\n  experimental_space: true"})
    (cohort.root / "content/courses/small-thing.md").write_text(small, encoding="utf-8")
    first = build(cohort.root, cohort.out)
    warnings = [str(p) for p in first.problems]
    assert any("ects" in w for w in warnings), warnings
    again = build(cohort.root, cohort.out)
    assert again.up_to_date and [str(p) for p in again.problems] == warnings


def test_an_unchanged_credential_file_is_not_read_again(cohort, monkeypatch):
    (extra,) = issue_api(cohort, learner(name="New Learner", email="new@example.org"))
    read: list[str] = []
    real_open = open

    def watching(path, *args, **kwargs):
        if str(path).endswith(".json") and "content/issued" in str(path):
            read.append(os.path.basename(str(path)))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", watching)
    result = build(cohort.root, cohort.out)
    assert result.ok and result.written
    # The new credential is read (loaded, verified, rendered); none of the twelve before it.
    assert set(read) == {extra.path.name}, read


def test_a_new_credential_patches_the_output_in_place(cohort, tmp_path):
    inode = cohort.out.stat().st_ino
    untouched = cohort.out / "issuer/index.html"
    before = untouched.stat().st_ino
    issue_api(cohort, learner(name="New Learner", email="new@example.org"))
    messages: list[str] = []
    result = build(cohort.root, cohort.out, progress=messages.append)
    assert result.ok and result.written
    assert any(m.startswith("added 3 files") for m in messages), messages  # a patch, not a new output
    assert cohort.out.stat().st_ino == inode and untouched.stat().st_ino == before
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


def test_a_changed_credential_patches_the_output_too(cohort, tmp_path):
    inode = cohort.out.stat().st_ino
    revoke_first(cohort)
    messages: list[str] = []
    result = build(cohort.root, cohort.out, progress=messages.append)
    assert result.ok and result.written
    assert any(m.startswith("changed ") for m in messages), messages
    assert cohort.out.stat().st_ino == inode
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


def test_many_changes_swap_in_a_whole_new_output(cohort, tmp_path):
    inode = cohort.out.stat().st_ino
    settings = cohort.root / "content/site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("Test University", "Renamed University"),
                        encoding="utf-8")
    result = build(cohort.root, cohort.out)
    assert result.ok and result.written
    assert cohort.out.stat().st_ino != inode
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


def test_every_step_of_a_sites_life_builds_what_a_cold_build_builds(cohort, tmp_path):
    # Issue one more.
    (extra,) = issue_api(cohort, learner(name="Extra Learner", email="extra@example.org"))
    step(cohort, "issue", tmp_path)
    # Revoke one.
    revoked = run("revoke", "--yes", extra.path.stem, "--reason", "test", "--key", cohort.key_path,
                  "--source", cohort.root)
    assert revoked.exit_code == 0, revoked.stdout + revoked.stderr
    step(cohort, "revoke", tmp_path)
    assert "Revoked" in (cohort.out / f"badges/{extra.path.stem}/index.html").read_text(encoding="utf-8")
    # Edit the course in place (a typo fix: same version).
    course = cohort.root / f"content/courses/{COURSE}.md"
    course.write_text(course.read_text(encoding="utf-8").replace("Body text in English.", "Body text, in English."),
                      encoding="utf-8")
    step(cohort, "edit", tmp_path)
    # Remove a credential file.
    gone = sorted((cohort.root / "content/issued").glob("*.json"))[0]
    gone.unlink()
    step(cohort, "remove", tmp_path)
    assert not (cohort.out / f"badges/{gone.stem}").exists()
    assert not (cohort.out / f"nl/badges/{gone.stem}").exists()
    # Rotate the key: k1 retired, k2 signs the next credential.
    k2 = keys.generate(cohort.tmp / "keys" / "k2.json", cohort.root)
    (cohort.root / "content/site.yaml").write_text(
        site_yaml(("k1", cohort.key, "retired"), ("k2", k2, "active")), encoding="utf-8")
    step(cohort, "key rotation", tmp_path)
    issue_api(cohort, learner(name="Signed By K2", email="k2@example.org"), key=k2)
    step(cohort, "issue with the new key", tmp_path)
    # And then nothing: the manifest answers.
    assert build(cohort.root, cohort.out).up_to_date


@pytest.mark.parametrize("change", ["credential file", "status list", "theme", "build time", "course image"])
def test_the_manifest_sees_every_kind_of_change(cohort, monkeypatch, tmp_path, change):
    if change == "credential file":
        victim = sorted((cohort.root / "content/issued").glob("*.json"))[0]
        victim.write_bytes(victim.read_bytes().replace(b"Learner", b"Learnor", 1))  # same size, new bytes
    elif change == "status list":
        status = cohort.root / "content/status/revocation.json"
        status.write_bytes(status.read_bytes() + b"\n")
    elif change == "theme":
        (cohort.root / "themes/default/static").mkdir(parents=True, exist_ok=True)
        (cohort.root / "themes/default/static/site.css").write_text("body { color: red }\n", encoding="utf-8")
    elif change == "build time":
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 86400))
    else:
        (cohort.root / "content/images").mkdir(exist_ok=True)
        (cohort.root / "content/images/unused.png").write_bytes(b"not really a png")
    loads: list[object] = []
    real_load = pipeline.load
    monkeypatch.setattr(pipeline, "load", lambda *a, **k: loads.append(a) or real_load(*a, **k))
    result = build(cohort.root, cohort.out)
    assert loads, f"the manifest did not see the change of the {change}"
    if result.ok:
        assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


def test_a_verdict_that_expires_ends_the_manifests_trust(site, trusting, monkeypatch):
    import datetime as dt

    moment = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC)
    soon = moment + dt.timedelta(hours=1)
    issue_api(site, learner(valid_until=soon), now=moment - dt.timedelta(days=1))
    out = site.tmp / "out"
    assert build(site.root, out).written
    assert build(site.root, out).up_to_date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 2 * 3600))  # the same day, after validUntil
    result = build(site.root, out)
    assert not result.up_to_date
    badge = next((out / "badges").iterdir()) / "index.html"
    assert "Expired" in badge.read_text(encoding="utf-8")


def test_paranoid_finds_an_output_file_removed_by_hand(cohort, tmp_path):
    badge = next((cohort.out / "badges").iterdir()) / "index.html"
    badge.unlink()
    assert build(cohort.root, cohort.out).up_to_date  # the manifest cannot see into the output
    result = build(cohort.root, cohort.out, paranoid=True)
    assert result.ok and result.written and badge.is_file()
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


def test_reading_credentials_on_all_cores_reads_what_one_core_reads(cohort, monkeypatch, tmp_path):
    from generator.build import pool

    monkeypatch.setattr(pool, "PARALLEL_READS", 1)  # a large site's cold build: every file read in workers
    (cohort.root / ".credsite-cache").rename(tmp_path / "old-cache")
    out = tmp_path / "parallel"
    result = build(cohort.root, out)
    assert result.ok and result.written
    assert tree(out) == tree(cohort.out)


def test_a_site_that_bakes_images_at_build_time_patches_too(cohort, tmp_path):
    settings = cohort.root / "content/site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "baked_images: build\n", encoding="utf-8")
    assert build(cohort.root, cohort.out).written  # everything again: the setting changes every badge
    issue_api(cohort, learner(name="Baked Learner", email="baked@example.org"))
    messages: list[str] = []
    result = build(cohort.root, cohort.out, progress=messages.append)
    assert result.ok and result.written, [str(p) for p in result.problems]
    assert any(m.startswith("added 5 files") for m in messages), messages  # the course images stay where they are
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


def test_a_file_gone_from_the_last_output_is_made_again_not_a_failure(cohort, tmp_path):
    gone = next((cohort.out / "badges").iterdir())
    shutil.rmtree(gone)
    settings = cohort.root / "content/site.yaml"  # a change that re-renders much, so a whole new output is made
    settings.write_text(settings.read_text(encoding="utf-8").replace("Test University", "Renamed University"),
                        encoding="utf-8")
    result = build(cohort.root, cohort.out)
    assert result.ok and result.written and gone.is_dir()
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


def test_a_damaged_index_or_manifest_only_costs_time(cohort, tmp_path):
    import sqlite3

    from generator.build.store import FILE

    with sqlite3.connect(cohort.root / FILE) as db:
        db.execute("UPDATE issued SET digest = ?", ("0" * 64,))  # the stat still matches, the digest is wrong
        # A problem of the wrong shape in the manifest: a line number that is not a number.
        db.execute("INSERT INTO build_problems VALUES (7, 'too', 'short', '', '', '', 'warning', '')")
    db.close()
    (cohort.out / "sitemap.xml").unlink()  # so that only a real build passes
    result = build(cohort.root, cohort.out)
    assert result.ok and not result.up_to_date, [str(p) for p in result.problems]
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


def test_a_link_loop_under_content_does_not_stop_the_build(cohort):
    (cohort.root / "content/loop").symlink_to(".")
    (cohort.root / "content/images").mkdir(exist_ok=True)
    (cohort.root / "content/images/back").symlink_to("..")
    stats = manifest.content_stats(cohort.root).files
    assert "loop" in stats and "loop/loop" not in stats
    assert build(cohort.root, cohort.out).ok


def rendered(messages: list[str]) -> int:
    """How many units a build rendered, from its progress line."""
    line = next(m for m in messages if m.startswith("rendering "))
    return int(line.split()[1])


def test_editing_a_courses_text_makes_its_pages_again_not_its_credentials(cohort, tmp_path):
    course = cohort.root / f"content/courses/{COURSE}.md"
    course.write_text(course.read_text(encoding="utf-8").replace("Body text in English.", "Body text, in English."),
                      encoding="utf-8")
    messages: list[str] = []
    result = build(cohort.root, cohort.out, progress=messages.append)
    assert result.ok and result.written
    assert rendered(messages) == 1  # the course version's unit; its twelve credentials' pages show none of it
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


def test_with_images_baked_at_build_time_a_course_edit_makes_its_credentials_again(cohort, tmp_path):
    settings = cohort.root / "content/site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "baked_images: build\n", encoding="utf-8")
    assert build(cohort.root, cohort.out).ok
    course = cohort.root / f"content/courses/{COURSE}.md"
    # Baked copies hold the course's drawn image, made from its text: they follow every edit of it.
    course.write_text(course.read_text(encoding="utf-8").replace("Body text in English.", "Body text, in English."),
                      encoding="utf-8")
    messages: list[str] = []
    result = build(cohort.root, cohort.out, progress=messages.append)
    assert result.ok and result.written, [str(p) for p in result.problems]
    assert rendered(messages) == 1 + 12
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


def test_a_build_looks_at_each_credential_file_once(cohort, tmp_path):
    """The walk of content/ for the manifest gives the credential files' stats too (100,000 of them at scale)."""
    issue_api(cohort, learner(name="New Learner", email="new@example.org"))

    def fail(*args):
        raise AssertionError("a credential file was looked at again after the build's walk of content/")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(content_issued, "_credential_file", fail)
        result = build(cohort.root, cohort.out)
    assert result.ok and result.written, [str(p) for p in result.problems]
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


def test_a_corrected_revocation_date_shows_on_the_badge_page(cohort, tmp_path):
    uid = revoke_first(cohort)
    assert build(cohort.root, cohort.out).ok
    page = cohort.out / f"badges/{uid}/index.html"
    before = page.read_bytes()
    listed = cohort.root / "content/status/revocations.csv"
    lines = listed.read_text(encoding="utf-8").splitlines()
    lines[-1] = "2025-03-04T10:00:00Z," + lines[-1].split(",", 1)[1]  # the day it was revoked, corrected
    listed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert build(cohort.root, cohort.out).ok
    assert page.read_bytes() != before
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


# ---------------------------------------------------------------- a build that only adds credentials (build/delta.py)


def loads_watched(monkeypatch) -> list[object]:
    """What each load() of the next builds was asked to read of content/issued/ (None: all of it)."""
    asked: list[object] = []
    real_load = pipeline.load
    monkeypatch.setattr(pipeline, "load", lambda *a, **k: asked.append(k.get("only")) or real_load(*a, **k))
    return asked


def test_adding_credentials_reads_only_them(cohort, monkeypatch, tmp_path):
    new = issue_api(cohort, learner(name="One", email="one@example.org"), learner(name="Two", email="two@example.org"))
    files = len(tree(cohort.out))
    asked = loads_watched(monkeypatch)
    result = build(cohort.root, cohort.out)
    assert result.ok and result.written and result.count == files + 2 * 3 == len(tree(cohort.out)), result.count
    assert asked == [sorted(c.path.name for c in new)]  # the twelve before them were not loaded at all
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))
    assert build(cohort.root, cohort.out).up_to_date  # what it recorded describes the output


def test_the_feeds_follow_the_date_of_an_added_credential(site, monkeypatch, tmp_path):
    import datetime as dt

    monkeypatch.setattr(stamps, "RACY_NS", -1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the feeds' time is then the newest issue date
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    issue_api(site, learner(), now=now - dt.timedelta(days=3))
    out = site.tmp / "out"
    assert build(site.root, out).written
    feed = (out / "feed.xml").read_bytes()
    issue_api(site, learner(name="Later Learner", email="later@example.org"), now=now - dt.timedelta(hours=1))
    asked = loads_watched(monkeypatch)
    assert build(site.root, out).written
    assert len(asked) == 1 and asked[0] is not None
    assert (out / "feed.xml").read_bytes() != feed
    assert tree(out) == tree(cold(site.root, tmp_path / "cold"))


@pytest.mark.parametrize("added", ["a copy of a published credential", "a credential that does not verify",
                                   "a file that is no credential"])
def test_an_added_file_the_last_build_did_not_know_is_judged_by_the_whole_build(cohort, monkeypatch, tmp_path, added):
    folder = cohort.root / "content/issued"
    first = sorted(folder.glob("*.json"))[0]
    if added == "a copy of a published credential":
        (folder / "copy.json").write_bytes(first.read_bytes())
    elif added == "a credential that does not verify":
        (folder / "forged.json").write_bytes(first.read_bytes().replace(b"Learner", b"Imposter", 1)
                                             .replace(first.stem.encode(), b"0" * 8 + first.stem[8:].encode()))
    else:
        (folder / "notes.json").write_text("not json", encoding="utf-8")
    asked = loads_watched(monkeypatch)
    result = build(cohort.root, cohort.out, skip_invalid=True)
    assert None in asked  # the whole site was loaded, so its problems are reported as a cold build reports them
    copy = tmp_path / "source"
    shutil.copytree(cohort.root, copy, symlinks=True, ignore=shutil.ignore_patterns(".credsite-cache", "out"))
    fresh = build(copy, tmp_path / "out", skip_invalid=True)
    assert [str(p).replace(str(copy), "") for p in result.problems] == [str(p).replace(str(copy), "") for p in
                                                                        fresh.problems]
    assert result.problems and result.ok == fresh.ok
    if result.ok:
        assert tree(cohort.out) == tree(tmp_path / "out")


def test_an_added_credential_is_measured_against_the_hosts_limits(cohort, monkeypatch, tmp_path):
    from dataclasses import replace

    from generator.content import hosts
    from generator.content.config import load_site

    settings = cohort.root / "content/site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "host: gitlab-pages\n", encoding="utf-8")
    assert build(cohort.root, cohort.out).ok
    # Room for exactly what the output has now: one more credential passes the limit.
    usage = host_usage.measure(cohort.out)
    monkeypatch.setitem(hosts.HOSTS, "gitlab-pages", replace(hosts.HOSTS["gitlab-pages"], max_entries=usage.entries))
    issue_api(cohort, learner(name="One Too Many", email="many@example.org"))
    before = tree(cohort.out)
    messages: list[str] = []
    result = build(cohort.root, cohort.out, progress=messages.append)
    assert any(m.startswith("added 3 files") for m in messages), messages
    assert not result.ok and not result.written
    assert any(p.field == "host" and p.is_error for p in result.problems), [str(p) for p in result.problems]
    assert tree(cohort.out) == before  # nothing published
    monkeypatch.setitem(hosts.HOSTS, "gitlab-pages", replace(hosts.HOSTS["gitlab-pages"],
                                                             max_entries=usage.entries + 12))
    result = build(cohort.root, cohort.out)  # now within the limit, close to it: a warning
    assert result.ok and result.written
    assert [p.severity for p in result.problems if p.field == "host"] == ["warning"]
    assert build(cohort.root, cohort.out).problems == result.problems  # the manifest repeats them
    issue_api(cohort, learner(name="Just Fits", email="fits@example.org"))
    again = build(cohort.root, cohort.out)
    assert again.ok and again.written
    # The warning measured again, in place of the last one.
    assert [str(p) for p in again.problems if p.field == "host"] == [
        str(p) for p in host_usage.problems(load_site(cohort.root, [], None), host_usage.measure(cohort.out))]
    assert again.problems != result.problems


def test_site_files_made_on_another_core_are_the_same(cohort, monkeypatch, tmp_path):
    from generator.build import pool

    monkeypatch.setattr(pipeline, "SITE_FILES_APART_FROM", 0)  # as for a site of many credentials
    monkeypatch.setattr(pool.os, "cpu_count", lambda: 2)  # as on a machine of two cores or more
    made_in = tmp_path / "made-in"
    real = checks.site_files

    def recording(*args):
        made_in.write_text(str(os.getpid()), encoding="utf-8")
        return real(*args)

    monkeypatch.setattr(checks, "site_files", recording)  # a forked process has it too
    settings = cohort.root / "content/site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("Test University", "Renamed University"),
                        encoding="utf-8")
    result = build(cohort.root, cohort.out)
    assert result.ok and result.written
    assert int(made_in.read_text(encoding="utf-8")) != os.getpid()
    monkeypatch.setattr(pipeline, "SITE_FILES_APART_FROM", 10**9)
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


def problems_of_a_cold_build(root, folder) -> list[str]:
    copy = folder / "source"
    shutil.copytree(root, copy, symlinks=True, ignore=shutil.ignore_patterns(".credsite-cache", "out"))
    return [str(p) for p in build(copy, folder / "out").problems]


def test_adding_credentials_after_a_course_changed_in_place_no_longer_warns_of_it(cohort, tmp_path):
    course = cohort.root / f"content/courses/{COURSE}.md"
    course.write_text(course.read_text(encoding="utf-8").replace("Write tests that can fail.",
                                                                 "Write tests that fail."), encoding="utf-8")
    edited = build(cohort.root, cohort.out)
    assert [p.field for p in edited.problems] == ["version"]  # told once, by the build that publishes it
    issue_api(cohort, learner(name="Later Learner", email="later@example.org"))
    added = build(cohort.root, cohort.out)
    assert added.ok and added.written
    assert [str(p) for p in added.problems] == problems_of_a_cold_build(cohort.root, tmp_path) == []
    assert build(cohort.root, cohort.out).problems == []


def test_a_new_folder_in_content_issued_is_reported_by_a_build_that_adds_credentials(cohort, tmp_path):
    (cohort.root / "content/issued/2027").mkdir()
    issue_api(cohort, learner(name="Later Learner", email="later@example.org"))
    result = build(cohort.root, cohort.out)
    assert result.ok and result.written
    assert [str(p) for p in result.problems] == problems_of_a_cold_build(cohort.root, tmp_path)
    assert any("2027" in p.path for p in result.problems)
    assert tree(cohort.out) == tree(tmp_path / "out")


def test_a_worker_that_dies_stops_the_build_with_a_problem_and_leaves_the_output(cohort, monkeypatch):
    from generator.build import units

    before = tree(cohort.out)
    monkeypatch.setattr(units, "PARALLEL_FROM", 1)  # the units are rendered by a pool of workers

    def killed(*args):
        os._exit(9)  # as the out-of-memory killer would end it

    monkeypatch.setattr(units, "badge_job", killed)  # the forked workers have it too
    settings = cohort.root / "content/site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("Test University", "Renamed University"),
                        encoding="utf-8")
    result = build(cohort.root, cohort.out)
    assert not result.ok and not result.written
    assert [(p.path, p.fix) for p in result.problems] == [("credsite build", "build again")]
    assert tree(cohort.out) == before
    assert not [p for p in cohort.out.parent.iterdir() if p.name.startswith(f".{cohort.out.name}.")]


# ---------------------------------------------------------------- courses edited in place (build/delta.py)


def whole_build_beside(cohort, folder) -> pipeline.BuildResult:
    """The same step as a whole build: a copy of the site and of its output, built without the shortcuts."""
    shutil.copytree(cohort.root, folder / "site", symlinks=True)
    shutil.copytree(cohort.out, folder / "out", symlinks=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(delta, "edited_courses", lambda last: False)
        patch.setattr(delta, "added_credentials", lambda last: None)
        return build(folder / "site", folder / "out")


def whole_build_in_place(cohort, folder) -> tuple[pipeline.BuildResult, dict]:
    """The same step as a whole build on the same output and caches, so that it reuses what they hold as the short
    path does; then both are put back as they were. Its result, and the output it left."""
    shutil.copytree(cohort.out, folder / "out-before", symlinks=True)
    shutil.copytree(cohort.root / ".credsite-cache", folder / "cache-before")
    inode = cohort.out.stat().st_ino
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(delta, "edited_courses", lambda last: False)
        patch.setattr(delta, "added_credentials", lambda last: None)
        result = build(cohort.root, cohort.out)
    made = tree(cohort.out)
    assert cohort.out.stat().st_ino == inode, "the whole build made a new output: it cannot be put back"
    for child in cohort.out.iterdir():  # the same folder, as the caches know it
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    shutil.copytree(folder / "out-before", cohort.out, symlinks=True, dirs_exist_ok=True)
    shutil.rmtree(cohort.root / ".credsite-cache")
    shutil.copytree(folder / "cache-before", cohort.root / ".credsite-cache")
    return result, made


def edit_course(cohort, old: str, new: str) -> None:
    course = cohort.root / f"content/courses/{COURSE}.md"
    text = course.read_text(encoding="utf-8")
    assert old in text
    course.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("edit", ["text", "learning outcome", "experimental space"])
def test_a_course_edited_in_place_is_published_without_loading_the_credentials(cohort, monkeypatch, tmp_path, edit):
    old, new = {"text": ("Body text in English.", "Body text, in English."),
                "learning outcome": ("Write tests that can fail.", "Write tests that fail."),
                "experimental space": ("  type: institutional", "  type: institutional\n  experimental_space: true")
                }[edit]
    edit_course(cohort, old, new)
    whole = whole_build_beside(cohort, tmp_path / "whole")
    warm, warm_output = whole_build_in_place(cohort, tmp_path / "warm")
    asked = loads_watched(monkeypatch)
    messages: list[str] = []
    result = build(cohort.root, cohort.out, progress=messages.append)
    assert asked == [[]], messages  # no credential was loaded
    assert result.ok == whole.ok and result.written == whole.written, [str(p) for p in result.problems]
    assert [str(p) for p in result.problems] == [str(p) for p in whole.problems]
    if edit == "learning outcome":  # told by the build that publishes the change
        assert [p.code for p in result.problems] == [Code.CHANGED_IN_PLACE]
    assert tree(cohort.out) == tree(tmp_path / "whole/out") == warm_output
    assert result.count == whole.count == len(tree(cohort.out))
    assert (result.written, result.up_to_date, result.count) == (warm.written, warm.up_to_date, warm.count)
    assert [str(p) for p in result.problems] == [str(p) for p in warm.problems]
    if result.ok:
        assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))
        again = build(cohort.root, cohort.out)
        assert again.up_to_date and [str(p) for p in again.problems] == [str(p) for p in result.problems]


@pytest.mark.parametrize("edit", ["kind", "version", "status", "a mistake"])
def test_an_edit_that_changes_what_credentials_take_of_a_course_builds_the_whole_site(cohort, monkeypatch,
                                                                                      tmp_path, edit):
    old, new = {"kind": ("status: published\n", "status: published\nkind: non-formal\n"),
                "version": ('version: "2026.1"', 'version: "2026.2"'),
                "status": ("status: published", "status: withdrawn"),
                "a mistake": ("  ects: 4", "  ects: 2")}[edit]
    edit_course(cohort, old, new)
    asked = loads_watched(monkeypatch)
    result = build(cohort.root, cohort.out)
    assert None in asked  # the credentials were loaded and judged again
    fresh = problems_of_a_cold_build(cohort.root, tmp_path)
    assert [str(p) for p in result.problems] == fresh or not result.ok
    if result.ok:
        assert tree(cohort.out) == tree(tmp_path / "out")


def test_a_file_changed_again_unseen_by_its_stat_right_after_a_build_is_read_again(cohort, monkeypatch):
    """A file changed just before a build looked at it may change again within the same tick of its clock, with
    the same stat: the next build reads that file again (and only what that change needs)."""
    monkeypatch.setattr(stamps, "RACY_NS", 3600 * 10**9)  # every file written this past hour is in doubt
    edit_course(cohort, "Body text in English.", "Body text, in English.")
    assert build(cohort.root, cohort.out).written  # its manifest knows the course file changed lately
    course = f"courses/{COURSE}.md"
    seen = manifest.content_stats(cohort.root).files[course]
    edit_course(cohort, "Body text, in English.", "Body text; in English.")  # same size: a coarse clock hides it
    real = manifest.content_stats

    def coarse(source):
        stats = real(source)
        stats.files[course] = seen
        return stats

    monkeypatch.setattr(manifest, "content_stats", coarse)
    result = build(cohort.root, cohort.out)
    assert result.written and not result.up_to_date
    assert "Body text; in English." in (cohort.out / f"courses/{COURSE}/index.html").read_text(encoding="utf-8")


def test_a_course_file_touched_but_not_changed_leaves_the_output_up_to_date(cohort, monkeypatch, tmp_path):
    course = cohort.root / f"content/courses/{COURSE}.md"
    course.write_bytes(course.read_bytes())  # saved again, unchanged: a new stat
    warm, _ = whole_build_in_place(cohort, tmp_path)
    assert warm.up_to_date and not warm.written  # what the whole build says
    inode = cohort.out.stat().st_ino
    asked = loads_watched(monkeypatch)
    result = build(cohort.root, cohort.out)
    assert asked == [[]]
    assert result.ok and result.up_to_date and not result.written and result.count == len(tree(cohort.out))
    assert cohort.out.stat().st_ino == inode
    assert build(cohort.root, cohort.out).up_to_date


def recorded_usage(root) -> host_usage.Usage:
    """What the last build recorded of its output's size (the unit cache's meta)."""
    from generator.build.store import Store

    with Store(root, writable=False) as store:
        meta = store.read("units").meta
    return host_usage.Usage(meta["usage_files"], meta["usage_folders"], meta["usage_bytes"],
                            (meta["largest"], meta["largest_size"]))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_whole_build_counts_what_a_walk_of_its_output_finds(cohort, monkeypatch, tmp_path, workers):
    """A whole build counts its output's files, folders and bytes as it writes and links them (no walk over half
    a million files): the count must be what a walk of the published output finds, links included."""
    from generator.build import units

    monkeypatch.setattr(units.os, "cpu_count", lambda: workers)
    monkeypatch.setattr(units, "PARALLEL_FROM", 1)
    assert recorded_usage(cohort.root) == host_usage.measure(cohort.out)  # the fixture's build
    # A revocation re-renders one badge and the status list; with no patching, the rest is linked into a new output.
    monkeypatch.setattr(pipeline, "PATCH_UP_TO", 0)
    revoke_first(cohort)
    messages: list[str] = []
    result = build(cohort.root, cohort.out, progress=messages.append)
    assert result.ok and result.written and not any(m.startswith("changed ") for m in messages), messages
    assert recorded_usage(cohort.root) == host_usage.measure(cohort.out)
    fresh = build(cohort.root, tmp_path / "fresh")  # everything rendered, by `workers` processes
    assert fresh.ok and fresh.written
    assert recorded_usage(cohort.root) == host_usage.measure(tmp_path / "fresh")


def verifying_lines(messages: list[str]) -> list[str]:
    return [m for m in messages if m.startswith("verifying ")]


def test_what_a_build_that_adds_credentials_checked_is_not_checked_again_when_it_gives_up(cohort):
    """A build that only adds credentials falls back to the whole build for a problem the last build did not
    report; the proofs it checked are the whole build's to reuse (Store.later puts off writing them)."""
    folder = cohort.root / "content/issued"
    first = sorted(folder.glob("*.json"))[0]
    issue_api(cohort, learner(name="Another Learner", email="another@example.org"))
    (folder / "forged.json").write_bytes(first.read_bytes().replace(b"Learner", b"Imposter", 1)
                                         .replace(first.stem.encode(), b"0" * 8 + first.stem[8:].encode()))
    messages: list[str] = []
    result = build(cohort.root, cohort.out, progress=messages.append)
    assert not result.ok and any("forged.json" in p.path for p in result.problems)
    assert "building the whole site" in messages, messages
    assert verifying_lines(messages) == ["verifying 2 credential(s) (0 unchanged, verified before)",
                                         "verifying 0 credential(s) (2 unchanged, verified before)"]


def test_a_build_made_again_for_a_missing_output_file_checks_no_proof_again(cohort, monkeypatch):
    """A whole build that finds a file of the last output gone builds again, checking every output file; the proofs
    the first attempt checked are kept for the second."""
    from generator.build.store import Store

    with Store(cohort.root) as store:  # the proofs and verdicts of the fixture's build, forgotten
        store.write("signatures", {}, {"signatures": {}})
        store.write("verdicts", {}, {"verdicts": {}})
    monkeypatch.setattr(pipeline, "PATCH_UP_TO", 0)  # a whole new output, linking what did not change
    # A credential's folder the build links (revoke_first revokes the first by name, whose page is made again).
    shutil.rmtree(cohort.out / "badges" / max(p.stem for p in (cohort.root / "content/issued").glob("*.json")))
    revoke_first(cohort)
    messages: list[str] = []
    result = build(cohort.root, cohort.out, progress=messages.append)
    assert result.ok and result.written
    assert any(m.startswith("a file of the last output is missing") for m in messages), messages
    assert verifying_lines(messages) == ["verifying 12 credential(s) (0 unchanged, verified before)",
                                         "verifying 0 credential(s) (12 unchanged, verified before)"]
