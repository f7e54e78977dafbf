"""Keys, issuing, revocation and offline verification: credsite keygen / issue / revoke / verify.

Every test works in a site made in tmp_path with `make_site` plus a `keys:` list,
and with keys generated into tmp_path (outside any git work tree). The CLI is
driven with click's CliRunner; `run()` fails a test on any uncaught exception,
so no command may crash with a traceback.

Bugs these tests found were fixed; their tests stay as regression tests.
"""

from __future__ import annotations

import base64
import codecs
import copy
import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import re
import stat
import subprocess
import sys
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from conftest import (
    BASE,
    COURSE,
    SITE_YAML,
    course_text,
    issue_api,
    issue_cli,
    issued_files,
    learner,
    need_tool,
    nothing_issued,
    read_csv,
    read_json,
    run,
    site_yaml,
    status_files,
    verdict_lines,
    write_files,
)
from generator import routes
from generator.build.pipeline import build, load
from generator.commands import verify as verification
from generator.commands.cli import cli
from generator.content import config
from generator.content import status as content_status
from generator.credentials import statuslist
from generator.credentials.did import did_document, resolver_for_site
from generator.credentials.multikey import (
    did_key,
    did_key_verification_method,
    private_from_multibase,
    public_from_multibase,
    public_to_multibase,
)
from generator.credentials.proofs import sign_rdfc
from generator.credentials.proofs import verify as verify_proof
from generator.credentials.schemas import achievement_credential_schema, schema_problems
from generator.issuing import issue as issuing
from generator.issuing import keys

DID = "did:web:uni.example.org:mc"
UTC = dt.UTC
GRADING_LINE = '  grading: {scale: nl-1-10, pass: "5.5"}'
UUID_NAME = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.json$")
SIGNATURE_CHANGED = "the signature does not match"

@pytest.fixture
def needs_git():
    need_tool("git")


# ---------------------------------------------------------------- helpers


# The site, key, issuing and CLI helpers shared with other test files are in conftest.py.


def set_keys(root: Path, *entries, base_url: str = BASE) -> None:
    (root / "content" / "site.yaml").write_text(site_yaml(*entries, base_url=base_url), encoding="utf-8")


def registry_rows(root: Path) -> list[dict]:
    return read_csv(root / content_status.REGISTRY)


def index_of(document: dict) -> int:
    return int(document["credentialStatus"]["statusListIndex"])


def new_key(s, name: str):
    return keys.generate(s.tmp / "keys" / f"{name}.json", s.root)


def verdicts(paths, site_dir: Path, now=None):
    out, problems = verification.verify_paths([Path(p) for p in paths], site_dir, now=now)
    assert not problems, [str(p) for p in problems]
    return [v for _, v in out]


def verdict(path, site_dir: Path, now=None):
    (only,) = verdicts([path], site_dir, now)
    return only


# ---------------------------------------------------------------- keygen


def test_keygen_writes_0600_key_outside_and_prints_the_public_key_and_site_yaml_lines(make_site, tmp_path):
    root = make_site()
    target = tmp_path / "secret" / "nested" / "signing-key.json"

    result = run("keygen", "--out", target, "--id", "key-2026", "--source", root)

    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    document = read_json(target)
    secret = document["secretKeyMultibase"]
    public = public_to_multibase(private_from_multibase(secret).public_key())
    assert document["publicKeyMultibase"] == public
    assert public.startswith("z6Mk")
    public_from_multibase(public)  # a valid Ed25519 Multikey
    assert f"publicKeyMultibase: {public}" in result.stdout
    assert secret not in result.stdout + result.stderr, "the private key must never be printed"
    # The printed lines, pasted at the end of site.yaml, make a valid keys: list.
    lines = result.stdout[result.stdout.index("keys:"):]
    (root / "content" / "site.yaml").write_text(SITE_YAML + lines, encoding="utf-8")
    problems: list = []
    loaded = config.load_site(root, problems)
    assert not problems, [str(p) for p in problems]
    assert [(k.id, k.public_key, k.status) for k in loaded.keys] == [("key-2026", public, "active")]
    assert list(root.rglob("*signing-key*")) == []


def test_keygen_key_and_printed_lines_sign_credentials_that_verify(make_site, tmp_path):
    root = make_site()
    target = tmp_path / "k.json"
    result = run("keygen", "--out", target, "--source", root)
    assert result.exit_code == 0, result.stderr
    default_id = f"key-{dt.date.today().isoformat()}"
    assert f"- id: {default_id}" in result.stdout
    (root / "content" / "site.yaml").write_text(SITE_YAML + result.stdout[result.stdout.index("keys:"):])
    s = SimpleNamespace(root=root, key_path=target, tmp=tmp_path)

    issued = issue_cli(s, "--name", "Ann Example", "--email", "ann@example.org")

    assert issued.exit_code == 0, issued.stderr
    (path,) = issued_files(root)
    assert read_json(path)["proof"][0]["verificationMethod"] == f"{DID}#{default_id}"
    checked = run("verify", path, "--site", root)
    assert checked.exit_code == 0, checked.stdout
    assert verdict_lines(checked.stdout) == [f"{path}: valid"]


def test_keygen_by_default_writes_where_issue_revoke_and_reissue_look(make_site, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    root = make_site()
    made = run("keygen", "--id", "k1", "--source", root)
    assert made.exit_code == 0, made.stderr
    default = tmp_path / "config" / "credsite" / "signing-key.json"
    assert keys.default_key_path() == default and stat.S_IMODE(default.stat().st_mode) == 0o600
    assert str(default) in made.stderr
    (root / "content" / "site.yaml").write_text(SITE_YAML + made.stdout[made.stdout.index("keys:"):])
    s = SimpleNamespace(root=root, tmp=tmp_path)

    issued = issue_cli(s, "--name", "Ann Example", "--email", "ann@example.org", key_path=False)
    (path,) = issued_files(root)
    revoked = run("revoke", "--yes", path.stem, "--reason", "test", "--source", root)
    reissued = run("reissue", "--all", "--source", root)

    assert issued.exit_code == 0, issued.stderr
    assert revoked.exit_code == 0, revoked.stderr
    assert reissued.exit_code == 0 and "nothing to reissue" in reissued.stderr, reissued.stderr


def test_the_default_key_path_follows_xdg_config_home_and_else_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert keys.default_key_path() == tmp_path / "home" / ".config" / "credsite" / "signing-key.json"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")  # the XDG rule: a relative path is ignored
    assert keys.default_key_path() == tmp_path / "home" / ".config" / "credsite" / "signing-key.json"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert keys.default_key_path() == tmp_path / "xdg" / "credsite" / "signing-key.json"


def test_keygen_gives_mode_0600_even_with_a_permissive_umask(make_site, tmp_path):
    root = make_site()
    old = os.umask(0)
    try:
        result = run("keygen", "--out", tmp_path / "k.json", "--source", root)
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "k.json").stat().st_mode) == 0o600


@pytest.mark.parametrize("inside", ["signing-key.json", "content/signing-key.json", "new/folder/k.json"])
def test_keygen_refuses_a_path_inside_the_site_folder(make_site, inside):
    root = make_site()
    before = sorted(p.relative_to(root) for p in root.rglob("*"))

    result = run("keygen", "--out", root / inside, "--source", root)

    assert result.exit_code == 1
    assert "inside the repository" in result.stderr and "never be committed" in result.stderr
    assert result.stdout == "", "no public key may be printed when nothing was written"
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before


@pytest.mark.usefixtures("needs_git")
@pytest.mark.parametrize("inside", ["k.json", "secrets/deeper/k.json", "site/k.json"])
def test_keygen_refuses_a_path_inside_a_git_work_tree(tmp_path, inside):
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    site_dir = write_files(repo / "site", {"content/site.yaml": SITE_YAML,
                                          "content/courses/testing-things.md": course_text()})
    before = sorted(repo.rglob("*"))

    result = run("keygen", "--out", repo / inside, "--source", site_dir)

    assert result.exit_code == 1
    assert "inside the repository" in result.stderr
    assert sorted(repo.rglob("*")) == before, "keygen created files or folders inside the repository"


