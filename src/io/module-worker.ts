/** A worker thread running one of guide's modules: from the bundle, from lib/ or from the sources. */

import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * This module's own place. make.ts leaves it as it is in the bundle (where every other module's is
 * written as its place in lib/), so there it is the bundle's file that holds this module, beside
 * the bundle's worker entries.
 */
const here = import.meta.url;
const inBundle = !/\/io\/module-worker\.[jt]s$/.test(here);

/**
 * Starts a worker thread on the module `file` beside `from` (the caller's `import.meta.url`),
 * e.g. `startModuleWorker('./worker.js', import.meta.url, options)`. From the bundle, the
 * bundle's entry of that name (make.ts `workerEntries`) runs, loaded by the bundle's start as the
 * main thread's modules are: the same code, in few files, compiled at install.
 */
export function startModuleWorker(file: string, from: string, options: WorkerOptions): Worker {
  if (inBundle) return new Worker(new URL('./start.cjs', here), { ...options, argv: [path.posix.basename(file)] });
  if (!from.endsWith('.ts')) return new Worker(new URL(file, from), options);
  // Run from the sources (tests, through tsx), the worker is TypeScript too, and tsx's loader
  // does not reach into worker threads on Node 20: the worker registers it before loading.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL(file.replace(/\.js$/, '.ts'), from).href);
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${entry}); });`, {
    ...options,
    eval: true,
  });
}
