/**
 * Every character must be drawable by some font of the theme's chain: pdfkit silently drops what the fonts lack, and a guide with
 * a hole in a phone number or a name is worse than no guide. Characters in measure files are
 * reported at their exact place; characters that come from templates are reported as such.
 */

import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocModel } from '../model/doc-model.js';
import { blockText, eachBlock } from '../model/visit.js';
import { describeCodePoint } from '../diagnostics/code-point.js';
import { glyphMessages as say } from '../messages/fonts.js';
import { measureStatus } from '../catalogue/select.js';
import type { Catalogue, IsoDate } from '../catalogue/types.js';
import { missingCodePoints, type FontChains, type GlyphCoverage } from '../writers/pdf/face-chain.js';
import { CmapUnread, cmapReaderTables, readCmapCoverage } from '../writers/pdf/cmap.js';
import { readFontTables } from '../io/resources.js';
import type { PdfFonts } from '../writers/pdf/fonts.js';
import { openThemeFonts, type FaceReader } from './fonts.js';
import { readTemplates } from './templates.js';
import { parseTheme, type ThemeSource } from './theme.js';
import type { TextValue } from '../schema/text-values.js';
import type { EntryStore } from '../cache-store.js';

/** Code points the fonts cannot draw, in order of first appearance. */
type MissingGlyphs = (text: string) => number[];

/**
 * Checks guide.yaml and the measures in effect on `asOf` (whose text a guide may print) before
 * any guide is built: each character the fonts lack is reported at its place in its file, once,
 * however many guides print it.
 */
export function checkSourceGlyphs(
  fonts: PdfFonts,
  loaded: { texts: ReadonlyMap<string, readonly TextValue[]>; sources: ReadonlyMap<string, string> },
  catalogue: Catalogue,
  asOf: IsoDate,
): Diagnostic[] {
  const measureFiles = new Set(catalogue.measures.map((entry) => entry.file));
  const printedFiles = new Set(
    catalogue.measures.filter((entry) => measureStatus(entry.measure, asOf) === 'active').map((entry) => entry.file),
  );
  const texts = new Map([...loaded.texts].filter(([file]) => !measureFiles.has(file) || printedFiles.has(file)));
  return checkTextGlyphs(missingIn(fonts), texts, loaded.sources);
}

/**
 * For `guide validate`: every text value of guide.yaml and of every measure file, whatever its
 * dates, against the fonts of the edition's theme, so a character no font has is found before a
 * build. A theme or font that cannot be used is reported instead (`sources` holds theme.yaml).
 * The fonts' cmap tables answer; a font the cmap reader leaves to fontkit has the whole check
 * done again with fontkit, loaded only then. `store`, the build cache, keeps the theme as parsed.
 */
export async function checkEditionGlyphs(
  root: string,
  loaded: { texts: ReadonlyMap<string, readonly TextValue[]>; sources: ReadonlyMap<string, string> },
  catalogue: Catalogue,
  store?: EntryStore,
): Promise<{ diagnostics: Diagnostic[]; sources: Map<string, string> }> {
  const { theme: themeSource } = readTemplates(root, catalogue, 'guide');
  const sources = new Map([[themeSource.file, themeSource.text]]);
  const parsed = parseTheme(themeSource.file, themeSource.text, store);
  if (!parsed.theme) return { diagnostics: parsed.diagnostics, sources };
  const { theme, source } = parsed;
  const check = <F extends GlyphCoverage, D>(faces: FaceReader<F, D>) => {
    const { fonts, diagnostics } = openThemeFonts(root, theme, source, catalogue.edition.allow_outside, faces);
    if (!fonts) return diagnostics;
    return [...checkThemeGlyphs(fonts, source), ...checkTextGlyphs(missingIn(fonts), loaded.texts, loaded.sources)];
  };
  try {
    return { diagnostics: check(cmapFaces), sources };
  } catch (error) {
    if (!(error instanceof CmapUnread)) throw error;
  }
  const { drawingFaces } = await import('./font-faces.js');
  return { diagnostics: check(drawingFaces()), sources };
}

