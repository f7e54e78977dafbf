"""Put a complete output tree in place atomically.

The whole site is written into a fresh sibling folder first and swapped in
only when every file is there, so a failed or interrupted build leaves the
previously published folder exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_site(files: dict, output: Path, mtime: int | None = None) -> None:
    """`files` maps output paths to bytes, or to a Reuse of a file in the previous output."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read it
    try:
        for name in sorted(files):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
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
    shutil.rmtree(retired, ignore_errors=True)

