"""Hostile input to the signing side: what is signed publishes, what staff open in Excel runs nothing,
and a reference means exactly what it says.

- Validate before you sign: every cohort row, valid or not, is either refused by `credsite issue`
  with the CSV line and the column, or issued as a credential the build publishes (a property
  test over generated rows). The same holds for reissue and for the status list.
- Formula-safe CSV: every CSV credsite writes for people makes a cell starting with =, +, -, @,
  a tab or a carriage return text (a ' in front), quotes every cell, and reads it back unchanged.
- Exact references: revoke and reissue refuse an id with whitespace or control characters and
  suggest the cleaned form.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from test_reissue import make_legacy_site, private_key_file

from conftest import (
    COURSE,
    course_text,
    issue_api,
    issue_cli,
    issued_files,
    learner,
    read_json,
    run,
    sample_site,
    site_yaml,
    verdict_lines,
    write_files,
)
from generator.build.pipeline import build, load
from generator.content import csv_cells
from generator.content import status as content_status
from generator.issuing import issue as issuing
from generator.issuing import keys
from generator.issuing.dates import iso

HYPERLINK = '=HYPERLINK("https://evil.example/pwned","Click")'


# ---------------------------------------------------------------- 1. validate before you sign: a property test


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A site with an active key and a graded course whose credentials expire after five years."""
    folder = tmp_path_factory.mktemp("hostile")
    key = keys.generate(folder / "keys" / "k1.json", folder / "site")
    course = course_text(**{'  grading: {scale: nl-1-10, pass: "5.5"}':
                            '  grading: {scale: nl-1-10, pass: "5.5"}\ncredential:\n  valid_for: P5Y'})
    write_files(folder / "site", {"content/site.yaml": site_yaml(("k1", key, "active")),
                                  f"content/courses/{COURSE}.md": course})
    return folder


def moments(dates: st.SearchStrategy[dt.date], first: dt.datetime, last: dt.datetime) -> st.SearchStrategy[str]:
    """Dates as people type them: a day, or a moment with a time zone (any offset a zone can have)."""
    offsets = st.builds(lambda minutes: dt.timezone(dt.timedelta(minutes=minutes)), st.integers(-1439, 1439))
    return st.one_of(dates.map(dt.date.isoformat),
                     st.datetimes(min_value=first, max_value=last, timezones=offsets).map(dt.datetime.isoformat))


# What a row usually holds, unusual characters included: each of these must issue and publish...
VALID = {
    "name": st.one_of(st.sampled_from(["Sanne de Vries", "'t Hooft", "Zoë Ñúñez 🎓", HYPERLINK, "+31 6 1234",
                                       "-Bob", "@Ann", "<script>alert(1)</script>", "x" * 300, "\u202eevil"]),
                      st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), min_size=1, max_size=20)
                      .filter(str.strip)),
    "email": st.sampled_from(["ann@example.org", "+31@example.org", "-x@example.org", "=1+1@example.org",
                              "ann@例え.jp", "ANN@EXAMPLE.ORG"]),
    "grade": st.sampled_from(["", "7.5", "5.5", "10", "10.0", "6"]),
    "date": st.one_of(st.just(""), moments(st.dates(dt.date(1, 1, 2), dt.date(2025, 12, 31)),
                                           dt.datetime(1, 1, 2), dt.datetime(2025, 12, 31))),
    "evidence": st.sampled_from(["", "https://example.org/work", "https://example.org/a https://b.example/c",
                                 "https://例え.jp/パス", "https://example.org/%22x%22"]),
    "valid_until": st.one_of(st.just(""), moments(st.dates(dt.date(2027, 1, 1), dt.date(9999, 12, 30)),
                                                  dt.datetime(2027, 1, 1), dt.datetime(9999, 12, 30))),
}
# ...and each of these may be refused, but only with the line and the column, and never signed unpublishable.
HOSTILE = {
    "name": st.one_of(st.sampled_from(["\t=cmd", "\r=cmd", "Ann\nBob", "Ann\u2028Bob", "Ann\x00", "Ann\x85",
                                       "Ann\ufffe", "Ann\U0010ffff", "Ann\ufdd0", "   ", ""]), st.text(max_size=20)),
    "email": st.one_of(st.sampled_from(["@example.org", "a@b", "ann@exa mple.org", "ann@example.org\ufffe",
                                        "x@y.z\x01", "", "ann@@example.org"]),
                       st.builds("{}@{}".format, st.text(max_size=8), st.sampled_from(["example.org", "x"]))),
    "grade": st.one_of(st.sampled_from(["5.4", "11", "A", "pass", "8,5", "1e1", "８", "7.", "-1", "=1+1", "0\r0"]),
                       st.text(max_size=4)),
    "date": st.one_of(
        st.sampled_from(["0001-01-01", "0001-01-01T00:00:00+01:00", "0001-01-01T23:00:00-01:00", "9999-12-31",
                         "2024-02-29", "2025-02-29", "2026-13-01", "2026-1-1", "20240229", "2024-W09-4",
                         "2024-02-29T12:00:00", "2024-02-29T24:00:00Z", "2024-06-30T23:59:60Z",
                         "2024-02-29T12:00:00.123456+05:45", "yesterday"]),
        moments(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31))),
    "evidence": st.one_of(
        st.sampled_from(["http://example.org/", "https://", "https://[::1", 'https://example.org/"x"',
                         "javascript:alert(1)", "https://example.org/\u202e", "https://user@:0/", "https:///path",
                         "https://example.org/\ufffe", "https://exa%mple.org/", "https://ex\\ample.org/"]),
        st.text(max_size=12).map("https://example.org/".__add__)),
    "valid_until": st.one_of(
        st.sampled_from(["9999-12-31T23:59:59-00:01", "0001-01-01", "2020-01-01", "2026-02-29"]),
        moments(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31))),
}
COLUMNS = tuple(VALID)


