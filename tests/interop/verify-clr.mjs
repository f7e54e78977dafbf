#!/usr/bin/env node
/*
 * Verify a CLR 2.0 ClrCredential with Digital Bazaar's VC stack, in the closed
 * world of offline.mjs plus the CLR 2.0 context.
 *
 *   node verify-clr.mjs <built-site-folder> <clr.json>...
 *
 * No npm package publishes the CLR 2.0 context, so the world gets it from the
 * copy vendored in tests/vendor/clr/ (1EdTech's validator bundles the same
 * file for the same URL; origin and digest in its sources.json), never from
 * the network and never from credsite's own tree. The institution's did:web
 * resolves through the built site, as verify.mjs resolves it.
 *
 * Prints one JSON line per file and exits 0; tests/test_clr.py decides:
 *   {"file", "verified", "error": string|null, "loaded": [urls]}
 */

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

import {
  describe, forbidNetwork, makeDocumentLoader, makeWorld, openSite, readJson
} from './offline.mjs';

const CLR_VENDOR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'vendor', 'clr');

/** The vendored contexts (entries with a url): url -> local file, each checked against its digest. */
function clrContexts() {
  return new Map(readJson(path.join(CLR_VENDOR, 'sources.json')).filter(e => e.url).map(
    ({url, file, sha256}) => {
      const local = path.join(CLR_VENDOR, file);
      const digest = crypto.createHash('sha256').update(fs.readFileSync(local)).digest('hex');
      if(digest !== sha256) {
        throw new Error(`${file} is not the file its sources.json records (sha256 ${digest})`);
      }
      return [url, local];
    }));
}

async function verifyOne(file, site, contexts) {
  const report = {file, verified: false, error: null, loaded: []};
  let credential;
  try {
    credential = readJson(file);
  } catch(e) {
    report.error = `cannot read ${file}: ${e.message}`;
    return report;
  }
  const {documentLoader, loaded} = makeDocumentLoader(
    makeWorld({site, extra: contexts}), {documents: [...contexts.keys()]});
  try {
    const result = await vc.verifyCredential({
      credential, suite: new DataIntegrityProof({cryptosuite: eddsaRdfc2022}), documentLoader
    });
    report.verified = result.verified === true;
    if(!report.verified) {
      report.error = describe([result.error, ...(result.results || []).map(r => r.error)]) ||
        'not verified (no reason given)';
    }
  } catch(e) {
    report.error = describe(e);
  }
  report.loaded = [...loaded];
  return report;
}

async function main([siteDir, ...files]) {
  if(!siteDir || files.length === 0) {
    process.stderr.write('usage: node verify-clr.mjs <built-site-folder> <clr.json>...\n');
    return 2;
  }
  let site;
  try {
    site = openSite(siteDir);
  } catch(e) {
    process.stderr.write(`verify-clr.mjs: ${e.message}\n`);
    return 2;
  }
  const contexts = clrContexts();
  for(const file of files) {
    process.stdout.write(JSON.stringify(await verifyOne(file, site, contexts)) + '\n');
  }
  return 0;
}

forbidNetwork();
process.exitCode = await main(process.argv.slice(2));
