"""What every output of a build depends on, and which folder the output is.

`fingerprint` covers credsite's own files, its libraries' versions, the theme and content/site.yaml: a change
to any of them may change any page, so it is part of every unit's key and of the manifest's. `output_identity`
tells one published folder from the next. Both are needed to answer "is the site up to date?", which a build
that finds nothing changed answers without importing the rest of the pipeline.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from importlib import metadata
from pathlib import Path

from generator import __version__
from generator.model import Site
from generator.site import theme


@functools.lru_cache(maxsize=1)
def dependency_versions() -> str:
    """The installed versions of the libraries credsite uses: an upgrade can change pages and images."""
    try:
        requirements = metadata.requires("credsite") or []
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "not installed"
    names = sorted({re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0] for r in requirements if "extra ==" not in r})
    versions = []
    for name in names:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    return " ".join(versions)


def code_digest() -> str:
    """credsite's own files and the versions of its libraries: a change to either may change any output."""
    digest = hashlib.sha256(f"{__version__}\0{dependency_versions()}".encode())
    _digest_folder(digest, Path(__file__).resolve().parents[1])  # all of credsite
    return digest.hexdigest()


def _digest_folder(digest, folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())


def fingerprint(site: Site, mtime: int | None = None) -> str:
    """Everything every unit depends on: theme, site settings, credsite and its libraries, file times."""
    digest = hashlib.sha256(f"{__version__}\0{dependency_versions()}\0{site.base_url}\0{mtime}".encode())
    for folder in [*theme.theme_dirs(site), Path(__file__).resolve().parents[1]]:  # the theme, all of credsite
        _digest_folder(digest, folder)
    digest.update((site.source / "content" / "site.yaml").read_bytes())
    return digest.hexdigest()


def output_identity(output: Path | None) -> list | None:
    """Which folder `output` is: each build publishes a new folder, so this changes with every publish."""
    if output is None:
        return None
    try:
        info = os.stat(output)
    except OSError:
        return None
    return [str(output.resolve()), info.st_dev, info.st_ino]
