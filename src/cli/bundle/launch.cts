/**
 * Where bin/guide.cjs finds the command line: in guide's bundle (made by make.ts at
 * `npm install`) while it is current, else in guide's own modules. Like bin/, this is the
 * process's edge: it reads the bundle's stamp and looks at files.
 *
 * Loading guide's ~200 modules one by one costs node a resolution, a file read and a link each;
 * the bundle is the same code in a few files (the commands' own parts still load only when their
 * command runs), so every command starts sooner. See docs/decisions.md, "Startup bundle".
 *
 * CommonJS, as bin/ is: node starts an ES module's loader for an ES entry, ~12 ms of every run.
 */

import path = require('node:path');
import fs = require('node:fs');
import type { BundleStamp, FileStamp } from './stamp.js';

/** Where make.ts writes the bundle: lib/bundle/ (from src/cli/bundle/ too, for the tests). */
const bundleFolder = path.resolve(__dirname, '../../../lib/bundle');
/** The package the bundle belongs to; its paths are written into the bundle. */
const packageRoot = path.resolve(bundleFolder, '..', '..');
/** The stamp: which bundle, and what it was made from. Written last, so it names a whole bundle. */
const stampFile = path.join(bundleFolder, 'bundle.json');

/** The stamp of `file` as it is now. */
function stampOf(file: string): FileStamp {
  const stats = fs.statSync(file);
  return [file, stats.size, stats.mtimeMs];
}

function unchanged([file, size, mtimeMs]: FileStamp): boolean {
  const [, sizeNow, mtimeNow] = stampOf(file);
  return sizeNow === size && mtimeNow === mtimeMs;
}

/**
 * The bundle's start (start.cts, whose `main` is lib/cli/main.js's), a file, or undefined when
 * there is no current bundle: none made, guide or any bundled file changed since, or
 * GUIDE_NO_BUNDLE set.
 */
function currentBundle(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  if (env.GUIDE_NO_BUNDLE) return undefined;
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8')) as BundleStamp;
    if (stamp.root !== packageRoot || !stamp.inputs.every(unchanged)) return undefined;
    const start = path.join(bundleFolder, stamp.folder, 'start.cjs');
    fs.statSync(start);
    return start;
  } catch {
    // No stamp, a file gone, a stamp from another version of this module: no bundle.
    return undefined;
  }
}

export = { bundleFolder, packageRoot, stampFile, stampOf, currentBundle };
