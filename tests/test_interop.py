"""Interoperability: credentials credsite signs verify in two independent verifiers.

credsite signs and verifies with its own Python code (pyld + cryptography), so
its own tests cannot catch a mistake both halves share, such as a context only
credsite can load or N-Quads that only pyld produces. Here every credential of
the built sample site is checked by two other implementations:

(a) Digital Bazaar's @digitalbazaar/vc (jsonld.js in safe mode, rdf-canonize,
    noble-ed25519), tests/interop/verify.mjs;
(b) the Digital Credentials Consortium's @digitalcredentials/verifier-core,
    tests/interop/verify-dcc.mjs, which fetches what it needs itself.

Both run in a closed world (tests/interop/offline.mjs) holding only what a
verifier on the internet could load: the standard JSON-LD contexts from their
npm packages, the built site at its base URL and, for (b), the official OB 3.0
JSON Schema. Nothing of credsite's own that the web does not serve: a
credential naming a context nobody publishes must fail here as it fails there.

Needs node and npm (.ci/run installs them). The npm packages are pinned in
tests/interop/package-lock.json and installed here with `npm ci` when missing.
"""

from __future__ import annotations

import copy
import difflib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from conftest import ROOT, npm_ci, revoked_ids, sample_secret, sample_site, write_json
from generator.build.pipeline import build
from generator.commands.verify import verify_paths
from generator.credentials import canonical, linked_data, proofs, statuslist
from generator.credentials.multikey import private_from_multibase, public_to_multibase

INTEROP = ROOT / "tests" / "interop"
ISSUED = sorted((ROOT / "content" / "issued").glob("*.json"))
NODE_MAJOR_MIN = 18  # the oldest node the pinned packages support

# The two verifiers, by the script that runs each.
VERIFIERS = {"digital-bazaar": "verify.mjs", "verifier-core": "verify-dcc.mjs"}


# ---------------------------------------------------------------- node, npm and the build


@pytest.fixture(scope="module")
def node() -> str:
    """The node executable, with tests/interop's pinned packages installed."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.fail("node and npm are not installed (.ci/run installs them); "
                    "the interop tests need the JavaScript verifiers")
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=True).stdout
    major = int(version.strip().lstrip("v").split(".")[0])
    assert major >= NODE_MAJOR_MIN, f"node {version.strip()} is too old; the pinned packages need >= {NODE_MAJOR_MIN}"
    npm_ci(INTEROP)
    return node


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The sample site, built the way `credsite build` builds it, never modified."""
    output = tmp_path_factory.mktemp("interop") / "_site"
    result = build(ROOT, output)
    assert result.ok and result.written, [str(p) for p in result.problems]
    return output


@pytest.fixture(params=VERIFIERS)
def verifier(request) -> str:
    return request.param


