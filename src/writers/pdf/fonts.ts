/**
 * The guide fonts: a chain of faces for regular text and one for bold (Noto Sans TC, then Noto
 * Sans SC for the characters TC lacks), opened once per process and shared by every document:
 * opening a 7 MB file costs more than writing a guide. A static TrueType font is read by guide
 * itself (sfnt.ts, cmap.ts, truetype-subset.ts), any other with fontkit. Each code point is drawn
 * with the first face of the chain that has it.
 */

import { create as createFont, type Font } from 'fontkit';
import { entryKey, getJson, setJson, type EntryStore } from '../../cache-store.js';
import type { FontKey } from './types.js';
import type { FaceChain, FontChains } from './face-chain.js';
import { describeCodePoint } from '../../diagnostics/code-point.js';
import { HorizontalMetrics, storedGlyphBox, TrueTypeSubset } from './truetype-subset.js';
import { CmapUnread, readCmapCoverage, type CmapCoverage } from './cmap.js';
import { fontkitFacts, readStaticTrueType, type PartlyRead, type RawFont, type StaticTrueType } from './sfnt.js';

/** A font subset being made: glyphs go in (their ids in the subset come back), a font file comes out. */
export interface FontSubset {
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

/** A box in font units: minX, minY, maxX, maxY. */
export type FontBox = [number, number, number, number];

/**
 * A font file as a face reads it: its digest (what the build cache knows it by) and its bytes,
 * which a face asks for only when it needs them (io/resources.ts `FontFile`): its tables, and the
 * glyphs a subset copies, for a static TrueType font; the whole file for fontkit.
 */
export interface FontSource {
  readonly digest: string;
  bytes(): Uint8Array;
  tables(): PartlyRead;
}

/**
 * What a PDF's font objects and a list's bullets need of a face besides its characters, in font
 * units, as fontkit reads them. fontkit decodes a table for each (cmap, hmtx, glyf, post, OS/2):
 * about 8 ms of a rebuild, so they are kept in the build cache by the font's digest.
 */
export interface FaceFacts {
  /** The PostScript name, which the PDF names the face by. */
  postscriptName: string;
  unitsPerEm: number;
  /** Whether its outlines are CFF (else TrueType). */
  cff: boolean;
  bbox: FontBox;
  italicAngle: number;
  ascent: number;
  descent: number;
  /** The ascent for a font whose OS/2 table gives none. */
  capHeight: number;
  /** 0 for a font whose OS/2 table gives none. */
  xHeight: number;
  /** Advance width of glyph 0 (.notdef). */
  notdefAdvance: number;
  /** Ink boxes of the glyphs of code points asked for (`inkBox`), by code point; null for none or an empty one. */
  inkBoxes: Record<number, FontBox | null>;
}

/** Not looked up yet / looked up and absent, in the advance-width cache. */
const UNKNOWN = -1;
const ABSENT = -2;

/**
 * One face of the guide font: advance widths for the layout pass, glyph ids for drawing, and
 * the font subsets are made from.
 */
export class FontFace {
  /** PostScript name, as embedded (subset tag aside). */
  readonly name: string;
  /** fontkit's font, opened when first needed (see the constructor). */
  private opened: Font | undefined;
  /** sfnt.ts's reading of the font, made when first needed; null for a font left to fontkit. */
  private trueType: StaticTrueType | null | undefined;
  private readonly unitsPerEm: number;
  /** Advance widths in ems for the BMP, by code point; astral code points go to `astral`. */
  private readonly bmp = new Float64Array(0x10000).fill(UNKNOWN);
  private readonly astral = new Map<number, number>();
  /** Glyph ids by code point, as for `bmp`. */
  private readonly glyphIds = new Map<number, number>();

  /** Advance widths and glyph ids looked up in the font since the face was opened (not taken from `store`). */
  private lookedUp = 0;

