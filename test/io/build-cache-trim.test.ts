/**
 * The build cache's bound: the folder is measured and its entries used longest ago dropped when
 * what its ledger counts would take it past the bound, at least every 32 runs, and when the ledger
 * is missing or unreadable; in between, a run only adds what it wrote to the ledger. And its
 * writes: a few files open at a time.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { openBuildCache } from '../../src/io/build-cache.js';
import { copySampleEdition } from '../helpers/edition.js';
import { repoRoot } from '../helpers/paths.js';

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-cache-trim-'));
  folders.push(dir);
  return path.join(dir, 'cache');
}

/** The entries in the folder, and the bytes they hold. */
function entries(dir: string): { names: string[]; bytes: number } {
  const names = readdirSync(dir).filter((name) => /^[a-z][a-z-]*\.[0-9a-f]{64}$/.test(name));
  return { names, bytes: names.reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0) };
}

const ledger = (dir: string) => readFileSync(path.join(dir, 'guide-cache-usage'), 'utf8');

/** One run that writes `count` entries of `size` bytes, named from `first` on. */
async function run(dir: string, maxBytes: number, first: number, count = 1, size = 10_000): Promise<void> {
  const cache = openBuildCache(dir, { maxBytes });
  for (let i = first; i < first + count; i++) cache.set(`entry.${i}`, new Uint8Array(size).fill(i % 251));
  await cache.flush();
}

describe('build cache bound', () => {
  it('measures the folder on its first run, then counts what each run adds in the ledger', async () => {
    const dir = folder();
    await run(dir, 1_000_000, 0);
    const [measured, runs] = ledger(dir).split(' ').map(Number);
    assert.equal(measured, entries(dir).bytes);
    assert.equal(runs, 0);
    await run(dir, 1_000_000, 1);
    const [counted, after] = ledger(dir).split(' ').map(Number);
    // What the run wrote, with room for each entry's header.
    assert.ok(counted! >= entries(dir).bytes && counted! < entries(dir).bytes + 1000, String(counted));
    assert.equal(after, 1);
  });

  it('drops the entries used longest ago once the ledger says the folder is past its bound', async () => {
    const dir = folder();
    const maxBytes = 100_000;
    // Eight runs of one 10 KB entry each, each used a minute after the one before.
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      await run(dir, maxBytes, i);
      const added = entries(dir).names.find((name) => !order.includes(name))!;
      order.push(added);
      const used = new Date(Date.now() - 60_000 * (10 - i));
      utimesSync(path.join(dir, added), used, used);
    }
    assert.equal(entries(dir).names.length, 8);
    // Three more entries take the count past 100 KB: the folder is measured and trimmed to 75 KB,
    // the entries used longest ago first.
    await run(dir, maxBytes, 8, 3);
    const left = entries(dir);
    assert.ok(left.bytes <= (maxBytes * 3) / 4, String(left.bytes));
    const kept = order.filter((name) => left.names.includes(name));
    assert.ok(kept.length > 0 && kept.length < order.length);
    assert.deepEqual(kept, order.slice(order.length - kept.length));
    assert.equal(ledger(dir), `${left.bytes} 0`);
  });

  it('measures again on the 32nd run after a measure, and when the ledger is not as written', async () => {
    const dir = folder();
    await run(dir, 10_000_000, 0);
    for (let i = 1; i <= 31; i++) await run(dir, 10_000_000, i);
    assert.equal(ledger(dir).split(' ')[1], '31');
    await run(dir, 10_000_000, 32);
    assert.equal(ledger(dir), `${entries(dir).bytes} 0`);
    for (const garbled of ['not a ledger', '123 ', ' 5', '12 3 4']) {
      writeFileSync(path.join(dir, 'guide-cache-usage'), garbled);
      await run(dir, 10_000_000, 33);
      assert.equal(ledger(dir), `${entries(dir).bytes} 0`, garbled);
    }
    assert.equal(ledger(dir), `${entries(dir).bytes} 0`);
  });
});

describe('build cache writes', () => {
  it('keeps to a few open files: a build succeeds where the process may hold only 80', () => {
    // Writing every entry at once held a file open for each, beside the output files: a cold
    // build of the sample (about 130 entries) failed with EMFILE at this limit.
    const edition = copySampleEdition('guide-cache-files-');
    folders.push(edition);
    const run = spawnSync(
      'bash',
      ['-c', `ulimit -n 80 && exec "${process.execPath}" "${path.join(repoRoot, 'bin/guide.cjs')}" build --out out`],
      { cwd: edition, encoding: 'utf8', env: { ...process.env, GUIDE_LANG: 'en' } },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.ok(entries(path.join(edition, '.guide-cache')).names.length > 100);
    assert.ok(readdirSync(path.join(edition, 'out')).some((name) => name.endsWith('.docx')));
  });
});
