/**
 * `guide preview`'s rebuild latency: a fresh `guide preview` on a copy of the sample, listening
 * to its server-sent events like a page does; each run edits one measure's title and waits for
 * the reload event. The time covers the file watch's settling, the rebuild and the event.
 */

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { guideBin, repoRoot } from './guide-lib.js';
import { summarise, type Timing } from './measure.js';

const measureFile = 'policies/tax/tax-small-scale-vat.yaml';

export async function timePreviewRebuild(runs: number, warmups = 2): Promise<Timing> {
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-bench-preview-'));
  for (const item of ['guide.yaml', 'policies', 'templates'])
    cpSync(path.join(repoRoot, item), path.join(dir, item), { recursive: true });
  const child = spawn(process.execPath, [guideBin, 'preview'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (found) resolve(found[0]);
      });
      child.once('exit', (code) => reject(new Error(`guide preview exited with ${code}`)));
    });
    let waiting: (() => void) | undefined;
    const events = get(new URL('events?build=0', url), (response) => {
      response.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('event: reload')) waiting?.();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const file = path.join(dir, measureFile);
    const original = readFileSync(file, 'utf8');
    const samples: number[] = [];
    for (let run = 0; run < warmups + runs; run++) {
      const reloaded = new Promise<void>((resolve) => (waiting = resolve));
      const started = performance.now();
      writeFileSync(file, original.replace(/^title: (.*)$/m, `title: $1（${run}）`));
      await reloaded;
      if (run >= warmups) samples.push(performance.now() - started);
      // Let the process settle, as between a person's saves.
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    events.destroy();
    return summarise(samples);
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
