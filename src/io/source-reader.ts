/** The real file system behind catalogue/load.ts's SourceReader. */

import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ReadOptions, ReadResult, SourceReader } from '../catalogue/load.js';
import { patternFolders, policyMatcher } from '../catalogue/policy-patterns.js';
import { realPathOutside } from './edition-links.js';
import { seeInput } from './inputs-seen.js';
import { catalogueMessages as say } from '../messages/catalogue.js';

/**
 * Adds the files under `relative` to `out`. Links are followed (a linked folder once, by its real
 * path, so a link to a parent cannot loop); a linked folder leading out of the edition folder is
 * followed only when `outside` is allowed, else added itself, so reading it says where it leads.
 * So is a folder that cannot be read: its measures would be missing from the guide without a word.
 */
interface Walk {
  files: string[];
  /** Listed as they are, whatever the patterns: reading them says what is wrong with them. */
  asThemselves: string[];
  seen: Set<string>;
}

function walk(root: string, relative: string, out: Walk, options: ReadOptions): void {
  let entries;
  try {
    const folder = path.join(root, relative);
    seeInput(folder);
    const real = realpathSync.native(folder);
    if (out.seen.has(real)) return;
    out.seen.add(real);
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    // A prefix folder that does not exist simply matches nothing.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR' && relative !== '') out.asThemselves.push(relative);
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    let isFolder = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      // A broken link is listed: reading it says the file is missing, rather than nothing at all;
      // so is a link that cannot be followed (a loop: ELOOP).
      seeInput(path.join(root, child));
      try {
        isFolder = statSync(path.join(root, child), { throwIfNoEntry: false })?.isDirectory() ?? false;
      } catch {
        isFolder = false;
      }
      if (isFolder && !options.outside && realPathOutside(root, child) !== undefined) {
        out.asThemselves.push(child);
        continue;
      }
    }
    // Anything else is listed too (a named pipe, a device): reading it says it is no file.
    if (isFolder) walk(root, child, out, options);
    else out.files.push(child);
  }
}

export function createSourceReader(root: string): SourceReader {
  return {
    // Synchronous reads: measure files are small, and a thread-pool round trip per open, stat,
    // read and close costs more than the read itself (measured: half of `guide validate`).
    async read(file: string, maxBytes: number, options?: ReadOptions): Promise<ReadResult> {
      seeInput(path.resolve(root, file));
      if (!options?.outside) {
        const target = realPathOutside(root, file);
        if (target !== undefined) return { kind: 'outside', target };
      }
      let fd: number;
      try {
        // Not blocking: opening a named pipe would wait for a writer (a regular file reads as ever).
        fd = openSync(path.resolve(root, file), constants.O_RDONLY | constants.O_NONBLOCK);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', reason: code ?? String(error) };
      }
      try {
        const stats = fstatSync(fd);
        // A folder reads as EISDIR, as before.
        if (!stats.isFile() && !stats.isDirectory()) return { kind: 'unreadable', reason: say.notAFile() };
        if (stats.size > maxBytes) return { kind: 'too-large', size: stats.size };
        return { kind: 'ok', bytes: readFileSync(fd) };
      } catch (error) {
        return { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? String(error) };
      } finally {
        closeSync(fd);
      }
    },
    async list(patterns: readonly string[], options: ReadOptions = { outside: false }): Promise<string[]> {
      const matches = policyMatcher(patterns);
      const out: Walk = { files: [], asThemselves: [], seen: new Set() };
      const folders = patternFolders(patterns);
      // A folder inside another is walked once, as part of the outer one.
      for (const folder of folders) {
        if (folders.some((other) => other !== folder && (other === '' || folder.startsWith(`${other}/`)))) continue;
        walk(root, folder, out, options);
      }
      const found = new Set([...out.files.filter(matches), ...out.asThemselves]);
      return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
  };
}
