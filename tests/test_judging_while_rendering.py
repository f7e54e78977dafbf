"""A whole build judges the credentials that no unit of the last output holds (a cold build: all of them) where it
renders them (build/units.Judging): each file is read and parsed once, and no stage waits for the one before.

What it publishes and reports must be what judging every credential first gives, and a credential it may not
publish stops the rendering (without --skip-invalid) while the rest are still judged, so every problem is
reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import issue_api, issued_files, learner, loads_first, renders_counted, sample_site, tree
from generator.build import issued, units
from generator.build.pipeline import build

EPOCH = "1767225600"


def judged_first(monkeypatch) -> None:
    """As if the last output might hold every credential's unit: each is judged before anything is rendered (the
    way a build that finds a unit cache goes, loading every credential file first)."""
    monkeypatch.setattr(units.UnitCache, "key", lambda self, unit: "")
    loads_first(monkeypatch)


def pooled(monkeypatch) -> None:
    """The worker pools even for a small site, in small batches."""
    monkeypatch.setattr(units, "PARALLEL_FROM", 1)
    monkeypatch.setattr(units, "BATCH", 2)
    monkeypatch.setattr(issued, "PARALLEL_FROM", 1)


def forge(path: Path) -> None:
    """Change the learner's name: the file stays a well-formed credential whose proof no longer holds."""
    document = json.loads(path.read_bytes())
    document["credentialSubject"]["name"] = "Someone Else"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")


def messages(progress: list[str]) -> str:
    return "\n".join(progress)


@pytest.mark.parametrize("pool", [False, True], ids=["one process", "worker pool"])
def test_a_cold_build_judging_while_rendering_publishes_what_judging_first_does(tmp_path, monkeypatch, pool):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    if pool:
        pooled(monkeypatch)
    said: list[str] = []
    streamed = build(sample_site(tmp_path, "a"), tmp_path / "streamed", progress=said.append)
    assert streamed.ok, [str(p) for p in streamed.problems]
    count = len(issued_files(tmp_path / "a"))
    assert f"judging {count} credential(s) as they are rendered" in messages(said)  # the path under test
    judged_first(monkeypatch)
    said.clear()
    first = build(sample_site(tmp_path, "b"), tmp_path / "first", progress=said.append)
    assert first.ok and "as they are rendered" not in messages(said)
    assert [str(p) for p in streamed.problems] == [str(p) for p in first.problems]
    assert streamed.not_published == first.not_published
    a, b = tree(tmp_path / "streamed"), tree(tmp_path / "first")
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []


def test_a_refused_credential_stops_the_rendering_and_every_refusal_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setattr(units, "BATCH", 1)  # one process, one credential a batch: the stop is seen at once
    root = sample_site(tmp_path)
    files = issued_files(root)
    forge(files[0])  # judged first (content/issued/ is read in name order)
    forge(files[-1])
    rendered = renders_counted(monkeypatch)
    result = build(root, tmp_path / "out")
    assert not result.ok and not result.written
    reported = " ".join(f"{p.path} {p.message}" for p in result.problems if p.is_error)
    assert f"content/issued/{files[0].name}" in reported and f"content/issued/{files[-1].name}" in reported
    assert rendered == []  # the first was refused: nothing after it was rendered
    assert not (tmp_path / "out").exists()


