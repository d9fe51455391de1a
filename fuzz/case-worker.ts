/**
 * The fuzzer's worker thread: runs one case at a time, in process, as a user would run `guide …`
 * in a fresh copy of the edition, and answers with what it saw. The main thread times each case
 * and ends this thread when one hangs.
 */

import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { main } from '../src/cli/main.js';
import type { CaseRequest, CaseResult } from './run-case.js';

/** Output kept of each stream: enough to classify a failure and show it. */
const keep = 20_000;

function holdsOutput(dir: string, extension: string): boolean {
  try {
    // Recursively: batch writes each firm's guides into a folder of its own.
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some(
      (name) => name.endsWith(extension) && statSync(join(dir, name)).size > 0,
    );
  } catch {
    return false;
  }
}

async function runCase(request: CaseRequest): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'guide-fuzz-'));
  try {
    cpSync(request.base, dir, { recursive: true });
    writeFileSync(join(dir, request.path), request.bytes);
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (s: string) => (stdout = (stdout + s).slice(0, keep)), isTTY: false, columns: 100 },
      stderr: { write: (s: string) => (stderr = (stderr + s).slice(0, keep)), isTTY: false },
      cwd: dir,
      env: { GUIDE_LANG: 'en', SOURCE_DATE_EPOCH: '1583366400' },
    };
    let code: number;
    let threw: string | undefined;
    try {
      code = await main(request.argv, io);
    } catch (error) {
      code = -1;
      threw = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    const wrote = request.writes ? holdsOutput(join(dir, request.writes.dir), request.writes.extension) : true;
    return { code, stdout, stderr, threw, wrote };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const port = parentPort!;
port.on('message', (request: CaseRequest) => {
  void runCase(request).then(
    (result) => port.postMessage(result),
    (error: unknown) => port.postMessage({ code: -1, stdout: '', stderr: '', threw: String(error), wrote: false }),
  );
});
