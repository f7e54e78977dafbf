"""One signed meaning per file: credsite reads every JSON file as I-JSON (RFC 7493).

Python's json module keeps the last of two members with the same name, so a credential
holding `"identityHash": "Mallory", "identityHash": "Fatima Bakker"` verified and published,
while a parser that keeps the first member (or refuses the file) reads another credential
from the same signed bytes. Each rule of generator/strict_json.py has a test here, and so
has each place that reads JSON: credentials (build, check, verify, badge images), the status
list, DID documents and key files; and no index the build kept spares a file the strict reading.
(The build's caches are SQLite, no longer JSON: tests/test_cache_store.py.)
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from PIL import Image
from test_reissue import private_key_file

from conftest import read_json, run, sample_site, verdict_lines
from generator.build.pipeline import build, check
from generator.content import status as content_status
from generator.site import badges
from generator.strict_json import InvalidJson, loads

DUPLICATE = "a signed file must have one meaning"
NOT_TEXT = "JSON must hold Unicode text, which every parser reads alike (I-JSON, RFC 7493)"
NUMBER = "parsers disagree on its value (I-JSON, RFC 7493)"
NAME = '"identityHash": "Fatima Bakker"'  # the learner's name in the sample's first credential


# ---------------------------------------------------------------- the rules, one by one


@pytest.mark.parametrize("text, message", [
    ('{"a": 1, "a": 1}', f"duplicate key 'a' at the top level: {DUPLICATE}"),
    ('{"credentialSubject": {"identifier": [{}, {"identityHash": "Mallory", "identityHash": "Fatima Bakker"}]}}',
     f"duplicate key 'identityHash' at credentialSubject.identifier[1]: {DUPLICATE}"),
    ('{"proof": [], "proof": [{"type": "DataIntegrityProof"}]}',
     f"duplicate key 'proof' at the top level: {DUPLICATE}"),
    ('{"a b": {"x": 1, "x": 2}}', f"""duplicate key 'x' at ["a b"]: {DUPLICATE}"""),
    ('{"name": "\\ud800"}', f"U+D800 in the text at name: {NOT_TEXT}"),
    ('{"\\udfff": 1}', f"U+DFFF in the key '\\udfff' at the top level: {NOT_TEXT}"),
    ('{"name": "Ann \\ud83d"}', f"U+D83D in the text at name: {NOT_TEXT}"),
    ('{"name": "\\ufffe"}', f"U+FFFE in the text at name: {NOT_TEXT}"),
    ('{"name": "\ufdd0"}', f"U+FDD0 in the text at name: {NOT_TEXT}"),
    ('{"name": "\\ud83f\\udfff"}', f"U+1FFFF in the text at name: {NOT_TEXT}"),
    ('{"n": [9007199254740992]}', "the integer 9007199254740992 at n[0] is beyond +/-(2^53 - 1), the integers a "
                                  f"double holds exactly: {NUMBER}"),
    ('{"n": -9007199254740992}', "the integer -9007199254740992 at n is beyond +/-(2^53 - 1), the integers a "
                                 f"double holds exactly: {NUMBER}"),
    ('{"n": 1e400}', f"the number 1e400 at n is too large for a double: {NUMBER}"),
    ('{"n": -1.5E+309}', f"the number -1.5E+309 at n is too large for a double: {NUMBER}"),
    ('{"n": 2e-400}', f"the number 2e-400 at n is too small for a double (it would read as 0): {NUMBER}"),
    ('{"n": NaN}', f"NaN at n is not a JSON number: {NUMBER}"),
    ('{"n": Infinity}', f"Infinity at n is not a JSON number: {NUMBER}"),
    ('[-Infinity]', f"-Infinity at [0] is not a JSON number: {NUMBER}"),
])
def test_each_i_json_rule_is_refused_with_its_json_path(text, message):
    with pytest.raises(InvalidJson) as caught:
        loads(text)
    assert caught.value.ijson
    assert caught.value.msg == message
    assert caught.value.sentence == message


@pytest.mark.parametrize("allowed, value, refused", [
    ('{"n": 9007199254740991, "m": -9007199254740991}', {"n": 2**53 - 1, "m": -(2**53 - 1)},
     '{"n": 9007199254740992}'),
    ('{"n": 1.7976931348623157e308, "z": 0.0, "e": 0e-400}', {"n": 1.7976931348623157e308, "z": 0.0, "e": 0.0},
     '{"n": 1.7976931348623159e308}'),
    ('{"pair": "\\ud83d\\ude00", "max": "\\ufffd\U0010fffd"}', {"pair": "\U0001f600", "max": "\ufffd\U0010fffd"},
     '{"pair": "\\ude00\\ud83d"}'),
    ('{"text": "\\\\ud800"}', {"text": "\\ud800"}, '{"text": "\\\\\\ud800"}'),
    ('{"a": {"x": 1}, "b": {"x": 1}}', {"a": {"x": 1}, "b": {"x": 1}}, '{"a": {"x": 1, "x": 1}}'),
])
def test_each_rule_ends_where_i_json_ends(allowed, value, refused):
    # One step inside the rule reads as json reads it; one step beyond is refused.
    assert loads(allowed) == value == json.loads(allowed)
    with pytest.raises(InvalidJson):
        loads(refused)


@pytest.mark.parametrize("data, kind, sentence", [
    (b'{"id": ', InvalidJson.SYNTAX, "is not valid JSON (Expecting value, column 8)"),
    (b"[" * 100_000, InvalidJson.DEPTH, "is not valid JSON (it is nested too deeply)"),
    (b'{"a": "\xff"}', InvalidJson.ENCODING, "is not UTF-8 text (byte 7 cannot be decoded)"),
    (b'\xef\xbb\xbf{}', InvalidJson.SYNTAX, "is not valid JSON (Unexpected UTF-8 BOM (decode using utf-8-sig), "
                                            "column 1)"),
])
def test_what_is_no_json_at_all_says_so(data, kind, sentence):
    with pytest.raises(InvalidJson) as caught:
        loads(data)
    assert (caught.value.kind, caught.value.sentence) == (kind, sentence)


def test_a_message_never_holds_what_cannot_be_printed():
    # A lone surrogate cannot be written to a UTF-8 terminal: the message escapes it.
    with pytest.raises(InvalidJson) as caught:
        loads('{"\\ud800\\u0007": 1}')
    caught.value.msg.encode("utf-8")
    assert "'\\ud800\\u0007'" in caught.value.msg


# ---------------------------------------------------------------- credentials: verify, check, build


def with_duplicate(raw: str, which: str) -> str:
    """A sample credential with a member written twice; the signature still verifies for Python's json."""
    if which == "identityHash":
        assert NAME in raw
        return raw.replace(NAME, f'"identityHash": "Mallory", {NAME}')
    if which == "id":
        line = re.search(r'^  "id": "urn:uuid:[^"]+",$', raw, re.M).group(0)
        return raw.replace(line, '  "id": "urn:uuid:00000000-0000-4000-8000-000000000000",\n' + line)
    assert which == "proof" and '\n  "proof": [' in raw
    return raw.replace('\n  "proof": [', '\n  "proof": [],\n  "proof": [')


