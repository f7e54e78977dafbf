"""benchmarks/exports_scale.py still runs: it calls the build's own export functions, so a change to
them can break it without any other test noticing. A small site; the figures are not checked here."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_the_exports_benchmark_runs_on_a_small_site(tmp_path):
    done = subprocess.run([sys.executable, "benchmarks/exports_scale.py", "--courses", "2", "--credentials", "4",
                           "--work", str(tmp_path / "bench")], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "2 courses, 4 credentials" in done.stdout
    assert "cold build" in done.stdout and "exports add" in done.stdout
