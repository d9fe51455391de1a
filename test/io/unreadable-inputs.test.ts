/**
 * Inputs the system will not let guide read are said, never passed over: a policies folder that
 * cannot be listed (its measures would be missing from the guide), a templates folder that cannot
 * be listed (guide's own templates would stand in for the edition's), a link that loops, a named
 * pipe where a file should be (opening it would wait for a writer).
 */

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { repoRoot } from '../helpers/paths.js';
import { copyEdition } from '../release/helpers.js';

const guideBin = path.join(repoRoot, 'bin/guide.cjs');
const editions: string[] = [];
after(() => {
  for (const dir of editions) {
    chmodSync(path.join(dir, 'policies/costs'), 0o755);
    chmodSync(path.join(dir, 'templates'), 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * guide in a process that file permissions hold: as root (the tests' container), without the
 * capabilities that let root read any file. Its exit code and all it wrote; a process that waits
 * is ended after a minute (its code then null).
 */
function guide(cwd: string, ...args: string[]): { code: number | null; output: string } {
  const command =
    process.getuid?.() === 0
      ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--', process.execPath, guideBin, ...args]
      : [process.execPath, guideBin, ...args];
  const run = spawnSync(command[0]!, command.slice(1), {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GUIDE_LANG: 'en' },
    timeout: 60_000,
  });
  return { code: run.status, output: run.stdout + run.stderr };
}

async function edition(): Promise<string> {
  const dir = await copyEdition();
  editions.push(dir);
  return dir;
}

describe('inputs that cannot be read', () => {
  it('a policies folder that cannot be listed is an error, not a chapter fewer', async () => {
    const dir = await edition();
    chmodSync(path.join(dir, 'policies/costs'), 0);
    const run = guide(dir, 'validate');
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /E-FILE-READ/);
    assert.match(run.output, /policies\/costs could not be read: EACCES/);
  });

  it('a templates folder that cannot be listed is an error, not guide’s own templates', async () => {
    const dir = await edition();
    chmodSync(path.join(dir, 'templates'), 0);
    const run = guide(dir, 'build', '--format', 'pdf', '--no-cache', '--out', path.join(dir, 'out'));
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /E-TEMPLATE/);
    assert.match(run.output, /templates could not be read \(EACCES\)/);
  });

  it('a named pipe among the measures or as guide.yaml is said to be no file, at once', async () => {
    const dir = await edition();
    execFileSync('mkfifo', [path.join(dir, 'policies/costs/pipe.yaml'), path.join(dir, 'pipe.yaml')]);
    const amongMeasures = guide(dir, 'validate');
    assert.equal(amongMeasures.code, 1, amongMeasures.output);
    assert.match(amongMeasures.output, /policies\/costs\/pipe\.yaml could not be read: it is not a file/);
    const asConfig = guide(dir, 'validate', '--config', 'pipe.yaml');
    assert.equal(asConfig.code, 1, asConfig.output);
    assert.match(asConfig.output, /pipe\.yaml could not be read: it is not a file/);
  });

  it('a link that loops is said of the file, not an internal error', async () => {
    const dir = await edition();
    symlinkSync('loop.yaml', path.join(dir, 'policies/costs/loop.yaml'));
    const run = guide(dir, 'validate');
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /policies\/costs\/loop\.yaml could not be read: ELOOP/);
  });
});
