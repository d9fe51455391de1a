import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { BatchManifest } from '../../src/batch/manifest.js';
import { repoRoot } from '../helpers/paths.js';

const guide = path.join(repoRoot, 'bin/guide.cjs');
const firmCount = 40;

/** A list of firms of every kind, enough for a run that takes a few seconds. */
function firmList(): string {
  const industries = ['製造業', '食品', '電子資訊', '裝備製造', '化工', '紡織服裝', '交通運輸與物流', '文化旅遊'];
  const needs = ['融資困難', '用工緊張', '物流不暢', '防疫物資短缺', '經營成本高', '市場訂單減少', '稅費負擔'];
  const sizes = ['微型', '小型', '中型', '大型'];
  const lines = ['編號,企業名稱,聯繫人,電子郵箱,所在城市,行業,規模,是否出口,困難訴求'];
  for (let i = 1; i <= firmCount; i++) {
    lines.push(
      [
        `K${String(i).padStart(3, '0')}`,
        `臺資企業${i}號有限公司`,
        `聯繫人${i}`,
        `k${i}@example.com.tw`,
        ['青島市', '煙臺市', '濰坊市'][i % 3],
        industries[i % industries.length],
        sizes[i % sizes.length],
        i % 2 ? '是' : '否',
        `${needs[i % needs.length]}；${needs[(i * 3) % needs.length]}`,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function readManifest(dir: string): Promise<BatchManifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'dist/firms/manifest.json'), 'utf8')) as BatchManifest;
  } catch {
    return undefined;
  }
}

async function filesUnder(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      out.push(path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  return out.sort();
}

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

/** Every file an `ok` entry lists is there, whole, with the recorded size and checksum. */
async function assertConsistent(out: string, manifest: BatchManifest): Promise<void> {
  for (const firm of manifest.firms.filter((f) => f.status === 'ok')) {
    assert.equal(firm.files.length, 2, firm.id);
    for (const file of firm.files) {
      const full = path.join(out, file.path);
      assert.equal((await stat(full)).size, file.bytes, file.path);
      assert.equal(await sha256(full), file.sha256, file.path);
    }
  }
}

describe('guide batch killed with SIGKILL and run again', () => {
  it('leaves whole files and a consistent manifest, and the rerun finishes the rest, skipping what was done', async () => {
    assert.ok((await stat(path.join(repoRoot, 'lib/cli/main.js'))).isFile(), 'run `npm run build` first');
    const dir = await mkdtemp(path.join(tmpdir(), 'guide-kill-'));
    await cp(path.join(repoRoot, 'guide.yaml'), path.join(dir, 'guide.yaml'));
    await cp(path.join(repoRoot, 'policies'), path.join(dir, 'policies'), { recursive: true });
    await writeFile(path.join(dir, 'firms.csv'), firmList());
    const out = path.join(dir, 'dist/firms');
    const args = [guide, 'batch', '--firms', 'firms.csv', '--jobs', '2'];

    const child = spawn(process.execPath, args, { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    for (let waited = 0; waited < 120_000; waited += 25) {
      const manifest = await readManifest(dir);
      const done = manifest?.firms.filter((f) => f.status === 'ok').length ?? 0;
      if (done >= 4) {
        child.kill('SIGKILL');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await exited;
    assert.equal(child.signalCode, 'SIGKILL', 'the run ended before it could be killed');

    // Right after the kill: a whole manifest; every firm it calls done has its files, intact.
    const killed = (await readManifest(dir))!;
    assert.ok(killed, 'manifest.json is whole JSON');
    const doneAtKill = killed.firms.filter((f) => f.status === 'ok').length;
    assert.ok(doneAtKill >= 4 && doneAtKill < firmCount, `${doneAtKill} done at the kill`);
    assert.equal(killed.firms.length, firmCount);
    assert.ok(killed.firms.every((f) => f.status === 'ok' || (f.status === 'pending' && f.files.length === 0)));
    await assertConsistent(out, killed);
    // No half-written file under its real name: every PDF on disk is complete.
    for (const file of (await filesUnder(out)).filter((f) => f.endsWith('.pdf'))) {
      const bytes = await readFile(path.join(out, file));
      assert.match(bytes.subarray(-8).toString('latin1'), /%%EOF\s*$/, file);
    }

    const rerun = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.match(rerun.stderr, new RegExp(`${firmCount - doneAtKill} to build, ${doneAtKill} up to date`));
    const finished = (await readManifest(dir))!;
    assert.deepEqual(
      finished.firms.map((f) => f.status),
      Array(firmCount).fill('ok'),
    );
    // Firms finished before the kill were skipped: their entries are as they were.
    for (const firm of killed.firms.filter((f) => f.status === 'ok')) {
      assert.deepEqual(
        finished.firms.find((f) => f.id === firm.id),
        firm,
      );
    }
    await assertConsistent(out, finished);
    // Nothing else is left: no temporary files, no stray outputs.
    const expected = [
      'manifest.csv',
      'manifest.json',
      ...finished.firms.flatMap((f) => f.files.map((file) => file.path)),
    ];
    assert.deepEqual(await filesUnder(out), expected.sort());
  });
});
