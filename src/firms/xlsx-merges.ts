/**
 * Merged cells of a worksheet (`<mergeCell ref="E3:E5"/>`), which read-excel-file does not report:
 * it gives the value to the first cell and leaves the others empty, so a city merged down over
 * three firms would read as "no city" for two of them. The sheet is found as read-excel-file
 * finds it: by name, or the first in the workbook.
 */

import { readZip, type ZipEntry } from '../writers/docx/zip.js';

/** A merged range, 0-based and inclusive, with its reference as Excel writes it. */
export interface MergedRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A part's text; the workbook given is already unpacked (stored parts, see xlsx.ts). */
function entryText(entries: readonly ZipEntry[], name: string): string | undefined {
  const entry = entries.find((e) => e.name === name);
  return entry === undefined ? undefined : Buffer.from(entry.data).toString('utf8');
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, value] of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) found.set(name!, value!);
  return found;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : '&',
  );
}

/** "AB12" → [11, 27]: 0-based row and column. */
function cellIndex(ref: string): [number, number] | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return [Number(match[2]) - 1, column - 1];
}

/** The path in the package of the sheet `sheet` names (or of the first sheet). */
function sheetPath(entries: readonly ZipEntry[], sheet: string | undefined): string | undefined {
  const workbook = entryText(entries, 'xl/workbook.xml') ?? '';
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => attributes(m[0]));
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => unescapeXml(s.get('name') ?? '') === sheet);
  const id = chosen && [...chosen].find(([name]) => name.endsWith(':id'))?.[1];
  if (id === undefined) return undefined;
  const rels = entryText(entries, 'xl/_rels/workbook.xml.rels') ?? '';
  const target = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)]
    .map((m) => attributes(m[0]))
    .find((r) => r.get('Id') === id)
    ?.get('Target');
  if (target === undefined) return undefined;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * The merged ranges of the sheet, from a workbook of stored (unpacked, bounded) parts; throws when
 * the package cannot be read.
 */
export function mergedRanges(bytes: Uint8Array, sheet: string | undefined): MergedRange[] {
  const entries = readZip(bytes);
  const file = sheetPath(entries, sheet);
  const xml = file === undefined ? undefined : entryText(entries, file);
  if (xml === undefined) return [];
  const ranges: MergedRange[] = [];
  for (const match of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/g)) {
    const ref = attributes(match[0]).get('ref') ?? '';
    const [from, to = from] = ref.split(':');
    const start = cellIndex(from ?? '');
    const end = cellIndex(to ?? '');
    if (!start || !end) continue;
    ranges.push({ ref, top: start[0], left: start[1], bottom: end[0], right: end[1] });
  }
  return ranges;
}
