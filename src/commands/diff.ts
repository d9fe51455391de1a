/**
 * `guide diff <old> [<new>]`: the measures added, removed and changed between two editions, in
 * plain Chinese, or as JSON. Each side is a manifest.json, an edition folder or guide.yaml, a
 * folder of measure files, or a git ref; `<new>` defaults to the current edition.
 */

import path from 'node:path';
import { findConfig } from '../io/edition-config.js';
import { ExitCode } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { createReporter } from '../terminal/report.js';
import { openCurrentSide, openSide } from '../io/edition-side.js';
import { diffEditions, formatDiff } from '../release/diff.js';
import { sideSnapshot } from '../release/side-snapshot.js';
import { releaseMessages as say } from '../messages/release.js';

export interface DiffCommandOptions {
  config?: string;
  json?: boolean;
}

export async function diffCommand(
  io: CliIo,
  oldSpec: string,
  newSpec: string | undefined,
  options: DiffCommandOptions,
): Promise<number> {
  const report = createReporter(io);
  const sides = [
    { name: oldSpec, side: await openSide(oldSpec, io.cwd, options.config) },
    {
      name:
        newSpec ??
        (path.relative(
          io.cwd,
          options.config !== undefined ? path.resolve(io.cwd, options.config) : findConfig(io.cwd),
        ) ||
          'guide.yaml'),
      side:
        newSpec === undefined
          ? await openCurrentSide(io.cwd, options.config)
          : await openSide(newSpec, io.cwd, options.config),
    },
  ];
  const [before, after] = sides.map(({ side }) => sideSnapshot(side, io.cwd));
  let failed = false;
  for (const [index, read] of [before!, after!].entries()) {
    if (read.snapshot) continue;
    report.diagnostics(read.diagnostics, read.sources, { format: 'text', root: read.root });
    report.info(say.couldNotRead({ side: sides[index]!.name }));
    failed = true;
  }
  if (failed) return ExitCode.invalidInput;

  const diff = diffEditions(before!.snapshot!, after!.snapshot!);
  if (options.json === true) {
    const json = {
      old: { source: sides[0]!.name, ...diff.old },
      new: { source: sides[1]!.name, ...diff.new },
      added: diff.added,
      removed: diff.removed,
      changed: diff.changed,
    };
    report.out(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    report.out(formatDiff(diff, { old: sides[0]!.name, new: sides[1]!.name }));
  }
  return ExitCode.ok;
}
