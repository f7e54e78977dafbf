#!/usr/bin/env node
/*
 * Print an Open Badges 3.0 credential that Digital Bazaar's stack signs itself,
 * for checking `credsite verify` against a credential credsite did not make.
 *
 *   node sign-didkey.mjs              the signed credential
 *   node sign-didkey.mjs --tampered   the same credential with its achievement
 *                                     name changed after signing
 *
 * The issuer is a did:key (the DID is the public key's multibase fingerprint,
 * so any verifier resolves it without a network) and the credential carries TWO
 * proofs, a proof set: eddsa-rdfc-2022 (RDF canonicalization) and
 * eddsa-jcs-2022 (JSON canonicalization), so a verifier must handle both
 * suites and an array-valued "proof". Only standard contexts are used.
 *
 * The key comes from a fixed, TEST-ONLY seed and every date is fixed, so the
 * output is the same on every run (Ed25519 signatures are deterministic).
 */

import crypto from 'node:crypto';

import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {createSignCryptosuite as eddsaJcs2022} from
  '@digitalbazaar/eddsa-jcs-2022-cryptosuite';

import {forbidNetwork, makeDocumentLoader, makeWorld} from './offline.mjs';

const SEED = crypto.createHash('sha256')
  .update('credsite interop TEST-ONLY did:key seed').digest();
const SIGNED_AT = '2026-01-15T09:00:00Z';
const SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

function unsignedCredential(did) {
  // A hashed email identifies the learner, as OB 3.0 recommends for privacy.
  const salt = 'a1b2c3d4e5f60718';
  const identityHash = 'sha256$' + crypto.createHash('sha256')
    .update('learner@example.org' + salt).digest('hex');
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      // defines the credentialSchema type 1EdTechJsonSchemaValidator2019
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'
    ],
    id: 'urn:uuid:5f0c6a0e-7d2b-4c47-9d0e-2a6f3c1b8e41',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Interoperability test badge',
    issuer: {id: did, type: ['Profile'], name: 'Interop test issuer (did:key, TEST ONLY)'},
    validFrom: SIGNED_AT,
    credentialSchema: [{id: SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019'}],
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{
        type: 'IdentityObject', identityType: 'emailAddress', hashed: true,
        identityHash, salt
      }],
      achievement: {
        id: 'urn:uuid:0b8f2d54-1e0a-4c1c-8b53-6f1d2e9a7c30',
        type: ['Achievement'],
        name: 'Reading Verifiable Credentials',
        description: 'Checks a credential signed by another implementation.',
        criteria: {narrative: 'Verify this credential with two proofs.'}
      }
    }
  };
}

async function main(argv) {
  const tampered = argv.includes('--tampered');
  if(argv.some(arg => arg !== '--tampered')) {
    process.stderr.write('usage: node sign-didkey.mjs [--tampered]\n');
    return 2;
  }
  const key = await Ed25519Multikey.generate({seed: SEED});
  const did = `did:key:${key.publicKeyMultibase}`;
  // did:key names its one key after the fingerprint (did:key spec, "Create").
  key.controller = did;
  key.id = `${did}#${key.publicKeyMultibase}`;

  const {documentLoader} = makeDocumentLoader(makeWorld());
  let credential = unsignedCredential(did);
  // Signing a credential that already has a proof adds a second one beside it
  // (a proof set): each covers the credential without the other.
  for(const cryptosuite of [eddsaRdfc2022, eddsaJcs2022()]) {
    const suite = new DataIntegrityProof(
      {signer: key.signer(), cryptosuite, date: SIGNED_AT});
    credential = await vc.issue({credential, suite, documentLoader});
  }
  if(tampered) {
    credential.credentialSubject.achievement.name += ' (edited)';
  }
  process.stdout.write(JSON.stringify(credential, null, 2) + '\n');
  return 0;
}

forbidNetwork();
process.exitCode = await main(process.argv.slice(2));
