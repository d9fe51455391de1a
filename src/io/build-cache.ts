/**
 * The build cache on disk (`.guide-cache/` in the edition folder, or `--cache DIR`): one file
 * per entry, named by the hash of its key, guide's version and the entry format. Each file
 * starts with a header line naming all three and the payload's length and SHA-256, so an entry
 * cut short, damaged, or written by another version or another program reads as a miss.
 *
 * Entries are written when the run ends (`flush`), each atomically (a temporary file renamed
 * over the entry), so concurrent runs sharing a folder only ever see whole entries: two runs
 * making the same entry write the same bytes, and the last rename wins. A run that wrote
 * entries adds them to the folder's ledger, and trims the folder to `maxBytes` when the ledger
 * says it may be past it, dropping the entries used longest ago (a hit marks its entry used).
 * The cache never fails a build: what cannot be read is a miss, what cannot be written is left
 * out.
 */

import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntryStore } from '../cache-store.js';
import { sha256Hex } from '../hash.js';
import { editionConfig } from './edition-config.js';
import { version } from './version.js';

/** The cache folder an edition gets unless `--cache DIR` names another. */
export const cacheFolderName = '.guide-cache';

/**
 * The entry format. Raise it whenever what an entry holds or how it is laid out changes in a way
 * guide's version does not mark (a change between releases, while developing).
 */
export const entryFormat = 6;

/** 256 MB: a 2,000-measure edition's entries with room to spare; trimmed to three quarters. */
const defaultMaxBytes = 256 * 1024 * 1024;

/** A temporary file older than this was left by a run that was killed. */
const staleTemporaryMs = 60 * 60 * 1000;

const magic = 'guide-cache';

/** An entry's file: its kind, a dot and a hash. */
const entryFileName = /^[a-z][a-z-]*\.[0-9a-f]{64}$/;

/**
 * What guide's code is, beyond its version: when this module was compiled (a development build
 * of the same version rewrites it), the versions of the packages guide depends on (an update
 * of pdfkit or fontkit can change output bytes) and of node's zlib (entries hold deflated bytes,
 * and another zlib may deflate the same input otherwise). Part of every entry's name, made once
 * per process.
 */
function codeStamp(): string {
  const here = fileURLToPath(import.meta.url);
  const packageRoot = path.resolve(path.dirname(here), '../..');
  // Run from its TypeScript sources (the tests, tsx), nothing rewrites this module when another
  // changes: the newest of them stands for the code.
  const written =
    (here.endsWith('.ts') && newestFileIn(path.resolve(path.dirname(here), '..'))) || statSync(here).mtimeMs;
  const parts = [version, String(written), `zlib@${process.versions.zlib}`];
  const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const name of Object.keys(manifest.dependencies ?? {}))
    parts.push(`${name}@${installedVersion(packageRoot, name)}`);
  return parts.join(' ');
}

/** The version of the package `name` as Node would find it from `from`; empty when not found. */
function installedVersion(from: string, name: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const text = readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8');
      return (JSON.parse(text) as { version?: string }).version ?? '';
    } catch {
      if (path.dirname(dir) === dir) return '';
    }
  }
}

/**
 * The latest modification time of the files in `folder` and its subfolders (links followed); 0
 * when it cannot be read. A file gone between the listing and its stat (an editor's swap file) is
 * passed over.
 */
function newestFileIn(folder: string): number {
  let newest = 0;
  try {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      const stats = statSync(path.join(entry.parentPath, entry.name), { throwIfNoEntry: false });
      if (stats?.isFile()) newest = Math.max(newest, stats.mtimeMs);
    }
  } catch {
    // An unreadable folder: what was found so far.
  }
  return newest;
}

let stamp: string | undefined;

/** The build cache of one run: entries read at once, written by `flush`. */
export interface BuildCache extends EntryStore {
  readonly dir: string;
  /** Writes the entries this run made and trims the folder; never throws. */
  flush(): Promise<void>;
}

/** Opens the cache in `dir` (made when the first entry is written). */
export function openBuildCache(dir: string, options: { maxBytes?: number } = {}): BuildCache {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const pending = new Map<string, Uint8Array>();
  const used = new Set<string>();
  stamp ??= codeStamp();
  const code = sha256Hex(stamp);
  // Named by kind, then the hash of the key and of the code that made it.
  const fileOf = (key: string) =>
    path.join(dir, `${key.split('.')[0]}.${sha256Hex(`${magic}\u0000${entryFormat}\u0000${code}\u0000${key}`)}`);
  const header = (key: string, payload: Uint8Array) =>
    `${magic} ${entryFormat} ${version} ${code} ${key} ${payload.length} ${sha256Hex(payload)}\n`;

  return {
    dir,
    get(key) {
      const made = pending.get(key);
      if (made !== undefined) return made;
      const file = fileOf(key);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        return undefined;
      }
      const end = bytes.indexOf(0x0a);
      if (end < 0) return undefined;
      const payload = bytes.subarray(end + 1);
      if (bytes.subarray(0, end + 1).toString('utf8') !== header(key, payload)) return undefined;
      used.add(file);
      return payload;
    },
    set(key, bytes) {
      pending.set(key, bytes);
    },
    async flush() {
      const entries = [...pending];
      pending.clear();
      const touched = [...used];
      used.clear();
      try {
        // A hit marks its entry used, before the trim, which drops the entries used longest ago.
        const now = new Date();
        await Promise.all(touched.map((file) => utimes(file, now, now).catch(() => undefined)));
        if (entries.length === 0) return;
        // Loaded only to write: a run that made nothing new (a validate repeating its last run) only reads.
        const { replaceTargets, stageFile } = await import('./write-atomic.js');
        await prepareFolder(dir);
        // A few at a time, each as its header and payload: one after another, the run waited on
        // each file's round trips to the thread pool, and copied every payload behind its header
        // first. Not all at once: each holds a file open, and a cold build of 2,000 measures
        // writes thousands (the output files, written meanwhile, need some too).
        let next = 0;
        let written = 0;
        const writer = async () => {
          for (let at = next++; at < entries.length; at = next++) {
            const [key, payload] = entries[at]!;
            const head = header(key, payload);
            try {
              await replaceTargets([await stageFile(fileOf(key), [head, payload], { durable: false })]);
              written += Buffer.byteLength(head) + payload.length;
            } catch {
              // Left out, as below.
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(WRITERS, entries.length) }, writer));
        await trimWhenFull(dir, maxBytes, written);
      } catch {
        // A cache that cannot be written (a full disk, a read-only folder) only makes the next run slower.
      }
    },
  };
}

