/**
 * Starting `guide build` from guide's startup snapshot (made by make.ts at
 * `npm install`), and the check that the snapshot is current. Like bin/, this is the process's
 * edge: it reads the snapshot's stamp, looks at files and starts the node that runs the command.
 *
 * A process cannot load a snapshot into itself, so the command runs in a second node started with
 * `--snapshot-blob`. That second start, with the heap it loads, costs less than loading the
 * modules for a build, and more than a `guide validate` (which loads few since they are imported
 * lazily) or all of `guide --help`: the other commands run here, as before.
 */

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where make.ts writes the snapshot: lib/snapshot/ (from src/cli/snapshot/ too, for the tests). */
export const snapshotFolder = path.resolve(fileURLToPath(import.meta.url), '../../../../lib/snapshot');
/** The package the snapshot belongs to; its paths are written into the snapshot. */
export const packageRoot = path.resolve(snapshotFolder, '..', '..');
/** The stamp: which blob, and what it was made from. Written last, so it names a whole blob. */
export const stampFile = path.join(snapshotFolder, 'snapshot.json');

/** A file as seen when the snapshot was made: its path, size and modification time. */
export type FileStamp = [file: string, size: number, mtimeMs: number];

export interface SnapshotStamp {
  /** The blob's file name in snapshotFolder; named by the key. */
  blob: string;
  /** sha256 of guide's version, the node that made it and the bundled script. */
  key: string;
  guide: string;
  /** The package folder it was made in (a copy elsewhere, packed or moved, has its own paths). */
  root: string;
  node: { version: string; binary: FileStamp };
  /** package.json, npm's record of node_modules and guide's modules bundled into the snapshot. */
  inputs: FileStamp[];
}

/** The commands that run from the snapshot: the ones that load most of guide. */
const heavyCommands = new Set(['build']);

/** The command `args` name, after the one option that may come before it (`--lang`). */
function commandOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--lang') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
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
 * The snapshot blob to run `args` from, or undefined when the command is a light one or there is
 * no current snapshot: none made, guide or any bundled file changed since, another node, node
 * options (V8 flags there make a snapshot fail to load), or GUIDE_NO_SNAPSHOT set.
 */
export function snapshotBlob(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  execArgv: readonly string[] = process.execArgv,
): string | undefined {
  if (!heavyCommands.has(commandOf(args) ?? '')) return undefined;
  if (env.GUIDE_NO_SNAPSHOT || env.NODE_OPTIONS || execArgv.length > 0) return undefined;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as SnapshotStamp;
    if (stamp.root !== packageRoot) return undefined;
    if (stamp.node.version !== process.version || stamp.node.binary[0] !== process.execPath) return undefined;
    if (!unchanged(stamp.node.binary) || !stamp.inputs.every(unchanged)) return undefined;
    const blob = path.join(snapshotFolder, stamp.blob);
    statSync(blob);
    return blob;
  } catch {
    // No stamp, a file gone, a stamp from another version of this module: no snapshot.
    return undefined;
  }
}

const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `args` from the snapshot when there is a current one for them and returns the exit code;
 * undefined when the caller should run the command itself (nothing has run then). The child
 * shares this process's terminal; signals sent to this process are passed on, and a child ended
 * by a signal ends this process by the same signal, so the shell sees what it would have.
 */
export async function runFromSnapshot(args: readonly string[]): Promise<number | undefined> {
  const blob = snapshotBlob(args);
  if (blob === undefined) return undefined;
  const { spawn } = await import('node:child_process');
  // After `--`, node leaves the arguments alone: `--lang en validate` is guide's, not node's.
  const child = spawn(process.execPath, ['--snapshot-blob', blob, '--', ...args], { stdio: 'inherit' });
  const pass = (signal: NodeJS.Signals) => child.kill(signal);
  const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined>((resolve) => {
    child.once('error', () => resolve(undefined));
    child.once('spawn', () => {
      for (const signal of forwarded) process.on(signal, pass);
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
  });
  for (const signal of forwarded) process.off(signal, pass);
  // Not started at all (out of processes, say): the command has not run, so it runs here.
  if (outcome === undefined) return undefined;
  if (outcome.signal !== null) process.kill(process.pid, outcome.signal);
  return outcome.code ?? 70;
}
