/** The real file system behind catalogue/load.ts's SourceReader. */

import { closeSync, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReadResult, SourceReader } from '../catalogue/load.js';

/** A glob ("policies/**\/*.yaml") as a regular expression over forward-slash paths. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The folder a pattern cannot match outside of: its leading segments without wildcards. */
function staticPrefix(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?]/.test(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/');
}

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
      const found = new Set<string>();
      for (const pattern of patterns) {
        const normalised = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
        const matcher = globToRegExp(normalised);
        const files: string[] = [];
        await walk(root, staticPrefix(normalised), files);
        for (const file of files) if (matcher.test(file)) found.add(file);
      }
      return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
  };
}
