/**
 * The comparison tools a user would otherwise reach for, found on this machine. The harness
 * installs nothing: a tool that is missing is named, and its rows say "not measured" and why.
 */

import { spawnSync } from 'node:child_process';
import { findTypst } from './typst.js';

/** A tool found (with its version line) or missing (with the reason and how to install it). */
export type Tool = { found: true; command: string; version: string } | { found: false; reason: string };

function probe(command: string, args: readonly string[], install: string): Tool {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.error || result.status !== 0) {
    return { found: false, reason: `${command} not found (${install})` };
  }
  const version = `${result.stdout}`.split('\n').find((line) => line.trim() !== '') ?? command;
  return { found: true, command, version: version.trim() };
}

/** pandoc, LibreOffice (headless) and the Typst compiler for Node, as far as this machine has them. */
export interface Tools {
  pandoc: Tool;
  libreoffice: Tool;
  /** `command` is the compiler module's path, for `require` in a fresh process. */
  typst: Tool;
}

/** Looks for each tool; takes a second or two (LibreOffice prints its version slowly). */
export function findTools(): Tools {
  const typst = findTypst();
  return {
    pandoc: probe('pandoc', ['--version'], 'apt-get install pandoc'),
    libreoffice: probe('soffice', ['--version'], 'apt-get install libreoffice-writer-nogui fonts-noto-cjk'),
    typst:
      'module' in typst
        ? { found: true, command: typst.module, version: `@myriaddreamin/typst-ts-node-compiler ${typst.version}` }
        : {
            found: false,
            reason: `${typst.missing}; npm install --no-save @myriaddreamin/typst-ts-node-compiler, or install it elsewhere and set BENCH_NODE_PATH`,
          },
  };
}
