"""The shipped Open Badges 3.0 AchievementCredential JSON Schema and its offline validator."""

import copy
import hashlib
import json
from importlib import resources

import jsonschema
import pytest
from referencing.exceptions import Unresolvable

from conftest import VENDOR
from generator.credentials import schemas
from generator.credentials.schemas import achievement_credential_validator, schema_problems

SCHEMAS = resources.files("generator") / "schemas"
SOURCES = json.loads((SCHEMAS / "sources.json").read_text(encoding="utf-8"))
REFERENCE = VENDOR / "schemas"  # the schema as 1EdTech publishes it (tests/vendor/schemas/sources.json)

CREDENTIAL = {
    "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    "id": "urn:uuid:2f1d3c4e-8a7b-4c1d-9e2f-0a1b2c3d4e5f",
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "issuer": {"id": "https://uni.example.org/mc/issuer.json", "type": ["Profile"]},
    "validFrom": "2026-01-15T10:00:00Z",
    "name": "Testing Things Well",
    "credentialSubject": {
        "type": ["AchievementSubject"],
        "identifier": [{
            "type": "IdentityObject",
            "identityType": "emailAddress",
            "hashed": True,
            "identityHash": "sha256$" + hashlib.sha256(b"a@example.orgpepper").hexdigest(),
            "salt": "pepper",
        }],
        "achievement": {
            "id": "https://uni.example.org/mc/achievements/testing-things/",
            "type": ["Achievement"],
            "name": "Testing Things Well",
            "description": "A short course about testing.",
            "criteria": {"narrative": "Pass the final assessment."},
        },
    },
}


def credential(**changes):
    doc = copy.deepcopy(CREDENTIAL)
    for key, value in changes.items():
        if value is None:
            del doc[key]
        else:
            doc[key] = value
    return doc


def test_sources_lists_the_shipped_schemas():
    assert [entry["file"] for entry in SOURCES] == [schemas.SCHEMA_FILE, schemas.ENDORSEMENT_SCHEMA_FILE]
    assert [entry["url"] for entry in SOURCES] == [schemas.SCHEMA_URL, schemas.ENDORSEMENT_SCHEMA_URL]
    for entry in SOURCES:
        assert set(entry) >= {"url", "file", "repository", "path", "commit", "sha256"}
        assert entry["repository"] == "1EdTech/openbadges-specification"
        assert len(entry["commit"]) == 40