@pytest.mark.usefixtures("needs_git")
def test_keygen_refuses_a_git_work_tree_even_when_the_site_is_elsewhere(make_site, tmp_path):
    """--out into some other repository (not the site's) is refused too."""
    root = make_site()
    repo = tmp_path / "other-repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)

    result = run("keygen", "--out", repo / "k.json", "--source", root)

    assert result.exit_code == 1
    assert "inside the repository" in result.stderr
    assert not (repo / "k.json").exists()


@pytest.mark.usefixtures("needs_git")
def test_keygen_refuses_a_symlink_that_leads_into_the_repository(make_site, tmp_path):
    root = make_site()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "link").symlink_to(root / "content")

    result = run("keygen", "--out", outside / "link" / "k.json", "--source", root)

    assert result.exit_code == 1
    assert "inside the repository" in result.stderr
    assert not (root / "content" / "k.json").exists()


def test_keygen_never_overwrites_an_existing_key(make_site, tmp_path):
    root = make_site()
    target = tmp_path / "k.json"
    assert run("keygen", "--out", target, "--source", root).exit_code == 0
    before = target.read_bytes()

    result = run("keygen", "--out", target, "--source", root)

    assert result.exit_code == 1
    assert "already exists" in result.stderr and "never overwrites" in result.stderr
    assert target.read_bytes() == before


# ---------------------------------------------------------------- loading keys


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_a_key_file_other_users_can_read_is_refused_with_a_chmod_hint(site, mode):
    os.chmod(site.key_path, mode)

    result = issue_cli(site, "--name", "Ann Example", "--email", "ann@example.org")

    assert result.exit_code == 1
    assert f"chmod 600 {site.key_path}" in result.stderr
    assert result.stdout == ""
    nothing_issued(site.root)


def test_the_key_can_come_from_the_environment_as_secret_key_multibase(site, monkeypatch):
    monkeypatch.setenv(keys.KEY_ENV, read_json(site.key_path)["secretKeyMultibase"])

    result = issue_cli(site, "--name", "Ann Example", "--email", "ann@example.org", key_path=False)

    assert result.exit_code == 0, result.stderr
    (path,) = issued_files(site.root)
    assert read_json(path)["proof"][0]["verificationMethod"] == f"{DID}#k1"
    assert verdict(path, site.root).ok


def test_the_key_can_come_from_a_file_named_in_the_environment(site, monkeypatch):
    monkeypatch.setenv(keys.KEY_FILE_ENV, str(site.key_path))

    result = issue_cli(site, "--name", "Ann Example", "--email", "ann@example.org", key_path=False)

    assert result.exit_code == 0, result.stderr
    (path,) = issued_files(site.root)
    assert verdict(path, site.root).ok


def test_without_any_key_issue_says_where_to_give_one(site):
    result = issue_cli(site, "--name", "Ann Example", "--email", "ann@example.org", key_path=False)

    assert result.exit_code == 1
    assert "--key" in result.stderr and keys.KEY_ENV in result.stderr and "keygen" in result.stderr
    assert f"no key file at {keys.default_key_path()}, where 'credsite keygen' writes one" in result.stderr
    nothing_issued(site.root)


def test_a_malformed_secret_in_the_environment_is_refused_without_repeating_it(site, monkeypatch):
    secret = read_json(site.key_path)["secretKeyMultibase"]
    broken = secret[:-4]
    monkeypatch.setenv(keys.KEY_ENV, broken)

    result = issue_cli(site, "--name", "Ann Example", "--email", "ann@example.org", key_path=False)

    assert result.exit_code == 1
    assert f"${keys.KEY_ENV}" in result.stderr and "secretKeyMultibase" in result.stderr
    assert broken not in result.stdout + result.stderr
    nothing_issued(site.root)


# ---------------------------------------------------------------- issuing one learner


@pytest.fixture
def one(site):
    """One credential issued through the CLI with every option."""
    mail_merge = site.tmp / "merge.csv"
    result = issue_cli(site, "--name", "Ann Example", "--email", "Ann.Example@Example.ORG",
                       "--grade", "7.5", "--date", "2025-06-30",
                       "--evidence", "https://portfolio.example.org/ann/1",
                       "--evidence", "https://portfolio.example.org/ann/2",
                       "--valid-until", "2030-06-30", mail_merge=mail_merge)
    assert result.exit_code == 0, result.stderr
    (path,) = issued_files(site.root)
    return SimpleNamespace(**vars(site), result=result, path=path, doc=read_json(path), mail_merge=mail_merge)


def test_issue_writes_one_uuid_named_file_and_prints_the_badge_url(one):
    assert UUID_NAME.match(one.path.name), one.path.name
    uid = one.path.stem
    assert one.doc["id"] == f"urn:uuid:{uid}"
    badge_url = f"{BASE}badges/{uid}/"
    assert one.result.stdout.splitlines() == [f"Ann Example <Ann.Example@Example.ORG>: {badge_url}"]
    assert read_csv(one.mail_merge) == [{"name": "Ann Example", "email": "Ann.Example@Example.ORG",
                                         "badge_url": badge_url, "credential_id": f"urn:uuid:{uid}"}]
    assert stat.S_IMODE(one.path.stat().st_mode) & 0o044 == 0o044, "published content must be readable"
    assert [p.name for p in one.path.parent.iterdir()] == [one.path.name], "a temporary file was left behind"


