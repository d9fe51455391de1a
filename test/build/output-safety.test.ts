/**
 * What `guide build` leaves in its output folder when writing fails or a signal stops it: the
 * previous build's files byte for byte, the manifest included, no temporary file, and a message
 * that says what was and was not written.
 */

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { afterEach, describe, it, mock } from 'node:test';
import { OutputError } from '../../src/errors.js';
import { writeEditionOutput } from '../../src/io/edition-output.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { copySampleEdition } from '../helpers/edition.js';
import { deadPid } from '../helpers/processes.js';

const guideName = '山東省貫徹落實「26條措施」辦事指南-2020年3月版';
const pdf = `${guideName}.pdf`;
const docx = `${guideName}.docx`;

/** A copy of the sample edition whose dist/ holds an earlier build's files (recognisable bytes). */
function editionWithEarlierBuild(): { dir: string; dist: string; earlier: Map<string, string> } {
  const dir = copySampleEdition('output');
  const dist = path.join(dir, 'dist');
  mkdirSync(dist);
  const earlier = new Map([
    [pdf, '%PDF the earlier guide'],
    [docx, 'PK the earlier guide'],
    ['manifest.json', '{"the earlier": "manifest"}\n'],
  ]);
  for (const [name, text] of earlier) writeFileSync(path.join(dist, name), text);
  return { dir, dist, earlier };
}

function assertUnchanged(dist: string, earlier: Map<string, string>, except: string[] = []): void {
  for (const [name, text] of earlier) {
    if (!except.includes(name)) assert.equal(readFileSync(path.join(dist, name), 'utf8'), text, `${name} was replaced`);
  }
}

const temporaries = (dist: string) => readdirSync(dist).filter((name) => name.endsWith('.tmp'));

