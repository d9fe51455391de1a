/**
 * CSV as Excel and other tools write it (RFC 4180): fields separated by a comma (or a semicolon or
 * tab, which some Excel locales and "Unicode text" exports use), quoted with "…" when they hold a
 * separator, a quote ("" inside) or a line break. Every cell keeps its offsets in the text, so a
 * diagnostic prints as firms.csv:3:25 with a code frame.
 */

import type { TableCell, TableRow } from './table.js';

const candidates = [',', ';', '\t'] as const;

/** The separator used most, outside quotes, in the first lines (where the header is). */
function sniffSeparator(text: string): string {
  const counts = new Map<string, number>(candidates.map((c) => [c, 0]));
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 5; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') lines++;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [char, count] of counts) if (count > counts.get(best)!) best = char;
  return best;
}

/** Splits CSV text into rows of cells. Rows are numbered 1, 2, … as a spreadsheet shows them. */
export function parseCsv(text: string): TableRow[] {
  const separator = sniffSeparator(text);
  const rows: TableRow[] = [];
  let cells: (TableCell | undefined)[] = [];
  let rowStart = 0;
  let i = 0;
  const endRow = (end: number) => {
    rows.push({ number: rows.length + 1, cells, range: [rowStart, end] });
    cells = [];
  };
  while (i <= text.length) {
    // One field starts at i.
    if (text[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const quote = text.indexOf('"', j);
        if (quote < 0) {
          // An unclosed quote runs to the end, as Excel reads it.
          value += text.slice(j);
          j = text.length;
          break;
        }
        value += text.slice(j, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          j = quote + 2;
          continue;
        }
        j = quote + 1;
        break;
      }
      const contentEnd = Math.max(i + 1, j - 1);
      // Anything between the closing quote and the separator is kept, as spreadsheets do.
      let k = j;
      while (k < text.length && text[k] !== separator && text[k] !== '\n' && text[k] !== '\r') k++;
      value += text.slice(j, k);
      cells.push({ value, range: [i + 1, Math.max(i + 1, Math.min(contentEnd, k))] });
      i = k;
    } else {
      let k = i;
      while (k < text.length && text[k] !== separator && text[k] !== '\n' && text[k] !== '\r') k++;
      // An empty cell keeps its place too, so "name is empty" can point at it.
      cells.push({ value: text.slice(i, k), range: [i, k] });
      i = k;
    }
    if (i >= text.length) {
      if (i > rowStart) endRow(i);
      break;
    }
    if (text[i] === separator) {
      i++;
      continue;
    }
    // A line break: \r\n, \n or \r.
    const end = i;
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    endRow(end);
    rowStart = i;
    if (i >= text.length) break;
  }
  return rows;
}
