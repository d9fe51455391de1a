/**
 * The PDF fonts theme.yaml names, read and opened once: the primary regular and bold faces at
 * once, the fallback faces (`fonts.pdf.fallback`) only when a guide has a character the primary
 * faces lack. A font that is missing or is not a TrueType/OpenType font is an E-THEME-FONT
 * diagnostic at its value in theme.yaml; a fallback file that exists but cannot be opened is
 * thrown as a `GuideInputError` when first needed.
 */

import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import { GuideInputError } from '../errors.js';
import { checkFontFile, fontFileOutside } from '../io/resources.js';
import { catalogueMessages } from '../messages/catalogue.js';
import { ioMessages } from '../messages/io.js';
import { fontChains, type FontChains, type GlyphCoverage } from '../writers/pdf/face-chain.js';
import { CmapUnread } from '../writers/pdf/cmap.js';
import type { PdfFonts } from '../writers/pdf/fonts.js';
import { fontMessages as say } from '../messages/fonts.js';
import type { Theme } from '../writers/theme.js';
import type { ThemeSource } from './theme.js';

const faces = ['regular', 'bold'] as const;

/**
 * How the faces are read and opened: whole files to draw with (`drawingFaces`); only
 * the cmap table to check characters (`guide validate`). `open` throws when it cannot read a file.
 */
export interface FaceReader<F extends GlyphCoverage, D = Uint8Array> {
  read(root: string, name: string): D;
  /** The file's first four bytes: what kind of file it is. */
  signature(data: D): Uint8Array;
  open(data: D): F;
}

/** A font file named in theme.yaml: its place there, as a path and as diagnostics name it. */
interface FontValue {
  keys: (string | number)[];
  label: string;
  name: string;
}

/**
 * Reads and opens `fonts.pdf.regular` and `fonts.pdf.bold`, and checks that every
 * `fonts.pdf.fallback` file exists; no fonts when any of them cannot be used. A font named by
 * path must lie inside the edition folder, links followed, unless `outside` (guide.yaml's
 * allow_outside) says otherwise.
 */
