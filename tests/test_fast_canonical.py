"""The fast path (fast_rdf: N-Quads templates per document shape) gives the reference path's bytes and errors.

The reference is pyld's guarded expansion followed by pyoxigraph's RDFC-1.0
(canonical.reference_canonicalize). Every document here goes through both,
and through canonicalize(), which takes the fast path when it can and teaches
it each shape on its second sighting. The outcomes must be equal: the same
canonical N-Quads, or the same IntegrityError (problems and code). Where the
fast path answers, both of its ways of labelling blank nodes (its own RDFC-1.0
for the usual case, pyoxigraph's for the rest) must give those bytes too. Where
it declines, that is counted with its reason; for realistic credentials it must
almost never decline.

Documents: the W3C vc-di-eddsa vectors (tests/vendor/vc-di-eddsa, their test
contexts from tests/vendor/contexts), every credential in content/issued and
tests/fixtures with its proof configuration, credentials generated from those
for other learners, and seeded random mutations of all of them: keys dropped,
added and renamed, unknown terms, relative and malformed IRIs, odd types,
control characters, non-string values, nested objects, arrays and single
values swapped, language maps, value objects and changed contexts.
"""

from __future__ import annotations

import collections
import copy
import hashlib
import json
import random
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pyoxigraph
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from conftest import ROOT, VENDOR, read_json, vendor_sources
from generator.credentials import canonical, fast_rdf, linked_data, nquads_template, shapes
from generator.credentials.canonical import IntegrityError
from generator.credentials.multikey import did_key_verification_method
from generator.credentials.proofs import sign_rdfc, verify

VC_V2 = "https://www.w3.org/ns/credentials/v2"
EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2"
CITIZENSHIP = "https://w3id.org/citizenship/v4rc1"
VECTORS = VENDOR / "vc-di-eddsa"
CREATED = "2026-01-15T09:00:00Z"


# ---------------------------------------------------------------- comparing the two paths


class Tally:
    """How often the fast path answered, and why it declined when it did not."""

    def __init__(self) -> None:
        self.fast = 0
        self.by_pyoxigraph = 0  # fast-path answers whose blank nodes nquads_template left to pyoxigraph
        self.declined: collections.Counter[str] = collections.Counter()

    @property
    def total(self) -> int:
        return self.fast + sum(self.declined.values())

    def report(self, label: str) -> str:
        reasons = ", ".join(f"{n} {why}" for why, n in self.declined.most_common()) or "none"
        return (f"{label}: {self.fast} of {self.total} on the fast path ({self.by_pyoxigraph} labelled by "
                f"pyoxigraph); declined: {reasons}")


def outcome(function: Callable[[Any, Any], str], document: Any, loader) -> tuple:
    try:
        return ("canonical", function(document, loader))
    except IntegrityError as exc:
        return ("refused", tuple(exc.problems), exc.code)


def compare(document: Any, loader, tally: Tally, label: str = "") -> tuple:
    """Both paths on `document`, and canonicalize() itself; they must agree. Returns the outcome."""
    expected = outcome(canonical.reference_canonicalize, document, loader)
    fast = canonical.fast_canonicalize(document, loader)
    if fast is not None:
        tally.fast += 1
        assert expected == ("canonical", fast), f"{label}: the fast path differs from the reference"
        # Both ways of labelling the template's blank nodes, each on its own.
        shape = shapes.shape_of(document)
        template = fast_rdf.template_for(shape, loader) if shape is not None else None
        assert template is not None
        assert template.canonical_by(shape.leaves, pyoxigraph_only=True) == fast, label
        labelled = template.canonical_by(shape.leaves, pyoxigraph_only=False)
        assert labelled in (fast, None), f"{label}: nquads_template labels blank nodes otherwise than RDFC-1.0"
        tally.by_pyoxigraph += labelled is None
    else:
        tally.declined[decline_reason(document, loader)] += 1
    assert outcome(canonical.canonicalize, document, loader) == expected, f"{label}: canonicalize() differs"
    assert fast_rdf.mismatches(loader) == 0, f"{label}: a template did not reproduce its own document"
    return expected


def decline_reason(document: Any, loader) -> str:
    shape = shapes.shape_of(document)
    if shape is None:
        return "no shape (a control character, or not plain JSON)"
    if fast_rdf.template_for(shape, loader) is None:
        return "shape or fixed values not learned"
    return "a slot holds what the template cannot vouch for"


