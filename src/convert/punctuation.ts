/**
 * `guide convert --fix-punctuation`: the edition is read with its Chinese-keyboard traps fixed
 * (see schema/keyboard-traps.ts), so a guide.yaml that did not parse still lists its measure
 * files, and each fixed file goes on to the script conversion like any other.
 */

import type { SourceReader } from '../catalogue/load.js';
import { fixKeyboardTraps } from '../schema/keyboard-traps.js';

/** A file whose keyboard traps were fixed: its text as read, and how many traps it held. */
export interface PunctuationFix {
  before: string;
  fixes: number;
}

export interface PunctuationFixer {
  /** `reader`, handing out UTF-8 files with their keyboard traps fixed. */
  wrap(reader: SourceReader): SourceReader;
  /** The files fixed so far, by path relative to the edition folder. */
  fixed: Map<string, PunctuationFix>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function createPunctuationFixer(): PunctuationFixer {
  const fixed = new Map<string, PunctuationFix>();
  return {
    fixed,
    wrap: (reader) => ({
      list: (patterns, options) => reader.list(patterns, options),
      async read(file, maxBytes, options) {
        const read = await reader.read(file, maxBytes, options);
        if (read.kind !== 'ok') return read;
        let before: string;
        try {
          before = utf8.decode(read.bytes); // drops a BOM, as the loader does
        } catch {
          return read; // not UTF-8: the loader says so, and nothing is fixed or written
        }
        const result = fixKeyboardTraps(before);
        if (result.fixes === 0) return read;
        fixed.set(file, { before, fixes: result.fixes });
        return { kind: 'ok', bytes: new TextEncoder().encode(result.text) };
      },
    }),
  };
}
