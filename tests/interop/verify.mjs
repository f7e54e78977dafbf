#!/usr/bin/env node
/*
 * Verifier (a): Digital Bazaar's VC stack, in the closed world of offline.mjs.
 *
 *   node verify.mjs <built-site-folder> <credential.json>...
 *
 * @digitalbazaar/vc with data-integrity (eddsa-rdfc-2022 and eddsa-jcs-2022)
 * and vc-bitstring-status-list: jsonld.js in safe mode, rdf-canonize,
 * noble-ed25519, none of it sharing code with credsite's Python. Its document
 * loader knows the standard contexts (npm packages), did:web through the built
 * site at its base URL, did:key, and the status lists the credential names; it
 * never fetches an unknown context, not even one on the issuer's own site.
 *
 * Prints one JSON line per credential and exits 0: tests/test_interop.py
 * decides what is a pass. Exit 2 for a usage error or an unusable site folder.
 *   {"file", "verified", "revoked", "statusChecked", "error": string|null,
 *    "proofs": [{"cryptosuite", "verified"}], "didDocument", "loaded": [urls]}
 */

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {createVerifyCryptosuite as eddsaJcs2022} from
  '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import {checkStatus as checkBitstringStatus} from '@digitalbazaar/vc-bitstring-status-list';

import {
  describe, forbidNetwork, makeDocumentLoader, makeWorld, openSite, readJson
} from './offline.mjs';

// Both Ed25519 Data Integrity suites: credsite signs with rdfc, and the did:key
// credential of sign-didkey.mjs carries one proof of each.
const suite = [
  new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
  new DataIntegrityProof({cryptosuite: eddsaJcs2022()})
];

async function verifyOne(file, site) {
  const report = {
    file, verified: false, revoked: false, statusChecked: false, error: null,
    proofs: [], didDocument: site.didDocumentFile, loaded: []
  };
  let credential;
  try {
    credential = readJson(file);
  } catch(e) {
    report.error = `cannot read ${file}: ${e.message}`;
    return report;
  }
  // A loader per credential, so `loaded` shows what this verification used. Besides
  // contexts and DIDs, a verifier fetches the status lists the credential names.
  const entries = [credential?.credentialStatus ?? []].flat();
  const lists = entries.map(e => e?.statusListCredential).filter(u => typeof u === 'string');
  const {documentLoader, loaded} = makeDocumentLoader(makeWorld({site}), {documents: lists});

  let statusResult;
  const checkStatus = async options => {
    // Loads the list through our loader, verifies the list's own proof with the
    // same suites, checks list and credential share an issuer, reads the bit.
    statusResult = await checkBitstringStatus(options);
    return statusResult;
  };

  try {
    // Checks the proofs (and that each key is an assertionMethod of the
    // issuer's DID), validFrom/validUntil against now, then the status.
    const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
    report.verified = result.verified === true;
    // jsigs accepts a proof set when ANY proof verifies; report each one.
    report.proofs = (result.results || []).map(r => ({
      cryptosuite: r.proof?.cryptosuite ?? null, verified: r.verified === true
    }));
    if(!report.verified) {
      report.error = statusResult && !statusResult.verified ?
        `credentialStatus: ${describe(statusResult.error)}` :
        describe([result.error, ...(result.results || []).map(r => r.error)]) ||
        'not verified (no reason given)';
    }
  } catch(e) {
    // vc throws, rather than returning verified: false, for a malformed
    // credential or one outside its validity period.
    report.verified = false;
    report.error = describe(e);
  }
  report.loaded = [...loaded];
  if(statusResult?.verified) {
    report.statusChecked = true;
    report.revoked = (statusResult.results || []).some(
      r => r.credentialStatus?.statusPurpose === 'revocation' && r.status === true);
  }
  return report;
}

async function main([siteDir, ...files]) {
  if(!siteDir || files.length === 0) {
    process.stderr.write('usage: node verify.mjs <built-site-folder> <credential.json>...\n');
    return 2;
  }
  let site;
  try {
    site = openSite(siteDir);
  } catch(e) {
    process.stderr.write(`verify.mjs: ${e.message}\n`);
    return 2;
  }
  for(const file of files) {
    process.stdout.write(JSON.stringify(await verifyOne(file, site)) + '\n');
  }
  return 0;
}

// Everything goes through the document loader; a fetch() would bypass it.
forbidNetwork();
process.exitCode = await main(process.argv.slice(2));
