/*
 * Everything the verifier may read from outside the credential, and nothing else.
 *
 * A "world" lives for one verification. It answers:
 *   - standard contexts: from the bundle (contexts.mjs), never fetched;
 *   - did:key: resolved from the identifier itself, no request;
 *   - did:web: the DID document, fetched from where the did:web spec says;
 *   - the status lists the credential names in credentialStatus.
 * Any other URL is refused, so a credential cannot make the verifier contact a
 * third party. Every request goes through the `fetch` the caller gave, and each
 * URL is fetched at most once: the badge page can show what was asked, and a
 * status list is judged from one copy.
 */

import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

import {contextDocument, isStandardContext} from './contexts.mjs';

// A server that never answers must not keep the check waiting: it is then out of reach like any other.
const FETCH_TIMEOUT_MS = 20000;

export const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
const ED25519_MULTIKEY_PREFIX = 'z6Mk';  // multicodec ed25519-pub, base58btc

/** The DID without its fragment. */
export function didOf(id) {
  return String(id).split('#')[0];
}

/** 'did:web', 'did:key' or '' for anything else. */
export function didMethod(did) {
  return typeof did === 'string' && /^did:(web|key):./.test(did) ? did.split(':', 2).join(':') : '';
}

/**
 * Where did:web resolution reads a DID document (did:web spec, "Read"):
 * did:web:host%3Aport:a:b -> https://host:port/a/b/did.json, did:web:host -> https://host/.well-known/did.json.
 * Returns {host, url}, or null when `did` is no well-formed did:web.
 */