/** The fonts' table directory, and the tables the cmap reader reads: enough to check characters. */
const cmapFaces: FaceReader<GlyphCoverage> = {
  read: (root, name) => readFontTables(root, name, cmapReaderTables),
  signature: (data) => data.subarray(0, 4),
  open: readCmapCoverage,
};

/** The theme's own texts that the PDF draws: font names and colours are never drawn. */
const drawnThemeFields: ReadonlySet<string> = new Set(['running.footer', 'table.continued', 'toc.title']);

/**
 * The theme's drawn texts against its own fonts, at their place in theme.yaml: they reach the page
 * without passing through a measure or a template, so neither of the other checks sees them.
 */
export function checkThemeGlyphs(fonts: FontChains<GlyphCoverage>, theme: ThemeSource): Diagnostic[] {
  return checkTextGlyphs(
    missingIn(fonts),
    new Map([[theme.file, theme.texts]]),
    new Map([[theme.file, theme.text]]),
    drawnThemeFields,
  );
}

function missingIn(fonts: FontChains<GlyphCoverage>): MissingGlyphs {
  return (text) => missingCodePoints(fonts, text);
}

/** Checks every text value of the given files, pointing at the character itself. */
function checkTextGlyphs(
  missing: MissingGlyphs,
  texts: ReadonlyMap<string, readonly TextValue[]>,
  sources: ReadonlyMap<string, string>,
  /** Only the values at these fields ("table.continued"); every value when absent. */
  only?: ReadonlySet<string>,
): Diagnostic[] {
  // Nearly always every character can be drawn: all the values are looked up at once to say so
  // (each distinct character once), rather than value by value. Joined by a line break, which is
  // never looked up, so that a value's lone surrogate does not pair with the next one's.
  const all: string[] = [];
  for (const values of texts.values()) for (const { value } of values) all.push(value);
  if (missing(all.join('\n')).length === 0) return [];
  const out: Diagnostic[] = [];
  for (const [file, values] of texts) {
    const source = sources.get(file) ?? '';
    for (const { field, value, range } of values) {
      if (only !== undefined && !only.has(field)) continue;
      for (const codePoint of missing(value)) {
        const char = String.fromCodePoint(codePoint);
        const found = source.indexOf(char, range[0]);
        const at = found >= 0 && found < range[2] ? found : range[0];
        out.push(
          diagnostic(
            'E-GLYPH-MISSING',
            say.inValue({ field: field || say.value(), character: describeCodePoint(codePoint) }),
            {
              file,
              range: [at, at + char.length],
              hint: say.hint(),
            },
          ),
        );
      }
    }
  }
  return out;
}

/**
 * Checks the rendered document. Measure files were checked at their source beforehand
 * (`checkSourceGlyphs`), so what is left comes from templates or a firm's own text (found and
 * pointed at when a template holds it literally).
 */
export function checkModelGlyphs(
  fonts: PdfFonts,
  model: DocModel,
  templates: readonly { file: string; text: string }[],
): Diagnostic[] {
  const texts = [model.meta.title, model.meta.header];
  // Breaks as nothing: only what is drawn needs a glyph.
  for (const section of model.sections)
    for (const block of eachBlock(section.blocks)) texts.push(blockText(block, { lineBreak: '' }));
  const text = texts.join('');
  return missingIn(fonts)(text).map((codePoint) => {
    const char = String.fromCodePoint(codePoint);
    const template = templates.find((t) => t.text.includes(char));
    const message = say.inRendered({ character: describeCodePoint(codePoint) });
    if (!template)
      return diagnostic('E-GLYPH-MISSING', message, {
        hint: say.fromTemplate({ hint: say.hint() }),
      });
    const at = template.text.indexOf(char);
    return diagnostic('E-GLYPH-MISSING', message, {
      file: template.file,
      range: [at, at + char.length],
      hint: say.hint(),
    });
  });
}
