/**
 * Where bin/guide.js finds the command line: in guide's bundle (made by make.ts at
 * `npm install`) while it is current, else in guide's own modules. Like bin/, this is the
 * process's edge: it reads the bundle's stamp and looks at files.
 *
 * Loading guide's ~200 modules one by one costs node a resolution, a file read and a link each;
 * the bundle is the same code in a few files (the commands' own parts still load only when their
 * command runs), so every command starts sooner. See docs/decisions.md, "Startup bundle".
 */

import type * as fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// node:fs by require: an ES import of it builds the namespace of its every export first (~1 ms
// of every start, measured).
const { readFileSync, statSync } = createRequire(import.meta.url)('node:fs') as typeof fs;

/** Where make.ts writes the bundle: lib/bundle/ (from src/cli/bundle/ too, for the tests). */
export const bundleFolder = path.resolve(fileURLToPath(import.meta.url), '../../../../lib/bundle');
/** The package the bundle belongs to; its paths are written into the bundle. */
export const packageRoot = path.resolve(bundleFolder, '..', '..');
/** The stamp: which bundle, and what it was made from. Written last, so it names a whole bundle. */
export const stampFile = path.join(bundleFolder, 'bundle.json');

/** A file as seen when the bundle was made: its path, size and modification time. */
export type FileStamp = [file: string, size: number, mtimeMs: number];

export interface BundleStamp {
  /** The bundle's folder in bundleFolder; named by the key. */
  folder: string;
  /** sha256 of guide's version and the bundle's files. */
  key: string;
  guide: string;
  /** The package folder it was made in (a copy elsewhere, packed or moved, has its own paths). */
  root: string;
  /**
   * package.json, npm's record of node_modules and tsc's of lib/ (or, where one is missing, the
   * files it stands for, each bundled dependency or module of guide's), and any bundled module
   * of guide's outside lib/.
   */
  inputs: FileStamp[];
}

/** The stamp of `file` as it is now. */
export function stampOf(file: string): FileStamp {
  const stats = statSync(file);
  return [file, stats.size, stats.mtimeMs];
}

function unchanged([file, size, mtimeMs]: FileStamp): boolean {
  const [, sizeNow, mtimeNow] = stampOf(file);
  return sizeNow === size && mtimeNow === mtimeMs;
}

/**
 * The URL of the bundle's command line module (its `main` is lib/cli/main.js's), or undefined
 * when there is no current bundle: none made, guide or any bundled file changed since, or
 * GUIDE_NO_BUNDLE set.
 */
export function currentBundle(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  if (env.GUIDE_NO_BUNDLE) return undefined;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as BundleStamp;
    if (stamp.root !== packageRoot || !stamp.inputs.every(unchanged)) return undefined;
    const main = path.join(bundleFolder, stamp.folder, 'main.js');
    statSync(main);
    return pathToFileURL(main).href;
  } catch {
    // No stamp, a file gone, a stamp from another version of this module: no bundle.
    return undefined;
  }
}
