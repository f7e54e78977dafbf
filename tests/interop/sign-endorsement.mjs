#!/usr/bin/env node
/*
 * Sign an Open Badges 3.0 EndorsementCredential with Digital Bazaar's stack, as
 * an endorser with its own did:web would, for checking that credsite's build
 * accepts an endorsement credsite did not make.
 *
 *   node sign-endorsement.mjs <options.json>
 *
 * options.json: {"seed": "...", "did": "did:web:...", "keyId": "key-1",
 *   "achievement": "https://...json", "comment": "...", "name": "...",
 *   "validFrom": "2026-...Z"}
 *
 * Prints {"endorsement": <the signed credential>, "verificationMethod": <the
 * Multikey the endorser's DID document lists>}: the test writes the DID
 * document itself, as the endorser would publish it. The key comes from the
 * TEST-ONLY seed in the options, so the output is the same on every run
 * (Ed25519 signatures are deterministic). Only standard contexts are used.
 */

import crypto from 'node:crypto';

import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

import {forbidNetwork, makeDocumentLoader, makeWorld, readJson} from './offline.mjs';

async function main([optionsFile, ...rest]) {
  if(!optionsFile || rest.length > 0) {
    process.stderr.write('usage: node sign-endorsement.mjs <options.json>\n');
    return 2;
  }
  const options = readJson(optionsFile);
  const seed = crypto.createHash('sha256').update(options.seed).digest();
  const key = await Ed25519Multikey.generate({seed});
  key.controller = options.did;
  key.id = `${options.did}#${options.keyId}`;

  const credential = {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
    ],
    id: 'urn:uuid:' + crypto.createHash('sha256').update(options.seed + options.achievement)
      .digest('hex').replace(/^(.{8})(.{4})(.{3})(.{3})(.{12}).*$/, '$1-$2-4$3-8$4-$5'),
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: `Endorsement by ${options.name}`,
    issuer: {id: options.did, type: ['Profile'], name: options.name},
    validFrom: options.validFrom,
    credentialSubject: {
      id: options.achievement,
      type: ['EndorsementSubject'],
      endorsementComment: options.comment
    }
  };
  const {documentLoader} = makeDocumentLoader(makeWorld());
  const suite = new DataIntegrityProof(
    {signer: key.signer(), cryptosuite: eddsaRdfc2022, date: options.validFrom});
  const endorsement = await vc.issue({credential, suite, documentLoader});
  // vc.issue gives a lone proof as an object; the OB 3.0 JSON Schema wants an array. A proof is
  // not part of what it signs, so an OB 3.0 issuer using this library wraps it, as done here.
  endorsement.proof = [endorsement.proof].flat();
  const exported = await key.export({publicKey: true, includeContext: false});
  process.stdout.write(JSON.stringify({
    endorsement,
    verificationMethod: {
      id: key.id, type: 'Multikey', controller: options.did,
      publicKeyMultibase: exported.publicKeyMultibase
    }
  }, null, 2) + '\n');
  return 0;
}

forbidNetwork();
process.exitCode = await main(process.argv.slice(2));
