/*
 * The five checks of one credential, each with its own result, as
 * generator/credentials/verification.py decides them for `credsite verify`:
 * the same statuses, the same codes (findings.py's Reason values), the same
 * verdict. Where the browser's world differs from the command line's (it
 * fetches DID documents and status lists instead of reading a --site folder),
 * "could not fetch" plays the part of "not at hand offline": not checked,
 * never ok.
 *
 * Each check returns {check, status, code, message, detail}.
 */

import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {createVerifyCryptosuite as eddsaJcs2022} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';

import {contextUrls, isStandardContext} from './contexts.mjs';
import {didMethod, didOf, didWebLocation} from './loader.mjs';

export const OK = 'ok';
export const FAILED = 'failed';
export const NOT_APPLICABLE = 'not applicable';
export const NOT_CHECKED = 'not checked';

export const PROOF = 'proof';
export const ISSUER_KEY = 'issuer key';
export const DATES = 'dates';
export const STATUS = 'status';
export const CONTEXTS = 'contexts';

const RDFC = 'eddsa-rdfc-2022';
const JCS = 'eddsa-jcs-2022';
// credsite's own context URL of old; served nowhere, so it fails instead of being "unknown".
const LEGACY_EXTENSION_CONTEXT_URL = 'https://w3id.org/credsite/ns/v1';
// Findings that only say something needed was out of reach (verification.py's _out_of_reach).
const OUT_OF_REACH = new Set(['issuer-unresolved', 'status-unavailable']);

// ---------------------------------------------------------------- small readers

const isObject = value => value !== null && typeof value === 'object' && !Array.isArray(value);
const unique = values => [...new Set(values)];

export function issuerId(credential) {
  const issuer = credential.issuer;
  const id = isObject(issuer) ? issuer.id : issuer;
  return typeof id === 'string' ? id : '';
}

function proofList(credential) {
  const proofs = credential.proof;
  return isObject(proofs) ? [proofs] : Array.isArray(proofs) ? proofs : [];
}

/** The verificationMethod of every proof that names one. */
function methodsOf(credential) {
  return proofList(credential).filter(p => isObject(p) && typeof p.verificationMethod === 'string' &&
    p.verificationMethod).map(p => p.verificationMethod);
}

function result(check, status, code, message, detail) {
  return {check, status, code, message, detail};
}

/** A check that found something: not checked when every finding is only out of reach, else failed. */
function judged(check, findings, detail) {
  const reachable = findings.filter(f => !OUT_OF_REACH.has(f.code));
  const status = reachable.length ? FAILED : NOT_CHECKED;
  return result(check, status, (reachable[0] ?? findings[0]).code, findings.map(f => f.message).join('; '), detail);
}

/** Every message of a (nested) error from the libraries, on one line. */
export function describe(error) {
  const messages = [];
  const walk = (e, depth) => {
    if(!e || depth > 4) {
      return;
    }
    if(Array.isArray(e)) {
      e.forEach(item => walk(item, depth + 1));
      return;
    }
    const event = e.details?.event;
    let message = e.message ? String(e.message) : String(e);
    if(event?.message) {
      // jsonld.js safe mode names what it would lose only in the event.
      message += ` (${event.message}${event.details?.property ? ': ' + event.details.property : ''})`;
    }
    if(!messages.some(m => m.includes(message))) {
      messages.push(message);
    }
    walk(e.cause, depth + 1);
    walk(e.errors, depth + 1);
  };
  walk(error, 0);
  return messages.join('; ');
}

// ---------------------------------------------------------------- dates

// A date-time with a time zone, as Python's datetime.fromisoformat reads them and
// verification.py demands (a time zone is required).
const DATE_TIME = new RegExp('^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?' +
  '(Z|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2}(?:\\.\\d{1,6})?)?)?)$');