def test_issued_credential_is_an_ob3_credential_that_passes_the_official_schema(one):
    doc = one.doc
    assert schema_problems(doc) == []
    assert doc["@context"][:2] == ["https://www.w3.org/ns/credentials/v2",
                                   "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
    assert doc["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert doc["issuer"]["id"] == DID
    assert doc["validFrom"] == doc["awardedDate"] == "2025-06-30T00:00:00Z"
    assert doc["validUntil"] == "2030-06-30T00:00:00Z"
    assert doc["credentialSubject"]["achievement"]["id"] == f"{BASE}achievements/{COURSE}/2026.1.json"
    assert doc["credentialSubject"]["result"][0]["value"] == "7.5"
    assert [e["id"] for e in doc["evidence"]] == ["https://portfolio.example.org/ann/1",
                                                 "https://portfolio.example.org/ann/2"]
    assert doc["credentialSchema"] == [{"id": issuing.OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}]
    assert isinstance(doc["proof"], list) and len(doc["proof"]) == 1
    proof = doc["proof"][0]
    assert {k: proof[k] for k in ("type", "cryptosuite", "proofPurpose", "verificationMethod")} == {
        "type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
        "proofPurpose": "assertionMethod", "verificationMethod": f"{DID}#k1"}


def test_credential_status_is_a_bitstring_status_list_entry_recorded_in_the_registry(one):
    status = one.doc["credentialStatus"]
    index = int(status["statusListIndex"])
    url = f"{BASE}status/revocation.json"
    assert status == {"id": f"{url}#{index}", "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
                      "statusListIndex": str(index), "statusListCredential": url}
    assert 0 <= index < statuslist.LIST_SIZE
    assert [(int(r["index"]), r["credential"]) for r in registry_rows(one.root)] == [(index, one.doc["id"])]


def test_every_type_the_schema_allows_as_an_array_is_an_array(one):
    """Derived from the schema: a `type` may be a single string only where the schema's class
    (IdentityObject, Image, CredentialSchema, CredentialStatus, Proof, ...) says so."""
    schema = achievement_credential_schema()
    defs = schema["$defs"]

    def allows_array(schema_type: dict) -> bool:
        return '"array"' in json.dumps(schema_type)

    single = {name for name, d in defs.items()
              if "type" in d.get("properties", {}) and not allows_array(d["properties"]["type"])}
    assert {"IdentityObject", "CredentialSchema", "CredentialStatus", "Proof"} <= single
    assert allows_array(schema["properties"]["type"])
    # Classes whose type value is not the class name, by the member that holds them.
    single_by_member = {m for m, d in (("credentialSchema", "CredentialSchema"), ("proof", "Proof"),
                                       ("credentialStatus", "CredentialStatus")) if d in single}

    seen, wrong = set(), []

    def walk(node, key="", path="$"):
        if isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, key, f"{path}[{i}]")
        elif isinstance(node, dict):
            if "type" in node:
                kind = node["type"]
                if isinstance(kind, list):
                    seen.update(kind)
                elif not (kind in single or key in single_by_member):
                    wrong.append(f"{path}.type = {kind!r}")
            for child, value in node.items():
                if child not in ("type", "@context"):  # an inline context defines "type"; it is no node
                    walk(value, child, f"{path}.{child}")

    walk(one.doc)
    assert wrong == []
    assert {"OpenBadgeCredential", "Profile", "Address", "AchievementSubject", "Achievement", "Alignment",
            "ResultDescription", "Result", "Evidence"} <= seen


def test_learner_email_is_a_salted_sha256_identity_and_the_name_an_identity_of_type_name(one):
    email_id, name_id = one.doc["credentialSubject"]["identifier"]
    salt = email_id["salt"]
    assert re.fullmatch(r"[0-9a-f]{32}", salt)
    expected = hashlib.sha256(("ann.example@example.org" + salt).encode()).hexdigest()
    assert email_id == {"type": "IdentityObject", "identityType": "emailAddress", "hashed": True,
                        "identityHash": f"sha256${expected}", "salt": salt}
    assert name_id == {"type": "IdentityObject", "identityType": "name", "hashed": False,
                       "identityHash": "Ann Example"}


def test_no_plain_email_address_anywhere_in_the_credential(one):
    text = one.path.read_text(encoding="utf-8").lower()
    assert "ann.example@example.org" not in text
    assert "ann.example@" not in text


def test_each_credential_gets_a_fresh_salt(site):
    first, second = issue_api(site, learner(), learner(name="Ann Again", email="ANN@example.org"))
    a, b = (i.document["credentialSubject"]["identifier"][0] for i in (first, second))
    assert a["salt"] != b["salt"]
    assert a["identityHash"] != b["identityHash"], "the same address must not be linkable across credentials"


def test_issued_credential_verifies_on_the_command_line(one):
    result = run("verify", one.path, "--site", one.root)
    assert result.exit_code == 0, result.stdout
    assert verdict_lines(result.stdout) == [f"{one.path}: valid"]


def test_issuing_writes_the_signed_status_list_credential(one):
    document = read_json(one.root / "content" / "status" / "revocation.json")
    assert document["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert document["id"] == f"{BASE}status/revocation.json"
    assert document["issuer"] == DID
    assert verify_proof(document, resolver_for_site(load(one.root).site)).ok
    bits = statuslist.decode(document["credentialSubject"]["encodedList"])
    assert len(bits) * 8 == statuslist.LIST_SIZE >= 131_072
    assert not any(bits)


@pytest.mark.parametrize("args, message", [
    (["--name", "Ann", "--email", "ann@example"], "email: 'ann@example' is not an e-mail address; check it for typos"),
    (["--name", "Ann", "--email", "ann@example.org", "--grade", "5.4"], "below the pass mark 5.5"),
    (["--name", "Ann", "--email", "ann@example.org", "--grade", "11"], "outside the 1-10 scale"),
    (["--name", "Ann", "--email", "ann@example.org", "--date", "2999-01-01"], "in the future"),
    (["--name", "Ann", "--email", "ann@example.org", "--date", "30-06-2025"], "write YYYY-MM-DD"),
    (["--name", "Ann", "--email", "ann@example.org", "--date", "2025-06-30T12:00:00"], "time zone"),
    (["--name", "Ann", "--email", "ann@example.org", "--evidence", "http://x.example.org/"], "not an https://"),
    (["--name", "Ann", "--email", "ann@example.org", "--evidence", 'https://x.example.org/"<x>'],
     "--evidence: 'https://x.example.org/\"<x>' holds characters a URL may not hold; percent-encode them"),
    (["--name", "Ann", "--email", "ann@example.org", "--date", "2025-06-30", "--valid-until", "2025-06-01"],
     "--valid-until: is not after the award date; give a later date, or leave it out to use the course's "
     "credential.valid_for"),
    (["--name", " ", "--email", "ann@example.org"], "name: missing"),
    (["--name", "Ann"], "give --name and --email"),
    (["--name", "Ann", "--email", "ann@example.org", "--csv", "x.csv"], "not both"),
])
def test_issue_refuses_a_bad_learner_and_writes_nothing(site, args, message):
    result = issue_cli(site, *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stdout == ""
    nothing_issued(site.root)
    assert not (site.tmp / "mail-merge.csv").exists()


def test_issue_for_an_unknown_course_names_the_known_ones(site):
    result = run("issue", "--course", "nope", "--name", "Ann", "--email", "ann@example.org",
                 "--key", site.key_path, "--source", site.root)
    assert result.exit_code == 1
    assert "no course 'nope'" in result.stderr and COURSE in result.stderr
    nothing_issued(site.root)


def test_issue_writes_the_mail_merge_csv_to_a_default_name(site, monkeypatch, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    result = run("issue", "--course", COURSE, "--name", "Ann", "--email", "ann@example.org",
                 "--key", site.key_path, "--source", site.root)
    assert result.exit_code == 0, result.stderr
    (merge,) = work.glob("issued-*.csv")
    assert [r["email"] for r in read_csv(merge)] == ["ann@example.org"]
    assert "do not commit" in result.stderr


# ---------------------------------------------------------------- keys in site.yaml when issuing


def test_issuing_with_a_retired_key_is_refused(site):
    k2 = new_key(site, "k2")
    set_keys(site.root, ("k1", site.key, "retired"), ("k2", k2, "active"))

    result = issue_cli(site, "--name", "Ann", "--email", "ann@example.org")

    assert result.exit_code == 1
    assert "key 'k1' is retired" in result.stderr and "nothing was issued" in result.stderr
    nothing_issued(site.root)


def test_issuing_with_a_key_that_site_yaml_does_not_list_is_refused(site):
    stranger = keys.generate(site.tmp / "keys" / "stranger.json", site.root)

    result = issue_cli(site, "--name", "Ann", "--email", "ann@example.org",
                       key_path=site.tmp / "keys" / "stranger.json")

    assert result.exit_code == 1
    assert f"public key {stranger.public_multibase} is not listed" in result.stderr
    nothing_issued(site.root)


def test_issuing_with_a_site_that_lists_no_keys_is_refused(make_site, tmp_path):
    root = make_site()
    keys.generate(tmp_path / "k.json", root)
    s = SimpleNamespace(root=root, key_path=tmp_path / "k.json", tmp=tmp_path)

    result = issue_cli(s, "--name", "Ann", "--email", "ann@example.org")

    assert result.exit_code == 1
    assert "is not listed" in result.stderr
    nothing_issued(root)


# ---------------------------------------------------------------- a cohort from CSV


COHORT_HEADER = "name,email,grade,date,evidence,valid_until\n"


def test_issue_a_whole_cohort_from_csv(site):
    cohort = site.tmp / "cohort.csv"
    cohort.write_text(
        "\ufeffName,Email,Grade,Date,Evidence,Valid_Until\n"
        "Sanne de Vries,sanne@example.org,8,2025-11-13,,\n"
        '"Jansen, Emma",emma@example.org,6.5,2025-11-13,'
        '"https://p.example.org/emma/1 https://p.example.org/emma/2",2030-11-13\n'
        "\n"
        "Youssef El Idrissi,y.elidrissi@example.org,5.5,,,\n"
        "Ömer Çelik,omer@example.org,10,2025-11-14,,\n", encoding="utf-8")
    merge = site.tmp / "out.csv"

    result = issue_cli(site, "--csv", cohort, mail_merge=merge)

    assert result.exit_code == 0, result.stderr
    # The cohort starts with a byte-order mark, so the mail-merge list answers with one.
    assert merge.read_bytes().startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(merge.read_text(encoding="utf-8-sig"), newline="")))
    assert [(r["name"], r["email"]) for r in rows] == [
        ("Sanne de Vries", "sanne@example.org"), ("Jansen, Emma", "emma@example.org"),
        ("Youssef El Idrissi", "y.elidrissi@example.org"), ("Ömer Çelik", "omer@example.org")]
    files = issued_files(site.root)
    assert len(files) == 4
    by_id = {read_json(p)["id"]: p for p in files}
    for row in rows:
        path = by_id[row["credential_id"]]
        assert row["badge_url"] == f"{BASE}badges/{path.stem}/"
        assert row["badge_url"] in result.stdout
        doc = read_json(path)
        assert doc["credentialSubject"]["identifier"][1]["identityHash"] == row["name"]
        assert schema_problems(doc) == []
    emma = read_json(by_id[rows[1]["credential_id"]])
    assert [e["id"] for e in emma["evidence"]] == ["https://p.example.org/emma/1", "https://p.example.org/emma/2"]
    assert emma["validUntil"] == "2030-11-13T00:00:00Z"
    indexes = [index_of(read_json(p)) for p in files]
    assert len(set(indexes)) == 4
    assert sorted((int(r["index"]), r["credential"]) for r in registry_rows(site.root)) == \
        sorted((index_of(read_json(p)), read_json(p)["id"]) for p in files)
    checked = run("verify", *files, "--site", site.root)
    assert checked.exit_code == 0, checked.stdout
    assert verdict_lines(checked.stdout) == [f"{p}: valid" for p in files]


@pytest.mark.parametrize("body, expected", [
    pytest.param(COHORT_HEADER + "Ann,ann@example.org,7,,,\nBob,bob@example,7,,,\nCat,cat@example.org,8,,,\n",
                 ":3: email: 'bob@example' is not an e-mail address", id="bad-email-line-3"),
    pytest.param(COHORT_HEADER + "Ann,ann@example.org,7,,,\nBob,bob@example.org,5.4,,,\n",
                 ":3: grade: '5.4' is below the pass mark 5.5", id="grade-below-pass-line-3"),
    pytest.param(COHORT_HEADER + "Ann,ann@example.org,7,,,\nBob,bob@example.org,7,,,\nAnn B,ANN@Example.org,8,,,\n",
                 ":4: email: ann@example.org is also on line 2", id="duplicate-email-line-4"),
    pytest.param("name,mail,grade\nAnn,ann@example.org,7\n",
                 ":1: header: unknown column(s) mail; missing column(s) email", id="wrong-column"),
    pytest.param(COHORT_HEADER + "Ann,ann@example.org,7,,,\nBob,bob@example.org,7,,\n",
                 ":3: 5 values for 6 columns", id="wrong-number-of-values-line-3"),
    pytest.param(COHORT_HEADER + "Ann,ann@example.org,7,,,\nBob,bob@example.org,7,2999-01-01,,\n",
                 ":3: date:", id="future-date-line-3"),
    pytest.param(COHORT_HEADER + "Ann,ann@example.org,7,,,\nBob,bob@example.org,7,13/11/2025,,\n",
                 ":3: date: '13/11/2025' is not a date; write YYYY-MM-DD", id="unparsable-date-line-3"),
    pytest.param(COHORT_HEADER + "Ann,ann@example.org,7,,,\nBob,bob@example.org,7,,ftp://x.example.org/f,\n",
                 ":3: evidence: 'ftp://x.example.org/f' is not an https:// URL", id="evidence-line-3"),
    pytest.param(COHORT_HEADER + "Ann,ann@example.org,7,,,\n,bob@example.org,7,,,\n",
                 ":3: name: missing", id="missing-name-line-3"),
    pytest.param(COHORT_HEADER, ":2: has no learners", id="no-learners"),
    pytest.param(b"name,email\nAnn,ann\xe9@example.org\n", ": is not UTF-8 text", id="not-utf8"),
])
def test_a_bad_cohort_row_names_its_line_and_nothing_is_written(site, body, expected):
    cohort = site.tmp / "cohort.csv"
    if isinstance(body, bytes):
        cohort.write_bytes(body)
    else:
        cohort.write_text(body, encoding="utf-8")

    result = issue_cli(site, "--csv", cohort)

    assert result.exit_code == 1
    assert f"{cohort}{expected}" in result.stderr, result.stderr
    assert result.stdout == ""
    nothing_issued(site.root)
    assert not (site.tmp / "mail-merge.csv").exists()


def test_every_bad_row_of_a_cohort_is_named(site):
    cohort = site.tmp / "cohort.csv"
    cohort.write_text(COHORT_HEADER + "Ann,ann@example.org,7,,,\nBob,bob@x,7,,,\nCat,cat@example.org,3,,,\n"
                      "Dan,dan@example.org,7,,,\n", encoding="utf-8")

    result = issue_cli(site, "--csv", cohort)

    assert result.exit_code == 1
    assert f"{cohort}:3: email" in result.stderr and f"{cohort}:4: grade" in result.stderr
    assert "2 error(s)" in result.stderr
    nothing_issued(site.root)


def test_all_problems_of_a_cohort_are_reported_at_once(site):
    cohort = site.tmp / "cohort.csv"
    cohort.write_text(COHORT_HEADER + "Ann,ann@example.org,7,,,\nBob,bob@x,7,,,\nAnn B,ann@example.org,7,,,\n",
                      encoding="utf-8")

    result = issue_cli(site, "--csv", cohort)

    assert result.exit_code == 1
    assert f"{cohort}:4: email" in result.stderr
    assert f"{cohort}:3: email" in result.stderr


# ---------------------------------------------------------------- grades on other scales


def ects_site(site, pass_mark: str):
    (site.root / "content" / "courses" / f"{COURSE}.md").write_text(
        course_text(**{GRADING_LINE: f'  grading: {{scale: ects-a-e, pass: "{pass_mark}"}}'}), encoding="utf-8")
    return site


@pytest.mark.parametrize("grade, ok", [("A", True), ("E", True), ("F", False), ("a", False), ("7", False)])
def test_ects_grades(site, grade, ok):
    ects_site(site, "E")
    result = issue_cli(site, "--name", "Ann", "--email", "ann@example.org", "--grade", grade)
    assert result.exit_code == (0 if ok else 1), result.stderr
    assert len(issued_files(site.root)) == (1 if ok else 0)


def test_ects_grade_must_be_a_single_letter(site):
    ects_site(site, "E")
    result = issue_cli(site, "--name", "Ann", "--email", "ann@example.org", "--grade", "AB")
    assert result.exit_code == 1
    assert issued_files(site.root) == []


def test_ects_grade_below_the_pass_mark_is_refused(site):
    ects_site(site, "C")
    result = issue_cli(site, "--name", "Ann", "--email", "ann@example.org", "--grade", "D")
    assert result.exit_code == 1
    assert "pass mark" in result.stderr
    assert issued_files(site.root) == []


# ---------------------------------------------------------------- never overwrite; status indexes


FIXED_UUID = uuid.UUID("12345678-1234-4234-8234-123456789abc")


def test_a_uuid_collision_never_replaces_the_existing_credential(site, monkeypatch):
    monkeypatch.setattr(issuing.uuid, "uuid4", lambda: FIXED_UUID)
    assert issue_cli(site, "--name", "Ann Example", "--email", "ann@example.org").exit_code == 0
    (path,) = issued_files(site.root)
    before = path.read_bytes()

    result = CliRunner().invoke(cli, ["issue", "--course", COURSE, "--source", str(site.root),
                                      "--key", str(site.key_path), "--mail-merge", str(site.tmp / "m2.csv"),
                                      "--name", "Mallory", "--email", "mallory@example.org"])

    assert result.exit_code != 0
    assert issued_files(site.root) == [path]
    assert path.read_bytes() == before
    assert read_json(path)["credentialSubject"]["identifier"][1]["identityHash"] == "Ann Example"
    assert [p.name for p in path.parent.iterdir()] == [path.name], "a temporary file was left behind"
    assert not (site.tmp / "m2.csv").exists()
    assert verdict(path, site.root).ok


def test_a_uuid_collision_fails_with_a_clear_message(site, monkeypatch):
    monkeypatch.setattr(issuing.uuid, "uuid4", lambda: FIXED_UUID)
    assert issue_cli(site, "--name", "Ann Example", "--email", "ann@example.org").exit_code == 0

    result = issue_cli(site, "--name", "Mallory", "--email", "mallory@example.org")

    assert result.exit_code == 1
    assert "already exists" in result.stderr


def test_status_indexes_are_drawn_at_random_from_the_whole_list(site, monkeypatch):
    calls = []
    real = statuslist.secrets.randbelow

    def spy(n):
        calls.append(n)
        return real(n)

    monkeypatch.setattr(statuslist.secrets, "randbelow", spy)
    issued = issue_api(site, *(learner(name=f"L {i}", email=f"l{i}@example.org") for i in range(12)))

    assert calls and set(calls) == {statuslist.LIST_SIZE} and statuslist.LIST_SIZE >= 131_072
    indexes = [index_of(i.document) for i in issued]
    assert len(set(indexes)) == 12
    assert max(indexes) - min(indexes) > 12, "indexes look sequential"


def test_a_recorded_status_index_is_never_used_again(site, monkeypatch):
    registry = site.root / content_status.REGISTRY
    registry.parent.mkdir(parents=True)
    registry.write_text("index,credential,issued\n5,urn:uuid:old,2025-01-01T00:00:00Z\n", encoding="utf-8")
    draws = iter([5, 5, 77, 77, 77, 9])
    monkeypatch.setattr(statuslist.secrets, "randbelow", lambda n: next(draws))

    first, second = issue_api(site, learner(), learner(name="Bob", email="bob@example.org"))

    assert (index_of(first.document), index_of(second.document)) == (77, 9)
    assert [int(r["index"]) for r in registry_rows(site.root)] == [5, 77, 9]


def test_an_index_found_only_in_an_issued_file_is_not_reused(site, monkeypatch):
    (one,) = issue_api(site)
    registry = site.root / content_status.REGISTRY
    registry.write_text(registry.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")  # row lost
    taken = index_of(one.document)
    draws = iter([taken, 42 if taken != 42 else 43])
    monkeypatch.setattr(statuslist.secrets, "randbelow", lambda n: next(draws))

    (two,) = issue_api(site, learner(name="Bob", email="bob@example.org"))

    assert index_of(two.document) != taken


# ---------------------------------------------------------------- revocation


def list_bits(root: Path) -> bytearray:
    return statuslist.decode(read_json(root / "content" / "status" / "revocation.json")
                             ["credentialSubject"]["encodedList"])


def test_revoke_sets_the_bit_resigns_the_list_and_logs_the_reason(pair):
    reason = 'issued to the wrong learner, "Bob" not Ann'

    result = run("revoke", "--yes", pair.a.credential_id, "--reason", reason,
                 "--key", pair.key_path, "--source", pair.root)

    assert result.exit_code == 0, result.stderr
    assert pair.a.credential_id in result.stderr
    document = read_json(pair.root / "content" / "status" / "revocation.json")
    encoded = document["credentialSubject"]["encodedList"]
    assert encoded.startswith("u") and "=" not in encoded and re.fullmatch(r"u[A-Za-z0-9_-]+", encoded)
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(raw) * 8 == statuslist.LIST_SIZE
    index_a, index_b = index_of(pair.a.document), index_of(pair.b.document)
    assert raw[index_a // 8] & (0x80 >> (index_a % 8))
    assert not raw[index_b // 8] & (0x80 >> (index_b % 8))
    assert sum(bin(byte).count("1") for byte in raw) == 1
    assert document["credentialSubject"]["type"] == "BitstringStatusList"
    assert document["credentialSubject"]["statusPurpose"] == "revocation"
    assert verify_proof(document, resolver_for_site(load(pair.root).site)).ok
    assert read_csv(pair.root / content_status.REVOCATIONS) == [
        {"date": document["validFrom"], "credential": pair.a.credential_id, "index": str(index_a),
         "reason": reason}]


def test_a_revoked_credential_reads_as_revoked_with_its_reason(pair):
    assert run("revoke", "--yes", pair.a.path.stem, "--reason", "plagiarism", "--key", pair.key_path,
               "--source", pair.root).exit_code == 0

    result = run("verify", pair.a.path, pair.b.path, "--site", pair.root)

    assert result.exit_code == 1
    assert verdict_lines(result.stdout) == [f"{pair.a.path}: REVOKED (reason: plagiarism)", f"{pair.b.path}: valid"]
    assert "1 of 2 credential(s) did not verify" in result.stderr
    assert verdict(pair.a.path, pair.root).status == "revoked"


@pytest.mark.parametrize("form", ["urn", "uuid", "badge-url", "file"])
def test_revoke_accepts_the_id_the_uuid_the_badge_url_or_the_file(pair, form):
    reference = {"urn": pair.a.credential_id, "uuid": pair.a.path.stem,
                 "badge-url": pair.a.badge_url, "file": pair.a.path}[form]

    result = run("revoke", "--yes", reference, "--reason", "test", "--key", pair.key_path, "--source", pair.root)

    assert result.exit_code == 0, result.stderr
    assert statuslist.is_set(list_bits(pair.root), index_of(pair.a.document))
    assert not statuslist.is_set(list_bits(pair.root), index_of(pair.b.document))


def test_revoke_help_lists_every_reference_form_it_accepts():
    from generator.issuing.references import FORMS

    help_text = run("revoke", "--help").stdout

    # The forms test_revoke_accepts_the_id_the_uuid_the_badge_url_or_the_file revokes by, in this order.
    assert [form for form, _ in FORMS] == ["urn:uuid:UUID", "UUID", "BADGE_URL", "FILE"]
    for form, meaning in FORMS:
        assert re.search(rf"^ +{re.escape(form)} +{re.escape(meaning)}$", help_text, flags=re.M), form
    assert "--yes" in help_text and "--dry-run" in help_text


def unchanged_status(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in status_files(root)}


def test_revoke_without_a_terminal_to_ask_on_refuses_unless_told_yes(pair):
    before = unchanged_status(pair.root)

    result = run("revoke", pair.a.credential_id, "--reason", "wrong learner", "--key", pair.key_path,
                 "--source", pair.root)

    assert result.exit_code == 1
    assert "no terminal to ask on, so nothing was revoked; add --yes" in result.stderr
    assert "learner     Ann Example" in result.stderr  # what it would have revoked is shown all the same
    assert unchanged_status(pair.root) == before


def test_revoke_dry_run_shows_who_and_what_and_changes_nothing(pair):
    before = unchanged_status(pair.root)

    result = run("revoke", pair.a.badge_url, "--dry-run", "--reason", "wrong learner", "--key", pair.key_path,
                 "--source", pair.root)

    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:7] == [
        "credsite revoke: would revoke (a dry run):",
        f"  credential  {pair.a.credential_id}",
        "  learner     Ann Example",
        "  course      Testing Things Well (version 2026.1)",
        f"  awarded     {read_json(pair.a.path)['awardedDate'][:10]}",
        f"  badge page  {pair.a.badge_url}",
        "  reason      wrong learner"]
    assert "dry run: nothing was changed" in result.stderr
    assert unchanged_status(pair.root) == before


def test_revoke_dry_run_still_refuses_what_revoke_would_refuse(pair):
    result = run("revoke", "urn:uuid:00000000-0000-4000-8000-000000000000", "--dry-run", "--reason", "x",
                 "--key", pair.key_path, "--source", pair.root)
    assert result.exit_code == 1 and "no credential" in result.stderr and "nothing was revoked" in result.stderr


def revoke_in_a_terminal(pair, answer: str) -> subprocess.CompletedProcess:
    """`credsite revoke` with a real terminal on its standard input, answering its question with `answer`."""
    import pty

    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "revoke", pair.a.credential_id, "--reason", "wrong learner",
             "--key", str(pair.key_path), "--source", str(pair.root)],
            stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        os.write(leader, (answer + "\n").encode())
        out, err = process.communicate(timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def test_revoke_in_a_terminal_asks_and_no_changes_nothing(pair):
    before = unchanged_status(pair.root)

    result = revoke_in_a_terminal(pair, "n")

    assert result.returncode == 1, result.stderr
    assert "learner     Ann Example" in result.stderr
    assert "Revoke it? This cannot be undone [y/N]" in result.stderr and "nothing was revoked" in result.stderr
    assert unchanged_status(pair.root) == before


def test_revoke_in_a_terminal_revokes_after_yes(pair):
    result = revoke_in_a_terminal(pair, "y")

    assert result.returncode == 0, result.stderr
    assert f"revoked {pair.a.credential_id}" in result.stderr
    assert statuslist.is_set(list_bits(pair.root), index_of(pair.a.document))


def test_revoking_twice_says_already_revoked_and_logs_once(pair):
    args = ("--reason", "wrong learner", "--key", pair.key_path, "--source", pair.root)
    assert run("revoke", "--yes", pair.a.credential_id, *args).exit_code == 0
    list_before = (pair.root / "content" / "status" / "revocation.json").read_bytes()

    result = run("revoke", "--yes", pair.a.credential_id, *args)

    assert result.exit_code == 1
    assert "already revoked" in result.stderr
    assert len(read_csv(pair.root / content_status.REVOCATIONS)) == 1
    assert (pair.root / "content" / "status" / "revocation.json").read_bytes() == list_before


@pytest.mark.parametrize("reference, reason, message", [
    ("urn:uuid:00000000-0000-4000-8000-000000000000", "x", "no credential"),
    (None, "   ", "--reason: missing"),
])
def test_revoke_refuses_an_unknown_credential_or_an_empty_reason(pair, reference, reason, message):
    list_before = (pair.root / "content" / "status" / "revocation.json").read_bytes()

    result = run("revoke", "--yes", reference or pair.a.credential_id, "--reason", reason, "--key", pair.key_path,
                 "--source", pair.root)

    assert result.exit_code == 1
    assert message in result.stderr
    assert (pair.root / "content" / "status" / "revocation.json").read_bytes() == list_before
    assert not (pair.root / content_status.REVOCATIONS).exists()


def test_a_credential_whose_file_was_removed_can_still_be_revoked(pair):
    # A learner asked for removal, and later fraud comes to light: copies live on in wallets.
    index = index_of(pair.a.document)
    pair.a.path.unlink()

    result = run("revoke", "--yes", pair.a.credential_id, "--reason", "fraud",
                 "--key", pair.key_path, "--source", pair.root)

    assert result.exit_code == 0, result.stderr
    assert statuslist.is_set(list_bits(pair.root), index)
    assert not statuslist.is_set(list_bits(pair.root), index_of(pair.b.document))
    assert read_csv(pair.root / content_status.REVOCATIONS)[0]["credential"] == pair.a.credential_id
    again = run("revoke", "--yes", pair.a.credential_id, "--reason", "fraud",
                "--key", pair.key_path, "--source", pair.root)
    assert again.exit_code == 1 and f"{pair.a.credential_id}: is already revoked" in again.stderr


def test_revoke_with_a_key_the_site_does_not_list_is_refused(pair):
    keys.generate(pair.tmp / "keys" / "other.json", pair.root)
    result = run("revoke", "--yes", pair.a.credential_id, "--reason", "x", "--key", pair.tmp / "keys" / "other.json",
                 "--source", pair.root)
    assert result.exit_code == 1
    assert "is not listed" in result.stderr
    assert not statuslist.is_set(list_bits(pair.root), index_of(pair.a.document))


def test_a_tampered_status_list_is_not_trusted(pair):
    """Clearing a revoked bit by editing the list (without the key) must not make it valid."""
    assert run("revoke", "--yes", pair.a.credential_id, "--reason", "x", "--key", pair.key_path,
               "--source", pair.root).exit_code == 0
    path = pair.root / "content" / "status" / "revocation.json"
    document = read_json(path)
    document["credentialSubject"]["encodedList"] = statuslist.encode(statuslist.empty())
    path.write_text(json.dumps(document), encoding="utf-8")

    result = run("verify", pair.a.path, "--site", pair.root)

    assert result.exit_code == 1
    assert result.stdout.startswith(f"{pair.a.path}: INVALID (credentialStatus: status list ")
    assert "does not verify" in result.stdout


# ---------------------------------------------------------------- verification: tampering


def set_path(document: dict, path: str, value) -> None:
    tokens = [int(t[1:-1]) if t.startswith("[") else t for t in re.findall(r"\[\d+\]|[^.\[\]]+", path)]
    node = document
    for token in tokens[:-1]:
        node = node[token]
    node[tokens[-1]] = value


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    """A site and one credential with a grade, evidence and validUntil, shared by the tampering cases."""
    tmp = tmp_path_factory.mktemp("tamper")
    root = write_files(tmp / "site", {"content/courses/testing-things.md": course_text()})
    key = keys.generate(tmp / "k1.json", root)
    (root / "content" / "site.yaml").write_text(site_yaml(("k1", key, "active")), encoding="utf-8")
    s = SimpleNamespace(root=root, key=key, key_path=tmp / "k1.json", tmp=tmp)
    (item,) = issue_api(s, learner(grade="8", date=dt.datetime(2025, 6, 30, tzinfo=UTC),
                                   evidence=["https://portfolio.example.org/ann/1"],
                                   valid_until=dt.datetime(2031, 6, 30, tzinfo=UTC)))
    assert verdict(item.path, root).ok
    return SimpleNamespace(**vars(s), path=item.path, doc=read_json(item.path))


def other_index(doc):
    return str((index_of(doc) + 1) % statuslist.LIST_SIZE)


def flip_last(text: str) -> str:
    return text[:-1] + ("2" if text[-1] != "2" else "3")


TAMPERING = [
    ("name", "Testing Things Badly", SIGNATURE_CHANGED),
    ("description", "Something else entirely.", SIGNATURE_CHANGED),
    ("id", "urn:uuid:00000000-0000-4000-8000-000000000000", SIGNATURE_CHANGED),
    ("validFrom", "2024-01-01T00:00:00Z", SIGNATURE_CHANGED),
    ("awardedDate", "2024-01-01T00:00:00Z", SIGNATURE_CHANGED),
    ("validUntil", "2099-12-31T00:00:00Z", SIGNATURE_CHANGED),
    ("issuer.name", "Fake University", SIGNATURE_CHANGED),
    ("issuer.url", "https://evil.example.com/", SIGNATURE_CHANGED),
    ("issuer.id", "did:web:evil.example.com", "is not this site's issuer"),
    ("issuer.address.addressCountryCode", "DE", SIGNATURE_CHANGED),
    ("credentialSubject.achievement.name", "Brain Surgery", SIGNATURE_CHANGED),
    ("credentialSubject.achievement.id", f"{BASE}achievements/other/2026.1.json", SIGNATURE_CHANGED),
    ("credentialSubject.achievement.creditsAvailable", 40.0, SIGNATURE_CHANGED),
    ("credentialSubject.achievement.learningOutcome[0]", "Never write tests.", SIGNATURE_CHANGED),
    ("credentialSubject.achievement.alignment[0].targetCode", "8", SIGNATURE_CHANGED),
    ("credentialSubject.achievement.resultDescription[0].requiredValue", "1", SIGNATURE_CHANGED),
    ("credentialSubject.creditsEarned", 40.0, SIGNATURE_CHANGED),
    ("credentialSubject.identifier[0].identityHash", "sha256$" + "0" * 64, SIGNATURE_CHANGED),
    ("credentialSubject.identifier[0].salt", "00" * 16, SIGNATURE_CHANGED),
    ("credentialSubject.identifier[1].identityHash", "Mallory Example", SIGNATURE_CHANGED),
    ("credentialSubject.result[0].value", "10", SIGNATURE_CHANGED),
    ("evidence[0].id", "https://portfolio.example.org/mallory/1", SIGNATURE_CHANGED),
    ("credentialStatus.statusListIndex", other_index, SIGNATURE_CHANGED),
    ("credentialStatus.statusListCredential", f"{BASE}status/other.json", SIGNATURE_CHANGED),
    ("credentialSchema[0].id", "https://example.com/lenient-schema.json", SIGNATURE_CHANGED),
    ("proof[0].created", "2020-01-01T00:00:00Z", SIGNATURE_CHANGED),
    ("proof[0].proofValue", lambda doc: flip_last(doc["proof"][0]["proofValue"]), "proof"),
    ("@context", lambda doc: [doc["@context"][1], doc["@context"][0], *doc["@context"][2:]], "@context"),
    ("type", ["VerifiableCredential", "OpenBadgeCredential", "EndorsementCredential"], SIGNATURE_CHANGED),
]


@pytest.mark.parametrize("path, value, message", TAMPERING, ids=[t[0] for t in TAMPERING])
def test_changing_any_signed_field_fails_verification(signed, tmp_path, path, value, message):
    document = copy.deepcopy(signed.doc)
    new = value(document) if callable(value) else value
    set_path(document, path, new)
    assert document != signed.doc
    target = tmp_path / "tampered.json"
    target.write_text(json.dumps(document, indent=2), encoding="utf-8")

    result = verdict(target, signed.root)

    assert result.status == "invalid", result
    assert any(message in p for p in result.problems), result.problems


@pytest.mark.parametrize("field", ["description", "validUntil", "evidence", "awardedDate",
                                   "credentialSubject.result"])
def test_removing_a_signed_field_fails_verification(signed, tmp_path, field):
    document = copy.deepcopy(signed.doc)
    parent, _, name = field.rpartition(".")
    (document[parent] if parent else document).pop(name)
    target = tmp_path / "tampered.json"
    target.write_text(json.dumps(document), encoding="utf-8")

    result = verdict(target, signed.root)

    assert result.status == "invalid"
    assert any(SIGNATURE_CHANGED in p for p in result.problems), result.problems


def test_the_untouched_credential_verifies_byte_for_byte_and_after_reformatting(signed, tmp_path):
    assert verdict(signed.path, signed.root).ok
    target = tmp_path / "compact.json"
    target.write_text(json.dumps(signed.doc, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    assert verdict(target, signed.root).ok


def test_an_unknown_context_fails_with_a_clear_message(signed, tmp_path):
    document = copy.deepcopy(signed.doc)
    document["@context"].append("https://contexts.example.com/evil/v1")
    target = tmp_path / "unknown-context.json"
    target.write_text(json.dumps(document), encoding="utf-8")

    result = run("verify", target, "--site", signed.root)

    assert result.exit_code == 1
    (line,) = verdict_lines(result.stdout)
    assert line.startswith(f"{target}: INVALID (")
    assert "unknown JSON-LD context https://contexts.example.com/evil/v1" in line


@pytest.mark.parametrize("where", ["", "credentialSubject.", "credentialSubject.achievement."])
def test_an_undefined_term_fails_with_a_clear_message(signed, tmp_path, where):
    document = copy.deepcopy(signed.doc)
    set_path(document, where + "foo", "bar")
    target = tmp_path / "undefined-term.json"
    target.write_text(json.dumps(document), encoding="utf-8")

    result = run("verify", target, "--site", signed.root)

    assert result.exit_code == 1
    assert f"{where}foo: 'foo' is not defined by any @context" in result.stdout


def test_verify_prints_one_line_per_file_and_fails_if_any_fails(signed, tmp_path):
    tampered = tmp_path / "tampered.json"
    document = copy.deepcopy(signed.doc)
    document["name"] = "Other"
    tampered.write_text(json.dumps(document), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    array = tmp_path / "array.json"
    array.write_text("[]", encoding="utf-8")
    missing = tmp_path / "missing.json"

    result = run("verify", signed.path, tampered, broken, array, missing, "--site", signed.root)

    assert result.exit_code == 1
    lines = verdict_lines(result.stdout)
    assert len(lines) == 5
    assert lines[0] == f"{signed.path}: valid"
    assert lines[1].startswith(f"{tampered}: INVALID (proof: {SIGNATURE_CHANGED}")
    assert lines[2].startswith(f"{broken}: INVALID (not valid JSON")
    assert lines[3] == f"{array}: INVALID (not a JSON object)"
    assert lines[4].startswith(f"{missing}: INVALID (cannot be read")
    assert "4 of 5 credential(s) did not verify" in result.stderr


def test_verify_with_a_folder_that_is_no_site_says_so(signed, tmp_path):
    result = run("verify", signed.path, "--site", tmp_path)
    assert result.exit_code == 1
    assert "has neither content/site.yaml nor did.json" in result.stderr


# ---------------------------------------------------------------- verification: keys


def test_a_credential_signed_by_another_sites_key_fails(site, make_site, tmp_path):
    """Site B (other.example.org) issues with its key; verified against site A it must fail."""
    other = write_files(tmp_path / "other", {"content/courses/testing-things.md": course_text()})
    key_b = keys.generate(tmp_path / "keys" / "b.json", other)
    (other / "content" / "site.yaml").write_text(
        site_yaml(("kb", key_b, "active"), base_url="https://other.example.org/"), encoding="utf-8")
    (from_b,) = issue_api(SimpleNamespace(root=other, key=key_b))
    assert verdict(from_b.path, other).ok

    result = verdict(from_b.path, site.root)

    # Nothing wrong was found, but site B's keys are not at hand: it cannot be checked here.
    assert result.status == "not checked"
    assert any("did:web:other.example.org is not this site's issuer did:web:uni.example.org:mc" in p
               for p in result.problems), result.problems


def test_a_credential_of_this_issuer_signed_with_another_dids_key_fails(site, tmp_path):
    """Even if site A also lists B's public key, a proof by did:web:other...#kb is not A's."""
    key_b = keys.generate(tmp_path / "keys" / "b.json", site.root)
    set_keys(site.root, ("k1", site.key, "active"), ("kb", key_b, "retired"))
    (item,) = issue_api(site)
    unsigned = {k: v for k, v in item.document.items() if k != "proof"}
    forged = sign_rdfc(unsigned, key_b.private, "did:web:other.example.org#kb", "2026-01-01T00:00:00Z")
    target = tmp_path / "forged.json"
    target.write_text(json.dumps(forged), encoding="utf-8")

    result = verdict(target, site.root)

    assert result.status == "invalid"
    assert any(f"signed with did:web:other.example.org#kb, a key that does not belong to the issuer {DID}" in p
               for p in result.problems), result.problems
    (report,), _ = verification.verify_reports([target], site.root)
    assert (report.issuer_key.status, report.proof.status) == ("failed", "not checked")


def test_a_proof_whose_verification_method_is_replaced_fails(site, tmp_path):
    k2 = new_key(site, "k2")
    set_keys(site.root, ("k1", site.key, "active"), ("k2", k2, "retired"))
    (item,) = issue_api(site)
    document = copy.deepcopy(item.document)
    document["proof"][0]["verificationMethod"] = f"{DID}#k2"
    target = tmp_path / "swapped.json"
    target.write_text(json.dumps(document), encoding="utf-8")

    result = verdict(target, site.root)

    assert result.status == "invalid"
    assert any(SIGNATURE_CHANGED in p for p in result.problems)


def test_a_credential_signed_by_an_attackers_did_key_in_the_issuers_name_fails(site, tmp_path):
    (item,) = issue_api(site)
    attacker = keys.generate(tmp_path / "keys" / "attacker.json", site.root).private
    unsigned = {k: v for k, v in item.document.items() if k != "proof"}
    forged = sign_rdfc(unsigned, attacker, did_key_verification_method(attacker.public_key()),
                       "2026-01-01T00:00:00Z")
    target = tmp_path / "forged.json"
    target.write_text(json.dumps(forged), encoding="utf-8")

    result = run("verify", target, "--site", site.root)

    assert result.exit_code == 1
    assert "a key that does not belong to the issuer did:web:uni.example.org:mc" in result.stdout


def test_a_self_issued_did_key_credential_is_not_valid_for_this_site(site, tmp_path):
    (item,) = issue_api(site)
    attacker = keys.generate(tmp_path / "keys" / "attacker.json", site.root).private
    unsigned = {k: v for k, v in item.document.items() if k != "proof"}
    unsigned["issuer"] = {**unsigned["issuer"], "id": did_key(attacker.public_key())}
    forged = sign_rdfc(unsigned, attacker, did_key_verification_method(attacker.public_key()),
                       "2026-01-01T00:00:00Z")
    target = tmp_path / "forged.json"
    target.write_text(json.dumps(forged), encoding="utf-8")

    result = run("verify", target, "--site", site.root)

    assert result.exit_code == 1
    assert "INVALID" in result.stdout


def test_a_retired_key_stays_in_the_did_document_and_its_credentials_keep_verifying(site):
    (old,) = issue_api(site)
    k2 = new_key(site, "k2")
    set_keys(site.root, ("k1", site.key, "retired"), ("k2", k2, "active"))
    (new,) = issue_api(site, learner(name="Bob", email="bob@example.org"), key=k2)

    assert [v.status for v in verdicts([old.path, new.path], site.root)] == ["valid", "valid"]
    document = did_document(load(site.root).site)
    assert document["assertionMethod"] == [f"{DID}#k1", f"{DID}#k2"]
    assert new.document["proof"][0]["verificationMethod"] == f"{DID}#k2"
    result = run("verify", old.path, new.path, "--site", site.root)
    assert result.exit_code == 0, result.stdout


def test_revoking_after_a_key_change_resigns_the_list_with_the_new_key(site):
    (old,) = issue_api(site)
    k2 = new_key(site, "k2")
    set_keys(site.root, ("k1", site.key, "retired"), ("k2", k2, "active"))

    result = run("revoke", "--yes", old.credential_id, "--reason", "x", "--key", site.tmp / "keys" / "k2.json",
                 "--source", site.root)

    assert result.exit_code == 0, result.stderr
    status_list = read_json(site.root / "content" / "status" / "revocation.json")
    assert status_list["proof"][0]["verificationMethod"] == f"{DID}#k2"
    assert verdict(old.path, site.root).status == "revoked"


def test_a_key_removed_from_site_yaml_stops_verifying_with_a_clear_message(site):
    (item,) = issue_api(site)
    k2 = new_key(site, "k2")
    set_keys(site.root, ("k2", k2, "active"))

    result = run("verify", item.path, "--site", site.root)

    assert result.exit_code == 1
    assert result.stdout.startswith(f"{item.path}: INVALID (")
    assert f"unknown verification method {DID}#k1" in result.stdout


def test_removing_a_leaked_key_keeps_the_other_keys_credentials_valid(site):
    issue_api(site)  # the status list is signed with k1
    k2 = new_key(site, "k2")
    set_keys(site.root, ("k1", site.key, "retired"), ("k2", k2, "active"))
    (good,) = issue_api(site, learner(name="Bob", email="bob@example.org"), key=k2)
    set_keys(site.root, ("k2", k2, "active"))  # k1 leaked: removed

    assert verdict(good.path, site.root).ok


# ---------------------------------------------------------------- verification: dates


def test_validity_dates_are_checked_against_now(site):
    (item,) = issue_api(site, learner(date=dt.datetime(2024, 1, 1, tzinfo=UTC),
                                      valid_until=dt.datetime(2025, 1, 1, tzinfo=UTC)),
                        now=dt.datetime(2024, 1, 2, tzinfo=UTC))

    before = verdict(item.path, site.root, now=dt.datetime(2023, 12, 31, tzinfo=UTC))
    during = verdict(item.path, site.root, now=dt.datetime(2024, 6, 1, tzinfo=UTC))
    last = verdict(item.path, site.root, now=dt.datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC))
    after = verdict(item.path, site.root, now=dt.datetime(2025, 1, 1, tzinfo=UTC))

    assert (before.status, during.status, last.status, after.status) == \
        ("not yet valid", "valid", "valid", "expired")
    assert after.problems == ("expired on 2025-01-01T00:00:00Z",)


def test_an_expired_credential_reads_as_expired_on_the_command_line(site):
    result = issue_cli(site, "--name", "Ann", "--email", "ann@example.org", "--date", "2020-01-01",
                       "--valid-until", "2021-01-01")
    assert result.exit_code == 0, result.stderr
    (path,) = issued_files(site.root)

    checked = run("verify", path, "--site", site.root)

    assert checked.exit_code == 1
    assert verdict_lines(checked.stdout) == [f"{path}: EXPIRED (expired on 2021-01-01T00:00:00Z)"]


def test_a_course_validity_period_sets_valid_until(site):
    (site.root / "content" / "courses" / f"{COURSE}.md").write_text(
        course_text(**{"participation: [online]": "participation: [online]\ncredential:\n  valid_for: P2Y6M"}),
        encoding="utf-8")
    (item,) = issue_api(site, learner(date=dt.datetime(2024, 8, 31, tzinfo=UTC)))
    assert item.document["validUntil"] == "2027-02-28T00:00:00Z"


# ---------------------------------------------------------------- DID documents and built sites


@pytest.mark.parametrize("base_url, did, location", [
    ("https://host.example/a/b/", "did:web:host.example:a:b", "did.json"),
    ("https://host.example/", "did:web:host.example", ".well-known/did.json"),
    ("https://host.example:8443/", "did:web:host.example%3A8443", ".well-known/did.json"),
    ("https://host.example:8443/a/", "did:web:host.example%3A8443:a", "did.json"),
    ("https://uni.example.org/mc/", DID, "did.json"),
])
def test_issuer_did_and_did_document_location(make_site, base_url, did, location):
    root = make_site()
    problems: list = []
    loaded = config.load_site(root, problems, base_url=base_url)
    assert not problems, [str(p) for p in problems]
    assert routes.issuer_did(loaded) == did
    assert routes.did_document(loaded) == location
    assert routes.base_url_of_did(did) == base_url


def test_did_document_lists_every_key_as_multikey_with_full_assertion_method_ids(site):
    k2 = new_key(site, "k2")
    set_keys(site.root, ("k1", site.key, "retired"), ("k2", k2, "active"))

    document = did_document(load(site.root).site)

    assert document["id"] == DID
    assert document["@context"] == ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]
    assert document["verificationMethod"] == [
        {"id": f"{DID}#k1", "type": "Multikey", "controller": DID, "publicKeyMultibase": site.key.public_multibase},
        {"id": f"{DID}#k2", "type": "Multikey", "controller": DID, "publicKeyMultibase": k2.public_multibase}]
    assert document["assertionMethod"] == [f"{DID}#k1", f"{DID}#k2"]
    assert all(isinstance(m, str) for m in document["assertionMethod"])


@pytest.mark.parametrize("base_url, did, location, absent", [
    (BASE, DID, "did.json", ".well-known/did.json"),
    ("https://uni.example.org/", "did:web:uni.example.org", ".well-known/did.json", "did.json"),
    ("https://uni.example.org:8443/", "did:web:uni.example.org%3A8443", ".well-known/did.json", "did.json"),
])
def test_verify_against_a_built_site_works_the_same(site, tmp_path, base_url, did, location, absent):
    set_keys(site.root, ("k1", site.key, "active"), base_url=base_url)
    kept, revoked = issue_api(site, learner(), learner(name="Bob", email="bob@example.org"))
    assert run("revoke", "--yes", revoked.credential_id, "--reason", "x", "--key", site.key_path,
               "--source", site.root).exit_code == 0
    out = tmp_path / "out"

    result = build(site.root, out)

    assert result.ok, [str(p) for p in result.problems]
    assert (out / location).is_file() and not (out / absent).exists()
    published = read_json(out / location)
    assert published == did_document(load(site.root).site)
    assert published["id"] == did
    assert (out / "status" / "revocation.json").read_bytes() == \
        (site.root / "content" / "status" / "revocation.json").read_bytes()
    tampered = tmp_path / "tampered.json"
    document = copy.deepcopy(kept.document)
    document["credentialSubject"]["identifier"][1]["identityHash"] = "Mallory"
    tampered.write_text(json.dumps(document), encoding="utf-8")

    checked = run("verify", kept.path, revoked.path, tampered, "--site", out)

    assert checked.exit_code == 1
    lines = verdict_lines(checked.stdout)
    assert lines[0] == f"{kept.path}: valid"
    assert lines[1].startswith(f"{revoked.path}: REVOKED")
    assert lines[2].startswith(f"{tampered}: INVALID (proof: {SIGNATURE_CHANGED}")
    assert [v.status for v in verdicts([kept.path, revoked.path], out)] == ["valid", "revoked"]


def test_a_built_site_without_the_removed_key_rejects_its_credentials(site, tmp_path):
    (item,) = issue_api(site)
    downloaded = tmp_path / "downloaded.json"
    item.path.rename(downloaded)  # the build itself refuses credentials that no longer verify
    k2 = new_key(site, "k2")
    set_keys(site.root, ("k2", k2, "active"))
    out = tmp_path / "out"
    assert build(site.root, out).ok

    result = run("verify", downloaded, "--site", out)

    assert result.exit_code == 1
    assert f"unknown verification method {DID}#k1" in result.stdout


def test_issuing_for_a_withdrawn_course_works_with_a_note(site):
    course = site.root / "content/courses/testing-things.md"
    course.write_text(course.read_text().replace("status: published", "status: withdrawn"))
    result = issue_cli(site, "--name", "Ann Example", "--email", "ann@example.org")
    assert result.exit_code == 0, result.stderr
    assert "note: content/courses/testing-things.md is withdrawn; issue only for learners who completed it" \
        in result.stderr
    assert len(list((site.root / "content/issued").glob("*.json"))) == 1


def test_issuing_an_already_expired_credential_says_so(site):
    result = issue_cli(site, "--name", "Ann Example", "--email", "ann@example.org",
                       "--date", "2024-01-01", "--valid-until", "2025-01-01")
    assert result.exit_code == 0, result.stderr
    assert "note: the credential for Ann Example expired on 2025-01-01; its page says Expired" in result.stderr
