/**
 * What `guide init` reads and checks on disk: the starter edition bundled with guide (the
 * package's init/ folder), the bundled templates, and the folder a new edition goes into.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { InternalError, OutputError } from '../errors.js';
import { ioMessages as say } from '../messages/io.js';

/** The starter edition bundled with guide: guide.yaml, an example measure, README.md, gitignore. */
export const bundledStarterDir = path.resolve(
  path.dirname(createRequire(import.meta.url).resolve('../../package.json')),
  'init',
);

/** A file to write: its path relative to the new edition's folder ('/'-separated) and its bytes. */
export interface StarterFile {
  path: string;
  data: Uint8Array | string;
}

/**
 * Every regular file under `dir` (recursively), paths relative to it, in code-unit order.
 * A bundled folder guide cannot read is a broken installation: an internal error.
 */
export function readBundledFolder(dir: string): StarterFile[] {
  const files: StarterFile[] = [];
  const walk = (relative: string) => {
    let names: string[];
    try {
      names = readdirSync(path.join(dir, relative)).sort();
    } catch (error) {
      throw new InternalError(`guide's bundled folder ${path.join(dir, relative)} cannot be read: ${String(error)}`);
    }
    for (const name of names) {
      const child = relative === '' ? name : `${relative}/${name}`;
      const absolute = path.join(dir, child);
      const stat = statSync(absolute);
      if (stat.isDirectory()) walk(child);
      else if (stat.isFile()) files.push({ path: child, data: readFileSync(absolute) });
    }
  };
  walk('');
  return files;
}

/**
 * What is at `dir`: nothing, a file, or a folder with its entries (names, in code-unit order).
 * Throws `OutputError` when it cannot be looked at (permission).
 */
export function inspectTarget(
  dir: string,
  shownAs: string,
): { kind: 'missing' } | { kind: 'file' } | { kind: 'folder'; entries: string[] } {
  let isFolder: boolean;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'ENOTDIR') return { kind: 'file' };
    throw new OutputError(say.cannotLookInto({ dir: shownAs, reason: code ?? String(error) }), code);
  }
  if (!isFolder) return { kind: 'file' };
  try {
    return { kind: 'folder', entries: readdirSync(dir).sort() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new OutputError(say.cannotLookInto({ dir: shownAs, reason: code ?? String(error) }), code);
  }
}
