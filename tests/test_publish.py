"""Publishing issued credentials: verify before publishing, endpoints, badge pages, baked images."""

from __future__ import annotations

import base64
import io
import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image

from conftest import REVOKED, ROOT, revoked_ids, sample_secret, sample_site, tree
from generator.build.pipeline import build, check
from generator.problems import Code, with_code
from generator.site import badges


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("publish") / "_site"
    result = build(ROOT, out)
    assert result.ok, [str(p) for p in result.problems]
    return out


def issued() -> list[Path]:
    return sorted((ROOT / "content/issued").glob("*.json"))


def test_every_credential_is_published_byte_for_byte(built):
    assert len(issued()) >= 5
    for path in issued():
        assert (built / "badges" / path.stem / "credential.json").read_bytes() == path.read_bytes()


def test_badge_pages_exist_per_language_and_are_not_indexed(built):
    for path in issued():
        document = json.loads(path.read_text())
        email = document["credentialSubject"]["identifier"][0]
        for page in (built / "badges" / path.stem / "index.html", built / "nl/badges" / path.stem / "index.html"):
            html = page.read_text()
            assert '<meta name="robots" content="noindex">' in html
            # Search engines read hreflang links only; they are asked not to index this page.
            assert "hreflang=" not in html.split("</head>")[0]
            # The hashed e-mail and the salt are never in the page, not even for machines.
            assert email["identityHash"] not in html and email["salt"] not in html


def test_badge_page_points_machines_at_the_signed_credential_instead_of_carrying_it(built):
    path = issued()[0]
    html = (built / "badges" / path.stem / "index.html").read_text()
    assert '<link rel="alternate" type="application/vc+ld+json" href="credential.json"' in html
    assert "application/ld+json" not in html  # a copy per page and language would triple the bytes per learner


def test_badge_page_links_the_course_version_for_what_was_learnt(built):
    path = issued()[0]
    document = json.loads(path.read_text())
    achievement = document["credentialSubject"]["achievement"]
    html = (built / "badges" / path.stem / "index.html").read_text()
    outcomes = achievement.get("learningOutcome") or []
    assert outcomes and not any(outcome in html for outcome in outcomes)
    link = re.search(r'<aside class="course-aside".*?<a href="([^"]+)">', html, re.S).group(1)
    target = (built / "badges" / path.stem / link / "index.html").resolve()
    assert target.is_file() and all(outcome in target.read_text() for outcome in outcomes)


def test_revoked_badge_says_so_with_reason(built):
    uid = REVOKED
    html = (built / "badges" / uid / "index.html").read_text()
    assert "<strong>Revoked.</strong>" in html
    assert "Reason: Issued to the wrong learner" in html
    assert "Add to LinkedIn profile" not in html
    assert "<strong>Ingetrokken.</strong>" in (built / "nl/badges" / uid / "index.html").read_text()


@pytest.mark.parametrize("uid", [p.stem for p in issued() if f"urn:uuid:{p.stem}" not in revoked_ids()])
def test_linkedin_link_parameters(built, uid):
    document = json.loads((ROOT / "content/issued" / f"{uid}.json").read_text())
    html = (built / "badges" / uid / "index.html").read_text()
    href = re.search(r'href="([^"]+)" data-linkedin', html).group(1).replace("&amp;", "&")
    url = urlsplit(href)
    assert (url.scheme, url.netloc, url.path) == ("https", "www.linkedin.com", "/profile/add")
    params = {k: v[0] for k, v in parse_qs(url.query).items()}
    awarded = document["awardedDate"]
    assert params == {
        "startTask": "CERTIFICATION_NAME",
        "name": document["credentialSubject"]["achievement"]["name"],
        "organizationId": "1234567",
        "issueYear": awarded[:4],
        "issueMonth": str(int(awarded[5:7])),  # 1-based, not JavaScript's 0-based month
        "certUrl": f"https://example-university.github.io/microcredentials/badges/{uid}/",
        "certId": document["id"],
        **({"expirationYear": document["validUntil"][:4],
            "expirationMonth": str(int(document["validUntil"][5:7]))} if "validUntil" in document else {}),
    }


