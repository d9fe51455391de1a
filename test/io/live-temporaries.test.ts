import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers/paths.js';

const module = pathToFileURL(path.join(repoRoot, 'src/io/live-temporaries.ts')).href;

/**
 * A node process that writes `file` as guide does (tracked while it exists), is sent `signal`
 * while its thread is busy, and is done with the file before the event loop turns: then it says
 * "went on" if it still runs half a second later.
 */
function signalledWhileBusy(signal: 'SIGINT' | 'SIGTERM', file: string, done: 'renamed' | 'still there') {
  const script = `
    import { writeFileSync, rmSync } from 'node:fs';
    import { trackTemporary, untrackTemporary } from ${JSON.stringify(module)};
    const file = ${JSON.stringify(file)};
    trackTemporary(file);
    writeFileSync(file, 'half a guide');
    process.kill(process.pid, ${JSON.stringify(signal)});
    const until = Date.now() + 200;
    while (Date.now() < until);
    ${done === 'renamed' ? 'rmSync(file); untrackTemporary(file);' : ''}
    setTimeout(() => console.log('went on'), 500);`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, GUIDE_LANG: 'en' },
  });
}

describe('temporary files and signals', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} sent while the thread is busy stops the run though the file was done with meanwhile`, () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'guide-signal-'));
      try {
        const run = signalledWhileBusy(signal, path.join(dir, '.guide-1-1.tmp'), 'renamed');
        // No file left to remove: the signal does what it does without guide's handler.
        assert.equal(run.signal, signal, run.stdout + run.stderr);
        assert.doesNotMatch(run.stdout, /went on/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it(`${signal} sent while a file is being written removes it and exits ${signal === 'SIGINT' ? 130 : 143}`, () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'guide-signal-'));
      try {
        const file = path.join(dir, '.guide-1-1.tmp');
        writeFileSync(file, '');
        const run = signalledWhileBusy(signal, file, 'still there');
        assert.equal(run.status, signal === 'SIGINT' ? 130 : 143, run.stdout + run.stderr);
        assert.match(run.stderr, new RegExp(`stopped by ${signal} while writing`));
        assert.equal(existsSync(file), false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