def learned(document: dict, loader) -> bool:
    """Show `document` twice, as a build would show two credentials of its shape; True when it was learned."""
    for _ in range(2):
        canonical.canonicalize(document, loader)
    return canonical.fast_canonicalize(document, loader) is not None


def unsecured(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "proof"}


def proof_configuration(document: dict, proof: dict) -> dict:
    """What eddsa-rdfc-2022 canonicalizes besides the document (cryptosuites.rdfc_hash_data)."""
    return {**{k: v for k, v in proof.items() if k != "proofValue"}, "@context": document.get("@context")}


# ---------------------------------------------------------------- documents


@pytest.fixture(scope="module")
def vector_loader():
    """One loader for the vectors' test-only contexts, kept for the module so its templates are kept too."""
    files = {entry["url"]: VENDOR / "contexts" / entry["file"] for entry in vendor_sources("contexts")}
    return linked_data.loader({url: json.loads(files[url].read_bytes()) for url in (EXAMPLES_V2, CITIZENSHIP)})


def vector_documents() -> list[tuple[str, dict]]:
    found = [(name, read_json(VECTORS / name)) for name in ("unsigned.json", "employmentAuth.json")]
    for folder in ("eddsa-rdfc-2022", "eddsa-rdfc-2022/employ"):
        found.append((f"{folder}/proofConfigDataInt.json", read_json(VECTORS / folder / "proofConfigDataInt.json")))
    for path in sorted(VECTORS.rglob("signed*.json")):
        document = read_json(path)
        name = str(path.relative_to(VECTORS))
        found.append((name, unsecured(document)))
        found.append((f"{name} with its proofs", document))  # a proof chain signs earlier proofs too
        proofs = document["proof"] if isinstance(document["proof"], list) else [document["proof"]]
        found += [(f"{name} proof {i}", proof_configuration(document, p)) for i, p in enumerate(proofs)]
    return found


def issued_documents() -> list[tuple[str, dict]]:
    """Every credential credsite published in content/issued and tests/fixtures, and its proof configuration."""
    paths = sorted((ROOT / "content/issued").glob("*.json")) + sorted((ROOT / "tests/fixtures").glob("*.json"))
    found = []
    for path in paths:
        document = read_json(path)
        if not isinstance(document.get("proof"), (list, dict)) or "@context" not in document:
            continue  # a signing key, not a credential
        proofs = document["proof"] if isinstance(document["proof"], list) else [document["proof"]]
        found.append((path.name, unsecured(document)))
        found += [(f"{path.name} proof", proof_configuration(document, p)) for p in proofs]
    return found


NAMES = ["Fatima Bakker", "Zoë Çelik", "Jan \"JJ\" Jansen", "O'Brien, Siobhán", "Łukasz Wąsik", "Nguyễn Thị Hà",
         "李小龙", "Ana\nMaria", "back\\slash", "Émile  Zola ", "👩‍🎓 Student", "x7credsiteslot0z"]


def for_learner(course: dict, rng: random.Random) -> dict:
    """`course` (an issued credential) as issued to another learner: what differs between credentials of a course."""
    document = copy.deepcopy(course)
    number = rng.randrange(1, 10**6)
    document["id"] = f"urn:uuid:{uuid.UUID(int=rng.getrandbits(128))}"
    day = f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    for key in ("validFrom", "awardedDate"):
        if key in document:
            document[key] = f"{day}T{rng.randrange(24):02d}:00:00Z"
    if "validUntil" in document and rng.random() < 0.2:
        del document["validUntil"]  # another shape
    subject = document.get("credentialSubject", {})
    for entry in subject.get("identifier", []):
        if entry.get("identityType") == "name":
            entry["identityHash"] = rng.choice(NAMES)
        elif entry.get("hashed"):
            salt = hashlib.sha256(str(number).encode()).hexdigest()[:32]
            entry["salt"] = salt
            entry["identityHash"] = "sha256$" + hashlib.sha256(f"learner{number}{salt}".encode()).hexdigest()
    for result in subject.get("result", []):
        result["value"] = rng.choice(["6", "7.5", "9", "10", "5,5"])
    status = document.get("credentialStatus")
    if isinstance(status, dict):
        status["id"] = status["statusListCredential"] + f"#{number}"
        status["statusListIndex"] = str(number)
    return document


