/**
 * Mistakes a Chinese keyboard makes in YAML, found in the text before the parser sees it. The
 * parser either accepts them silently (a full-width-space indent makes a new field "\u3000\u3000from";
 * “不收費” keeps its quotes) or reports something unrelated ("holds ': '"), so each gets its own
 * code, pointing at the very character to change.
 *
 * Only the structure of a line is looked at (its indent, a field name at its start, a whole
 * value); text inside block scalars (`|`, `>`) is prose and may hold any of these characters.
 */

import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

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

/**
 * Diagnostics for the Chinese-keyboard traps in `text`, at most one per line, each with the
 * offset of the character to fix.
 */
export function keyboardTrapDiagnostics(file: string, text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  let offset = 0;
  /** Indent of the line that opened a block scalar; lines indented deeper belong to it. */
  let blockParentIndent: number | undefined;
  for (const rawLine of text.split('\n')) {
    const lineOffset = offset;
    offset += rawLine.length + 1;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (blockParentIndent !== undefined) {
      if (line.trim() === '' || indentOf(line) > blockParentIndent) continue;
      blockParentIndent = undefined;
    }
    if (/^[ ]*#/.test(line) || line.trim() === '') continue;
    const found = trapOnLine(file, line, lineOffset);
    if (found) {
      out.push(found);
      continue;
    }
    if (blockScalarStart.test(line.replace(/\s+#.*$/, ''))) blockParentIndent = indentOf(line);
  }
  return out;
}

function trapOnLine(file: string, line: string, lineOffset: number): Diagnostic | undefined {
  const ideographic = /^[ \u3000]*/.exec(line)![0].indexOf(ideographicSpace);
  if (ideographic >= 0) {
    const at = lineOffset + ideographic;
    return diagnostic('E-YAML-FULLWIDTH-INDENT', 'this line is indented with a full-width space (U+3000)', {
      file,
      range: [at, at + 1],
      hint: 'YAML indents with ordinary spaces only: switch the keyboard to half-width (半形) and indent with the space bar, lining the field up with the ones above it',
    });
  }
  const key = keyAtLineStart.exec(line);
  if (key) {
    const afterKey = key[0].length;
    const next = line[afterKey];
    const name = key[3]!;
    if (next === '：') {
      const at = lineOffset + afterKey;
      return diagnostic('E-YAML-FULLWIDTH-COLON', `the field name "${name}" is followed by a full-width colon "："`, {
        file,
        range: [at, at + 1],
        hint: `write a half-width colon and a space after the field name: "${name}: ${line.slice(afterKey + 1).trim()}" (switch the keyboard to half-width, 半形)`,
      });
    }
    // `name:value`: no space after the colon. `http://` and times like `9:00` are not field names.
    if (next === ':' && afterKey + 1 < line.length && !/[\s/]/.test(line[afterKey + 1]!) && !/^\d/.test(name)) {
      const at = lineOffset + afterKey + 1;
      return diagnostic('E-YAML-COLON-SPACE', `no space after the colon that ends the field name "${name}"`, {
        file,
        range: [at, at + 1],
        hint: `put a space between the colon and the value: "${name}: ${line.slice(afterKey + 1).trim()}"`,
      });
    }
  }
  return fullWidthQuoteTrap(file, line, lineOffset);
}

/** A plain value written `key: “…”` or `- 「…」`, the whole of it inside one pair of full-width quotes. */
function fullWidthQuoteTrap(file: string, line: string, lineOffset: number): Diagnostic | undefined {
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
  return diagnostic('E-YAML-FULLWIDTH-QUOTE', `the value is wrapped in full-width quotes ${open}…${close}`, {
    file,
    range: [at, at + 1],
    hint: `YAML quotes are the half-width " or ': remove the ${open} and ${close} (the text needs no quotes), or write "${inner}"; if the marks themselves should print, put the whole value in half-width quotes: '${rest}'`,
  });
}