const systemError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('guide build leaves good files alone when writing fails', () => {
  afterEach(() => {
    mock.restoreAll();
    syncBuiltinESMExports();
  });

  it('a folder where the DOCX goes: the earlier PDF, DOCX and manifest stay byte for byte, and no file was written', async () => {
    const { dir, dist, earlier } = editionWithEarlierBuild();
    rmSync(path.join(dist, docx));
    mkdirSync(path.join(dist, docx));
    earlier.delete(docx);
    const run = await runCli(['build'], { cwd: dir });
    assert.equal(run.code, 3, run.stderr);
    assertUnchanged(dist, earlier);
    assert.deepEqual(temporaries(dist), []);
    assert.ok(
      run.stderr.includes(
        `could not write dist/${docx}: there is a folder of that name (EISDIR); existing files were left as they were\n` +
          `  not written: dist/${pdf}, dist/${docx}, dist/manifest.json`,
      ),
      run.stderr,
    );
  });

  it('a disk that fills up while the DOCX is written: nothing replaced, the partial temporary file removed', async () => {
    const { dist, earlier } = editionWithEarlierBuild();
    const open = fsp.open;
    let opened = 0;
    // The second file (the DOCX) gets half its bytes written, then the disk is full.
    mock.method(fsp, 'open', async (...args: Parameters<typeof fsp.open>) => {
      const handle = await open(...args);
      if (++opened === 2) {
        handle.writeFile = async (data: Uint8Array) => {
          await handle.write(data.subarray(0, data.length / 2));
          throw systemError('ENOSPC');
        };
      }
      return handle;
    });
    syncBuiltinESMExports();
    const failure = await writeEditionOutput(
      dist,
      [
        { name: pdf, bytes: new Uint8Array(4096).fill(1) },
        { name: docx, bytes: new Uint8Array(4096).fill(2) },
      ],
      { name: 'manifest.json', text: '{}' },
      path.dirname(dist),
    ).catch((error: unknown) => error);
    assert.ok(failure instanceof OutputError, String(failure));
    assert.equal(failure.code, 'ENOSPC');
    assert.equal(opened, 2, 'the manifest was written after a failure');
    assert.equal(
      failure.message,
      `could not write dist/${docx}: the disk is full (ENOSPC); existing files were left as they were\n` +
        `  not written: dist/${pdf}, dist/${docx}, dist/manifest.json`,
    );
    assertUnchanged(dist, earlier);
    assert.deepEqual(temporaries(dist), []);
  });

  it('a rename that fails partway says which files were replaced and which not, and removes the stale manifest', async () => {
    const { dist, earlier } = editionWithEarlierBuild();
    const rename = fsp.rename;
    let renamed = 0;
    // As on Windows when the DOCX is open in Word: the PDF is replaced, the DOCX cannot be.
    mock.method(fsp, 'rename', async (...args: Parameters<typeof fsp.rename>) => {
      if (++renamed === 2) throw systemError('EBUSY');
      return rename(...args);
    });
    syncBuiltinESMExports();
    const failure = await writeEditionOutput(
      dist,
      [
        { name: pdf, bytes: Buffer.from('%PDF the new guide') },
        { name: docx, bytes: Buffer.from('PK the new guide') },
      ],
      { name: 'manifest.json', text: '{}' },
      path.dirname(dist),
    ).catch((error: unknown) => error);
    assert.ok(failure instanceof OutputError, String(failure));
    assert.equal(
      failure.message,
      [
        `could not replace dist/${docx}: another program is using it (EBUSY); close it there`,
        `  replaced by this build: dist/${pdf}`,
        `  left as they were: dist/${docx}`,
        '  removed dist/manifest.json: it described the files from before this build',
        '  fix the cause and run guide build again',
      ].join('\n'),
    );
    assert.equal(readFileSync(path.join(dist, pdf), 'utf8'), '%PDF the new guide');
    assertUnchanged(dist, earlier, [pdf, 'manifest.json']);
    assert.ok(!existsSync(path.join(dist, 'manifest.json')));
    assert.deepEqual(temporaries(dist), []);
  });

  it('the next build removes a temporary file a dead process left, and keeps one of a running process', async () => {
    const { dir, dist } = editionWithEarlierBuild();
    const dead = `.guide-${deadPid()}-1.tmp`;
    const running = `.guide-${process.ppid}-999999.tmp`;
    writeFileSync(path.join(dist, dead), 'a killed build');
    writeFileSync(path.join(dist, running), 'a build still writing');
    const run = await runCli(['build', '--format', 'docx'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(temporaries(dist), [running]);
  });

  it('the messages about what was written speak the reader’s language', async () => {
    const { dir, dist } = editionWithEarlierBuild();
    rmSync(path.join(dist, docx));
    mkdirSync(path.join(dist, docx));
    const hans = await runCli(['build', '--lang', 'zh-Hans'], { cwd: dir });
    assert.match(hans.stderr, /已有同名的文件夹（EISDIR）；已有的文件保持原样\n {2}未写入：dist\//);
    const hant = await runCli(['build', '--lang', 'zh-Hant'], { cwd: dir });
    assert.match(hant.stderr, /已有同名的資料夾（EISDIR）；已有的檔案保持原樣\n {2}未寫入：dist\//);
  });
});

describe('guide build stopped by a signal while it writes', () => {
  for (const [signal, exitCode] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`${signal}: the temporary file is removed, the earlier files stay, exit code ${exitCode}`, async () => {
      assert.ok(existsSync(path.join(repoRoot, 'lib/cli/main.js')), 'run `npm run build` first');
      const { dir, dist, earlier } = editionWithEarlierBuild();
      const child = spawn(
        process.execPath,
        [
          '--import',
          path.join(repoRoot, 'test/helpers/slow-temporary-write.mjs'),
          path.join(repoRoot, 'bin/guide.cjs'),
          'build',
        ],
        { cwd: dir, env: { ...process.env, GUIDE_LANG: 'en' } },
      );
      let stderr = '';
      let seen = false;
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // The preload holds the first temporary file open on disk: stop the build there.
        if (!seen && stderr.includes('temporary file open: ')) {
          seen = true;
          assert.equal(temporaries(dist).length, 1, 'the temporary file is on disk when the signal is sent');
          child.kill(signal);
        }
      });
      const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on('exit', (c, s) => resolve([c, s])),
      );
      assert.ok(seen, stderr);
      // Exiting with a code, not dying of the signal, shows guide's handler ran.
      assert.deepEqual([code, killedBy], [exitCode, null], stderr);
      assert.match(stderr, new RegExp(`guide: stopped by ${signal} while writing; the unfinished files were removed`));
      assert.deepEqual(temporaries(dist), []);
      assertUnchanged(dist, earlier);
    });
  }
});
