/**
 * Writing a built edition into its output folder: each file atomically, the manifest last. A
 * manifest from an earlier build would describe files this build is replacing, so it goes first.
 */

import path from 'node:path';
import { removeFile } from './remove-file.js';
import { writeFileAtomic } from './write-atomic.js';

/** A file to write, named relative to the output folder. */
export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Writes `files`, then `manifest.text` as `manifest.name`; returns the absolute paths written.
 * Messages name the files relative to `cwd`, as the user gave the folder.
 */
export async function writeEditionOutput(
  outDir: string,
  files: readonly OutputFile[],
  manifest: { name: string; text: () => string },
  cwd: string,
): Promise<string[]> {
  const shownAs = (target: string) => path.relative(cwd, target) || target;
  const manifestPath = path.join(outDir, manifest.name);
  await removeFile(manifestPath);
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(outDir, file.name);
    await writeFileAtomic(target, file.bytes, { shownAs: shownAs(target) });
    written.push(target);
  }
  await writeFileAtomic(manifestPath, manifest.text(), { shownAs: shownAs(manifestPath) });
  return [...written, manifestPath];
}
