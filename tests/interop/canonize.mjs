#!/usr/bin/env node
/*
 * Print the RDFC-1.0 canonical N-Quads Digital Bazaar's eddsa-rdfc-2022
 * cryptosuite computes for documents, offline.
 *
 *   node canonize.mjs <document.json>...
 *
 * One JSON line per file: {"file", "nquads": string|null, "error": string|null}.
 * The proof is removed first, as the cryptosuite does before hashing. It uses
 * the suite's own canonize() (jsonld.js in safe mode, rdf-canonize), so
 * tests/test_interop.py can diff it line by line against credsite's
 * generator.credentials.canonical.canonicalize and say where the two disagree when a
 * signature does not verify. Contexts come only from the standard contexts'
 * npm packages (offline.mjs); an inline context is read from the document.
 */

import {cryptosuite as eddsaRdfc2022CryptoSuite} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

import {forbidNetwork, makeDocumentLoader, makeWorld, readJson} from './offline.mjs';

async function main(files) {
  if(files.length === 0) {
    process.stderr.write('usage: node canonize.mjs <document.json>...\n');
    return 2;
  }
  const {documentLoader} = makeDocumentLoader(makeWorld());
  for(const file of files) {
    const report = {file, nquads: null, error: null};
    try {
      const {proof, ...unsecured} = readJson(file);
      report.nquads = await eddsaRdfc2022CryptoSuite.canonize(
        unsecured, {documentLoader});
    } catch(e) {
      report.error = e.message + (e.details ? ` ${JSON.stringify(e.details)}` : '');
    }
    process.stdout.write(JSON.stringify(report) + '\n');
  }
  return 0;
}

forbidNetwork();
process.exitCode = await main(process.argv.slice(2));
