/**
 * guide's standard output and error in a real process (src/cli/process-io.ts): into a file, pipe or
 * /dev/null they are written without making node's streams for them; a pipe closed early is no error; a
 * full pipe another process left non-blocking is waited for, not an internal error.
 */

import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/paths.js';

const guideBin = path.join(repoRoot, 'bin/guide.js');
const env = { ...process.env, GUIDE_LANG: 'en' };

/** `guide --help` as a pipe gets it: what the other runs must write. */
function helpText(): string {
  const run = spawnSync(process.execPath, [guideBin, '--help'], { env, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Usage: guide /);
  return run.stdout;
}

describe('standard output of a guide process', () => {
  it('into a file or /dev/null, is written without making process.stdout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guide-io-'));
    // Writes down node's modules loaded as the process ends.
    const probe = path.join(dir, 'probe.cjs');
    writeFileSync(
      probe,
      `process.on('exit', () => require('node:fs').writeFileSync(process.env.PROBE_OUT, process.moduleLoadList.join('\\n')));`,
    );
    for (const target of [path.join(dir, 'help.txt'), '/dev/null']) {
      const loaded = path.join(dir, 'loaded.txt');
      const out = openSync(target, 'w');
      const run = spawnSync(process.execPath, ['--require', probe, guideBin, '--help'], {
        env: { ...env, PROBE_OUT: loaded },
        stdio: ['ignore', out, 'pipe'],
        encoding: 'utf8',
      });
      closeSync(out);
      assert.equal(run.status, 0, run.stderr);
      const modules = readFileSync(loaded, 'utf8').split('\n');
      assert.ok(modules.includes('NativeModule internal/modules/esm/translators'), 'the probe saw the run');
      assert.ok(!modules.includes('NativeModule internal/fs/sync_write_stream'), `${target}: process.stdout was made`);
    }
    assert.equal(readFileSync(path.join(dir, 'help.txt'), 'utf8'), helpText());
  });

  it('into a pipe closed before it is written to, ends quietly with the command’s exit code', () => {
    // `true` reads nothing and is gone long before node has started guide.
    const run = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${guideBin}" --help | true; echo "\${PIPESTATUS[0]}"`],
      {
        env,
        encoding: 'utf8',
      },
    );
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, '0\n');
  });

  it('into a full pipe left non-blocking by another process, waits until it is read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guide-io-'));
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // Both ends at once, non-blocking; filled until the pipe takes no more.
    const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    let filled = 0;
    try {
      for (;;) filled += writeSync(fd, Buffer.alloc(4096, 'x'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
    // node's child_process makes a child's standard output blocking; perl sets it non-blocking again
    // (as a node process sharing the pipe would) and becomes guide.
    const setNonBlocking = 'fcntl(STDOUT, F_SETFL, fcntl(STDOUT, F_GETFL, 0) | O_NONBLOCK) or die; exec @ARGV or die';
    const child = spawn('perl', ['-MFcntl', '-e', setNonBlocking, process.execPath, guideBin, '--help'], {
      env,
      stdio: ['ignore', fd, 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let code: number | null | undefined;
    child.on('exit', (exitCode) => (code = exitCode));
    await sleep(1000); // guide finds the pipe full meanwhile
    const read: Buffer[] = [];
    const buffer = Buffer.alloc(65536);
    for (;;) {
      try {
        read.push(Buffer.from(buffer.subarray(0, readSync(fd, buffer))));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        if (code !== undefined) break;
        await sleep(20);
      }
    }
    closeSync(fd);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const all = Buffer.concat(read);
    assert.equal(all.length - filled, Buffer.byteLength(helpText()));
    assert.equal(all.subarray(filled).toString(), helpText());
  });
});
