/**
 * The V8 flags guide's commands set for their process (src/commands/v8-flags.ts): `guide build`
 * and `guide batch` leave the optimizing compiler to hot code (node 20), `guide build` holds the
 * young generation (node 20) and lets it go for an edition of more than 150 measures, `guide
 * batch` holds heap growth, and commands that build nothing leave V8 as it is.
 */

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { repoRoot } from '../helpers/paths.js';
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

/**
 * The flags `guide …args` set, run in `cwd` (an empty folder unless given): the command runs, and
 * stops at what the folder lacks (`stopsAt`, the missing guide.yaml by default).
 */
async function flagsSetBy(args: string[], cwd = folder, stopsAt = /E-CONFIG-MISSING/, code = 1): Promise<string[]> {
  const run = await spawnGuide(args, { cwd, env: { ...process.env, GUIDE_LANG: 'en' }, probe });
  assert.equal(run.code, code, run.stderr);
  assert.match(run.stderr, stopsAt);
  const found = /\nflags: (.*)$/.exec(run.stderr);
  assert.ok(found, run.stderr);
  return JSON.parse(found[1]!) as string[];
}

const node20 = process.versions.node.split('.')[0] === '20';
const hotCodeOnly = node20 ? ['--interrupt-budget=270336'] : [];
const youngGenerationHeld = node20 ? ['--semi-space-growth-factor=1'] : [];
const youngGenerationLetGo = node20 ? ['--semi-space-growth-factor=2'] : [];

/**
 * The sample edition with `count` measures: copies of the sample's, with ids of their own.
 */
function editionOf(count: number): string {
  const dir = path.join(folder, `edition-${count}`);
  cpSync(path.join(repoRoot, 'guide.yaml'), path.join(dir, 'guide.yaml'));
  for (const item of ['schema', 'templates'])
    cpSync(path.join(repoRoot, item), path.join(dir, item), { recursive: true });
  const samples = readdirSync(path.join(repoRoot, 'policies'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => path.join(repoRoot, 'policies', name));
  for (let i = 0; i < count; i++) {
    const sample = samples[i % samples.length]!;
    const text = readFileSync(sample, 'utf8');
    const id = `${/^id: (.*)$/m.exec(text)![1]}-${i}`;
    const into = path.join(dir, path.relative(repoRoot, path.dirname(sample)));
    mkdirSync(into, { recursive: true });
    writeFileSync(path.join(into, `${id}.yaml`), text.replace(/^id: .*$/m, `id: ${id}`));
  }
  return dir;
}

describe('V8 flags of a command', () => {
  it('guide build: the optimizing compiler for hot code only, and the young generation held', async () => {
    assert.deepEqual(await flagsSetBy(['build']), [...hotCodeOnly, ...youngGenerationHeld]);
  });

  it('guide build: the young generation held for 150 measures, and let go for 151', async () => {
    // Options that cannot go together, refused once the catalogue is read: the build stops there.
    const refused = async (count: number) =>
      flagsSetBy(['build', '--print', '--pdf-standard', 'a-2a'], editionOf(count), /--print cannot be combined/, 2);
    assert.deepEqual(await refused(150), [...hotCodeOnly, ...youngGenerationHeld]);
    assert.deepEqual(await refused(151), [...hotCodeOnly, ...youngGenerationHeld, ...youngGenerationLetGo]);
  });

  it('guide batch: heap growth held as well', async () => {
    assert.deepEqual(await flagsSetBy(['batch', '--firms', 'firms.csv']), [
      '--heap-growing-percent=50',
      ...hotCodeOnly,
    ]);
  });

  it('guide validate and guide list: none', async () => {
    assert.deepEqual(await flagsSetBy(['validate']), []);
    assert.deepEqual(await flagsSetBy(['list']), []);
  });
});