/** The moment `value` names, or null when it is not a date-time with a time zone. */
export function moment(value) {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if(!match) {
    return null;
  }
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone] = match;
  const ms = Number((fraction + '000').slice(0, 3));
  const utc = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, ms);
  const date = new Date(utc);
  // Date.UTC rolls 31 February over into March; a real date-time stays as written.
  if(date.getUTCFullYear() !== +year || date.getUTCMonth() !== +month - 1 || date.getUTCDate() !== +day ||
    +hour > 23 || +minute > 59 || +second > 59) {
    return null;
  }
  if(zone === 'Z') {
    return utc;
  }
  const digits = zone.slice(1).replace(/:/g, '');
  const offset = (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || 0) * 60 +
    Number(digits.slice(4) || 0)) * 1000;
  if(Number(digits.slice(0, 2)) > 23 || Number(digits.slice(2, 4) || 0) > 59) {
    return null;
  }
  return zone[0] === '+' ? utc - offset : utc + offset;
}

// An XML Schema 1.1 dateTime, its time zone optional (cryptosuites.py's valid_datetime).
const XSD_DATE_TIME = new RegExp('^-?\\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:' +
  '[0-5]\\d(\\.\\d+)?(Z|[+-](0\\d|1[0-3]):[0-5]\\d|[+-]14:00)?$');

function xsdDateTime(value) {
  if(typeof value !== 'string' || !XSD_DATE_TIME.test(value)) {
    return false;
  }
  // The calendar day must exist; a date-time without a zone is checked as if in UTC.
  return !/^\d{4}-/.test(value) || moment(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : value + 'Z') !== null;
}

export function datesCheck(credential, now) {
  const validFrom = credential.validFrom;
  const validUntil = credential.validUntil;
  const detail = {validFrom: typeof validFrom === 'string' ? validFrom : '',
    validUntil: typeof validUntil === 'string' ? validUntil : '', now: new Date(now).toISOString()};
  const from = moment(validFrom);
  const until = moment(validUntil);
  const failed = (code, message) => result(DATES, FAILED, code, message, detail);
  if(from === null) {
    return failed('dates', 'validFrom: missing or not a date-time with a time zone');
  }
  if('validUntil' in credential && until === null) {
    return failed('dates', 'validUntil: not a date-time with a time zone');
  }
  if(from > now) {
    return failed('not-yet-valid', `not yet valid: valid from ${validFrom}`);
  }
  if(until !== null && until <= now) {
    return failed('expired', `expired on ${validUntil}`);
  }
  const end = until !== null ? ` until ${validUntil}` : ', with no end date';
  return result(DATES, OK, '', `valid from ${validFrom}${end}`, detail);
}

// ---------------------------------------------------------------- contexts

export function contextsCheck(credential) {
  if(!('@context' in credential)) {
    return result(CONTEXTS, FAILED, 'context', '@context is missing, so no verifier can tell what the ' +
      "credential's terms mean", {unknown: []});
  }
  const unknown = unique(contextUrls(credential)).filter(url => !isStandardContext(url));
  if(unknown.includes(LEGACY_EXTENSION_CONTEXT_URL)) {
    return result(CONTEXTS, FAILED, 'context', `${LEGACY_EXTENSION_CONTEXT_URL} is served nowhere, so no ` +
      'verifier can load it; its issuer can sign the credential again with credsite reissue', {unknown});
  }
  if(unknown.length) {
    // Not wrong as such, but nobody can say whether verifiers have them: the proof check fails on them.
    return result(CONTEXTS, NOT_CHECKED, 'context', `${unknown.join(', ')}: not a standard context; the ` +
      'verifier does not fetch contexts, so whether verifiers can load it is not known', {unknown});
  }
  const inline = [credential['@context']].flat().some(isObject);
  return result(CONTEXTS, OK, '', 'only standard contexts, which every verifier has' +
    (inline ? '; the rest is inline' : ''), {unknown: []});
}

// ---------------------------------------------------------------- issuer key

