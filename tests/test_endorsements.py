"""Endorsements (issue #16): an outside body signs an OB 3.0 EndorsementCredential about a course version.

The endorsement the build must accept is signed here by Digital Bazaar's libraries
(tests/interop/sign-endorsement.mjs), as a fictional professional body with its own did:web, whose
DID document the test writes as the snapshot the institution keeps. The build shows it on the course
page and embeds it in the Achievement; a tampered copy, one about an Achievement the site does not
publish, and one whose key the endorser's DID document does not list stop the build, naming the file.
`credsite endorse` signs endorsements the build accepts too, and every endorsement passes the official
EndorsementCredential JSON Schema (tests/vendor/schemas/).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import shutil
import subprocess

import jsonschema
import pytest

from conftest import BASE, COURSE, ROOT, VENDOR, npm_ci, read_json, run, site_yaml, write_json
from generator.build.pipeline import build, check
from generator.credentials import closed_world
from generator.credentials.linked_data import data_loss
from generator.credentials.multikey import public_to_multibase
from generator.issuing import keys

INTEROP = ROOT / "tests" / "interop"
ACHIEVEMENT = f"{BASE}achievements/{COURSE}/2026.1.json"
BODY = "did:web:zorgprofessionals.example"  # a fictional professional body
BODY_NAME = "Nederlandse Vereniging van Zorgprofessionals (fictional)"
COMMENT = "Meets our standard for continuing professional development in testing."
SIGNED_AT = "2026-06-01T09:00:00Z"
ENDORSEMENT = "content/endorsements/zorgprofessionals.json"
SNAPSHOT = "content/endorsements/dids/zorgprofessionals.example.json"
SAMPLE_ACHIEVEMENT = "achievements/ai-in-healthcare-practice/2026.1.json"


@pytest.fixture(scope="module")
def node() -> str:
    """The node executable, with tests/interop's pinned packages installed."""
    found = shutil.which("node")
    if found is None:
        pytest.fail("node is not installed (.ci/run installs it); Digital Bazaar's libraries sign the endorsement")
    npm_ci(INTEROP)
    return found


