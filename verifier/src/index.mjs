/*
 * credsite's in-browser verifier: checks an Open Badges 3.0 credential the way
 * `credsite verify` does, with Digital Bazaar's Data Integrity stack, in the
 * closed world of loader.mjs. The badge pages and the /verify/ page import it
 * on demand; its two exports are their contract:
 *
 *   verify(credential, {fetch, now})  -> the verdict and the five checks (never rejects)
 *   readCredential(input, {fetch})    -> the credential in a JSON file, a baked PNG or SVG, or at a URL
 */

import {
  CONTEXTS, DATES, ISSUER_KEY, NOT_CHECKED, PROOF, STATUS,
  contextsCheck, datesCheck, describe, issuerId, issuerKeyCheck, proofCheck, statusCheck, statusListUrls, verdictOf
} from './checks.mjs';
import {didMethod, didWebLocation, makeWorld} from './loader.mjs';

export {readCredential} from './unbake.mjs';

const text = value => typeof value === 'string' ? value : '';
const isObject = value => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Who the credential says issued it, and where its keys come from. */
function issuerSummary(credential) {
  const id = issuerId(credential);
  const method = didMethod(id);
  const web = method === 'did:web' ? didWebLocation(id) : null;
  return {id, name: isObject(credential.issuer) ? text(credential.issuer.name) : '', method,
    host: web?.host ?? '', documentUrl: web?.url ?? ''};
}

/** What the credential is: its id, name, dates and whom it was awarded to, for the page to show. */
function credentialSummary(credential) {
  const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
  // OB 3.0 names the learner in an unhashed 'name' identifier when it names them at all.
  const named = [subject.identifier ?? []].flat().find(i => isObject(i) && i.identityType === 'name' &&
    i.hashed !== true && typeof i.identityHash === 'string');
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  return {id: text(credential.id), name: text(credential.name) || text(achievement.name),
    validFrom: text(credential.validFrom), validUntil: text(credential.validUntil),
    subject: text(subject.name) || text(named?.identityHash) || text(subject.id)};
}

/**
 * The status lists the check may fetch: https, and for a did:web issuer only on the issuer's own
 * host, so that a credential cannot make the visitor's browser tell a third party who checks it.
 * A list anywhere else stays unfetched, and its status "not checked".
 */
function fetchableStatusLists(credential) {
  const web = didWebLocation(issuerId(credential));
  return statusListUrls(credential).filter(url => {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    return parsed.protocol === 'https:' && (!web || parsed.host === web.host);
  });
}

async function check(credential, fetch, now) {
  const world = makeWorld({fetch, issuer: issuerId(credential), documents: fetchableStatusLists(credential)});
  // The issuer first: the proof and the status list are checked with its keys.
  const issuerKey = await issuerKeyCheck(credential, world);
  const proof = await proofCheck(credential, world, issuerKey);
  const dates = datesCheck(credential, now);
  const status = await statusCheck(credential, world, issuerKey);
  const contexts = contextsCheck(credential);
  return [proof, issuerKey, dates, status, contexts];
}

/** Every check as 'not checked' with `code`, for a credential that cannot be checked at all. */
function unchecked(code, message, now) {
  return [
    {check: PROOF, status: code === 'not-json-object' ? 'failed' : NOT_CHECKED, code, message,
      detail: {cryptosuite: '', verificationMethod: '', proofs: []}},
    {check: ISSUER_KEY, status: NOT_CHECKED, code, message, detail: {did: '', method: '', host: '', documentUrl: ''}},
    {check: DATES, status: NOT_CHECKED, code, message, detail: {validFrom: '', validUntil: '', now}},
    {check: STATUS, status: NOT_CHECKED, code, message, detail: {url: '', purpose: '', fetchedAt: ''}},
    {check: CONTEXTS, status: NOT_CHECKED, code, message, detail: {unknown: []}}
  ];
}

/**
 * Verify `credential` (a parsed JSON object). `fetch` makes every request (DID documents
 * and status lists only); `now` is the moment the dates are judged at. Never rejects.
 */
export async function verify(credential, {fetch = globalThis.fetch, now = new Date()} = {}) {
  const at = new Date(now);
  const moment = Number.isNaN(at.getTime()) ? Date.now() : at.getTime();
  let checks;
  if(!isObject(credential)) {
    checks = unchecked('not-json-object', 'not a JSON object, so not a credential', new Date(moment).toISOString());
    credential = {};
  } else {
    try {
      checks = await check(credential, fetch, moment);
    } catch(error) {
      // A bug or a library's surprise: say nothing was proven, never "valid".
      checks = unchecked('', `the verifier failed: ${describe(error)}`, new Date(moment).toISOString());
    }
  }
  return {verdict: verdictOf(checks), issuer: issuerSummary(credential), credential: credentialSummary(credential),
    checks};
}
