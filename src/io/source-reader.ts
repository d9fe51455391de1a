/** The real file system behind catalogue/load.ts's SourceReader. */

import { closeSync, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReadResult, SourceReader } from '../catalogue/load.js';
import { patternFolders, policyMatcher } from '../catalogue/policy-patterns.js';

async function walk(root: string, relative: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch {
    return; // a prefix folder that does not exist simply matches nothing
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(root, child, out);
    else if (entry.isFile()) out.push(child);
  }
}

export function createSourceReader(root: string): SourceReader {
  return {
    // Synchronous reads: measure files are small, and a thread-pool round trip per open, stat,
    // read and close costs more than the read itself (measured: half of `guide validate`).
    async read(file: string, maxBytes: number): Promise<ReadResult> {
      let fd: number;
      try {
        fd = openSync(path.resolve(root, file), 'r');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', reason: code ?? String(error) };
      }
      try {
        const { size } = fstatSync(fd);
        if (size > maxBytes) return { kind: 'too-large', size };
        return { kind: 'ok', bytes: readFileSync(fd) };
      } catch (error) {
        return { kind: 'unreadable', reason: (error as NodeJS.ErrnoException).code ?? String(error) };
      } finally {
        closeSync(fd);
      }
    },
    async list(patterns: readonly string[]): Promise<string[]> {
      const matches = policyMatcher(patterns);
      const files: string[] = [];
      const folders = patternFolders(patterns);
      // A folder inside another is walked once, as part of the outer one.
      for (const folder of folders) {
        if (folders.some((other) => other !== folder && (other === '' || folder.startsWith(`${other}/`)))) continue;
        await walk(root, folder, files);
      }
      const found = new Set(files.filter(matches));
      return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
  };
}
