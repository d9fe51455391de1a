/**
 * The yaml package's syntax errors in plain words, pointing where a person would look. Staff
 * who keep measures are not programmers: "Nested mappings are not allowed in compact mappings"
 * means nothing to them; "text with ': ' in it needs quotes" does.
 */

import type { YAMLError } from 'yaml';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import { yamlMessages as say } from '../messages/schema.js';

/** Start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Moves a position at the start of a line past its indentation, onto the first character. */
function skipIndent(text: string, offset: number): number {
  if (offset !== lineStart(text, offset)) return offset;
  const indent = /^[ \t]*/.exec(text.slice(offset))![0].length;
  return offset + indent;
}

/** The key written at `offset`, e.g. `fee` in `fee: 免費`. */
function keyAt(text: string, offset: number): string {
  return /^[^:\s#][^:\n]*?(?=\s*:)/.exec(text.slice(offset))?.[0] ?? '';
}

/** The earlier line in the same group that already set `key` (same indentation). */
function firstKeyDefinition(text: string, offset: number, key: string): number | undefined {
  const indent = offset - lineStart(text, offset);
  const pattern = new RegExp(`^[ ]{${indent}}${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'm');
  const match = pattern.exec(text.slice(0, lineStart(text, offset)));
  return match ? match.index + indent : undefined;
}

function yamlErrorDiagnostic(file: string, text: string, error: YAMLError): Diagnostic {
  const start = error.pos[0];
  const where = (range: Range) => ({ file, range });
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = keyAt(text, start);
      const first = firstKeyDefinition(text, start, key);
      return diagnostic('E-YAML-DUPLICATE-KEY', say.duplicateKey({ key }), {
        ...where([start, start + key.length]),
        ...(first !== undefined
          ? { related: [{ file, range: [first, first + key.length] as Range, message: say.firstWrittenHere() }] }
          : {}),
        hint: say.duplicateKeyHint(),
      });
    }
    case 'TAB_AS_INDENT': {
      return diagnostic('E-YAML-SYNTAX', say.tabIndent(), {
        ...where([start, start + 1]),
        hint: say.tabIndentHint(),
      });
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      return diagnostic('E-YAML-SYNTAX', say.colonOrRunOn(), {
        ...where([start, Math.max(start + 1, error.pos[1])]),
        hint: say.colonOrRunOnHint(),
      });
    }
    case 'MISSING_CHAR': {
      if (/closing .?quote/i.test(error.message)) {
        const quote = error.message.includes("'") ? "'" : '"';
        const opening = text.lastIndexOf(quote, start - 1);
        const at = opening >= 0 ? opening : start;
        return diagnostic('E-YAML-SYNTAX', say.unclosedQuote({ quote }), {
          ...where([at, at + 1]),
          hint: say.unclosedQuoteHint({ quote }),
        });
      }
      const at = skipIndent(text, start);
      return diagnostic('E-YAML-SYNTAX', say.badIndent(), {
        ...where([at, at + 1]),
        hint: say.indentHint(),
      });
    }
    case 'BAD_INDENT': {
      const at = skipIndent(text, start);
      return diagnostic('E-YAML-SYNTAX', say.badIndent(), {
        ...where([at, at + 1]),
        hint: say.indentHint(),
      });
    }
    default: {
      const at = skipIndent(text, start);
      const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return diagnostic('E-YAML-SYNTAX', say.otherSyntax({ detail }), {
        ...where([at, Math.max(at + 1, error.pos[1])]),
        hint: say.otherSyntaxHint(),
      });
    }
  }
}

/** One diagnostic per line: the parser often reports one mistake several times. */
export function yamlSyntaxDiagnostics(file: string, text: string, errors: readonly YAMLError[]): Diagnostic[] {
  const seenLines = new Set<number>();
  const out: Diagnostic[] = [];
  for (const error of errors) {
    const d = yamlErrorDiagnostic(file, text, error);
    const line = lineStart(text, d.range![0]);
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    out.push(d);
  }
  return out;
}
