/** A throw-away copy of the sample edition, and an edit that must find what it replaces. */

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';

/** guide.yaml, policies/ and templates/ of the sample, copied into a new temporary folder. */
export function copySampleEdition(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `guide-${prefix}-`));
  for (const item of ['guide.yaml', 'policies', 'templates'])
    cpSync(path.join(repoRoot, item), path.join(dir, item), { recursive: true });
  return dir;
}

/** Replaces `from` in a file; fails the test when it is not there (the fixture drifted). */
export function editFile(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  assert.notEqual(changed, text, `${from} not found in ${file}`);
  writeFileSync(file, changed);
}
