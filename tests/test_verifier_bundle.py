"""The in-browser verifier bundle (issue #13): what is committed is what the pinned sources build.

generator/data/verifier/credsite-verifier.js is built by verifier/build.mjs with
esbuild from the packages pinned in verifier/package-lock.json. Here it is built
again into a temporary folder and compared byte for byte; its record
(generator/data/verifier/sources.json) must match the bundle, the lock file and
the standard JSON-LD contexts the Python build uses; and it must stay within the
budget of 100 KB gzipped.

Needs node and npm (.ci/run installs them); the packages are installed here with
`npm ci` when missing.
"""

from __future__ import annotations

import copy
import gzip
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, npm_ci, read_json
from generator.credentials import closed_world

VERIFIER = ROOT / "verifier"
DATA = ROOT / "generator" / "data" / "verifier"
BUNDLE = DATA / "credsite-verifier.js"
SOURCES = DATA / "sources.json"
CONTEXTS = ROOT / "generator" / "contexts"
BUDGET = 100 * 1024  # gzipped bytes
REGISTRY = "https://registry.npmjs.org/"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    """A folder with the bundle and sources.json built again from verifier/ as it is now."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed (.ci/run installs it); the verifier bundle is built with it")
    npm_ci(VERIFIER)
    out = tmp_path_factory.mktemp("verifier-build")
    done = subprocess.run([node, str(VERIFIER / "build.mjs"), str(out)], cwd=VERIFIER,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"build.mjs failed:\n{done.stdout}\n{done.stderr}"
    return out


@pytest.fixture(scope="module")
def sources() -> dict:
    return read_json(SOURCES)


def test_the_rebuilt_bundle_is_the_committed_one(rebuilt):
    built, committed = (rebuilt / BUNDLE.name).read_bytes(), BUNDLE.read_bytes()
    assert built == committed, (
        f"{BUNDLE.relative_to(ROOT)} is not what verifier/build.mjs builds ({len(built)} bytes, sha256 "
        f"{sha256(built)}, against {len(committed)} bytes, sha256 {sha256(committed)}); rebuild it: "
        "cd verifier && npm ci && node build.mjs")


def test_the_rebuilt_record_is_the_committed_one(rebuilt, sources):
    # The gzipped size depends on the zlib of the node that ran the build; the rest may not differ.
    built, committed = read_json(rebuilt / SOURCES.name), copy.deepcopy(sources)
    gzip_of = {"built": built["bundle"].pop("gzip_bytes"), "committed": committed["bundle"].pop("gzip_bytes")}
    assert built == committed, "generator/data/verifier/sources.json is not what build.mjs records"
    assert abs(gzip_of["built"] - gzip_of["committed"]) <= gzip_of["committed"] // 50, gzip_of


def test_the_record_names_the_bundle_by_its_digest(sources):
    data = BUNDLE.read_bytes()
    assert sources["bundle"]["file"] == BUNDLE.name
    assert sources["bundle"]["sha256"] == sha256(data)
    assert sources["bundle"]["bytes"] == len(data)


def test_the_bundle_fits_the_budget(sources):
    size = gzipped_size(BUNDLE.read_bytes())
    assert size <= BUDGET, f"{BUNDLE.name} is {size} bytes gzipped; the budget is {BUDGET} (issue #13)"
    # What the record says is what a gzip here measures, give or take the zlib it was made with.
    assert abs(size - sources["bundle"]["gzip_bytes"]) <= size // 50, (size, sources["bundle"]["gzip_bytes"])


def test_the_bundle_is_a_minified_es_module_with_the_contract_exports():
    text = BUNDLE.read_text(encoding="utf-8")
    code = text[:text.index("/*! Bundled license information:")]  # esbuild's legal comments follow the code
    (exports,) = re.findall(r"export\s*\{([^}]*)\}", code)
    names = {part.split(" as ")[-1].strip() for part in exports.split(",")}
    assert names == {"verify", "readCredential"}, f"the module's exports are the contract: {names}"
    for entry in read_json(CONTEXTS / "sources.json"):  # the contexts keep their own line breaks
        code = code.replace((CONTEXTS / entry["file"]).read_text(encoding="utf-8"), "")
    assert code.count("\n") < 20, "the bundle is not minified"
    assert "sourceMappingURL" not in text  # nothing it ships points at files it does not ship


def test_package_json_pins_every_package_exactly():
    package = read_json(VERIFIER / "package.json")
    assert package["private"] is True and package["type"] == "module"
    assert package["license"] == "EUPL-1.2"
    pinned = {**package["dependencies"], **package["devDependencies"]}
    loose = {name: spec for name, spec in pinned.items() if not re.fullmatch(r"\d+\.\d+\.\d+", spec)}
    assert not loose, f"not pinned to one version: {loose}"
    assert package["devDependencies"]["esbuild"].startswith("0.28.")
    # The interop tests check credsite against the same versions the browser runs.
    interop = read_json(ROOT / "tests" / "interop" / "package.json")["dependencies"]
    differ = {name: (spec, interop[name]) for name, spec in package["dependencies"].items()
              if name in interop and interop[name] != spec}
    assert not differ, f"pinned differently from tests/interop/package.json: {differ}"


def test_the_record_lists_each_bundled_package_as_the_lock_file_pins_it(sources):
    lock = read_json(VERIFIER / "package-lock.json")["packages"]
    listed = {p["name"] for p in sources["packages"]}
    direct = set(read_json(VERIFIER / "package.json")["dependencies"])
    assert direct <= listed, f"direct dependencies missing from the record: {direct - listed}"
    for package in sources["packages"]:
        entry = lock.get(f"node_modules/{package['name']}")
        assert entry is not None, f"{package['name']} is not in verifier/package-lock.json"
        assert not entry.get("dev"), f"{package['name']} is bundled but only a development dependency"
        assert (package["version"], package["license"], package["integrity"]) == (
            entry["version"], entry.get("license", ""), entry["integrity"]), package["name"]
        tarball = f"{REGISTRY}{package['name']}/-/{package['name'].split('/')[-1]}-{package['version']}.tgz"
        assert package["resolved"] == entry.get("resolved", tarball), package["name"]
        assert package["license"], f"{package['name']} has no licence in its package.json"
    esbuild = lock["node_modules/esbuild"]
    assert sources["esbuild"]["version"] == esbuild["version"]
    assert sources["esbuild"]["integrity"] == esbuild["integrity"]


def test_every_bundled_package_ships_its_licence_text_in_the_bundle(rebuilt, sources):
    # `rebuilt` installed the packages whose licence files are compared.
    text = BUNDLE.read_text(encoding="utf-8")
    licences = text[text.index("/*! Licences of the packages bundled above:"):]
    for package in sources["packages"]:
        header = f"{package['name']} {package['version']} ({package['license']})"
        assert header in licences, f"no licence text for {header}"
        licence = _licence_file(VERIFIER / "node_modules" / package["name"])
        assert licence.read_text(encoding="utf-8").replace("*/", "* /").strip() in licences, package["name"]


def _licence_file(folder: Path) -> Path:
    names = sorted(p.name for p in folder.iterdir())
    name = next(n for n in names if re.fullmatch(r"(licen[cs]e|copying)(\.(md|txt))?", n, re.I))
    return folder / name


def test_the_bundled_contexts_are_the_standard_ones_of_the_python_build(sources):
    """The same closed world as `credsite build`: every standard context, byte for byte, and nothing else."""
    standard = read_json(CONTEXTS / "sources.json")
    expected = [{"url": e["url"], "file": f"generator/contexts/{e['file']}",
                 "sha256": sha256((CONTEXTS / e["file"]).read_bytes())} for e in standard]
    assert sources["contexts"] == expected
    assert {e["url"] for e in expected} == set(closed_world.standard_contexts())
    assert "credsite-v1.jsonld" not in {e["file"] for e in standard}, "credsite's own context is not standard"
    assert all(e["sha256"] == s["sha256"] for e, s in zip(expected, standard, strict=True)), \
        "generator/contexts/sources.json records other digests than its files have"
    # Embedded as their exact text, each beside its URL.
    text = BUNDLE.read_text(encoding="utf-8")
    for entry in standard:
        context = (CONTEXTS / entry["file"]).read_text(encoding="utf-8")
        assert f"{json.dumps(entry['url'])},`{context}`" in text, f"{entry['file']} is not in the bundle as it is"
    own = (CONTEXTS / "credsite-v1.jsonld").read_text(encoding="utf-8")
    assert own not in text, "credsite's own vocabulary must travel inline in credentials, not in the verifier"
