"""`credsite registry build` and `fetch` over three institutions' sites, built here from small site folders.

The three members differ where a registry must not care: base URL (one at a host's root, so its DID
document is at .well-known/did.json), signing key, languages (en/nl and nl/en twice) and sector (one
MBO). Each is built by credsite itself into its own _site, and the registry reads those folders (or,
for fetch, the same folders served over HTTP on 127.0.0.1).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from conftest import ROOT, course_text, read_json, run, serve, site_yaml, tree, write_files
from generator import routes
from generator.build.pipeline import build
from generator.credentials.multikey import public_to_multibase
from generator.registry import pipeline
from generator.registry.members import fingerprint

REGISTRY_BASE = "https://registry.example.nl/"
EPOCH = "1798761600"  # 2027-01-01: fixes feed times and the day a change is first seen


# ---------------------------------------------------------------- three member sites


def _course(slug: str, title_en: str, title_nl: str, *, version: str = "2026.1", eqf: int = 6, ects: int = 4,
            field: str = "0613", mode: str = "online", language: str = "en", framework: str = "kwaliteitskader-ho",
            status: str = "published", outcome: str = "Write tests that can fail.") -> str:
    return course_text(slug, **{
        'version: "2026.1"': f'version: "{version}"',
        "status: published": f"status: {status}",
        "title: {en: Testing Things Well, nl: Goed testen}": f"title: {{en: {title_en}, nl: {title_nl}}}",
        "  ects: 4\n  hours: 112": f"  ects: {ects}\n  hours: {ects * 28}",
        "  eqf: 6": f"  eqf: {eqf}",
        'field_of_study: ["0613"]': f'field_of_study: ["{field}"]',
        "participation: [online]": f"participation: [{mode}]",
        "language: [en]": f"language: [{language}]",
        "  framework: kwaliteitskader-ho": f"  framework: {framework}",
        "  - {en: Write tests that can fail., nl: Tests schrijven die kunnen falen.}":
            f"  - {{en: {outcome}, nl: {outcome}}}",
        "---\nBody text in English.": "---\n<!-- lang: en -->\nBody text in English.",  # for nl-first sites too
    })


MEMBERS = {
    # id: (base URL, site.yaml lines to swap, sector, courses)
    "uni-a": ("https://uni-a.example.org/mc/", {
        "institution:\n  name: {en: Test University, nl: Testuniversiteit}":
            "institution:\n  name: {en: University A, nl: Universiteit A}"}, "wo", {
        "content/courses/data-skills.md": _course("data-skills", "Data Skills", "Datavaardigheden",
                                                  version="2026.2", outcome="Clean a messy data set."),
        "content/courses/archive/data-skills/2026.1.md": _course("data-skills", "Data Skills", "Datavaardigheden",
                                                                 outcome="Clean a messy data set."),
        "content/courses/care-ethics.md": _course("care-ethics", "Ethics of Care", "Zorgethiek", eqf=7, ects=6,
                                                  field="0912", mode="blended", outcome="Weigh duties in care."),
        "content/courses/old-course.md": _course("old-course", "An Old Course", "Een oude cursus",
                                                 status="withdrawn"),
    }),
    "hs-b": ("https://hs-b.example.nl/", {
        "languages: [en, nl]": "languages: [nl, en]",
        "title: {en: Test Microcredentials, nl: Test-microcredentials}":
            "title: {nl: Microcredentials B, en: Microcredentials B}",
        "institution:\n  name: {en: Test University, nl: Testuniversiteit}":
            "institution:\n  name: {nl: Hogeschool B, en: University of Applied Sciences B}",
        "  sector: wo": "  sector: hbo"}, "hbo", {
        "content/courses/zorg-ai.md": _course("zorg-ai", "AI in Care", "AI in de zorg", field="0912",
                                              mode="blended", language="nl", outcome="Judge an AI tool."),
        "content/courses/bouwen.md": _course("bouwen", "Circular Building", "Circulair bouwen", eqf=5, ects=11,
                                             field="0732", mode="onsite", language="nl",
                                             outcome="Reuse building materials."),
    }),
    "mbo-c": ("https://mbo-c.example.nl/microcredentials/", {
        "languages: [en, nl]": "languages: [nl, en]",
        "title: {en: Test Microcredentials, nl: Test-microcredentials}":
            "title: {nl: Microcredentials C, en: Microcredentials C}",
        "institution:\n  name: {en: Test University, nl: Testuniversiteit}":
            "institution:\n  name: {nl: MBO College C, en: MBO College C}",
        "  sector: wo": "  sector: mbo"}, "mbo", {
        "content/courses/lassen.md": _course("lassen", "Welding Basics", "Basis lassen", eqf=4, ects=3,
                                             field="0712", mode="work_experience", language="nl",
                                             framework="kwaliteitskader-mbo", outcome="Weld a straight seam."),
    }),
}


def member_source(root: Path, member: str, base_url: str | None = None) -> tuple[Path, str]:
    """The site folder of a member, with its own key; and the public key."""
    default_base, swaps, _, courses = MEMBERS[member]
    base_url = base_url or default_base
    public = public_to_multibase(Ed25519PrivateKey.generate().public_key())
    text = site_yaml(("k1", public, "active"), base_url=base_url)
    for old, new in swaps.items():
        assert old in text, old
        text = text.replace(old, new)
    site = write_files(root / member, {"content/site.yaml": text, **courses})
    return site, public


def build_member(site: Path, out: Path, base_url: str | None = None) -> None:
    result = build(site, out, base_url=base_url)
    assert result.ok, [str(p) for p in result.problems]


def registry_yaml(members: dict[str, dict], **extra) -> str:
    return yaml.safe_dump({"title": {"nl": "Nationaal register microcredentials", "en": "National microcredentials "
                                     "registry"},
                           "base_url": REGISTRY_BASE, "languages": ["nl", "en"],
                           "publisher": {"name": {"nl": "Stichting Register", "en": "Registry Foundation"},
                                         "url": "https://www.registry.example.nl/"},
                           **extra,
                           "members": [{"id": member, "base_url": m["base_url"], "sector": m["sector"],
                                        **m.get("more", {})}
                                       for member, m in members.items()]}, allow_unicode=True, sort_keys=False)


def make_members(root: Path) -> SimpleNamespace:
    """The three members built into root/sites/<id>/_site, and a registry.yaml with their folders."""
    members = {}
    for member, (base_url, _, sector, _) in MEMBERS.items():
        site, public = member_source(root / "sources", member)
        out = root / "sites" / member / "_site"
        build_member(site, out)
        members[member] = {"base_url": base_url, "sector": sector, "folder": out, "key": public, "source": site,
                           "more": {"folder": str(out)}}
    registry = root / "registry"
    registry.mkdir(parents=True)
    (registry / "registry.yaml").write_text(registry_yaml(members), encoding="utf-8")
    return SimpleNamespace(root=root, registry=registry / "registry.yaml", members=members)


# ---------------------------------------------------------------- reading the output


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.hrefs.append(value)


def links_of(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.hrefs


def html_pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html"))


def card_titles(html: str) -> list[str]:
    return re.findall(r'<h3 id="c-\d+"[^>]*><a href="[^"]*">([^<]*)</a>', html)


@pytest.fixture(scope="module")
def members(tmp_path_factory):
    return make_members(tmp_path_factory.mktemp("registry"))


@pytest.fixture(scope="module")
def built(members, tmp_path_factory):
    """The registry built once over the three members' folders."""
    out = tmp_path_factory.mktemp("registry-out") / "_site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = run("registry", "build", "--sources", members.registry, "--output", out)
    assert result.exit_code == 0, result.output
    return SimpleNamespace(out=out, output=result.output)