def _one_hostile(base: dict[str, str], column: str | None) -> st.SearchStrategy[dict[str, str]]:
    return st.just(base) if column is None else HOSTILE[column].map(lambda value: {**base, column: value})


# A valid row with at most one hostile column, so that most rows reach signing and the build.
ROWS = st.tuples(st.fixed_dictionaries(VALID), st.sampled_from((None, *COLUMNS))).flatmap(
    lambda drawn: _one_hostile(*drawn))


def write_cohort(path: Path, row: dict[str, str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerow([row[column] for column in COLUMNS])


@settings(max_examples=100, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(row=ROWS)
@example(row={"name": "Ann Example", "email": "ann@example.org", "grade": "", "date": "0001-01-01",
              "evidence": "", "valid_until": ""})  # was signed as awardedDate '1-01-01T00:00:00Z'
@example(row={"name": "Ann Example", "email": "ann@example.org", "grade": "", "date": "0001-01-01T00:00:00+01:00",
              "evidence": "", "valid_until": ""})  # crashed: the year 0 in UTC
@example(row={"name": HYPERLINK, "email": "+31@example.org", "grade": "8", "date": "2024-02-29",
              "evidence": "https://example.org/work", "valid_until": "9999-12-31"})
def test_every_cohort_row_is_refused_at_issue_time_or_publishes(template, row):
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        root = shutil.copytree(template / "site", work / "site")
        cohort, merge = work / "cohort.csv", work / "merge.csv"
        write_cohort(cohort, row)

        result = run("issue", "--course", COURSE, "--csv", cohort, "--source", root, "--mail-merge", merge,
                     "--key", template / "keys" / "k1.json")

        if result.exit_code != 0:
            assert result.exit_code == 1, result.stderr
            refusals = [line for line in result.stderr.splitlines() if not re.fullmatch(
                r"\d+ error\(s\), \d+ warning\(s\)|nothing was issued", line)]
            # Each refusal names the CSV file and the row's line, and nothing was written.
            assert refusals and all(line.startswith(f"{cohort}:2: ") for line in refusals), result.stderr
            assert not (root / "content" / "issued").exists() and not (root / "content" / "status").exists()
            assert not merge.exists()
            event("refused at issue time")
            return
        (path,) = issued_files(root)
        document = read_json(path)
        built = build(root, work / "_site")
        assert built.ok, (row, [str(p) for p in built.problems if p.is_error])
        assert (work / "_site" / "badges" / path.stem / "credential.json").read_bytes() == path.read_bytes()
        # The credential keeps the learner's characters; the mail-merge list reads back the same.
        assert document["credentialSubject"]["identifier"][1]["identityHash"] == row["name"].strip()
        text = merge.read_text(encoding="utf-8")
        (record,) = csv_cells.records(text.splitlines())
        assert (record["name"], record["email"]) == (row["name"].strip(), row["email"].strip())
        for cell in next(csv.reader(text.splitlines()[1:])):
            assert not cell.startswith(csv_cells.TRIGGERS), cell
        event("issued and published")


def test_a_date_in_the_year_one_is_signed_as_a_date_time(site):
    (item,) = issue_api(site, learner(date=dt.datetime(1, 1, 1, tzinfo=dt.UTC)))
    assert item.document["awardedDate"] == item.document["validFrom"] == "0001-01-01T00:00:00Z"
    assert iso(dt.datetime(999, 12, 31, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=-2)))) == "1000-01-01T01:00:00Z"


@pytest.mark.parametrize("args, expected", [
    (("--date", "0001-01-01T00:00:00+01:00"), "--date: '0001-01-01T00:00:00+01:00' is not within the years 1 to "
                                              "9999 in UTC"),
    (("--valid-until", "9999-12-31T23:00:00-05:00"), "--valid-until: '9999-12-31T23:00:00-05:00' is not within"),
    (("--evidence", "https://[::1"), "--evidence: 'https://[::1' names no host"),
])
def test_dates_and_links_no_credential_can_hold_are_refused_before_signing(site, args, expected):
    result = issue_cli(site, "--name", "Ann", "--email", "ann@example.org", *args)
    assert result.exit_code == 1 and expected in result.stderr, result.stderr
    assert issued_files(site.root) == []


@pytest.mark.parametrize("name, what", [("Ann \udcff", "U+DCFF"), ("Ann \ufffe", "U+FFFE")])
def test_a_name_that_is_not_unicode_text_is_refused_before_signing(site, name, what):
    # A command-line argument that is not UTF-8 reaches Python as a lone surrogate.
    content = load(site.root, drafts=True)
    course = issuing.course_version(content.families, COURSE)
    issued, problems = issuing.issue(content.site, course, [learner(name=name)], site.key)
    assert issued == []
    assert [str(p) for p in problems] == [
        f"credsite issue: --name: contains {what}, which is not a character; type the name again"]
    assert issued_files(site.root) == []


def test_what_the_build_would_refuse_is_not_signed_and_names_the_row_and_field(site, monkeypatch):
    # Two gaps made on purpose: no learner checks at all, and the year written as strftime("%Y")
    # did (year 1 as "1"). The build's own checks, run before signing, still stop both rows.
    from generator.issuing import cohort as cohorts

    for module in (cohorts, issuing):
        monkeypatch.setattr(module, "learner_problems", lambda course, learner, now: [])
    monkeypatch.setattr(issuing, "iso", lambda moment: moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    cohort = site.tmp / "cohort.csv"
    cohort.write_text("name,email,date\nAnn,ann@example.org,2024-01-01\nBob \ufffe,bob@example.org,2024-01-01\n"
                      "Cat,cat@example.org,0001-01-01\n", encoding="utf-8")

    result = issue_cli(site, "--csv", cohort)

    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert f"{cohort}:3: name: the build would not publish this credential (U+FFFE in the text at " \
           "credentialSubject.identifier[1].identityHash: JSON must hold Unicode text, which every parser reads " \
           "alike (I-JSON, RFC 7493)), so it is not signed; correct the name" in lines
    assert f"{cohort}:4: date: the build would not publish this credential (schema: awardedDate: " \
           "'1-01-01T00:00:00Z' is not a 'date-time'), so it is not signed; correct the date" in lines
    assert "nothing was issued" in lines
    assert issued_files(site.root) == [] and not (site.root / "content" / "status").exists()


def test_reissue_signs_nothing_the_build_would_refuse(tmp_path):
    # A credential in the old format whose course is no longer published: signing it again would
    # make a credential no build publishes, so reissue refuses it and writes nothing.
    site, path = make_legacy_site(tmp_path)
    slug = read_json(path)["credentialSubject"]["achievement"]["id"].split("/")[-2]
    (site / "content" / "courses" / f"{slug}.md").unlink()
    shutil.rmtree(site / "content" / "courses" / "archive" / slug, ignore_errors=True)
    before = {p: p.read_bytes() for p in (site / "content").rglob("*") if p.is_file()}

    result = run("reissue", path, "--source", site, "--key", private_key_file(tmp_path))

    assert result.exit_code == 1, result.stderr
    assert (f"content/issued/{path.name}: credentialSubject.achievement.id: the build would not publish it signed "
            "again") in result.stderr
    assert "nothing was reissued" in result.stderr
    assert {p: p.read_bytes() for p in (site / "content").rglob("*") if p.is_file()} == before


# ---------------------------------------------------------------- 2. formula-safe CSV


@pytest.mark.parametrize("value, cell", [
    (HYPERLINK, "'" + HYPERLINK), ("+31 6 1234", "'+31 6 1234"), ("-5 points", "'-5 points"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+1", "'\t=1+1"), ("\r=1+1", "'\r=1+1"), ("'=1+1", "''=1+1"), ("''", "'''"),
    ("'t Hooft", "'t Hooft"), ("Ann", "Ann"), ("", ""), ("a=b", "a=b"),
])
def test_a_cell_a_spreadsheet_would_run_gets_a_quote_and_reads_back_unchanged(value, cell):
    assert csv_cells.safe_cell(value) == cell
    assert csv_cells.cell_text(cell) == value
    line = csv_cells.csv_line(value, "Ann;=1+1")
    assert line.startswith('"') and line.endswith('"Ann;=1+1"')  # every cell quoted: a ; splits no cell
    assert csv_cells.rows([line]) == [[value, "Ann;=1+1"]]


def test_the_mail_merge_list_makes_formulas_text(site):
    cohort = site.tmp / "cohort.csv"
    with cohort.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["name", "email"], [HYPERLINK, "+31@example.org"],
                                      ["-Bob", "=1+1@example.org"], ["\t@Cat", "cat@example.org"]])
    merge = site.tmp / "merge.csv"

    result = issue_cli(site, "--csv", cohort, mail_merge=merge)

    assert result.exit_code == 0, result.stderr
    with merge.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [row[:2] for row in rows] == [["name", "email"], ["'" + HYPERLINK, "'+31@example.org"],
                                         ["'-Bob", "'=1+1@example.org"], ["'@Cat", "cat@example.org"]]
    assert all(line.startswith('"') for line in merge.read_text(encoding="utf-8").splitlines())
    names = {read_json(p)["credentialSubject"]["identifier"][1]["identityHash"] for p in issued_files(site.root)}
    assert names == {HYPERLINK, "-Bob", "@Cat"}  # the credential keeps the learner's characters


def test_an_email_no_spreadsheet_should_see_is_refused(site):
    # A tab or carriage return in front was stripped before the address was checked, so it reached the
    # mail-merge list as it was; an address starting with @ is no address at all.
    for email in ("\t=1@example.org", "\r=1@example.org", "@ann@example.org"):
        result = issue_cli(site, "--name", "Ann", "--email", email, mail_merge=site.tmp / "merge.csv")
        assert result.exit_code == 1 and "--email: " in result.stderr and "is not an e-mail address" in result.stderr
        assert not (site.tmp / "merge.csv").exists()


@pytest.mark.parametrize("reason", ['=HYPERLINK("https://evil.example/pwned","Click")', "-5 points", "+1", "@admin"])
def test_a_revocation_reason_is_stored_as_text_and_shown_as_given(pair, reason):
    result = run("revoke", "--yes", pair.a.credential_id, "--reason", reason, "--key", pair.key_path,
                 "--source", pair.root)
    assert result.exit_code == 0, result.stderr

    with (pair.root / content_status.REVOCATIONS).open(encoding="utf-8", newline="") as handle:
        (header, row) = list(csv.reader(handle))
    assert row[3] == csv_cells.safe_cell(reason) and not row[3].startswith(csv_cells.TRIGGERS)
    assert content_status.revocation_reasons(pair.root) == {pair.a.credential_id: reason}
    verified = run("verify", pair.a.path, "--site", pair.root)
    assert verdict_lines(verified.stdout) == [f"{pair.a.path}: REVOKED (reason: {reason})"]


def test_a_revocation_reason_with_control_characters_is_refused(pair):
    result = run("revoke", "--yes", pair.a.credential_id, "--reason", "wrong\x1b[2Jlearner", "--key", pair.key_path,
                 "--source", pair.root)
    assert result.exit_code == 1
    assert "--reason: contains control characters or what is not text (U+001B)" in result.stderr
    assert not (pair.root / content_status.REVOCATIONS).exists()


def test_every_status_log_credsite_writes_quotes_and_neutralises_its_cells(pair):
    for item, reason in ((pair.a, "-1"), (pair.b, "'= not a formula")):
        assert run("revoke", "--yes", item.credential_id, "--reason", reason, "--key", pair.key_path,
                   "--source", pair.root).exit_code == 0
    for name in (content_status.REGISTRY, content_status.REVOCATIONS, content_status.KEY_HISTORY):
        header, *rows = (pair.root / name).read_text(encoding="utf-8").splitlines()
        assert rows and all(re.fullmatch(r'"[^"]*"(,"[^"]*")*', row) for row in rows), (name, rows)
    assert '"\'-1"' in (pair.root / content_status.REVOCATIONS).read_text(encoding="utf-8")
    assert content_status.revocation_reasons(pair.root) == {pair.a.credential_id: "-1",
                                                            pair.b.credential_id: "'= not a formula"}


# ---------------------------------------------------------------- 3. exact references


@pytest.mark.parametrize("form", ["urn", "uuid", "badge-url"])
@pytest.mark.parametrize("before, after, shown_before, shown_after", [
    ("", "\n", "", "\\n"), (" ", "", " ", ""), ("", "\t", "", "\\t"), ("\u200b", "", "\\u200b", ""),
    ("", "\r\n", "", "\\r\\n"), ("", "\x00", "", "\\u0000"),
])
def test_revoke_refuses_a_reference_with_whitespace_or_control_characters(pair, form, before, after, shown_before,
                                                                          shown_after):
    reference = {"urn": pair.a.credential_id, "uuid": pair.a.path.stem, "badge-url": pair.a.badge_url}[form]
    list_before = (pair.root / content_status.STATUS_LIST).read_bytes()

    result = run("revoke", "--yes", before + reference + after, "--reason", "test", "--key", pair.key_path,
                 "--source", pair.root)

    assert result.exit_code == 1
    assert (f"credsite revoke: ID: '{shown_before}{reference}{shown_after}' holds whitespace or control characters, "
            f"and credsite acts only on a reference given exactly; did you mean '{reference}'?") in result.stderr
    assert (pair.root / content_status.STATUS_LIST).read_bytes() == list_before
    assert not (pair.root / content_status.REVOCATIONS).exists()


@pytest.mark.parametrize("reference, says", [
    ("junk-{uuid}-junk", "is neither an id (urn:uuid:...), a UUID, a badge URL nor a file"),
    ("urn:uuid:{uuid}x", "is neither an id (urn:uuid:...), a UUID, a badge URL nor a file"),
    ("https://evil.example/badges/{uuid}/", "is not the badge URL of a credential of this site"),
    ("content/issued/{uuid}.json.bak", "is no file"),
])
def test_revoke_accepts_only_the_documented_forms(pair, reference, says):
    result = run("revoke", "--yes", reference.format(uuid=pair.a.path.stem), "--reason", "test", "--key", pair.key_path,
                 "--source", pair.root)
    assert result.exit_code == 1 and says in result.stderr, result.stderr
    assert not (pair.root / content_status.REVOCATIONS).exists()


def test_reissue_refuses_a_reference_with_a_trailing_newline(tmp_path):
    site = sample_site(tmp_path)
    target = sorted((site / "content" / "issued").glob("*.json"))[0]
    cid = read_json(target)["id"]

    result = run("reissue", cid + "\n", "--source", site, "--key", private_key_file(tmp_path))

    assert result.exit_code == 1
    assert f"credsite reissue: ID: '{cid}\\n' holds whitespace or control characters" in result.stderr
    assert f"did you mean '{cid}'?" in result.stderr
