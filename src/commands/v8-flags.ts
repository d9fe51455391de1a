/**
 * V8 flags that the commands building guides set for their process as they start. A V8 flag holds
 * for the whole process, every thread; V8 reads these as it runs, so setting them then is in time.
 * See docs/decisions.md ("Batch: what each firm's guide repeats", "V8's tiering in a short run"
 * and "A single build's young generation held").
 */

import { setFlagsFromString } from 'node:v8';

/** Node 20's V8 (11.3), where the tiering and young-generation flags below were measured. */
const node20 = process.versions.node.split('.')[0] === '20';

/**
 * Holds every heap of the process to 1.5× what was live after its last collection, from before
 * `guide batch` reads anything. Left to itself V8 lets a heap grow 2–4× past that when
 * collecting is cheap; a builder keeps little from one firm to the next, so that slack was most
 * of a batch's memory. At 1.5× the peak of 200 firms (PDF and DOCX, this thread and one worker)
 * fell from 389 MB to 306 MB in the same CPU time; at 1.3× to 291 MB for 13 % more CPU. V8 reads
 * this one at each collection. Before the firm list is read: reading 10,000 rows, each with its
 * cells' places, grew this thread's heap to 100 MB with V8's slack, and V8 kept that heap through
 * the run (10,000 firms, PDF, `--jobs 2`: the first 40 s peaked at 295 MB against 330 MB when it
 * was set as the run started, median of 3).
 */
export function holdHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=50');
}

/**
 * V8's own interrupt budget in node 20 (V8 11.3): how much bytecode a function runs before V8
 * considers optimizing it.
 */
const node20InterruptBudget = 67584;

/**
 * Leaves V8's optimizing compiler to the code that runs most: a function is considered for
 * TurboFan after running 4× the bytecode V8 waits for by default. A build is over in about a
 * second; on two cores, TurboFan's compiles of functions that had only just warmed up competed
 * with the build and the collector. Node 20 only: node 22 and later count invocations instead, go
 * through Maglev first, gained nothing measurable from raising those thresholds, and refuse this
 * flag as unknown; node 21 (V8 11.8) was not measured.
 */
export function optimizeHotCodeOnly(): void {
  if (node20) {
    setFlagsFromString(`--interrupt-budget=${4 * node20InterruptBudget}`);
  }
}

/**
 * Keeps the young generation at the size it has as a build starts (4 MB here, once guide's
 * modules are loaded): V8 doubles it as objects survive, to 16 MB, and each doubling takes fresh
 * memory, which a process pays for page by page as it first touches it (about 12 µs a page on the
 * 2-core reference machine, a quarter of a build's time in all). A guide of the sample's size is
 * made before the larger young generation pays for itself: a build without the cache 1,133 →
 * 974 ms, a rebuild after an edit 976 → 877 ms (interleaved, 9 runs each). Larger guides gain
 * from it (2,000 measures: 13.4 → 20.3 s held throughout), so a build lets it go as soon as it
 * knows it has more than `SMALL_EDITION` measures (`releaseYoungGeneration`). V8 reads this one
 * each time it would grow the young generation.
 */
export function holdYoungGeneration(): void {
  if (node20) setFlagsFromString('--semi-space-growth-factor=1');
}

/** Editions of more measures than this build with V8's young generation (measured: 100 gain from holding it, 200 lose). */
export const SMALL_EDITION = 150;

/** Lets the young generation grow again, by V8's own factor. */
export function releaseYoungGeneration(): void {
  if (node20) setFlagsFromString('--semi-space-growth-factor=2');
}
