/**
 * @module examples/custom-store/conformance
 * Runs reglament's published Store conformance suite (`reglament/testing`) against the JSON-file
 * adapter, each case on a fresh file in a temporary directory. Exits non-zero when a case fails.
 * Run: npx tsx examples/custom-store/conformance.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testStore } from 'reglament/testing';
import { createJsonFileStore } from './json-file-store.js';

const directory = mkdtempSync(join(tmpdir(), 'reglament-json-store-'));
let files = 0;

testStore('json-file store', {
  create: async () => createJsonFileStore({ file: join(directory, `store-${++files}.json`) }),
});

process.on('exit', () => rmSync(directory, { recursive: true, force: true }));
