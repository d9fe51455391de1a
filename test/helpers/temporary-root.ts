/**
 * Imported by `npm test` into the test runner and into every test file's process, before the
 * tests: each process's temporary files go into a folder of its own, removed as the process ends,
 * so a test run leaves nothing behind in the system's temporary folder (it left about 140 folders,
 * 180 MB, each time). Processes the tests start inherit it through TMPDIR, which `os.tmpdir()`
 * reads: guide's own, LibreOffice and Chromium alike.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = mkdtempSync(path.join(tmpdir(), 'guide-test-'));
process.env.TMPDIR = root;
process.on('exit', () => {
  try {
    rmSync(root, { recursive: true, force: true });
  } catch {
    // A process a test started still writing there: the next run's folder is another one.
  }
});
