/**
 * Byte-identical builds: the same edition built in separate processes, with different time zones,
 * locales, working folders and SOURCE_DATE_EPOCH set or left to its default, and from a copy whose
 * files were created in the opposite order, gives the same PDF, DOCX and manifest.json.
 */

import assert from 'node:assert/strict';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/paths.js';
import { sha256File, spawnGuide, tempDir, type ProcessRun } from './helpers.js';

/** The environment without anything that could pin or shift the output. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['SOURCE_DATE_EPOCH', 'TZ', 'LANG', 'LC_ALL', 'LC_TIME', 'LC_COLLATE']) delete env[name];
  return { ...env, ...extra };
}

/** Copies a folder tree, creating entries in reverse name order, so directory order differs. */
async function copyReversed(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = (await readdir(from, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? 1 : -1));
  for (const entry of entries) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) await copyReversed(source, path.join(to, entry.name));
    else await copyFile(source, path.join(to, entry.name));
  }
}

async function digests(out: string): Promise<Record<string, string>> {
  const files = (await readdir(out)).sort();
  const result: Record<string, string> = {};
  for (const file of files) result[file] = await sha256File(path.join(out, file));
  return result;
}

describe('reproducible builds', () => {
  it('gives the same bytes whatever the time zone, locale, folder and file-system order', async () => {
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    const reversed = path.join(c, 'edition');
    await copyFile(path.join(repoRoot, 'guide.yaml'), path.join(await ensure(reversed), 'guide.yaml'));
    await copyReversed(path.join(repoRoot, 'policies'), path.join(reversed, 'policies'));
    await copyReversed(path.join(repoRoot, 'templates'), path.join(reversed, 'templates'));

    const builds: [string, Promise<ProcessRun>][] = [
      [
        a,
        spawnGuide(['build', '--config', path.join(repoRoot, 'guide.yaml'), '--out', path.join(a, 'out')], {
          cwd: a,
          env: cleanEnv({ TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C' }),
        }),
      ],
      [
        b,
        spawnGuide(['build', '--config', path.join(repoRoot, 'guide.yaml'), '--out', path.join(b, 'out')], {
          cwd: path.parse(b).root,
          // The edition date at midnight UTC: what a build without SOURCE_DATE_EPOCH uses.
          env: cleanEnv({
            TZ: 'Asia/Taipei',
            LANG: 'zh_TW.UTF-8',
            LC_ALL: 'zh_TW.UTF-8',
            SOURCE_DATE_EPOCH: '1583366400',
          }),
        }),
      ],
      [
        c,
        spawnGuide(['build', '--out', path.join(c, 'out')], {
          cwd: reversed,
          env: cleanEnv({ TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8' }),
        }),
      ],
    ];
    const results: Record<string, string>[] = [];
    for (const [dir, build] of builds) {
      const run = await build;
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, '');
      results.push(await digests(path.join(dir, 'out')));
    }
    assert.deepEqual(
      Object.keys(results[0]!)
        .map((f) => path.extname(f))
        .sort(),
      ['.docx', '.json', '.pdf'],
    );
    assert.deepEqual(results[1], results[0], 'TZ, LANG and cwd change nothing');
    assert.deepEqual(results[2], results[0], 'a copy written in another order changes nothing');
    const manifest = JSON.parse(await readFile(path.join(a, 'out', 'manifest.json'), 'utf8')) as {
      outputs: { path: string; sha256: string }[];
    };
    for (const output of manifest.outputs) assert.equal(output.sha256, results[0]![output.path]);
  });
});

async function ensure(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return dir;
}
