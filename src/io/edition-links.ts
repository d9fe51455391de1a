/**
 * Where links lead. An edition's files (measures, templates, theme fonts) may be links; each is
 * followed only where it leads inside the edition folder, unless guide.yaml says
 * `allow_outside: true`. One rule for every kind of file, so no file is followed in one place
 * and skipped in another.
 */

import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The real path of `file` when it lies outside the folder `root` (through a link, or `..`), else
 * undefined; undefined too when `file` does not exist (the read that follows says so).
 */
export function realPathOutside(root: string, file: string): string | undefined {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync.native(path.resolve(root, file));
    realRoot = realpathSync.native(root);
  } catch {
    return undefined;
  }
  return isWithin(realRoot, real) ? undefined : real;
}

/** Whether `file` is the folder `folder` or lies in it, by the paths as given (no link followed). */
export function isWithin(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
