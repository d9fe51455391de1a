/** Removing a file the build is about to replace, when a stale copy would mislead. */

import { rm } from 'node:fs/promises';

/**
 * Removes `target` if it exists. A missing file, or a path through something that is not a
 * folder, means there is nothing to remove; other failures (permissions) are thrown.
 */
export async function removeFile(target: string): Promise<void> {
  try {
    await rm(target, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
  }
}
