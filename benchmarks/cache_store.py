"""Time the build's cache database (generator/build/store.py) with the rows of a site of N credentials.

    .venv/bin/python benchmarks/cache_store.py [--n 100000] [--folder /tmp/cache-bench]

Fills the four sections a build reads on every run (the index of content/issued/, the verdicts, the units of the
output and the manifest's stat of every content file) with N rows each, shaped like a real site's, then prints
for each section: the first write (every row), a read in a fresh store, a write after one row changed (what a
build after one new credential writes), and a write with nothing changed. Beside it, for comparison, the same
rows as the JSON files the build kept before: read with the strict I-JSON reader and written with json.dumps.
Times are wall seconds; run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.build.store import FILE, SECTIONS, TABLES, Store  # noqa: E402
from generator.strict_json import loads  # noqa: E402


def digest(i: int, salt: str = "") -> str:
    return hashlib.sha256(f"{salt}{i}".encode()).hexdigest()


def uid(i: int) -> str:
    h = digest(i, "uuid")
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"


def sections(n: int) -> dict[str, tuple[dict, dict[str, dict]]]:
    """section -> (meta, tables), with n rows in the main table of each."""
    base = "https://bench.example.org/mc/achievements"
    stat = "{}:{}:{}:{}".format
    issued = {f"{uid(i)}.json": (f"{uid(i)}.json", stat(6100 + i % 50, 1767225600_000000000 + i, 1000000 + i,
                                                        1767225600_000000000 + i),
                                 digest(i), f"urn:uuid:{uid(i)}", f"{base}/course-{i % 200:03d}/2026.1.json",
                                 "2026-01-01T00:00:00Z", None) for i in range(n)}
    verdicts = {digest(i): (digest(i), digest(i % 200, "award"), "valid", "", f"urn:uuid:{uid(i)}", "")
                for i in range(n)}
    units = {f"badge:{uid(i)}": (f"badge:{uid(i)}", digest(i, "key"), f"badges/{uid(i)}/index.html\n"
                                 f"badges/{uid(i)}/credential.json\nnl/badges/{uid(i)}/index.html") for i in range(n)}
    content = {f"issued/{uid(i)}.json": f"{6100 + i % 50}:{1767225600_000000000 + i}:{1000000 + i}:"
                                        f"{1767225600_000000000 + i}" for i in range(n)}
    return {
        "issued": ({"format": 2}, {"issued": issued}),
        "verdicts": ({"environment": digest(0, "env"), "from": "2026-01-01T00:00:00+00:00",
                      "until": "2026-01-02T00:00:00+00:00"}, {"verdicts": verdicts}),
        "units": ({"fingerprint": digest(0, "fp"), "output": '["/srv/_site", 2049, 1234]'},
                  {"units": units, "unit_problems": {}, "output_problems": {},
                   "site_files": {f"file-{i}.html": digest(i, "site") for i in range(300)}}),
        "manifest": ({"key": "[1, ...]", "racy": 0, "count": 3 * n, "not_published": 0},
                     {"content": content, "build_problems": {}}),
    }


def timed(what: Callable[[], object]) -> float:
    started = time.perf_counter()
    what()
    return time.perf_counter() - started


def as_json(meta: dict, tables: dict[str, dict]) -> dict:
    """The rows as the old JSON caches held them: objects of lists (without the key columns)."""
    return {**meta, **{name: {str(k): v if TABLES[name].plain else list(v[len(TABLES[name].keys):])
                              for k, v in rows.items()} for name, rows in tables.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--folder", type=Path, default=None, help="where the database goes (default: a temporary "
                        "folder, removed afterwards)")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="cache-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    data = sections(args.n)
    print(f"{args.n:,} rows per section, database in {folder}")
    print(f"{'section':<10} {'first write':>12} {'read':>8} {'write 1 row':>12} {'write none':>11}   "
          f"{'JSON read':>10} {'JSON write':>11}")
    totals = [0.0] * 6
    for section, (meta, tables) in data.items():
        with Store(folder) as store:
            store.read(section)
            first = timed(lambda: store.write(section, meta, tables))  # noqa: B023
        with Store(folder) as store:
            read = timed(lambda: store.read(section))  # noqa: B023
            # As a build does: the rows it read, one of them changed.
            tables = {name: dict(rows) for name, rows in store.read(section).tables.items()}
            main_table = SECTIONS[section][0]
            key = next(iter(tables[main_table]))
            row = tables[main_table][key]
            tables[main_table][key] = row[:-1] + ("changed",) if isinstance(row, tuple) else "1:2:3:4"
            one = timed(lambda: store.write(section, meta, tables))  # noqa: B023
            assert store.written[main_table] == 1, store.written
            none = timed(lambda: store.write(section, meta, tables))  # noqa: B023
        path = folder / f"{section}.json"
        document = as_json(meta, tables)
        json_write = timed(lambda: path.write_text(json.dumps(document), encoding="utf-8"))  # noqa: B023
        json_read = timed(lambda: loads(path.read_bytes()))  # noqa: B023
        path.unlink()
        row = [first, read, one, none, json_read, json_write]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        print(f"{section:<10} {first:11.3f}s {read:7.3f}s {one:11.3f}s {none:10.3f}s   {json_read:9.3f}s "
              f"{json_write:10.3f}s")
    print(f"{'all four':<10} {totals[0]:11.3f}s {totals[1]:7.3f}s {totals[2]:11.3f}s {totals[3]:10.3f}s   "
          f"{totals[4]:9.3f}s {totals[5]:10.3f}s")
    print(f"database: {(folder / FILE).stat().st_size / 1e6:,.1f} MB")
    if args.folder is None:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