DUPLICATES = {
    "identityHash": f"duplicate key 'identityHash' at credentialSubject.identifier[1]: {DUPLICATE}",
    "id": f"duplicate key 'id' at the top level: {DUPLICATE}",
    "proof": f"duplicate key 'proof' at the top level: {DUPLICATE}",
}


def fatima(site: Path) -> Path:
    (path,) = [p for p in sorted((site / "content/issued").glob("*.json")) if NAME in p.read_text(encoding="utf-8")]
    return path


@pytest.mark.parametrize("which", sorted(DUPLICATES))
def test_verify_refuses_a_credential_with_a_duplicate_key(sample, tmp_path, which):
    copy = tmp_path / "credential.json"
    copy.write_text(with_duplicate(fatima(sample.root).read_text(encoding="utf-8"), which), encoding="utf-8")

    result = run("verify", copy, "--site", sample.root)

    assert result.exit_code == 1
    assert verdict_lines(result.stdout) == [f"{copy}: INVALID ({DUPLICATES[which]})"]


@pytest.mark.parametrize("which", sorted(DUPLICATES))
def test_check_and_build_refuse_a_credential_with_a_duplicate_key(tmp_path, which):
    site = sample_site(tmp_path)
    path = fatima(site)
    path.write_text(with_duplicate(path.read_text(encoding="utf-8"), which), encoding="utf-8")
    expected = f"content/issued/{path.name}: {DUPLICATES[which]}; restore the file exactly as credsite issue wrote it"

    checked, built = check(site), build(site, tmp_path / "_site")

    for result in (checked, built):
        assert [str(p) for p in result.problems if p.is_error] == [expected]
    assert not (tmp_path / "_site").exists()