/** Why the keys of the issuer `did` cannot be had: {finding, reason}; null when they can. */
async function issuerFinding(did, world) {
  const method = didMethod(did);
  if(!method) {
    if(did.startsWith('did:')) {
      // As credsite verify: a DID method it cannot resolve leaves the credential unchecked, not wrong.
      const name = did.split(':')[1] || '(empty)';
      return {reason: 'unsupported-did', finding: {code: 'issuer-unresolved', message: `the issuer ${did} uses the ` +
        `DID method '${name}', which this verifier cannot resolve; it resolves did:web and did:key`}};
    }
    return {reason: 'not-a-did', finding: {code: 'bad-issuer', message: `the issuer ${did} is not a DID; ` +
      'this verifier checks credentials whose issuer is a did:web or a did:key'}};
  }
  const resolved = await world.resolveDid(did);
  if(resolved.document) {
    return null;
  }
  if(resolved.reason === 'invalid-did') {
    return {reason: resolved.reason, finding: {code: 'bad-issuer', message: resolved.message}};
  }
  return {reason: resolved.reason, finding: {code: 'issuer-unresolved',
    message: `the DID document of the issuer ${did} cannot be had: ${resolved.message}`}};
}

export async function issuerKeyCheck(credential, world) {
  const issuer = issuerId(credential);
  const method = didMethod(issuer);
  const web = method === 'did:web' ? didWebLocation(issuer) : null;
  const detail = {did: issuer, method, host: web?.host ?? '', documentUrl: web?.url ?? ''};
  if(!issuer) {
    return judged(ISSUER_KEY, [{code: 'bad-issuer', message: 'the credential names no issuer: issuer.id is missing'}],
      detail);
  }
  const findings = [];
  const unresolvable = await issuerFinding(issuer, world);
  if(unresolvable) {
    findings.push(unresolvable.finding);
    detail.reason = unresolvable.reason;
  }
  const methods = unique(methodsOf(credential));
  // A key of another DID proves nothing about this issuer, however well it signed.
  for(const m of methods.filter(m => didOf(m) !== issuer)) {
    findings.push({code: 'foreign-key', message: `signed with ${m}, a key that does not belong to the issuer ${issuer}`});
  }
  if(!unresolvable) {
    const where = detail.documentUrl ? `its DID document at ${detail.documentUrl}` : 'the did:key';
    for(const m of methods.filter(m => didOf(m) === issuer)) {
      if(!(await world.keyFor(m))) {
        findings.push({code: 'unknown-key', message: `unknown verification method ${m}: ${where} does not list ` +
          'it under assertionMethod'});
      }
    }
  }
  if(findings.length) {
    return judged(ISSUER_KEY, findings, detail);
  }
  const source = method === 'did:key' ? 'a did:key, whose public key is the identifier itself' :
    `listed under assertionMethod in its DID document at ${detail.documentUrl}`;
  const whose = !methods.length ? "the issuer's DID resolves; no proof names a key" :
    methods.length === 1 ? "the signing key is the issuer's: " + source : "the signing keys are the issuer's: " + source;
  return result(ISSUER_KEY, OK, '', whose, detail);
}

// ---------------------------------------------------------------- proof

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** How many bytes a base58btc text decodes to; -1 when it is not base58. */
function base58Length(text) {
  let n = 0n;
  for(const c of text) {
    const digit = BASE58.indexOf(c);
    if(digit < 0) {
      return -1;
    }
    n = n * 58n + BigInt(digit);
  }
  let bytes = text.length - text.replace(/^1+/, '').length;  // each leading '1' is a zero byte
  for(; n > 0n; n >>= 8n) {
    bytes++;
  }
  return bytes;
}

/** What is wrong with the members of one proof (cryptosuites.py's proof_problems). */
function proofProblems(proof) {
  const problems = [];
  const expect = (member, allowed, wrong) => {
    const value = proof[member];
    if(!allowed.includes(value)) {
      problems.push(value === undefined ? `${member} is missing` : wrong(JSON.stringify(value)));
    }
  };
  expect('type', ['DataIntegrityProof'], v => `type must be DataIntegrityProof, not ${v}`);
  expect('cryptosuite', [RDFC, JCS], v => `cryptosuite ${v} is not supported; expected ${RDFC} or ${JCS}`);
  expect('proofPurpose', ['assertionMethod'], v => `proofPurpose must be assertionMethod, not ${v}`);
  if('created' in proof && !xsdDateTime(proof.created)) {
    problems.push(`created ${JSON.stringify(proof.created)} is not an XML Schema dateTime`);
  }
  if(typeof proof.verificationMethod !== 'string' || !proof.verificationMethod) {
    problems.push('verificationMethod is missing');
  }
  const value = proof.proofValue;
  if(typeof value !== 'string' || !value) {
    problems.push('proofValue is missing');
  } else if(!value.startsWith('z') || base58Length(value.slice(1)) < 0) {
    problems.push("proofValue must be base58btc multibase (a 'z' followed by base58 characters)");
  } else if(base58Length(value.slice(1)) !== 64) {
    problems.push(`proofValue holds ${base58Length(value.slice(1))} bytes; an Ed25519 signature has 64`);
  }
  return problems;
}