export function didWebLocation(did) {
  const parts = typeof did === 'string' ? didOf(did).split(':') : [];
  if(parts.length < 3 || parts[0] !== 'did' || parts[1] !== 'web' || !parts[2]) {
    return null;
  }
  let host;
  let segments;
  try {
    host = decodeURIComponent(parts[2]);
    segments = parts.slice(3).map(decodeURIComponent);
  } catch {
    return null;
  }
  // A host must stay a host: "a.example/evil" or "user@b.example" would send the request elsewhere.
  // "." and ".." would move the path: did:web:host:a:..:b is not a DID of host/a/.
  if(!/^[a-z0-9.-]+(:[0-9]{1,5})?$/i.test(host) || segments.some(s => !s || s === '.' || s === '..' ||
    /[/?#\\]/.test(s))) {
    return null;
  }
  const path = segments.length ? segments.map(encodeURIComponent).join('/') + '/did.json' : '.well-known/did.json';
  return {host: host.toLowerCase(), url: `https://${host.toLowerCase()}/${path}`};
}

/** The DID document of a did:key, built from the key it names; null when it names no Ed25519 key. */
async function didKeyDocument(did) {
  const multibase = did.slice('did:key:'.length);
  if(!multibase.startsWith(ED25519_MULTIKEY_PREFIX) || !(await publicKeyOk(multibase))) {
    return null;
  }
  const id = `${did}#${multibase}`;
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: did,
    verificationMethod: [{id, type: 'Multikey', controller: did, publicKeyMultibase: multibase}],
    assertionMethod: [id],
    authentication: [id]
  };
}

async function publicKeyOk(publicKeyMultibase) {
  if(typeof publicKeyMultibase !== 'string' || !publicKeyMultibase.startsWith(ED25519_MULTIKEY_PREFIX)) {
    return false;
  }
  try {
    const key = await Ed25519Multikey.from({publicKeyMultibase});
    return key.publicKey?.length === 32;
  } catch {
    return false;
  }
}

/**
 * The key `methodId` names in `document`, the DID document of `did`, as a Multikey; null when
 * there is none. As credsite's Python (did.py, KeyResolver): the method must be listed under
 * assertionMethod, be controlled by the DID itself, and hold an Ed25519 publicKeyMultibase.
 */
export async function assertionKey(document, did, methodId) {
  const asList = value => Array.isArray(value) ? value : [];
  const listed = asList(document?.assertionMethod);
  const ids = listed.map(m => typeof m === 'string' ? m : m?.id);
  if(!ids.includes(methodId)) {
    return null;
  }
  const candidates = [...asList(document.verificationMethod), ...listed.filter(m => m && typeof m === 'object')];
  const method = candidates.find(m => m && typeof m === 'object' && m.id === methodId && m.controller === did);
  if(!method || !(await publicKeyOk(method.publicKeyMultibase))) {
    return null;
  }
  // Served on its own, in the one form the cryptosuites read.
  return {'@context': MULTIKEY_CONTEXT, id: methodId, type: 'Multikey', controller: did,
    publicKeyMultibase: method.publicKeyMultibase};
}

/**
 * A world for one verification. `fetch` makes every request; `issuer` is the one
 * did:web whose DID document may be fetched (a key of any other DID proves nothing
 * about the issuer, so the verifier asks no third party for it); `documents` are the
 * other URLs that may be fetched (the credential's status lists).
 */
export function makeWorld({fetch, issuer = '', documents = []}) {
  const fetchable = new Set(documents);
  const issuerDocument = didWebLocation(issuer)?.url ?? '';
  const fetched = new Map();  // URL -> promise of what fetchJson found
  const dids = new Map();  // DID -> promise of what resolveDid found

  /**
   * The JSON object at `url`: {document, url, fetchedAt}, or {reason, message} saying why not
   * ('network-or-cors', 'timeout', 'http-<status>', 'not-json'). Never throws.
   */
  function fetchJson(url) {
    // Only what this verification may ask for: the issuer's DID document and the allowed status lists.
    if(!fetchable.has(url) && url !== issuerDocument) {
      return Promise.resolve({url, reason: 'not-allowed',
        message: `${url} is not fetched: the check asks no one but the issuer's own host`});
    }
    if(!fetched.has(url)) {
      fetched.set(url, fetchOnce(url));
    }
    return fetched.get(url);
  }

  async function fetchOnce(url) {
    let response;
    let text;
    try {
      // No cookies: a DID document or status list is public. no-store: a status list
      // must be read as it is now, not as a cache remembers it.
      response = await Reflect.apply(fetch, globalThis,
        [url, {credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS)}]);
      if(!response.ok) {
        return {url, reason: `http-${response.status}`,
          message: `${url} could not be fetched: the server answered HTTP ${response.status}`};
      }
      text = await response.text();
    } catch(error) {
      if(error?.name === 'TimeoutError') {
        return {url, reason: 'timeout', message: `${url} did not answer within ${FETCH_TIMEOUT_MS / 1000} seconds`};
      }
      // A browser says nothing more for a refused CORS request than for being offline.
      return {url, reason: 'network-or-cors',
        message: `${url} could not be fetched (offline, or its server does not allow cross-origin ` +
          `requests: CORS): ${error?.message ?? error}`};
    }
    let document;
    try {
      document = JSON.parse(text);
    } catch {
      document = null;
    }
    // Both DID documents and status lists are JSON objects; anything else is no answer.
    if(!document || typeof document !== 'object' || Array.isArray(document)) {
      return {url, reason: 'not-json', message: `${url} did not answer with a JSON object`};
    }
    return {url, document, fetchedAt: new Date().toISOString()};
  }

  /**
   * The DID document of `did`: {document, url} (url: '' for a did:key), or {reason, message}
   * with reason 'unsupported-did', 'invalid-did', 'not-the-issuer', 'not-did-document' or a
   * fetchJson reason.
   */
  function resolveDid(did) {
    if(!dids.has(did)) {
      dids.set(did, resolveOnce(did));
    }
    return dids.get(did);
  }

  async function resolveOnce(did) {
    if(did.startsWith('did:key:')) {
      const document = await didKeyDocument(did);
      return document ? {document, url: ''} :
        {reason: 'invalid-did', message: `${did} is not a did:key of an Ed25519 public key`};
    }
    if(!did.startsWith('did:web:')) {
      return {reason: 'unsupported-did', message: `${did} is neither a did:web nor a did:key`};
    }
    if(did !== issuer) {
      return {reason: 'not-the-issuer', message: `${did} is not the issuer's DID, and the verifier fetches ` +
        "no DID document but the issuer's"};
    }
    const location = didWebLocation(did);
    if(!location) {
      return {reason: 'invalid-did', message: `${did} is not a well-formed did:web`};
    }
    const got = await fetchJson(location.url);
    if(!got.document) {
      return {...got, url: location.url};
    }
    if(got.document.id !== did) {
      return {url: location.url, reason: 'not-did-document',
        message: `${location.url} is not the DID document of ${did}`};
    }
    return {document: got.document, url: location.url};
  }

  /** The key `methodId` names, as a Multikey, if its DID document lists it for assertions; else null. */
  async function keyFor(methodId) {
    if(typeof methodId !== 'string') {
      return null;
    }
    const did = didOf(methodId);
    if(did.startsWith('did:key:') && methodId !== did && methodId !== `${did}#${did.slice(8)}`) {
      return null;  // a did:key has one method, named after the key itself
    }
    const resolved = await resolveDid(did);
    const id = did.startsWith('did:key:') ? `${did}#${did.slice(8)}` : methodId;
    return resolved.document ? assertionKey(resolved.document, did, id) : null;
  }

  /** A jsonld.js documentLoader over this world. */
  async function documentLoader(url) {
    if(isStandardContext(url)) {
      return {contextUrl: null, documentUrl: url, document: contextDocument(url), tag: 'static'};
    }
    if(typeof url === 'string' && url.startsWith('did:')) {
      const did = didOf(url);
      if(url === did) {
        const resolved = await resolveDid(did);
        if(!resolved.document) {
          throw new Error(resolved.message);
        }
        return {contextUrl: null, documentUrl: url, document: structuredClone(resolved.document)};
      }
      const key = await keyFor(url);
      if(!key) {
        throw new Error(`${url} is not an assertion key of ${did}`);
      }
      return {contextUrl: null, documentUrl: url, document: key};
    }
    if(fetchable.has(url)) {
      const got = await fetchJson(url);
      if(!got.document) {
        throw new Error(got.message);
      }
      return {contextUrl: null, documentUrl: url, document: structuredClone(got.document)};
    }
    throw new Error(`${url} is not a standard context the verifier has, nor anything it may fetch; ` +
      'it never fetches contexts');
  }

  return {fetchJson, resolveDid, keyFor, documentLoader};
}
