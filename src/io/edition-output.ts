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

/** Writes `files`, then `manifest.text` as `manifest.name`; returns the absolute paths written. */
export async function writeEditionOutput(
  outDir: string,
  files: readonly OutputFile[],
  manifest: { name: string; text: () => string },
): Promise<string[]> {
  const manifestPath = path.join(outDir, manifest.name);
  await removeFile(manifestPath);
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(outDir, file.name);
    await writeFileAtomic(target, file.bytes);
    written.push(target);
  }
  await writeFileAtomic(manifestPath, manifest.text());
  return [...written, manifestPath];
}
