"""A large cohort (`credsite issue --csv`): signed on every core, read and written as a stream, all or nothing.

- A cohort big enough to go to the worker pool gives the same credentials, lines and mail-merge list as
  a small one, and `credsite build` publishes every credential.
- A failure in the middle, a row the build would refuse found by a worker or a file that cannot be
  written while the credentials are moved in, leaves the site as it was: no credential, no registry
  row, no status list, no mail-merge list, no staging folder.
- A large cohort says how it goes on stderr (a small one says nothing), and stdout stays the badge URLs.
- The staging folder of a killed run is removed by the next run, and said so, even while a worker of that
  run lives on; the folder of a run still going is kept (its run holds a lock on it).
"""

from __future__ import annotations

import csv
import errno
import io
import os
import socket
from pathlib import Path

import pytest

from conftest import BASE, COURSE, issue_api, issue_cli, issued_files, read_csv, read_json, run
from generator.build.pipeline import load
from generator.content import status as content_status
from generator.issuing import batches, cohort, staging
from generator.issuing import issue as issuing

HEADER = "name,email,grade,date,evidence,valid_until\n"
ROWS = batches.PARALLEL_FROM + 16  # enough to go to the pool


def content_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "content").rglob("*"))
            if p.is_file()}


def leftovers(site) -> list[str]:
    """Staging folders, partial mail-merge lists, temporary files: what a run must never leave."""
    found = [p.name for p in (site.root / "content").iterdir() if p.name.startswith(staging.STAGING_PREFIX)]
    found += [p.name for p in site.tmp.iterdir() if ".partial-" in p.name]
    for folder in (site.root / content_status.ISSUED, site.root / content_status.STATUS):
        found += [p.name for p in folder.glob(".*")] if folder.is_dir() else []
    return found


def cohort_file(site, rows: int, extra: dict[int, str] | None = None) -> tuple[Path, list[tuple[str, str]]]:
    """A cohort of `rows` learners; `extra` replaces the line of a row (0-based) with its own text."""
    lines, learners = [HEADER], []
    for n in range(rows):
        line = (extra or {}).get(n, f"Learner {n} Example,learner{n}@example.org,{6 + n % 4}.5,2025-11-13,,\n")
        lines.append(line)
        learners.append(tuple(next(csv.reader([line]))[:2]))
    path = site.tmp / "cohort.csv"
    path.write_text("".join(lines), encoding="utf-8")
    return path, learners


