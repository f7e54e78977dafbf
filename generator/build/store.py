"""The build's caches, kept in one SQLite database: .credsite-cache/cache.sqlite.

Each cache is a section of tables whose rows are plain columns (a credential file's stat, digest and summary;
a unit's key and files; a content file's stat): a build reads a section with one SELECT per table and writes
back only the rows that changed, in one transaction. What a section means, and when it may be trusted, is its
user's business (content/issued.py and build/issued.py, units.py, manifest.py); this module only keeps the rows.

A cache only saves time, so nothing here may fail a build:

- a damaged database (truncated, not SQLite at all, another program's, another schema version, a table missing
  or changed, a value of the wrong type, text that is not UTF-8) is never trusted: a damaged section reads as
  empty, and a file SQLite cannot read is deleted and made again;
- SQLite's locks keep two builds from mixing their writes. A database another process holds longer than a short
  wait is not used at all: the build goes without its caches rather than wait. Each section carries a
  generation token; a build whose section was rewritten by another since it read it writes the section in full
  instead of its changes;
- the sections that describe the output are made untrustworthy before it is replaced (`forget`, committed on
  its own). Should even that fail (the database locked all along), a marker file beside the database makes the
  next build drop every cache before it reads one.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple, overload
from urllib.parse import quote

FOLDER = ".credsite-cache"
FILE = f"{FOLDER}/cache.sqlite"
UNTRUSTED = "cache.sqlite-untrusted"  # beside FILE: a section could not be forgotten; trust nothing in it
# The JSON caches credsite kept before this database; removed when found, so nothing stale stays.
OLD_FILES = ("issued-index.json", "verdicts.json", "verified.json", "units.json", "manifest.json")
APPLICATION_ID = 0x43524544  # "CRED": a database of another program at FILE is not taken for ours
SCHEMA_VERSION = 1  # raise it when a table changes: an older database is then dropped and made again
BUSY_MS = 1000  # how long an operation waits for another process's lock before it goes without the cache
FORGET_MS = 10_000  # forgetting before a publish waits longer: it is what keeps a cache from vouching wrongly
SCAN_FROM = 2000  # lookups of this many keys or more read the whole table instead

# A value sqlite3 cannot take (a file name that is not UTF-8, kept by Python as lone surrogates; an integer
# beyond 64 bits): that operation goes without the cache, as for a busy database; the file is not damaged.
_UNSTORABLE = (UnicodeError, ValueError, OverflowError)
_BUSY = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED
# Errors of the machine rather than of the file: the cache is not used, and not deleted either.
_ENVIRONMENT = frozenset({3, 7, 8, 10, 13, 14, 15, 22, 23})  # PERM NOMEM READONLY IOERR FULL CANTOPEN PROTOCOL ...


@dataclass(frozen=True)
class Table:
    """A table: key columns, then value columns, each "name kind" with kind text, int, text? or int? (? allows
    NULL)."""

    name: str
    keys: tuple[tuple[str, str], ...]
    values: tuple[tuple[str, str], ...]

    @property
    def columns(self) -> tuple[tuple[str, str], ...]:
        return self.keys + self.values

    def create(self) -> str:
        kinds = {"text": "TEXT NOT NULL", "text?": "TEXT", "int": "INTEGER NOT NULL", "int?": "INTEGER"}
        columns = ", ".join(f"{name} {kinds[kind]}" for name, kind in self.columns)
        return (f"CREATE TABLE {self.name} ({columns}, PRIMARY KEY ({', '.join(n for n, _ in self.keys)})) "
                "WITHOUT ROWID")

    def select(self) -> str:
        return f"SELECT {', '.join(n for n, _ in self.columns)} FROM {self.name}"

    def damaged(self) -> str:
        """A query that finds a row whose values are not of their column's type."""
        types = {"text": "('text')", "text?": "('text', 'null')", "int": "('integer')", "int?": "('integer', 'null')"}
        tests = " AND ".join(f"typeof({name}) IN {types[kind]}" for name, kind in self.columns)
        return f"SELECT 1 FROM {self.name} WHERE NOT ({tests}) LIMIT 1"

    def insert(self) -> str:
        return f"INSERT OR REPLACE INTO {self.name} VALUES ({', '.join('?' * len(self.columns))})"

    def delete(self) -> str:
        return f"DELETE FROM {self.name} WHERE {' AND '.join(f'{n} = ?' for n, _ in self.keys)}"

    @property
    def plain(self) -> bool:
        """One key column and one value column: a row is kept as key -> value; else as key -> the whole row (key
        columns first), which is what a SELECT returns, so reading and writing rows makes no tuples."""
        return len(self.keys) == 1 and len(self.values) == 1

    def rows(self, found: list[tuple]) -> dict:
        """The rows of a SELECT of all columns, by key (see `plain`)."""
        if self.plain:
            return dict(found)  # type: ignore[arg-type]
        if len(self.keys) == 1:
            return dict(zip(map(itemgetter(0), found), found, strict=True))
        k = len(self.keys)
        return {row[:k]: row for row in found}

    def flat(self, key: object, value: object) -> tuple:
        return (key, value) if self.plain else value  # type: ignore[return-value]

    def fits(self, row: tuple) -> bool:
        """A row of values of the columns' types (for rows looked up one by one rather than checked in SQL)."""
        return len(row) == len(self.columns) and all(
            (value is None and kind.endswith("?")) or type(value) is (str if kind.startswith("text") else int)
            for value, (_, kind) in zip(row, self.columns, strict=True))


