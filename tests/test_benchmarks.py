"""The benchmarks still run: they import the generator's internals, so a refactoring can
break them without any other test noticing. Small sizes; the figures are not checked here
(speed targets live in the benchmarks' own output, not in timed tests)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def run_benchmark(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_site_scale_runs_on_a_small_site(tmp_path):
    out = run_benchmark("benchmarks/site_scale.py", "--courses", "2", "--credentials", "6",
                        "--work", str(tmp_path / "bench"))
    assert "2 courses, 6 credentials (6 in content/issued/)" in out
    assert "cold build" in out and "unchanged rebuild" in out


def test_sign_verify_runs_on_a_few_credentials():
    out = run_benchmark("benchmarks/sign_verify.py", "--n", "3")
    assert "3 OpenBadgeCredentials" in out