# ---------------------------------------------------------------- mutations


def members(node: Any, skip_context: bool = True) -> Iterator[tuple[Any, Any]]:
    """(container, key or index) for every member and item, outside @context."""
    if isinstance(node, dict):
        for key, value in node.items():
            if skip_context and key == "@context":
                continue
            yield node, key
            yield from members(value, skip_context)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield node, index
            yield from members(value, skip_context)


def string_leaves(document: dict) -> list[tuple[Any, Any]]:
    return [(c, k) for c, k in members(document) if isinstance(c[k], str)]


def objects(document: dict) -> list[dict]:
    return [document] + [c[k] for c, k in members(document) if isinstance(c[k], dict)]


IRIS = ["https://example.org/other", "https://example.org/a b", "https://example.org/%zz", "https://example.org/%41",
        "https://exa mple.org/", "https://example.org/<x>", "https://[::1]/x", "https://[bad/", "https://a:xx/",
        "https://example.org/é/ü", "https://example.org/#f#g", "https://example.org/x\n", "https://example.org/\ufffe",
        "urn:uuid:00000000-0000-4000-8000-000000000000", "urn:x:%", "did:web:example.org", "did:example:1",
        "http://example.org/../a", "https:/no-authority", "https:relative", "mailto:a@example.org", "tag:x,2026:y",
        "relative/path", "#fragment", "//host/path", "_:b0", "_:", "@id", "@vocab", "ex:thing", "xsd:string",
        "HTTPS://EXAMPLE.ORG/", "http://example.org/\u200b", "javascript:alert(1)", "a:", ":nothing"]
TEXTS = NAMES + ["", " ", "plain", "with \"quotes\"", "tab\there", "bell\x07", "del\x7f", "nul\x00", "cr\r\n",
                 "\u2028line\u2029", "nbsp\u00a0here", "\ufeffbom", "\ud83d\ude00 pair", "lone \ud800", "🎓",
                 "\\u0041 escaped", "\"\"\"", "@not-a-keyword", "{\"json\": 1}", "2026-01-15T09:00:00Z", "3.14",
                 "true", "x7credsiteslot5z", "https://x7credsiteslot1z"]
KEYS = ["name", "description", "id", "type", "notATerm", "https://example.org/p", "ex:p", "@id", "@type",
        "@language", "@index", "@value", "@graph", "achievementType", "narrative", "image", "tag", "@direction",
        "@reverse", "@nest", "@included", "creditsAvailable", "nmae"]
VALUES = [1, 0, -7, 2.5, 6.0, 1e300, True, False, None, {}, [], ["a", "b"], [[1]], {"@value": "v", "@language": "en"},
          {"@value": "5", "@type": "http://www.w3.org/2001/XMLSchema#integer"}, {"@value": "x", "@type": "@json"},
          {"@id": "https://example.org/node"}, {"id": "https://example.org/n", "type": "Image", "caption": "c"},
          {"en": "English", "nl": "Nederlands"}, {"@list": ["a", "b"]}, {"@set": ["a"]}, {"type": "OddType"},
          {"name": "no type"}, {"@value": "x", "@direction": "ltr"}]
TYPES = ["OddType", "https://example.org/Type", "Achievement", "Profile", "ex:Type", "_:b1", "@json", "relative/T",
         "VerifiableCredential", "MicroCredentialAchievement"]
CONTEXTS: list[Any] = ["https://example.org/unknown-context", linked_data.LEGACY_EXTENSION_CONTEXT_URL,
                       {"@vocab": "https://example.org/vocab#"}, {"ex": "https://example.org/"},
                       {"urn": "https://example.org/urn-as-prefix/", "@protected": False},
                       {"@base": "https://example.org/base/"}, {"name": "https://example.org/name"},
                       {"notATerm": {"@id": "https://example.org/nat", "@type": "@id"}}, {"@language": "nl"},
                       {"extra": {"@id": "https://example.org/extra", "@container": "@language"}},
                       "https://w3id.org/security/data-integrity/v2", VC_V2]


