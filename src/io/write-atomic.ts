/**
 * Output files appear whole or not at all: write to a temporary file in the same folder, flush,
 * then rename over the target. A failed build leaves an existing good file untouched.
 */

import { statSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';
import { ioMessages as say } from '../messages/io.js';

/** Temporary files are `.guide-<pid>-<n>.tmp`: short whatever the target's name, and a sweep can tell whose they are. */
export const temporaryFileName = /^\.guide-(\d+)-\d+\.tmp$/;
let temporaryCount = 0;

/**
 * Writes `data` to `target`, creating its folder. Throws `OutputError` saying, in plain words,
 * why the file could not be written; `shownAs` is how the message names the target (default:
 * its full path).
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  options: { shownAs?: string } = {},
): Promise<void> {
  const shown = options.shownAs ?? target;
  const folder = path.dirname(target);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw outputError(target, shown, error);
  }
  const temporary = path.join(folder, `.guide-${process.pid}-${++temporaryCount}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw outputError(target, shown, error);
  }
}

function outputError(target: string, shown: string, error: unknown): OutputError {
  const code = (error as NodeJS.ErrnoException).code;
  // Folders in the message are named the way the target is shown (relative when it is).
  const base =
    shown !== target && target.endsWith(path.normalize(shown)) ? target.slice(0, -path.normalize(shown).length) : '';
  const named = (file: string) => (base === '' ? file : path.relative(base, file) || '.');
  return new OutputError(
    say.writeFailed({ file: shown, reason: reason(code, path.dirname(target), named) ?? String(error) }),
    code,
  );
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
