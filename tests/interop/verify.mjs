#!/usr/bin/env node
/*
 * Verify credsite-issued credentials with Digital Bazaar's VC stack, offline.
 *
 *   node verify.mjs <built-site-folder> <credential.json>...
 *
 * An interoperability check: the proofs were made by credsite's Python code
 * (pyld + cryptography) and are checked here by an independent implementation
 * (@digitalbazaar/vc, data-integrity, eddsa-rdfc-2022-cryptosuite and
 * vc-bitstring-status-list, i.e. jsonld.js in safe mode + rdf-canonize +
 * noble-ed25519). The issuer's DID document and the status list come from the
 * built site folder; contexts from generator/contexts (see offline.mjs).
 *
 * Prints one JSON line per credential and exits 0: the caller
 * (tests/test_interop.py) decides what is a pass. Exit 2 only for a usage
 * error or a site folder without a usable DID document.
 *   {"file", "verified": bool, "revoked": bool, "error": string|null,
 *    "statusChecked": bool, "didDocument": path, "loaded": [urls served]}
 */

import path from 'node:path';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus as checkBitstringStatus} from
  '@digitalbazaar/vc-bitstring-status-list';

import {
  forbidNetwork, loadContexts, loadDidDocument, makeDocumentLoader, readJson
} from './offline.mjs';

/** Every message in a (possibly nested) verification error, for the report. */
function describe(error) {
  const messages = [];
  const seen = new Set();
  const walk = e => {
    if(!e || seen.has(e)) {
      return;
    }
    seen.add(e);
    if(Array.isArray(e)) {
      e.forEach(walk);
      return;
    }
    // jsigs wraps proof failures in a generic "Verification error(s)." with
    // .errors, and wrappers often repeat their cause's message: skip both.
    if(e.message && e.message !== 'Verification error(s).' &&
      !messages.some(m => m.includes(e.message))) {
      messages.push(e.message);
    }
    walk(e.errors);
    walk(e.cause);
  };
  walk(error);
  return messages.join('; ') || String(error);
}

async function verifyOne({file, contexts, didDoc, siteDir}) {
  const report = {
    file, verified: false, revoked: false, error: null, statusChecked: false,
    didDocument: didDoc.file, loaded: []
  };
  let credential;
  try {
    credential = readJson(file);
  } catch(e) {
    report.error = `cannot read ${file}: ${e.message}`;
    return report;
  }
  // A loader per credential, so `loaded` shows what this verification used.
  const {documentLoader, loaded} = makeDocumentLoader({contexts, didDoc, siteDir});
  // One suite object verifies both the credential and its status list credential.
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite});

  let statusResult;
  const checkStatus = async options => {
    // vc-bitstring-status-list loads the list through our loader, verifies the
    // list credential's own proof with the same suite, checks that list and
    // credential have the same issuer, then reads the bit (index 0 = first bit
    // of the first byte, as the Bitstring Status List spec says).
    statusResult = await checkBitstringStatus(options);
    return statusResult;
  };

  try {
    // vc checks the proof (and that its key is an assertionMethod of the issuer's
    // DID), validFrom/validUntil against the current time, then the status.
    const result = await vc.verifyCredential({
      credential, suite, documentLoader, checkStatus
    });
    report.verified = result.verified === true;
    if(!report.verified) {
      // A failed proof puts its reasons in result.error and result.results[].error;
      // a failed status check (list missing, its proof bad) in statusResult.error.
      report.error = statusResult && !statusResult.verified ?
        `credentialStatus: ${describe(statusResult.error)}` :
        describe([result.error, ...(result.results || []).map(r => r.error)]) ||
        'not verified (no reason given)';
    }
  } catch(e) {
    // vc throws (rather than returning verified: false) for a malformed credential
    // or one outside its validity period.
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

async function main(argv) {
  const [siteDir, ...files] = argv;
  if(!siteDir || files.length === 0) {
    process.stderr.write(
      'usage: node verify.mjs <built-site-folder> <credential.json>...\n');
    return 2;
  }
  const site = path.resolve(siteDir);
  let contexts;
  let didDoc;
  try {
    contexts = loadContexts();
    didDoc = loadDidDocument(site);
  } catch(e) {
    process.stderr.write(`verify.mjs: ${e.message}\n`);
    return 2;
  }
  for(const file of files) {
    const report = await verifyOne({file, contexts, didDoc, siteDir: site});
    process.stdout.write(JSON.stringify(report) + '\n');
  }
  return 0;
}

forbidNetwork();
process.exitCode = await main(process.argv.slice(2));
