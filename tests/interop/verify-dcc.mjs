#!/usr/bin/env node
/*
 * Verifier (b): the Digital Credentials Consortium's verifier-core (the
 * verifier behind the DCC's VerifierPlus and Learner Credential Wallet), used
 * as it is: it fetches DID documents, contexts it does not bundle, status lists
 * and JSON Schemas itself, over globalThis.fetch. Here fetch answers only from
 * the closed world of offline.mjs: the built site at its base URL, the standard
 * contexts at their URLs, the vendored OB 3.0 JSON Schemas. Nothing is patched.
 *
 *   node verify-dcc.mjs <built-site-folder> <credential.json>...
 *
 * Prints one JSON line per credential and exits 0 (exit 2: usage, bad site):
 *   {"file", "verified", "revoked", "statusChecked", "error": string|null,
 *    "schema": {"valid", "errors"}|null, "registry": {"registered",
 *    "unchecked": [urls]}, "log": verifier-core's log, "fetched": [{url, status}]}
 * "verified" is verifier-core's signature, expiration and status steps; the
 * issuer-registry step is reported apart: an issuer missing from the DCC's
 * registries is not an invalid credential, and those registries are out of reach.
 */

import {installWorldFetch, makeWorld, openSite, readJson, vendoredFiles} from './offline.mjs';

// A registry as verifier-core's README lists it; callers pass their own list.
// Its fetch is refused here, so the lookup shows up as "unchecked".
const KNOWN_REGISTRIES = [{
  name: 'DCC Sandbox Registry',
  type: 'dcc-legacy',
  url: 'https://digitalcredentials.github.io/sandbox-registry/registry.json'
}];

// verifier-core and its registry client log failures with console.log; keep
// stdout for the JSON lines.
console.log = console.info = console.warn = console.error;

function summarize(file, result, fetched) {
  const report = {
    file, verified: false, revoked: false, statusChecked: false, error: null,
    schema: null, registry: null, log: result.log ?? [], fetched
  };
  if(result.errors) {
    // Fatal: no log. verifier-core keeps only its own message (a context that
    // fails to load reads "The signature is not valid."), so name the failed
    // fetches: they are usually the reason.
    const missed = [...new Set(fetched.filter(f => f.status !== 200).map(
      f => `${f.url} (${f.status ?? 'refused'})`))];
    report.error = result.errors.map(e => `${e.name}: ${e.message}`).join('; ') +
      (missed.length ? `; failed fetches: ${missed.join(', ')}` : '');
    return report;
  }
  const step = id => report.log.find(entry => entry.id === id);
  const failed = ['valid_signature', 'expiration'].filter(id => step(id)?.valid !== true);
  const status = step('revocation_status');
  if(status?.error) {
    failed.push(`credentialStatus: ${status.error.name}: ${status.error.message}`);
  }
  report.statusChecked = status !== undefined && !status.error;
  report.revoked = status?.valid === false;
  report.verified = failed.length === 0;
  report.error = failed.length ? `failed: ${failed.join('; ')}` : null;

  const registry = step('registered_issuer');
  report.registry = registry && {
    registered: registry.valid === true,
    unchecked: (registry.uncheckedRegistries || []).map(r => r.url ?? r.name)
  };
  const schemaCheck = (result.additionalInformation || []).find(e => e.id === 'schema_check');
  if(Array.isArray(schemaCheck?.results)) {
    const errors = schemaCheck.results.flatMap(r => r.result.valid ? [] :
      (r.result.errors || [{message: 'invalid'}]).map(
        e => `${r.schema}: ${e.instancePath ?? ''} ${e.message}`));
    report.schema = {valid: errors.length === 0, errors};
  } else if(schemaCheck) {
    report.schema = {valid: false, errors: [String(schemaCheck.results)]};
  }
  return report;
}

async function main([siteDir, ...files]) {
  if(!siteDir || files.length === 0) {
    process.stderr.write('usage: node verify-dcc.mjs <built-site-folder> <credential.json>...\n');
    return 2;
  }
  let site;
  try {
    site = openSite(siteDir);
  } catch(e) {
    process.stderr.write(`verify-dcc.mjs: ${e.message}\n`);
    return 2;
  }
  const requests = installWorldFetch(makeWorld({site, extra: vendoredFiles()}));
  // Imported only now, so nothing in it can have captured the real fetch.
  const {verifyCredential} = await import('@digitalcredentials/verifier-core');

  for(const file of files) {
    const before = requests.length;
    let report;
    try {
      const result = await verifyCredential(
        {credential: readJson(file), knownDIDRegistries: KNOWN_REGISTRIES});
      // verifier-core caches DID documents and schemas: later credentials in
      // one run may fetch less.
      report = summarize(file, result, requests.slice(before));
    } catch(e) {
      report = {file, verified: false, revoked: false, statusChecked: false,
        error: `verifier-core threw: ${e.message}`, fetched: requests.slice(before)};
    }
    process.stdout.write(JSON.stringify(report) + '\n');
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
