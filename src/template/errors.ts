/**
 * Template mistakes as diagnostics (code E-TEMPLATE). Handlebars reports positions as line and
 * column (line 1-based, column 0-based, both counted in UTF-16 units like JavaScript strings);
 * diagnostics carry character offsets into the template file, so positions are converted here.
 * Messages are rewritten into plain words: staff see "{{#if}} is not closed", not a parser's
 * token list, and never a stack trace.
 */

import { diagnostic } from '../diagnostics/diagnostic.js';
import { editDistance, withinReach } from '../schema/did-you-mean.js';
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import type { TemplateLocation, TemplatePosition } from './helpers.js';
import { templateMessages as say, templateTokenMessages } from '../messages/render.js';

/** One template file's text and its path as diagnostics show it. */
export interface TemplateSource {
  file: string;
  text: string;
}

/** Character offset of a Handlebars line:column position (line 1-based, column 0-based). */
function offsetOf(text: string, position: TemplatePosition): number {
  // Handlebars counts \r\n, \r and \n each as one line break.
  const lineBreak = /\r\n?|\n/g;
  let lineStart = 0;
  for (let line = 1; line < position.line; line++) {
    const match = lineBreak.exec(text);
    if (match === null) return text.length;
    lineStart = match.index + match[0].length;
  }
  return Math.min(lineStart + position.column, text.length);
}

/** The [start, end) range of a location; never empty, so a code frame has something to mark. */
export function rangeOf(text: string, loc: TemplateLocation): Range {
  const start = offsetOf(text, loc.start);
  const end = offsetOf(text, loc.end);
  return [start, Math.max(end, Math.min(start + 1, text.length))];
}

/** An E-TEMPLATE diagnostic in a template file. */
export function templateDiagnostic(source: TemplateSource, message: string, range?: Range, hint?: string): Diagnostic {
  return diagnostic('E-TEMPLATE', message, {
    file: source.file,
    ...(range !== undefined ? { range } : {}),
    ...(hint !== undefined ? { hint } : {}),
  });
}

/** What the Handlebars lexer knows of the last token read (its parser is a shared singleton). */
interface LexerLocation {
  first_line: number;
  first_column: number;
  last_line: number;
  last_column: number;
}

// The parser's token names, as a person would write them: symbols as written, words in the
// reader's language.
const tokenSymbols: Record<string, string> = {
  OPEN: '{{',
  OPEN_UNESCAPED: '{{{',
  OPEN_BLOCK: '{{#',
  OPEN_ENDBLOCK: '{{/',
  OPEN_INVERSE: '{{^',
  OPEN_INVERSE_CHAIN: '{{else',
  INVERSE: '{{else}}',
  OPEN_PARTIAL: '{{>',
  OPEN_PARTIAL_BLOCK: '{{#>',
  OPEN_RAW_BLOCK: '{{{{',
  END_RAW_BLOCK: '{{{{/',
  CLOSE: '}}',
  CLOSE_UNESCAPED: '}}}',
  CLOSE_RAW_BLOCK: '}}}}',
  OPEN_SEXPR: '(',
  CLOSE_SEXPR: ')',
  OPEN_BLOCK_PARAMS: 'as |',
  CLOSE_BLOCK_PARAMS: '|',
  EQUALS: '=',
  SEP: '.',
  UNDEFINED: 'undefined',
  NULL: 'null',
};

const wordFor = (token: string) =>
  tokenSymbols[token] ??
  (Object.hasOwn(templateTokenMessages, token)
    ? templateTokenMessages[token as keyof typeof templateTokenMessages]()
    : token);

/**
 * A diagnostic for a template that does not parse. `lexer` is where the Handlebars lexer stopped
 * (the parser throws a bare Error whose text has the line but not the column).
 */
export function parseDiagnostic(source: TemplateSource, error: unknown, lexer: LexerLocation | undefined): Diagnostic {
  const located = handlebarsLocation(error);
  const message = error instanceof Error ? error.message : String(error);
  if (located !== undefined) {
    // Errors raised while building the tree carry a location, e.g. "if doesn't match each - 1:3".
    const text = message.replace(/ - \d+:\d+$/, '');
    const mismatch = /^(.+) doesn't match (.+)$/.exec(text);
    if (mismatch) {
      return templateDiagnostic(
        source,
        say.closedBy({ open: mismatch[1]!, close: mismatch[2]! }),
        rangeOf(source.text, located),
        say.closeWith({ open: mismatch[1]! }),
      );
    }
    return templateDiagnostic(source, say.syntaxError({ detail: text }), rangeOf(source.text, located));
  }

  const here: Range | undefined = lexer
    ? rangeOf(source.text, {
        start: { line: lexer.first_line, column: lexer.first_column },
        end: { line: lexer.last_line, column: lexer.last_column },
      })
    : undefined;
  const expected = /Expecting (.+), got '([^']+)'\s*$/.exec(message);
  if (expected) {
    const got = expected[2]!;
    const wanted = [...new Set(expected[1]!.split(', ').map((token) => wordFor(token.replace(/'/g, ''))))];
    if (got === 'EOF') {
      const open = unclosedBlock(source.text);
      if (open !== undefined) {
        return templateDiagnostic(
          source,
          say.notClosed({ sigil: open.sigil, name: open.name }),
          [open.start, open.end],
          say.addClose({ name: open.name }),
        );
      }
    }
    return templateDiagnostic(
      source,
      say.foundWhere({ got: wordFor(got), wanted: wanted.reduce((first, second) => say.or({ first, second })) }),
      here,
      say.checkExpression(),
    );
  }
  if (/^Lexical error/.test(message)) {
    return templateDiagnostic(source, say.unreadable(), here, say.unclosedComment());
  }
  return templateDiagnostic(source, say.syntaxError({ detail: message.split('\n')[0]! }), here);
}

/** The innermost `{{#name}}` (or `{{^name}}`, `{{#>name}}`) without its `{{/name}}`. */
function unclosedBlock(text: string): { sigil: string; name: string; start: number; end: number } | undefined {
  const tags = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{~?\s*(#>|#\*|#|\^|\/)\s*([^\s}~()]+)[^}]*\}\}/g;
  const open: { sigil: string; name: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(tags)) {
    const [whole, sigil, name] = match;
    if (sigil === undefined || name === undefined) continue;
    if (sigil === '/') {
      const at = open.map((tag) => tag.name).lastIndexOf(name);
      if (at >= 0) open.length = at;
    } else {
      open.push({ sigil, name, start: match.index, end: match.index + whole.length });
    }
  }
  return open.at(-1);
}

/** The location a Handlebars exception carries, if any. */
export function handlebarsLocation(error: unknown): TemplateLocation | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { lineNumber, column, endLineNumber, endColumn } = error as Record<string, unknown>;
  if (typeof lineNumber !== 'number' || typeof column !== 'number') return undefined;
  return {
    start: { line: lineNumber, column },
    end: {
      line: typeof endLineNumber === 'number' ? endLineNumber : lineNumber,
      column: typeof endColumn === 'number' ? endColumn : column,
    },
  };
}

/**
 * The candidate closest to `name` (edit distance at most a third of its length, at least 1), for
 * "did you mean" hints.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    if (!withinReach(name, candidate, bestDistance)) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