def change_string(document: dict, rng: random.Random) -> None:
    """A string leaf gets another string: the shape stays, so this tests the slots."""
    leaves = string_leaves(document)
    if leaves:
        container, key = rng.choice(leaves)
        container[key] = replacement(container[key], rng)


def replacement(old: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35 and ":" in old:  # an IRI of the same scheme, mostly
        scheme, rest = old.split(":", 1)
        return rng.choice([f"{scheme}:{rest}x", f"{scheme}://other.example/{rng.randrange(99)}",
                           f"{scheme}:no-slashes-{rng.randrange(99)}", f"{scheme}:{rest}{rng.choice(TEXTS)}"] + IRIS)
    if roll < 0.6:
        return rng.choice(TEXTS)
    if roll < 0.8:
        return old + rng.choice(TEXTS)
    return rng.choice(IRIS + TEXTS)


def drop_key(document: dict, rng: random.Random) -> None:
    candidates = [(c, k) for c, k in members(document) if isinstance(c, dict)]
    if candidates:
        container, key = rng.choice(candidates)
        del container[key]


def add_key(document: dict, rng: random.Random) -> None:
    target = rng.choice(objects(document))
    target[rng.choice(KEYS)] = rng.choice([rng.choice(TEXTS), rng.choice(IRIS), copy.deepcopy(rng.choice(VALUES))])


def rename_key(document: dict, rng: random.Random) -> None:
    candidates = [(c, k) for c, k in members(document) if isinstance(c, dict)]
    if candidates:
        container, key = rng.choice(candidates)
        container[rng.choice([key + "x", key.upper(), rng.choice(KEYS)])] = container.pop(key)


def change_value(document: dict, rng: random.Random) -> None:
    candidates = list(members(document))
    if candidates:
        container, key = rng.choice(candidates)
        container[key] = copy.deepcopy(rng.choice(VALUES))


def swap_array(document: dict, rng: random.Random) -> None:
    """A single value becomes an array of one, or an array of one a single value."""
    candidates = list(members(document))
    if candidates:
        container, key = rng.choice(candidates)
        value = container[key]
        container[key] = value[0] if isinstance(value, list) and len(value) == 1 else [value]


def change_type(document: dict, rng: random.Random) -> None:
    target = rng.choice(objects(document))
    types = target.get("type")
    had = types if isinstance(types, list) else [types] if types is not None else []
    target["type"] = rng.choice([rng.choice(TYPES), [rng.choice(TYPES)], had + [rng.choice(TYPES)], had[1:]])


def change_context(document: dict, rng: random.Random) -> None:
    context = document.get("@context")
    entries = list(context) if isinstance(context, list) else [context]
    roll = rng.random()
    if roll < 0.3 and len(entries) > 1:
        entries.pop(rng.randrange(len(entries)))
    elif roll < 0.45:
        rng.shuffle(entries)
    elif roll < 0.5:
        document.pop("@context")
        return
    else:
        entries.insert(rng.randrange(len(entries) + 1), copy.deepcopy(rng.choice(CONTEXTS)))
    document["@context"] = entries if len(entries) != 1 or rng.random() < 0.5 else entries[0]


def reorder(document: dict, rng: random.Random) -> None:
    target = rng.choice(objects(document))
    items = list(target.items())
    rng.shuffle(items)
    target.clear()
    target.update(items)


def control_in_key(document: dict, rng: random.Random) -> None:
    candidates = [(c, k) for c, k in members(document) if isinstance(c, dict)]
    if candidates:
        container, key = rng.choice(candidates)
        container[key + rng.choice(["\t", "\x00", "\x7f", "\r"])] = container.pop(key)


STRUCTURAL = [drop_key, add_key, rename_key, change_value, swap_array, change_type, change_context, reorder,
              control_in_key]


def mutated(document: dict, rng: random.Random, steps: int = 1, structural: bool = True) -> dict:
    document = copy.deepcopy(document)
    for _ in range(steps):
        operation = rng.choice(STRUCTURAL) if structural and rng.random() < 0.6 else change_string
        operation(document, rng)
    return document


# ---------------------------------------------------------------- the tests


def test_w3c_vectors_byte_for_byte_on_both_paths(vector_loader):
    tally = Tally()
    for name, document in vector_documents():
        learned(document, vector_loader)
        compare(document, vector_loader, tally, name)
    for folder, unsigned in (("eddsa-rdfc-2022", "unsigned.json"), ("eddsa-rdfc-2022/employ", "employmentAuth.json")):
        expected = (VECTORS / folder / "canonDocDataInt.txt").read_bytes().decode("utf-8")
        assert canonical.fast_canonicalize(read_json(VECTORS / unsigned), vector_loader) == expected
        proof = (VECTORS / folder / "proofCanonDataInt.txt").read_bytes().decode("utf-8")
        assert canonical.fast_canonicalize(read_json(VECTORS / folder / "proofConfigDataInt.json"),
                                           vector_loader) == proof
    print(tally.report("W3C vectors"))
    assert tally.fast == tally.total  # each was shown twice first


def test_w3c_vectors_mutated(vector_loader):
    documents = [document for _, document in vector_documents()]
    for document in documents:  # the vectors' own shapes first, as a build meets its credentials before variants
        learned(document, vector_loader)
    shapes_seen, slots = mutations(documents, vector_loader, random.Random(1901), rounds=120, label="W3C")
    print(shapes_seen.report("mutated W3C vectors"))
    print(slots.report("string changes to learned mutants of W3C vectors"))
    assert slots.total >= 100 and slots.fast >= 0.3 * slots.total


def mutations(sources: list[dict], loader, rng: random.Random, rounds: int, label: str,
              make: Callable[[random.Random], dict] | None = None) -> tuple[Tally, Tally]:
    """Structural mutations make new shapes, learned when seen twice; string changes to those probe their slots."""
    tally, slots = Tally(), Tally()
    for round_ in range(rounds):
        base = make(rng) if make is not None and round_ % 3 == 0 else rng.choice(sources)
        changed = mutated(base, rng, steps=rng.randrange(1, 4))
        result = compare(changed, loader, tally, f"{label} #{round_}")
        if result[0] == "canonical" and learned(changed, loader):
            for probe in range(3):
                compare(mutated(changed, rng, structural=False, steps=rng.randrange(1, 3)), loader, slots,
                        f"{label} #{round_}.{probe}")
    assert tally.total == rounds
    return tally, slots


def test_issued_credentials_and_their_proofs():
    loader = linked_data.loader()
    first, tally = Tally(), Tally()
    for name, document in issued_documents():
        compare(document, loader, first, name + " (first sighting)")
        assert learned(document, loader), name
        compare(document, loader, tally, name)
    print(first.report("content/issued and tests/fixtures, first sighting"))
    assert tally.fast == tally.total


def test_credentials_for_other_learners_take_the_fast_path():
    """Realistic credentials: the courses of content/issued, issued to generated learners."""
    loader = linked_data.loader()
    rng = random.Random(19)
    courses = [document for name, document in issued_documents() if "proof" not in name]
    tally = Tally()
    for number in range(360):
        document = for_learner(courses[number % len(courses)], rng)
        compare(document, loader, tally, f"learner {number}")
        proof = {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": document["validFrom"],
                 "verificationMethod": f"{document['issuer']['id']}#key-{number % 3}",
                 "proofPurpose": "assertionMethod"}
        compare(proof_configuration(document, proof), loader, tally, f"learner {number} proof")
    print(tally.report("generated credentials"))
    # Each shape is learned at its second sighting; the rest of a course's credentials hit.
    assert tally.fast >= 0.9 * tally.total


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_mutated_credentials(seed):
    loader = linked_data.loader()
    courses = [document for name, document in issued_documents() if "proof" not in name]
    tally, slots = mutations([document for _, document in issued_documents()], loader, random.Random(seed),
                             rounds=90, label=f"seed {seed}", make=lambda rng: for_learner(rng.choice(courses), rng))
    print(tally.report(f"mutated credentials (seed {seed})"))
    print(slots.report(f"string changes to learned mutants (seed {seed})"))
    assert slots.total >= 30 and slots.fast >= 0.25 * slots.total


def test_string_changes_of_issued_credentials():
    """One shape, many strings: string leaves of every issued credential changed one at a time."""
    loader = linked_data.loader()
    rng = random.Random(7)
    tally = Tally()
    for name, document in issued_documents():
        learned(document, loader)
        count = len(string_leaves(document))
        for index in sorted(rng.sample(range(count), min(count, 70))):
            changed = copy.deepcopy(document)
            container, key = string_leaves(changed)[index]
            container[key] = replacement(container[key], rng)
            compare(changed, loader, tally, f"{name} leaf {index}")
    print(tally.report("string changes of issued credentials"))
    assert tally.total >= 500 and tally.fast >= 0.4 * tally.total


def test_control_characters_give_the_same_errors_on_a_learned_shape():
    loader = linked_data.loader()
    name, document = issued_documents()[0]
    assert learned(document, loader)
    for char in ("\t", "\r", "\x00", "\x08", "\x1f", "\x7f"):
        changed = copy.deepcopy(document)
        changed["name"] = f"a{char}b"
        changed["credentialSubject"]["achievement"]["tag"][0] += char
        expected = outcome(canonical.reference_canonicalize, changed, loader)
        assert expected[0] == "refused" and len(expected[1]) == 2 and "U+" in expected[1][0]
        assert outcome(canonical.canonicalize, changed, loader) == expected
        assert canonical.fast_canonicalize(changed, loader) is None
        with pytest.raises(IntegrityError) as caught:  # as for a proof configuration: paths begin "proof."
            canonical.canonicalize(changed, loader, "proof.")
        assert caught.value.problems[0].startswith("proof.name: ")


def test_a_value_json_ld_reads_is_fixed_and_a_new_one_goes_the_reference_way():
    """creditSystem is coerced against a vocabulary: another value is another term, so the template does not apply."""
    loader = linked_data.loader()
    name, document = issued_documents()[0]
    assert learned(document, loader)
    changed = copy.deepcopy(document)
    changed["credentialSubject"]["achievement"]["creditSystem"] = "https://example.org/credits"
    assert canonical.fast_canonicalize(changed, loader) is None
    assert "https://example.org/credits" in canonical.canonicalize(changed, loader)
    prefixed = copy.deepcopy(document)
    prefixed["@context"] = prefixed["@context"] + [{"urn": "https://example.org/urn-prefix/"}]
    assert learned(prefixed, loader)  # "urn" now a prefix term: urn:uuid:... ids are expanded, a new template
    assert "https://example.org/urn-prefix/uuid:" in canonical.fast_canonicalize(prefixed, loader)


def test_shapes_list_leaves_in_the_order_marked_puts_them_back():
    for _, document in issued_documents() + vector_documents():
        shape = shapes.shape_of(document)
        assert shape is not None
        assert shapes.marked(document, iter(shape.leaves)) == document
    assert shapes.shape_of({"a": (1, 2)}) is None and shapes.shape_of({1: "a"}) is None
    assert shapes.shape_of({"a": "b\tc"}) is None and shapes.shape_of({"a\x00": "b"}) is None
    keys = [shapes.shape_of(document).key for document in (  # type: ignore[union-attr]
        {"a": 1}, {"a": 1.0}, {"a": True}, {"a": None}, {"a": "1"}, {"a": ["1"]}, {"a": {"b": "1"}},
        {"a": "x", "b": "y"}, {"a": ["x", "y"]}, {"@context": "x", "a": "y"}, {"@context": ["x"], "a": "y"})]
    assert len(set(keys)) == len(keys)


# ---------------------------------------------------------------- signing and verifying


@pytest.fixture
def reference_only(monkeypatch):
    """canonicalize() without the fast path, as before it existed."""
    def switch_off():
        monkeypatch.setattr(fast_rdf, "from_template", lambda shape, loader: None)
        monkeypatch.setattr(fast_rdf, "learn", lambda shape, document, loader, expected: None)
    return switch_off


def test_signing_and_verdicts_are_the_same_on_both_paths(reference_only):
    key = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"test_fast_canonical").digest())
    method = did_key_verification_method(key.public_key())
    resolve = {method: key.public_key()}.get
    rng = random.Random(23)
    courses = [document for name, document in issued_documents() if "proof" not in name]
    documents = [for_learner(courses[n % len(courses)], rng) for n in range(60)]
    fast_signed = [sign_rdfc(d, key, method, CREATED) for d in documents]
    tampered = [mutated(d, rng, steps=rng.randrange(1, 3)) for d in fast_signed for _ in range(2)]
    for document in tampered:
        document.setdefault("proof", fast_signed[0]["proof"])
    fast_verdicts = [verify(d, resolve).findings for d in fast_signed + tampered]
    fast_share = sum(canonical.fast_canonicalize(unsecured(d), linked_data.loader()) is not None for d in fast_signed)

    reference_only()
    assert [sign_rdfc(d, key, method, CREATED) for d in documents] == fast_signed
    assert [verify(d, resolve).findings for d in fast_signed + tampered] == fast_verdicts
    assert all(not findings for findings in fast_verdicts[:len(fast_signed)])
    assert any(findings for findings in fast_verdicts[len(fast_signed):])
    assert fast_share >= 0.9 * len(fast_signed)


