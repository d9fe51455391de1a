/**
 * Writing a built edition into its output folder so that a failure replaces nothing: every file,
 * the manifest included, is first written in full under a temporary name; only when all of them
 * are there are they renamed over the old ones, the manifest last.
 */

import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';
import { ioMessages as say } from '../messages/io.js';
import { removeLeftoverTemporaries } from './batch-output.js';
import { discardStaged, replaceTargets, stageFile, type ReplaceFailure, type StagedFile } from './write-atomic.js';

/** A file to write, named relative to the output folder. */
export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Writes `files`, then `manifest.text` as `manifest.name`; returns the absolute paths written.
 * Throws `OutputError` saying which files were replaced and which were left as they were.
 * Messages name the files relative to `cwd`, as the user gave the folder.
 */
export async function writeEditionOutput(
  outDir: string,
  files: readonly OutputFile[],
  manifest: { name: string; text: string },
  cwd: string,
): Promise<string[]> {
  const shownAs = (target: string) => path.relative(cwd, target) || target;
  const outputs = [
    ...files.map((file) => ({ target: path.join(outDir, file.name), data: file.bytes as Uint8Array | string })),
    { target: path.join(outDir, manifest.name), data: manifest.text },
  ];
  // A build stopped by a signal it could not catch (SIGKILL, a power cut) left these.
  await removeLeftoverTemporaries(outDir);

  const staged: StagedFile[] = [];
  try {
    for (const output of outputs)
      staged.push(await stageFile(output.target, output.data, { shownAs: shownAs(output.target) }));
  } catch (error) {
    await discardStaged(staged);
    if (!(error instanceof OutputError)) throw error;
    const notWritten = outputs.map((output) => shownAs(output.target)).join(', ');
    throw new OutputError(`${error.message}\n  ${say.notWritten({ files: notWritten })}`, error.code);
  }

  const failed = await replaceTargets(staged);
  if (failed) throw await partlyReplaced(failed);
  return outputs.map((output) => output.target);
}

/**
 * The error for renames that stopped partway. The old manifest, if it is still there, describes
 * files that were just replaced: it is removed rather than left to mislead.
 */
async function partlyReplaced(failed: ReplaceFailure): Promise<OutputError> {
  if (failed.replaced.length === 0) {
    return new OutputError(say.writeFailed({ file: failed.file.shown, reason: failed.reason }), failed.code);
  }
  const manifest = failed.notReplaced.at(-1)!; // staged last, so never replaced here
  const kept = failed.notReplaced.slice(0, -1);
  const lines = [
    say.couldNotReplace({ file: failed.file.shown, reason: failed.reason }),
    say.replaced({ files: failed.replaced.map((file) => file.shown).join(', ') }),
  ];
  let removal: string | undefined;
  try {
    await unlink(manifest.target);
    removal = say.staleManifestRemoved({ file: manifest.shown });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') removal = say.staleManifestKept({ file: manifest.shown, reason: code ?? String(error) });
  }
  if (kept.length > 0) lines.push(say.leftAsTheyWere({ files: kept.map((file) => file.shown).join(', ') }));
  if (removal !== undefined) lines.push(removal);
  lines.push(say.buildAgain());
  return new OutputError(lines.join('\n  '), failed.code);
}