/**
 * Makes the folder, marked as a cache: a CACHEDIR.TAG (backup tools skip the folder) and a
 * .gitignore ignoring everything in it, so a `--cache DIR` inside a repository is ignored too.
 */
async function prepareFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const marks: [string, string][] = [
    [
      'CACHEDIR.TAG',
      "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is guide's build cache: it can be deleted at any time.\n",
    ],
    ['.gitignore', '*\n'],
  ];
  const present = new Set(await readdir(dir));
  for (const [name, text] of marks) if (!present.has(name)) await writeFile(path.join(dir, name), text);
}

/** Entries written at once. */
const WRITERS = 8;

/**
 * The file in the cache folder that holds what the folder held when it was last measured, plus
 * what runs wrote since, and how many runs that was: "<bytes> <runs>".
 */
const ledgerName = 'guide-cache-usage';

/** The folder is measured at least every this many runs that write, whatever the ledger says. */
const RUNS_BETWEEN_MEASURES = 32;

/**
 * Measures the folder, and trims it, when the ledger says the bytes just written took it past
 * `maxBytes` (and at least every `RUNS_BETWEEN_MEASURES` runs); else adds them to the ledger.
 * Measuring lists and stats every entry: ~25 ms a run once the folder holds a thousand, as a cache
 * used for a while does. Runs at the same time may each miss what the other wrote, so the folder
 * can go past its bound by that much until it is measured again; an entry written again under the
 * same name is counted twice, which only measures sooner.
 */
async function trimWhenFull(dir: string, maxBytes: number, bytes: number): Promise<void> {
  await removeStaleTemporaries(dir);
  const ledger = path.join(dir, ledgerName);
  const read = /^(\d+) (\d+)$/.exec(await readFile(ledger, 'utf8').catch(() => ''));
  const total = Number(read?.[1]) + bytes;
  const runs = Number(read?.[2]) + 1;
  // A ledger missing or not as written (NaN) fails the test, and the folder is measured.
  if (total <= maxBytes && runs < RUNS_BETWEEN_MEASURES) await writeFile(ledger, `${total} ${runs}`);
  else await writeFile(ledger, `${await trim(dir, maxBytes)} 0`);
}

/** Removes the temporary files runs that were killed left in the folder; stats nothing else. */
async function removeStaleTemporaries(dir: string): Promise<void> {
  const { temporaryFileName } = await import('./write-atomic.js');
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (!temporaryFileName.test(name)) continue;
    const info = statOrUndefined(path.join(dir, name));
    if (info?.isFile() && now - info.mtimeMs > staleTemporaryMs) await rm(path.join(dir, name), { force: true });
  }
}

/**
 * Drops the entries used longest ago until the folder holds three quarters of `maxBytes`; returns
 * the bytes its entries hold then.
 */
async function trim(dir: string, maxBytes: number): Promise<number> {
  const entries: { file: string; size: number; used: number }[] = [];
  let total = 0;
  for (const name of readdirSync(dir)) {
    if (!entryFileName.test(name)) continue;
    const file = path.join(dir, name);
    // Synchronous: a thread-pool round trip per entry left a run waiting 20 ms on 600 entries.
    const info = statOrUndefined(file);
    if (!info?.isFile()) continue;
    entries.push({ file, size: info.size, used: info.mtimeMs });
    total += info.size;
  }
  if (total <= maxBytes) return total;
  entries.sort((a, b) => a.used - b.used);
  for (const entry of entries) {
    if (total <= (maxBytes * 3) / 4) break;
    await rm(entry.file, { force: true });
    total -= entry.size;
  }
  return total;
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The cache a command uses: `--cache DIR` (relative to `cwd`), none for `--no-cache` (`false`),
 * else `.guide-cache` in the edition folder (of `config`, the command's `--config`).
 */
export function commandCache(
  cwd: string,
  config: string | undefined,
  option: string | false | undefined,
): BuildCache | undefined {
  if (option === false) return undefined;
  if (option !== undefined) return openBuildCache(path.resolve(cwd, option));
  return openBuildCache(path.join(path.dirname(editionConfig(cwd, config)), cacheFolderName));
}