export function openThemeFonts<F extends GlyphCoverage, D>(
  root: string,
  theme: Theme,
  themeSource: ThemeSource,
  outside: boolean,
  reader: FaceReader<F, D>,
): { fonts?: FontChains<F>; diagnostics: Diagnostic[] } {
  const at = (value: FontValue) => {
    // Only here is theme.yaml's document read: from the build cache, it is parsed for this alone.
    const range = (themeSource.doc.getIn(value.keys, true) as { range?: number[] } | undefined)?.range;
    return { file: themeSource.file, ...(range ? { range: [range[0], range[1]] as Range } : {}) };
  };
  const unusable = (value: FontValue, problem: string) =>
    diagnostic('E-THEME-FONT', say.unusable({ label: value.label, name: value.name, problem }), {
      ...at(value),
      hint: ioMessages.fontHint(),
    });
  const relabel = (value: FontValue, error: GuideInputError) =>
    error.diagnostics.map((d) => ({ ...d, ...at(value), message: `${value.label}: ${d.message}` }));

  const diagnostics: Diagnostic[] = [];
  // A font file named by path follows the measures' rule: inside the edition folder, links too.
  const leadsOut = (value: FontValue) => {
    const target = outside ? undefined : fontFileOutside(root, value.name);
    if (target === undefined) return false;
    diagnostics.push(
      diagnostic('E-PATH-OUTSIDE', `${value.label}: ${catalogueMessages.linkOutside({ file: value.name, target })}`, {
        ...at(value),
        hint: catalogueMessages.outsideHint(),
      }),
    );
    return true;
  };

  const primary = faces.map((face) => {
    const value = { keys: ['fonts', 'pdf', face], label: `fonts.pdf.${face}`, name: theme.fonts.pdf[face] };
    if (leadsOut(value)) return undefined;
    try {
      const data = reader.read(root, value.name);
      const problem = fontFormatProblem(reader.signature(data));
      if (problem === undefined) return data;
      diagnostics.push(unusable(value, problem));
    } catch (error) {
      if (!(error instanceof GuideInputError)) throw error;
      diagnostics.push(...relabel(value, error));
    }
    return undefined;
  });
  const fallbacks = theme.fonts.pdf.fallback.map((entry, i) => {
    const open = (face: (typeof faces)[number]) => {
      const value = {
        keys: ['fonts', 'pdf', 'fallback', i, face],
        label: `fonts.pdf.fallback[${i + 1}].${face}`,
        name: entry[face],
      };
      try {
        if (!leadsOut(value)) checkFontFile(root, value.name);
      } catch (error) {
        if (!(error instanceof GuideInputError)) throw error;
        diagnostics.push(...relabel(value, error));
      }
      // Read and opened only when a character the faces before it lack is met.
      return () => {
        const sources = new Map([[themeSource.file, themeSource.text]]);
        let data: D;
        try {
          data = reader.read(root, value.name);
        } catch (error) {
          if (!(error instanceof GuideInputError)) throw error;
          throw new GuideInputError(relabel(value, error), sources);
        }
        const problem = fontFormatProblem(reader.signature(data)) ?? damaged(data);
        if (problem !== undefined) throw new GuideInputError([unusable(value, problem)], sources);
        return reader.open(data);
      };
    };
    return { regular: open('regular'), bold: open('bold') };
  });

  const [regular, bold] = primary;
  if (regular === undefined || bold === undefined || diagnostics.length > 0) return { diagnostics };
  try {
    return { fonts: fontChains(reader.open(regular), reader.open(bold), fallbacks), diagnostics };
  } catch (error) {
    // Not a verdict on the file's tables: a file changed since it was opened says so itself.
    if (error instanceof CmapUnread || error instanceof GuideInputError) throw error;
    // The signature looked right but fontkit could not read the tables: a damaged file. Which
    // one is found by opening each alone, only on this rare path.
    const face = damaged(regular) === undefined ? 'bold' : 'regular';
    const value = { keys: ['fonts', 'pdf', face], label: `fonts.pdf.${face}`, name: theme.fonts.pdf[face] };
    return { diagnostics: [unusable(value, damaged(face === 'bold' ? bold : regular) ?? say.damagedNoReason())] };
  }

  /** Why `reader` cannot read `data`'s tables (a damaged file); undefined when it can. */
  function damaged(data: D): string | undefined {
    try {
      reader.open(data);
      return undefined;
    } catch (error) {
      // Not a verdict on the file: the caller opens it again with fontkit, or the file changed.
      if (error instanceof CmapUnread || error instanceof GuideInputError) throw error;
      return say.damaged({ reason: error instanceof Error ? error.message : String(error) });
    }
  }
}

/**
 * Why a file is not a font guide can embed, from its first four bytes; undefined when it is one.
 * A collection (.ttc) holds several fonts and would need the name of one; WOFF is for web pages.
 */
function fontFormatProblem(head: Uint8Array): string | undefined {
  const signature = String.fromCharCode(...head.subarray(0, 4));
  if (signature === '\x00\x01\x00\x00' || signature === 'OTTO' || signature === 'true') return undefined;
  if (signature === 'ttcf') return say.collection();
  if (signature === 'wOFF' || signature === 'wOF2') return say.webFont();
  return say.notAFont();
}

/**
 * The font files a build drew with, as theme.yaml names them, and their SHA-256: the primary faces
 * and the fallback faces it opened.
 */
export function usedFontDigests(theme: Theme, fonts: PdfFonts): Map<string, string> {
  const { regular, bold, fallback } = theme.fonts.pdf;
  const used = new Map([
    [regular, fonts.regular.primary.contentHash],
    [bold, fonts.bold.primary.contentHash],
  ]);
  fallback.forEach((entry, i) => {
    if (fonts.regular.isOpen(i + 1)) used.set(entry.regular, fonts.regular.face(i + 1).contentHash);
    if (fonts.bold.isOpen(i + 1)) used.set(entry.bold, fonts.bold.face(i + 1).contentHash);
  });
  return used;
}
