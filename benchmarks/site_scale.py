"""Build a synthetic site at scale and print cold-build and unchanged-rebuild figures.

    .venv/bin/python benchmarks/site_scale.py --courses 200 --credentials 10000

The synthetic site (200 courses, N credentials signed with a throw-away test key)
is generated once into --work (default /tmp/credsite-bench-<courses>-<N>) and reused,
because signing 10,000 credentials takes minutes. Each measured build runs in a fresh
process so peak memory (ru_maxrss of that process and its workers) is its own.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ".bench-generated"  # written once the synthetic site is complete
sys.path.insert(0, str(ROOT))

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
summary: {{en: "A synthetic course used to measure build speed.", nl: "Een kunstmatige cursus voor de bouwsnelheid."}}
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
    started = time.perf_counter()
    (work / "content/issued").mkdir()
    with ProcessPoolExecutor(workers) as pool:
        for signed in pool.map(_sign_batch, [(str(work), secret, b) for b in batches]):
            for document in signed:
                uid = issuing.credential_uuid(document)
                (work / f"content/issued/{uid}.json").write_bytes(credential_bytes(document))
    from generator.build.pipeline import load

    site = load(work).site
    method, _ = signing_method(site, key)
    write_status_list(site, statuslist.empty(), key, method, utc_now())
    print(f"generated {n_courses} courses and {n_credentials} signed credentials in "
          f"{time.perf_counter() - started:.1f} s", flush=True)


def measure(work: Path, label: str) -> None:
    code = (f"import sys, time, resource; sys.path.insert(0, {str(ROOT)!r})\n"
            "from pathlib import Path\nfrom generator.build.pipeline import build\n"
            f"t = time.perf_counter(); r = build(Path({str(work)!r}), Path({str(work / '_site')!r}))\n"
            "assert r.ok, [str(p) for p in r.problems][:5]\n"
            "print(f'{time.perf_counter() - t:.2f} {len(r.files)}')\n")
    (seconds, files), peak, user, system = run_measured(code)
    print(f"{label:<18} {float(seconds):8.2f} s   {int(files):7d} files   peak RSS {peak:5.0f} MB   "
          f"CPU {user:6.1f} s user + {system:5.1f} s system", flush=True)


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


def scale_arguments(description: str) -> argparse.ArgumentParser:
    """The options every benchmark over the synthetic site takes: its size, and where it is kept."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--courses", type=int, default=200)
    parser.add_argument("--credentials", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--regenerate", action="store_true")
    return parser


def main() -> None:
    args = scale_arguments(__doc__.split("\n\n")[0]).parse_args()
    work = args.work or Path(f"/tmp/credsite-bench-{args.courses}-{args.credentials}")
    # Reused only when a generation finished: an interrupted one would be measured as a smaller site.
    if args.regenerate or not (work / GENERATED).is_file():
        generate(work, args.courses, args.credentials)
        (work / GENERATED).write_text("complete\n")
    # The last run's output is moved aside and deleted only after measuring. On
    # ext4 without a journal (this machine's disk), allocating an inode skips,
    # one by one, every inode freed in the last minutes (find_inode_bit ->
    # recently_deleted), so creating 50,000 files right after deleting 50,000
    # took 24 s instead of 3.4 s, and still 9.4 s two minutes later. A real cold
    # build follows no such purge; back-to-back runs of this script show it as
    # higher system time, so wait a few minutes between runs.
    trash = work / ".bench-trash"
    trash.mkdir(exist_ok=True)
    for name in (".credsite-cache", "_site"):
        if (work / name).exists():
            os.rename(work / name, trash / f"{name}-{time.time_ns()}")
    issued = len(list((work / "content/issued").glob("*.json")))
    print(f"{args.courses} courses, {args.credentials} credentials ({issued} in content/issued/), "
          f"{os.cpu_count()} cores")
    measure(work, "cold build")
    measure(work, "unchanged rebuild")
    shutil.rmtree(trash, ignore_errors=True)


if __name__ == "__main__":
    main()
