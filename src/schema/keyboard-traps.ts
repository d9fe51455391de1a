/**
 * Mistakes a Chinese keyboard makes in YAML, found in the text before the parser sees it. The
 * parser either accepts them silently (a full-width-space indent makes a new field "\u3000\u3000from";
 * “不收費” keeps its quotes) or reports something unrelated ("holds ': '"), so each gets its own
 * code, pointing at the very character to change.
 *
 * Only the structure of a line is looked at (its indent, a field name at its start, a whole
 * value); text inside block scalars (`|`, `>`) is prose and may hold any of these characters.
 *
 * Each trap also knows its fix, so `guide convert --fix-punctuation` mends exactly what
 * `guide validate` reports, line by line in the text: such files often do not parse, and
 * everything else on the line and in the file stays byte for byte.
 */

import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keyboardTrapMessages as say } from '../messages/convert.js';

const ideographicSpace = '\u3000';

/** Opening full-width quote → the closing one it pairs with. */
const fullWidthQuotes: Readonly<Record<string, string>> = {
  '\u201c': '\u201d', // “ ”
  '\u2018': '\u2019', // ‘ ’
  '「': '」',
  '『': '』',
};

/** Indent, then any list dashes, then a field name made of ASCII letters, digits, _ and -. */
const keyAtLineStart = /^([ \u3000]*)((?:-[ \u3000]+)*)([A-Za-z_][A-Za-z0-9_-]*)/;