# ---------------------------------------------------------------- the registry lists every version once


def test_every_course_version_appears_once_with_its_institution(built, members):
    index = read_json(built.out / routes.registry_index())
    seen = [(entry["creator"]["id"], entry["id"]) for entry in index["@graph"]]
    expected = []
    for info in members.members.values():
        member_index = read_json(info["folder"] / "achievements" / "index.json")
        did = read_json(info["folder"] / "issuer.json")["id"]
        expected += [(did, entry["id"]) for entry in member_index["@graph"]]
    assert sorted(seen) == sorted(expected) and len(seen) == len(set(seen)) == 7
    # A page per version, per language, linking to the member's own page and Achievement.
    for entry in index["@graph"]:
        member, base = next((m, info["base_url"]) for m, info in members.members.items()
                            if entry["id"].startswith(info["base_url"]))
        slug, version = routes.version_of(entry["id"][len(base):]) or ("", "")
        for prefix in ("", "en/"):
            page = (built.out / f"{prefix}courses/{member}/{slug}/{version}/index.html").read_text(encoding="utf-8")
            assert f'href="{entry["id"]}"' in page and f'href="{entry["criteria"]["id"]}"' in page
    # The catalogue: the current version of each course on offer, once, with its institution.
    catalogue = (built.out / "en" / "index.html").read_text(encoding="utf-8")
    assert sorted(card_titles(catalogue)) == ["AI in Care", "Circular Building", "Data Skills", "Ethics of Care",
                                              "Welding Basics"]
    assert catalogue.count('data-inst="uni-a"') == 2 and catalogue.count('data-inst="hs-b"') == 2
    assert catalogue.count('data-inst="mbo-c"') == 1 and 'data-sector="mbo"' in catalogue
    assert "An Old Course" not in catalogue  # withdrawn: in the index, not in the catalogue
    assert "Data Skills" in catalogue and 'data-slug="uni-a/data-skills/2026.2"' in catalogue
    dutch = (built.out / "index.html").read_text(encoding="utf-8")
    # A member writes its courses in several languages (its ELM files hold them): each page shows its own.
    assert "Datavaardigheden" in dutch and "AI in de zorg" in dutch and "Data Skills" not in dutch