def test_linkedin_url_encodes_and_handles_expiry():
    url = badges.linkedin_url("Zorg & AI: één", "", "Voorbeeld Universiteit", "2026-01-30T00:00:00Z",
                              "2031-01-30T00:00:00Z", "https://x.example/b/1/", "urn:uuid:1")
    params = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    assert params["name"] == "Zorg & AI: één"
    assert params["organizationName"] == "Voorbeeld Universiteit" and "organizationId" not in params
    assert (params["issueMonth"], params["expirationYear"], params["expirationMonth"]) == ("1", "2031", "1")
    assert "%26" in url  # the ampersand in the name cannot split the query


@pytest.fixture(scope="module")
def built_baking(tmp_path_factory) -> Path:
    """The sample with baked_images: build, so the build writes each credential's baked images."""
    root = sample_site(tmp_path_factory.mktemp("baking"))
    settings = root / "content/site.yaml"
    settings.write_text(settings.read_text() + "baked_images: build\n")
    out = root / "_site"
    result = build(root, out)
    assert result.ok, [str(p) for p in result.problems]
    return out


def test_baked_png_and_svg_give_back_the_identical_credential(built_baking):
    for path in issued():
        raw = path.read_bytes()
        png = (built_baking / "badges" / path.stem / "badge.png").read_bytes()
        assert badges.unbake_png(png) == raw
        Image.open(io.BytesIO(png)).load()  # still a valid PNG
        svg = (built_baking / "badges" / path.stem / "badge.svg").read_text()
        assert badges.unbake_svg(svg) == raw
        assert svg.count("<openbadges:credential>") == 1
        html = (built_baking / "badges" / path.stem / "index.html").read_text()
        assert "data-bake" not in html
        if "data-linkedin" in html:  # a valid credential's page offers the downloads
            assert 'href="badge.png" download=' in html


def test_by_default_no_image_per_credential_and_the_page_bakes_on_download(built):
    for path in issued():
        assert sorted(p.name for p in (built / "badges" / path.stem).iterdir()) == ["credential.json", "index.html"]
    html = (built / "badges" / issued()[0].stem / "index.html").read_text()
    assert 'data-bake="png"' in html and 'data-bake="svg"' in html


def test_baking_refuses_a_second_credential():
    png = badges.badge_png("T", "3 EC · EQF 5", "U")
    with pytest.raises(ValueError):
        badges.bake_png(badges.bake_png(png, b"{}"), b"{}")


