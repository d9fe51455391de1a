/**
 * The files and folders a run looked at, each with a print of what was there, so a result made
 * from them can be kept until one of them changes (`guide validate` replays its last run when
 * nothing it read has changed). The functions in io/ that its checks look through (the source
 * reader, the templates folder, the fonts) call `seeInput` before they look; outside
 * `recordInputs` that costs a test of one variable. A new look in those checks needs a
 * `seeInput` too: test/io/inputs-seen.test.ts watches node:fs and finds any that has none.
 */

import { readdirSync, readFileSync, realpathSync, statSync, type BigIntStats, type Dirent } from 'node:fs';
import { sha256Hex } from '../hash.js';

/** A path and its print when it was first looked at. */
export type InputPrint = [file: string, print: string];

/** Files up to this size are told apart by their bytes; larger ones (fonts) by their stat. */
const hashedBytes = 1024n * 1024n;

/**
 * What is at `file` now, as far as a result made from it could tell: where it really is (links
 * followed), and its bytes' hash (a file), its entries with their kinds (a folder), or its size,
 * times and inode (a large file, read in parts). A path that is not there, or cannot be read,
 * prints as such.
 */
function printOf(file: string): string {
  try {
    const real = realpathSync.native(file);
    const stats = statSync(real, { bigint: true });
    if (stats.isDirectory()) return `folder ${real} ${entriesOf(real)}`;
    if (stats.isFile() && stats.size <= hashedBytes) return `file ${real} ${sha256Hex(readFileSync(real))}`;
    return `other ${real} ${statPrint(stats)}`;
  } catch (error) {
    return `none ${(error as NodeJS.ErrnoException).code ?? ''}`;
  }
}

/**
 * What tells a file's versions apart without reading it: its device and inode, mode, size, and
 * the times its bytes (mtime, which a program may set) and the file (ctime, which none can) last
 * changed. A file rewritten with its size and mtime put back still shows.
 */
export function statPrint(stats: BigIntStats): string {
  return `${stats.dev} ${stats.ino} ${stats.mode} ${stats.size} ${stats.mtimeNs} ${stats.ctimeNs}`;
}

/** A folder's entries, each marked with its kind: a file that becomes a folder of the same name is a change. */
function entriesOf(folder: string): string {
  const kind = (entry: Dirent) =>
    entry.isDirectory() ? '/' : entry.isSymbolicLink() ? '@' : entry.isFile() ? '' : '?';
  return readdirSync(folder, { withFileTypes: true })
    .map((entry) => `${entry.name}${kind(entry)}`)
    .sort()
    .join('\u0000');
}

let seen: Map<string, string> | undefined;

/**
 * Says that the run is about to look at `file` (an absolute path). Printed before it is read, so
 * a change made while the run reads it shows as a change next time, never the other way round.
 */
export function seeInput(file: string): void {
  if (seen !== undefined && !seen.has(file)) seen.set(file, printOf(file));
}

/** `seeInput` for each of `files`, which are listed only while a run is recorded. */
export function seeInputs(files: () => Iterable<string>): void {
  if (seen === undefined) return;
  for (const file of files()) seeInput(file);
}

/** Runs `run`, noting every input it sees. One run at a time: the notes are the process's. */
export async function recordInputs<T>(run: () => Promise<T>): Promise<{ value: T; inputs: InputPrint[] }> {
  if (seen !== undefined) throw new Error('recordInputs: a run is being recorded already');
  seen = new Map();
  try {
    const value = await run();
    return { value, inputs: [...seen] };
  } finally {
    seen = undefined;
  }
}

/** Whether every input is as it was printed. */
export function inputsUnchanged(inputs: readonly InputPrint[]): boolean {
  return inputs.every(([file, print]) => printOf(file) === print);
}
