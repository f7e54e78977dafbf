#!/usr/bin/env node
/*
 * Build credsite's in-browser verifier: src/index.mjs and the pinned npm
 * packages it imports, bundled by esbuild into one minified ES module, plus a
 * record of what went into it.
 *
 *   npm ci && node build.mjs [OUTPUT_FOLDER]
 *
 * OUTPUT_FOLDER defaults to generator/data/verifier/, where the bundle is
 * committed; tests/test_verifier_bundle.py builds into a temporary folder and
 * compares. Two builds of the same sources are byte-identical: fixed options,
 * no timestamps, no absolute paths, inputs in a fixed order.
 *
 * Writes:
 *   credsite-verifier.js  the bundle; the licence texts of every bundled package at its end
 *   sources.json          each bundled package (version, licence, tarball, integrity from
 *                         package-lock.json), esbuild's version, the bundle's sha256 and
 *                         gzipped size, the contexts bundled and their sha256
 */

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import zlib from 'node:zlib';

import * as esbuild from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const CONTEXTS = path.join(ROOT, 'generator', 'contexts');
const BUNDLE = 'credsite-verifier.js';
const BUDGET = 100 * 1024;  // gzipped bytes (issue #13)

const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const sha256 = bytes => crypto.createHash('sha256').update(bytes).digest('hex');

/*
 * The standard contexts, from the files credsite's Python build loads (listed in
 * generator/contexts/sources.json, which excludes credsite's own vocabulary), in
 * that order, as their exact text.
 */
function standardContexts() {
  return readJson(path.join(CONTEXTS, 'sources.json')).map(({url, file}) => {
    const bytes = fs.readFileSync(path.join(CONTEXTS, file));
    return {url, file, sha256: sha256(bytes), text: bytes.toString('utf8')};
  });
}

/* The import 'credsite:contexts' is this generated module: a Map from URL to text. */
function contextsPlugin(contexts) {
  return {
    name: 'credsite-contexts',
    setup(build) {
      build.onResolve({filter: /^credsite:contexts$/}, args => ({path: args.path, namespace: 'credsite'}));
      build.onLoad({filter: /.*/, namespace: 'credsite'}, () => ({
        contents: `export default new Map(${JSON.stringify(contexts.map(c => [c.url, c.text]))});`,
        loader: 'js'
      }));
    }
  };
}

/*
 * A package's "browser" field also covers the file its "exports" names: esbuild
 * remaps the relative imports inside a package but not an entry point reached
 * through "exports", so base64url-universal would bring Node's Buffer into the
 * browser. This applies the package's own remapping to its entry point too.
 */
const browserEntries = {
  name: 'browser-entry-points',
  setup(build) {
    build.onResolve({filter: /^[^./]/}, async args => {
      if(args.pluginData?.browserEntries || args.namespace !== 'file') {
        return undefined;
      }
      const found = await build.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir,
        importer: args.importer, pluginData: {browserEntries: true}});
      const root = found.path && /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(found.path)?.[1];
      const browser = root && readJson(path.join(root, 'package.json')).browser;
      const mapped = browser && typeof browser === 'object' ?
        browser['./' + path.relative(root, found.path).split(path.sep).join('/')] : undefined;
      // Anything else resolves as esbuild would have resolved it.
      return typeof mapped === 'string' ? {path: path.join(root, mapped)} : undefined;
    });
  }
};

/* 'node_modules/a/node_modules/@b/c/lib/x.js' -> 'node_modules/a/node_modules/@b/c' (package-lock's key). */
function packageRoot(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match ? match[1] : null;
}

/*
 * Where npm fetched a package from. A lock file written with npm's
 * omit-lockfile-registry-resolved setting leaves this out; the registry's URL
 * for a name and version is fixed, and the integrity digest pins the bytes.
 */
function tarball(name, entry) {
  return entry.resolved ??
    `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
}

function licenceText(folder) {
  const name = fs.readdirSync(folder).sort().find(f => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  if(!name) {
    throw new Error(`${folder} ships no licence file; it cannot be bundled`);
  }
  // Inside a block comment: a "*/" would end it early.
  return fs.readFileSync(path.join(folder, name), 'utf8').replaceAll('*/', '* /').trim();
}

async function main([output = path.join(ROOT, 'generator', 'data', 'verifier')]) {
  const contexts = standardContexts();
  const built = await esbuild.build({
    absWorkingDir: HERE,
    entryPoints: ['src/index.mjs'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // Browsers with DecompressionStream, BigInt and top-level module support.
    target: ['es2022'],
    minify: true,
    // Copyright notices in the code go to the end; the full licence texts follow them (below).
    legalComments: 'eof',
    charset: 'ascii',
    sourcemap: false,
    metafile: true,
    write: false,
    logLevel: 'warning',
    plugins: [contextsPlugin(contexts), browserEntries]
  });
  const [code] = built.outputFiles;

  const lock = readJson(path.join(HERE, 'package-lock.json'));
  const roots = [...new Set(Object.keys(built.metafile.inputs).map(packageRoot).filter(Boolean))].sort();
  const packages = roots.map(root => {
    const entry = lock.packages[root];
    if(!entry) {
      throw new Error(`${root} is bundled but not in package-lock.json`);
    }
    const name = root.slice(root.lastIndexOf('node_modules/') + 'node_modules/'.length);
    return {name, version: entry.version, license: entry.license ?? '', resolved: tarball(name, entry),
      integrity: entry.integrity, path: root};
  });
  const licences = packages.map(p =>
    `${p.name} ${p.version} (${p.license})\n\n${licenceText(path.join(HERE, p.path))}`).join('\n\n----\n\n');
  const bundle = Buffer.concat([Buffer.from(code.contents),
    Buffer.from(`/*! Licences of the packages bundled above:\n\n${licences}\n*/\n`)]);

  const gzipped = zlib.gzipSync(bundle, {level: 9}).length;
  if(gzipped > BUDGET) {
    throw new Error(`${BUNDLE} is ${gzipped} bytes gzipped, over the budget of ${BUDGET}`);
  }
  const esbuildEntry = lock.packages['node_modules/esbuild'];
  const sources = {
    description: "credsite's in-browser verifier, built from verifier/ by `npm ci && node build.mjs` " +
      '(verifier/README.md); tests/test_verifier_bundle.py rebuilds it and compares',
    bundle: {file: BUNDLE, sha256: sha256(bundle), bytes: bundle.length, gzip_bytes: gzipped,
      gzip: 'zlib level 9 (node zlib.gzipSync)', budget_gzip_bytes: BUDGET},
    esbuild: {version: esbuild.version, license: esbuildEntry.license, resolved: tarball('esbuild', esbuildEntry),
      integrity: esbuildEntry.integrity},
    packages: packages.map(({path: _, ...p}) => p),
    contexts: contexts.map(({url, file, sha256}) => ({url, file: `generator/contexts/${file}`, sha256}))
  };

  fs.mkdirSync(output, {recursive: true});
  fs.writeFileSync(path.join(output, BUNDLE), bundle);
  fs.writeFileSync(path.join(output, 'sources.json'), JSON.stringify(sources, null, 2) + '\n');
  process.stdout.write(`${path.join(output, BUNDLE)}: ${bundle.length} bytes, ${gzipped} gzipped, ` +
    `${packages.length} packages, ${contexts.length} contexts\n`);
}

await main(process.argv.slice(2));
