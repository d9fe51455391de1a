/**
 * Output files appear whole or not at all: write to a temporary file in the same folder, flush,
 * then rename over the target. A failed build leaves an existing good file untouched. Writing
 * several files that belong together is two steps: stage them all, then replace the targets.
 */

import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';
import { ioMessages as say } from '../messages/io.js';
import { trackTemporary, untrackTemporary } from './live-temporaries.js';

/** Temporary files are `.guide-<pid>-<n>.tmp`: short whatever the target's name, and a sweep can tell whose they are. */
export const temporaryFileName = /^\.guide-(\d+)-\d+\.tmp$/;
let temporaryCount = 0;

/** A file's bytes, its text, or its text in pieces (written one after the other, never joined). */
export type FileData = Uint8Array | string | Iterable<string | Uint8Array>;

/** A file written in full under a temporary name beside its target, not yet renamed over it. */
export interface StagedFile {
  target: string;
  temporary: string;
  /** How messages name the target. */
  shown: string;
}

/**
 * Writes `data` to `target`, creating its folder. Throws `OutputError` saying, in plain words,
 * why the file could not be written; `shownAs` is how the message names the target (default:
 * its full path).
 */
export async function writeFileAtomic(
  target: string,
  data: FileData,
  options: { shownAs?: string } = {},
): Promise<void> {
  const failed = await replaceTargets([await stageFile(target, data, options)]);
  if (failed) throw new OutputError(say.writeFailed({ file: failed.file.shown, reason: failed.reason }), failed.code);
}

/**
 * `writeFileAtomic` in synchronous calls, for a thread with nothing else to do while it writes (a
 * batch's worker threads: see `FileWrites` in batch/firm-job.ts). No signal is watched for, as
 * none reaches a worker thread: a killed run's temporary file is left for the next run's sweep of
 * the output folder (io/batch-output.ts).
 */
export function writeFileAtomicSync(target: string, bytes: Uint8Array): void {
  const folder = path.dirname(target);
  const temporary = path.join(folder, temporaryName());
  let created = false;
  try {
    mkdirSync(folder, { recursive: true });
    // A folder where the file goes is said so before the file is written (and, on some systems,
    // its rename would fail with another code).
    if (lstatSync(target, { throwIfNoEntry: false })?.isDirectory())
      throw Object.assign(new Error(), { code: 'EISDIR' });
    const fd = openSync(temporary, 'w');
    created = true;
    try {
      writeFileSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    if (created) rmSync(temporary, { force: true });
    throw outputError(target, target, error);
  }
}

/** A new temporary file's name, unique in this process. */
function temporaryName(): string {
  return `.guide-${process.pid}-${++temporaryCount}.tmp`;
}

/**
 * Writes `data` in full (flushed to disk) to a temporary file beside `target`, creating the
 * folder, and checks that `target` is not a folder, so that a later rename over it can succeed.
 * Nothing existing is touched. Throws `OutputError` (temporary file removed) when it cannot.
 * `durable: false` skips the flush, for files whose loss in a power cut costs nothing (a build
 * cache entry checks its own bytes when read).
 */
export async function stageFile(
  target: string,
  data: FileData,
  options: { shownAs?: string; durable?: boolean } = {},
): Promise<StagedFile> {
  const shown = options.shownAs ?? target;
  const folder = path.dirname(target);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw outputError(target, shown, error);
  }
  // A folder where the file goes would make its rename fail after others were done: say so now.
  if ((await lstat(target).catch(() => undefined))?.isDirectory()) throw outputError(target, shown, { code: 'EISDIR' });
  const temporary = path.join(folder, temporaryName());
  trackTemporary(temporary);
  try {
    const handle = await open(temporary, 'w');
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      // Each piece from where the last ended: writeFile writes on from the handle's position.
      else for (const piece of data) await handle.writeFile(piece);
      if (options.durable !== false) await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await discardStaged([{ target, temporary, shown }]);
    throw outputError(target, shown, error);
  }
  return { target, temporary, shown };
}

/** Removes staged files' temporaries, leaving their targets as they were. */
export async function discardStaged(files: readonly StagedFile[]): Promise<void> {
  for (const file of files) {
    await rm(file.temporary, { force: true });
    untrackTemporary(file.temporary);
  }
}

/** Which staged file could not replace its target, and why in plain words; what was replaced before it. */
export interface ReplaceFailure {
  file: StagedFile;
  reason: string;
  code: string | undefined;
  replaced: StagedFile[];
  notReplaced: StagedFile[];
}

/**
 * Renames each staged file over its target, in order. At the first failure it stops, removes the
 * remaining temporary files and returns what was and was not replaced; undefined when all were.
 */
export async function replaceTargets(files: readonly StagedFile[]): Promise<ReplaceFailure | undefined> {
  for (const [index, file] of files.entries()) {
    try {
      await rename(file.temporary, file.target);
      untrackTemporary(file.temporary);
    } catch (error) {
      await discardStaged(files.slice(index));
      const code = (error as NodeJS.ErrnoException).code;
      return {
        file,
        reason: reasonFor(file.target, file.shown, error),
        code,
        replaced: files.slice(0, index),
        notReplaced: files.slice(index),
      };
    }
  }
  return undefined;
}

function outputError(target: string, shown: string, error: unknown): OutputError {
  return new OutputError(
    say.writeFailed({ file: shown, reason: reasonFor(target, shown, error) }),
    (error as NodeJS.ErrnoException).code,
  );
}

// Why `target` could not be written, in plain words.
function reasonFor(target: string, shown: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  // Folders in the message are named the way the target is shown (relative when it is).
  const base =
    shown !== target && target.endsWith(path.normalize(shown)) ? target.slice(0, -path.normalize(shown).length) : '';
  const named = (file: string) => (base === '' ? file : path.relative(base, file) || '.');
  return reason(code, path.dirname(target), named) ?? String(error);
}

// What a system error code means for someone writing a file, in plain words.
function reason(code: string | undefined, folder: string, named: (file: string) => string): string | undefined {
  switch (code) {
    case 'ENOSPC':
      return say.diskFull();
    case 'EDQUOT':
      return say.quota();
    case 'EACCES':
    case 'EPERM':
      return say.permission({ folder: named(folder), code });
    case 'EROFS':
      return say.readOnly({ folder: named(folder) });
    case 'ENOTDIR':
    case 'EEXIST': {
      const file = fileInTheWay(folder);
      return say.fileInTheWay({ file: file !== undefined ? named(file) : say.partOfPath(), code });
    }
    case 'EISDIR':
      return say.isFolder();
    case 'EBUSY':
      return say.inUse();
    case 'ENAMETOOLONG':
      return say.nameTooLong();
    case 'EMFILE':
    case 'ENFILE':
      return say.tooManyOpen({ code });
    default:
      return code;
  }
}

// The nearest existing part of `folder` that is a file: it is why the folder cannot be made.
function fileInTheWay(folder: string): string | undefined {
  for (let at = folder; ; at = path.dirname(at)) {
    try {
      return statSync(at).isDirectory() ? undefined : at;
    } catch {
      if (path.dirname(at) === at) return undefined;
    }
  }
}
