/*
 * Reading a credential from what a person has: a credential.json, a badge image
 * with the credential baked in (Open Badges 3.0, "Baking"), pasted JSON, or a
 * URL. PNG: an iTXt chunk with the keyword 'openbadgecredential', compressed or
 * not (credsite writes it uncompressed; other bakers compress). SVG: an
 * <openbadges:credential> element holding the JSON as CDATA or as text. A
 * `verify` attribute naming a URL is never followed: the image either carries
 * the credential or it does not.
 */

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_KEYWORD = 'openbadgecredential';
const OB_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';

function fail(code, message) {
  const error = new Error(message);
  error.code = code;
  return error;
}

function isPng(bytes) {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

async function inflate(bytes) {
  // zlib format ("deflate" in the Compression Streams standard), as PNG's compression method 0 is.
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The credential's bytes from a PNG's iTXt chunk; null when the image carries none. */
async function unbakePng(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const latin1 = new TextDecoder('latin1');
  for(let at = 8; at + 12 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = latin1.decode(bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, Math.min(at + 8 + length, bytes.length));
    if(type === 'iTXt' && latin1.decode(body.subarray(0, PNG_KEYWORD.length + 1)) === PNG_KEYWORD + '\0') {
      // keyword NUL, compression flag, compression method, language tag NUL, translated keyword NUL, text
      let rest = body.subarray(PNG_KEYWORD.length + 1);
      const compressed = rest[0] === 1;
      rest = rest.subarray(2);
      for(let skip = 0; skip < 2; skip++) {
        const nul = rest.indexOf(0);
        if(nul < 0) {
          return null;
        }
        rest = rest.subarray(nul + 1);
      }
      return compressed ? inflate(rest) : rest;
    }
    if(type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  return null;
}

/** The credential's text from an SVG's <openbadges:credential>; null when it carries none. */
function unbakeSvg(text) {
  if(typeof DOMParser !== 'function') {
    throw fail('unsupported', 'reading an SVG badge needs a browser (DOMParser)');
  }
  const svg = new DOMParser().parseFromString(text, 'image/svg+xml');
  if(svg.getElementsByTagName('parsererror').length) {
    return null;
  }
  const element = svg.getElementsByTagNameNS(OB_NAMESPACE, 'credential')[0];
  const content = element?.textContent.trim();
  return content ? content : null;
}

function parseJson(text, where) {
  let value;
  try {
    value = JSON.parse(text);
  } catch(error) {
    throw fail('not-json', `${where}is not valid JSON (${error.message})`);
  }
  if(value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw fail('not-object', `${where}is JSON, but not a JSON object, so not a credential`);
  }
  return value;
}

function decodeText(bytes) {
  try {
    // A byte order mark is allowed, as Python's utf-8-sig reads it.
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  } catch {
    throw fail('unsupported', 'not a credential: a credential is a JSON file, or a badge image (PNG or SVG) ' +
      'with one baked in');
  }
}

/** A credential from bytes: a baked PNG, a baked SVG, or JSON. */
async function fromBytes(bytes, source) {
  if(isPng(bytes)) {
    let baked;
    try {
      baked = await unbakePng(bytes);
    } catch {
      baked = null;  // a damaged image or compressed text carries nothing readable
    }
    if(!baked) {
      throw fail('no-credential', 'this PNG image carries no baked credential');
    }
    return {credential: parseJson(decodeText(baked), 'the credential baked into this PNG image '),
      source: source ?? 'png'};
  }
  return fromText(decodeText(bytes), source);
}

async function fromText(text, source) {
  const trimmed = text.trim();
  if(trimmed.startsWith('<')) {
    const baked = unbakeSvg(trimmed);
    if(!baked) {
      throw fail('no-credential', 'this SVG image carries no baked credential');
    }
    return {credential: parseJson(baked, 'the credential baked into this SVG image '), source: source ?? 'svg'};
  }
  return {credential: parseJson(trimmed, ''), source: source ?? 'json'};
}

/** Only https, and plain http to this machine (a site being previewed): what a secure page may fetch. */
function isFetchableUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === 'https:' ||
    (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
}

async function fromUrl(url, fetch) {
  let bytes;
  try {
    const response = await Reflect.apply(fetch, globalThis, [url, {credentials: 'omit'}]);
    if(!response.ok) {
      throw fail('fetch-failed', `${url} answered HTTP ${response.status}`);
    }
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch(error) {
    if(error.code === 'fetch-failed') {
      throw error;
    }
    throw fail('fetch-failed', `${url} could not be fetched (offline, or its server does not allow ` +
      `cross-origin requests: CORS): ${error.message}`);
  }
  return fromBytes(bytes, 'url');
}

/**
 * The credential in `input`: a File or Blob, an ArrayBuffer, a Uint8Array (or any typed
 * array view), or a string holding JSON, an SVG, or an https:// (or http://localhost) URL.
 * Resolves to {credential, source}; rejects with an Error whose .code says why.
 */
export async function readCredential(input, {fetch = globalThis.fetch} = {}) {
  if(typeof input === 'string') {
    const trimmed = input.trim();
    if(/^https?:\/\//i.test(trimmed)) {
      if(!isFetchableUrl(trimmed)) {
        throw fail('unsupported', `${trimmed}: only https:// URLs (or http://localhost) can be fetched`);
      }
      return fromUrl(trimmed, fetch);
    }
    return fromText(trimmed);
  }
  if(typeof Blob === 'function' && input instanceof Blob) {
    return fromBytes(new Uint8Array(await input.arrayBuffer()));
  }
  if(input instanceof ArrayBuffer) {
    return fromBytes(new Uint8Array(input));
  }
  if(ArrayBuffer.isView(input)) {
    return fromBytes(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
  }
  throw fail('unsupported', 'give a file, its bytes, JSON text or a URL');
}
