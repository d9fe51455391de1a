/**
 * What `guide batch` reads and tidies in its output folder besides writing files atomically: the
 * firm list's bytes, the previous manifest, the checksums of files already there, the temporary
 * files a killed run left behind, and the lock that keeps two runs out of one folder.
 */

import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';
import { ioMessages as say } from '../messages/io.js';
import { temporaryFileName } from './write-atomic.js';
import { isTracked } from './live-temporaries.js';

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

/**
 * Removes files; those already gone are fine. Each is tried: returns the first that stays, with
 * why (EACCES, …), or undefined when all went.
 */
export async function removeFiles(files: Iterable<string>): Promise<{ file: string; reason: string } | undefined> {
  let staying: { file: string; reason: string } | undefined;
  for (const file of files) {
    try {
      await rm(file, { force: true });
    } catch (error) {
      staying ??= { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
  }
  return staying;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process whose parent has not collected it yet still answers, as a zombie (Linux).
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/**
 * Removes temporary files a killed run left in `dir` and its subfolders (one level: the firms'
 * folders). Files of a process that is still running are left alone: it may be writing them.
 * A file under this process's own pid that it is not writing is an earlier process's that had
 * the same pid (pids repeat, in containers from one run to the next). Returns how many were
 * removed.
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
      const found = entry.isFile() ? temporaryFileName.exec(entry.name) : null;
      if (!found) continue;
      const pid = Number(found[1]);
      if (pid === process.pid ? !isTracked(full) : !isAlive(pid)) {
        await rm(full, { force: true });
        removed++;
      }
    }
  };
  await sweep(dir, 1);
  return removed;
}

/**
 * When a process started, in clock ticks since boot (Linux `/proc`); undefined where that cannot
 * be read. With the pid it names one process: a pid alone is reused once its process has ended.
 */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the name in brackets (field 2) may hold spaces, so count after its ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** A process's command line (Linux `/proc`), cut short; undefined where it cannot be read. */
function commandOf(pid: number): string | undefined {
  try {
    const words = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return words === '' ? undefined : words.length > 80 ? `${words.slice(0, 79)}…` : words;
  } catch {
    return undefined;
  }
}

/**
 * The lock file in a batch's output folder: the running process's id on the first line, where
 * the system tells it the time that process started on the second, and the command holding it
 * (`batch`, `mail`) on the third. `guide batch` and `guide mail` take the same lock: a mailing
 * must not attach files a batch is rewriting.
 */
const lockFileName = '.guide-batch.lock';

/** The commands that take an output folder's lock. */
export type LockingCommand = 'batch' | 'mail';

/**
 * Takes the output folder for this process, so that two runs (say two shards started at once)
 * never write the same manifest or remove each other's temporary files. A lock left by a process
 * that is no longer running (killed) is taken over, and so is one whose pid now belongs to a
 * process that started later. Throws `OutputError` when another running process holds it, saying
 * how to clear a lock when that process may not be a guide batch at all.
 * Resolves with the function that gives it back.
 */
export async function lockOutputFolder(dir: string, command: LockingCommand = 'batch'): Promise<() => Promise<void>> {
  const file = path.join(dir, lockFileName);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new OutputError(say.cannotCreate({ dir, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n${startTimeOf(process.pid) ?? ''}\n${command}\n`, { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new OutputError(say.cannotWrite({ file, reason: code ?? String(error) }));
    }
    const [pidLine = '', started = '', heldBy = ''] = ((await readTextIfPresent(file)) ?? '').split('\n');
    const holder = Number.parseInt(pidLine, 10);
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      const now = startTimeOf(holder);
      // The pid is the lock's, but the process is another that started since: the lock is stale.
      const reused = started !== '' && now !== undefined && now !== started;
      if (!reused) {
        const running = commandOf(holder);
        // A lock without a start time (written elsewhere, or by an older guide) names a pid only.
        if (started === '' && running !== undefined && !/\b(node|guide)\b/i.test(running)) {
          throw new OutputError(say.lockedByOther({ file, pid: holder, command: running, dir }));
        }
        // A lock from before the third line was a batch's.
        const holderCommand = heldBy === 'mail' ? 'mail' : 'batch';
        throw new OutputError(
          command === 'batch' && holderCommand === 'batch'
            ? say.locked({ pid: holder, dir, file })
            : say.lockedFor({ command, holder: holderCommand, pid: holder, dir, file }),
        );
      }
    }
    // Left by a run that was killed: remove it and try again (once; a second loss is a race).
    if (attempt > 0) throw new OutputError(say.lockRace({ command, dir }));
    await rm(file, { force: true });
  }
}
