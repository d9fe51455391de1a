/**
 * What `guide batch` reads and tidies in its output folder besides writing files atomically: the
 * firm list's bytes, the previous manifest, the checksums of files already there, and the
 * temporary files a killed run left behind.
 */

import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/** The bytes of a file, or why they could not be read (ENOENT, EACCES, …). */
export function readFileBytes(file: string): { bytes: Uint8Array } | { error: string } {
  try {
    return { bytes: readFileSync(file) };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/** A text file's content, or undefined when it does not exist or cannot be read. */
export async function readTextIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** SHA-256 (hex) and size of a file on disk, or undefined when it is not there. */
export async function fileDigest(file: string): Promise<{ sha256: string; bytes: number } | undefined> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(file)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch {
    return undefined;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** A stopwatch started now: milliseconds since, for progress rates and times left. */
export function stopwatch(): () => number {
  const started = performance.now();
  return () => performance.now() - started;
}

/** Removes files; those already gone are fine. */
export async function removeFiles(files: Iterable<string>): Promise<void> {
  for (const file of files) await rm(file, { force: true });
}

// writeFileAtomic's temporary files: .<name>.<pid>.<ms>.tmp
const temporaryName = /^\..+\.(\d+)\.\d+\.tmp$/;

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files a killed run left in `dir` and its subfolders (one level: the firms'
 * folders). Files of a process that is still running are left alone: it may be writing them.
 * Returns how many were removed.
 */
export async function removeLeftoverTemporaries(dir: string): Promise<number> {
  let removed = 0;
  const sweep = async (folder: string, depth: number) => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && depth > 0) await sweep(full, depth - 1);
      const found = entry.isFile() ? temporaryName.exec(entry.name) : null;
      if (found && !isAlive(Number(found[1]))) {
        await rm(full, { force: true });
        removed++;
      }
    }
  };
  await sweep(dir, 1);
  return removed;
}
