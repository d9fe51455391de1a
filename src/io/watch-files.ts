/**
 * Watches files for `guide preview`: the folders holding them (editors save by writing a new file
 * and renaming it over the old, which a watch on the file itself loses), reporting a change to
 * a watched file, or a new YAML or template file in a watched folder, once a burst of events has
 * settled.
 */

import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface FileWatch {
  /** Watches these files (absolute) from now on, instead of the ones before. */
  set(files: readonly string[]): void;
  close(): void;
}

/** Files whose appearance in a watched folder may change the guide (a new measure, a template). */
const sourceFile = /\.(ya?ml|hbs|csv|xlsx)$/i;

/** Calls `changed` `settle` ms after the last event on a watched file. */
export function watchFiles(changed: () => void, settle = 30): FileWatch {
  const folders = new Map<string, FSWatcher>();
  let files = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(changed, settle);
  };
  return {
    set(list) {
      files = new Set(list.map((file) => path.resolve(file)));
      const wanted = new Set([...files].map((file) => path.dirname(file)));
      for (const [folder, watcher] of folders) {
        if (wanted.has(folder)) continue;
        watcher.close();
        folders.delete(folder);
      }
      for (const folder of wanted) {
        if (folders.has(folder)) continue;
        try {
          const watcher = watch(folder, (_event, name) => {
            const file = name === null ? undefined : path.join(folder, name.toString());
            if (file === undefined || files.has(file) || sourceFile.test(file)) fire();
          });
          watcher.on('error', () => undefined); // a folder removed: the next rebuild says what is missing
          folders.set(folder, watcher);
        } catch {
          // A folder that is gone: the rebuild reports the files missing.
        }
      }
    },
    close() {
      clearTimeout(timer);
      for (const watcher of folders.values()) watcher.close();
      folders.clear();
    },
  };
}
