/**
 * The batch's builders (src/batch/pool.ts): when its worker threads cannot start, this thread
 * builds every firm, and the run is told why, once.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { FirmJob, FirmJobResult } from '../../src/batch/firm-job.js';
import { runPool } from '../../src/batch/pool.js';
import { prepareFirmWorker } from '../../src/batch/worker-setup.js';
import { emptyFirm } from '../../src/firms/types.js';
import { loadEdition } from '../../src/io/edition.js';
import { readTemplates } from '../../src/pipeline/templates.js';
import { resolveRequest } from '../../src/pipeline/request.js';
import { repoRoot } from '../helpers/paths.js';

describe('batch builders', () => {
  it('build every firm on this thread when no worker thread can start, and say why once', async () => {
    const { catalogue, root } = await loadEdition(repoRoot);
    const outDir = mkdtempSync(path.join(tmpdir(), 'guide-pool-'));
    try {
      const templates = readTemplates(root, catalogue!, 'firm-guide');
      const request = resolveRequest(catalogue!.edition, { formats: ['pdf'] });
      const setup = { root, catalogue: catalogue!, templates, outDir, request };
      const local = prepareFirmWorker(setup).worker!;
      // The worker threads get a theme that cannot be read: each stops as it sets itself up.
      const broken = { ...setup, templates: { ...templates, theme: { ...templates.theme, text: 'fonts: [' } } };
      // Whole guides, enough of them to keep this thread busy while the workers fail to set up.
      const measures = catalogue!.measures.map((entry) => entry.measure.id);
      const jobs: FirmJob[] = Array.from({ length: 24 }, (_, i) => i + 1).map((n) => ({
        index: n - 1,
        firm: { ...emptyFirm, id: `T-${n}`, name: `測試企業${n}號` },
        base: `firm-${n}`,
        previousFiles: [],
        answering: measures.slice(0, 4),
        others: measures.slice(4),
      }));
      const results: FirmJobResult[] = [];
      const reasons: string[] = [];
      await runPool({
        size: 2,
        setup: broken,
        local,
        jobs,
        onResult: (_job, result) => results.push(result),
        onThreadsGaveUp: (reason) => reasons.push(reason),
      });
      assert.deepEqual(
        results.map((result) => result.kind),
        jobs.map(() => 'done'),
      );
      assert.equal(reasons.length, 1);
      assert.match(reasons[0]!, /E-YAML/);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
