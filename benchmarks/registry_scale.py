"""Build a registry of many synthetic member sites and print cold-build and unchanged-rebuild figures.

    .venv/bin/python benchmarks/registry_scale.py --members 35 --courses 200

Each member is a real credsite site (its own base URL, key, languages and sector) with N courses,
built by credsite into its own _site once into --work (default /tmp/credsite-registry-bench-<M>-<N>)
and reused, because building 35 sites of 200 courses takes minutes. registry.yaml names each
member's built folder. Each measured registry build runs in a fresh process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ".bench-generated"  # written once every member site is built
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import site_scale  # noqa: E402  (measures a build in a fresh process, as for a site)

SECTORS = ("wo", "hbo", "mbo")
FRAMEWORKS = {"wo": "kwaliteitskader-ho", "hbo": "kwaliteitskader-ho", "mbo": "kwaliteitskader-mbo"}
MODES = ["online", "onsite", "blended", "work_experience"]
FIELDS = ["0111", "0311", "0413", "0533", "0613", "0712", "0732", "0912"]


def site_yaml(m: int, public: str) -> str:
    languages = "[en, nl]" if m % 2 == 0 else "[nl, en]"
    return f"""\
base_url: https://member-{m:02d}.example.org/mc/
languages: {languages}
title: {{en: Member {m} Microcredentials, nl: Microcredentials lid {m}}}
institution:
  name: {{en: Member Institution {m}, nl: Lidinstelling {m}}}
  url: https://www.member-{m:02d}.example.org/
  country: NL
  sector: {SECTORS[m % 3]}
keys:
  - id: k1
    public_key: {public}
    status: active
"""


def course_text(m: int, i: int) -> str:
    ects = 3 + (i % 28)
    sector = SECTORS[m % 3]
    return f"""---
id: course-{i:03d}
version: "2026.1"
title: {{en: "Course {i} of member {m}: applied topics", nl: "Cursus {i} van lid {m}: toegepaste onderwerpen"}}
summary: {{en: "A synthetic course to measure the registry.", nl: "Een kunstmatige cursus om het register te meten."}}
language: [{"en" if (m + i) % 2 == 0 else "nl"}]
workload:
  ects: {ects}
level:
  eqf: {4 + (m + i) % 4}
field_of_study: ["{FIELDS[(m + i) % len(FIELDS)]}"]
learning_outcomes:
  - {{en: "Explain the first idea of course {i} clearly.", nl: "Het eerste idee van cursus {i} helder uitleggen."}}
  - {{en: "Apply the second idea of course {i} to a case.", nl: "Het tweede idee van cursus {i} toepassen."}}
  - {{en: "Evaluate the third idea of course {i} critically.", nl: "Het derde idee van cursus {i} beoordelen."}}
assessment:
  types: [written_exam]
  supervision: supervised_with_id_check
  grading: {{scale: nl-1-10, pass: "5.5"}}
participation: [{MODES[(m + i) % 4]}]
quality_assurance:
  framework: {FRAMEWORKS[sector]}
---
<!-- lang: en -->
Synthetic course body.
"""


def generate(work: Path, members: int, courses: int) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from generator.build.pipeline import build
    from generator.credentials.multikey import public_to_multibase

    if work.exists():
        shutil.rmtree(work)
    started = time.perf_counter()
    lines = ["title: {nl: Benchmarkregister, en: Benchmark registry}", "base_url: https://registry.example.nl/",
             "languages: [nl, en]", "members:"]
    for m in range(members):
        source = work / "sources" / f"m{m:02d}"
        (source / "content" / "courses").mkdir(parents=True)
        public = public_to_multibase(Ed25519PrivateKey.generate().public_key())
        (source / "content" / "site.yaml").write_text(site_yaml(m, public), encoding="utf-8")
        for i in range(courses):
            (source / "content" / "courses" / f"course-{i:03d}.md").write_text(course_text(m, i), encoding="utf-8")
        out = work / "sites" / f"m{m:02d}"
        result = build(source, out)
        if not result.ok:
            print("\n".join(str(p) for p in result.problems[:5]))
            raise SystemExit(1)
        lines += [f"  - id: m{m:02d}", f"    base_url: https://member-{m:02d}.example.org/mc/",
                  f"    sector: {SECTORS[m % 3]}", f"    folder: ../sites/m{m:02d}"]
        print(f"built member {m + 1} of {members} ({time.perf_counter() - started:.0f} s)", flush=True)
    (work / "registry").mkdir()
    (work / "registry" / "registry.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(work: Path, label: str) -> None:
    code = (f"import sys, time; sys.path.insert(0, {str(ROOT)!r})\n"
            "from pathlib import Path\nfrom generator.registry.pipeline import build\n"
            f"t = time.perf_counter(); r = build(Path({str(work / 'registry' / 'registry.yaml')!r}), "
            f"Path({str(work / 'registry' / '_site')!r}))\n"
            "assert r.ok and not r.left_out, ([str(p) for p in r.problems][:5], r.left_out)\n"
            "print(f'{time.perf_counter() - t:.2f} {len(r.files)} {len(r.members)} {int(r.up_to_date)}')\n")
    # ru_maxrss of the children only grows, so site_scale's max(before, after) is the `after` this printed.
    (seconds, files, members, up_to_date), peak, user, system = site_scale.run_measured(code)
    print(f"{label:<22} {float(seconds):7.2f} s   {int(files):6d} files   {members} members"
          f"{'   (up to date)' if up_to_date == '1' else ''}   peak RSS {peak:5.0f} MB   "
          f"CPU {user:6.1f} s user + {system:5.1f} s system", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=35)
    parser.add_argument("--courses", type=int, default=200)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args()
    work = args.work or Path(f"/tmp/credsite-registry-bench-{args.members}-{args.courses}")
    if args.regenerate or not (work / GENERATED).is_file():
        generate(work, args.members, args.courses)
        (work / GENERATED).write_text("complete\n")
    # The last run's output is moved aside and deleted only after measuring: on this machine's disk (ext4
    # without a journal) creating many files right after deleting as many is several times slower, which
    # a real cold build never meets (benchmarks/site_scale.py says more).
    trash = work / ".bench-trash"
    trash.mkdir(exist_ok=True)
    for name in (".credsite-cache", "_site"):
        if (work / "registry" / name).exists():
            os.rename(work / "registry" / name, trash / f"{name}-{time.time_ns()}")
    print(f"{args.members} members x {args.courses} courses, {os.cpu_count()} cores")
    measure(work, "cold build")
    measure(work, "unchanged rebuild")
    # One member publishes again (its search index changes): only its pages are made again.
    index = work / "sites" / "m00" / "search.json"
    kept = index.read_bytes()
    index.write_bytes(kept.replace(b"applied topics", b"applied subjects", 1))
    try:
        measure(work, "one member changed")
    finally:
        index.write_bytes(kept)
    shutil.rmtree(trash, ignore_errors=True)
    catalogue = work / "registry" / "_site" / "index.html"
    print(f"catalogue page {catalogue.stat().st_size / 1e6:.1f} MB, search index "
          f"{(work / 'registry' / '_site' / 'search.json').stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
