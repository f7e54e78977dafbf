"""Bad input to issue, revoke, verify, serve and keygen: a clear error, never a crash.

Each test gives one kind of bad input a tester found and checks the message
names the file (or option), the field and the fix, that the command exits
non-zero, and that nothing was signed or written. The helpers and fixtures
(`site`, `pair`, `run`, ...) are in conftest.py.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import stat
import subprocess
import sys

import pytest

from conftest import (
    COURSE,
    ROOT,
    SITE_YAML,
    issue_api,
    issue_cli,
    issued_files,
    nothing_issued,
    read_json,
    run,
    status_files,
    verdict_lines,
)
from generator.content import config
from generator.content import status as content_status
from generator.site import badges

ANN = ("--name", "Ann Example", "--email", "ann@example.org")
REGISTRY_HEADER = "index,credential,issued\n"


def assert_no_crash(result) -> None:
    text = result.stdout + result.stderr
    assert "internal error" not in text and "Traceback" not in text, text


# ---------------------------------------------------------------- 1. a damaged revocation registry


@pytest.mark.parametrize("registry, expected", [
    pytest.param(REGISTRY_HEADER + "5,urn:uuid:a,2026-01-01T00:00:00Z\nabc,urn:uuid:b,2026-01-01T00:00:00Z\n",
                 ":3: index: 'abc' is not a status list index", id="bad-index"),
    pytest.param(REGISTRY_HEADER + "131072,urn:uuid:a,2026-01-01T00:00:00Z\n",
                 ":2: index: '131072' is not a status list index", id="index-outside-the-list"),
    pytest.param("credential,issued\nurn:uuid:a,2026-01-01T00:00:00Z\n",
                 ":1: header: has no 'index' column; the first line must be 'index,credential,issued'",
                 id="no-index-column"),
    pytest.param("<<<<<<< HEAD\n" + REGISTRY_HEADER + "5,urn:uuid:a,x\n=======\n" + REGISTRY_HEADER
                 + "9,urn:uuid:b,x\n>>>>>>> theirs\n",
                 ":1: has an unresolved git merge conflict (marker lines 1, 4, 7); keep the rows of both sides",
                 id="git-conflict-markers"),
])
def test_a_damaged_registry_stops_issue_before_anything_is_signed(site, registry, expected):
    path = site.root / content_status.REGISTRY
    path.parent.mkdir(parents=True)
    path.write_text(registry, encoding="utf-8")

    result = issue_cli(site, *ANN)

    assert_no_crash(result)
    assert result.exit_code == 1
    assert f"{content_status.REGISTRY}{expected}" in result.stderr, result.stderr
    assert "nothing was issued" in result.stderr
    assert issued_files(site.root) == []
    assert status_files(site.root) == [path], "no status list may be signed"
    assert path.read_text(encoding="utf-8") == registry


def test_every_bad_registry_row_is_reported_at_once(site):
    path = site.root / content_status.REGISTRY
    path.parent.mkdir(parents=True)
    path.write_text(REGISTRY_HEADER + "x,urn:uuid:a,t\n7,urn:uuid:b,t\n-1,urn:uuid:c,t\n", encoding="utf-8")

    result = issue_cli(site, *ANN)

    assert f"{content_status.REGISTRY}:2: index: 'x'" in result.stderr
    assert f"{content_status.REGISTRY}:4: index: '-1'" in result.stderr
    assert "2 error(s)" in result.stderr


# ---------------------------------------------------------------- 2. a damaged status list


def truncate_status_list(root) -> None:
    path = root / content_status.STATUS_LIST
    path.write_bytes(path.read_bytes()[:300])


def test_revoke_with_a_truncated_status_list_says_how_to_restore_it(pair):
    truncate_status_list(pair.root)

    result = run("revoke", "--yes", pair.a.credential_id, "--reason", "x",
                 "--key", pair.key_path, "--source", pair.root)

    assert_no_crash(result)
    assert result.exit_code == 1
    assert f"{content_status.STATUS_LIST}:" in result.stderr and "is not valid JSON" in result.stderr
    assert f"git restore {content_status.STATUS_LIST}" in result.stderr
    assert not (pair.root / content_status.REVOCATIONS).exists()


def test_issue_with_a_truncated_status_list_signs_nothing(pair):
    truncate_status_list(pair.root)
    before = issued_files(pair.root)
    registry = (pair.root / content_status.REGISTRY).read_bytes()

    result = issue_cli(pair, "--name", "Cat Example", "--email", "cat@example.org")

    assert_no_crash(result)
    assert result.exit_code == 1
    assert "is not valid JSON" in result.stderr and "nothing was issued" in result.stderr
    assert issued_files(pair.root) == before
    assert (pair.root / content_status.REGISTRY).read_bytes() == registry


def test_a_status_list_that_is_json_but_not_a_list_is_reported(pair):
    (pair.root / content_status.STATUS_LIST).write_text('{"credentialSubject": {"encodedList": "xyz"}}')

    result = run("revoke", "--yes", pair.a.credential_id, "--reason", "x",
                 "--key", pair.key_path, "--source", pair.root)

    assert_no_crash(result)
    assert result.exit_code == 1
    assert f"{content_status.STATUS_LIST}: is not a status list credential" in result.stderr


def test_revoke_of_a_damaged_credential_file_outside_the_site_is_reported(pair):
    damaged = pair.tmp / "downloaded.json"
    damaged.write_text('{"id": "urn:uuid:x", "credentialStatus"', encoding="utf-8")

    result = run("revoke", "--yes", damaged, "--reason", "x", "--key", pair.key_path, "--source", pair.root)

    assert_no_crash(result)
    assert result.exit_code == 1
    assert f"{damaged}: is not a credential" in result.stderr
    assert not (pair.root / content_status.REVOCATIONS).exists()


# ---------------------------------------------------------------- 3. verify against a broken did.json


@pytest.mark.parametrize("did_json, expected", [
    ('{"id": ', ":1: is not valid JSON (Expecting value, column 8)"),
    ("[]", ": is not a DID document"),
    ('{"id": 5}', ": is not a DID document"),
])
def test_verify_against_a_built_site_with_a_broken_did_json(site, tmp_path, did_json, expected):
    (item,) = issue_api(site)
    built = tmp_path / "built"
    built.mkdir()
    (built / "did.json").write_text(did_json, encoding="utf-8")

    result = run("verify", item.path, "--site", built)

    assert_no_crash(result)
    assert result.exit_code == 1
    assert f"{built / 'did.json'}{expected}" in result.stderr
    assert "rebuild the site" in result.stderr


# ---------------------------------------------------------------- 4. serve --port


@pytest.mark.parametrize("port", ["99999", "-1", "65536"])
def test_serve_refuses_a_port_outside_0_to_65535_before_building(make_site, port):
    root = make_site()

    result = run("serve", "--source", root, "--port", port)

    assert result.exit_code == 2
    assert "Invalid value for '--port'" in result.stderr and "0<=x<=65535" in result.stderr
    assert not (root / "_site").exists()


# ---------------------------------------------------------------- 5. --mail-merge checked before signing


@pytest.mark.parametrize("where, expected", [
    ("no/such/dir/mm.csv", "does not exist"),
    ("a-file/mm.csv", "is not a folder"),
])
def test_an_unwritable_mail_merge_path_is_refused_before_signing(site, where, expected):
    (site.tmp / "a-file").write_text("x", encoding="utf-8")
    target = site.tmp / where

    result = issue_cli(site, *ANN, mail_merge=target)

    assert_no_crash(result)
    assert result.exit_code == 1
    assert f"credsite issue: --mail-merge: {target.parent} {expected}; create the folder" in result.stderr
    assert result.stdout == ""
    nothing_issued(site.root)


# A mail-merge list that cannot be named once the credentials are signed: tests/test_issue_cohort.py (the list
# is now started before signing, so a folder that is gone stops the run with nothing issued).


# ---------------------------------------------------------------- 6. grades on the 1-10 scale


@pytest.mark.parametrize("grade, message", [
    ("8,5", "--grade: '8,5' is not a number with a decimal point; write 8.5"),
    ("1e1", "--grade: '1e1' is not a number with a decimal point; write a mark such as 7.5"),
    ("8.", "--grade: '8.' is not a number with a decimal point; write 8"),
    ("\uff17", "--grade: '\uff17' is not a number with a decimal point; write 7"),
    ("nan", "--grade: 'nan' is not a number"),
    ("+8", "--grade: '+8' is not a number"),
    ("8 ,5", "--grade: '8 ,5' is not a number"),
])
def test_a_malformed_numeric_grade_is_refused(site, grade, message):
    result = issue_cli(site, *ANN, "--grade", grade)

    assert_no_crash(result)
    assert result.exit_code == 1
    assert message in result.stderr, result.stderr
    nothing_issued(site.root)


def test_spaces_around_a_grade_are_stripped_before_signing(site):
    result = issue_cli(site, *ANN, "--grade", " 8 ")

    assert result.exit_code == 0, result.stderr
    (path,) = issued_files(site.root)
    assert read_json(path)["credentialSubject"]["result"][0]["value"] == "8"


def refused_cohort(site, text: str) -> tuple[str, str]:
    """Issue from a cohort CSV holding `text`, which must be refused with nothing issued: (its path, stderr)."""
    cohort = site.tmp / "cohort.csv"
    cohort.write_text(text, encoding="utf-8")
    result = issue_cli(site, "--csv", cohort)
    assert result.exit_code == 1
    nothing_issued(site.root)
    return str(cohort), result.stderr


def test_a_malformed_grade_in_a_cohort_names_its_line(site):
    cohort, stderr = refused_cohort(site, 'name,email,grade\nAnn,ann@example.org,7.5\nBob,bob@example.org,"6,5"\n')
    assert f"{cohort}:3: grade: '6,5' is not a number with a decimal point; write 6.5" in stderr


# ---------------------------------------------------------------- 7. a FIFO in content/issued/


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_issue_skips_a_fifo_in_the_issued_folder_instead_of_hanging(site):
    folder = site.root / "content" / "issued"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "x.json")
    command = [sys.executable, "-m", "generator", "issue", "--course", COURSE, *ANN, "--source", str(site.root),
               "--key", str(site.key_path), "--mail-merge", str(site.tmp / "mm.csv")]

    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    except subprocess.TimeoutExpired:
        pytest.fail("credsite issue hung reading the FIFO content/issued/x.json")

    assert done.returncode == 0, done.stderr
    assert len([p for p in issued_files(site.root) if p.is_file()]) == 1


# ---------------------------------------------------------------- 8. --date and --valid-until


def test_malformed_dates_name_their_option_and_the_format(site):
    result = issue_cli(site, *ANN, "--date", "13-11-2026", "--valid-until", "2031-13-01")

    assert_no_crash(result)
    assert result.exit_code == 1
    assert "credsite issue: --date: '13-11-2026' is not a date; write YYYY-MM-DD" in result.stderr
    assert "credsite issue: --valid-until: '2031-13-01' is not a date; write YYYY-MM-DD" in result.stderr
    assert "isoformat" not in result.stderr
    nothing_issued(site.root)


@pytest.mark.parametrize("option", ["--date", "--valid-until"])
def test_the_date_options_help_names_every_form_they_accept(site, option):
    from generator.issuing.dates import parse_moment

    help_text = " ".join(run("issue", "--help").stdout.split())
    said = re.search(rf"{option} TEXT (.*?) \[default", help_text)[1]

    assert "YYYY-MM-DD" in said and "date-time with a time zone" in said
    (example,) = re.findall(r"\d{4}-\d\d-\d\dT\S+Z", said)
    parse_moment(example)  # the example the help gives is one it takes
    issued = issue_cli(site, *ANN, option, example if option == "--date" else "2031-11-13T12:00:00+01:00")
    assert issued.exit_code == 0, issued.stderr


# ---------------------------------------------------------------- 9. keygen --id


def site_yaml_accepts_key_id(root, key_id: str, public: str) -> bool:
    (root / "content" / "site.yaml").write_text(
        SITE_YAML + f"keys:\n  - id: {json.dumps(key_id)}\n    public_key: {public}\n    status: active\n")
    problems: list = []
    config.load_site(root, problems)
    return not problems


@pytest.mark.parametrize("key_id, ok", [
    ("key-2026", True), ("k.1_a", True), ("2026", True), ("true", True), ("2026-01-01", True),
    ("bad id!", False), ("-key", False), (".key", False), ("", False), ("sleutel-\u00e9", False),
    ("key#1", False),
])
def test_keygen_accepts_exactly_the_key_ids_site_yaml_accepts(make_site, tmp_path, key_id, ok):
    root = make_site()
    target = tmp_path / "k.json"

    result = run("keygen", "--out", target, "--id", key_id, "--source", root)

    assert (result.exit_code == 0) == ok, result.stderr
    if ok:
        # The printed lines, pasted as they are, must pass the site.yaml check.
        (root / "content" / "site.yaml").write_text(SITE_YAML + result.stdout[result.stdout.index("keys:"):])
        problems: list = []
        loaded = config.load_site(root, problems)
        assert not problems, [str(p) for p in problems]
        assert [k.id for k in loaded.keys] == [key_id]
    else:
        assert f"credsite keygen: --id: '{key_id}' is not a valid key id" in result.stderr
        assert not target.exists() and result.stdout == ""
        assert not site_yaml_accepts_key_id(root, key_id, "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")


# ---------------------------------------------------------------- 10. --key that is no key file


def test_a_key_option_naming_another_file_says_it_is_not_a_key_file(site):
    site_yaml = site.root / "content" / "site.yaml"
    assert stat.S_IMODE(site_yaml.stat().st_mode) & 0o044, "the test needs a file others can read"

    result = issue_cli(site, *ANN, key_path=site_yaml)

    assert result.exit_code == 1
    assert f"{site_yaml}: not a credsite key file" in result.stderr
    assert "chmod" not in result.stderr
    nothing_issued(site.root)


# ---------------------------------------------------------------- 11, 12. the cohort CSV's header


def test_a_semicolon_separated_cohort_from_dutch_excel_is_read(site):
    cohort = site.tmp / "cohort.csv"
    cohort.write_text("\ufeffName;Email;Grade;Date\nJansen, Emma;emma@example.org;7.5;2025-11-13\n"
                      "Bob;bob@example.org;8;\n", encoding="utf-8")
    merge = site.tmp / "out.csv"

    result = issue_cli(site, "--csv", cohort, mail_merge=merge)

    assert result.exit_code == 0, result.stderr
    # The mail-merge list answers in the cohort's dialect: semicolons, and the byte-order mark.
    text = merge.read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert [tuple(row[:2]) for row in rows] == [("name", "email"), ("Jansen, Emma", "emma@example.org"),
                                                ("Bob", "bob@example.org")]
    grades = sorted(read_json(p)["credentialSubject"]["result"][0]["value"] for p in issued_files(site.root))
    assert grades == ["7.5", "8"]


@pytest.mark.parametrize("delimiter, bom, line_end", [
    (",", False, "\n"), (";", True, "\r\n"), (";", False, "\n"), (",", True, "\r\n"), (";", True, "\n"),
], ids=["comma", "dutch-excel", "semicolon", "excel-csv-utf8", "semicolon-bom-lf"])
def test_the_mail_merge_list_is_written_in_the_cohorts_dialect(site, delimiter, bom, line_end):
    cohort = site.tmp / "cohort.csv"
    lines = ["name;email;grade" if delimiter == ";" else "name,email,grade",
             delimiter.join(["Ann Example", "ann@example.org", "7.5"]),
             delimiter.join(['"Jansen; Emma"' if delimiter == ";" else '"Jansen, Emma"', "emma@example.org", "8"]),
             delimiter.join(["=1+1", "cat@example.org", "6"])]
    cohort.write_bytes(("\ufeff" if bom else "").encode() + (line_end.join(lines) + line_end).encode())
    merge = site.tmp / "out.csv"

    result = issue_cli(site, "--csv", cohort, mail_merge=merge)

    assert result.exit_code == 0, result.stderr
    data = merge.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) == bom
    text = data.decode("utf-8-sig")
    assert text.endswith(line_end) and text.count(line_end) == 4  # a header and three rows
    if line_end == "\n":
        assert "\r" not in text
    assert text.split(line_end)[0] == delimiter.join(f'"{name}"' for name in ("name", "email", "badge_url",
                                                                              "credential_id"))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert [row[:2] for row in rows[1:]] == [["Ann Example", "ann@example.org"],
                                             ["Jansen; Emma" if delimiter == ";" else "Jansen, Emma",
                                              "emma@example.org"],
                                             ["'=1+1", "cat@example.org"]]  # a formula made text, in any dialect


def test_a_single_learners_mail_merge_list_is_plain_comma_separated_utf8(site):
    merge = site.tmp / "out.csv"

    result = issue_cli(site, *ANN, mail_merge=merge)

    assert result.exit_code == 0, result.stderr
    data = merge.read_bytes()
    assert not data.startswith(codecs.BOM_UTF8) and b"\r" not in data
    assert data.split(b"\n")[0] == b'"name","email","badge_url","credential_id"'


def test_every_problem_of_a_cohort_row_is_reported_at_once(site):
    # A Dutch date and a Dutch decimal comma on one row, as Excel with Dutch settings saves them.
    cohort = site.tmp / "cohort.csv"
    cohort.write_bytes("\ufeffname;email;grade;date\r\nJan Jansen;jan@example.org;7,5;13-11-2026\r\n"
                       "Bob;bob@example;4;2026-11-13\r\n".encode())

    result = issue_cli(site, "--csv", cohort)

    assert result.exit_code == 1
    assert f"{cohort}:2: date: '13-11-2026' is not a date; write YYYY-MM-DD" in result.stderr
    assert f"{cohort}:2: grade: '7,5' is not a number with a decimal point; write 7.5" in result.stderr
    assert f"{cohort}:3: email: 'bob@example' is not an e-mail address" in result.stderr
    assert f"{cohort}:3: grade: '4' is below the pass mark" in result.stderr
    assert "4 error(s)" in result.stderr
    nothing_issued(site.root)


def test_a_date_that_cannot_be_read_does_not_judge_the_expiry_against_the_wrong_moment(site):
    # With the award date unreadable, "valid_until is not after the award date" would compare with today.
    cohort = site.tmp / "cohort.csv"
    cohort.write_text("name,email,date,valid_until\nAnn,ann@example.org,13-11-2020,2021-01-01\n", encoding="utf-8")

    result = issue_cli(site, "--csv", cohort)

    assert result.exit_code == 1
    assert f"{cohort}:2: date: '13-11-2020' is not a date" in result.stderr
    assert "valid_until" not in result.stderr
    assert "1 error(s)" in result.stderr


def test_a_repeated_cohort_column_is_reported(site):
    cohort, stderr = refused_cohort(site, "name,name,email\nAnn,Bob,ann@example.org\n")
    assert f"{cohort}:1: header: repeated column(s) name; use each of the columns" in stderr


# ---------------------------------------------------------------- 13. verify a baked badge image


SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>'


@pytest.fixture
def baked(site, tmp_path):
    (item,) = issue_api(site)
    raw = item.path.read_bytes()
    png = tmp_path / "badge.png"
    png.write_bytes(badges.bake_png(badges.badge_png("Testing", "4 EC · EQF 6", "Test University"), raw))
    svg = tmp_path / "badge.svg"
    svg.write_text(badges.bake_svg(SVG, raw), encoding="utf-8")
    return item, png, svg


def test_verify_reads_the_credential_baked_into_a_png_or_svg_badge(site, baked):
    _, png, svg = baked

    result = run("verify", png, svg, "--site", site.root)

    assert result.exit_code == 0, result.stdout
    assert verdict_lines(result.stdout) == [f"{png}: valid", f"{svg}: valid"]


def test_verify_checks_the_proof_of_a_baked_credential(site, baked, tmp_path):
    item, _, _ = baked
    document = read_json(item.path)
    document["name"] = "Brain Surgery"
    forged = tmp_path / "forged.svg"
    forged.write_text(badges.bake_svg(SVG, json.dumps(document).encode()), encoding="utf-8")

    result = run("verify", forged, "--site", site.root)

    assert result.exit_code == 1
    assert result.stdout.startswith(f"{forged}: INVALID (proof: ")


def test_verify_explains_images_without_a_credential_and_other_files(site, tmp_path):
    plain_png = tmp_path / "plain.png"
    plain_png.write_bytes(badges.badge_png("Testing", "4 EC · EQF 6", "Test University"))
    plain_svg = tmp_path / "plain.svg"
    plain_svg.write_text(SVG, encoding="utf-8")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000, encoding="utf-8")

    result = run("verify", plain_png, plain_svg, binary, deep, "--site", site.root)

    assert_no_crash(result)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{plain_png}: INVALID (this PNG image carries no baked credential; verify the badge.png or badge.svg "
        "from the learner's badge page, or its credential.json)",
        f"{plain_svg}: INVALID (this SVG image carries no baked credential; verify the badge.png or badge.svg "
        "from the learner's badge page, or its credential.json)",
        f"{binary}: INVALID (not a credential: a credential is a JSON file, or a badge image (PNG or SVG) with "
        "one baked in)",
        f"{deep}: INVALID (not valid JSON (it is nested too deeply))",
    ]


def test_a_source_folder_that_does_not_exist_is_named(tmp_path):
    from click.testing import CliRunner

    from generator.commands.cli import cli

    result = CliRunner().invoke(cli, ["check", "--source", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert f"Directory '{tmp_path / 'nowhere'}' does not exist" in result.stderr