@pytest.mark.parametrize("member, message", [
    ('"x": "\\udc00"', f"U+DC00 in the text at x: {NOT_TEXT}"),
    ('"x": "\\uffff"', f"U+FFFF in the text at x: {NOT_TEXT}"),
    ('"x": 18446744073709551616', "the integer 18446744073709551616 at x is beyond +/-(2^53 - 1), the integers a "
                                  f"double holds exactly: {NUMBER}"),
    ('"x": 1e999', f"the number 1e999 at x is too large for a double: {NUMBER}"),
    ('"x": NaN', f"NaN at x is not a JSON number: {NUMBER}"),
])
def test_every_i_json_rule_is_named_by_verify_and_build(tmp_path, member, message):
    # Any added member breaks the signature too; what is reported is the rule, not "signature does not match".
    site = sample_site(tmp_path)
    path = fatima(site)
    path.write_text(path.read_text(encoding="utf-8").replace("{", "{" + member + ",", 1), encoding="utf-8")

    verified = run("verify", path, "--site", site)
    built = build(site, tmp_path / "_site")

    assert verdict_lines(verified.stdout) == [f"{path}: INVALID ({message})"]
    assert [p.message for p in built.problems if p.is_error] == [message]


@pytest.mark.parametrize("image", ["badge.png", "badge.svg"])
def test_verify_refuses_a_badge_image_with_a_duplicate_key_baked_in(sample, tmp_path, image):
    tampered = with_duplicate(fatima(sample.root).read_text(encoding="utf-8"), "identityHash").encode()
    path = tmp_path / image
    if image == "badge.png":
        plain = io.BytesIO()
        Image.new("RGB", (8, 8)).save(plain, "PNG")
        path.write_bytes(badges.bake_png(plain.getvalue(), tampered))
    else:
        path.write_text(badges.bake_svg('<svg xmlns="http://www.w3.org/2000/svg"/>', tampered), encoding="utf-8")
    kind = "PNG" if image == "badge.png" else "SVG"

    result = run("verify", path, "--site", sample.root)

    assert verdict_lines(result.stdout) == [
        f"{path}: INVALID (the credential baked into this {kind} image: {DUPLICATES['identityHash']})"]


# ---------------------------------------------------------------- the status list, DID documents, key files


def test_issue_and_revoke_refuse_a_status_list_with_a_duplicate_key(tmp_path):
    site = sample_site(tmp_path)
    key = private_key_file(tmp_path)
    path = site / content_status.STATUS_LIST
    raw = path.read_text(encoding="utf-8")
    # Python keeps the last encodedList, the signed one: without I-JSON the list verifies, and is signed again.
    path.write_text(raw.replace('"encodedList":', '"encodedList": "uH4sIAAAAAAAAA",\n    "encodedList":', 1),
                    encoding="utf-8")
    before = {p: p.read_bytes() for p in (site / "content").rglob("*") if p.is_file()}
    expected = (f"{content_status.STATUS_LIST}: duplicate key 'encodedList' at credentialSubject: {DUPLICATE}; "
                f"restore the last committed version with 'git restore {content_status.STATUS_LIST}'")

    revoked = run("revoke", "--yes", read_json(fatima(site))["id"], "--reason", "test", "--key", key, "--source", site)
    issued = run("issue", "--course", "data-literacy-for-policy", "--name", "Ann", "--email", "ann@example.org",
                 "--key", key, "--source", site, "--mail-merge", tmp_path / "merge.csv")

    for result in (revoked, issued):
        assert result.exit_code == 1
        assert expected in result.stderr
    assert {p: p.read_bytes() for p in (site / "content").rglob("*") if p.is_file()} == before


