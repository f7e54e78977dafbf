"""The build's worker pools fork, whatever start method the platform (or Python) chooses by default."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

from conftest import ROOT


def test_workers_inherit_what_cannot_be_pickled_under_any_default_start_method():
    # A verifying worker's Judge holds closures (what the site publishes, its status lists); spawned or
    # forkserver workers would need it pickled, and fail before checking anything.
    code = textwrap.dedent("""
        import multiprocessing
        multiprocessing.set_start_method("spawn")
        from generator.build import pool

        answer = 41
        def init(unpicklable):
            global answer
            answer = unpicklable()

        def read(_):
            return answer

        if __name__ == "__main__":
            with pool.worker_pool(2, init, (lambda: 42,)) as workers:
                print(sorted(set(workers.map(read, range(4)))))
        """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["[42]"]


def collecting(_):
    import gc

    return gc.isenabled()


def test_workers_collect_their_own_garbage_while_the_parent_does_not():
    """A build pauses the cycle collector (pipeline.collector_paused) and forks its workers meanwhile; a rendering
    worker's pages leave cycles, and a worker without its collector grew to gigabytes at 100,000 credentials."""
    import gc

    from generator.build import pipeline, pool

    with pipeline.collector_paused():
        assert not gc.isenabled()
        with pool.worker_pool(2) as workers:
            assert set(workers.map(collecting, range(4))) == {True}
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_in_the_block_cancels_the_tasks_not_started():
    # A render pool is handed every batch of a build at once: an error (a theme mistake in one batch) must not wait
    # for all the others to be rendered before it is reported.
    from generator.build import pool

    tasks = []
    with pytest.raises(RuntimeError), pool.worker_pool(2) as workers:
        tasks = [workers.submit(time.sleep, 0.05) for _ in range(60)]
        raise RuntimeError("a batch failed")
    assert sum(task.cancelled() for task in tasks) >= 40  # at most a few had started