@pytest.mark.parametrize("entry", SOURCES, ids=lambda e: e["file"])
def test_shipped_file_matches_digest(entry):
    data = (SCHEMAS / entry["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    assert schemas.schema_bytes(entry["file"]) == data


@pytest.mark.parametrize("entry", SOURCES, ids=lambda e: e["file"])
def test_shipped_file_equals_reference_copy(entry):
    shipped = json.loads((SCHEMAS / entry["file"]).read_text(encoding="utf-8"))
    reference = json.loads((REFERENCE / entry["file"]).read_text(encoding="utf-8"))
    assert shipped == reference


def test_schema_is_draft_2019_09_with_only_local_refs():
    schema = schemas.achievement_credential_schema()
    assert schema["$schema"].startswith("https://json-schema.org/draft/2019-09/schema")
    refs = []

    def walk(node):
        if isinstance(node, dict):
            refs.extend(v for k, v in node.items() if k in ("$ref", "$recursiveRef", "$dynamicRef"))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert refs and all(ref.startswith("#") for ref in refs)


def test_validator_is_cached_and_checks_formats():
    validator = achievement_credential_validator()
    assert validator is achievement_credential_validator()
    assert isinstance(validator, jsonschema.Draft201909Validator)
    assert validator.format_checker is not None


def test_minimal_credential_passes():
    assert schema_problems(credential()) == []


def test_minimal_credential_with_subject_id_passes():
    subject = {k: v for k, v in CREDENTIAL["credentialSubject"].items() if k != "identifier"}
    subject["id"] = "did:example:learner"
    assert schema_problems(credential(credentialSubject=subject)) == []


def test_type_as_a_string_is_reported_once():
    assert schema_problems(credential(type="OpenBadgeCredential")) == [
        "type: expected array, got 'OpenBadgeCredential'"
    ]


def test_a_wrong_kind_of_big_value_is_named_not_printed():
    doc = credential()
    doc["credentialSubject"]["identifier"] = doc["credentialSubject"]["identifier"][0]
    assert schema_problems(doc) == ["credentialSubject.identifier: expected array, got an object"]


def test_missing_valid_from_is_reported_at_the_root():
    assert schema_problems(credential(validFrom=None)) == ["$: 'validFrom' is a required property"]


def test_nested_problem_has_a_json_path():
    doc = credential()
    doc["credentialSubject"]["identifier"][0]["hashed"] = "yes"
    assert schema_problems(doc) == [
        "credentialSubject.identifier[0].hashed: expected boolean, got 'yes'"
    ]


def test_one_of_reports_the_relevant_branch():
    # issuer is a URI string or a Profile; an object without id is a bad Profile.
    assert schema_problems(credential(issuer={"type": ["Profile"]})) == [
        "issuer: 'id' is a required property"
    ]


def test_problems_are_sorted_and_capped():
    problems = schema_problems({})
    assert problems == sorted(problems)
    assert "$: 'credentialSubject' is a required property" in problems
    doc = credential()
    doc["credentialSubject"]["achievement"]["resultDescription"] = [{} for _ in range(30)]
    problems = schema_problems(doc)
    assert len(problems) == 21
    assert problems[:20] == sorted(problems[:20])
    assert problems[-1] == "... and 100 more"  # 30 entries x 4 missing required properties


def test_bad_date_time_is_a_format_problem():
    # jsonschema checks 'date-time' only with rfc3339-validator, a dependency of credsite.
    assert schema_problems(credential(validFrom="yesterday")) == [
        "validFrom: 'yesterday' is not a 'date-time'"
    ]


def test_validation_never_uses_the_network(no_network):
    achievement_credential_validator.cache_clear()
    schemas._fast_validator.cache_clear()
    schemas.achievement_credential_schema.cache_clear()
    assert schema_problems(credential()) == []
    assert schema_problems(credential(validFrom=None)) == ["$: 'validFrom' is a required property"]
    # A remote $ref is refused by the registry instead of being fetched.
    remote = achievement_credential_validator().evolve(
        schema={"$ref": "https://example.org/not-shipped.json"})
    with pytest.raises(Unresolvable):
        list(remote.iter_errors({}))
    assert no_network == []


# schema_problems asks jsonschema-rs first and the Python validator only for a
# failing credential; the two must agree on every verdict.
AGREEMENT_CASES = {
    "valid": {},
    "leap second": {"validFrom": "2016-12-31T23:59:60Z"},
    "lower-case t and z": {"validFrom": "2026-01-15t10:00:00z"},
    "no time zone": {"validFrom": "2026-01-15T10:00:00"},
    "impossible date": {"validFrom": "2026-02-30T10:00:00Z"},
    "offset without colon": {"validUntil": "2027-01-15T10:00:00+0100"},
    "number for a name": {"name": 7},
    "type without the credential type": {"type": ["VerifiableCredential"]},
    "issuer as a string": {"issuer": "https://uni.example.org/mc/issuer.json"},
    "issuer as a number": {"issuer": 3},
    "no subject": {"credentialSubject": None},
    "extra top-level member": {"somethingElse": {"a": 1}},
}


@pytest.mark.parametrize("changes", AGREEMENT_CASES.values(), ids=AGREEMENT_CASES.keys())
def test_fast_and_python_validators_agree(changes):
    doc = credential(**changes)
    python_says_valid = not list(achievement_credential_validator().iter_errors(doc))
    assert schemas._fast_validator().is_valid(doc) == python_says_valid
    assert (schema_problems(doc) == []) == python_says_valid


def test_a_disagreement_still_reports_the_credential(monkeypatch):
    # Should the Python validator ever find nothing where jsonschema-rs found a fault,
    # the fault is reported from jsonschema-rs rather than passed over.
    lenient = jsonschema.Draft201909Validator({})
    monkeypatch.setattr(schemas, "achievement_credential_validator", lambda: lenient)
    assert schema_problems(credential(validFrom=None)) == ['$: "validFrom" is a required property']