def test_with_skip_invalid_the_others_are_rendered_and_published(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = sample_site(tmp_path)
    files = issued_files(root)
    forge(files[0])
    rendered = renders_counted(monkeypatch)
    result = build(root, tmp_path / "out", skip_invalid=True)
    assert result.ok and result.written and result.not_published == 1
    assert sorted(rendered) == sorted(p.stem for p in files[1:])
    assert not (tmp_path / "out" / "badges" / files[0].stem).exists()
    assert all((tmp_path / "out" / "badges" / p.stem / "index.html").is_file() for p in files[1:])


def test_a_refusal_found_before_rendering_renders_nothing(site, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    issue_api(site, *(learner(name=f"Learner {n}", email=f"l{n}@example.org") for n in range(4)))
    out = tmp_path / "out"
    assert build(site.root, out).ok
    before = tree(out)
    tampered = issued_files(site.root)[0]
    forge(tampered)  # its unit is in the last output: judged before rendering, and refused
    issue_api(site, learner(name="New Learner", email="new@example.org"))  # no unit yet: would be judged later
    rendered = renders_counted(monkeypatch)
    result = build(site.root, out)
    assert not result.ok
    assert any(tampered.name in f"{p.path} {p.message}" for p in result.problems if p.is_error)
    assert rendered == []
    assert tree(out) == before


def test_a_credential_changed_while_it_is_judged_stops_the_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = sample_site(tmp_path)
    victim = issued_files(root)[0]
    real = issued.judge

    def changing(j, cred, signature, links_seen, keep=False):
        if cred.source.endswith(victim.name):
            shutil.copyfile(issued_files(root)[1], victim)  # other bytes than the build read
        return real(j, cred, signature, links_seen, keep)

    monkeypatch.setattr(units, "judge", changing)
    loads_first(monkeypatch)  # changed between loading and judging (a cold build reads each file once, in its judge)
    result = build(root, tmp_path / "out", skip_invalid=True)  # a changed file stops even a lenient build
    assert not result.ok and not result.written
    assert any(victim.name in p.path and "changed while the site was being built" in p.message
               for p in result.problems)
    assert not (tmp_path / "out").exists()


def break_template(root: Path, name: str) -> None:
    """A mistake where the template is rendered (in a block, if it extends another)."""
    path = root / "themes/default/templates" / name
    text = path.read_text(encoding="utf-8")
    mistake = "{{ no_such_variable.at_all }}"
    text = text.replace("{% endblock %}", mistake + "{% endblock %}", 1) if "{% endblock %}" in text else text + mistake
    path.write_text(text, encoding="utf-8")


def test_a_theme_mistake_met_while_judging_is_reported_with_every_refusal(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = sample_site(tmp_path)
    forged = issued_files(root)[-1]  # judged after the first pages are rendered
    forge(forged)
    break_template(root, "badge.html")
    result = build(root, tmp_path / "out")
    assert not result.ok and not result.written
    shown = [f"{p.path} {p.message}" for p in result.problems if p.is_error]
    assert any("badge.html" in line for line in shown), shown
    assert any(forged.name in line and "NOT PUBLISHED" in line for line in shown), shown
    assert not (tmp_path / "out").exists()


def test_a_broken_badge_image_template_is_reported_when_pathway_images_come_first(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = sample_site(tmp_path)  # it has a pathway
    settings = root / "content/site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "baked_images: build\n", encoding="utf-8")
    break_template(root, "badge.svg")
    result = build(root, tmp_path / "out")  # no traceback: the theme's mistake, as a problem
    assert not result.ok
    assert any("'no_such_variable' is undefined" in p.message for p in result.problems if p.is_error)
    assert not (tmp_path / "out").exists()


def test_an_endorsement_that_fails_the_build_renders_no_credential(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = sample_site(tmp_path)
    (endorsement,) = (root / "content/endorsements").glob("*.json")
    document = json.loads(endorsement.read_bytes())
    document["name"] = str(document.get("name", "")) + " (edited)"  # its proof no longer holds
    endorsement.write_text(json.dumps(document, indent=2), encoding="utf-8")
    rendered = renders_counted(monkeypatch)
    result = build(root, tmp_path / "out")
    assert not result.ok
    assert any(endorsement.name in p.path for p in result.problems if p.is_error)
    assert rendered == []


def test_many_new_credentials_in_a_whole_build_are_swapped_in_not_patched(site, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    issue_api(site, *(learner(name=f"Learner {n}", email=f"l{n}@example.org") for n in range(3)))
    out = tmp_path / "out"
    assert build(site.root, out).ok
    issue_api(site, *(learner(name=f"New {n}", email=f"n{n}@example.org") for n in range(30)))
    said: list[str] = []
    result = build(site.root, out, paranoid=True, progress=said.append)  # a whole build, its unit cache valid
    assert result.ok and result.written
    assert "judging 30 credential(s) as they are rendered" in messages(said)
    assert not any(line.startswith("changed ") for line in said), said  # what a patch says
    assert all((out / "badges" / p.stem / "index.html").is_file() for p in issued_files(site.root))


def test_a_site_whose_refused_credentials_are_left_out_is_still_found_up_to_date(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = sample_site(tmp_path)
    forge(issued_files(root)[0])
    out = tmp_path / "out"
    assert build(root, out, skip_invalid=True).written
    before = tree(out)
    again = build(root, out, skip_invalid=True, paranoid=True)  # a whole build: the refused one is judged again
    assert again.ok and again.up_to_date and not again.written and again.not_published == 1
    assert tree(out) == before
