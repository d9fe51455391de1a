/**
 * Set paragraphs kept in the build cache from one `guide build` to the next. Setting a paragraph
 * (styling its inlines, finding where lines may break, fitting and justifying them) was more than
 * half of laying out the sample, ~80 ms of a rebuild after an edit to one measure (CPU profile),
 * and an edit changes a few paragraphs of ~1,900. The build's set paragraphs are kept as one
 * entry, by the digests of the primary faces; each by its inlines, style, width and colours.
 */

import { entryKey, getJson, setJson, type EntryStore } from '../../cache-store.js';
import type { Inline } from '../../model/doc-model.js';
import type { WriterCache } from '../cache.js';
import { themeColor } from '../theme.js';
import type { PdfFonts } from './fonts.js';
import type { SetLine } from './line-break.js';
import type { LinkTarget, TextRun } from './types.js';

/**
 * How much of a build's set lines are kept, about the length of their JSON: past it, a paragraph
 * is set as it would be without the cache, and not kept. Kept lines stay in memory until the
 * build ends; the sample's are 0.6 MB, and a guide of 2,000 measures would otherwise hold all of
 * its set lines (~120 MB as objects).
 */
const KEPT_SIZE_LIMIT = 16_000_000;

/** About the length of `lines` and their key in JSON. */
function keptSize(key: string, lines: readonly SetLine[]): number {
  let size = key.length;
  for (const line of lines) size += 2 * line.text.length + 48 * (line.runs.length + 1) + 64 * line.links.length;
  return size;
}

/** The paragraphs one build set, and those the build before kept, by the same fonts. */
export class KeptParagraphs {
  /** What the build before kept and this one has not taken yet, read on first use. */
  private before: Map<string, unknown> | undefined;
  /** What this build set or took, to keep for the next. */
  private readonly used = new Map<string, SetLine[]>();
  private usedSize = 0;
  /** Whether this build set any paragraph the build before had not kept. */
  private added = false;
  private readonly key: string;

  constructor(
    private readonly store: EntryStore,
    fonts: PdfFonts,
  ) {
    this.key = entryKey('set-paragraphs', fonts.regular.primary.contentHash, fonts.bold.primary.contentHash);
  }

  /** What names a paragraph: its inlines with the style key of the line setter. */
  static keyOf(styleKey: string, inlines: readonly Inline[]): string {
    return `${styleKey}\u0000${JSON.stringify(inlines)}`;
  }

  /** The lines kept for `key`, or undefined. */
  get(key: string): SetLine[] | undefined {
    this.before ??= keptTable(getJson(this.store, this.key));
    const kept = this.before.get(key);
    if (kept === undefined) return this.used.get(key);
    this.before.delete(key);
    const lines = validLines(kept);
    if (lines) this.use(key, lines);
    return lines;
  }

  /**
   * Lines set by this build, drawn from the primary faces alone and with no character missing:
   * what they were set from is then all in `key` and the entry's.
   */
  add(key: string, lines: SetLine[]): void {
    if (this.use(key, lines)) this.added = true;
  }

  /** Keeps this build's paragraphs for the next build, when it set any the build before had not. */
  keep(): void {
    if (this.added) setJson(this.store, this.key, [...this.used]);
    this.added = false;
    this.before = undefined;
  }

  private use(key: string, lines: SetLine[]): boolean {
    if (this.used.has(key)) return false;
    const size = keptSize(key, lines);
    if (this.usedSize + size > KEPT_SIZE_LIMIT) return false;
    this.usedSize += size;
    this.used.set(key, lines);
    return true;
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