  /** Its hmtx, read when first needed; null for a font whose hmtx is left to fontkit. */
  private horizontal: HorizontalMetrics | null | undefined;
  /** Its cmap as cmap.ts reads it, when first needed; null for a font it leaves to fontkit. */
  private cmap: CmapCoverage | null | undefined;

  /** Its facts, as taken from `store` or read from the font when first asked for. */
  private knownFacts: FaceFacts | undefined;
  /** Whether `knownFacts` holds more than `store` has. */
  private factsAdded = false;

  /**
   * `store` (the build cache) keeps the advance widths and glyph ids looked up, by the font's
   * bytes: looking a character up in a CJK font for the first time costs more than all that is
   * done with it afterwards. The font is opened now, unless the store knows the face's facts:
   * opening it is what finds a damaged file, and facts are kept only of a file that opened, which
   * its digest names. Then its bytes are read only if something the store lacks needs them, and
   * fontkit loaded only for a font sfnt.ts leaves to it.
   */
  constructor(
    private readonly source: FontSource,
    private readonly store?: EntryStore,
  ) {
    if (store) {
      this.takeMetrics(getJson(store, this.metricsKey()));
      this.knownFacts = validFacts(getJson(store, this.factsKey()));
    }
    const { postscriptName, unitsPerEm } = this.facts;
    this.name = postscriptName;
    this.unitsPerEm = unitsPerEm;
  }

  /** fontkit's font of the face: opened only for a font that is not a static TrueType one (sfnt.ts). */
  get font(): Font {
    return (this.opened ??= createFont(this.source.bytes()));
  }

  /** The font as guide reads a static TrueType font (sfnt.ts), when it is one; else null. */
  private get staticTrueType(): StaticTrueType | null {
    // Read once: null, for a font left to fontkit, is an answer too.
    if (this.trueType === undefined) this.trueType = readStaticTrueType(this.source.tables()) ?? null;
    return this.trueType;
  }

  /** Its bytes and table directory, as truetype-subset.ts reads them: guide's own reading, or fontkit's. */
  get raw(): RawFont {
    return this.staticTrueType ?? (this.font as unknown as RawFont);
  }

  private factsKey(): string {
    return entryKey('font-facts', this.contentHash);
  }

  /** Its facts (`FaceFacts`), from the build cache when it has them. */
  get facts(): FaceFacts {
    if (this.knownFacts === undefined) {
      const read = this.staticTrueType?.facts ?? fontkitFacts(this.font);
      this.knownFacts = {
        postscriptName: read.postscriptName,
        unitsPerEm: read.unitsPerEm,
        cff: this.raw.directory.tables['CFF '] !== undefined,
        bbox: read.bbox,
        italicAngle: read.italicAngle,
        ascent: read.ascent,
        descent: read.descent,
        // fontkit gives none for an OS/2 table before version 2.
        capHeight: read.capHeight || read.ascent,
        xHeight: read.xHeight || 0,
        notdefAdvance: this.advanceOf(0),
        inkBoxes: {},
      };
      this.factsAdded = true;
    }
    return this.knownFacts;
  }

  /** The ink box of `cp`'s glyph, or null when the font has none or it draws nothing. */
  inkBox(cp: number): FontBox | null {
    const { inkBoxes } = this.facts;
    let box = inkBoxes[cp];
    if (box === undefined) {
      const ink = this.has(cp) ? this.glyphBox(this.glyphId(cp)) : null;
      // An empty glyph's box is infinite, which JSON cannot keep.
      box = inkBoxes[cp] = ink && ink[2] > ink[0] ? ink : null;
      this.factsAdded = true;
    }
    return box;
  }

  /** A glyph's box: as stored with it for a static TrueType font (sfnt.ts), as fontkit draws its outline otherwise. */
  private glyphBox(id: number): FontBox | null {
    const trueType = this.staticTrueType;
    if (trueType) return storedGlyphBox(trueType, id);
    const { minX, minY, maxX, maxY } = this.font.getGlyph(id).bbox;
    return [minX, minY, maxX, maxY];
  }

