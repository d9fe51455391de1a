/**
 * guide's startup snapshot (src/cli/snapshot/): bin/guide.js starts build from it only
 * while it is current, and what comes out of a run (files, terminal output, exit code) is what
 * comes out without it. The snapshot is made here in another language, time zone and folder than
 * the runs, so that anything it kept from the process that made it would show.
 */

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { snapshotBlob, snapshotFolder, stampFile, stampOf, type SnapshotStamp } from '../../src/cli/snapshot/launch.js';
import { repoRoot } from '../helpers/paths.js';
import { copyEdition, editFile, run, spawnGuide, type ProcessRun } from '../release/helpers.js';

/** The environment of the runs: no node options (they turn the snapshot off), English. */
const env: NodeJS.ProcessEnv = { ...process.env, GUIDE_LANG: 'en', TZ: 'Asia/Taipei' };
delete env.NODE_OPTIONS;
delete env.GUIDE_NO_SNAPSHOT;
const plain: NodeJS.ProcessEnv = { ...env, GUIDE_NO_SNAPSHOT: '1' };

/** The files a build wrote into `dir`, by name, as bytes. */
function outputs(dir: string): Map<string, Buffer> {
  const folder = path.join(dir, 'dist');
  return new Map(readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name))]));
}

/** Runs `args` in `dir` from the snapshot and without it; both runs as the user would see them. */
async function bothWays(args: string[], dir: string): Promise<[ProcessRun, ProcessRun]> {
  assert.ok(snapshotBlob(args, env, []), `guide ${args.join(' ')} should run from the snapshot`);
  assert.equal(snapshotBlob(args, plain, []), undefined);
  return [await spawnGuide(args, { cwd: dir, env }), await spawnGuide(args, { cwd: dir, env: plain })];
}

describe('startup snapshot', () => {
  const hadStamp = existsSync(stampFile);

  before(async () => {
    const made = await run(process.execPath, [path.join(repoRoot, 'lib/cli/snapshot/make.js')], {
      cwd: tmpdir(),
      env: { ...env, GUIDE_LANG: 'zh-Hans', TZ: 'UTC', FORCE_COLOR: '1' },
    });
    assert.equal(made.stderr, '');
    assert.equal(made.code, 0);
  });

  after(() => {
    // Leave lib/ as it was: without a snapshot unless it had one (then it has a current one).
    if (hadStamp) return;
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as SnapshotStamp;
    rmSync(stampFile, { force: true });
    rmSync(path.join(snapshotFolder, stamp.blob), { force: true });
  });

  it('serves build only, and not when turned off or when node is given options', () => {
    assert.ok(snapshotBlob(['build'], env, []));
    assert.ok(snapshotBlob(['--lang', 'zh-Hant', 'build', '--format', 'pdf'], env, []));
    for (const light of [['--help'], [], ['list'], ['validate'], ['--lang', 'build'], ['help', 'build']])
      assert.equal(snapshotBlob(light, env, []), undefined, light.join(' '));
    assert.equal(snapshotBlob(['build'], { ...env, NODE_OPTIONS: '--max-old-space-size=300' }, []), undefined);
    assert.equal(snapshotBlob(['build'], env, ['--inspect']), undefined);
  });

  it('builds the same bytes and says the same as a build without it', async () => {
    const [fromSnapshot, withoutIt] = [await copyEdition(), await copyEdition()];
    const snapshotRun = await spawnGuide(['build'], { cwd: fromSnapshot, env });
    const plainRun = await spawnGuide(['build'], { cwd: withoutIt, env: plain });
    assert.ok(snapshotBlob(['build'], env, []));
    assert.equal(snapshotRun.code, 0, snapshotRun.stderr);
    assert.deepEqual(snapshotRun, plainRun);
    const [built, expected] = [outputs(fromSnapshot), outputs(withoutIt)];
    assert.deepEqual([...built.keys()].sort(), [...expected.keys()].sort());
    assert.equal(built.size, 3);
    for (const [name, bytes] of expected) assert.ok(bytes.equals(built.get(name)!), `${name} differs`);
  });

  it('reports the same diagnostics with the same exit codes, as text and as JSON', async () => {
    const dir = await copyEdition();
    await editFile(path.join(dir, 'policies/tax/tax-small-scale-vat.yaml'), (text) => text.replace(/^fee:/m, 'fees:'));
    for (const args of [
      ['build'],
      ['--lang', 'zh-Hant', 'build', '--format', 'pdf'],
      ['build', '--pdf-standard', 'nonsense'],
    ]) {
      const [snapshotRun, plainRun] = await bothWays(args, dir);
      assert.deepEqual(snapshotRun, plainRun, args.join(' '));
      assert.equal(snapshotRun.code, args.includes('nonsense') ? 2 : 1, args.join(' '));
    }
    assert.equal(existsSync(path.join(dir, 'dist')), false);
  });

  it('is not used once a file it was made from, the node that made it or its folder is not the same', () => {
    const stampText = readFileSync(stampFile, 'utf8');
    const stamp = JSON.parse(stampText) as SnapshotStamp;
    assert.ok(stamp.inputs.some(([file]) => file === path.join(repoRoot, 'lib/cli/main.js')));
    // A file of its own stands for one of guide's modules, so lib/ is left as it is.
    const module = path.join(mkdtempSync(path.join(tmpdir(), 'guide-snapshot-')), 'module.js');
    writeFileSync(module, 'export {};\n');
    const stamped = (changes: Partial<SnapshotStamp>) =>
      writeFileSync(stampFile, JSON.stringify({ ...stamp, ...changes }));
    try {
      stamped({ inputs: [...stamp.inputs, stampOf(module)] });
      assert.ok(snapshotBlob(['build'], env, []));
      const later = new Date(Date.now() + 5000);
      utimesSync(module, later, later);
      assert.equal(snapshotBlob(['build'], env, []), undefined);
      stamped({ node: { ...stamp.node, version: 'v0.0.0' } });
      assert.equal(snapshotBlob(['build'], env, []), undefined);
      stamped({ root: path.dirname(module) });
      assert.equal(snapshotBlob(['build'], env, []), undefined);
      stamped({ blob: 'gone.blob' });
      assert.equal(snapshotBlob(['build'], env, []), undefined);
    } finally {
      writeFileSync(stampFile, stampText);
      rmSync(path.dirname(module), { recursive: true, force: true });
    }
    assert.ok(snapshotBlob(['build'], env, []));
  });
});