def digital_bazaar_signs(node: str, tmp_path, seed: str = "TEST-ONLY endorser seed", key_id: str = "key-1",
                         achievement: str = ACHIEVEMENT) -> tuple[dict, dict]:
    """(endorsement, verification method) signed by sign-endorsement.mjs as the professional body."""
    options = write_json({"seed": seed, "did": BODY, "keyId": key_id, "achievement": achievement,
                          "comment": COMMENT, "name": BODY_NAME, "validFrom": SIGNED_AT},
                         tmp_path / f"options-{seed}-{key_id}.json")
    done = subprocess.run([node, str(INTEROP / "sign-endorsement.mjs"), str(options)], cwd=INTEROP,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    signed = json.loads(done.stdout)
    return signed["endorsement"], signed["verificationMethod"]


def snapshot(*methods: dict, did: str = BODY, retrieved: str | None = None) -> dict:
    """A DID document snapshot as the institution keeps it: the document the endorser publishes, dated."""
    return {"retrieved": retrieved or dt.date.today().isoformat(),
            "url": "https://zorgprofessionals.example/.well-known/did.json",
            "didDocument": {"@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
                            "id": did, "verificationMethod": list(methods),
                            "assertionMethod": [m["id"] for m in methods]}}


@pytest.fixture(scope="module")
def endorsed(node, tmp_path_factory):
    """The endorsement Digital Bazaar signed, and the verification method the body's DID document lists."""
    return digital_bazaar_signs(node, tmp_path_factory.mktemp("sign"))


def with_endorsement(make_site, endorsement: dict, snapshot_document: dict | None):
    files = {ENDORSEMENT: json.dumps(endorsement, indent=2)}
    if snapshot_document is not None:
        files[SNAPSHOT] = json.dumps(snapshot_document, indent=2)
    return make_site(files)


def problems_of(result) -> list[str]:
    return [str(p) for p in result.problems if p.is_error]


# ---------------------------------------------------------------- an endorsement Digital Bazaar signed


def test_it_verifies_in_the_build_and_shows_on_the_course_page(make_site, endorsed, tmp_path):
    endorsement, method = endorsed
    root = with_endorsement(make_site, endorsement, snapshot(method))
    result = build(root, tmp_path / "out")
    assert result.ok and result.written, problems_of(result)
    for page in (f"courses/{COURSE}/index.html", f"courses/{COURSE}/2026.1/index.html"):
        html = (tmp_path / "out" / page).read_text(encoding="utf-8")
        assert 'id="endorsements"' in html and BODY_NAME in html and COMMENT in html, page
        assert "Signed by did:<wbr>web:<wbr>zorgprofessionals<wbr>.example on June 1, 2026" in html
    dutch = (tmp_path / "out" / "nl" / "courses" / COURSE / "index.html").read_text(encoding="utf-8")
    assert "Onderschrijvingen" in dutch and COMMENT in dutch


def test_the_achievement_embeds_it_as_signed(make_site, endorsed, tmp_path):
    endorsement, method = endorsed
    root = with_endorsement(make_site, endorsement, snapshot(method))
    assert build(root, tmp_path / "out").ok
    achievement = read_json(tmp_path / "out" / "achievements" / COURSE / "2026.1.json")
    assert achievement["endorsement"] == [endorsement]
    # Still a closed world (only standard contexts, also inside the endorsement) and lossless JSON-LD.
    assert closed_world.problems(achievement, lambda url: url.startswith(BASE)) == []
    assert data_loss(achievement) == []
    index = read_json(tmp_path / "out" / "achievements" / "index.json")
    assert [a.get("endorsement") for a in index["@graph"]] == [[endorsement]]


def test_it_passes_the_official_endorsement_schema(endorsed):
    validator = endorsement_schema_validator()
    assert list(validator.iter_errors(endorsed[0])) == []
    wrong = copy.deepcopy(endorsed[0])
    del wrong["credentialSubject"]["id"]
    assert list(validator.iter_errors(wrong)), "the schema should want the endorsed Achievement's id"


def endorsement_schema_validator() -> jsonschema.Draft201909Validator:
    """The schema as 1EdTech publishes it, vendored (tests/vendor/schemas/sources.json), validated offline."""
    schema = read_json(VENDOR / "schemas" / "ob_v3p0_endorsementcredential_schema.json")
    return jsonschema.Draft201909Validator(schema, format_checker=jsonschema.FormatChecker())


def test_a_did_web_endorser_needs_the_snapshot_of_its_did_document(make_site, endorsed, tmp_path):
    root = with_endorsement(make_site, endorsed[0], None)
    result = build(root, tmp_path / "out")
    assert not result.ok
    (problem,) = [p for p in result.problems if p.is_error]
    assert problem.path == ENDORSEMENT
    assert "no snapshot of its DID document" in problem.message
    assert "content/endorsements/dids/" in problem.fix


# ---------------------------------------------------------------- what must fail, naming the file


def test_a_tampered_endorsement_fails_the_build(make_site, endorsed, tmp_path):
    endorsement, method = copy.deepcopy(endorsed[0]), endorsed[1]
    endorsement["credentialSubject"]["endorsementComment"] += " And our members get a discount."
    result = build(with_endorsement(make_site, endorsement, snapshot(method)), tmp_path / "out")
    assert not result.ok and not (tmp_path / "out").exists()
    (problem,) = [p for p in result.problems if p.is_error]
    assert problem.path == ENDORSEMENT
    assert "signature does not match" in problem.message
    assert "changed after the endorser signed it" in problem.fix


def test_an_endorsement_of_an_achievement_the_site_does_not_publish_fails(make_site, node, tmp_path):
    elsewhere = f"{BASE}achievements/{COURSE}/2099.1.json"
    endorsement, method = digital_bazaar_signs(node, tmp_path, achievement=elsewhere)
    result = build(with_endorsement(make_site, endorsement, snapshot(method)), tmp_path / "out")
    assert not result.ok
    (problem,) = [p for p in result.problems if p.is_error]
    assert problem.path == ENDORSEMENT
    assert f"{elsewhere} is not an Achievement this site publishes" in problem.message


def test_an_endorsement_whose_key_the_endorser_does_not_list_fails(make_site, node, endorsed, tmp_path):
    """Signed by a key the body's DID document does not have: under the same id, or under another."""
    endorsement, listed = endorsed
    _, other = digital_bazaar_signs(node, tmp_path, seed="TEST-ONLY another key")
    cases = {
        "another key under that id": (snapshot({**listed, "publicKeyMultibase": other["publicKeyMultibase"]}),
                                      "signature does not match"),
        "that id not listed": (snapshot({**other, "id": f"{BODY}#key-2"}), f"unknown verification method {BODY}#key-1"),
    }
    for case, (document, expected) in cases.items():
        result = build(with_endorsement(make_site, endorsement, document), tmp_path / case)
        assert not result.ok, case
        (problem,) = [p for p in result.problems if p.is_error]
        assert problem.path == ENDORSEMENT, case
        assert expected in problem.message, (case, problem.message)


def test_a_snapshot_of_another_address_is_refused(make_site, endorsed, tmp_path):
    document = snapshot(endorsed[1])
    document["url"] = "https://elsewhere.example/did.json"
    result = build(with_endorsement(make_site, endorsed[0], document), tmp_path / "out")
    assert not result.ok
    assert any(p.path == SNAPSHOT and p.field == "url" for p in result.problems), problems_of(result)


def test_check_says_when_a_snapshot_is_old(make_site, endorsed):
    from generator.content.endorsements import SNAPSHOT_MAX_AGE_DAYS

    old = (dt.date.today() - dt.timedelta(days=SNAPSHOT_MAX_AGE_DAYS + 10)).isoformat()
    root = with_endorsement(make_site, endorsed[0], snapshot(endorsed[1], retrieved=old))
    content = check(root)
    assert content.ok, [str(p) for p in content.problems]
    (warning,) = [p for p in content.problems if p.path == SNAPSHOT]
    assert warning.severity == "warning" and f"is {SNAPSHOT_MAX_AGE_DAYS + 10} days old" in warning.message
    write_json(snapshot(endorsed[1]), root / SNAPSHOT)
    assert [p for p in check(root).problems if p.path == SNAPSHOT] == []


def test_an_expired_endorsement_is_left_out_with_a_warning(make_site, tmp_path, monkeypatch):
    """`credsite endorse --valid-until`: once that moment has passed the build no longer shows it."""
    key_path = tmp_path / "keys" / "body.json"
    key = keys.generate(key_path, tmp_path / "elsewhere")
    out = tmp_path / "endorsement.json"
    tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    result = run("endorse", "--achievement", ACHIEVEMENT, "--comment", COMMENT, "--key", key_path,
                 "--issuer", "did:key", "--valid-until", tomorrow.strftime("%Y-%m-%dT%H:%M:%SZ"), "--out", out)
    assert result.exit_code == 0, result.stderr
    assert read_json(out)["issuer"]["id"] == f"did:key:{key.public_multibase}"
    root = make_site({ENDORSEMENT: out.read_text(encoding="utf-8")})
    assert "endorsement" in build_achievement(root, tmp_path / "today")
    # The build judges validity at SOURCE_DATE_EPOCH when it is set: the day after tomorrow.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int((tomorrow + dt.timedelta(days=1)).timestamp())))
    result = build(root, tmp_path / "later")
    assert result.ok, problems_of(result)
    (warning,) = [p for p in result.problems if p.path == ENDORSEMENT]
    assert warning.severity == "warning" and "expired" in warning.message
    assert "endorsement" not in read_json(tmp_path / "later" / "achievements" / COURSE / "2026.1.json")


def build_achievement(root, out) -> dict:
    result = build(root, out)
    assert result.ok, problems_of(result)
    return read_json(out / "achievements" / COURSE / "2026.1.json")


def test_a_rebuild_shows_an_endorsement_added_or_removed_since(make_site, endorsed, tmp_path):
    """The course version's page and Achievement are rendered again, not reused from the last build."""
    root = make_site()
    out = tmp_path / "out"
    page = out / "courses" / COURSE / "index.html"
    assert "endorsement" not in build_achievement(root, out)
    write_json(endorsed[0], root / ENDORSEMENT)
    write_json(snapshot(endorsed[1]), root / SNAPSHOT)
    assert build_achievement(root, out)["endorsement"] == [endorsed[0]]
    assert COMMENT in page.read_text(encoding="utf-8")
    (root / ENDORSEMENT).unlink()
    assert "endorsement" not in build_achievement(root, out)
    assert COMMENT not in page.read_text(encoding="utf-8")


# ---------------------------------------------------------------- credsite endorse


def test_credsite_endorse_signs_what_the_build_accepts(make_site, tmp_path):
    """As a did:web body: the endorsement goes to standard output, and builds with the body's snapshot."""
    key_path = tmp_path / "keys" / "body.json"
    key = keys.generate(key_path, tmp_path / "elsewhere")
    result = run("endorse", "--achievement", ACHIEVEMENT, "--comment", COMMENT, "--key", key_path,
                 "--issuer", "https://zorgprofessionals.example/", "--key-id", "key-2026", "--name", BODY_NAME)
    assert result.exit_code == 0, result.stderr
    endorsement = json.loads(result.stdout)
    assert endorsement["issuer"] == {"id": BODY, "type": ["Profile"], "name": BODY_NAME}
    assert endorsement["proof"][0]["verificationMethod"] == f"{BODY}#key-2026"
    assert endorsement["@context"] == ["https://www.w3.org/ns/credentials/v2",
                                       "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
    assert list(endorsement_schema_validator().iter_errors(endorsement)) == []
    method = {"id": f"{BODY}#key-2026", "type": "Multikey", "controller": BODY,
              "publicKeyMultibase": public_to_multibase(key.private.public_key())}
    out = build(with_endorsement(make_site, endorsement, snapshot(method)), tmp_path / "out")
    assert out.ok, problems_of(out)
    html = (tmp_path / "out" / "courses" / COURSE / "index.html").read_text(encoding="utf-8")
    assert BODY_NAME in html


@pytest.mark.parametrize("args, field, says", [
    (["--issuer", BODY], "--key-id", "missing"),
    (["--issuer", "did:key:z6MkhVU52ecmivkQ5fELVzC9n45ud5AvGyx5eho8depCEt9E"], "--issuer", "is not the did:key"),
    (["--issuer", "mailto:body@example.org"], "--issuer", "is not a DID credsite can sign as"),
    (["--issuer", "did:key", "--valid-until", "2001-01-01"], "--valid-until", "is not in the future"),
])
def test_credsite_endorse_names_what_is_wrong(tmp_path, args, field, says):
    key_path = tmp_path / "keys" / "body.json"
    keys.generate(key_path, tmp_path / "elsewhere")
    result = run("endorse", "--achievement", ACHIEVEMENT, "--comment", COMMENT, "--key", key_path, *args)
    assert result.exit_code == 1
    assert re.search(rf"^credsite endorse: {re.escape(field)}: .*{re.escape(says)}", result.stderr, re.M), \
        result.stderr
    assert "nothing was signed" in result.stderr and result.stdout == ""


def test_credsite_endorse_wants_an_https_achievement_and_a_comment(tmp_path):
    key_path = tmp_path / "keys" / "body.json"
    keys.generate(key_path, tmp_path / "elsewhere")
    result = run("endorse", "--achievement", "http://uni.example.org/a.json", "--comment", " ", "--key", key_path,
                 "--issuer", "did:key")
    assert result.exit_code == 1
    assert "--achievement: 'http://uni.example.org/a.json' is not an https:// address" in result.stderr
    assert "--comment: missing" in result.stderr


# ---------------------------------------------------------------- the sample site


def test_the_sample_shows_its_endorsement(www):
    site = next(p for p in www.iterdir() if p.is_dir())
    achievement = read_json(site / SAMPLE_ACHIEVEMENT)
    (endorsement,) = achievement["endorsement"]
    assert endorsement["issuer"]["name"] == BODY_NAME
    assert endorsement["issuer"]["id"] == BODY
    assert list(endorsement_schema_validator().iter_errors(endorsement)) == []
    html = (site / "courses" / "ai-in-healthcare-practice" / "index.html").read_text(encoding="utf-8")
    assert 'id="endorsements"' in html and BODY_NAME in html
    # Signed with the TEST-ONLY endorser key in tests/fixtures/, whose public key the snapshot lists.
    test_key = read_json(ROOT / "tests" / "fixtures" / "TEST-ONLY-endorser-signing-key.json")
    snapshot_file = read_json(ROOT / SNAPSHOT)
    assert [m["publicKeyMultibase"] for m in snapshot_file["didDocument"]["verificationMethod"]] == \
        [test_key["publicKeyMultibase"]]


@pytest.mark.parametrize("script", ["verify.mjs", "verify-dcc.mjs"])
def test_the_published_endorsement_verifies_in_both_interop_verifiers(node, www, tmp_path, script):
    """Digital Bazaar's verifier and verifier-core check the endorsement the sample's Achievement embeds, in a
    world that holds what the endorser publishes: its DID document where did:web resolution looks for it."""
    site = next(p for p in www.iterdir() if p.is_dir())
    (endorsement,) = read_json(site / SAMPLE_ACHIEVEMENT)["endorsement"]
    body = tmp_path / "zorgprofessionals.example"
    write_json(read_json(ROOT / SNAPSHOT)["didDocument"], body / ".well-known" / "did.json")
    file = write_json(endorsement, tmp_path / "endorsement.json")
    done = subprocess.run([node, str(INTEROP / script), str(body), str(file)], cwd=INTEROP, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["verified"], report["error"]


def test_the_site_cannot_endorse_itself_under_a_did_key(make_site, tmp_path):
    """Found in review: the site's own key, presented as a did:key with a made-up body's name, passed."""
    key_path = tmp_path / "keys" / "site.json"
    key = keys.generate(key_path, tmp_path / "elsewhere")
    result = run("endorse", "--achievement", ACHIEVEMENT, "--comment", "self praise", "--key", key_path,
                 "--issuer", "did:key", "--name", "Totally Independent Body")
    assert result.exit_code == 0, result.stderr
    root = make_site({ENDORSEMENT: result.stdout}, site_yaml=site_yaml(("site-key", key, "retired")))
    out = build(root, tmp_path / "out")
    assert not out.ok
    (problem,) = problems_of(out)
    assert problem.startswith(ENDORSEMENT) and "one of this site's own keys" in problem
