"""Check one credential the way a verifier does, fully offline.

Six checks, each decided by one function here, each with its own result:
proof, issuer key, dates, status, the OB 3.0 JSON Schema, and contexts (every
@context URL is one that verifiers have).

Two callers share them:
- `credsite verify` (generator/commands/verify.py, through `check_credential`):
  any OB 3.0 credential whose issuer is a did:key, or a did:web whose site folder
  or built output is given; a `CredentialReport` with every check's result;
- the build (`signature_findings`, `state_findings`): only this site's DID counts,
  so it never publishes a credential another issuer signed.

What a check finds wrong is a Finding: its code decides the verdict (and the
build's fix), its message is what people read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.credentials import closed_world
from generator.credentials.did import DidResolver, KeyResolver
from generator.credentials.findings import Finding, Reason, messages
from generator.credentials.linked_data import LEGACY_EXTENSION_CONTEXT_URL
from generator.credentials.proofs import KeyLookup
from generator.credentials.proofs import verify as verify_proof
from generator.credentials.schemas import schema_problems
from generator.credentials.status_check import STATUS_FIX as STATUS_FIX
from generator.credentials.status_check import StatusLists, StatusLookup, read_entries
from generator.credentials.status_check import status_lookup_from_files as status_lookup_from_files
from generator.model import Verdict

# A check's status.
OK, FAILED, NOT_APPLICABLE, NOT_CHECKED = "ok", "failed", "not applicable", "not checked"
# The checks, in the order they are shown.
PROOF, ISSUER_KEY, DATES, STATUS, SCHEMA, CONTEXTS = "proof", "issuer key", "dates", "status", "schema", "contexts"
# Verdicts; a failed check decides one, and the most serious decides the credential's. NOT_CHECKED
# is the least: nothing was found wrong, but what proves it right was out of reach.
VALID, INVALID, REVOKED, SUSPENDED, NOT_YET_VALID, EXPIRED = (
    "valid", "invalid", "revoked", "suspended", "not yet valid", "expired")
_SERIOUSNESS = (INVALID, REVOKED, SUSPENDED, NOT_YET_VALID, EXPIRED, NOT_CHECKED)
REISSUE = "credsite reissue (see: credsite docs issuing '5. Reissue')"


@dataclass(frozen=True)
class Check:
    """One check of one credential: ok, failed, not applicable or not checked, and why."""

    name: str
    status: str
    detail: str = ""
    findings: tuple[Finding, ...] = ()

    @property
    def failed(self) -> bool:
        return self.status == FAILED


@dataclass(frozen=True)
class _Judged:
    """A check plus what its failure makes of the credential (a verdict) and the reasons the verdict shows."""

    check: Check
    outcome: str = ""  # "" when the check passed or does not apply
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class CredentialReport:
    """What `credsite verify` found out about one file."""

    path: Path
    verdict: Verdict
    readable: bool = True  # False: not a credential at all (the verdict says why); no check ran
    issuer_id: str = ""
    issuer_name: str = ""  # what the credential calls its issuer
    proof: Check = Check(PROOF, NOT_CHECKED)
    issuer_key: Check = Check(ISSUER_KEY, NOT_CHECKED)
    dates: Check = Check(DATES, NOT_CHECKED)
    status: Check = Check(STATUS, NOT_CHECKED)
    schema: Check = Check(SCHEMA, NOT_CHECKED)
    notes: tuple[str, ...] = ()
    contexts: Check = Check(CONTEXTS, NOT_CHECKED)
    site_names: tuple[str, ...] = ()  # what the --site that holds the issuer's DID calls it; () when none does

    @property
    def checks(self) -> tuple[Check, ...]:
        return (self.proof, self.issuer_key, self.dates, self.status, self.schema, self.contexts)

    @property
    def ok(self) -> bool:
        return self.verdict.ok

    @property
    def name_confirmed(self) -> bool:
        """A --site the user trusts gives the issuer the name the credential claims."""
        return bool(self.issuer_name) and self.issuer_name in self.site_names


# ---------------------------------------------------------------- small readers


def _moment(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else None


def _issuer_id(document: dict) -> str:
    issuer = document.get("issuer")
    value = issuer.get("id") if isinstance(issuer, dict) else issuer
    return value if isinstance(value, str) else ""


def _issuer_name(document: dict) -> str:
    issuer = document.get("issuer")
    name = issuer.get("name") if isinstance(issuer, dict) else None
    return name if isinstance(name, str) else ""


def _credential_id(document: object) -> str:
    value = document.get("id") if isinstance(document, dict) else None
    return value if isinstance(value, str) else ""


def _proofs(document: dict) -> list:
    proofs = document.get("proof")
    return [proofs] if isinstance(proofs, dict) else proofs if isinstance(proofs, list) else []


def _methods(document: dict) -> list[str]:
    """The verificationMethod of every proof that names one."""
    return [p["verificationMethod"] for p in _proofs(document)
            if isinstance(p, dict) and isinstance(p.get("verificationMethod"), str) and p["verificationMethod"]]


def _did_of(method_id: str) -> str:
    return method_id.split("#", 1)[0]


def _foreign_keys(issuer: str, methods: list[str], prefix: str = "") -> list[Finding]:
    """Proofs made with a key of another DID than the issuer's (a did:key proves nothing about a did:web)."""
    return [Finding(Reason.FOREIGN_KEY, f"{prefix}signed with {m}, a key that does not belong to the issuer {issuer}",
                    m) for m in dict.fromkeys(methods) if _did_of(m) != issuer]


