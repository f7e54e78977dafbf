"""The build's caches live in one SQLite database, .credsite-cache/cache.sqlite (generator/build/store.py).

A cache only saves time: whatever state the database is in (truncated, not SQLite at all, of another schema version
or another program, a table missing, a value of the wrong type, locked by another process), a build is correct,
never fails and never waits long for it; it builds as if there were no cache, and replaces what it cannot read.
A build writes only the rows that changed, and a section that describes the output never outlives that output.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from test_incremental import EPOCH, cold

from conftest import ROOT, issue_api, learner, run, tree
from generator.build import pipeline, store, units
from generator.build.pipeline import build
from generator.build.store import FILE, OLD_FILES, SCHEMA_VERSION, TABLES, UNTRUSTED, Store
from generator.content import stamps

UNITS = {"unit_problems": {}, "site_files": {}, "output_problems": {}}  # the rest of the units section, empty
PROBLEM = (0, "content/site.yaml", None, "host", "near the limit", "move", "warning", "input")


def units_rows(n: int) -> dict:
    """unit -> (unit, key, file names one a line): rows of the units table."""
    return {f"badge:{i:05d}": (f"badge:{i:05d}", f"key-{i}", f"badges/{i}/index.html\nbadges/{i}/credential.json")
            for i in range(n)}


def database(root: Path) -> closing[sqlite3.Connection]:
    return closing(sqlite3.connect(root / FILE, isolation_level=None))


def contents(root: Path) -> dict[str, dict[tuple, tuple]]:
    """Every table of the cache, by key: what a build left."""
    with database(root) as db:
        out = {}
        for table in TABLES.values():
            k = len(table.keys)
            out[table.name] = {row[:k]: row[k:] for row in db.execute(table.select())}
        out["meta"] = {(name,): (value,) for name, value in db.execute("SELECT name, value FROM meta")
                       if not name.endswith(".generation")}
        return out


def differing(before: dict[tuple, tuple], after: dict[tuple, tuple]) -> int:
    """Rows added, removed or changed."""
    return sum(1 for key in before.keys() | after.keys() if before.get(key) != after.get(key))


# ---------------------------------------------------------------- the store itself


def test_a_section_reads_back_as_written(tmp_path):
    problem = ("badge:00001", 0, "content/courses/a.md", None, "ects", "is low", "raise it", "warning", "")
    with Store(tmp_path) as cache:
        assert cache.read("units").tables["units"] == {}
        assert cache.write("units", {"fingerprint": "fp", "usage_files": 3, "largest": "a.png"},
                           {**UNITS, "units": units_rows(3), "unit_problems": {("badge:00001", 0): problem}})
    with Store(tmp_path, writable=False) as cache:
        snapshot = cache.read("units")
    assert snapshot.meta == {"fingerprint": "fp", "usage_files": 3, "largest": "a.png"}
    assert snapshot.tables["units"] == units_rows(3)
    assert snapshot.tables["unit_problems"] == {("badge:00001", 0): problem}


def test_only_the_rows_that_changed_are_written(tmp_path):
    rows = units_rows(1000)
    with Store(tmp_path) as cache:
        cache.read("units")
        cache.write("units", {"fingerprint": "fp"}, {**UNITS, "units": rows})
        assert cache.written["units"] == 1000
    with Store(tmp_path) as cache:
        rows = dict(cache.read("units").tables["units"])
        rows["badge:00001"] = ("badge:00001", "another key", "x")
        del rows["badge:00002"]
        rows["badge:new"] = ("badge:new", "key", "y")
        assert cache.write("units", {"fingerprint": "fp"}, {**UNITS, "units": rows})
        assert cache.written["units"] == 3 and cache.written["meta"] == 0
        assert cache.write("units", {"fingerprint": "fp"}, {**UNITS, "units": rows})  # nothing new: nothing written
        assert cache.written["units"] == 3
    with Store(tmp_path, writable=False) as cache:
        assert cache.read("units").tables["units"] == rows


def test_a_section_another_build_wrote_meanwhile_is_written_whole(tmp_path):
    with Store(tmp_path) as cache:
        cache.read("units")
        cache.write("units", {}, {**UNITS, "units": units_rows(10)})
    with Store(tmp_path) as one, Store(tmp_path) as other:
        mine = dict(one.read("units").tables["units"])
        theirs = dict(other.read("units").tables["units"])
        theirs["badge:theirs"] = ("badge:theirs", "k", "f")
        assert other.write("units", {"who": "other"}, {**UNITS, "units": theirs})
        del mine["badge:00003"]
        assert one.write("units", {"who": "one"}, {**UNITS, "units": mine})  # not just its change: all of it
    with Store(tmp_path, writable=False) as cache:
        snapshot = cache.read("units")
    assert snapshot.tables["units"] == mine and snapshot.meta == {"who": "one"}


def test_a_section_read_in_part_is_added_to(tmp_path):
    with Store(tmp_path) as cache:
        cache.read("units")
        cache.write("units", {"fingerprint": "fp", "usage_files": 3}, {**UNITS, "units": units_rows(10),
                                                                       "output_problems": {0: PROBLEM}})
    with Store(tmp_path) as cache:
        part = cache.read("units", only=("site_files",))
        assert part.tables["units"] == {} and part.meta["usage_files"] == 3
        assert cache.forget("units", "output")  # as a build does before it publishes: the amend still holds
        new = {"badge:new": ("badge:new", "key", "badges/new/index.html")}
        assert cache.amend("units", {"usage_files": 6}, {"units": new, "output_problems": {}},
                           whole=("output_problems",))
        assert cache.written["units"] == 1
    with Store(tmp_path, writable=False) as cache:
        snapshot = cache.read("units")
    assert snapshot.tables["units"] == {**units_rows(10), **new}
    assert snapshot.tables["output_problems"] == {}  # given whole: the old rows are gone
    assert snapshot.meta == {"fingerprint": "fp", "usage_files": 6}


def test_a_section_another_build_wrote_meanwhile_is_not_added_to(tmp_path):
    with Store(tmp_path) as cache:
        cache.read("units")
        cache.write("units", {"fingerprint": "fp"}, {**UNITS, "units": units_rows(3)})
    with Store(tmp_path) as one, Store(tmp_path) as other:
        one.read("units", only=("site_files",))
        other.read("units")
        assert other.write("units", {"fingerprint": "theirs"}, {**UNITS, "units": units_rows(2)})
        assert not one.amend("units", {"fingerprint": "mine"}, {"units": {"badge:x": ("badge:x", "k", "f")}})
    with Store(tmp_path, writable=False) as cache:
        snapshot = cache.read("units")
    assert snapshot.tables["units"] == units_rows(2) and snapshot.meta == {"fingerprint": "theirs"}
    with Store(tmp_path) as never_read:
        assert not never_read.amend("units", {}, {"units": {}})  # it knows of no state to add to


def test_a_store_that_only_reads_creates_nothing(tmp_path):
    with Store(tmp_path, writable=False) as cache:
        assert cache.read("manifest").tables["content"] == {}
        assert not cache.write("manifest", {}, {"content": {"a": "1:2:3:4"}, "build_problems": {}})
    assert not (tmp_path / ".credsite-cache").exists()


def test_the_old_json_caches_are_removed(tmp_path):
    folder = tmp_path / ".credsite-cache"
    folder.mkdir()
    for name in OLD_FILES:
        (folder / name).write_text("{}")
    (folder / "units.json.1234.tmp").write_text("{")
    (folder / "notes.txt").write_text("not ours to remove")
    with Store(tmp_path) as cache:
        cache.read("issued")
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith("cache.sqlite")) == ["notes.txt"]


def truncate(root: Path) -> None:
    path = root / FILE
    path.write_bytes(path.read_bytes()[:len(path.read_bytes()) // 3])


def garble(root: Path) -> None:
    (root / FILE).write_bytes(os.urandom((root / FILE).stat().st_size))


def drop_table(root: Path) -> None:
    with database(root) as db:
        db.execute("DROP TABLE units")


def wrong_type(root: Path) -> None:
    with database(root) as db:
        db.execute("UPDATE units SET files = x'07' WHERE unit = (SELECT min(unit) FROM units)")


def older_version(root: Path) -> None:
    with database(root) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")


def foreign(root: Path) -> None:
    (root / FILE).unlink()
    with database(root) as db:
        db.execute("CREATE TABLE units (unit TEXT PRIMARY KEY, key TEXT, files TEXT)")
        db.execute("INSERT INTO units VALUES ('badge:00001', 'key-1', 'x')")


def not_utf8(root: Path) -> None:
    with database(root) as db:
        db.execute("UPDATE units SET key = CAST(x'ff00fe' AS TEXT) WHERE unit = (SELECT min(unit) FROM units)")


DAMAGE = {"truncated": truncate, "random bytes": garble, "a table missing": drop_table,
          "a value of the wrong type": wrong_type, "an older schema version": older_version,
          "another program's database": foreign, "text that is not UTF-8": not_utf8}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_database_reads_as_empty_and_is_made_again(tmp_path, damage):
    with Store(tmp_path) as cache:
        cache.read("units")
        cache.write("units", {"fingerprint": "fp"}, {**UNITS, "units": units_rows(500)})
    DAMAGE[damage](tmp_path)
    with Store(tmp_path) as cache:
        assert cache.read("units").tables["units"] == {}
        assert cache.write("units", {"fingerprint": "fp2"}, {**UNITS, "units": units_rows(2)})
    with Store(tmp_path) as cache:
        snapshot = cache.read("units")
    assert snapshot.tables["units"] == units_rows(2) and snapshot.meta == {"fingerprint": "fp2"}


@pytest.mark.parametrize("how", ["a writer", "an exclusive lock"])
def test_a_locked_database_is_not_waited_for(tmp_path, how):
    with Store(tmp_path) as cache:
        cache.read("units")
        cache.write("units", {"fingerprint": "fp"}, {**UNITS, "units": units_rows(5)})
    with database(tmp_path) as holder:
        if how == "an exclusive lock":  # not even readers get in
            holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("UPDATE meta SET value = 'theirs' WHERE name = 'units.fingerprint'")
        if how == "an exclusive lock":
            holder.execute("COMMIT")
            holder.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        with Store(tmp_path) as cache:
            assert cache.read("units").tables["units"] == {}  # the whole cache goes unused
            assert not cache.write("units", {}, {**UNITS, "units": {}})
            assert not cache.forget("units", "output")
        assert time.monotonic() - started < 10 * store.BUSY_MS / 1000
        holder.execute("COMMIT")
    with Store(tmp_path) as cache:  # untouched, and usable again
        assert cache.read("units").tables["units"] == units_rows(5)


def test_a_section_that_cannot_be_forgotten_is_trusted_by_no_one(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "FORGET_MS", 200)
    with Store(tmp_path) as cache:
        cache.read("units")
        cache.write("units", {"output": "out"}, {**UNITS, "units": units_rows(5)})
    with Store(tmp_path) as cache:
        assert cache.read("units").meta == {"output": "out"}
        with database(tmp_path) as holder:
            holder.execute("BEGIN IMMEDIATE")
            assert not cache.forget("units", "output")
            holder.execute("ROLLBACK")
    assert (tmp_path / ".credsite-cache" / UNTRUSTED).exists()
    with Store(tmp_path) as cache:
        assert cache.read("units") == store.empty("units")
    assert not (tmp_path / ".credsite-cache" / UNTRUSTED).exists()


# ---------------------------------------------------------------- builds


@pytest.fixture
def cohort(site, monkeypatch):
    """The test site with twelve credentials, built once into site.tmp/out (see tests/test_incremental.py)."""
    monkeypatch.setattr(stamps, "RACY_NS", -1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    issue_api(site, *(learner(name=f"Learner {n}", email=f"l{n}@example.org") for n in range(12)))
    site.out = site.tmp / "out"
    first = build(site.root, site.out)
    assert first.ok and first.written, [str(p) for p in first.problems]
    return site


def rendered(messages: list[str]) -> tuple[int, int]:
    """(units rendered, units) as the build said."""
    found = next(re.match(r"rendering (\d+) of (\d+) ", m) for m in messages if m.startswith("rendering "))
    assert found, messages
    return int(found.group(1)), int(found.group(2))


def locked(root: Path, exclusive: bool = False):
    """A database another process writes to (or, `exclusive`, holds alone) for as long as the block runs."""
    holder = sqlite3.connect(root / FILE, isolation_level=None)
    if exclusive:  # not even readers get in
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE meta SET value = value")
    return closing(holder)


LOCKS = {"written to by another process": False, "held alone by another process": True}


@pytest.mark.parametrize("damage", sorted(DAMAGE) + sorted(LOCKS))
def test_a_build_with_a_damaged_or_locked_cache_is_the_cold_build(cohort, tmp_path, damage):
    if damage in DAMAGE:
        DAMAGE[damage](cohort.root)
    issue_api(cohort, learner(name="New Learner", email="new@example.org"))
    messages: list[str] = []
    if damage in LOCKS:
        with locked(cohort.root, LOCKS[damage]):
            result = build(cohort.root, cohort.out, progress=messages.append)
    else:
        result = build(cohort.root, cohort.out, progress=messages.append)
    assert result.ok and result.written, [str(p) for p in result.problems]
    if any(m.startswith("added ") for m in messages):
        # Only the new credential was built (build/delta.py), which reads no unit's row: the damaged one is found
        # by the next whole build.
        assert damage in ("a value of the wrong type", "text that is not UTF-8"), messages
    else:
        todo, units_count = rendered(messages)
        assert todo == units_count  # nothing was taken from the damaged cache
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))
    again = build(cohort.root, cohort.out)  # and a sound cache was made again (unless it was locked)
    assert again.ok and again.up_to_date == (damage in DAMAGE)


def test_a_new_credential_writes_only_its_rows(cohort, monkeypatch):
    before = contents(cohort.root)
    stores: list[Store] = []

    def recording(source, *args, **kwargs):
        stores.append(Store(source, *args, **kwargs))
        return stores[-1]

    monkeypatch.setattr(pipeline, "Store", recording)
    issue_api(cohort, learner(name="New Learner", email="new@example.org"))
    messages: list[str] = []
    result = build(cohort.root, cohort.out, progress=messages.append)
    assert result.ok and result.written
    assert any(m.startswith("added 3 files") for m in messages), messages  # only the new credential's unit
    after = contents(cohort.root)
    (written,) = [s.written for s in stores]
    for name in after:
        if name != "meta":
            assert written[name] == differing(before[name], after[name]), name
    # The new credential's unit, index entry and checked proof; the content files issuing changed. Its verdict is
    # remembered by the next whole build, which judges it again from the proof it finds.
    assert (written["issued"], written["verdicts"], written["signatures"], written["units"]) == (1, 0, 1, 1)
    assert written["content"] == 4  # the file, content/issued/, the registry of status indexes, content/status/
    assert sum(written.values()) < sum(len(rows) for rows in after.values()) / 4
    # The patched output is still described by the cache: the next credential is added to it again.
    issue_api(cohort, learner(name="Next Learner", email="next@example.org"))
    messages.clear()
    assert build(cohort.root, cohort.out, progress=messages.append).written
    assert any(m.startswith("added 3 files") for m in messages), messages
    # And a change a whole build must make (a revocation) patches that output, knowing all of its units.
    uid = sorted((cohort.root / "content/issued").glob("*.json"))[0].stem
    assert run("revoke", "--yes", uid, "--reason", "test", "--key", cohort.key_path,
               "--source", cohort.root).exit_code == 0
    messages.clear()
    assert build(cohort.root, cohort.out, progress=messages.append).written
    assert any(m.startswith("changed ") for m in messages) and rendered(messages)[0] == 1, messages


def test_an_output_patched_while_the_cache_could_not_be_told_is_built_again(cohort, tmp_path, monkeypatch):
    """The cache cannot be told to stop vouching for the output (another process holds the database), the build
    publishes anyway and dies before saving: the next build must not trust what the cache says of the output."""
    monkeypatch.setattr(store, "FORGET_MS", 100)
    gone = sorted((cohort.root / "content/issued").glob("*.json"))[0]
    kept = gone.read_bytes()
    gone.unlink()  # a small change: the output is patched in place
    real_forget = units.UnitCache.forget
    holder: list = []

    def forget_while_locked(self):
        holder.append(locked(cohort.root))
        real_forget(self)

    def killed(self, output):
        holder.pop().thing.close()
        raise KeyboardInterrupt  # the process ends between publishing and saving its cache

    monkeypatch.setattr(units.UnitCache, "forget", forget_while_locked)
    monkeypatch.setattr(units.UnitCache, "save", killed)
    with pytest.raises(KeyboardInterrupt):
        build(cohort.root, cohort.out)
    monkeypatch.undo()
    monkeypatch.setattr(stamps, "RACY_NS", -1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert not (cohort.out / f"badges/{gone.stem}").exists()  # it did publish
    # Back again: its unit, as the unit cache remembers it, would be taken for still being in the output.
    gone.write_bytes(kept)
    result = build(cohort.root, cohort.out)
    assert result.ok and result.written and not result.up_to_date
    assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / "cold"))


def test_two_builds_at_once_leave_a_sound_cache(cohort, tmp_path):
    issue_api(cohort, learner(name="New Learner", email="new@example.org"))
    code = ("import sys; from pathlib import Path; from generator.build.pipeline import build; "
            "r = build(Path(sys.argv[1]), Path(sys.argv[2])); sys.exit(0 if r.ok else 1)")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    runs = [subprocess.Popen([sys.executable, "-c", code, str(cohort.root), str(out)], cwd=ROOT, env=env,
                             stderr=subprocess.PIPE, text=True) for out in (cohort.out, tmp_path / "other")]
    for process in runs:
        assert process.wait(timeout=300) == 0 and "Traceback" not in process.stderr.read()
    with database(cohort.root) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    expected = tree(cold(cohort.root, tmp_path / "cold"))
    assert tree(cohort.out) == tree(tmp_path / "other") == expected
    for out in (cohort.out, tmp_path / "other"):  # whichever the cache describes, each folder is built right
        assert build(cohort.root, out).ok and tree(out) == expected


def test_a_file_name_that_is_not_utf8_only_costs_the_cache(cohort, tmp_path):
    """A name like café.png in Latin-1 (unzipped from an old archive): Python keeps it as lone surrogates, which
    SQLite cannot store. The build goes on without the cache parts that would name it, every time."""
    content = os.fsencode(cohort.root / "content")
    with open(os.path.join(content, b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"a note")
    for again in range(2):
        result = build(cohort.root, cohort.out)
        assert result.ok, [str(p) for p in result.problems]
        assert tree(cohort.out) == tree(cold(cohort.root, tmp_path / f"cold{again}"))
    with Store(cohort.root) as cache:  # what could be stored still is, and the file is whole
        assert cache.read("issued").tables["issued"]


def test_a_strict_lookup_tells_a_missing_row_from_one_it_could_not_read(tmp_path):
    with Store(tmp_path) as cache:
        cache.read("units")
        cache.write("units", {}, {**UNITS, "units": units_rows(3)})
    with Store(tmp_path) as cache:
        assert cache.lookup("units", ["badge:00001", "badge:nope"], strict=True) == {
            "badge:00001": units_rows(3)["badge:00001"]}
        assert cache.lookup("units", ["badge:nope"], strict=True) == {}
    wrong_type(tmp_path)  # the first unit's files are no longer text
    with Store(tmp_path) as cache:
        assert cache.lookup("units", ["badge:00000"]) == {}  # as if it were not there
        assert cache.lookup("units", ["badge:00000"], strict=True) is None  # unknown, not absent
        assert cache.lookup("units", ["badge:00002"], strict=True) == {"badge:00002": units_rows(3)["badge:00002"]}
    garble(tmp_path)
    with Store(tmp_path, writable=False) as cache:
        assert cache.lookup("units", ["badge:00002"], strict=True) is None