/** The code of a failed signature check: JSON-LD that would lose data, or a signature that does not match. */
function signatureCode(error) {
  const jsonLd = e => e && (String(e.name).startsWith('jsonld.') || jsonLd(e.cause));
  if(jsonLd(error)) {
    return 'json-ld';
  }
  return error?.message === 'Invalid signature.' ? 'bad-signature' : 'bad-proof';
}

function suiteFor(cryptosuite) {
  return new DataIntegrityProof({cryptosuite: cryptosuite === RDFC ? eddsaRdfc2022 : eddsaJcs2022()});
}

/** The suites a status list's own proof is checked with. */
export function statusListSuites() {
  return [suiteFor(RDFC), suiteFor(JCS)];
}

/** Every proof (eddsa-rdfc-2022 or eddsa-jcs-2022) verifies with the key its verificationMethod names. */
export async function proofCheck(credential, world, issuerCheck) {
  const proofs = proofList(credential);
  const first = isObject(proofs[0]) ? proofs[0] : {};
  const detail = {cryptosuite: typeof first.cryptosuite === 'string' ? first.cryptosuite : '',
    verificationMethod: typeof first.verificationMethod === 'string' ? first.verificationMethod : '', proofs: []};
  const fail = (code, message) => result(PROOF, FAILED, code, message, detail);
  if(credential.proof === undefined || credential.proof === null) {
    return fail('bad-proof', 'the credential has no proof');
  }
  if(!proofs.length || !proofs.every(isObject)) {
    return fail('bad-proof', 'proof must be a proof object or a non-empty array of proof objects');
  }
  const methods = methodsOf(credential);
  const keys = await Promise.all(methods.map(m => world.keyFor(m)));
  if(methods.length === proofs.length && keys.every(key => !key)) {
    // Not the proof's fault: the issuer key check says why there is no key, and decides the verdict.
    return result(PROOF, NOT_CHECKED, issuerCheck.code || 'unknown-key', `no key to check it with: ` +
      `${unique(methods).join(', ')} cannot be resolved (see issuer key)`, detail);
  }
  const unsecured = Object.fromEntries(Object.entries(credential).filter(([key]) => key !== 'proof'));
  const unknown = unique(contextUrls(credential)).filter(url => !isStandardContext(url));
  if(unknown.length) {
    return fail('json-ld', `unknown JSON-LD context ${unknown[0]}: this verifier never fetches contexts; it has ` +
      'only the standard ones');
  }
  if(!proofs.some(p => p.cryptosuite === RDFC)) {
    // A JCS proof signs the JSON, but the credential must still mean what it says as JSON-LD:
    // the same safe-mode expansion the RDFC proofs go through (canonical.py's guard_only).
    try {
      await eddsaRdfc2022.canonize(unsecured, {documentLoader: world.documentLoader});
    } catch(error) {
      return fail('json-ld', describe(error));
    }
  }
  const findings = [];
  for(const [index, proof] of proofs.entries()) {
    const label = proofs.length > 1 ? `proof[${index}]` : 'proof';
    const found = await oneProof(proof, proofs, unsecured, world);
    detail.proofs.push({cryptosuite: proof.cryptosuite ?? '', verificationMethod: proof.verificationMethod ?? '',
      status: found ? FAILED : OK, code: found?.code ?? '', message: found?.message ?? ''});
    if(found) {
      if(!findings.length) {
        detail.cryptosuite = String(proof.cryptosuite ?? '');
        detail.verificationMethod = String(proof.verificationMethod ?? '');
      }
      findings.push({code: found.code, message: `${label}: ${found.message}`});
    }
  }
  if(findings.length) {
    return judged(PROOF, findings, detail);
  }
  const done = proofs.map(p => `${p.cryptosuite} by ${p.verificationMethod}`);
  return result(PROOF, OK, '', (done.length > 1 ? `all ${done.length} proofs verify: ` : '') + done.join('; '),
    detail);
}

