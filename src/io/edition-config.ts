/**
 * Which guide.yaml a command works on: the one in the current folder or the nearest parent that
 * has one, or the file named by --config. Apart from loading, so a command can name its edition
 * (its build cache, its kept runs) before it loads anything.
 */

import { statSync } from 'node:fs';
import path from 'node:path';

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * `cwd/guide.yaml`, else the guide.yaml of the nearest parent folder (staff run guide from
 * policies/tax as readily as from the edition folder). When no folder up to the root has one, the
 * path in `cwd`, so the loader reports it missing there.
 */
export function findConfig(cwd: string): string {
  const start = path.resolve(cwd);
  for (let folder = start; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'guide.yaml');
    if (isFile(candidate)) return candidate;
    if (path.dirname(folder) === folder) return path.join(start, 'guide.yaml');
  }
}

/** The path of the edition's guide.yaml: `config` (relative to `cwd`), else `findConfig`'s. */
export function editionConfig(cwd: string, config?: string): string {
  return config !== undefined ? path.resolve(cwd, config) : findConfig(cwd);
}
