/** Removing a file the build is about to replace, when a stale copy would mislead. */

import { rm } from 'node:fs/promises';
import { OutputError } from '../errors.js';
import { ioMessages as say } from '../messages/io.js';

/**
 * Removes `target` if it exists. A missing file, or a path through something that is not a
 * folder, means there is nothing to remove; other failures (permissions) are output errors.
 */
export async function removeFile(target: string): Promise<void> {
  try {
    await rm(target, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return;
    throw new OutputError(say.removeFailed({ file: target, reason: code ?? String(error) }));
  }
}