def _in_key_order(rows: Iterable[tuple]) -> list[tuple]:
    """Rows sorted by their key (a row's first columns; keys are unique, so no comparison reaches the values).

    The keys are digests, uuids and file names, in no order: inserted as they come, each lands on a random page
    of the table's B-tree. In key order they append: writing a cold build's index of 100,000 credentials took
    half the time (0.93 s against 2.0 s for one table of them here). Rows that cannot be ordered (a key given
    twice, whose values then compare) go in as they come: the order only ever saves time.
    """
    listed = list(rows)
    try:
        return sorted(listed)
    except TypeError:
        return listed


def _table(name: str, keys: str, values: str) -> Table:
    def columns(text: str) -> tuple[tuple[str, str], ...]:
        return tuple((part.split()[0], part.split()[1]) for part in text.split(","))

    return Table(name, columns(keys), columns(values))


PROBLEM = "path text, line int?, field text, message text, fix text, severity text, code text"
TABLES = {table.name: table for table in (
    # content/issued/<name>: the file's "size:mtime_ns:inode:ctime_ns", its sha256 and the summary a build needs.
    _table("issued", "name text", "stat text, digest text, id text, achievement text?, valid_from text?, "
           "valid_until text?"),
    # "<DID document hash>:<credential digest>" -> the signature's findings ("" when sound).
    _table("signatures", "key text", "findings text"),
    # A published credential's verdict, by digest, with the key of the course version it was judged against.
    _table("verdicts", "digest text", "award_key text, status text, problems text, credential_id text, reason text"),
    # The units of the published output: key, and file names one a line.
    _table("units", "unit text", "key text, files text"),
    _table("unit_problems", "unit text, seq int", PROBLEM),
    _table("site_files", "name text", "digest text"),
    _table("output_problems", "seq int", PROBLEM),
    # Every file and folder under content/ and its "size:mtime_ns:inode:ctime_ns"; the problems of that build.
    _table("content", "name text", "stat text"),
    _table("build_problems", "seq int", PROBLEM),
)}
SECTIONS = {
    "issued": ("issued",),
    "signatures": ("signatures",),
    "verdicts": ("verdicts",),
    "units": ("units", "unit_problems", "site_files", "output_problems"),
    "manifest": ("content", "build_problems"),
}
META = "CREATE TABLE meta (name TEXT NOT NULL, value, PRIMARY KEY (name)) WITHOUT ROWID"  # "<section>.<name>"
SCHEMA = frozenset({("table", "meta", META), *(("table", t.name, t.create()) for t in TABLES.values())})