def test_the_member_list_names_each_members_did_and_key_fingerprint(built, members):
    document = read_json(built.out / routes.registry_members_document())
    dids = {node["id"]: node for node in document["@graph"]}
    assert set(dids) == {"did:web:uni-a.example.org:mc", "did:web:hs-b.example.nl",
                         "did:web:mbo-c.example.nl:microcredentials"}
    for member, info in members.members.items():
        node = next(n for n in document["@graph"] if n["alsoKnownAs"] == [info["base_url"]])
        assert [m["publicKeyMultibase"] for m in node["verificationMethod"]] == [info["key"]]
        page = (built.out / "en" / "members" / member / "index.html").read_text(encoding="utf-8")
        assert fingerprint(info["key"]) in page and node["id"] in page.replace("<wbr>", "")
    members_page = (built.out / "en" / "members" / "index.html").read_text(encoding="utf-8")
    assert all(fingerprint(info["key"]) in members_page for info in members.members.values())


def test_statistics_count_per_institution_level_and_field(built):
    html = (built.out / "en" / "statistics" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    text = " ".join(text.split())
    assert "5 microcredentials on offer, in 7 published versions, from 3 institutions" in text
    assert "University A 2" in text and "MBO College C 1" in text
    assert "EQF 4 1" in text and "EQF 6 2" in text and "EQF 7 1" in text


def test_every_link_to_a_member_resolves_to_a_file_in_its_folder(built, members):
    checked = 0
    for page in html_pages(built.out):
        for href in links_of(page.read_text(encoding="utf-8")):
            for info in members.members.values():
                if href.startswith(info["base_url"]):
                    path = urllib.parse.unquote(href[len(info["base_url"]):].split("#")[0])
                    assert (info["folder"] / routes.output_file(path)).is_file(), f"{page}: {href}"
                    checked += 1
    assert checked > 40


def test_every_link_within_the_registry_resolves(built):
    for page in html_pages(built.out):
        relative = page.relative_to(built.out).as_posix()
        for href in links_of(page.read_text(encoding="utf-8")):
            if "://" in href or href.startswith(("mailto:", "#")) or page.name == "404.html":
                continue
            target = urllib.parse.urljoin(REGISTRY_BASE + relative, href.split("?")[0].split("#")[0])
            assert target.startswith(REGISTRY_BASE), (relative, href)
            assert (built.out / routes.output_file(target[len(REGISTRY_BASE):])).is_file(), (relative, href)


def test_the_registry_publishes_its_own_json_ld_with_standard_contexts_only(built):
    from generator.credentials.closed_world import context_urls, standard_contexts

    for name in (routes.registry_index(), routes.registry_members_document()):
        document = read_json(built.out / name)
        assert set(context_urls(document)) <= standard_contexts()
    manifest = read_json(built.out / routes.registry_manifest())
    assert set(manifest["members"]) == {"uni-a", "hs-b", "mbo-c"}
    assert "achievements/data-skills/2026.1.json" in manifest["members"]["uni-a"]["files"]


def test_two_builds_of_the_same_members_are_byte_identical(built, members, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    again = tmp_path / "again"
    assert pipeline.build(members.registry, again).written
    assert tree(again) == tree(built.out)
    # Built again into the same folder, nothing changed: it says so and leaves the folder alone.
    result = pipeline.build(members.registry, again)
    assert result.up_to_date and not result.written and tree(again) == tree(built.out)


# ---------------------------------------------------------------- members whose documents fail


def _copy_member(members, tmp_path: Path, member: str) -> Path:
    copy = tmp_path / "copies" / member
    shutil.copytree(members.members[member]["folder"], copy)
    return copy


def _registry_with(members, tmp_path: Path, folders: dict[str, Path]) -> Path:
    entries = {m: {**info, "more": {"folder": str(folders.get(m, info["folder"]))}}
               for m, info in members.members.items()}
    path = tmp_path / "reg" / "registry.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(registry_yaml(entries), encoding="utf-8")
    return path


def _rewrite_achievement(folder: Path, change) -> str:
    """Change the Achievement of data-skills 2026.2 in its file and in the index alike; its id."""
    path = folder / "achievements" / "data-skills" / "2026.2.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    index = folder / "achievements" / "index.json"
    entries = json.loads(index.read_text(encoding="utf-8"))
    entries["@graph"] = [{k: v for k, v in document.items() if k != "@context"} if e["id"] == document["id"] else e
                         for e in entries["@graph"]]
    index.write_text(json.dumps(entries, indent=2), encoding="utf-8")
    return document["id"]


def _tamper_achievement(folder: Path) -> str:
    def tamper(document: dict) -> None:
        document["creditsAvailable"] = "lots"  # not a number: fails the OB 3.0 schema
        document["secretSauce"] = True  # no context defines it: JSON-LD would drop it
    return _rewrite_achievement(folder, tamper)


def test_failing_members_are_named_and_left_out_and_the_rest_still_publish(members, tmp_path):
    a = _copy_member(members, tmp_path, "uni-a")
    tampered = _tamper_achievement(a)
    b = _copy_member(members, tmp_path, "hs-b")
    (b / ".well-known" / "did.json").unlink()  # B sits at a host's root: its DID document is there
    c = _copy_member(members, tmp_path, "mbo-c")
    profile = read_json(c / "issuer.json")
    profile["id"] = "did:web:elsewhere.example.org"
    (c / "issuer.json").write_text(json.dumps(profile), encoding="utf-8")
    out = tmp_path / "out"
    result = run("registry", "build", "--sources", _registry_with(members, tmp_path, {"uni-a": a, "hs-b": b,
                                                                                     "mbo-c": c}), "--output", out)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    schema = [line for line in lines if line.startswith(tampered + ": warning: creditsAvailable")]
    assert schema and "Open Badges 3.0 schema of Achievement" in schema[0] and "member 'uni-a' out" in schema[0]
    assert any(line.startswith(tampered + ": warning: @context") and "'secretSauce'" in line for line in lines)
    assert any(line.startswith("https://hs-b.example.nl/.well-known/did.json: warning: is missing")
               and "'hs-b'" in line for line in lines)
    assert any(line.startswith("https://mbo-c.example.nl/microcredentials/issuer.json: warning: id: is "
                               "'did:web:elsewhere.example.org', not did:web:mbo-c.example.nl:microcredentials")
               and "'mbo-c'" in line for line in lines)
    assert "3 member(s) left out" in result.output and "uni-a, hs-b, mbo-c" in result.output
    assert card_titles((out / "en" / "index.html").read_text(encoding="utf-8")) == []
    members_page = (out / "en" / "members" / "index.html").read_text(encoding="utf-8")
    assert "Not listed at the moment" in members_page and "hs-b.example.nl" in members_page
    assert not (out / "courses").exists()


def test_what_a_member_writes_is_shown_as_text_and_its_links_are_web_addresses(members, tmp_path):
    a = _copy_member(members, tmp_path, "uni-a")
    profile = read_json(a / "issuer.json")
    profile["url"], profile["name"] = "javascript:alert(1)", "<script>alert(1)</script> University"
    (a / "issuer.json").write_text(json.dumps(profile), encoding="utf-8")

    def odd(document: dict) -> None:  # extension terms the OB 3.0 schema does not look at
        document["languageOfInstruction"] = ["not a language", "<b>"]
        document["name"] = "<img src=x onerror=alert(1)>"
    _rewrite_achievement(a, odd)
    out = tmp_path / "out"
    result = pipeline.build(_registry_with(members, tmp_path, {"uni-a": a}), out)
    assert result.ok and "uni-a" in result.members
    for page in html_pages(out):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and "javascript:" not in html, page
        assert 'lang="not a language"' not in html and "<b>" not in html
    member = (out / "en" / "members" / "uni-a" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; University" in member


def test_codes_outside_the_vocabularies_neither_crash_nor_reach_the_catalogues_css(members, tmp_path):
    """Found in review: '²' passed isdigit() and crashed int(); ',*' became a CSS selector hiding every card."""
    a = _copy_member(members, tmp_path, "uni-a")

    def odd(document: dict) -> None:
        for alignment in document.get("alignment", []):
            if alignment.get("targetType") == "ext:EQFLevel":
                alignment["targetCode"] = "\u00b2"
            if alignment.get("targetType") == "ext:ISCEDF":
                alignment["targetCode"] = ",*"
    _rewrite_achievement(a, odd)
    out = tmp_path / "out"
    result = pipeline.build(_registry_with(members, tmp_path, {"uni-a": a}), out)
    assert result.ok and "uni-a" in result.members
    catalogue = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert ",*" not in catalogue and "\u00b2" not in catalogue


def test_one_failing_member_leaves_the_others_published(members, tmp_path):
    b = _copy_member(members, tmp_path, "hs-b")
    (b / ".well-known" / "did.json").unlink()
    out = tmp_path / "out"
    result = pipeline.build(_registry_with(members, tmp_path, {"hs-b": b}), out)
    assert result.ok and result.members == ["uni-a", "mbo-c"] and result.left_out == ["hs-b"]
    assert sorted(card_titles((out / "en" / "index.html").read_text(encoding="utf-8"))) == [
        "Data Skills", "Ethics of Care", "Welding Basics"]
    assert not (out / "courses" / "hs-b").exists() and (out / "courses" / "uni-a").is_dir()


def test_a_did_document_at_the_wrong_place_is_named(members, tmp_path):
    """did:web puts a DID at a host's root in .well-known/did.json; did.json beside issuer.json is not it."""
    b = _copy_member(members, tmp_path, "hs-b")
    (b / ".well-known" / "did.json").rename(b / "did.json")
    result = pipeline.build(_registry_with(members, tmp_path, {"hs-b": b}), tmp_path / "out")
    (problem,) = [p for p in result.problems if p.path.endswith("did.json")]
    assert problem.path == "https://hs-b.example.nl/.well-known/did.json"
    assert "not from did.json" in problem.message


# ---------------------------------------------------------------- versions changed in place


def test_a_version_changed_in_place_between_two_builds_is_reported_and_shown(members, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    source = tmp_path / "a-source"
    shutil.copytree(members.members["uni-a"]["source"], source)
    site_out = tmp_path / "a-site"
    build_member(source, site_out)
    registry = _registry_with(members, tmp_path, {"uni-a": site_out})
    out = tmp_path / "out"
    first = pipeline.build(registry, out)
    assert first.ok and not [p for p in first.problems if "in place" in p.message]
    # The member edits a published version's learning outcome without giving it a new version.
    course = source / "content" / "courses" / "care-ethics.md"
    course.write_text(course.read_text(encoding="utf-8").replace("Weigh duties in care.", "Weigh duties."),
                      encoding="utf-8")
    build_member(source, site_out)
    second = run("registry", "build", "--sources", registry, "--output", out)
    url = "https://uni-a.example.org/mc/achievements/care-ethics/2026.1.json"
    assert f"{url}: warning: member 'uni-a' changed this published version in place" in second.output
    page = (out / "en" / "courses" / "uni-a" / "care-ethics" / "2026.1" / "index.html").read_text(encoding="utf-8")
    assert "Changed after publication." in page and "January 1, 2027" in page
    manifest = read_json(out / routes.registry_manifest())
    (change,) = manifest["members"]["uni-a"]["changes"]
    assert change["file"] == "achievements/care-ethics/2026.1.json" and change["seen"] == "2027-01-01"
    # The record stays: a later build still shows it, and does not report it as new.
    third = pipeline.build(registry, out)
    assert third.up_to_date and not [p for p in third.problems if "in place" in p.message]


# ---------------------------------------------------------------- fetch over HTTP


def test_fetch_reads_the_members_over_http_into_a_snapshot_the_build_reads(members, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    www = tmp_path / "www"
    www.mkdir()
    with serve(www) as origin:
        entries = {}
        for member in MEMBERS:
            base = f"{origin}/{member}/"
            site, public = member_source(tmp_path / "sources", member, base)
            build_member(site, www / member)
            entries[member] = {"base_url": base, "sector": MEMBERS[member][2], "source": site}
        registry = tmp_path / "registry" / "registry.yaml"
        registry.parent.mkdir()
        registry.write_text(registry_yaml(entries), encoding="utf-8")
        fetched = run("registry", "fetch", "--sources", registry)
        assert fetched.exit_code == 0, fetched.output
        snapshot = registry.parent / "snapshot"
        manifest = read_json(snapshot / "manifest.json")
        assert set(manifest["members"]) == set(MEMBERS)
        for member in MEMBERS:
            files = manifest["members"][member]["files"]
            assert {"issuer.json", "did.json", "achievements/index.json", "search.json",
                    "elm/index.jsonld"} <= set(files)
            for path, digest in files.items():
                assert (snapshot / member / path).read_bytes() == (www / member / path).read_bytes()
                assert digest == hashlib.sha256((www / member / path).read_bytes()).hexdigest()
        out = tmp_path / "out"
        built = run("registry", "build", "--sources", registry, "--output", out)
        assert built.exit_code == 0, built.output
        assert len(card_titles((out / "en" / "index.html").read_text(encoding="utf-8"))) == 5
        monkeypatch.delenv("SOURCE_DATE_EPOCH")  # the snapshot's moment fixes the feed's time
        assert pipeline.build(registry, tmp_path / "out-1").ok and pipeline.build(registry, tmp_path / "out-2").ok
        assert tree(tmp_path / "out-1") == tree(tmp_path / "out-2")
        monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        # Between two fetches a member changes a published version in place.
        course = entries["hs-b"]["source"] / "content" / "courses" / "bouwen.md"
        course.write_text(course.read_text(encoding="utf-8").replace("Reuse building materials.", "Reuse old bricks."),
                          encoding="utf-8")
        build_member(entries["hs-b"]["source"], www / "hs-b", entries["hs-b"]["base_url"])
        again = run("registry", "fetch", "--sources", registry)
    url = f"{origin}/hs-b/achievements/bouwen/2026.1.json"
    assert f"{url}: warning: member 'hs-b' changed this published version in place" in again.output
    (change,) = read_json(snapshot / "manifest.json")["members"]["hs-b"]["changes"]
    assert change["file"] == "achievements/bouwen/2026.1.json"
    rebuilt = run("registry", "build", "--sources", registry, "--output", out)
    page = (out / "en" / "courses" / "hs-b" / "bouwen" / "2026.1" / "index.html").read_text(encoding="utf-8")
    assert rebuilt.exit_code == 0 and "Changed after publication." in page


def test_fetch_keeps_a_members_snapshot_when_its_site_cannot_be_reached(members, tmp_path):
    www = tmp_path / "www"
    www.mkdir()
    with serve(www) as origin:
        base = f"{origin}/mbo-c/"
        site, _ = member_source(tmp_path / "sources", "mbo-c", base)
        build_member(site, www / "mbo-c")
        registry = tmp_path / "registry.yaml"
        registry.write_text(registry_yaml({"mbo-c": {"base_url": base, "sector": "mbo"}}), encoding="utf-8")
        assert run("registry", "fetch", "--sources", registry).exit_code == 0
    before = tree(tmp_path / "snapshot")
    again = run("registry", "fetch", "--sources", registry)  # the server is gone
    assert again.exit_code == 0
    assert "member 'mbo-c': a document could not be read" in again.output
    assert "previous snapshot is kept" in again.output
    assert tree(tmp_path / "snapshot") == before


def test_fetch_uses_https_only_except_on_this_machine(tmp_path, no_network):
    from generator.registry.fetch import Unreachable, allowed, get

    assert allowed("https://uni.example.org/") and allowed("http://127.0.0.1:8000/a/")
    assert allowed("http://localhost/a/") and not allowed("http://uni.example.org/")
    with pytest.raises(Unreachable, match="not an https address"):
        get("http://uni.example.org/issuer.json")
    registry = tmp_path / "registry.yaml"
    registry.write_text(registry_yaml({"x": {"base_url": "http://uni.example.org/mc/", "sector": "wo"}}),
                        encoding="utf-8")
    result = run("registry", "fetch", "--sources", registry)
    assert result.exit_code == 1 and "'http://uni.example.org/mc/' uses http" in result.output
    assert no_network == []


# ---------------------------------------------------------------- registry.yaml and the command line


def test_registry_yaml_mistakes_are_reported_with_their_line(tmp_path):
    path = tmp_path / "registry.yaml"
    path.write_text("title: {en: R}\nbase_url: https://r.example.org/\nlanguages: [en]\nmembers:\n"
                    "  - base_url: https://a.example.org/\n    sector: university\n"
                    "  - base_url: https://a.example.org/\n    sector: wo\n    colour: blue\n", encoding="utf-8")
    result = run("registry", "build", "--sources", path, "--output", tmp_path / "out")
    assert result.exit_code == 1
    assert f"{path}:6: members[0].sector: 'university' is not a known value; use one of mbo, hbo, wo" in result.output
    assert f"{path}:9: members[1].colour: unknown field" in result.output
    assert f"{path}:7: members[1].base_url: https://a.example.org/ is listed twice" in result.output
    assert not (tmp_path / "out").exists()


def test_a_member_without_folder_or_snapshot_is_left_out(tmp_path):
    path = tmp_path / "registry.yaml"
    path.write_text(registry_yaml({"a": {"base_url": "https://a.example.org/", "sector": "wo"}}), encoding="utf-8")
    result = run("registry", "build", "--sources", path, "--output", tmp_path / "out")
    assert result.exit_code == 0
    assert "members.a: the snapshot holds nothing of it" in result.output
    assert "run 'credsite registry fetch' first" in result.output


def test_version_paths_are_read_back_as_routes_write_them(make_site, tmp_path):
    from generator.build.pipeline import load

    content = load(make_site())
    course = content.families[0].current
    assert routes.version_of(routes.achievement(course)) == (course.slug, course.version)
    assert routes.version_of(routes.elm_learning_opportunity(course), "elm") == (course.slug, course.version)
    assert routes.version_of(routes.elm_learning_opportunity(course)) is None
    assert routes.version_of("achievements/index.json") is None
    assert routes.version_of("achievements/../x.json") is None
    assert routes.member_id("https://hs.example.nl:8443/mc/") == "hs-example-nl-8443-mc"


def test_the_scale_benchmark_runs_on_two_small_members(tmp_path):
    """benchmarks/registry_scale.py imports the registry's internals; a small run keeps it working."""
    done = subprocess.run([sys.executable, "benchmarks/registry_scale.py", "--members", "2", "--courses", "2",
                           "--work", str(tmp_path / "bench")], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "2 members x 2 courses" in done.stdout
    assert "cold build" in done.stdout and "(up to date)" in done.stdout and "one member changed" in done.stdout
