"""Sign and verify N Open-Badge-sized credentials with eddsa-rdfc-2022 and time it.

    .venv/bin/python benchmarks/sign_verify.py [--n 200] [--credential content/issued/<id>.json]

Each credential is a realistic Open Badges 3.0 OpenBadgeCredential (VC 2.0 +
OB 3.0.3 contexts, issuer Profile, embedded Achievement with alignments,
hashed-email IdentityObject, status entry), or, with --credential, that
credential issued to N other learners (another id, status index, hash and
salt). A fresh Ed25519 key is made per run. Prints the first (warm-up) call
separately, then median and mean milliseconds per credential for sign and for
verify: on the fast path (the N-Quads template of the credentials' shape,
learned from the first two, generator/credentials/fast_rdf.py) and on the
reference path alone (pyld expansion, pyoxigraph RDFC-1.0), which every
credential took before the fast path. Both must give the same proofs.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from generator.credentials import fast_rdf, multikey, proofs  # noqa: E402

HOST = "https://badges.uni.example.org"
ISSUER = "did:web:badges.uni.example.org"


def credential(number: int) -> dict:
    """One OpenBadgeCredential as credsite issues it (types and proof as arrays)."""
    salt = uuid.UUID(int=number * 7919).hex
    email = f"learner{number}@student.example.org"
    course = f"{HOST}/courses/testing-things-well/2026.1"
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": f"urn:uuid:{uuid.UUID(int=number)}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Testing Things Well (4 EC microcredential)",
        "description": "Awarded for completing the microcredential Testing Things Well, "
                       "assessed by a supervised written exam.",
        "issuer": {
            "id": ISSUER,
            "type": ["Profile"],
            "name": "Test University",
            "url": "https://www.uni.example.org/",
            "email": "microcredentials@uni.example.org",
            "description": "Test University issues microcredentials for lifelong learners.",
            "image": {"id": f"{HOST}/static/logo.png", "type": "Image",
                      "caption": "Test University logo"},
            "address": {"type": ["Address"], "addressCountry": "Netherlands",
                        "addressCountryCode": "NL", "addressLocality": "Utrecht"},
        },
        "validFrom": "2026-01-15T09:00:00Z",
        "awardedDate": "2026-01-14T16:30:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{
                "type": "IdentityObject",
                "identityHash": "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest(),
                "identityType": "emailAddress",
                "hashed": True,
                "salt": salt,
            }],
            "activityEndDate": "2026-01-14T16:30:00Z",
            "achievement": {
                "id": f"{course}/achievement.json",
                "type": ["Achievement"],
                "achievementType": "MicroCredential",
                "name": "Testing Things Well",
                "description": "A short course about testing: write tests that can fail, "
                               "read a failing test calmly and fix the code, not the test.",
                "criteria": {
                    "id": f"{course}/",
                    "narrative": "# Learning outcomes\n\n1. Write tests that can fail.\n"
                                 "2. Read a failing test calmly.\n3. Fix the code, not the test.\n\n"
                                 "Assessed by a supervised written exam (ID checked); pass mark 5.5 of 10.",
                },
                "image": {"id": f"{course}/badge.png", "type": "Image",
                          "caption": "Badge: Testing Things Well"},
                "creditsAvailable": 4,
                "fieldOfStudy": "Software and applications development and analysis",
                "humanCode": "TTW-2026",
                "inLanguage": "en",
                "version": "2026.1",
                "tag": ["testing", "software quality", "microcredential"],
                "creator": {"id": ISSUER, "type": ["Profile"], "name": "Test University"},
                "alignment": [
                    {
                        "type": ["Alignment"],
                        "targetName": "EQF level 6",
                        "targetUrl": "https://europa.eu/europass/en/description-eight-eqf-levels",
                        "targetDescription": "European Qualifications Framework level 6",
                        "targetFramework": "European Qualifications Framework",
                        "targetCode": "6",
                        "targetType": "ext:EQFLevel",
                    },
                    {
                        "type": ["Alignment"],
                        "targetName": "Software and applications development and analysis",
                        "targetUrl": "https://www.unesco.org/en/isced-f-2013",
                        "targetFramework": "ISCED-F 2013",
                        "targetCode": "0613",
                        "targetType": "ext:ISCEDF",
                    },
                    {
                        "type": ["Alignment"],
                        "targetName": "test software",
                        "targetUrl": "http://data.europa.eu/esco/skill/7a1cd2e7-8a62-4a0d-a16b-5c1d4cc2d9cd",
                        "targetFramework": "ESCO",
                        "targetType": "ceasn:Competency",
                    },
                ],
            },
        },
        "credentialStatus": {
            "id": f"{HOST}/status/revocation.json#{number + 1000}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(number + 1000),
            "statusListCredential": f"{HOST}/status/revocation.json",
        },
    }


def for_learner(template: dict, number: int) -> dict:
    """`template` (a credential, its proof left out) as issued to learner `number`."""
    document = copy.deepcopy({key: value for key, value in template.items() if key != "proof"})
    document["id"] = f"urn:uuid:{uuid.UUID(int=number * 104729 + 1)}"
    subject = document.get("credentialSubject")
    for entry in subject.get("identifier", []) if isinstance(subject, dict) else []:
        if isinstance(entry, dict) and entry.get("hashed"):
            entry["salt"] = uuid.UUID(int=number * 7919).hex
            entry["identityHash"] = "sha256$" + hashlib.sha256(f"learner{number}{entry['salt']}".encode()).hexdigest()
    status = document.get("credentialStatus")
    if isinstance(status, dict) and isinstance(status.get("statusListCredential"), str):
        status["id"] = f"{status['statusListCredential']}#{number + 1000}"
        status["statusListIndex"] = str(number + 1000)
    return document


def reference_path():
    """The reference path alone: fast_rdf neither answers nor learns."""
    return mock.patch.multiple(fast_rdf, from_template=lambda shape, loader: None,
                               learn=lambda shape, document, loader, expected: None)


def timed(function: Callable, items: list) -> tuple[list, list[float]]:
    results, times = [], []
    for item in items:
        start = time.perf_counter()
        results.append(function(item))
        times.append((time.perf_counter() - start) * 1000)
    return results, times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="credentials to sign and verify (default 200)")
    parser.add_argument("--credential", type=Path,
                        help="a credential (JSON) to issue to N learners instead of the built-in one")
    args = parser.parse_args(argv)

    private = Ed25519PrivateKey.generate()
    public = private.public_key()
    vm = f"{ISSUER}#{multikey.public_to_multibase(public)}"
    keys = {vm: public}
    created = "2026-01-15T09:00:00Z"
    if args.credential:
        template = json.loads(args.credential.read_text(encoding="utf-8"))
        documents = [for_learner(template, i) for i in range(args.n + 1)]
    else:
        documents = [credential(i) for i in range(args.n + 1)]

    def sign(document: dict) -> dict:
        return proofs.sign_rdfc(document, private, vm, created)

    def verify(document: dict) -> None:
        result = proofs.verify(document, keys.get)
        assert result.ok, result.problems

    figures = {}
    for path, switch in (("fast", nullcontext), ("reference", reference_path)):
        with switch():
            start = time.perf_counter()
            first = sign(documents[0])
            warm_sign = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            verify(first)
            warm_verify = (time.perf_counter() - start) * 1000
            signed, sign_ms = timed(sign, documents[1:])
            _, verify_ms = timed(verify, signed)
        figures[path] = (warm_sign, warm_verify, signed, sign_ms, verify_ms)
    assert figures["fast"][2] == figures["reference"][2], "the fast path signed differently"

    signed = figures["fast"][2]
    size = len(json.dumps(signed[0], ensure_ascii=False).encode())
    what = args.credential.name if args.credential else "OpenBadgeCredentials"
    print(f"{args.n} {what}, {size:,} bytes each signed, eddsa-rdfc-2022 (fast path: the N-Quads template of their "
          "shape, blank nodes labelled by nquads_template; reference path: pyld expansion, pyoxigraph RDFC-1.0)")
    for path, (warm_sign, warm_verify, _, sign_ms, verify_ms) in figures.items():
        print(f"{path} path, first call (warm-up):  sign {warm_sign:7.2f} ms   verify {warm_verify:7.2f} ms")
        for label, values in (("sign", sign_ms), ("verify", verify_ms)):
            print(f"{path:<9} {label:<7} per credential: median {statistics.median(values):6.2f} ms   "
                  f"mean {statistics.mean(values):6.2f} ms   min {min(values):6.2f}   max {max(values):6.2f}")
    speedup = statistics.median(figures["reference"][4]) / statistics.median(figures["fast"][4])
    print(f"verify: the fast path takes 1/{speedup:.1f} of the reference path's time (medians)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
