/*
 * The standard JSON-LD contexts: the closed world of contexts the verifier has.
 *
 * build.mjs embeds them from generator/contexts/ (the files listed in its
 * sources.json), as their exact text, so the browser canonicalizes with the
 * same bytes as `credsite build` and `credsite verify`. No context is ever
 * fetched: a verifier that fetched contexts would let whoever serves one change
 * what a signed credential means.
 */

import TEXTS from 'credsite:contexts';

/** Is `url` one of the contexts the verifier has? */
export function isStandardContext(url) {
  return TEXTS.has(url);
}

/** The context at `url`, a fresh copy each time: nothing a library does to it can leak into the next check. */
export function contextDocument(url) {
  return JSON.parse(TEXTS.get(url));
}

/*
 * Every URL an @context names, at any depth: in the document, in nested nodes,
 * and in scoped contexts inside inline context objects (the same walk as
 * generator/credentials/closed_world.py's context_urls).
 */
export function contextUrls(node, found = []) {
  if(Array.isArray(node)) {
    node.forEach(item => contextUrls(item, found));
  } else if(node && typeof node === 'object') {
    for(const [key, value] of Object.entries(node)) {
      if(key === '@context') {
        urlsInContext(value, found);
      } else {
        contextUrls(value, found);
      }
    }
  }
  return found;
}

function urlsInContext(value, found) {
  if(typeof value === 'string') {
    found.push(value);
  } else if(Array.isArray(value)) {
    value.forEach(item => urlsInContext(item, found));
  } else if(value && typeof value === 'object') {
    contextUrls(value, found);
  }
}
