"""`credsite verify` and the in-browser verifier agree (issue #13).

The same credentials go to both: to `credsite verify` (generator/commands/verify.py,
with the built sample site as --site) and to the verifier bundle
(generator/data/verifier/credsite-verifier.js) in headless Chromium. Both must
give the same verdict and the same status for each of the checks they share:
proof, issuer key, dates, status, contexts.

The browser gets only what it has in the world: a page at the site's real base
URL, every request under that origin answered from the built site folder (404
for what is not there), every request to any other origin refused and recorded.
The bundle is loaded from that origin as the site serves it. Where a case needs
another moment, both sides are given the same `now` instead of signing again.
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
import shutil
import struct
import subprocess
import urllib.parse
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from conftest import (
    REVOKED,
    ROOT,
    SAMPLE_BASE_URL,
    SiteHost,
    npm_ci,
    read_json,
    sample_secret,
    sample_site,
    write_json,
)
from generator.build.pipeline import build
from generator.commands.verify import verify_reports
from generator.credentials.findings import Reason
from generator.credentials.multikey import did_key_verification_method, private_from_multibase
from generator.credentials.proofs import sign_rdfc

pytestmark = pytest.mark.browser

BASE_URL = SAMPLE_BASE_URL
BASE_PATH = urllib.parse.urlsplit(BASE_URL).path
MODULE_URL = BASE_URL + "verify/credsite-verifier.js"  # where the site serves the bundle
INTEROP = ROOT / "tests" / "interop"
VALID = next(p.stem for p in sorted((ROOT / "content" / "issued").glob("*.json")) if p.stem != REVOKED)
SITE_DID = read_json(ROOT / "content" / "issued" / f"{VALID}.json")["issuer"]["id"]
OTHER_DID = SITE_DID.rsplit(":", 1)[0] + ":elsewhere"  # on the same host, with no DID document there
CHECKS = ("proof", "issuer key", "dates", "status", "contexts")
REASONS = {reason.value for reason in Reason}
CREATED = "2026-02-01T00:00:00Z"
DAY = dt.timedelta(days=1)


# ---------------------------------------------------------------- the world


@pytest.fixture(scope="module")
def built(www) -> Path:
    """The sample site built once for the run (conftest's `www`), never changed."""
    return www / BASE_PATH.strip("/")


@pytest.fixture(scope="module")
def baking(www, tmp_path_factory) -> Path:
    """The sample built with baked_images: build: the baked PNG and SVG are files of the site."""
    root = sample_site(tmp_path_factory.mktemp("baking"))
    settings = root / "content" / "site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "baked_images: build\n", encoding="utf-8")
    out = root / "_site"
    result = build(root, out)
    assert result.ok, [str(p) for p in result.problems]
    return out


@pytest.fixture(scope="module")
def without_status_list(built, tmp_path_factory) -> Path:
    """The built site with its status list gone, as on a host that lost it."""
    folder = tmp_path_factory.mktemp("no-status") / "site"
    shutil.copytree(built, folder)
    (folder / "status" / "revocation.json").unlink()
    return folder


def verifier_requests(urls: list[str]) -> list[str]:
    """The requests the verifier made: not the import of its module, nor the favicon, which Chromium fetches for
    the page on its own schedule (sometimes while a check runs)."""
    return [u for u in urls if u.split("?")[0] != MODULE_URL and not u.split("?")[0].endswith("/favicon.svg")]


class Browser:
    """One Chromium tab on the site's base URL, with the verifier imported as the site serves it."""

    def __init__(self, browser, folder: Path):
        self.host = SiteHost(folder)
        self.context = browser.new_context()
        self.context.route("**/*", self.host.handle)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(BASE_URL)
        assert self.page.evaluate("window.isSecureContext"), "the verifier needs a secure context"

    def verify(self, credential: dict, now: dt.datetime) -> tuple[dict, list[str]]:
        """The bundle's result for `credential` at `now`, and the URLs it requested."""
        self.host.requests.clear()
        result = self.page.evaluate(
            "async ([module, credential, now]) => (await import(module)).verify(credential, {now: new Date(now)})",
            [MODULE_URL, credential, now.isoformat()])
        return result, verifier_requests(self.host.requests)

    def read(self, source: str, kind: str) -> dict:
        """readCredential on a base64 file ('bytes'), a text or a URL ('text'): {credential, source} or {error}."""
        return self.page.evaluate("""async ([module, source, kind]) => {
            const {readCredential} = await import(module);
            const input = kind === 'bytes' ? Uint8Array.from(atob(source), c => c.charCodeAt(0)) : source;
            try {
              return await readCredential(input);
            } catch (error) {
              return {error: error.code, message: error.message};
            }
          }""", [MODULE_URL, source, kind])

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def tab(chromium, built):
    """A tab serving the built site; tests point it at another folder through `tab.host.folder`."""
    page = Browser(chromium, built)
    yield page
    assert page.host.foreign == [], f"requests to another origin: {page.host.foreign}"
    assert page.errors == [], page.errors
    page.close()


# ---------------------------------------------------------------- the credentials


def sample(uuid: str) -> dict:
    return read_json(ROOT / "content" / "issued" / f"{uuid}.json")


def resign(document: dict, key: Ed25519PrivateKey, method: str) -> dict:
    unsigned = {k: v for k, v in document.items() if k != "proof"}
    return sign_rdfc(unsigned, key, method, CREATED)


def tampered(_: dict) -> dict:
    document = sample(VALID)
    document["credentialSubject"]["identifier"][-1]["identityHash"] += "x"  # one byte more, after signing
    return document


def intruder_key_in_the_sites_name(_: dict) -> dict:
    """A key the DID document does not list, under a method id of the site's DID."""
    return resign(sample(VALID), Ed25519PrivateKey.generate(), f"{SITE_DID}#not-published")


def another_key_under_the_published_name(_: dict) -> dict:
    """Signed by another key, naming the site's published key: the signature cannot match."""
    published = sample(VALID)["proof"][0]["verificationMethod"]
    return resign(sample(VALID), Ed25519PrivateKey.generate(), published)


def foreign_did_key(_: dict) -> dict:
    """Soundly signed, but with a did:key that proves nothing about the did:web issuer."""
    key = Ed25519PrivateKey.generate()
    return resign(sample(VALID), key, did_key_verification_method(key.public_key()))


def unknown_issuer(_: dict) -> dict:
    """A did:web whose DID document the site does not serve (the browser gets a 404), with its own status list."""
    document = sample(VALID)
    document["issuer"]["id"] = OTHER_DID
    status_list = BASE_URL.replace(BASE_PATH, "/elsewhere/") + "status/revocation.json"
    document["credentialStatus"] = {**document["credentialStatus"], "statusListCredential": status_list,
                                    "id": status_list + "#" + document["credentialStatus"]["statusListIndex"]}
    return resign(document, private_from_multibase(sample_secret()), f"{OTHER_DID}#key-1")


def status_list_elsewhere(_: dict) -> dict:
    """The site's own signature, but a status list on a third party's host: the browser must not tell that
    host who checks the credential (found in review), so neither side can check the status."""
    document = sample(VALID)
    status_list = "https://tracker.example.org/status/revocation.json"
    document["credentialStatus"] = {**document["credentialStatus"], "statusListCredential": status_list,
                                    "id": status_list + "#" + document["credentialStatus"]["statusListIndex"]}
    method = sample(VALID)["proof"][0]["verificationMethod"]
    return resign(document, private_from_multibase(sample_secret()), method)


def unknown_context(_: dict) -> dict:
    """A context URL outside the closed world (credsite cannot even sign it; neither side may fetch it)."""
    document = sample(VALID)
    document["@context"].insert(-1, "https://contexts.example.org/badge-extras/v1.jsonld")
    return document


def only_jcs(credential: dict) -> dict:
    proofs = [p for p in credential["proof"] if p["cryptosuite"] == "eddsa-jcs-2022"]
    assert len(proofs) == 1, "sign-didkey.mjs no longer makes one eddsa-jcs-2022 proof"
    return {**credential, "proof": proofs}


def moment(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


@dataclass(frozen=True)
class Case:
    name: str
    credential: Callable[[dict], dict]  # from the did:key credentials Digital Bazaar signed
    expected: str  # the verdict both must reach, so a case cannot pass by testing something else
    checks: dict[str, str] = field(default_factory=dict)  # statuses the case is about
    now: Callable[[dict], dt.datetime] = lambda _: dt.datetime.now(dt.UTC)
    folder: str = "built"


CASES = [
    Case("valid", lambda _: sample(VALID), "valid", {"status": "ok"}),
    Case("tampered", tampered, "invalid", {"proof": "failed", "issuer key": "ok"}),
    Case("revoked", lambda _: sample(REVOKED or ""), "revoked", {"status": "failed"}),
    Case("expired", lambda _: sample(VALID), "expired", {"dates": "failed"},
         now=lambda c: moment(c["validUntil"]) + DAY),
    Case("not yet valid", lambda _: sample(VALID), "not yet valid", {"dates": "failed"},
         now=lambda c: moment(c["validFrom"]) - DAY),
    Case("wrong key: not in the DID document", intruder_key_in_the_sites_name, "invalid",
         {"issuer key": "failed", "proof": "not checked"}),
    Case("wrong key: another key under the published name", another_key_under_the_published_name, "invalid",
         {"proof": "failed", "issuer key": "ok"}),
    Case("wrong key: a did:key for a did:web issuer", foreign_did_key, "invalid",
         {"issuer key": "failed", "proof": "ok"}),
    Case("unknown issuer", unknown_issuer, "not checked",
         {"issuer key": "not checked", "proof": "not checked", "status": "not checked"}),
    Case("did:key, rdfc and jcs proofs, by Digital Bazaar", lambda dk: dk["signed"], "valid",
         {"proof": "ok", "status": "not applicable"}),
    Case("did:key by Digital Bazaar, tampered", lambda dk: dk["tampered"], "invalid", {"proof": "failed"}),
    Case("did:key by Digital Bazaar, its eddsa-jcs-2022 proof alone", lambda dk: only_jcs(dk["signed"]), "valid",
         {"proof": "ok"}),
    Case("did:key by Digital Bazaar, tampered, its eddsa-jcs-2022 proof alone", lambda dk: only_jcs(dk["tampered"]),
         "invalid", {"proof": "failed"}),
    Case("unknown context", unknown_context, "invalid", {"proof": "failed", "contexts": "not checked"}),
    Case("status list unreachable", lambda _: sample(VALID), "not checked", {"status": "not checked"},
         folder="without status list"),
    Case("status list on another host", status_list_elsewhere, "not checked",
         {"proof": "ok", "issuer key": "ok", "status": "not checked"}),
]


@pytest.fixture(scope="module")
def did_key_credentials() -> dict[str, dict]:
    """An OB 3.0 credential Digital Bazaar's stack signs with a did:key (two proofs), and a tampered copy."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed (.ci/run installs it)")
    npm_ci(INTEROP)

    def signed(*args: str) -> dict:
        done = subprocess.run([node, "sign-didkey.mjs", *args], cwd=INTEROP, capture_output=True, text=True,
                              timeout=120, check=True)
        return json.loads(done.stdout)

    return {"signed": signed(), "tampered": signed("--tampered")}


def allowed_requests(credential: dict) -> set[str]:
    """What the verifier may fetch for `credential`: did:web DID documents and its status lists."""
    dids = {credential["issuer"]["id"], *(p["verificationMethod"].split("#")[0] for p in credential["proof"])}
    allowed = set()
    for did in dids:
        if did.startswith("did:web:"):
            host, *path = [urllib.parse.unquote(part) for part in did.split(":")[2:]]
            allowed.add(f"https://{host}/" + ("/".join(path) + "/did.json" if path else ".well-known/did.json"))
    statuses = credential.get("credentialStatus", [])
    allowed |= {s["statusListCredential"] for s in (statuses if isinstance(statuses, list) else [statuses])}
    return allowed


# ---------------------------------------------------------------- both verifiers, one table


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_credsite_verify_and_the_browser_agree(case, tab, built, without_status_list, did_key_credentials,
                                               tmp_path):
    folder = {"built": built, "without status list": without_status_list}[case.folder]
    credential = case.credential(did_key_credentials)
    now = case.now(credential)
    path = write_json(credential, tmp_path / "credential.json")

    reports, problems = verify_reports([path], sites=[folder], now=now)
    assert not problems, [str(p) for p in problems]
    (report,) = reports
    python = {"verdict": report.verdict.status, **{c.name: c.status for c in report.checks if c.name in CHECKS}}
    assert report.schema.status == "ok", f"the case is no OB 3.0 credential: {report.schema.detail}"

    tab.host.folder = folder
    result, requests = tab.verify(credential, now)
    browser = {"verdict": result["verdict"], **{c["check"]: c["status"] for c in result["checks"]}}

    assert [c["check"] for c in result["checks"]] == list(CHECKS)
    assert browser == python, f"credsite verify: {python}\nbrowser: {browser}\n" + "\n".join(
        f"  {c['check']}: {c['code']} {c['message']}" for c in result["checks"])
    assert python["verdict"] == case.expected
    assert {name: python[name] for name in case.checks} == case.checks
    # The contract of the result: a code for every check that is not ok, and only then.
    for check in result["checks"]:
        assert (check["code"] == "") == (check["status"] in ("ok", "not applicable")), check
        assert check["code"] == "" or check["code"] in REASONS, check
    # Only the issuer's DID document and the credential's status list, never a context or anything else.
    assert set(requests) <= allowed_requests(credential), requests
    assert tab.host.foreign == []


def test_the_result_describes_the_issuer_and_the_credential(tab, built):
    tab.host.folder = built
    credential = sample(VALID)
    result, requests = tab.verify(credential, dt.datetime.now(dt.UTC))
    did_document = BASE_URL + "did.json"
    assert result["issuer"] == {"id": SITE_DID, "name": credential["issuer"]["name"], "method": "did:web",
                                "host": urllib.parse.urlsplit(BASE_URL).netloc, "documentUrl": did_document}
    assert result["credential"]["id"] == credential["id"]
    assert result["credential"]["validFrom"] == credential["validFrom"]
    assert result["credential"]["subject"]  # the learner's name, which the sample carries unhashed
    status = result["checks"][3]["detail"]
    assert status["url"] == credential["credentialStatus"]["statusListCredential"]
    assert status["purpose"] == "revocation"
    assert moment(status["fetchedAt"]) <= dt.datetime.now(dt.UTC)
    assert result["checks"][1]["detail"]["documentUrl"] == did_document
    assert sorted(requests) == sorted({did_document, status["url"]}), "each document is fetched once"


def test_a_status_list_out_of_reach_says_why(tab, without_status_list):
    tab.host.folder = without_status_list
    result, _ = tab.verify(sample(VALID), dt.datetime.now(dt.UTC))
    status = result["checks"][3]
    assert (status["status"], status["code"], status["detail"]["reason"]) == (
        "not checked", "status-unavailable", "http-404")


# ---------------------------------------------------------------- reading what a person has


def rebaked(png: bytes, credential: bytes | None) -> bytes:
    """The badge without its credential chunk, and with `credential` baked as other bakers do it:
    the iTXt text zlib-compressed."""
    chunks, at = [], 8
    while at < len(png):
        length = struct.unpack(">I", png[at:at + 4])[0]
        kind, body = png[at + 4:at + 8], png[at + 8:at + 8 + length]
        if not (kind == b"iTXt" and body.startswith(b"openbadgecredential\0")):
            chunks.append(png[at:at + 12 + length])
        at += 12 + length
    assert len(chunks) < len(png) and chunks[-1][4:8] == b"IEND", "not the baked PNG credsite makes"
    if credential is None:
        return png[:8] + b"".join(chunks)
    # keyword NUL, compressed, method 0, empty language tag NUL, empty translated keyword NUL, text
    body = b"openbadgecredential\0" + b"\x01\x00" + b"\0\0" + zlib.compress(credential)
    baked = struct.pack(">I", len(body)) + b"iTXt" + body + struct.pack(">I", zlib.crc32(b"iTXt" + body))
    return png[:8] + b"".join(chunks[:-1]) + baked + chunks[-1]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def test_read_credential_takes_every_form_a_badge_comes_in(tab, baking):
    tab.host.folder = baking
    folder = baking / "badges" / VALID
    expected = read_json(folder / "credential.json")
    raw = (folder / "credential.json").read_bytes()
    svg = (folder / "badge.svg").read_text(encoding="utf-8")
    # JSON as escaped text instead of CDATA, as some bakers write it.
    as_text = svg.replace("<![CDATA[", "").replace("]]></openbadges:credential>", "</openbadges:credential>")
    start = as_text.index("<openbadges:credential>") + len("<openbadges:credential>")
    end = as_text.index("</openbadges:credential>")
    as_text = as_text[:start] + as_text[start:end].replace("&", "&amp;").replace("<", "&lt;") + as_text[end:]
    forms = {
        "json": (_b64(raw), "bytes", "json"),
        "pasted json": (raw.decode("utf-8"), "text", "json"),
        "png": (_b64((folder / "badge.png").read_bytes()), "bytes", "png"),
        "compressed png": (_b64(rebaked((folder / "badge.png").read_bytes(), raw)), "bytes", "png"),
        "svg": (_b64(svg.encode("utf-8")), "bytes", "svg"),
        "svg with text": (as_text, "text", "svg"),
        "url": (BASE_URL + f"badges/{VALID}/credential.json", "text", "url"),
        "url of a png": (BASE_URL + f"badges/{VALID}/badge.png", "text", "url"),
    }
    for name, (source, kind, expected_source) in forms.items():
        got = tab.read(source, kind)
        assert got.get("credential") == expected and got.get("source") == expected_source, (name, got)


def test_read_credential_says_why_it_found_none(tab, baking):
    tab.host.folder = baking
    folder = baking / "badges" / VALID
    png = (folder / "badge.png").read_bytes()
    verify_only = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">'
                   f'<openbadges:credential verify="{BASE_URL}badges/{VALID}/credential.json"/></svg>')
    cases = {
        "not-json": ("{not json", "text"),
        "not-object": ("[1, 2]", "text"),
        "no-credential": (_b64(rebaked(png, None)), "bytes"),
        "fetch-failed": (BASE_URL + "badges/no-such-badge/credential.json", "text"),
        "unsupported": (_b64(b"\xff\xfe\x00binary"), "bytes"),
    }
    for code, (source, kind) in cases.items():
        got = tab.read(source, kind)
        assert got.get("error") == code, (code, got)
    tab.host.requests.clear()
    assert tab.read(verify_only, "text").get("error") == "no-credential"
    assert verifier_requests(tab.host.requests) == [], \
        "a verify attribute must not be followed"
    # The unbaked credential is the one the site published, so it verifies.
    got = tab.read(_b64(png), "bytes")
    result, _ = tab.verify(copy.deepcopy(got["credential"]), dt.datetime.now(dt.UTC))
    assert result["verdict"] == "valid", result