  private metricsKey(): string {
    return entryKey('font-metrics', this.contentHash);
  }

  /** Fills the lookup tables from a stored table (rows of code point, advance or null for absent, glyph id or null). */
  private takeMetrics(table: unknown): void {
    if (!Array.isArray(table)) return;
    const valid = (table as unknown[]).every(
      (row) =>
        Array.isArray(row) &&
        row.length === 3 &&
        Number.isInteger(row[0]) &&
        row[0] >= 0 &&
        row[0] <= 0x10ffff &&
        (row[1] === null || typeof row[1] === 'number') &&
        (row[2] === null || Number.isInteger(row[2])),
    );
    if (!valid) return;
    for (const [cp, advance, glyphId] of table as [number, number | null, number | null][]) {
      const value = advance === null ? ABSENT : advance;
      if (cp < 0x10000) this.bmp[cp] = value;
      else this.astral.set(cp, value);
      if (glyphId !== null) this.glyphIds.set(cp, glyphId);
    }
  }

  /** Keeps the lookups and facts in the store when any was read from the font since the face was opened. */
  keepMetrics(): void {
    if (this.store !== undefined && this.factsAdded) setJson(this.store, this.factsKey(), this.knownFacts);
    this.factsAdded = false;
    if (this.store === undefined || this.lookedUp === 0) return;
    const rows: [number, number | null, number | null][] = [];
    const row = (cp: number, value: number) =>
      rows.push([cp, value === ABSENT ? null : value, this.glyphIds.get(cp) ?? null]);
    this.bmp.forEach((value, cp) => {
      if (value !== UNKNOWN) row(cp, value);
    });
    for (const [cp, value] of this.astral) row(cp, value);
    setJson(this.store, this.metricsKey(), rows);
    this.lookedUp = 0;
  }

  /** SHA-256 of the font file: what the build cache knows the face by. */
  get contentHash(): string {
    return this.source.digest;
  }

  /**
   * A new subset of this face: copied from the font's own bytes for a TrueType font
   * (truetype-subset.ts), through fontkit for any other.
   */
  createSubset(): FontSubset {
    return TrueTypeSubset.for(this.raw) ?? this.font.createSubset();
  }

  /** Advance width of `cp` in ems, or NaN when the font has no glyph for it. */
  advance(cp: number): number {
    let value = cp < 0x10000 ? this.bmp[cp]! : (this.astral.get(cp) ?? UNKNOWN);
    if (value === UNKNOWN) {
      this.lookedUp += 1;
      // Its glyph id comes with it: 0 (.notdef) when the font has none.
      const id = this.lookUpGlyph(cp);
      this.glyphIds.set(cp, id);
      value = id === 0 ? ABSENT : this.advanceOf(id) / this.unitsPerEm;
      if (cp < 0x10000) this.bmp[cp] = value;
      else this.astral.set(cp, value);
    }
    return value === ABSENT ? Number.NaN : value;
  }

  /**
   * The glyph `cp` maps to, as fontkit finds it: read from the cmap by cmap.ts, which is several
   * times quicker at it cold than fontkit's decoded tables (~13 ms of a cold build's lookups),
   * or by fontkit for a font cmap.ts leaves to it.
   */
  private lookUpGlyph(cp: number): number {
    if (this.cmap === undefined) {
      try {
        this.cmap = readCmapCoverage(this.source.tables().bytes);
      } catch (error) {
        if (!(error instanceof CmapUnread)) throw error;
        this.cmap = null;
      }
    }
    return this.cmap === null ? this.font.glyphForCodePoint(cp).id : this.cmap.glyphId(cp);
  }

