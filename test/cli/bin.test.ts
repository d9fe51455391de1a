/**
 * bin/guide.cjs ends the process as soon as node has emitted 'exit', skipping node's own teardown;
 * an error node has yet to report then (an uncaught one, reported after 'exit') must still be.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers/paths.js';
import { copyEdition } from '../release/helpers.js';

const guideBin = path.join(repoRoot, 'bin/guide.cjs');

describe('bin/guide.cjs', () => {
  it('still reports an error thrown once the command has returned', () => {
    // Loaded first: once guide's command has returned and the event loop is empty, a late error.
    const late = "process.once('beforeExit', () => setTimeout(() => { throw new Error('late failure'); }));";
    const run = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(late)}`, guideBin, '--version'],
      { encoding: 'utf8', env: { ...process.env, GUIDE_LANG: 'en' } },
    );
    assert.match(run.stdout, /^\d+\.\d+\.\d+/);
    assert.match(run.stderr, /Error: late failure/);
    assert.equal(run.status, 1);
  });

  it('ends a command that stopped before it finished as an internal error, not a success', async () => {
    const edition = await copyEdition();
    // Every write into dist/ left pending: a stand-in for a bug that leaves the command's promise
    // unsettled with nothing left to run.
    const pending =
      "import fs from 'node:fs'; for (const name of ['open', 'mkdir', 'writeFile', 'rename']) {" +
      ' const real = fs.promises[name];' +
      " fs.promises[name] = (file, ...rest) => (String(file).includes('dist') ? new Promise(() => {}) : real(file, ...rest)); }";
    const run = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(pending)}`, guideBin, 'build', '--no-cache'],
      { cwd: edition, encoding: 'utf8', env: { ...process.env, GUIDE_LANG: 'en' } },
    );
    assert.match(run.stderr, /internal error: the command stopped before it finished/);
    assert.equal(run.status, 70);
  });

  it('ends with the exit code the command gave', () => {
    const usage = spawnSync(process.execPath, [guideBin, 'no-such-command'], { encoding: 'utf8' });
    assert.equal(usage.status, 2, usage.stderr);
    const help = spawnSync(process.execPath, [guideBin, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /Usage: guide/);
  });
});
