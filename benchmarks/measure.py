"""Run one command in a fresh process and measure it as a whole: wall time, CPU time, and the peak memory
of its process tree (the command and every process it starts, such as a build's worker pool).

Memory is sampled from a thread in this process. Every `interval` seconds a sample adds up the RSS of the
tree (/proc/<pid>/status), and now and then its PSS, from the Pss lines of /proc/<pid>/smaps_rollup (Linux
4.14 and later). PSS divides each shared page among the processes that map it, so forked workers are not
counted once per worker as they are in the RSS sum. Where smaps_rollup is missing (before Linux 4.14), PSS is
reported as unknown; where /proc itself is missing, only the largest single process's RSS is known (from
wait4). A peak shorter than one interval can be missed.

PSS is costly to read: the kernel walks every page of the process, about 15 ms for a process of 1.4 GB,
during which that process cannot map memory. Read every 50 ms for a build's three processes, it took half a
core from a build that keeps both cores of the machine busy (Hugo's 100k cold build, one process, went from
40.6 to 32.2 s without it). So PSS is read once in PSS_BUDGET times as long as its last reading took (about
once a second for that build), and at once whenever the tree's RSS has grown by a twentieth since the last
reading: a peak of PSS is a peak of RSS too, and RSS is read every interval.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
PSS_BUDGET = 20  # the sampler reads PSS for about 1/PSS_BUDGET of the time (of one core), unless RSS grows
PSS_GROWTH = 1.05  # RSS grown by this factor since the last PSS reading: read PSS again now


@dataclass
class Measured:
    stdout: str
    stderr: str
    returncode: int
    wall: float  # seconds from start to exit of the command
    user: float  # CPU seconds of the command and the children it waited for
    system: float
    peak_pss: float | None  # MiB, the largest sum over the tree; None where PSS cannot be read
    peak_rss: float | None  # MiB, the largest sum over the tree; None without /proc
    largest_process: float  # MiB, ru_maxrss: the largest single process of the tree

    @property
    def words(self) -> list[str]:
        return self.stdout.split()


def _children_by_parent() -> dict[int, list[int]]:
    """Every process's children, from the parent field of /proc/<pid>/stat. (The cheaper
    /proc/<pid>/task/<tid>/children exists only on kernels built with CONFIG_PROC_CHILDREN.)"""
    children: dict[int, list[int]] = {}
    for entry in os.scandir(PROC):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:  # gone since the listing
            continue
        # The command name, in parentheses, may hold spaces and parentheses: the fields follow the last ')'.
        fields = stat[stat.rfind(b")") + 2:].split()
        if len(fields) > 1:
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants that are alive now."""
    children = _children_by_parent()
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


def _memory_kb(pid: int) -> tuple[int | None, int]:
    """(Pss, Rss) of one process in kB; Pss is None where smaps_rollup cannot be read. (0, 0) once it is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            text = handle.read()
    except OSError:
        if not os.path.exists(f"/proc/{pid}"):  # it ended since the listing
            return 0, 0
        return None, _status_rss_kb(pid)
    pss = rss = 0
    for line in text.splitlines():
        if line.startswith(b"Pss:"):
            pss = int(line.split()[1])
        elif line.startswith(b"Rss:"):
            rss = int(line.split()[1])
    return pss, rss


def _status_rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", "rb") as handle:
            for line in handle:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeSampler(threading.Thread):
    """Samples the memory of a process tree until stopped; keeps the peaks of the sums."""

    def __init__(self, root: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.peak_pss_kb = 0
        self.peak_rss_kb = 0
        self.available = PROC.is_dir()
        self.pss_available = (PROC / "self" / "smaps_rollup").is_file()
        self._next_pss = 0.0  # perf_counter time of the next PSS reading
        self._rss_at_pss = 0  # the tree's RSS (kB) at the last PSS reading
        self._finished = threading.Event()

    def run(self) -> None:
        if not self.available:
            return
        while True:
            self.sample()
            if self._finished.wait(self.interval):
                return

    def sample(self) -> None:
        pids = process_tree(self.root)
        rss = sum(_status_rss_kb(pid) for pid in pids)
        self.peak_rss_kb = max(self.peak_rss_kb, rss)
        started = time.perf_counter()
        if not self.pss_available or (started < self._next_pss and rss <= self._rss_at_pss * PSS_GROWTH):
            return
        self._rss_at_pss = rss
        pss_sum: int | None = 0
        for pid in pids:
            pss, _ = _memory_kb(pid)
            pss_sum = None if pss is None or pss_sum is None else pss_sum + pss
        took = time.perf_counter() - started
        self._next_pss = started + max(self.interval, PSS_BUDGET * took)
        # A process whose PSS could not be read (one caught exiting) leaves this sample out of the PSS peak:
        # a sum without it would understate.
        if pss_sum is not None:
            self.peak_pss_kb = max(self.peak_pss_kb, pss_sum)

    def stop(self) -> None:
        self._finished.set()
        self.join()


def run(argv: list[str], cwd: Path | None = None, interval: float = 0.05) -> Measured:
    """Run `argv` to its end, sampling its process tree's memory; the disk is synced first, so that
    writing back whatever came before is not billed to this command."""
    os.sync()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err)
        sampler = TreeSampler(process.pid, interval)
        sampler.start()
        # wait4, not Popen.wait: its rusage is this command's (with the children it waited for) alone.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.stop()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    known = sampler.available
    return Measured(stdout, stderr, process.returncode, wall, usage.ru_utime, usage.ru_stime,
                    sampler.peak_pss_kb / 1024 if known and sampler.pss_available else None,
                    sampler.peak_rss_kb / 1024 if known else None, usage.ru_maxrss / 1024)
