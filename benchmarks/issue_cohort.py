"""Issue a cohort of N learners with `credsite issue --csv` and print wall time, CPU time and peak memory.

    .venv/bin/python benchmarks/issue_cohort.py [--rows 2000] [--courses 50]
    .venv/bin/python benchmarks/issue_cohort.py --rows 100000

A synthetic site (benchmarks/site_scale.py's site.yaml and courses, a throw-away test key) is made
into --work/template, and the cohort is issued into a throw-away copy of it, which is removed after
measuring (--keep keeps it). The command runs in a fresh process. Its memory is sampled while it runs: the PSS of
the process and all its descendants (from /proc/PID/smaps_rollup; shared pages counted once, so the
workers' share of the parent's memory is not counted twice) and the sum of their RSS; the largest
single-process RSS comes from getrusage. The key reaches the command in $CREDSITE_SIGNING_KEY, so
no key file is written.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import site_scale  # noqa: E402  (the synthetic site's site.yaml and courses)

COURSE = "course-000"  # graded nl-1-10 with pass mark 5.5
SAMPLE_EVERY = 0.05  # seconds between memory samples
TICKS = os.sysconf("SC_CLK_TCK")


def make_template(folder: Path, courses: int) -> str:
    """The synthetic site without credentials; returns the secretKeyMultibase of its key."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from generator.credentials.multikey import private_to_multibase, public_to_multibase

    if folder.exists():
        shutil.rmtree(folder)
    (folder / "content" / "courses").mkdir(parents=True)
    private = Ed25519PrivateKey.generate()
    public = public_to_multibase(private.public_key())
    (folder / "content" / "site.yaml").write_text(site_scale.SITE.replace("PUBLIC", public), encoding="utf-8")
    for i in range(courses):
        (folder / "content" / "courses" / f"course-{i:03d}.md").write_text(site_scale.course_text(i),
                                                                           encoding="utf-8")
    return private_to_multibase(private)


def write_cohort(path: Path, rows: int) -> None:
    """N valid learners; some with evidence, some with an explicit expiry, as a real cohort mixes them."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("name,email,grade,date,evidence,valid_until\n")
        for n in range(rows):
            evidence = f"https://portfolio.example.org/learner-{n}/work" if n % 5 == 0 else ""
            until = "2031-06-30" if n % 7 == 0 else ""
            grade = f"{6 + n % 4}.{n % 10}"
            handle.write(f"Learner {n} Example,learner{n}@student.example.org,{grade},2026-01-15,{evidence},"
                         f"{until}\n")


def _processes() -> dict[int, tuple[int, float]]:
    """pid -> (parent pid, CPU seconds so far) of every process, from /proc/PID/stat."""
    found: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rpartition(")")[2].split()
        except OSError:
            continue
        # After the name: state, ppid, ..., utime and stime (the 12th and 13th), in clock ticks.
        found[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS)
    return found


def _tree(root: int, processes: dict[int, tuple[int, float]]) -> list[int]:
    """`root` and every process below it."""
    found, todo = [root], [root]
    while todo:
        parent = todo.pop()
        children = [pid for pid, (ppid, _) in processes.items() if ppid == parent]
        found += children
        todo += children
    return found


def _rollup(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in kB; (0, 0) once it has gone."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


class Sampler(threading.Thread):
    """The largest PSS and RSS sums of a process tree seen while it runs, the most processes at once, and
    the CPU seconds each used (as last seen: a worker's last 50 ms may be missing)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.done = pid, threading.Event()
        self.pss = self.rss = self.processes = 0
        self.cpu: dict[int, float] = {}

    def run(self) -> None:
        while not self.done.is_set():
            processes = _processes()
            pids = _tree(self.pid, processes)
            sizes = [_rollup(pid) for pid in pids]
            self.pss = max(self.pss, sum(p for p, _ in sizes))
            self.rss = max(self.rss, sum(r for _, r in sizes))
            self.processes = max(self.processes, len(pids))
            self.cpu.update({pid: processes[pid][1] for pid in pids if pid in processes})
            self.done.wait(SAMPLE_EVERY)


def issue(site: Path, cohort: Path, merge: Path, secret: str) -> dict:
    """Run `credsite issue --csv` in a fresh process and measure it."""
    os.sync()  # the copy's writes are not billed to the command
    environment = {**os.environ, "CREDSITE_SIGNING_KEY": secret}
    command = [sys.executable, "-m", "generator", "issue", "--course", COURSE, "--csv", str(cohort),
               "--source", str(site), "--mail-merge", str(merge)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    sampler = Sampler(process.pid)
    sampler.start()
    _, stderr = process.communicate()
    wall = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode:
        print(stderr.decode("utf-8", "replace")[-3000:])
        raise SystemExit(1)
    return {"wall": wall, "user": after.ru_utime - before.ru_utime, "system": after.ru_stime - before.ru_stime,
            "pss": sampler.pss / 1024, "rss": sampler.rss / 1024, "maxrss": after.ru_maxrss / 1024,
            "processes": sampler.processes, "by_process": [sampler.cpu.get(process.pid, 0.0)] + sorted(
                (cpu for pid, cpu in sampler.cpu.items() if pid != process.pid), reverse=True)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--courses", type=int, default=50)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the issued copy of the site")
    args = parser.parse_args()
    work = args.work or Path(f"/tmp/credsite-issue-bench-{args.courses}")
    template = work / "template"
    # Made afresh each time: its key lives only in this process's memory (and the command's environment).
    secret = make_template(template, args.courses)
    run = work / f"run-{time.time_ns()}"
    site = shutil.copytree(template, run / "site")
    cohort, merge = run / "cohort.csv", run / "mail-merge.csv"
    write_cohort(cohort, args.rows)
    print(f"{args.rows} learners, {args.courses} courses, {os.cpu_count()} cores", flush=True)
    found = issue(site, cohort, merge, secret)
    issued = sum(1 for _ in os.scandir(site / "content" / "issued"))
    with merge.open(encoding="utf-8") as handle:
        merged = sum(1 for _ in handle) - 1
    if issued != args.rows or merged != args.rows:
        print(f"expected {args.rows} credentials and mail-merge rows, found {issued} and {merged}")
        raise SystemExit(1)
    cpu = found["user"] + found["system"]
    print(f"wall {found['wall']:8.2f} s   CPU {cpu:8.2f} s ({found['user']:.2f} user + {found['system']:.2f} system,"
          f" {cpu / found['wall']:.2f} cores)   {found['wall'] / args.rows * 1000:.2f} ms per learner", flush=True)
    print(f"peak PSS (process tree) {found['pss']:7.0f} MB   peak RSS (sum over the tree) {found['rss']:7.0f} MB   "
          f"largest process RSS {found['maxrss']:6.0f} MB   {found['processes']} processes", flush=True)
    parent, *workers = found["by_process"]
    print(f"CPU by process: the command {parent:.1f} s" + "".join(f", worker {cpu:.1f} s" for cpu in workers)
          + "  (sampled)", flush=True)
    if not args.keep:
        shutil.rmtree(run, ignore_errors=True)


if __name__ == "__main__":
    main()
