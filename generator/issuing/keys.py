"""Signing keys: make them, keep them out of the repository, load them to sign.

A key file is JSON holding the Multikey pair. It lives outside the site's
repository with mode 0600; CI and the build never need it.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from generator.content.config import KEY_ID as KEY_ID  # keygen checks ids with the same rule
from generator.credentials.multikey import private_from_multibase, private_to_multibase, public_to_multibase
from generator.strict_json import loads

KEY_ENV = "CREDSITE_SIGNING_KEY"  # the secretKeyMultibase itself (CI secrets, password managers)
KEY_FILE_ENV = "CREDSITE_SIGNING_KEY_FILE"
DEFAULT_KEY_SHOWN = "$XDG_CONFIG_HOME/credsite/signing-key.json (~/.config/credsite/signing-key.json)"


def default_key_path() -> Path:
    """Where keygen writes a key and issue, revoke and reissue look for one when none is given.

    The XDG base directory rule: $XDG_CONFIG_HOME when it is set to an absolute path, else ~/.config.
    One function, so that the key keygen makes is the key the signing commands find."""
    config = os.environ.get("XDG_CONFIG_HOME", "")
    base = Path(config) if os.path.isabs(config) else Path.home() / ".config"
    return base / "credsite" / "signing-key.json"


class KeyError_(Exception):
    """A key could not be made or loaded; the message says what to do."""


@dataclass(frozen=True)
class SigningKey:
    private: Ed25519PrivateKey

    @property
    def public_multibase(self) -> str:
        return public_to_multibase(self.private.public_key())


def repository_root(path: Path) -> Path | None:
    """The git work tree that contains `path`, if any."""
    probe = path if path.is_dir() else path.parent
    while not probe.exists():
        probe = probe.parent
    try:
        out = subprocess.run(["git", "-C", str(probe), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, check=False)
    except OSError:
        return None
    return Path(out.stdout.strip()).resolve() if out.returncode == 0 and out.stdout.strip() else None


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def generate(target: Path, source: Path) -> SigningKey:
    target = target.expanduser().resolve()
    for folder in filter(None, [source.resolve(), repository_root(source.resolve()), repository_root(target)]):
        if _inside(target, folder):
            raise KeyError_(f"{target} is inside the repository {folder}; a private key must never be "
                            f"committed. Choose a path outside it, e.g. {default_key_path()}")
    if target.exists():
        raise KeyError_(f"{target} already exists; credsite never overwrites a key. Use that key, or give "
                        "another path with --out (and --key FILE when you sign with it)")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = SigningKey(Ed25519PrivateKey.generate())
    document = {"type": "Multikey", "publicKeyMultibase": key.public_multibase,
                "secretKeyMultibase": private_to_multibase(key.private)}
    # O_EXCL + 0600 at creation: the secret is never readable by others, not even briefly.
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=2)
        handle.write("\n")
    return key


def load(path: Path | None = None) -> SigningKey:
    """From --key FILE, else $CREDSITE_SIGNING_KEY (the secret), else $CREDSITE_SIGNING_KEY_FILE, else the
    file keygen writes by default (default_key_path)."""
    if path is None and os.environ.get(KEY_ENV):
        return _from_secret(os.environ[KEY_ENV].strip(), f"${KEY_ENV}")
    if path is None and os.environ.get(KEY_FILE_ENV):
        path = Path(os.environ[KEY_FILE_ENV])
    if path is None and default_key_path().exists():
        path = default_key_path()
    if path is None:
        raise KeyError_(f"no signing key: none given with --key FILE, ${KEY_FILE_ENV} or ${KEY_ENV}, and no key "
                        f"file at {default_key_path()}, where 'credsite keygen' writes one; run 'credsite keygen' "
                        "there, or give the key you have with --key FILE")
    path = path.expanduser()
    try:
        mode = path.stat().st_mode
        raw = path.read_bytes()
    except OSError as exc:
        raise KeyError_(f"{path}: cannot read the key file ({exc.strerror})") from None
    # Which file it is comes first: "chmod 600" on, say, site.yaml would be the wrong advice.
    secret = _secret_in(raw)
    if secret is None:
        raise KeyError_(f"{path}: not a credsite key file (JSON with secretKeyMultibase); give the file "
                        "'credsite keygen' wrote")
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KeyError_(f"{path}: other users can read this private key; run 'chmod 600 {path}'")
    return _from_secret(secret, str(path))


def _secret_in(raw: bytes) -> str | None:
    try:
        secret = loads(raw)["secretKeyMultibase"]
    except (ValueError, KeyError, TypeError):
        return None
    return secret if isinstance(secret, str) else None


def _from_secret(secret: str, where: str) -> SigningKey:
    try:
        return SigningKey(private_from_multibase(secret))
    except ValueError as exc:
        raise KeyError_(f"{where}: not an Ed25519 secretKeyMultibase ({exc})") from None