/** A value starting a block scalar: `|`, `>`, with optional chomping/indent and a comment. */
const blockScalarStart = /(?:^|[:-]\s)\s*[|>][-+0-9]*\s*(?:#.*)?$/;

function indentOf(line: string): number {
  return /^[ ]*/.exec(line)![0].length;
}

/** One line with a trap: the diagnostic for its first trap, and the line with every trap fixed. */
interface TrapLine {
  index: number;
  diagnostic: Diagnostic;
  fixed: string;
  /** How many traps the line held. */
  fixes: number;
}

/** A line has at most one trap of each kind; more rounds than kinds would mean a fix that undoes another. */
const maxFixesPerLine = 4;

/** The lines of `text` that hold a trap, skipping comments and the prose of block scalars. */
function trapLines(file: string, text: string): TrapLine[] {
  const out: TrapLine[] = [];
  let offset = 0;
  /** Indent of the line that opened a block scalar; lines indented deeper belong to it. */
  let blockParentIndent: number | undefined;
  const lines = text.split('\n');
  for (const [index, rawLine] of lines.entries()) {
    const lineOffset = offset;
    offset += rawLine.length + 1;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (blockParentIndent !== undefined) {
      if (line.trim() === '' || indentOf(line) > blockParentIndent) continue;
      blockParentIndent = undefined;
    }
    if (/^[ ]*#/.test(line) || line.trim() === '') continue;
    const first = trapOnLine(file, line, lineOffset);
    let fixed = line;
    if (first) {
      let fixes = 0;
      for (let trap: Trap | undefined = first; trap && fixes < maxFixesPerLine; trap = trapOnLine(file, fixed, 0)) {
        fixed = trap.fixed;
        fixes++;
      }
      out.push({ index, diagnostic: first.diagnostic, fixed, fixes });
    }
    // Judged on the fixed line, so the prose under `content：|` is not read as fields.
    if (blockScalarStart.test(fixed.replace(/\s+#.*$/, ''))) blockParentIndent = indentOf(fixed);
  }
  return out;
}

/**
 * Diagnostics for the Chinese-keyboard traps in `text`, at most one per line, each with the
 * offset of the character to fix.
 */
export function keyboardTrapDiagnostics(file: string, text: string): Diagnostic[] {
  return trapLines(file, text).map((line) => line.diagnostic);
}

/** `text` with every keyboard trap fixed, and the lines changed (1-based) with their count of fixes. */
export interface FixedTraps {
  text: string;
  lines: { line: number; fixes: number }[];
  fixes: number;
}

/**
 * Fixes the keyboard traps of `text` in place: a full-width colon becomes ": ", a space goes after
 * a field name's colon, each full-width space of an indent becomes one space (one key press, as
 * the same keys give on a half-width keyboard), and a value wrapped in full-width quotes is
 * written in YAML's quotes. Line breaks (CRLF too) and every other character are kept.
 */
export function fixKeyboardTraps(text: string): FixedTraps {
  const found = trapLines('', text);
  if (found.length === 0) return { text, lines: [], fixes: 0 };
  const lines = text.split('\n');
  for (const { index, fixed } of found) lines[index] = fixed + (lines[index]!.endsWith('\r') ? '\r' : '');
  return {
    text: lines.join('\n'),
    lines: found.map(({ index, fixes }) => ({ line: index + 1, fixes })),
    fixes: found.reduce((sum, line) => sum + line.fixes, 0),
  };
}

/** A trap on one line: its diagnostic, and the line with this trap fixed. */
interface Trap {
  diagnostic: Diagnostic;
  fixed: string;
}

function trapOnLine(file: string, line: string, lineOffset: number): Trap | undefined {
  const indent = /^[ \u3000]*/.exec(line)![0];
  const ideographic = indent.indexOf(ideographicSpace);
  if (ideographic >= 0) {
    const at = lineOffset + ideographic;
    return {
      diagnostic: diagnostic('E-YAML-FULLWIDTH-INDENT', say.indent(), { file, range: [at, at + 1], hint: say.indentHint() }),
      fixed: indent.replaceAll(ideographicSpace, ' ') + line.slice(indent.length),
    };
  }
  const key = keyAtLineStart.exec(line);
  if (key) {
    const afterKey = key[0].length;
    const next = line[afterKey];
    const name = key[3]!;
    const value = line.slice(afterKey + 1);
    if (next === '：') {
      const at = lineOffset + afterKey;
      // `fee：不收費` and `fee： 不收費` both become `fee: 不收費`; `basis：` stays at the line end.
      const space = value === '' || value.startsWith(' ') ? '' : ' ';
      return {
        diagnostic: diagnostic('E-YAML-FULLWIDTH-COLON', say.colon({ name }), {
          file,
          range: [at, at + 1],
          hint: say.colonHint({ fixed: `${name}: ${value.trim()}` }),
        }),
        fixed: `${line.slice(0, afterKey)}:${space}${value}`,
      };
    }
    // `name:value`: no space after the colon. `http://` and times like `9:00` are not field names.
    if (next === ':' && value !== '' && !/[\s/]/.test(value[0]!) && !/^\d/.test(name)) {
      const at = lineOffset + afterKey + 1;
      return {
        diagnostic: diagnostic('E-YAML-COLON-SPACE', say.colonSpace({ name }), {
          file,
          range: [at, at + 1],
          hint: say.colonSpaceHint({ fixed: `${name}: ${value.trim()}` }),
        }),
        fixed: `${line.slice(0, afterKey)}: ${value}`,
      };
    }
  }
  return fullWidthQuoteTrap(file, line, lineOffset);
}

/**
 * The text in YAML's double quotes, or single quotes when it holds a " or \ (which double
 * quotes would need escaped), escaped only when it holds both kinds.
 */
function yamlQuoted(text: string): string {
  if (!/["\\]/.test(text)) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** A plain value written `key: “…”` or `- 「…」`, the whole of it inside one pair of full-width quotes. */
function fullWidthQuoteTrap(file: string, line: string, lineOffset: number): Trap | undefined {
  const value = /^[ ]*(?:-[ ]+)*(?:[^\s:#"'][^:#]*?:[ ]+)?(?=\S)/.exec(line);
  if (!value) return undefined;
  const start = value[0].length;
  const rest = line.slice(start).replace(/\s+#.*$/, '').trimEnd();
  const open = rest[0];
  const close = open === undefined ? undefined : fullWidthQuotes[open];
  if (close === undefined || rest.length < 2 || !rest.endsWith(close)) return undefined;
  const inner = rest.slice(1, -1);
  if (inner.includes(open!) || inner.includes(close)) return undefined;
  const at = lineOffset + start;
  const quoted = yamlQuoted(inner);
  return {
    diagnostic: diagnostic('E-YAML-FULLWIDTH-QUOTE', say.quote({ open: open!, close }), {
      file,
      range: [at, at + 1],
      hint: say.quoteHint({ quoted, open: open!, close, value: rest }),
    }),
    fixed: line.slice(0, start) + quoted + line.slice(start + rest.length),
  };
}
