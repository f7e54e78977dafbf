/*
 * The offline JSON-LD document loader shared by verify.mjs and canonize.mjs.
 *
 * It serves only what a verifier of a credsite credential needs, all from
 * local files, and throws for every other URL: a missing context or a stray
 * link must show up as an error, never as a silent download.
 *   - the JSON-LD contexts credsite ships (generator/contexts, via sources.json),
 *   - the issuer's DID document, read from a built site folder where did:web
 *     resolution would find it, and the verification methods in it,
 *   - status list credentials under the site's base URL (derived from the
 *     did:web), read from the same folder.
 */

import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CONTEXTS_DIR = path.resolve(HERE, '..', '..', 'generator', 'contexts');

// credsite's own extension context is not in sources.json (it is not taken from
// an npm package); its URL is routes.EXTENSION_CONTEXT_URL in generator/routes.py.
const EXTENSION_CONTEXT_URL = 'https://w3id.org/credsite/ns/v1';
const EXTENSION_CONTEXT_FILE = 'credsite-v1.jsonld';

export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** URL -> parsed context, for every context credsite signs with. */
export function loadContexts() {
  const contexts = new Map();
  for(const {url, file} of readJson(path.join(CONTEXTS_DIR, 'sources.json'))) {
    contexts.set(url, readJson(path.join(CONTEXTS_DIR, file)));
  }
  contexts.set(EXTENSION_CONTEXT_URL,
    readJson(path.join(CONTEXTS_DIR, EXTENSION_CONTEXT_FILE)));
  return contexts;
}

/** did:web:host%3A8443:a:b -> https://host:8443/a/b/ (did:web method spec, "Read"). */
export function baseUrlFromDidWeb(did) {
  const parts = typeof did === 'string' ? did.split(':') : [];
  if(parts.length < 3 || parts[0] !== 'did' || parts[1] !== 'web' || !parts[2]) {
    throw new Error(`not a did:web DID: ${did}`);
  }
  const host = decodeURIComponent(parts[2]);
  const segments = parts.slice(3).map(decodeURIComponent);
  return `https://${host}/` + segments.map(s => s + '/').join('');
}

/**
 * The built site's DID document, from where did:web resolution would fetch it.
 *
 * The site folder is what is served at the base URL, so did:web:host:path
 * resolves to <folder>/did.json and did:web:host (a site at a host's root) to
 * <folder>/.well-known/did.json. A document found at the other place would not
 * resolve on the web, so it is an error here rather than a lucky pass.
 */
export function loadDidDocument(siteDir) {
  const names = ['did.json', path.join('.well-known', 'did.json')];
  const found = names.filter(name => fs.existsSync(path.join(siteDir, name)));
  if(found.length === 0) {
    throw new Error(
      `${siteDir} has neither did.json nor .well-known/did.json: ` +
      'is it a built credsite site whose site.yaml lists keys?');
  }
  const file = path.join(siteDir, found[0]);
  const document = readJson(file);
  const did = document.id;
  const baseUrl = baseUrlFromDidWeb(did);
  const expected = did.split(':').length > 3 ? names[0] : names[1];
  if(found[0] !== expected) {
    throw new Error(
      `${file} holds ${did}, which did:web resolves from ${expected}, not ${found[0]}`);
  }
  return {did, baseUrl, document, file};
}

/**
 * A jsonld.js documentLoader over `contexts` and, when `didDoc` is given, the
 * DID document and the status lists of the site in `siteDir`.
 * `loaded` records every URL served, in first-use order.
 */
export function makeDocumentLoader({contexts, didDoc = null, siteDir = null}) {
  const loaded = new Set();
  const statusPrefix = didDoc ? didDoc.baseUrl + 'status/' : null;
  const statusDir = siteDir ? path.resolve(siteDir, 'status') : null;

  const serve = (url, document) => {
    loaded.add(url);
    // jsonld.js and the suites may modify what they get: hand out a fresh copy.
    return {contextUrl: null, documentUrl: url, document: structuredClone(document)};
  };

  async function documentLoader(url) {
    if(contexts.has(url)) {
      return serve(url, contexts.get(url));
    }
    if(didDoc && url === didDoc.did) {
      return serve(url, didDoc.document);
    }
    if(didDoc && url.startsWith(didDoc.did + '#')) {
      const {document} = didDoc;
      const fragment = url.slice(didDoc.did.length);
      const method = (document.verificationMethod || []).find(
        m => m.id === url || m.id === fragment);
      if(!method) {
        throw new Error(`${url} is not a verification method in ${didDoc.file}`);
      }
      // Dereferenced on its own, a verification method needs the DID document's
      // @context (ed25519-multikey insists on the Multikey context) and its full id.
      return serve(url, {'@context': document['@context'], ...method, id: url});
    }
    if(statusPrefix && url.startsWith(statusPrefix)) {
      const relative = url.slice(statusPrefix.length).split('#')[0].split('?')[0];
      const file = path.resolve(statusDir, relative);
      // path.resolve + prefix check: a crafted "../" URL cannot read outside status/.
      if(!relative || !file.startsWith(statusDir + path.sep) || !fs.existsSync(file)) {
        throw new Error(`status list ${url} is not in ${statusDir}`);
      }
      return serve(url, readJson(file));
    }
    throw new Error(`offline document loader: refusing to load ${url}`);
  }

  return {documentLoader, loaded};
}

/** This tooling is offline by contract: a dependency calling fetch() is a bug. */
export function forbidNetwork() {
  globalThis.fetch = async url => {
    throw new Error(`offline: refused fetch(${url})`);
  };
}