class Snapshot(NamedTuple):
    """A section as read: its meta values and each table's rows (by key: see Table.plain). Empty when nothing could
    be read."""

    meta: dict[str, object]
    tables: dict[str, dict]


def empty(section: str) -> Snapshot:
    return Snapshot({}, {name: {} for name in SECTIONS[section]})


class _Damaged(Exception):
    """A section holds a value of the wrong type."""


@dataclass
class Store:
    """The cache database of one site (`source`), for one build or one stage of it. Nothing happens on disk
    before the first read or write, so a build that stops early leaves no cache behind. `writable=False` reads
    only (credsite check writes nothing); `transient` closes the database after each operation (for a user
    that has no moment to close it)."""

    source: Path
    writable: bool = True
    transient: bool = False
    written: Counter = field(default_factory=Counter)  # table -> rows inserted, replaced or deleted by this store
    notes: list[str] = field(default_factory=list)  # why a cache was not used, for whoever asks
    _connection: sqlite3.Connection | None = None
    _unavailable: bool = False
    _reset: bool = False  # the file was made again in this build: do not try twice
    # section -> (generation, rows, meta): the section as this store last read or wrote it
    _read: dict[str, tuple[object, dict[str, dict], dict[str, object]]] = field(default_factory=dict)
    # section -> generation, for a section this store read only some tables of (`read(only=...)`), which `amend`
    # adds to
    _partial: dict[str, object] = field(default_factory=dict)
    _later: list[Callable[[], object]] = field(default_factory=list)  # writes put off (`later`)

    @property
    def path(self) -> Path:
        return self.source / FILE

    # ------------------------------------------------------------------ reading and writing sections

    def read(self, section: str, only: tuple[str, ...] | None = None) -> Snapshot:
        """A section's meta and rows, in one read transaction. Remembered, so that `write` can send only what
        changed; empty (and not remembered) when the database cannot be read or the section is damaged.
        `only`: read just these tables of it (the others come back empty); such a section can be added to with
        `amend`, not written whole."""
        try:
            connection = self._open()
            if connection is None:
                return empty(section)
            try:
                connection.execute("BEGIN")
                meta = self._meta(connection, section)
                tables: dict[str, dict] = {}
                for name in SECTIONS[section]:
                    table = TABLES[name]
                    if only is not None and name not in only:
                        tables[name] = {}
                        continue
                    if connection.execute(table.damaged()).fetchall():
                        raise _Damaged(name)
                    tables[name] = table.rows(connection.execute(table.select()).fetchall())
                connection.execute("COMMIT")
            except (sqlite3.Error, _Damaged) as exc:
                self._rollback()
                self._read.pop(section, None)
                self._partial.pop(section, None)
                self._failed(exc, f"reading {section}")
                return empty(section)
            generation = meta.pop("generation", None)
            if only is None:
                self._read[section] = (generation, tables, meta)
                self._partial.pop(section, None)
            else:
                self._partial[section] = generation
            return Snapshot(meta, tables)
        finally:
            self._done()

    def amend(self, section: str, meta: Mapping[str, object], rows: Mapping[str, Mapping],
              whole: tuple[str, ...] = (), gone: Mapping[str, list] | None = None) -> bool:
        """Insert or replace `rows` (table -> rows by key, as `read` gives them) and `meta` values of a section
        this store read, in one transaction, provided no other process has written it since; `whole`: tables that
        `rows` gives in full (their other rows are deleted); `gone`: table -> keys of rows to delete first. False
        when it was not written (the section is then as it was: a reader trusts it no more or less than before)."""
        try:
            connection = self._open()
            known = self._partial.get(section, self._read[section][0] if section in self._read else None)
            if connection is None or not self.writable or known is None:
                return False
            written: Counter = Counter()
            try:
                connection.execute("BEGIN IMMEDIATE")
                if self._generation(connection, section) != known:
                    connection.execute("ROLLBACK")
                    return False
                for name, keys in (gone or {}).items():
                    written[name] += connection.executemany(
                        TABLES[name].delete(), [k if isinstance(k, tuple) else (k,) for k in keys]).rowcount
                for name, table_rows in rows.items():
                    table = TABLES[name]
                    if name in whole:
                        written[name] += connection.execute(f"DELETE FROM {name}").rowcount
                    written[name] += connection.executemany(
                        table.insert(), (table.flat(k, v) for k, v in table_rows.items())).rowcount
                written["meta"] += connection.executemany(
                    "INSERT OR REPLACE INTO meta VALUES (?, ?)", [(f"{section}.{k}", v) for k, v in meta.items()]
                ).rowcount
                generation = self._committed(connection, section)
            except (sqlite3.Error, *_UNSTORABLE) as exc:
                self._rollback()
                self._failed(exc, f"writing {section}", during_write=True)
                return False
            self.written.update(written)
            self._read.pop(section, None)  # its rows are no longer all known here
            self._partial[section] = generation
            return True
        finally:
            self._done()

    def write(self, section: str, meta: Mapping[str, object], tables: Mapping[str, Mapping]) -> bool:
        """Make the section hold `meta` and exactly `tables`' rows, in one transaction: the rows that differ from
        those this store read, or all of them when it did not read the section or another process has written it
        since. False when it could not be written (the section is then as it was)."""
        try:
            for _ in range(2):  # again once, into a new file, when the first try found the file damaged
                reset = self._reset
                if self._write(section, meta, tables):
                    return True
                if reset or not self._reset:
                    return False
            return False
        finally:
            self._done()

    def _write(self, section: str, meta: Mapping[str, object], tables: Mapping[str, Mapping]) -> bool:
        connection = self._open()
        if connection is None or not self.writable:
            return False
        meta = dict(meta)
        read = self._read.get(section)
        # What differs from the section as this store knows it: per table, the keys gone and the rows new or changed.
        changes: dict[str, tuple[list, list]] | None = None
        if read is not None and read[0] is not None:
            changes = {}
            for name in SECTIONS[section]:
                table, rows, old = TABLES[name], tables[name], read[1][name]
                # A row kept from the read is the same object, so most comparisons stop at identity.
                changes[name] = ([k if len(table.keys) > 1 else (k,) for k in old.keys() - rows.keys()],
                                 [table.flat(k, v) for k, v in rows.items() if k not in old or old[k] != v])
            changes["meta"] = ([(k,) for k in read[2] if k not in meta],
                               [(k, v) for k, v in meta.items() if k not in read[2] or read[2][k] != v])
        generation = read[0] if read is not None else None
        written: Counter = Counter()
        try:
            if changes is not None and not any(gone or new for gone, new in changes.values()):
                if self._generation(connection, section) == generation:
                    return True  # it holds all of this already
            connection.execute("BEGIN IMMEDIATE")
            if changes is None or self._generation(connection, section) != generation:
                # Not read by this store, or written by another since: the section is written whole.
                for name in SECTIONS[section]:
                    table = TABLES[name]
                    written[name] += connection.execute(f"DELETE FROM {name}").rowcount
                    written[name] += connection.executemany(
                        table.insert(), _in_key_order(table.flat(k, v) for k, v in tables[name].items())).rowcount
                written["meta"] += connection.execute("DELETE FROM meta WHERE name >= ? AND name < ?",
                                                      (f"{section}.", f"{section}/")).rowcount
                changes = {"meta": ([], list(meta.items()))}
            for name, (gone, new) in changes.items():
                if name == "meta":
                    delete, insert = "DELETE FROM meta WHERE name = ?", "INSERT OR REPLACE INTO meta VALUES (?, ?)"
                    gone, new = [(f"{section}.{k}",) for (k,) in gone], [(f"{section}.{k}", v) for k, v in new]
                else:
                    delete, insert = TABLES[name].delete(), TABLES[name].insert()
                written[name] += connection.executemany(delete, gone).rowcount
                written[name] += connection.executemany(insert, _in_key_order(new)).rowcount
            generation = self._committed(connection, section)
        except (sqlite3.Error, *_UNSTORABLE) as exc:
            self._rollback()
            self._failed(exc, f"writing {section}", during_write=True)
            return False
        self.written.update(written)
        self._read[section] = (generation, {name: dict(tables[name]) for name in SECTIONS[section]}, meta)
        self._partial.pop(section, None)
        return True

    @staticmethod
    def _committed(connection: sqlite3.Connection, section: str) -> str:
        """Give the section a new generation and commit what the transaction wrote: a store that read the section
        before now writes it whole, and adds nothing to it."""
        generation = secrets.token_hex(8)
        connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"{section}.generation", generation))
        connection.execute("COMMIT")
        return generation

    @staticmethod
    def _generation(connection: sqlite3.Connection, section: str) -> object:
        found = connection.execute("SELECT value FROM meta WHERE name = ?", (f"{section}.generation",)).fetchall()
        return found[0][0] if found else None

    def forget(self, section: str, *names: str) -> bool:
        """Remove meta values of a section, committed at once: what the section must no longer vouch for (the
        output it describes is about to change). Should that fail for a section this build read, the marker
        file makes the next build trust no cache at all."""
        try:
            if not self.writable:
                return False
            connection = self._open(wait_ms=FORGET_MS)
            if connection is not None:
                try:
                    connection.execute(f"PRAGMA busy_timeout = {FORGET_MS}")
                    connection.execute("BEGIN IMMEDIATE")
                    before = self._generation(connection, section)
                    connection.executemany("DELETE FROM meta WHERE name = ?", [(f"{section}.{n}",) for n in names])
                    generation = self._committed(connection, section)
                    connection.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
                    read = self._read.get(section)
                    if read is not None and read[0] == before:  # then this store still knows the section exactly
                        self._read[section] = (generation, read[1],
                                               {k: v for k, v in read[2].items() if k not in names})
                    else:
                        self._read.pop(section, None)
                    if self._partial.get(section) == before:
                        self._partial[section] = generation
                    else:
                        self._partial.pop(section, None)
                    return True
                except sqlite3.Error as exc:
                    self._rollback()
                    self._failed(exc, f"forgetting {section}", during_write=True)
            if section in self._read or section in self._partial:  # else this build trusted nothing of it
                try:
                    (self.path.parent / UNTRUSTED).touch()
                except OSError:
                    pass  # nowhere to write at all: then no cache was saved there either
            return False
        finally:
            self._done()

    def rows(self, section: str, table: str) -> dict:
        """A table's rows as this store last read or wrote them (the section as the cache holds it); empty when it
        did neither."""
        read = self._read.get(section)
        return read[1][table] if read is not None else {}

    @overload
    def lookup(self, name: str, keys: list) -> dict: ...

    @overload
    def lookup(self, name: str, keys: list, strict: bool) -> dict | None: ...

    def lookup(self, name: str, keys: list, strict: bool = False) -> dict | None:
        """The rows of a one-key table for these keys (those it has, of the right types), as `read` gives them.
        `strict`: None when the table could not be read, or holds a row of the wrong types for one of them (for a
        caller that must know a row is absent, not only that it could not be read)."""
        table = TABLES[name]
        try:
            connection = self._open()
            if connection is None or not keys:
                return None if strict and connection is None and keys else {}
            try:
                if len(keys) >= SCAN_FROM:
                    wanted = set(keys)
                    found = [row for row in connection.execute(table.select()).fetchall() if row[0] in wanted]
                else:
                    found = []
                    for start in range(0, len(keys), 500):
                        chunk = keys[start:start + 500]
                        found += connection.execute(f"{table.select()} WHERE {table.keys[0][0]} IN "
                                                    f"({', '.join('?' * len(chunk))})", chunk).fetchall()
            except (sqlite3.Error, *_UNSTORABLE) as exc:
                self._failed(exc, f"reading {name}")
                return None if strict else {}
            fitting = [row for row in found if table.fits(row)]
            if strict and len(fitting) != len(found):
                return None
            return table.rows(fitting)
        finally:
            self._done()

    def empty(self, name: str) -> bool:
        """Whether a table holds no row (or cannot be read: then it holds none to use either)."""
        try:
            connection = self._open()
            if connection is None:
                return True
            try:
                return connection.execute(f"SELECT 1 FROM {TABLES[name].name} LIMIT 1").fetchone() is None
            except sqlite3.Error as exc:
                self._failed(exc, f"reading {name}")
                return True
        finally:
            self._done()

    def add(self, name: str, rows: Mapping) -> bool:
        """Insert or replace rows of a table whose every row holds on its own: one that only grows (a section
        without meta), or the index of content/issued/ (a row vouches for one file, by its stat)."""
        try:
            connection = self._open()
            if connection is None or not self.writable:
                return False
            table = TABLES[name]
            try:
                connection.execute("BEGIN IMMEDIATE")
                count = connection.executemany(table.insert(),
                                               _in_key_order(table.flat(k, v) for k, v in rows.items())).rowcount
                connection.execute("COMMIT")
            except (sqlite3.Error, *_UNSTORABLE) as exc:
                self._rollback()
                self._failed(exc, f"writing {name}", during_write=True)
                return False
            self.written[name] += count
            return True
        finally:
            self._done()

    def later(self, write: Callable[[], object]) -> None:
        """Do a write when the build has a moment (`settle`), at the latest when the store closes: what a build
        read, judged and need not read again (a hundred thousand rows of it) is written while its workers render
        rather than before they start."""
        self._later.append(write)

    def settle(self) -> None:
        """Do the writes put off, in order."""
        while self._later:
            self._later.pop(0)()

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except sqlite3.Error:
                pass
            self._connection = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        # Even on Ctrl-C: a hundred thousand proofs checked are worth the second it takes to keep them.
        try:
            self.settle()
        finally:
            self._later.clear()
            self.close()

    # ------------------------------------------------------------------ opening, and what goes wrong

    def _open(self, wait_ms: int = BUSY_MS) -> sqlite3.Connection | None:
        """The connection, opened on first use: a database of this schema, made (or made again) when it is not
        one; None when there is none to be had (locked by another process, a folder that cannot be written)."""
        if self._connection is not None:
            return self._connection
        if self._unavailable:
            return None
        try:
            self._connection = self._connect(wait_ms)
        except sqlite3.Error as exc:
            self.close()
            if _kind(exc) == "damage" and self.writable and not self._reset:
                self._remove_file(f"made again: {exc}")
                return self._open(wait_ms)
            self._unavailable = True
            self.notes.append(f"not used: {exc}")
        except OSError as exc:
            self.close()
            self._unavailable = True
            self.notes.append(f"not used: {exc}")
        return self._connection

    def _connect(self, wait_ms: int) -> sqlite3.Connection:
        folder = self.path.parent
        untrusted = (folder / UNTRUSTED).exists()
        if not self.writable:
            if untrusted or not self.path.is_file():
                raise sqlite3.OperationalError("no cache to read")
            connection = sqlite3.connect(f"file:{quote(str(self.path))}?mode=ro", uri=True, isolation_level=None,
                                         timeout=wait_ms / 1000)
        else:
            folder.mkdir(exist_ok=True)
            for name in os.listdir(folder):  # the old JSON caches, and what their writers left half-written
                if name in OLD_FILES or (name.endswith(".tmp") and name.split(".json.")[0] + ".json" in OLD_FILES):
                    try:
                        os.unlink(folder / name)
                    except OSError:
                        pass
            connection = sqlite3.connect(self.path, isolation_level=None, timeout=wait_ms / 1000)
        try:
            if self.writable:
                connection.execute("PRAGMA journal_mode = WAL").fetchall()  # readers never wait for a writer
            connection.execute("PRAGMA synchronous = NORMAL")  # consistent after a crash; a lost commit only costs time
            if _schema(connection) == (APPLICATION_ID, SCHEMA_VERSION, SCHEMA) and not untrusted:
                # The lock a build needs to forget before it publishes: to be had now, or the build goes without.
                if self.writable:
                    connection.execute("BEGIN IMMEDIATE")
                    connection.execute("COMMIT")
                return connection
            if not self.writable:
                raise sqlite3.OperationalError("the cache is of another version")
            # Another schema version, another program's database, a table changed by hand, or a marker that says
            # an output changed while a section still vouched for it: start afresh, under SQLite's lock.
            connection.execute("BEGIN IMMEDIATE")
            if _schema(connection) == (APPLICATION_ID, SCHEMA_VERSION, SCHEMA) and not untrusted:
                connection.execute("COMMIT")  # another build made it meanwhile
                return connection
            objects = connection.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
            for kind, name in objects.fetchall():
                if kind in ("table", "view", "trigger", "index"):
                    connection.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
            for _, _, sql in sorted(SCHEMA):
                connection.execute(sql)
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
            self.notes.append("started afresh: " + ("a section could not be forgotten" if untrusted
                                                     else "no cache of this version"))
            try:
                os.unlink(folder / UNTRUSTED)
            except OSError:
                pass
            self._read.clear()
            self._partial.clear()
            return connection
        except BaseException:
            connection.close()
            raise

    def _failed(self, exc: BaseException, doing: str, during_write: bool = False) -> None:
        """After an error: a damaged file is made again, at most once per build; anything else only costs this
        operation (and a lock that outlasts BUSY_MS, while opening, the whole cache)."""
        self.notes.append(f"{doing}: {exc}")
        if isinstance(exc, _UNSTORABLE):
            return
        if isinstance(exc, _Damaged):
            return  # the section reads as empty and is written in full
        kind = _kind(exc)
        if kind == "damage" and self.writable and not self._reset:
            self._remove_file(f"{doing}: the database is damaged")
        elif kind == "damage" and not during_write:
            self.close()
            self._unavailable = True

    def _remove_file(self, why: str) -> None:
        """Delete a database SQLite cannot read (and its journals): the next operation makes a new one. SQLite
        refuses writes to a file deleted under an open connection, so another build cannot write into this one."""
        self.close()
        self._reset = True
        self._read.clear()
        self._partial.clear()
        self.notes.append(why)
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except OSError:
                pass
        try:
            os.unlink(self.path.parent / UNTRUSTED)
        except OSError:
            pass

    def _rollback(self) -> None:
        if self._connection is not None and self._connection.in_transaction:
            try:
                self._connection.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def _done(self) -> None:
        if self.transient:
            self.close()

    @staticmethod
    def _meta(connection: sqlite3.Connection, section: str) -> dict[str, object]:
        rows = connection.execute("SELECT name, value FROM meta WHERE name >= ? AND name < ?",
                                  (f"{section}.", f"{section}/")).fetchall()
        return {name[len(section) + 1:]: value for name, value in rows}


@contextmanager
def borrowed(source: Path, store: Store | None) -> Iterator[Store]:
    """`store`; or, for a caller without one, the site's cache opened for reading while the block runs."""
    if store is not None:
        yield store
        return
    with Store(source, writable=False) as own:
        yield own


def _schema(connection: sqlite3.Connection) -> tuple[object, object, frozenset]:
    """What says whose database it is and of which version: application id, schema version, every object's SQL."""
    return (connection.execute("PRAGMA application_id").fetchall()[0][0],
            connection.execute("PRAGMA user_version").fetchall()[0][0],
            frozenset(connection.execute("SELECT type, name, sql FROM sqlite_master").fetchall()))


def _kind(exc: BaseException) -> str:
    """busy (another process holds the database), environment (the machine: no room, no permission) or damage
    (anything about the file itself, a text that is not UTF-8 included)."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in _BUSY:
        return "busy"
    if primary in _ENVIRONMENT:
        return "environment"
    return "damage"
