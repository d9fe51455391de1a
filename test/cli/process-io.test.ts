/**
 * guide's standard output in a real process (src/cli/process-io.ts): into a file, pipe or
 * /dev/null it is written without making process.stdout; a pipe with no reader ends the output
 * quietly; a full pipe left non-blocking is handed to node's stream, which waits for the reader.
 */

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, openSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { repoRoot } from '../helpers/paths.js';
import { moduleUrl, spawnGuide, tempDir } from '../release/helpers.js';

const guideBin = path.join(repoRoot, 'bin/guide.cjs');
const env = { ...process.env, GUIDE_LANG: 'en' };
const folder = await tempDir('guide-io-');
after(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Loaded into guide's process first: says on its stderr when a write to standard output fails
 * with EAGAIN or EPIPE (process-io takes node:fs's writeSync as it loads, after this), and, as
 * the process ends, whether process.stdout was ever made.
 */
const probe = `
import fs from 'node:fs';
const writeSync = fs.writeSync;
fs.writeSync = function (fd, ...rest) {
  try {
    return writeSync.call(this, fd, ...rest);
  } catch (error) {
    if (fd === 1) writeSync(2, error.code + '\\n');
    throw error;
  }
};
const stdout = Object.getOwnPropertyDescriptor(process, 'stdout');
let made = false;
Object.defineProperty(process, 'stdout', { configurable: true, get() { made = true; return stdout.get.call(this); } });
process.on('exit', () => writeSync(2, made ? 'stdout made\\n' : 'stdout not made\\n'));
`;

interface Run {
  code: number | null;
  stderr: string;
}

/** Runs `node --import probe …args` (guide's `--help`, unless given) with `stdout` as its standard output. */
function start(stdout: number | 'pipe', args = [guideBin, '--help'], file = process.execPath) {
  const command = file === process.execPath ? ['--import', moduleUrl(probe), ...args] : args;
  const child = spawn(file, command, { env, stdio: ['ignore', stdout, 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, ended, stderr: () => stderr };
}

/** `guide --help` as a pipe gets it: what the other runs must write. */
async function helpText(): Promise<string> {
  const run = await spawnGuide(['--help'], { cwd: folder, env, probe });
  assert.deepEqual({ code: run.code, stderr: run.stderr }, { code: 0, stderr: 'stdout not made\n' });
  assert.match(run.stdout, /^Usage: guide /);
  return run.stdout;
}

/** A named pipe in the test's folder. */
function namedPipe(name: string): string {
  const fifo = path.join(folder, name);
  execFileSync('mkfifo', [fifo]);
  return fifo;
}

describe('standard output of a guide process', () => {
  it('the probe sees process.stdout made', async () => {
    const { ended } = start('pipe', ['-e', 'process.stdout.write("")']);
    assert.deepEqual(await ended, { code: 0, stderr: 'stdout made\n' });
  });

  it('into a file, a pipe or /dev/null, is written without making process.stdout', async () => {
    const expected = await helpText(); // the pipe
    for (const target of [path.join(folder, 'help.txt'), '/dev/null']) {
      const fd = openSync(target, 'w');
      const { ended } = start(fd);
      closeSync(fd);
      assert.deepEqual(await ended, { code: 0, stderr: 'stdout not made\n' }, target);
    }
    assert.equal(readFileSync(path.join(folder, 'help.txt'), 'utf8'), expected);
  });

  it('into a pipe with no reader, ends quietly with the command’s exit code', async () => {
    const fifo = namedPipe('unread');
    // A reader only long enough to open the writing end; both closed as soon as guide has it.
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY);
    const { ended } = start(writer);
    closeSync(writer);
    closeSync(reader);
    assert.deepEqual(await ended, { code: 0, stderr: 'EPIPE\nstdout not made\n' });
  });

  it('that cannot be written, says so on standard error and ends with exit code 3', async () => {
    // A file open for reading only, written without node's stream (EBADF); a full device,
    // through it (ENOSPC, which node's stream reports after the write).
    const readOnly = path.join(folder, 'read-only.txt');
    writeFileSync(readOnly, '');
    for (const [target, flags, code] of [
      [readOnly, 'r', 'EBADF'],
      ['/dev/full', 'w', 'ENOSPC'],
    ] as const) {
      const fd = openSync(target, flags);
      const { ended } = start(fd);
      closeSync(fd);
      const run = await ended;
      assert.equal(run.code, 3, `${target}: ${run.stderr}`);
      assert.match(run.stderr, new RegExp(`^guide: could not write to standard output \\(${code}\\)$`, 'm'));
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('into a full pipe left non-blocking by another process, waits until it is read', { timeout: 60_000 }, async () => {
    const expected = await helpText();
    // Both ends at once, non-blocking; filled until the pipe takes no more.
    const fd = openSync(namedPipe('full'), constants.O_RDWR | constants.O_NONBLOCK);
    let filled = 0;
    try {
      for (;;) filled += writeSync(fd, Buffer.alloc(4096, 'x'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
    // node's child_process makes a child's standard output blocking; perl sets it non-blocking
    // again (as node's own stream does to a pipe it writes to) and becomes guide.
    const nonBlocking = 'fcntl(STDOUT, F_SETFL, fcntl(STDOUT, F_GETFL, 0) | O_NONBLOCK) or die; exec @ARGV or die';
    const guide = [process.execPath, '--import', moduleUrl(probe), guideBin, '--help'];
    const { child, ended, stderr } = start(fd, ['-MFcntl', '-e', nonBlocking, ...guide], 'perl');
    try {
      let exited: Run | undefined;
      void ended.then((run) => (exited = run));
      // The pipe is drained only once guide has found it full (or has ended, which fails below).
      while (!stderr().includes('EAGAIN') && exited === undefined) await sleep(20);
      const read: Buffer[] = [];
      const buffer = Buffer.alloc(65536);
      for (;;) {
        try {
          read.push(Buffer.from(buffer.subarray(0, readSync(fd, buffer))));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
          if (exited !== undefined) break; // gone, and everything it wrote read
          await sleep(20);
        }
      }
      assert.deepEqual(exited, { code: 0, stderr: 'EAGAIN\nstdout made\n' });
      assert.equal(Buffer.concat(read).subarray(filled).toString(), expected);
    } finally {
      child.kill();
      closeSync(fd);
    }
  });
});
