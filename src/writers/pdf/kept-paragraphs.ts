/**
 * Set paragraphs kept in the build cache from one `guide build` to the next. Setting a paragraph
 * (styling its inlines, finding where lines may break, fitting and justifying them) was more than
 * half of laying out the sample, ~80 ms of a rebuild after an edit to one measure (CPU profile),
 * and an edit changes a few paragraphs of ~1,900. The build's set paragraphs are kept as one
 * entry (kept-entries.ts); each by its inlines, style, width and colours, and only when set from
 * the primary faces alone with no character missing (flow/text.ts).
 */

import { getJson, setJson, type EntryStore } from '../../cache-store.js';
import type { Inline } from '../../model/doc-model.js';
import type { WriterCache } from '../cache.js';
import { themeColor } from '../theme.js';
import type { PdfFonts } from './fonts.js';
import { KeptEntries } from '../kept-entries.js';
import type { SetLine } from './line-break.js';
import type { LinkTarget, TextRun } from './types.js';

/** About the length of `lines` and their key in JSON. */
function keptSize(key: string, lines: readonly SetLine[]): number {
  let size = key.length;
  for (const line of lines) size += 2 * line.text.length + 48 * (line.runs.length + 1) + 64 * line.links.length;
  return size;
}

/** The paragraphs one build set, and those the build before kept, by the same fonts. */
export class KeptParagraphs extends KeptEntries<SetLine[]> {
  constructor(store: EntryStore, fonts: PdfFonts) {
    super(store, 'set-paragraphs', fonts);
  }

  /** What names a paragraph: its inlines with the style key of the line setter. */
  static keyOf(styleKey: string, inlines: readonly Inline[]): string {
    return `${styleKey}\u0000${JSON.stringify(inlines)}`;
  }

  protected read(store: EntryStore, key: string): Map<string, unknown> {
    return keptTable(getJson(store, key));
  }

  protected write(store: EntryStore, key: string, values: ReadonlyMap<string, SetLine[]>): void {
    setJson(store, key, [...values]);
  }

  protected checked(value: unknown): SetLine[] | undefined {
    return validLines(value);
  }

  protected sizeOf(lines: SetLine[], key: string): number {
    return keptSize(key, lines);
  }
}

/** The kept paragraphs a single build with the build cache sets lines with; undefined for any other. */
export function keptParagraphs(cache: WriterCache, fonts: PdfFonts): KeptParagraphs | undefined {
  if (cache.keptParagraphs === null || cache.store === undefined) return undefined;
  let kept = cache.keptParagraphs.get(fonts);
  if (!kept) cache.keptParagraphs.set(fonts, (kept = new KeptParagraphs(cache.store, fonts)));
  return kept;
}

/** The kept entries as a map, or an empty one when they are not pairs of a key and a value. */
function keptTable(value: unknown): Map<string, unknown> {
  const table = new Map<string, unknown>();
  if (!Array.isArray(value)) return table;
  for (const pair of value as unknown[]) {
    if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string') table.set(pair[0], pair[1]);
  }
  return table;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isColor = (value: unknown): value is string => typeof value === 'string' && themeColor.test(value);

/** Kept lines as the line setter makes them, or undefined for anything else. */
function validLines(value: unknown): SetLine[] | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const line of value as Partial<Record<keyof SetLine, unknown>>[]) {
    if (typeof line !== 'object' || line === null) return undefined;
    const { x, width, text, runs, links } = line;
    if (!isNumber(x) || !isNumber(width) || typeof text !== 'string') return undefined;
    if (!Array.isArray(runs) || !runs.every(validRun) || !Array.isArray(links) || !links.every(validLink)) {
      return undefined;
    }
  }
  return value as SetLine[];
}

function validRun(value: unknown): value is TextRun {
  if (typeof value !== 'object' || value === null) return false;
  const { x, text, font, color, charSpacing, struct } = value as Partial<Record<keyof TextRun, unknown>>;
  return (
    isNumber(x) &&
    typeof text === 'string' &&
    (font === 'regular' || font === 'bold') &&
    isColor(color) &&
    isNumber(charSpacing) &&
    struct === undefined
  );
}

function validLink(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { x, width, target } = value as { x?: unknown; width?: unknown; target?: Partial<LinkTarget> };
  if (!isNumber(x) || !isNumber(width) || typeof target !== 'object' || target === null) return false;
  return (
    (target.kind === 'uri' && typeof target.uri === 'string') ||
    (target.kind === 'dest' && typeof (target as { id?: unknown }).id === 'string')
  );
}