  /**
   * A glyph's advance width, as fontkit gives it, read from hmtx alone: fontkit's `advanceWidth`
   * works out the glyph's vertical metrics as well, decoding its outline where the font has no
   * vmtx (the larger part of a cold build's character lookups, ~30 ms). A variable font's
   * advances may be adjusted (HVAR), and an hmtx shorter than hhea says fontkit reads on into
   * what follows: fontkit gives those.
   */
  private advanceOf(id: number): number {
    if (this.horizontal === undefined) {
      const raw = this.raw;
      this.horizontal = raw.directory.tables['fvar'] === undefined ? (HorizontalMetrics.of(raw) ?? null) : null;
    }
    return this.horizontal === null ? this.font.getGlyph(id).advanceWidth : this.horizontal.advance(id);
  }

  /** Whether the font can draw `cp`. */
  has(cp: number): boolean {
    return !Number.isNaN(this.advance(cp));
  }

  /** The font's glyph id for `cp` (0, .notdef, when it has none: layout has reported those). */
  glyphId(cp: number): number {
    let id = this.glyphIds.get(cp);
    if (id === undefined) {
      // Looking its advance up records its glyph, so both are kept; an advance the build cache
      // gave without one leaves the glyph to look up.
      this.advance(cp);
      id = this.glyphIds.get(cp);
      if (id === undefined) {
        this.lookedUp += 1;
        id = this.lookUpGlyph(cp);
        this.glyphIds.set(cp, id);
      }
    }
    return id;
  }
}

/**
 * The regular and bold chains, opened once per process and reused across documents (every
 * document embeds its own subsets; the parsed fonts, width and glyph caches are shared).
 */
export type PdfFonts = FontChains<FontFace>;

/**
 * The files of the faces opened so far, by chain and place: what a document drawn with `fonts`
 * was made from, for the build cache's keys (a face never opened drew nothing).
 */
export function openFacesKey(fonts: PdfFonts): string {
  const chain = (faces: FaceChain) =>
    Array.from({ length: faces.length }, (_, i) => (faces.isOpen(i) ? faces.face(i).contentHash : '-')).join(',');
  return `${chain(fonts.regular)};${chain(fonts.bold)}`;
}

/** Keeps the lookups of every face opened so far in the build cache the faces were opened with. */
export function keepFontMetrics(fonts: PdfFonts): void {
  for (const chain of [fonts.regular, fonts.bold]) {
    for (let i = 0; i < chain.length; i++) if (chain.isOpen(i)) chain.face(i).keepMetrics();
  }
}

/** The chain for a font key. */
export function faceOf(fonts: PdfFonts, key: FontKey): FaceChain {
  return key === 'bold' ? fonts.bold : fonts.regular;
}

/**
 * The document holds characters no font of the chain can draw. pdfkit would silently leave them out;
 * a guide with holes in it must not be handed to a firm.
 */
export class MissingGlyphError extends Error {
  /** The code points, each once, in the order layout met them. */
  readonly codePoints: number[];

  constructor(codePoints: number[]) {
    super(`No PDF font of the theme has a glyph for: ${codePoints.map(describeCodePoint).join(', ')}`);
    this.name = 'MissingGlyphError';
    this.codePoints = codePoints;
  }
}

/** Facts as the build cache gave them, or undefined when they are not whole and of the right kinds. */
function validFacts(value: unknown): FaceFacts | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const facts = value as Record<string, unknown>;
  const isBox = (box: unknown) => Array.isArray(box) && box.length === 4 && box.every(Number.isFinite);
  const numbers = ['unitsPerEm', 'italicAngle', 'ascent', 'descent', 'capHeight', 'xHeight', 'notdefAdvance'];
  const boxes = facts['inkBoxes'];
  return numbers.every((name) => Number.isFinite(facts[name])) &&
    typeof facts['postscriptName'] === 'string' &&
    typeof facts['cff'] === 'boolean' &&
    isBox(facts['bbox']) &&
    typeof boxes === 'object' &&
    boxes !== null &&
    !Array.isArray(boxes) &&
    Object.values(boxes).every((box) => box === null || isBox(box))
    ? (value as FaceFacts)
    : undefined;
}
