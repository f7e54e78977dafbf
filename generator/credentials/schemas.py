"""The Open Badges 3.0 JSON Schemas credsite checks against, shipped and validated offline.

AchievementCredential (every issued credential) and EndorsementCredential (what an
outside body signs about a course version). The files in `generator/schemas/` are
the 1EdTech originals byte for byte (see `schemas/sources.json`). Every `$ref` in it points inside the file, and the
validator gets an explicit registry with no retrieval, so validating never
touches the network.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

import jsonschema
import jsonschema_rs
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT201909

SCHEMA_FILE = "ob_v3p0_achievementcredential_schema.json"
# The URL credentials name in credentialSchema.id; the file's own $id differs.
SCHEMA_URL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
ENDORSEMENT_SCHEMA_FILE = "ob_v3p0_endorsementcredential_schema.json"
ENDORSEMENT_SCHEMA_URL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json"

MAX_PROBLEMS = 20
MAX_MESSAGE = 200

_PLAIN_KEY = re.compile(r"^[A-Za-z_@$][A-Za-z0-9_@$-]*$")


def schema_bytes(name: str = SCHEMA_FILE) -> bytes:
    return (resources.files("generator") / "schemas" / name).read_bytes()


@cache
def achievement_credential_schema() -> dict:
    return json.loads(schema_bytes().decode("utf-8"))


@cache
def achievement_credential_validator() -> jsonschema.Draft201909Validator:
    """A draft 2019-09 validator, with format checking, for AchievementCredential / OpenBadgeCredential."""
    return _offline_validator(achievement_credential_schema(), SCHEMA_URL)


@cache
def endorsement_credential_validator() -> jsonschema.Draft201909Validator:
    """The same, for EndorsementCredential."""
    return _offline_validator(json.loads(schema_bytes(ENDORSEMENT_SCHEMA_FILE).decode("utf-8")),
                              ENDORSEMENT_SCHEMA_URL)


def _offline_validator(schema: dict, url: str) -> jsonschema.Draft201909Validator:
    jsonschema.Draft201909Validator.check_schema(schema)
    resource = Resource.from_contents(schema, default_specification=DRAFT201909)
    # Registry() without `retrieve` raises on any unknown URI instead of fetching it;
    # jsonschema adds its bundled meta-schemas. Both URLs resolve to the local file.
    registry = Registry().with_resources([(schema["$id"], resource), (url, resource)])
    return jsonschema.Draft201909Validator(
        schema, registry=registry, format_checker=jsonschema.FormatChecker()
    )


@cache
def _fast_validator() -> jsonschema_rs.Draft201909Validator:
    """The same schema in jsonschema-rs: a hundred times faster at saying "valid".

    Formats are checked by the very functions the Python validator uses, so both
    agree on what a date-time is; jsonschema-rs alone would also accept leap
    seconds (23:59:60), which rfc3339-validator rejects.
    """
    checker = jsonschema.FormatChecker()
    formats = {name: (lambda value, name=name: checker.conforms(value, name)) for name in ("date", "date-time")}
    return jsonschema_rs.Draft201909Validator(achievement_credential_schema(), formats=formats,
                                              validate_formats=True, offline=True)


def _json_path(parts) -> str:
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            path += f".{part}" if path else part
        else:
            path += f"[{json.dumps(part)}]"
    return path or "$"


def _most_relevant(error: ValidationError) -> ValidationError:
    # oneOf/anyOf report the whole instance "is not valid under any of the given
    # schemas"; the deepest best-matching sub-error says what actually is wrong.
    # Branches that merely reject the instance's type (issuer: "not of type
    # 'string'" when it is a Profile object) are passed over when others exist.
    while error.context:
        candidates = [e for e in error.context if not (e.validator == "type" and not e.relative_path)]
        error = best_match(candidates or error.context)
    return error


def _json_kind(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    return {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
            type(None): "null"}.get(type(value), type(value).__name__)


def _line(error: ValidationError) -> str:
    error = _most_relevant(error)
    message = " ".join(error.message.split())
    if error.validator == "type":  # jsonschema's message starts with the whole value, cut short
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        got = repr(error.instance)
        if isinstance(error.instance, (dict, list)) or len(got) > 60:
            got = _json_kind(error.instance)
        message = f"expected {' or '.join(map(str, expected))}, got {got}"
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 3] + "..."
    return f"{_json_path(error.absolute_path)}: {message}"


def schema_problems(document: dict) -> list[str]:
    """Every way `document` fails the OB 3.0 AchievementCredential schema, one short line each.

    Lines are "<json path>: <message>", sorted and de-duplicated; after 20 lines
    the rest is summarised as "... and N more".
    """
    if _fast_validator().is_valid(document):
        return []
    # Only an invalid credential pays for the Python validator, whose messages are clearer.
    lines = sorted({_line(e) for e in achievement_credential_validator().iter_errors(document)})
    if not lines:  # the two validators disagree: never let that pass silently
        lines = sorted({f"{_json_path(e.instance_path)}: {' '.join(e.message.split())[:MAX_MESSAGE]}"
                        for e in _fast_validator().iter_errors(document)})
    return _at_most(lines)


def endorsement_schema_problems(document: dict) -> list[str]:
    """schema_problems() for the OB 3.0 EndorsementCredential schema. A site holds a few endorsements, so
    the Python validator alone is fast enough."""
    return _at_most(sorted({_line(e) for e in endorsement_credential_validator().iter_errors(document)}))


def _at_most(lines: list[str]) -> list[str]:
    if len(lines) > MAX_PROBLEMS:
        return lines[:MAX_PROBLEMS] + [f"... and {len(lines) - MAX_PROBLEMS} more"]
    return lines