/** What is wrong with one proof ({code, message}), or null when it verifies. */
async function oneProof(proof, proofs, unsecured, world) {
  const problems = proofProblems(proof);
  if(problems.length) {
    return {code: 'bad-proof', message: problems.join('; ')};
  }
  const method = proof.verificationMethod;
  if(!(await world.keyFor(method))) {
    return {code: 'unknown-key', message: `unknown verification method ${method}`};
  }
  let document = {...unsecured};
  if(proof.previousProof !== undefined) {
    // A proof chain signs the proofs it names, besides the document.
    const ids = [proof.previousProof].flat();
    if(!ids.every(id => typeof id === 'string')) {
      return {code: 'bad-proof', message: 'previousProof must be a proof id or an array of proof ids'};
    }
    const matching = proofs.filter(p => ids.includes(p.id));
    const missing = ids.find(id => !matching.some(p => p.id === id));
    if(missing !== undefined) {
      return {code: 'bad-proof', message: `previousProof ${JSON.stringify(missing)} is not a proof of this document`};
    }
    document = {...unsecured, proof: matching};
  }
  // Copies: a cryptosuite may rewrite what it is given (eddsa-jcs-2022 sets the document's @context).
  const {verified, error} = await suiteFor(proof.cryptosuite).verifyProof({
    proof: structuredClone(proof), proofSet: structuredClone(proofs), document: structuredClone(document),
    documentLoader: world.documentLoader
  });
  if(verified) {
    return null;
  }
  const code = signatureCode(error);
  const message = code === 'bad-signature' ? 'the signature does not match the credential (it was changed ' +
    'after signing, or signed with another key)' : describe(error);
  return {code, message};
}

// ---------------------------------------------------------------- status

/** What is wrong with one credentialStatus entry itself, and the list URL it names (status_check.py). */
function entryProblem(entry) {
  if(!isObject(entry) || entry.type !== 'BitstringStatusListEntry') {
    return {problem: 'credentialStatus: only BitstringStatusListEntry is supported', url: ''};
  }
  const url = typeof entry.statusListCredential === 'string' ? entry.statusListCredential : '';
  if(typeof entry.statusListIndex !== 'string' || !/^[0-9]+$/.test(entry.statusListIndex)) {
    return {problem: 'credentialStatus.statusListIndex: not a number (a string of digits such as "94567")', url};
  }
  if(typeof (entry.statusPurpose ?? 'revocation') !== 'string') {
    return {problem: 'credentialStatus.statusPurpose: not a purpose such as "revocation"', url};
  }
  return {problem: '', url};
}

/** The status list URLs a credential names: the only documents besides DID documents the world may fetch. */
export function statusListUrls(credential) {
  return [credential.credentialStatus ?? []].flat().filter(isObject).map(e => e.statusListCredential)
    .filter(url => typeof url === 'string' && url);
}