def _proof_findings(findings: Sequence[Finding]) -> list[Finding]:
    return [f if f.message.startswith("proof") else Finding(f.code, f"proof: {f.message}", f.subject, f.brief)
            for f in findings]


def _out_of_reach(findings: Sequence[Finding]) -> bool:
    """Nothing wrong was found, only something needed was not at hand."""
    return bool(findings) and all(f.code in (Reason.ISSUER_UNRESOLVED, Reason.STATUS_UNAVAILABLE) for f in findings)


def _judged(name: str, findings: Sequence[Finding], outcome: str = INVALID,
            reasons: Sequence[str] | None = None) -> _Judged:
    """A check that found `findings`: FAILED, or NOT_CHECKED when all of them are only out of reach.

    `reasons` are what the verdict shows; the findings' messages unless given.
    """
    shown = messages(findings) if reasons is None else tuple(reasons)
    if _out_of_reach(findings):
        return _Judged(Check(name, NOT_CHECKED, "; ".join(messages(findings)), tuple(findings)), NOT_CHECKED, shown)
    return _Judged(Check(name, FAILED, "; ".join(messages(findings)), tuple(findings)), outcome, shown)


# ---------------------------------------------------------------- the six checks


def proof_check(document: dict, resolve_key: KeyLookup) -> _Judged:
    """Every proof (eddsa-rdfc-2022 or eddsa-jcs-2022) verifies with the key its verificationMethod names."""
    proofs, methods = _proofs(document), _methods(document)
    if proofs and len(methods) == len(proofs) and all(resolve_key(m) is None for m in methods):
        # Not the proof's fault: the issuer key check says why there is no key, and decides the verdict.
        return _Judged(Check(PROOF, NOT_CHECKED, f"no key to check it with: {', '.join(dict.fromkeys(methods))} "
                             "cannot be resolved (see issuer key)"), NOT_CHECKED)
    result = verify_proof(document, resolve_key)
    if not result.ok:
        return _judged(PROOF, _proof_findings(result.findings))
    done = [f"{p.get('cryptosuite')} by {p.get('verificationMethod')}" for p in proofs]
    return _Judged(Check(PROOF, OK, ("" if len(done) == 1 else f"all {len(done)} proofs verify: ") + "; ".join(done)))


def issuer_key_check(document: dict, dids: DidResolver, required: str = "") -> _Judged:
    """The issuer's keys can be found offline, and every proof is made with one of them."""
    issuer = _issuer_id(document)
    if not issuer:
        return _judged(ISSUER_KEY, [Finding(Reason.BAD_ISSUER, "the credential names no issuer: issuer.id is missing")],
                       reasons=("issuer.id: missing",))
    findings: list[Finding] = []
    unresolvable = dids.issuer_finding(issuer)
    if unresolvable:
        findings.append(unresolvable)
    if required and issuer != required:
        findings.append(Finding(Reason.WRONG_ISSUER, f"issued by {issuer}, not by {required} as --issuer requires",
                                issuer))
    methods = _methods(document)
    findings += _foreign_keys(issuer, methods)
    if not unresolvable:
        findings += [f for f in (dids.key_finding(m) for m in dict.fromkeys(methods) if _did_of(m) == issuer) if f]
    if findings:
        return _judged(ISSUER_KEY, findings)
    if not methods:
        return _Judged(Check(ISSUER_KEY, OK, "the issuer's DID resolves; no proof names a key"))
    whose = "the signing key is the issuer's" if len(set(methods)) == 1 else "the signing keys are the issuer's"
    return _Judged(Check(ISSUER_KEY, OK, f"{whose}: {dids.source(issuer)}"))


