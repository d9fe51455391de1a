/** Looking before writing: `guide new` and `guide init` never write over what is there. */

import { lstatSync } from 'node:fs';

/** Whether anything (a file, a folder, a link, even a broken one) is at `file`. */
export function somethingAt(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    // A file where a folder of the path should be: writing will say so in plain words.
    return false;
  }
}
