#!/usr/bin/env node
/*
 * Print, as a JSON array, the URLs of the standard JSON-LD contexts in the
 * closed world (offline.mjs, from their npm packages), so tests/test_interop.py
 * can check that everything the site publishes names only contexts a verifier
 * can load.
 */

import {STANDARD_CONTEXTS} from './offline.mjs';

process.stdout.write(JSON.stringify([...STANDARD_CONTEXTS.keys()]) + '\n');
