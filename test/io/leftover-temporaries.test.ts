import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { removeLeftoverTemporaries } from '../../src/io/batch-output.js';
import { deadPid } from '../helpers/processes.js';
import { trackTemporary, untrackTemporary } from '../../src/io/live-temporaries.js';

describe('leftover temporary files', () => {
  it('are removed when their process is gone or had this process’s pid, and kept while one writes them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guide-leftovers-'));
    try {
      const firm = path.join(dir, 'TW-0001');
      mkdirSync(firm);
      const gone = deadPid();
      const names = {
        gone: `.guide-${gone}-1.tmp`,
        // pids repeat (in a container, from one run to the next): a run's own pid is an earlier run's.
        own: `.guide-${process.pid}-1.tmp`,
        running: `.guide-${process.ppid}-1.tmp`,
        writing: `.guide-${process.pid}-2.tmp`,
      };
      for (const name of Object.values(names)) {
        writeFileSync(path.join(dir, name), 'part of a guide');
        writeFileSync(path.join(firm, name), 'part of a guide');
      }
      writeFileSync(path.join(firm, 'guide.pdf'), '%PDF');
      // One this process is writing now.
      const writing = path.join(firm, names.writing);
      trackTemporary(writing);
      try {
        assert.equal(await removeLeftoverTemporaries(dir), 5);
      } finally {
        untrackTemporary(writing);
      }
      assert.deepEqual(readdirSync(dir).sort(), [names.running, 'TW-0001'].sort());
      assert.deepEqual(readdirSync(firm).sort(), [names.running, names.writing, 'guide.pdf'].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
