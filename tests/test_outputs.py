"""The outputs table names every file the site publishes, and hosts have a rule for each kind."""

from __future__ import annotations

from fnmatch import fnmatchcase

from conftest import sample_site
from generator.build.pipeline import build, load, verify
from generator.problems import Code
from generator.site import outputs


def built_files(folder) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_the_build_writes_exactly_the_files_of_the_outputs_table(tmp_path):
    site_dir = sample_site(tmp_path)
    out = tmp_path / "out"
    result = build(site_dir, out)
    assert result.ok and result.written, [str(p) for p in result.problems]
    content = verify(load(site_dir))
    table = outputs.table(content.site, content.families, content.published, outputs.status_lists_in(site_dir),
                          content.pathways)
    assert {o.route for o in table} == built_files(out)
    assert len({o.route for o in table}) == len(table), "a route is named twice"
    # Each unit's files are those the table gives it.
    badge = content.published[0].credential.uuid
    assert {o.kind for o in table if o.unit == outputs.badge_unit_id(badge)} == {
        outputs.Kind.CREDENTIAL, outputs.Kind.BADGE_PAGE}  # baked_images: browser, the default


def test_a_site_that_bakes_at_build_time_lists_and_writes_the_baked_images(tmp_path):
    site_dir = sample_site(tmp_path)
    settings = site_dir / "content/site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "baked_images: build\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build(site_dir, out).ok
    content = verify(load(site_dir))
    table = outputs.table(content.site, content.families, content.published, outputs.status_lists_in(site_dir),
                          content.pathways)
    assert {o.route for o in table} == built_files(out)
    badge = content.published[0].credential.uuid
    assert {o.kind for o in table if o.unit == outputs.badge_unit_id(badge)} == {
        outputs.Kind.CREDENTIAL, outputs.Kind.BAKED_PNG, outputs.Kind.BAKED_SVG, outputs.Kind.BADGE_PAGE}


def test_every_published_file_is_matched_by_the_rule_written_for_its_kind(tmp_path):
    site_dir = sample_site(tmp_path)
    content = verify(load(site_dir))
    table = outputs.table(content.site, content.families, content.published, outputs.status_lists_in(site_dir))
    assert outputs.unserved(content.site, table) == []
    rules = outputs.header_rules(content.site)
    credential = next(o for o in table if o.kind is outputs.Kind.CREDENTIAL)
    matching = [r for r in rules if any(fnmatchcase("/" + credential.route, p) for p in r.patterns)]
    assert any("Content-Type: application/vc+ld+json" in r.headers for r in matching)


def test_a_file_the_table_does_not_name_is_a_bug_the_build_reports(tmp_path, monkeypatch):
    from generator.build import checks

    real = checks.site_files

    def one_more(*args, **kwargs):
        return {**real(*args, **kwargs), "stray.txt": b"made outside the table"}

    monkeypatch.setattr(checks, "site_files", one_more)  # where the build makes them
    site_dir, out = sample_site(tmp_path), tmp_path / "out"
    result = build(site_dir, out)
    assert not result.written and not out.exists()
    (problem,) = [p for p in result.problems if p.code is Code.BUG]
    assert problem.path == "stray.txt" and "not in the outputs table" in problem.message


def test_a_table_entry_nothing_makes_is_a_bug_the_build_reports(tmp_path, monkeypatch):
    from generator.build import site_files

    real = outputs.table

    def one_more(*args, **kwargs):
        return [*real(*args, **kwargs), outputs.Output("stray.json", "nothing", outputs.SITE, outputs.Kind.HOST)]

    monkeypatch.setattr(site_files.outputs, "table", one_more)
    site_dir, out = sample_site(tmp_path), tmp_path / "out"
    result = build(site_dir, out)
    assert not result.written and not out.exists()
    (problem,) = [p for p in result.problems if p.code is Code.BUG]
    assert problem.path == "stray.json" and "not written" in problem.message


def test_a_site_at_a_host_root_gets_its_did_document_rules_from_the_same_table(tmp_path):
    site_dir = sample_site(tmp_path)
    content = verify(load(site_dir, base_url="https://badges.example.org/"))
    table = outputs.table(content.site, content.families, content.published, outputs.status_lists_in(site_dir))
    (did,) = [o for o in table if o.kind is outputs.Kind.DID_DOCUMENT]
    assert did.route == ".well-known/did.json"
    assert outputs.unserved(content.site, table) == []


def test_a_did_web_and_its_base_url_are_each_others_inverse(tmp_path):
    from generator import routes

    for base in ("https://example-university.github.io/microcredentials/", "https://badges.example.org/",
                 "https://host.example:8443/a/b/"):
        site = load(sample_site(tmp_path / str(len(base))), base_url=base).site
        assert routes.base_url_of_did(routes.issuer_did(site)) == base
    assert routes.base_url_of_did("did:key:z6Mk") == ""