/** One entry: {finding} when it cannot be read, {flagged: purpose} or {fine: message}; with its detail. */
async function oneEntry(credential, entry, world, issuerCheck) {
  const {problem, url} = entryProblem(entry);
  const purpose = isObject(entry) && typeof entry.statusPurpose === 'string' ? entry.statusPurpose : 'revocation';
  const detail = {url, purpose, index: isObject(entry) ? String(entry.statusListIndex ?? '') : '', fetchedAt: ''};
  if(problem) {
    return {detail, finding: {code: 'status-invalid', message: problem}};
  }
  const got = await world.fetchJson(url);
  if(!got.document) {
    detail.reason = got.reason;
    return {detail, finding: {code: 'status-unavailable', message: `credentialStatus: status list ${got.message}`}};
  }
  detail.fetchedAt = got.fetchedAt;
  const issuer = issuerId(credential);
  const listIssuer = issuerId(got.document);
  // Anyone can publish a list that says "not revoked": only the issuer's own list counts.
  if(listIssuer !== issuer) {
    return {detail, finding: {code: 'status-invalid', message: `credentialStatus: status list ${url} was not ` +
      `issued by ${issuer || '(no issuer)'}`}};
  }
  if(issuerCheck.detail.reason && !['not-a-did', 'invalid-did'].includes(issuerCheck.detail.reason)) {
    // The list's proof needs the issuer's keys; without them the list is unchecked, not wrong.
    detail.reason = issuerCheck.detail.reason;
    return {detail, finding: {code: 'status-unavailable', message: `credentialStatus: status list ${url} ` +
      "cannot be checked without the issuer's DID document"}};
  }
  const alone = {...credential, credentialStatus: {...entry, statusPurpose: purpose}};
  const checked = await checkStatus({credential: alone, documentLoader: world.documentLoader,
    suite: statusListSuites(), verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true});
  if(!checked.verified) {
    return {detail, finding: {code: 'status-invalid', message: `credentialStatus: status list ${url}: ` +
      describe(checked.error)}};
  }
  if(checked.results?.[0]?.status === true) {
    return {detail, flagged: purpose};
  }
  const unset = {revocation: 'not revoked', suspension: 'not suspended'}[purpose] ?? `${purpose} bit not set`;
  return {detail, fine: `${unset} (index ${entry.statusListIndex} of ${url})`};
}

/** Every BitstringStatusListEntry's bit, read from a status list whose own proof verifies. */
export async function statusCheck(credential, world, issuerCheck) {
  const statuses = credential.credentialStatus;
  if(statuses === undefined || statuses === null || (Array.isArray(statuses) && !statuses.length)) {
    return result(STATUS, NOT_APPLICABLE, '', 'the credential has no credentialStatus; it cannot be revoked',
      {url: '', purpose: '', fetchedAt: ''});
  }
  const entries = [];
  for(const entry of [statuses].flat()) {
    entries.push(await oneEntry(credential, entry, world, issuerCheck));
  }
  const findings = entries.filter(e => e.finding).map(e => e.finding);
  const flagged = entries.filter(e => e.flagged);
  // A set bit is found wrong; a list out of reach only leaves the other entries open.
  if(findings.length && !(flagged.length && findings.every(f => OUT_OF_REACH.has(f.code)))) {
    const shown = entries.find(e => e.finding && !OUT_OF_REACH.has(e.finding.code)) ?? entries.find(e => e.finding);
    return judged(STATUS, findings, shown.detail);
  }
  if(flagged.length) {
    const revoked = flagged.find(e => e.flagged === 'revocation');
    const shown = revoked ?? flagged[0];
    return result(STATUS, FAILED, revoked ? 'revoked' : 'suspended', revoked ? 'revoked' : 'suspended',
      shown.detail);
  }
  return result(STATUS, OK, '', entries.map(e => e.fine).join('; '), entries[0].detail);
}

// ---------------------------------------------------------------- the verdict

// Most serious first (verification.py's _SERIOUSNESS).
const SERIOUSNESS = ['invalid', 'revoked', 'suspended', 'not yet valid', 'expired', 'not checked'];
const DATE_OUTCOMES = {'not-yet-valid': 'not yet valid', 'expired': 'expired'};
const STATUS_OUTCOMES = {revoked: 'revoked', suspended: 'suspended'};

/** What a check's result makes of the credential; '' when it passed or does not apply. */
function outcome(check) {
  if(check.status === NOT_CHECKED) {
    return 'not checked';
  }
  if(check.status !== FAILED) {
    return '';
  }
  const table = check.check === DATES ? DATE_OUTCOMES : check.check === STATUS ? STATUS_OUTCOMES : {};
  return table[check.code] ?? 'invalid';
}

/** The most serious outcome of any check; 'valid' when there is none. */
export function verdictOf(checks) {
  const outcomes = checks.map(outcome).filter(Boolean);
  return outcomes.length ? SERIOUSNESS.find(s => outcomes.includes(s)) : 'valid';
}