@pytest.mark.parametrize("url", [
    "https://example-university.github.io/microcredentials/badges/1b4e28ba-2fa1-11d2-883f-0016d3cca427/",
    "https://microcredentials.a-rather-long-university-name.example.ac.uk/catalogue/" + "x" * 180 + "/badges/1/",
])
def test_qr_code_reads_back_as_the_badge_url(url):
    import zxingcpp

    uri = badges.qr_data_uri(url)
    png = base64.b64decode(uri.removeprefix("data:image/png;base64,"))
    assert badges.qr_png(url) == png
    symbol = Image.open(io.BytesIO(png))
    assert symbol.mode == "1" and len(uri) < 1200  # one pixel per module: small enough to inline in every page
    # Scaled up without smoothing, as the page's CSS (image-rendering: pixelated) shows it.
    big = symbol.convert("L").resize((symbol.width * 4, symbol.height * 4), Image.Resampling.NEAREST)
    assert big.getpixel((0, 0)) == 255 and big.getpixel((4 * 4 - 1, 4 * 4 - 1)) == 255  # the quiet zone
    found = zxingcpp.read_barcodes(big, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [code.text for code in found] == [url]
    assert found[0].ec_level == "M"


def test_og_image_is_a_real_1200x630_png(built):
    path = issued()[0]
    html = (built / "badges" / path.stem / "index.html").read_text()
    url = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    local = built / url.removeprefix("https://example-university.github.io/microcredentials/")
    with Image.open(local) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_images_are_made_once_per_course_version(built):
    pngs = sorted(p.relative_to(built).as_posix() for p in built.glob("images/*/*/badge.png"))
    # One per course version (current and archived) and one per pathway; no per-credential copy.
    versions = [*ROOT.glob("content/courses/*.md"), *ROOT.glob("content/courses/archive/*/*.md"),
                *ROOT.glob("content/pathways/*.md")]
    assert len(pngs) == len(versions) > 0
    assert not list(built.glob("badges/*/preview.png"))


def test_endpoints_and_headers(built):
    did = json.loads((built / "did.json").read_text())
    assert did["id"] == "did:web:example-university.github.io:microcredentials"
    assert did["assertionMethod"] == [m["id"] for m in did["verificationMethod"]]
    assert (built / "status/revocation.json").read_bytes() == (ROOT / "content/status/revocation.json").read_bytes()
    headers = (built / "_headers").read_text()
    # The type the badge page's <link rel="alternate"> names, and OB 3.0's SHOULD.
    assert ("/badges/*/credential.json\n  Content-Type: application/vc+ld+json\n"
            "  Access-Control-Allow-Origin: *") in headers
    assert ("/status/*\n  Content-Type: application/ld+json\n  Access-Control-Allow-Origin: *\n"
            "  Cache-Control: public, max-age=21600") in headers
    assert (built / ".nojekyll").exists()
    assert (built / "issuer/index.html").exists() and (built / "nl/issuer/index.html").exists()
    # Read back the way the dev server (and Netlify-style hosts) apply them.
    from generator.commands.serve import headers_for, parse_headers

    rules = parse_headers(headers)
    uid = issued()[0].stem
    for page in (f"/badges/{uid}/", f"/nl/badges/{uid}/"):
        assert headers_for(rules, page)["X-Robots-Tag"] == "noindex"
    for image in (f"/badges/{uid}/badge.svg", "/images/ai-in-healthcare-practice/2026.1/badge.svg", "/static/logo.svg"):
        assert "script" not in headers_for(rules, image)["Content-Security-Policy"]
        assert headers_for(rules, image)["Content-Security-Policy"].startswith("default-src 'none'")
    assert "Content-Security-Policy" not in headers_for(rules, f"/badges/{uid}/")


def test_no_private_key_material_in_the_output(built):
    secret = sample_secret()
    names = re.compile(rb"BEGIN [A-Z ]*PRIVATE KEY|secretKeyMultibase|privateKeyMultibase")
    values = re.compile(rb"z3u2[1-9A-HJ-NP-Za-km-z]{40,}")  # an Ed25519 secret key in multibase
    # The in-browser verifier is library code (ed25519-multikey), which names the key fields it can
    # export; what must never be in it, as in any file, is a key itself.
    library = built / "verify" / "credsite-verifier.js"
    assert library.is_file()
    for path in built.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert path == library or not names.search(data), path
            assert not values.search(data), path
            assert secret.encode() not in data, path


def test_one_changed_byte_stops_the_build_and_keeps_the_old_site(tmp_path):
    site = sample_site(tmp_path)
    out = tmp_path / "_site"
    assert build(site, out).ok
    before = tree(out)
    target = sorted((site / "content/issued").glob("*.json"))[1]
    text = target.read_text()
    name = json.loads(text)["credentialSubject"]["identifier"][1]["identityHash"]
    target.write_text(text.replace(name, name[:-1] + ("x" if name[-1] != "x" else "y")))
    result = build(site, out)
    assert not result.ok
    messages = [str(p) for p in result.problems if p.is_error]
    assert len(messages) == 1
    assert messages[0].startswith(f"content/issued/{target.name}: NOT PUBLISHED: proof")
    assert "(credsite build --skip-invalid publishes the others)" in messages[0]
    assert tree(out) == before


def test_skip_invalid_publishes_the_rest_with_a_warning(tmp_path):
    site = sample_site(tmp_path)
    target = sorted((site / "content/issued").glob("*.json"))[0]
    target.write_text(target.read_text().replace('"validFrom": "', '"validFrom": "1'))
    out = tmp_path / "_site"
    result = build(site, out, skip_invalid=True)
    assert result.ok
    (warning,) = with_code(result.problems, Code.NOT_PUBLISHED)
    assert warning.severity == "warning"
    assert not (out / "badges" / target.stem).exists()
    others = [p for p in (site / "content/issued").glob("*.json") if p != target]
    assert all((out / "badges" / p.stem / "credential.json").exists() for p in others)


@pytest.mark.parametrize("damage,message", [
    (lambda raw: b"\xef\xbb\xbf" + raw, "starts with a byte-order mark (BOM)"),
    (lambda raw: raw.decode().encode("utf-16"), "is UTF-16 or UTF-32 text, not UTF-8"),
    (lambda raw: raw.decode().encode("utf-16-le"), "is UTF-16 or UTF-32 text, not UTF-8"),
    (lambda raw: raw.replace(b"{", b"{\xff", 1), "is not UTF-8 text (byte 1 cannot be decoded)"),
    (lambda raw: b"[" * 200_000, "is not valid JSON (it is nested too deeply)"),
    (lambda raw: b"[1, 2]", "is not a JSON object, so not a credential"),
    (lambda raw: b"null", "is not a JSON object, so not a credential"),
])
def test_a_credential_file_that_is_not_utf8_json_is_named_and_stops_the_build(tmp_path, damage, message):
    # Saved by an editor that adds a BOM or writes UTF-16: publishing those bytes as they are
    # would give verifiers a file they reject, so the build stops and says which file.
    site = sample_site(tmp_path)
    target = sorted((site / "content/issued").glob("*.json"))[0]
    target.write_bytes(damage(target.read_bytes()))
    for run in (check, build):
        result = run(site) if run is check else run(site, tmp_path / "_site")
        errors = [str(p) for p in result.problems if p.is_error]
        assert errors and errors[0].startswith(f"content/issued/{target.name}: {message}"), errors
        assert "restore the file exactly as credsite issue wrote it" in errors[0]
    assert not (tmp_path / "_site").exists()


def test_entries_of_content_issued_that_are_not_read_are_reported(tmp_path):
    site = sample_site(tmp_path)
    issued_dir = site / "content/issued"
    first = sorted(issued_dir.glob("*.json"))[0]
    first.rename(issued_dir / (first.stem + ".JSON"))
    (issued_dir / "2026-cohort").mkdir()
    (issued_dir / "gone.json").symlink_to(tmp_path / "nowhere.json")
    (issued_dir / ".gitkeep").write_text("")
    (issued_dir / "README.md").write_text("Signed credentials live here.\n")
    result = build(site, tmp_path / "_site")
    assert result.ok
    warnings = sorted(str(p) for p in result.problems if p.severity == "warning" and "content/issued/" in p.path)
    assert warnings == sorted([
        f"content/issued/{first.stem}.JSON: warning: is skipped: only names ending in lower-case .json are read; "
        f"rename it to {first.stem}.json",
        "content/issued/2026-cohort: warning: is a folder; credentials in subfolders are not published; "
        "move the credential files into content/issued/ itself",
        "content/issued/gone.json: warning: is a broken link; remove it or point it at the credential file",
    ])


def test_unknown_achievement_is_not_published(tmp_path):
    site = sample_site(tmp_path)
    archive = site / "content/courses/archive/ai-in-healthcare-practice"
    shutil.rmtree(archive)  # nothing issued points at 2025.1, so this must still build ...
    assert build(site, tmp_path / "a").ok
    # ... but this course has a credential (and the sample pathway, which names it, goes with it)
    (site / "content/courses/circular-construction.md").unlink()
    shutil.rmtree(site / "content/pathways")
    result = build(site, tmp_path / "b")
    assert not result.ok
    (problem,) = [p for p in result.problems if "is not a published course version of this site" in p.message]
    assert problem.fix.startswith("publish that course version again: keep its text as content/courses/archive/")


def test_each_kind_of_unpublishable_credential_gets_its_own_fix(tmp_path):
    site = sample_site(tmp_path)
    preview = build(site, tmp_path / "a", base_url="https://preview.example.org/x/")
    assert not preview.ok
    assert all("build with the base_url it was issued under" in p.fix and "--skip-invalid" in p.fix
               for p in preview.problems if p.is_error)
    settings = site / "content/site.yaml"
    original = settings.read_text()
    settings.write_text(original.replace("id: sample-key-2026", "id: renamed-key"))  # the signing key "removed"
    removed = build(site, tmp_path / "k")
    assert {p.fix.split(" (credsite")[0] for p in removed.problems if p.is_error} == {
        "the key 'sample-key-2026' it was signed with is no longer listed in content/site.yaml: if it was removed "
        "by mistake or in a routine key change, put it back under keys: with status: retired (a retired key still "
        "verifies what it signed); if it leaked, keep it out and sign everything again with the new active key: "
        "credsite reissue --all --key NEW_KEY_FILE (see: credsite docs issuing 'A key that leaked')"}
    settings.write_text(original)
    status = site / "content/status/revocation.json"
    status.write_bytes(status.read_bytes()[:100])
    broken = build(site, tmp_path / "b")
    fixes = {p.fix for p in broken.problems if p.is_error}
    assert fixes == {"restore content/status/revocation.json as credsite issue and credsite revoke left it "
                     "(e.g. git checkout -- content/status/revocation.json) "
                     "(credsite build --skip-invalid publishes the others)"}


def test_verification_is_cached_by_content_hash(tmp_path, monkeypatch):
    site = sample_site(tmp_path)
    assert build(site, tmp_path / "a").ok
    import sqlite3
    from contextlib import closing

    from generator.build.store import FILE

    with closing(sqlite3.connect(site / FILE)) as db:  # one checked proof for each credential
        proofs = db.execute("SELECT count(*) FROM signatures").fetchone()[0]
    assert proofs == len(list((site / "content/issued").glob("*.json")))
    from generator.build import issued as issued_module

    def fail(*args):
        raise AssertionError("an unchanged credential's proof was checked again")

    monkeypatch.setattr(issued_module, "signature_findings", fail)
    # Without remembered verdicts every credential is judged again (as when a status list changes): from the
    # proofs' findings cached by digest.
    monkeypatch.setattr(issued_module.Memo, "verdict", lambda *args: None)
    assert build(site, tmp_path / "b").ok


def test_a_removed_key_stops_publishing_and_a_retired_key_does_not(tmp_path):
    site = sample_site(tmp_path)
    config = site / "content/site.yaml"
    text = config.read_text()
    config.write_text(text.replace("status: active", "status: retired"))
    assert build(site, tmp_path / "a").ok
    config.write_text(text.split("keys:")[0] + "keys:\n  - id: other\n    public_key: "
                      "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK\n    status: active\n")
    result = build(site, tmp_path / "b")
    assert not result.ok
    assert all("unknown verification method" in p.message or "NOT PUBLISHED" in p.message
               for p in result.problems if p.is_error)


def test_published_credentials_pass_the_ob3_json_schema(built):
    from generator.credentials.schemas import schema_problems

    for path in sorted(built.glob("badges/*/credential.json")):
        assert schema_problems(json.loads(path.read_text())) == [], path


def test_check_writes_nothing_not_even_the_cache(tmp_path):
    from click.testing import CliRunner

    from generator.commands.cli import cli

    site = sample_site(tmp_path)
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    result = CliRunner().invoke(cli, ["check", "--source", str(site)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_build_reports_its_stages_on_stderr(tmp_path):
    from click.testing import CliRunner

    from generator.commands.cli import cli

    site = sample_site(tmp_path)
    result = CliRunner().invoke(cli, ["build", "--source", str(site)])
    assert result.exit_code == 0, result.stderr
    stages = re.findall(r"^\[\s*[\d.]+ s\] (\w+)", result.stderr, re.M)
    assert stages == ["loaded", "verifying", "rendering", "measured", "publishing"]


def test_check_warns_when_a_draft_course_has_credentials(tmp_path):
    site = sample_site(tmp_path)
    course = site / "content/courses/circular-construction.md"
    course.write_text(course.read_text().replace("status: published", "status: draft", 1)
                      if "status: published" in course.read_text()
                      else course.read_text().replace("---\n", "---\nstatus: draft\n", 1))
    pathway = site / "content/pathways/sustainable-cities.md"  # names the course, so it must be a draft too
    pathway.write_text(pathway.read_text().replace("status: published", "status: draft", 1))
    content = check(site)
    assert content.ok
    warnings = [str(p) for p in content.problems if "is a draft" in p.message]
    assert len(warnings) == 1 and warnings[0].startswith("content/courses/circular-construction.md: warning: "
                                                         "status: the course is a draft, but "), warnings
    assert not build(site, tmp_path / "_site").ok  # what the warning foretells


def test_drawn_badges_have_glyphs_for_european_languages():
    # Pillow's built-in font drew "Coördinatie" as "Co▯rdinatie"; the shipped font must not.
    import hashlib

    from PIL import ImageFont

    font = ImageFont.truetype(str(badges.FONT), 40)
    missing = bytes(font.getmask("\ue000"))  # a private-use code point: the font's "no glyph" box
    sample = "Coördinatie café één Müller Université Łódź Škoda Ærø Œuvre Ελλάδα България ß ñ ő ū — «» € ’"
    absent = sorted({ch for ch in sample if not ch.isspace() and bytes(font.getmask(ch)) == missing})
    assert absent == []
    [source] = json.loads((badges.FONT.parent / "sources.json").read_text())
    assert hashlib.sha256(badges.FONT.read_bytes()).hexdigest() == source["sha256"]
    assert (badges.FONT.parent / "LICENSE-DejaVu.txt").read_text().startswith("Fonts are (c) Bitstream")