def test_verify_refuses_a_did_document_with_a_duplicate_key(sample, tmp_path):
    out = tmp_path / "_site"
    out.mkdir()
    did = read_json(sample.out / "did.json")
    text = json.dumps(did, indent=2)
    # A second assertionMethod list, empty: a parser keeping the first one trusts no key at all.
    text = text.replace('  "assertionMethod": [', '  "assertionMethod": [],\n  "assertionMethod": [', 1)
    (out / "did.json").write_text(text, encoding="utf-8")

    result = run("verify", fatima(sample.root), "--site", out)

    assert result.exit_code == 1
    assert f"{out / 'did.json'}: duplicate key 'assertionMethod' at the top level: {DUPLICATE}" in result.stderr


def test_a_key_file_with_a_duplicate_key_is_no_key_file(site, tmp_path):
    secret = read_json(site.key_path)["secretKeyMultibase"]
    doubled = tmp_path / "doubled.json"
    doubled.write_text(f'{{"secretKeyMultibase": "z", "secretKeyMultibase": "{secret}"}}', encoding="utf-8")
    os.chmod(doubled, 0o600)

    result = run("issue", "--course", "testing-things", "--name", "Ann", "--email", "ann@example.org",
                 "--key", doubled, "--source", site.root, "--mail-merge", tmp_path / "merge.csv")

    assert result.exit_code == 1
    assert f"{doubled}: not a credsite key file" in result.stderr


def test_reissue_refuses_to_sign_over_a_credential_with_a_duplicate_key(tmp_path):
    site = sample_site(tmp_path)
    path = fatima(site)
    path.write_text(with_duplicate(path.read_text(encoding="utf-8"), "identityHash"), encoding="utf-8")
    before = path.read_bytes()

    result = run("reissue", path, "--source", site, "--key", private_key_file(tmp_path))

    assert result.exit_code == 1
    assert f"is not a readable credential ({DUPLICATES['identityHash']})" in result.stderr
    assert path.read_bytes() == before


# ---------------------------------------------------------------- the build's index of content/issued/


def test_an_index_of_an_older_credsite_does_not_let_a_duplicate_key_through(tmp_path):
    # An older credsite's index of content/issued/ recorded files it read less strictly: even one that names
    # the file's present size, times and inode must not spare it the strict reading.
    import hashlib

    site = sample_site(tmp_path)
    path = fatima(site)
    path.write_text(with_duplicate(path.read_text(encoding="utf-8"), "identityHash"), encoding="utf-8")
    raw, info = path.read_bytes(), path.stat()
    document = json.loads(raw)
    entry = [f"{info.st_size}:{info.st_mtime_ns}:{info.st_ino}:{info.st_ctime_ns}", hashlib.sha256(raw).hexdigest(),
             document["id"], document["credentialSubject"]["achievement"]["id"], document.get("validFrom"),
             document.get("validUntil")]
    from generator.build.store import Store

    with Store(site) as store:
        store.write("issued", {"format": 1}, {"issued": {path.name: (path.name, *entry)}})  # an older format

    result = build(site, tmp_path / "_site")

    assert [p.message for p in result.problems if p.is_error] == [DUPLICATES["identityHash"]]


def test_a_breach_before_a_syntax_error_is_reported_as_the_syntax_error():
    """Found by tests/test_fuzz.py: the first parse stops at the duplicate, the locating one at the junk."""
    with pytest.raises(InvalidJson) as caught:
        loads('{"a": 1, "a": 2} trailing')
    assert caught.value.kind == InvalidJson.SYNTAX and "Extra data" in str(caught.value)