def dates_check(document: dict, now: dt.datetime) -> _Judged:
    """validFrom and validUntil are date-times with a time zone, and now lies between them."""
    valid_from, valid_until = _moment(document.get("validFrom")), _moment(document.get("validUntil"))

    def failed(code: Reason, outcome: str, detail: str, reason: str = "") -> _Judged:
        return _judged(DATES, [Finding(code, detail)], outcome, (reason or detail,))

    if valid_from is None:
        return failed(Reason.DATES, INVALID, "validFrom: missing or not a date-time with a time zone")
    if "validUntil" in document and valid_until is None:
        return failed(Reason.DATES, INVALID, "validUntil: not a date-time with a time zone")
    if valid_from > now:
        return failed(Reason.NOT_YET_VALID, NOT_YET_VALID, f"not yet valid: valid from {document['validFrom']}",
                      f"valid from {document['validFrom']}")
    if valid_until is not None and valid_until <= now:
        return failed(Reason.EXPIRED, EXPIRED, f"expired on {document['validUntil']}")
    until = f" until {document['validUntil']}" if valid_until is not None else ", with no end date"
    return _Judged(Check(DATES, OK, f"valid from {document['validFrom']}{until}"))


def status_check(document: dict, lookup: StatusLookup, reasons: dict[str, str] | None = None) -> _Judged:
    """Every BitstringStatusListEntry's bit, read from a status list whose own proof verifies."""
    statuses = document.get("credentialStatus")
    if statuses is None or statuses == []:
        return _Judged(Check(STATUS, NOT_APPLICABLE, "the credential has no credentialStatus; it cannot be revoked"))
    entries = read_entries(document, lookup)
    # A set bit is found wrong; a list out of reach only leaves the other entries open.
    if entries.findings and not (entries.flagged and _out_of_reach(entries.findings)):
        return _judged(STATUS, entries.findings)
    if entries.flagged:
        outcome = REVOKED if "revocation" in entries.flagged else SUSPENDED
        reason = (reasons or {}).get(_credential_id(document), "") if outcome == REVOKED else ""
        shown = (f"reason: {reason}",) if reason else ()
        code = Reason.REVOKED if outcome == REVOKED else Reason.SUSPENDED
        return _judged(STATUS, [Finding(code, outcome + (f" ({shown[0]})" if shown else ""))], outcome, shown)
    return _Judged(Check(STATUS, OK, "; ".join(entries.fine)))


def schema_check(document: dict) -> _Judged:
    """The OB 3.0 AchievementCredential JSON Schema."""
    problems = schema_problems(document)
    if problems:
        return _judged(SCHEMA, [Finding(Reason.SCHEMA, f"schema: {p}") for p in problems])
    return _Judged(Check(SCHEMA, OK, "matches the OB 3.0 AchievementCredential JSON Schema"))


def contexts_check(document: dict) -> _Judged:
    """Every @context URL is a standard one, which every verifier has (credsite's own terms travel inline).

    credsite's own checks can load a context the world cannot; this check says so
    instead of letting "valid" here stand against "invalid" everywhere else.
    """
    if "@context" not in document:
        return _judged(CONTEXTS, [Finding(Reason.CONTEXT, "@context is missing, so no verifier can tell what the "
                                          "credential's terms mean")])
    urls = list(dict.fromkeys(closed_world.context_urls(document)))
    if LEGACY_EXTENSION_CONTEXT_URL in urls:
        url = LEGACY_EXTENSION_CONTEXT_URL
        finding = Finding(Reason.CONTEXT, f"{url} is served nowhere, so no verifier can load it and every other "
                          f"verifier rejects this credential; its issuer can sign it again with {REISSUE}", url)
        return _judged(CONTEXTS, [finding], reasons=(f"contexts: no verifier can load {url}; its issuer can fix "
                                                      "that with credsite reissue",))
    unknown = [url for url in urls if url not in closed_world.standard_contexts()]
    if unknown:  # the proof check cannot load them either, and says so
        return _Judged(Check(CONTEXTS, NOT_CHECKED, f"{', '.join(unknown)}: not a standard context; credsite does "
                             "not fetch contexts, so whether verifiers can load it is not known"))
    inline = any(isinstance(c, dict) for c in _as_list(document.get("@context")))
    return _Judged(Check(CONTEXTS, OK, "only standard contexts, which every verifier has"
                         + ("; the rest is inline" if inline else "")))


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]


