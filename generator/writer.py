"""Put a complete output tree in place atomically.

The whole site is written into a fresh sibling folder first and swapped in
only when every file is there, so a failed or interrupted build leaves the
previously published folder exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def write_site(files: dict, output: Path, mtime: int | None = None) -> None:
    """`files` maps output paths to bytes, or to a Reuse of a file in the previous output."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read it
    made: set[str] = set()
    try:
        for name in sorted(files):
            target = staging / name
            folder = os.path.dirname(name)
            if folder not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(folder)
            data = files[name]
            if isinstance(data, bytes):
                target.write_bytes(data)
            else:  # unchanged since the last build: share the file instead of copying it
                try:
                    os.link(data.path, target)
                except OSError:
                    shutil.copyfile(data.path, target)
            if mtime is not None:
                os.utime(target, (mtime, mtime))
        # The rename must not reach the disk before the files it publishes.
        os.sync()
        _swap(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, output: Path) -> None:
    if not output.exists():
        os.rename(staging, output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    os.rmdir(retired)
    os.rename(output, retired)
    try:
        os.rename(staging, output)
    except BaseException:
        os.rename(retired, output)  # put the old site back
        raise
    _remove_later(retired)


def _remove_later(folder: Path) -> None:
    """Delete the replaced output without making the build wait for it.

    Removing tens of thousands of folders takes longer than building them; a
    detached process does it while credsite returns. Leftovers of an interrupted
    removal are cleared by the next build.
    """
    try:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], True)",
                          str(folder)], start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)