@pytest.fixture
def pooled(monkeypatch):
    """Two workers, whatever the machine has, and a record of every pool started."""
    started = []
    real = batches.worker_pool

    def spy(workers, *args, **kwargs):
        started.append(workers)
        return real(workers, *args, **kwargs)

    monkeypatch.setattr(batches.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(batches, "worker_pool", spy)
    return started


def test_a_cohort_signed_by_the_pool_is_published_with_a_complete_mail_merge_list(site, pooled):
    # One backdated row: its credential is issued, with the note that it has expired.
    path, learners = cohort_file(site, ROWS, {7: "Expired Example,expired@example.org,7,2020-01-01,,2021-01-01\n"})
    merge = site.tmp / "merge.csv"

    result = issue_cli(site, "--csv", path, mail_merge=merge)

    assert result.exit_code == 0, result.stderr
    assert pooled == [2]
    rows = read_csv(merge)
    assert [(r["name"], r["email"]) for r in rows] == learners  # complete, and in the cohort's order
    files = issued_files(site.root)
    assert len(files) == ROWS and {r["credential_id"] for r in rows} == {read_json(p)["id"] for p in files}
    for row in rows:
        uid = row["credential_id"].removeprefix("urn:uuid:")
        assert row["badge_url"] == f"{BASE}badges/{uid}/"
        document = read_json(site.root / content_status.ISSUED / f"{uid}.json")
        assert document["credentialSubject"]["identifier"][1]["identityHash"] == row["name"]
    assert result.stdout.splitlines() == [f"{r['name']} <{r['email']}>: {r['badge_url']}" for r in rows]
    assert ("credsite issue: note: the credential for Expired Example expired on 2021-01-01; its page says "
            "Expired") in result.stderr
    assert f"{ROWS} credential(s) written to content/issued/; badge URLs for mail-merge in {merge}" in result.stderr
    registry = read_csv(site.root / content_status.REGISTRY)
    assert [r["credential"] for r in registry] == [r["credential_id"] for r in rows]
    indexes = {int(read_json(p)["credentialStatus"]["statusListIndex"]) for p in files}
    assert {int(r["index"]) for r in registry} == indexes and len(indexes) == ROWS
    assert leftovers(site) == []

    out = site.tmp / "_site"
    built = run("build", "--source", site.root, "--output", out)

    assert built.exit_code == 0, built.stderr
    for credential in files:
        assert (out / "badges" / credential.stem / "credential.json").read_bytes() == credential.read_bytes()


def test_a_row_the_build_would_refuse_found_late_by_a_worker_leaves_nothing_written(site, pooled, monkeypatch):
    # The learner checks are switched off, so that only the build's own checks, run in a worker after
    # signing, find the bad name on the second-to-last row: every other row has been signed by then.
    monkeypatch.setattr(cohort, "learner_problems", lambda course, learner, now: [])
    path, _ = cohort_file(site, ROWS, {ROWS - 2: "Bad \ufffe Name,bad@example.org,7,2025-11-13,,\n"})
    before = content_tree(site.root)

    result = issue_cli(site, "--csv", path)

    assert result.exit_code == 1
    assert pooled == [2]
    assert f"{path}:{ROWS}: name: the build would not publish this credential (U+FFFE" in result.stderr
    assert result.stderr.splitlines()[-1] == "nothing was issued"
    assert result.stdout == ""
    assert content_tree(site.root) == before
    assert not (site.root / content_status.ISSUED).exists() and not (site.root / content_status.STATUS).exists()
    assert not (site.tmp / "mail-merge.csv").exists()
    assert leftovers(site) == []


def test_a_failure_while_the_credentials_are_moved_in_puts_everything_back(site, pooled, monkeypatch):
    (first,) = issue_api(site)  # a registry, a key history and a status list to put back
    path, _ = cohort_file(site, ROWS)
    before = content_tree(site.root)
    real, linked = os.link, []

    def full_disk_at_the_tenth(source, target, *args, **kwargs):
        if Path(target).parent == site.root / content_status.ISSUED:
            if len(linked) == 9:
                raise OSError(errno.ENOSPC, "No space left on device", str(target))
            linked.append(target)
        return real(source, target, *args, **kwargs)

    monkeypatch.setattr(staging.os, "link", full_disk_at_the_tenth)

    result = issue_cli(site, "--csv", path)

    assert result.exit_code == 1
    assert "content/issued: cannot be written (No space left on device" in result.stderr
    assert "nothing was issued" in result.stderr and result.stdout == ""
    assert len(linked) == 9
    assert content_tree(site.root) == before
    assert issued_files(site.root) == [first.path]
    assert not (site.tmp / "mail-merge.csv").exists()
    assert leftovers(site) == []


def test_a_folder_that_cannot_take_the_credentials_is_found_before_signing(site):
    (site.root / content_status.ISSUED).write_text("not a folder", encoding="utf-8")
    path, _ = cohort_file(site, 3)

    result = issue_cli(site, "--csv", path)

    assert result.exit_code == 1
    assert "content/issued: is not a folder; move the file away" in result.stderr
    assert not (site.root / content_status.STATUS).exists() and leftovers(site) == []


def test_a_cohort_file_changed_between_checking_and_signing_signs_nothing(site):
    path, _ = cohort_file(site, 3)
    content = load(site.root, drafts=True)
    course = issuing.course_version(content.families, COURSE)
    checked = cohort.check_cohort(path, str(path), course)
    assert checked.problems == [] and checked.learners == 3
    path.write_text(path.read_text(encoding="utf-8").replace("Learner 1 ", "Someone Else "), encoding="utf-8")
    handed: list = []

    problems = issuing.issue_each(content.site, course, cohort.CohortRows(path, str(path), checked), site.key,
                                  handed.append)

    assert [str(p) for p in problems] == [f"{path}: changed while its credentials were being signed; run credsite "
                                          "issue again once the file is saved and nobody edits it"]
    assert issued_files(site.root) == [] and not (site.root / content_status.STATUS).exists()


def test_checking_a_cohort_keeps_no_learner(site):
    path, _ = cohort_file(site, 5)
    checked = cohort.check_cohort(path, str(path))
    assert (checked.learners, checked.problems) == (5, [])
    assert [learner.name for learner in cohort.CohortRows(path, str(path), checked)] == [
        f"Learner {n} Example" for n in range(5)]


def test_a_mail_merge_folder_gone_before_signing_stops_the_run(site, monkeypatch):
    from generator.commands import signing as cli_module

    # The list is begun before anything is signed, so a folder gone since the check stops the run.
    monkeypatch.setattr(cli_module, "_mail_merge_problems", lambda target, given: [])

    result = issue_cli(site, "--name", "Ann Example", "--email", "ann@example.org",
                       mail_merge=site.tmp / "gone" / "mm.csv")

    assert result.exit_code == 1
    assert f"credsite issue: --mail-merge: cannot write into {site.tmp / 'gone'}" in result.stderr
    assert issued_files(site.root) == [] and result.stdout == ""


def test_a_mail_merge_list_that_cannot_be_named_after_signing_says_the_credentials_were_issued(site, monkeypatch):
    def fail(self, fallback):
        self.discard()
        raise OSError(errno.ENOSPC, "No space left on device", str(self.target))

    monkeypatch.setattr(cohort.MailMerge, "finish", fail)

    result = issue_cli(site, "--name", "Ann Example", "--email", "ann@example.org")

    assert result.exit_code == 1
    assert len(issued_files(site.root)) == 1
    assert "1 credential(s) above WERE issued" in result.stderr and "badges/" in result.stdout
    assert leftovers(site) == []


def test_the_mail_merge_list_never_replaces_a_file_and_answers_in_the_cohorts_dialect(site):
    path = site.tmp / "cohort.csv"
    path.write_bytes(b"\xef\xbb\xbfname;email\r\nAnn Example;ann@example.org\r\n")

    result = issue_cli(site, "--csv", path, mail_merge=path)  # the cohort's own name: never overwritten

    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == b"\xef\xbb\xbfname;email\r\nAnn Example;ann@example.org\r\n"
    (merge,) = site.tmp.glob("cohort-*.csv")
    data = merge.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf\"name\";\"email\";\"badge_url\";\"credential_id\"\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[1][:2] == ["Ann Example", "ann@example.org"] and len(rows) == 2
    assert leftovers(site) == []


def test_the_benchmark_issues_a_small_cohort(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    done = subprocess.run([sys.executable, "benchmarks/issue_cohort.py", "--rows", "60", "--courses", "2",
                           "--work", str(tmp_path / "bench")], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "60 learners, 2 courses" in done.stdout and "peak PSS (process tree)" in done.stdout


# ---------------------------------------------------------------- progress of a large run


def progress_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if " core(s)" in line or " done " in line]


def test_a_large_cohort_says_how_it_goes_on_stderr_and_prints_the_same_stdout(site, pooled, monkeypatch):
    # Large enough, and a line as often as the parent takes a batch back: lines without minutes of signing.
    monkeypatch.setattr(batches, "PROGRESS_FROM", ROWS)
    monkeypatch.setattr(batches, "PROGRESS_EVERY", 0.0)
    path, learners = cohort_file(site, ROWS)
    merge = site.tmp / "merge.csv"

    result = issue_cli(site, "--csv", path, mail_merge=merge)

    assert result.exit_code == 0, result.stderr
    assert pooled == [2]
    rows = read_csv(merge)
    assert result.stdout.splitlines() == [f"{r['name']} <{r['email']}>: {r['badge_url']}" for r in rows]
    lines = result.stderr.splitlines()
    said = progress_lines(result.stderr)
    assert lines[:len(said)] == said  # told as it goes, before the summary
    assert said[0] == f"credsite issue: signing {ROWS} credential(s) on 2 core(s)"
    assert said[-1].startswith(f"credsite issue: {ROWS} of {ROWS} done in ")
    between = said[1:-1]
    assert between, said
    counts = [int(line.split()[2]) for line in between]
    assert counts == sorted(counts) and counts[-1] < ROWS
    for line, count in zip(between, counts, strict=True):
        assert line.startswith(f"credsite issue: {count} of {ROWS} done ({100 * count // ROWS}%), about ")
        assert line.endswith(" left")
    # A line a batch at most, never one a credential.
    assert len(said) <= ROWS // batches.BATCH + ROWS // (2 * 4) + 2 and len(said) < ROWS // 2
    assert lines[len(said):] == [f"{ROWS} credential(s) written to content/issued/; badge URLs for mail-merge in "
                                 f"{merge} (it holds e-mail addresses: do not commit it)"]
    assert leftovers(site) == []


def test_a_small_cohort_says_nothing_of_its_progress(site, monkeypatch):
    monkeypatch.setattr(batches, "PROGRESS_EVERY", 0.0)  # the size alone keeps it quiet
    path, learners = cohort_file(site, 3)
    merge = site.tmp / "merge.csv"

    result = issue_cli(site, "--csv", path, mail_merge=merge)

    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [f"3 credential(s) written to content/issued/; badge URLs for mail-merge "
                                          f"in {merge} (it holds e-mail addresses: do not commit it)"]
    assert [line.split(":", 1)[0] for line in result.stdout.splitlines()] == [
        f"{name} <{email}>" for name, email in learners]


def test_progress_lines_come_at_most_every_few_seconds_with_the_time_left():
    said: list[str] = []
    now = [100.0]
    tally = batches.Tally(said.append, 10_000, 2, clock=lambda: now[0])
    assert said == ["signing 10,000 credential(s) on 2 core(s)"]

    for moment, rows in ((101.0, 1000), (104.9, 1000), (105.0, 500), (107.0, 500)):
        now[0] = moment
        tally.add(rows)
    # 2,500 rows in 5 s: 7,500 more take 15 s. Nothing at 101.0, 104.9 or 107.0: too soon after the last line.
    assert said[1:] == ["2,500 of 10,000 done (25%), about 15 s left"]

    now[0] = 220.0
    tally.add(2000)
    now[0] = 300.0
    tally.add(5000)
    tally.add(10)  # counted after the end: said nothing more
    assert said[2:] == ["5,000 of 10,000 done (50%), about 2 min 00 s left", "10,000 of 10,000 done in 3 min 20 s"]


def test_a_run_under_the_threshold_tells_nothing_at_all():
    said: list[str] = []
    tally = batches.Tally(said.append, batches.PROGRESS_FROM - 1, 2, clock=lambda: 0.0)
    tally.add(batches.PROGRESS_FROM - 1)
    assert said == []


# ---------------------------------------------------------------- what a killed run leaves


# A run as far as it goes before it is killed: its staging folder made and held, one credential staged in it,
# and (with "fork") a child that outlives it, as a signing worker of a killed run does.
HOLDER = """
import os, sys
from pathlib import Path
from generator.issuing.staging import Staging, stage
staging = Staging(Path(sys.argv[1]))
stage(staging.folder, "00000000-0000-4000-8000-000000000001", b"{}")
ready, told = os.pipe()
child = os.fork() if sys.argv[2] == "fork" else 0
if child == 0 and sys.argv[2] == "fork":
    os.write(told, b".")  # running, so the at-fork hooks have run
    sys.stdin.read()
    os._exit(0)
if child:
    os.read(ready, 1)
print(staging.folder, child, flush=True)
sys.stdin.read()
"""


@pytest.fixture
def holder(site):
    """Start a process that holds a staging folder of `site`; gives (process, folder, pid of its child or 0)."""
    import subprocess
    import sys

    from conftest import ROOT

    started = []

    def start(fork: bool = False):
        process = subprocess.Popen([sys.executable, "-c", HOLDER, str(site.root), "fork" if fork else "-"], cwd=ROOT,
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        started.append(process)
        line = process.stdout.readline().split()
        assert line, "the process holding a staging folder did not start"
        return process, Path(line[0]), int(line[1])

    yield start
    for process in started:
        process.kill()
        process.wait()


def one_learner(site):
    return issue_cli(site, "--name", "Ann Example", "--email", "ann@example.org")


def test_the_staging_folder_of_a_killed_run_is_removed_by_the_next_run_and_one_of_a_live_run_is_not(site, holder):
    process, folder, _ = holder()
    assert (folder / staging.OWNER).read_text(encoding="utf-8").startswith(f"pid {process.pid} on ")

    alive = one_learner(site)

    assert alive.exit_code == 0, alive.stderr
    assert "removed" not in alive.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["00000000-0000-4000-8000-000000000001.json", staging.OWNER]

    process.kill()  # SIGKILL: nothing of the run cleans up
    process.wait()
    assert folder.is_dir()

    after = issue_cli(site, "--name", "Bob Example", "--email", "bob@example.org")

    assert after.exit_code == 0, after.stderr
    assert not folder.exists()
    assert (f"credsite issue: removed content/{folder.name}/: 1 credential(s) signed by a run of credsite issue that "
            f"was stopped before it finished (pid {process.pid} on ") in after.stderr
    assert "; none of them is in content/issued/" in after.stderr
    assert len(issued_files(site.root)) == 2 and leftovers(site) == []
    assert after.stdout.startswith("Bob Example <bob@example.org>: ")


def test_a_worker_that_outlives_its_killed_run_does_not_keep_the_folder(site, holder):
    process, folder, child = holder(fork=True)
    assert child > 0
    process.kill()
    process.wait()
    try:
        os.kill(child, 0)  # the child still lives, with the run's descriptor of the lock once
        removed = staging.clear_abandoned(site.root / "content")
    finally:
        os.kill(child, 9)
    assert removed == [folder] and not folder.exists()


def test_a_credential_already_moved_in_when_the_run_was_killed_is_named(site, holder):
    process, folder, _ = holder()
    process.kill()
    process.wait()
    issued = site.root / content_status.ISSUED
    issued.mkdir(parents=True)
    os.link(folder / "00000000-0000-4000-8000-000000000001.json", issued / "00000000-0000-4000-8000-000000000001.json")
    said: list[str] = []

    assert staging.clear_abandoned(site.root / "content", said.append) == [folder]

    assert len(said) == 1 and said[0].endswith("; 1 of them had been moved into content/issued/ when it was stopped: "
                                               "run credsite check")
    assert (issued / "00000000-0000-4000-8000-000000000001.json").read_bytes() == b"{}"


def test_a_staging_folder_without_a_lock_is_removed_once_untouched_for_a_day(site):
    from generator.build.writer import ABANDONED_AFTER

    content = site.root / "content"
    old, young = content / ".issuing-oldstyle", content / ".issuing-justmade"
    for folder in (old, young):
        folder.mkdir()
        (folder / "00000000-0000-4000-8000-000000000002.json").write_bytes(b"{}")
    long_ago = os.stat(old).st_mtime - ABANDONED_AFTER - 60
    os.utime(old, (long_ago, long_ago))

    result = one_learner(site)

    assert result.exit_code == 0, result.stderr
    assert not old.exists() and young.is_dir()  # a run may be making its lock this very moment
    assert (f"credsite issue: removed content/{old.name}/: 1 credential(s) signed by a run of credsite issue that was "
            "stopped before it finished (untouched since ") in result.stderr
    assert young.name not in result.stderr


def test_a_staging_folder_that_cannot_be_removed_is_named_and_the_run_goes_on(site, holder, monkeypatch):
    process, folder, _ = holder()
    process.kill()
    process.wait()

    def refuse(path):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(staging.os, "unlink", refuse)
    said: list[str] = []

    assert staging.clear_abandoned(site.root / "content", said.append) == []

    assert said == [f"cannot remove content/{folder.name}/, left by a run of credsite issue that was stopped before "
                    "it finished (Permission denied); remove it by hand: nothing reads it"]
    assert folder.is_dir()


def test_a_signing_worker_whose_run_is_gone_stops():
    import subprocess
    import sys

    from conftest import ROOT

    # A parent that is not this process's: as a worker finds once its run was killed and it was adopted.
    done = subprocess.run([sys.executable, "-c", "import os; from generator.issuing.batches import _watch_parent; "
                           "_watch_parent(os.getppid() + 1); print('still here')"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)
    assert (done.returncode, done.stdout) == (1, "")


def test_an_unlocked_staging_folder_of_another_machine_is_left_for_a_day(site):
    """On NFS without lockd a lock is seen only on the machine that holds it: another machine's folder counts as a
    run still going until it has been untouched for a day."""
    from generator.build.writer import ABANDONED_AFTER

    content = site.root / "content"
    theirs, ours = content / ".issuing-elsewhere", content / ".issuing-ourhost"
    for folder, host in ((theirs, "another-machine"), (ours, socket.gethostname())):
        folder.mkdir()
        (folder / "00000000-0000-4000-8000-000000000003.json").write_bytes(b"{}")
        (folder / staging.OWNER).write_text(f"pid 1 on {host}, started 2026-12-06T10:15:00Z\n", encoding="utf-8")
    said: list[str] = []
    assert staging.clear_abandoned(content, said.append) == [ours]  # nobody here holds its lock
    assert theirs.is_dir()
    long_ago = os.stat(theirs).st_mtime - ABANDONED_AFTER - 60
    os.utime(theirs, (long_ago, long_ago))
    assert staging.clear_abandoned(content, said.append) == [theirs]
    assert "another-machine" in said[-1]