def _verdict(credential_id: str, judged: Sequence[_Judged], strict: bool = False) -> Verdict:
    """The most serious outcome of any check, with the reasons of the checks that led to it.

    `strict`: what could not be checked counts as invalid (the build has everything it needs).
    """
    judged = _strictly(judged) if strict else judged
    outcomes = [j.outcome for j in judged if j.outcome]
    if not outcomes:
        return Verdict(VALID, (), credential_id)
    worst = min(outcomes, key=_SERIOUSNESS.index)
    if worst == NOT_CHECKED:
        # One short reason: a status list is out of reach for the same reason as the issuer's keys.
        first = next((j for j in judged if j.outcome == NOT_CHECKED and j.check.findings), None)
        shown = tuple(dict.fromkeys(f.short for f in first.check.findings)) if first else ()
        return Verdict(NOT_CHECKED, shown, credential_id)
    return Verdict(worst, tuple(r for j in judged if j.outcome == worst for r in j.reasons), credential_id)


def _strictly(judged: Sequence[_Judged]) -> list[_Judged]:
    return [j if j.outcome != NOT_CHECKED else _Judged(j.check, INVALID, j.reasons) for j in judged]


# ---------------------------------------------------------------- the build: only this site's DID counts


def signature_findings(document: object, resolver: KeyResolver, check_schema: bool = True) -> tuple[Finding, ...]:
    """What is wrong with the credential itself: schema, issuer, proof. Empty when it is sound.

    The result depends only on the document and the DID document, so the build caches it.
    """
    if not isinstance(document, dict):
        return (Finding(Reason.NOT_JSON_OBJECT, "not a JSON object"),)
    findings = list(schema_check(document).check.findings) if check_schema else []
    issuer = _issuer_id(document)
    if issuer != resolver.did:
        # Only this site's DID counts: a did:key credential proves nothing about the institution.
        findings.append(Finding(Reason.WRONG_ISSUER,
                                f"issuer {issuer or '(none)'} is not this site's issuer {resolver.did}", issuer))
    result = verify_proof(document, resolver)
    findings += _proof_findings(result.findings)
    findings += _foreign_keys(issuer, result.verification_methods, "proof: ")
    return tuple(findings)


def check_signature(document: object, resolver: KeyResolver, check_schema: bool = True) -> tuple[str, ...]:
    """signature_findings as messages only, the shape build/issued.py has read so far."""
    return messages(signature_findings(document, resolver, check_schema))


def state_findings(document: dict, status_lookup: StatusLookup,
                   now: dt.datetime) -> tuple[Verdict, tuple[Finding, ...]]:
    """Validity dates and status of a credential whose signature is sound: the verdict, and the findings
    of the checks that decided it (none when it is valid)."""
    judged = _strictly([dates_check(document, now), status_check(document, status_lookup)])
    verdict = _verdict(_credential_id(document), judged)
    return verdict, tuple(f for j in judged if j.outcome == verdict.status for f in j.check.findings)


def check_state(document: dict, status_lookup: StatusLookup, now: dt.datetime) -> Verdict:
    return state_findings(document, status_lookup, now)[0]


# ---------------------------------------------------------------- credsite verify: every check of one credential


def check_credential(path: Path, document: object, dids: DidResolver, lists: StatusLists, now: dt.datetime,
                     required_issuer: str = "", reasons: dict[str, str] | None = None) -> CredentialReport:
    """Every check of one credential, each with its own result; the verdict is the most serious."""
    if not isinstance(document, dict):
        return CredentialReport(path, Verdict(INVALID, ("not a JSON object",)), readable=False)
    issuer = _issuer_id(document)
    judged = {
        PROOF: proof_check(document, dids),
        ISSUER_KEY: issuer_key_check(document, dids, required_issuer),
        DATES: dates_check(document, now),
        STATUS: status_check(document, lists.lookup_for(issuer), reasons),
        SCHEMA: schema_check(document),
        CONTEXTS: contexts_check(document),
    }
    notes: tuple[str, ...] = ()
    if dids.known and issuer and issuer not in dids.known and not judged[ISSUER_KEY].outcome:
        notes = (f"not this site's issuer: issued by {issuer}, not by {', '.join(dids.known)} (--site)",)
    known = dids.known.get(issuer)
    return CredentialReport(
        path, _verdict(_credential_id(document), list(judged.values())), issuer_id=issuer,
        issuer_name=_issuer_name(document), proof=judged[PROOF].check, issuer_key=judged[ISSUER_KEY].check,
        dates=judged[DATES].check, status=judged[STATUS].check, schema=judged[SCHEMA].check, notes=notes,
        contexts=judged[CONTEXTS].check, site_names=tuple(sorted(known.names)) if known else ())