def run_node(node: str, script: str, documents: list[Path], before: tuple[Path, ...] = ()) -> dict[Path, dict]:
    """Run a tests/interop script over `documents`; its JSON line for each, keyed by path.

    Keyed by path, not name: every credential a site publishes is called credential.json.
    """
    started = time.monotonic()
    done = subprocess.run([node, str(INTEROP / script), *map(str, before), *map(str, documents)],
                          cwd=INTEROP, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"{script} exited {done.returncode}:\n{done.stderr}"
    reports = {Path(r["file"]): r for r in map(json.loads, done.stdout.splitlines())}
    assert set(reports) == set(documents), done.stdout
    print(f"{script}: {len(reports)} document(s) in {time.monotonic() - started:.2f}s")
    return reports


def verify(node: str, verifier: str, site: Path, *credentials: Path) -> dict[Path, dict]:
    """The verdict of `verifier` on each credential, keyed by its path."""
    return run_node(node, VERIFIERS[verifier], list(credentials), before=(site,))


def credential_id(path: Path) -> str:
    return json.loads(path.read_text(encoding="utf-8"))["id"]


def sample(revoked: bool, among: list[Path] | None = None) -> Path:
    """A sample credential that is (or is not) revoked; fails clearly if there is none."""
    for path in among if among is not None else ISSUED:
        if (credential_id(path) in revoked_ids()) == revoked:
            return path
    pytest.fail(f"the samples in content/issued/ include no {'revoked' if revoked else 'unrevoked'} credential")


def published_credentials(site: Path) -> list[Path]:
    """Credentials the built site serves (badges/<uuid>/credential.json)."""
    return sorted(site.glob("badges/*/credential.json"))


def change_one_character(text: str) -> str:
    middle = len(text) // 2
    return text[:middle] + ("x" if text[middle] != "x" else "y") + text[middle + 1:]


def failures(reports: dict[Path, dict]) -> dict[str, str]:
    return {str(path): r["error"] for path, r in reports.items() if not r["verified"]}


# ---------------------------------------------------------------- the sample credentials


def test_the_sample_data_is_there():
    # Without samples every other test would pass by checking nothing.
    assert len(ISSUED) >= 2, "content/issued/ should hold the sample credentials"
    assert len(revoked_ids()) == 1, "content/status/revocations.csv should list exactly one revocation"
    assert revoked_ids() <= {credential_id(p) for p in ISSUED}


def test_every_issued_credential_verifies(node, site, verifier):
    # The signed files in content/issued/ and their published copies under badges/.
    assert len(published_credentials(site)) == len(ISSUED), "the build should publish every credential"
    credentials = ISSUED + published_credentials(site)
    reports = verify(node, verifier, site, *credentials)
    assert not failures(reports), f"{verifier} rejects credsite credentials: {failures(reports)}"
    # Verified includes the status check: the list was found and its own proof
    # verified. A credential without status would skip that.
    assert all(r["statusChecked"] for r in reports.values()), reports
    if verifier == "verifier-core":
        # It also validates against the OB 3.0 JSON Schema the credential names.
        bad = {str(p): r["schema"] for p, r in reports.items() if not (r["schema"] or {}).get("valid")}
        assert not bad, f"verifier-core's OB 3.0 schema check fails: {bad}"


def test_verifier_core_reports_the_issuer_registry_apart(node, site):
    """Its registry lookup needs the DCC's registries on the network: "unchecked", not "invalid"."""
    credential = sample(revoked=False)
    report = verify(node, "verifier-core", site, credential)[credential]
    assert report["verified"], report["error"]
    assert report["registry"] == {
        "registered": False,
        "unchecked": ["https://digitalcredentials.github.io/sandbox-registry/registry.json"]}, report["registry"]


def test_exactly_the_revoked_credential_reads_revoked(node, site, verifier):
    for credentials in (ISSUED, published_credentials(site)):
        assert credentials, "no credentials to check"
        reports = verify(node, verifier, site, *credentials)
        revoked = {credential_id(p) for p in credentials if reports[p]["revoked"]}
        assert revoked == revoked_ids(), (verifier, credentials[0].parent, failures(reports))


def test_credsite_and_the_other_verifier_agree(node, site, verifier):
    """credsite's own offline verifier and the other verifier give the same verdict."""
    theirs = verify(node, verifier, site, *ISSUED)
    ours, problems = verify_paths(ISSUED, site)
    assert not problems
    for path, verdict in ours:
        report = theirs[path]
        as_theirs = ("invalid" if not report["verified"]
                     else "revoked" if report["revoked"] else "valid")
        assert verdict.status == as_theirs, (
            f"{path.name}: credsite says {verdict.status} {verdict.problems}, "
            f"{verifier} says {as_theirs} ({report['error']})")


def test_both_canonicalize_to_the_same_nquads(node):
    """The RDFC-1.0 N-Quads both sides hash, compared line by line.

    A matching signature already implies equal N-Quads; this test says *where*
    they differ when they do not (a term, a datatype, an escape), which a bare
    "Invalid signature." never tells. jsonld.js gets the standard contexts from
    their npm packages only; an inline context travels in the credential.
    """
    reports = run_node(node, "canonize.mjs", ISSUED)
    loader = linked_data.loader()
    for path in ISSUED:
        report = reports[path]
        assert report["error"] is None, f"{path.name}: jsonld.js refuses it: {report['error']}"
        document = json.loads(path.read_text(encoding="utf-8"))
        document.pop("proof")
        ours = canonical.canonicalize(document, loader)
        diff = "\n".join(difflib.unified_diff(ours.splitlines(), report["nquads"].splitlines(),
                                              "credsite (pyld)", "Digital Bazaar (jsonld.js)", lineterm=""))
        assert ours == report["nquads"], f"{path.name}: canonical N-Quads differ:\n{diff}"


# ---------------------------------------------------------------- what third parties can load


def _context_urls(node: object) -> set[str]:
    """Every context URL a JSON-LD document names: in @context (also nested in inline
    contexts and scoped term definitions) and in @import."""
    found: set[str] = set()
    if isinstance(node, list):
        for item in node:
            found |= _context_urls(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                for entry in value if isinstance(value, list) else [value]:
                    if isinstance(entry, str):
                        found.add(entry)
                    else:
                        found |= _context_urls(entry)
            else:
                found |= _context_urls(value)
    return found


def _site_base_url(site: Path) -> str:
    """The base URL, from the did:web the site publishes (did:web:host:a:b -> https://host/a/b/)."""
    did = json.loads((site / "did.json").read_text(encoding="utf-8"))["id"]
    host, *segments = [unquote(part) for part in did.split(":")[2:]]
    return f"https://{host}/" + "".join(segment + "/" for segment in segments)


def test_the_site_names_only_contexts_a_verifier_can_load(node, site):
    """No published JSON(-LD) file names a @context outside the closed world.

    Allowed: the standard contexts (as the npm packages in tests/interop publish
    them) and files this build itself publishes under the site's base URL.
    """
    listed = subprocess.run([node, str(INTEROP / "contexts.mjs")], cwd=INTEROP,
                            capture_output=True, text=True, timeout=60, check=True)
    standard = set(json.loads(listed.stdout))
    base = _site_base_url(site)
    documents = sorted([*site.rglob("*.json"), *site.rglob("*.jsonld")])
    assert any(p.name == "credential.json" for p in documents), "the walk found no credentials"
    unloadable: dict[str, list[str]] = {}
    for path in documents:
        for url in sorted(_context_urls(json.loads(path.read_text(encoding="utf-8")))):
            published = url.startswith(base) and (site / url[len(base):].split("#")[0]).is_file()
            if url not in standard and not published:
                unloadable.setdefault(url, []).append(str(path.relative_to(site)))
    assert not unloadable, (
        "the site names JSON-LD contexts no verifier can load (neither a standard context nor a file "
        f"the site publishes): {unloadable}")


def test_nothing_under_tests_interop_reads_credsite_own_contexts():
    """The verifiers must not be handed credsite's copies of contexts (generator/contexts)."""
    forbidden = ("generator/contexts", "'generator', 'contexts'", "credsite-v1")
    offending = [f"{path.name}: {word}" for path in INTEROP.glob("*.mjs")
                 for word in forbidden if word in path.read_text(encoding="utf-8")]
    assert not offending, offending


# ---------------------------------------------------------------- tampering


TAMPERINGS = {
    "achievement name": ("credentialSubject", "achievement", "name"),
    "learner name identityHash": ("credentialSubject", "identifier", 1, "identityHash"),
}


@pytest.mark.parametrize("field", TAMPERINGS)
def test_a_tampered_copy_fails(node, site, tmp_path, verifier, field):
    original = sample(revoked=False)
    document = json.loads(original.read_text(encoding="utf-8"))
    # Control: the same round trip through json without a change still verifies,
    # so the failure below is the tampering and not the rewriting.
    untouched = write_json(copy.deepcopy(document), tmp_path / "untouched.json")
    *parents, last = TAMPERINGS[field]
    holder = document
    for key in parents:
        holder = holder[key]
    holder[last] = change_one_character(holder[last])
    tampered = write_json(document, tmp_path / "tampered.json")

    reports = verify(node, verifier, site, untouched, tampered)
    assert reports[untouched]["verified"], reports[untouched]["error"]
    assert reports[tampered]["verified"] is False
    assert "signature" in reports[tampered]["error"].lower(), reports[tampered]["error"]


def test_a_tampered_status_list_cannot_unrevoke(node, site, tmp_path, verifier):
    """Clearing the revoked bit in a copy of the status list breaks the list's proof."""
    revoked = sample(revoked=True)
    index = int(json.loads(revoked.read_text(encoding="utf-8"))["credentialStatus"]["statusListIndex"])
    other = tmp_path / "_site"
    shutil.copytree(site, other)
    status_list = json.loads((other / "status" / "revocation.json").read_text(encoding="utf-8"))
    bits = statuslist.decode(status_list["credentialSubject"]["encodedList"])
    assert statuslist.is_set(bits, index)
    statuslist.set_bit(bits, index, False)
    status_list["credentialSubject"]["encodedList"] = statuslist.encode(bits)
    write_json(status_list, other / "status" / "revocation.json")

    report = verify(node, verifier, other, revoked)[revoked]
    assert report["verified"] is False and report["revoked"] is False
    assert "credentialStatus:" in report["error"], report["error"]
    assert "signature" in report["error"].lower(), report["error"]


# ---------------------------------------------------------------- the DID document


def test_the_did_document_resolves_from_the_unmodified_build_output(node, site, tmp_path, verifier):
    # Everything from the output folder as `credsite build` wrote it: the
    # credential the site publishes, the DID document and the status list.
    credential = sample(revoked=False, among=published_credentials(site) + ISSUED)
    report = verify(node, verifier, site, credential)[credential]
    assert report["verified"], report["error"]
    # did:web:example-university.github.io:microcredentials has a path, so a
    # resolver fetches <base url>/did.json: the file the build wrote at the root.
    did_url = _site_base_url(site) + "did.json"
    if verifier == "digital-bazaar":
        assert Path(report["didDocument"]) == site / "did.json"
        proof_method = json.loads(credential.read_text(encoding="utf-8"))["proof"][0]["verificationMethod"]
        assert {proof_method, proof_method.split("#")[0]} <= set(report["loaded"]), report["loaded"]
    else:
        assert {"url": did_url, "status": 200} in report["fetched"], report["fetched"]

    # Control: the same build with another public key in did.json must fail, so
    # the pass above really used the key the build published.
    other = tmp_path / "_site"
    shutil.copytree(site, other)
    did_doc = json.loads((other / "did.json").read_text(encoding="utf-8"))
    stranger = Ed25519PrivateKey.from_private_bytes(bytes(range(32))).public_key()
    did_doc["verificationMethod"][0]["publicKeyMultibase"] = public_to_multibase(stranger)
    write_json(did_doc, other / "did.json")
    swapped = verify(node, verifier, other, credential)[credential]
    assert swapped["verified"] is False
    assert "signature" in swapped["error"].lower(), swapped["error"]


# ---------------------------------------------------------------- freshly signed edge cases


EDGE_CASES = {
    # N-Quads escaping: pyld and rdf-canonize must agree on quotes, backslashes,
    # line breaks and non-ASCII (including characters outside the BMP).
    "quotes, backslash and newline": ("name", 'Say "data" \\ not\\n "dat"\nSecond line'),
    "non-ASCII and astral characters": ("name", "Datageletterdheid für Beleidsmakers — Ω ë 中文 😀"),
    # xsd:float literals: fractional EC values are common (2.5 EC), and Python and
    # JavaScript print doubles differently.
    "fractional credits": ("creditsAvailable", 2.5),
    "small fractional credits": ("creditsAvailable", 0.1),
}


@pytest.mark.parametrize("case", EDGE_CASES)
def test_freshly_signed_edge_cases_verify(node, site, tmp_path, verifier, case):
    """Re-sign a sample with awkward values and check the other verifier accepts it."""
    key = private_from_multibase(sample_secret())
    original = sample(revoked=False)
    document = json.loads(original.read_text(encoding="utf-8"))
    method = document.pop("proof")[0]["verificationMethod"]
    field, value = EDGE_CASES[case]
    document["credentialSubject"]["achievement"][field] = value
    signed = proofs.sign_rdfc(document, key, method, "2026-01-15T09:00:00Z")
    path = write_json(signed, tmp_path / "edge.json")

    report = verify(node, verifier, site, path)[path]
    assert report["verified"], f"credsite signed it, {verifier} rejects it: {report['error']}"


def test_a_context_on_the_issuers_own_site_is_not_fetched_by_verifier_a(node, site, tmp_path):
    """A verifier built on Digital Bazaar's security-document-loader never fetches an unknown
    context, not even from the issuer's site: a credential must carry its own terms inline."""
    key = private_from_multibase(sample_secret())
    document = json.loads(sample(revoked=False).read_text(encoding="utf-8"))
    method = document.pop("proof")[0]["verificationMethod"]
    own = _site_base_url(site) + "ns/credsite-v1.jsonld"
    assert (site / "ns" / "credsite-v1.jsonld").is_file()
    document["@context"][-1] = own
    signed = proofs.sign_rdfc(document, key, method, "2026-01-15T09:00:00Z",
                              extra_contexts={own: json.loads((site / "ns" / "credsite-v1.jsonld").read_text())})
    path = write_json(signed, tmp_path / "own-context.json")

    report = verify(node, "digital-bazaar", site, path)[path]
    assert report["verified"] is False
    assert own in report["error"], report["error"]


# ---------------------------------------------------------------- a credential credsite did not sign


@pytest.fixture(scope="module")
def did_key_credentials(node, tmp_path_factory) -> tuple[Path, Path, str]:
    """Digital Bazaar's own OB 3.0 credential (did:key, eddsa-rdfc-2022 + eddsa-jcs-2022
    proofs) and a tampered copy, from tests/interop/sign-didkey.mjs; and the issuer DID."""
    folder = tmp_path_factory.mktemp("didkey")
    paths = []
    for name, flags in (("signed.json", []), ("tampered.json", ["--tampered"])):
        done = subprocess.run([node, str(INTEROP / "sign-didkey.mjs"), *flags], cwd=INTEROP,
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, f"sign-didkey.mjs {flags} exited {done.returncode}:\n{done.stderr}"
        paths.append(folder / name)
        paths[-1].write_text(done.stdout, encoding="utf-8")
    signed = json.loads(paths[0].read_text(encoding="utf-8"))
    assert [p["cryptosuite"] for p in signed["proof"]] == ["eddsa-rdfc-2022", "eddsa-jcs-2022"]
    assert signed["issuer"]["id"].startswith("did:key:z6Mk")
    return paths[0], paths[1], signed["issuer"]["id"]


def test_the_did_key_credential_is_sound(node, site, verifier, did_key_credentials):
    """Both verifiers accept sign-didkey.mjs's credential and reject its tampered copy,
    so what `credsite verify` says about them below is about credsite."""
    signed, tampered, _ = did_key_credentials
    reports = verify(node, verifier, site, signed, tampered)
    assert reports[signed]["verified"], reports[signed]["error"]
    assert reports[tampered]["verified"] is False
    assert "signature" in reports[tampered]["error"].lower(), reports[tampered]["error"]
    if verifier == "digital-bazaar":
        # jsigs accepts a proof set when any one proof verifies: check each.
        assert sorted((p["cryptosuite"], p["verified"]) for p in reports[signed]["proofs"]) == [
            ("eddsa-jcs-2022", True), ("eddsa-rdfc-2022", True)], reports[signed]["proofs"]


def _credsite_verify(path: Path) -> subprocess.CompletedProcess:
    credsite = ROOT / ".venv" / "bin" / "credsite"
    command = [str(credsite)] if credsite.is_file() else [sys.executable, "-m", "generator"]
    return subprocess.run([*command, "verify", str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_credsite_verify_accepts_a_did_key_credential_with_two_proofs(did_key_credentials):
    """`credsite verify FILE` (no --site) accepts any OB 3.0 credential it can check alone."""
    signed, tampered, did = did_key_credentials
    done = _credsite_verify(signed)
    assert done.returncode == 0, f"credsite verify rejects it:\n{done.stdout}\n{done.stderr}"
    assert did in done.stdout, done.stdout

    done = _credsite_verify(tampered)
    assert done.returncode == 1, \
        f"credsite verify gave {done.returncode} for a tampered copy:\n{done.stdout}\n{done.stderr}"


# ---------------------------------------------------------------- migrating an old credential


LEGACY = ROOT / "tests" / "fixtures" / "legacy-context-credential.json"


@pytest.fixture(scope="module")
def reissued(tmp_path_factory) -> tuple[Path, Path, dict]:
    """The sample site with one credential as published before credsite embedded its context,
    reissued with credsite reissue and built: (the built site, its credential.json, the old credential)."""
    from generator.build.pipeline import load
    from generator.issuing import keys
    from generator.issuing.reissue import reissue

    tmp = tmp_path_factory.mktemp("reissue")
    source = sample_site(tmp)
    old = json.loads(LEGACY.read_text(encoding="utf-8"))
    uid = old["id"].removeprefix("urn:uuid:")
    target = source / "content" / "issued" / f"{uid}.json"
    assert target.is_file(), "the legacy fixture must be an old copy of one of the sample credentials"
    shutil.copyfile(LEGACY, target)
    key = keys.SigningKey(private_from_multibase(sample_secret()))
    done, _, problems = reissue(load(source).site, [old["id"]], key)
    assert not problems and [item.credential_id for item in done] == [old["id"]], [str(p) for p in problems]
    output = tmp / "_site"
    result = build(source, output)
    assert result.ok and result.written, [str(p) for p in result.problems]
    return output, output / "badges" / uid / "credential.json", old


def test_an_old_credential_fails_in_the_world(node, site, verifier, tmp_path):
    """Control: as published before, the credential names a context no verifier can load."""
    old = write_json(json.loads(LEGACY.read_text(encoding="utf-8")), tmp_path / "old.json")
    report = verify(node, verifier, site, old)[old]
    assert report["verified"] is False
    assert "https://w3id.org/credsite/ns/v1" in report["error"], report["error"]


def test_a_reissued_credential_keeps_its_identity_and_verifies_in_the_world(node, verifier, reissued):
    output, published, old = reissued
    new = json.loads(published.read_text(encoding="utf-8"))
    assert new["id"] == old["id"]  # so the badge URL, badges/<uuid>/, is the same
    assert (published.parent / "index.html").is_file()
    assert new["credentialStatus"] == old["credentialStatus"]
    assert new["credentialSubject"] == old["credentialSubject"]
    assert "https://w3id.org/credsite/ns/v1" not in json.dumps(new["@context"])

    report = verify(node, verifier, output, published)[published]
    assert report["verified"], report["error"]
    assert report["statusChecked"] and report["revoked"] is False
