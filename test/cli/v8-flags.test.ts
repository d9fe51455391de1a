/**
 * The V8 flags guide's commands set for their process (src/commands/v8-flags.ts): `guide build`
 * and `guide batch` leave the optimizing compiler to hot code (node 20), `guide batch` holds
 * heap growth, and commands that build nothing leave V8 as it is.
 */

import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { spawnGuide, tempDir } from '../release/helpers.js';

const folder = await tempDir('guide-v8-flags-');
after(() => rmSync(folder, { recursive: true, force: true }));

/** Loaded into guide's process first: writes down every flag given to V8 at run time, on stderr as the process ends. */
const probe = `
import fs from 'node:fs';
import module from 'node:module';
import v8 from 'node:v8';
const flags = [];
const setFlagsFromString = v8.setFlagsFromString;
v8.setFlagsFromString = (flag) => { flags.push(flag); setFlagsFromString(flag); };
module.syncBuiltinESMExports();
process.on('exit', () => fs.writeSync(2, '\\nflags: ' + JSON.stringify(flags)));
`;

/** The flags `guide …args` set, run in an empty folder: the command runs, and stops at the missing guide.yaml. */
async function flagsSetBy(...args: string[]): Promise<string[]> {
  const run = await spawnGuide(args, { cwd: folder, env: { ...process.env, GUIDE_LANG: 'en' }, probe });
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, /E-CONFIG-MISSING/);
  const found = /\nflags: (.*)$/.exec(run.stderr);
  assert.ok(found, run.stderr);
  return JSON.parse(found[1]!) as string[];
}

const hotCodeOnly = process.versions.node.split('.')[0] === '20' ? ['--interrupt-budget=270336'] : [];

describe('V8 flags of a command', () => {
  it('guide build: the optimizing compiler for hot code only', async () => {
    assert.deepEqual(await flagsSetBy('build'), hotCodeOnly);
  });

  it('guide batch: heap growth held as well', async () => {
    assert.deepEqual(await flagsSetBy('batch', '--firms', 'firms.csv'), ['--heap-growing-percent=50', ...hotCodeOnly]);
  });

  it('guide validate and guide list: none', async () => {
    assert.deepEqual(await flagsSetBy('validate'), []);
    assert.deepEqual(await flagsSetBy('list'), []);
  });
});