def test_a_context_changed_in_place_after_a_verification_is_read_anew():
    """A verification writes the document's @context out once for the document and its proof's options (the same
    object: shapes.Inlined). The next verification of that very object, changed in place meanwhile, must see the
    change: a term of the inline context pointed elsewhere breaks the signature."""
    key = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"context changed in place").digest())
    method = did_key_verification_method(key.public_key())
    resolve = {method: key.public_key()}.get
    rng = random.Random(5)
    course = next(document for name, document in issued_documents() if "proof" not in name
                  and any(isinstance(c, dict) for c in document["@context"]))
    signed = [sign_rdfc(for_learner(course, rng), key, method, CREATED) for _ in range(3)]  # the shape is learned
    assert all(not verify(document, resolve).findings for document in signed)
    document = signed[-1]
    inline = next(c for c in document["@context"] if isinstance(c, dict))
    term = next(name for name, value in inline.items() if isinstance(value, dict) and "@id" in value)
    inline[term]["@id"] = "https://example.org/elsewhere#" + term  # in place: the same list and dict objects
    found = verify(document, resolve).findings
    assert found and any(f.code.name == "BAD_SIGNATURE" for f in found), found


def test_the_node_cache_tells_a_surrogate_pair_from_the_character_it_encodes():
    """Found here: linked_data's node cache kept nodes as ASCII JSON, whose \\u escapes read two surrogates
    back as one character; the reference path then named no field in its problem."""
    from pyld import jsonld

    loader = linked_data.loader()
    for name in ("x\ud83d\ude00", "x😀"):
        document = {"@context": [VC_V2, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                    "type": ["VerifiableCredential", "OpenBadgeCredential"], "issuer": "https://uni.example.org/i",
                    "credentialSubject": {"type": ["AchievementSubject"], "achievement": {
                        "id": "https://uni.example.org/a/surrogates", "type": ["Achievement"], "name": name}}}
        plain = jsonld.expand(copy.deepcopy(document), {"documentLoader": loader, "base": None})
        for _ in range(2):  # the second time from the cache
            assert linked_data.expand(copy.deepcopy(document), loader) == plain


def test_blank_nodes_alike_with_blank_neighbours_are_labelled_by_pyoxigraph():
    """Issuer and creator are one DID, each with the same address holding a geo point: two address nodes with
    one first-degree hash and blank node neighbours, which RDFC-1.0 tells apart by its n-degree hashes."""
    loader = linked_data.loader()
    rng = random.Random(5)
    name, course = issued_documents()[0]
    address = {"type": ["Address"], "addressLocality": "Utrecht",
               "geo": {"type": "GeoCoordinates", "latitude": 52.09, "longitude": 5.12}}
    course = copy.deepcopy(course)
    course["issuer"]["address"] = copy.deepcopy(address)
    course["credentialSubject"]["achievement"]["creator"]["address"] = copy.deepcopy(address)
    tally = Tally()
    for number in range(16):
        compare(for_learner(course, rng), loader, tally, f"{name} with geo points, learner {number}")
    print(tally.report("blank nodes alike"))
    assert tally.fast >= 10 and tally.by_pyoxigraph == tally.fast


def test_slots_are_escaped_as_pyoxigraph_writes_literals():
    """Every character a shape can hold (no control character but the line feed), against pyoxigraph itself."""
    allowed = [chr(c) for c in range(0x20, 0x110000) if not 0xD800 <= c <= 0xDFFF and c != 0x7F] + ["\n"]
    for start in range(0, len(allowed), 8192):
        text = "".join(allowed[start:start + 8192])
        assert str(pyoxigraph.Literal(text)) == f'"{nquads_template.literal_text(text)}"'
