/**
 * Every character must be drawable by some font of the theme's chain: pdfkit silently drops what the fonts lack, and a guide with
 * a hole in a phone number or a name is worse than no guide. Characters in measure files are
 * reported at their exact place; characters that come from templates are reported as such.
 */

import { isPair, isScalar, visit, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocModel } from '../model/doc-model.js';
import { blockText, visitBlocks } from '../model/visit.js';
import { describeCodePoint } from '../diagnostics/code-point.js';
import { measureStatus } from '../catalogue/select.js';
import type { Catalogue, IsoDate } from '../catalogue/types.js';
import { missingCodePoints, type PdfFonts } from '../writers/pdf/index.js';

/** Code points the fonts cannot draw, in order of first appearance. */
type MissingGlyphs = (text: string) => number[];

/** What to do about a character no font of the theme's chain has: the same wherever it is found. */
export const missingGlyphHint =
  "no font in the theme's chain has it: add a font that has it to the chain (fonts.pdf.fallback in templates/theme.yaml, with its name in fonts.docx.eastAsiaFallback), or replace the character";

/**
 * Checks guide.yaml and the measures in effect on `asOf` (whose text a guide may print) before
 * any guide is built: each character the fonts lack is reported at its place in its file, once,
 * however many guides print it.
 */
export function checkSourceGlyphs(
  fonts: PdfFonts,
  loaded: { documents: ReadonlyMap<string, Document>; sources: ReadonlyMap<string, string> },
  catalogue: Catalogue,
  asOf: IsoDate,
): Diagnostic[] {
  const measureFiles = new Set(catalogue.measures.map((entry) => entry.file));
  const printedFiles = new Set(
    catalogue.measures.filter((entry) => measureStatus(entry.measure, asOf) === 'active').map((entry) => entry.file),
  );
  const documents = new Map(
    [...loaded.documents].filter(([file]) => !measureFiles.has(file) || printedFiles.has(file)),
  );
  return checkDocumentGlyphs(missingIn(fonts), documents, loaded.sources);
}

function missingIn(fonts: PdfFonts): MissingGlyphs {
  return (text) => missingCodePoints(fonts, text);
}

/** Checks every text value in the given YAML documents, pointing at the character itself. */
function checkDocumentGlyphs(
  missing: MissingGlyphs,
  documents: ReadonlyMap<string, Document>,
  sources: ReadonlyMap<string, string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [file, doc] of documents) {
    const source = sources.get(file) ?? '';
    visit(doc, {
      Scalar(_key, node, path) {
        if (typeof node.value !== 'string' || !node.range) return;
        const codePoints = missing(node.value);
        if (codePoints.length === 0) return;
        const field = path
          .filter(isPair)
          .map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '?'))
          .join('.');
        for (const codePoint of codePoints) {
          const char = String.fromCodePoint(codePoint);
          const found = source.indexOf(char, (node as Node).range![0]);
          const at = found >= 0 && found < node.range[2] ? found : node.range[0];
          out.push(
            diagnostic(
              'E-GLYPH-MISSING',
              `${field || 'value'}: the character ${describeCodePoint(codePoint)} cannot be drawn: no font of the theme has a glyph for it`,
              {
                file,
                range: [at, at + char.length],
                hint: missingGlyphHint,
              },
            ),
          );
        }
      },
    });
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
    visitBlocks(section.blocks, (block) => texts.push(blockText(block, { lineBreak: '' })));
  const text = texts.join('');
  return missingIn(fonts)(text).map((codePoint) => {
    const char = String.fromCodePoint(codePoint);
    const template = templates.find((t) => t.text.includes(char));
    const message = `the character ${describeCodePoint(codePoint)} in the rendered guide cannot be drawn: no font of the theme has a glyph for it`;
    if (!template)
      return diagnostic('E-GLYPH-MISSING', message, {
        hint: `it comes from a template or from guide.yaml: ${missingGlyphHint}`,
      });
    const at = template.text.indexOf(char);
    return diagnostic('E-GLYPH-MISSING', message, {
      file: template.file,
      range: [at, at + char.length],
      hint: missingGlyphHint,
    });
  });
}
