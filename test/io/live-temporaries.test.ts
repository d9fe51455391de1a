import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers/paths.js';

const module = pathToFileURL(path.join(repoRoot, 'src/io/live-temporaries.ts')).href;

/** Runs `body` (an ES module's code, with `file`, `signal`, `busy(ms)` and guide's functions) in a node process. */
function run(body: string, file: string, signal: 'SIGINT' | 'SIGTERM') {
  const script = `
    import { rmSync, stat, writeFileSync } from 'node:fs';
    import { trackTemporary, untrackTemporary } from ${JSON.stringify(module)};
    const file = ${JSON.stringify(file)};
    const signal = ${JSON.stringify(signal)};
    const busy = (ms) => { const until = Date.now() + ms; while (Date.now() < until); };
    ${body}`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, GUIDE_LANG: 'en' },
  });
}

/** Each case in a folder of its own, with the temporary file's path. */
function inFolder(test: (file: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-signal-'));
  try {
    test(path.join(dir, '.guide-1-1.tmp'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('temporary files and signals', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while a file is being written removes it and exits ${signal === 'SIGINT' ? 130 : 143}`, () =>
      inFolder((file) => {
        const result = run(
          `trackTemporary(file); writeFileSync(file, 'half a guide'); process.kill(process.pid, signal); busy(200);
           setTimeout(() => console.log('went on'), 500);`,
          file,
          signal,
        );
        assert.equal(result.status, signal === 'SIGINT' ? 130 : 143, result.stdout + result.stderr);
        assert.match(result.stderr, new RegExp(`stopped by ${signal} while writing`));
        assert.equal(existsSync(file), false);
      }));

    it(`${signal} received while the thread was busy stops the run though the file was done with meanwhile`, () =>
      inFolder((file) => {
        const result = run(
          `trackTemporary(file); writeFileSync(file, 'a guide'); process.kill(process.pid, signal); busy(200);
           rmSync(file); untrackTemporary(file);
           setTimeout(() => console.log('went on'), 500);`,
          file,
          signal,
        );
        // No file left to remove: the signal does what it does without guide's handler.
        assert.equal(result.signal, signal, result.stdout + result.stderr);
        assert.doesNotMatch(result.stdout, /went on/);
      }));

    it(`${signal} that comes some turns of the event loop after the last file is not lost`, () =>
      inFolder((file) => {
        // The file is done with in one turn; the signal comes in a later one, while the thread is busy.
        const result = run(
          `trackTemporary(file); writeFileSync(file, 'a guide');
           stat(file, () => {
             rmSync(file); untrackTemporary(file);
             setImmediate(() => {
               stat(file, () => { process.kill(process.pid, signal); busy(200); });
               busy(5);
             });
           });
           setTimeout(() => console.log('went on'), 1000);`,
          file,
          signal,
        );
        assert.equal(result.signal, signal, result.stdout + result.stderr);
        assert.doesNotMatch(result.stdout, /went on/);
      }));

    it(`${signal} goes to a command that takes it itself, once no file is being written`, () =>
      inFolder((file) => {
        // As guide preview's: it stops listening as it is called, and closes what it serves.
        const result = run(
          `const own = () => { process.off(signal, own); console.log('closing'); setTimeout(() => { console.log('stopped'); process.exit(0); }, 100); };
           process.on(signal, own);
           trackTemporary(file); writeFileSync(file, 'a guide'); rmSync(file); untrackTemporary(file);
           process.kill(process.pid, signal); busy(50);
           setInterval(() => {}, 1000);`,
          file,
          signal,
        );
        assert.equal(result.status, 0, result.stdout + result.stderr);
        assert.equal(result.stdout, 'closing\nstopped\n');
      }));
  }
});
