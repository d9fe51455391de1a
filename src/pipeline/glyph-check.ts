/**
 * Every character must be drawable: pdfkit silently drops what the font lacks, and a guide with
 * a hole in a phone number or a name is worse than no guide. Characters in measure files are
 * reported at their exact place; characters that come from templates are reported as such.
 */

import { isPair, isScalar, visit, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocModel } from '../model/doc-model.js';
import { blockText, visitBlocks } from '../model/visit.js';
import { describeCodePoint } from '../diagnostics/code-point.js';
import type { Catalogue, MeasureEntry } from '../catalogue/types.js';
import { missingCodePoints, type PdfFonts } from '../writers/pdf/index.js';

/** Code points the fonts cannot draw, in order of first appearance. */
export type MissingGlyphs = (text: string) => number[];

const hint =
  'replace it with a character the font has (for example the ordinary form of a CJK character instead of a radical or compatibility form), or remove it';

/**
 * Checks guide.yaml and the given measure files (those whose text a guide prints), before any
 * guide is built: each character the fonts lack is reported at its place in its file.
 */
export function checkSourceGlyphs(
  fonts: PdfFonts,
  loaded: { documents: ReadonlyMap<string, Document>; sources: ReadonlyMap<string, string> },
  catalogue: Catalogue,
  printed: Iterable<MeasureEntry>,
): Diagnostic[] {
  const measureFiles = new Set(catalogue.measures.map((entry) => entry.file));
  const printedFiles = new Set([...printed].map((entry) => entry.file));
  const documents = new Map(
    [...loaded.documents].filter(([file]) => !measureFiles.has(file) || printedFiles.has(file)),
  );
  const missing = (text: string) => missingCodePoints(fonts, text);
  return checkDocumentGlyphs(missing, documents, loaded.sources).diagnostics;
}

/**
 * Checks every text value in the given YAML documents, pointing at the character itself.
 * Returns the diagnostics and the code points they name.
 */
export function checkDocumentGlyphs(
  missing: MissingGlyphs,
  documents: ReadonlyMap<string, Document>,
  sources: ReadonlyMap<string, string>,
): { diagnostics: Diagnostic[]; codePoints: Set<number> } {
  const out: Diagnostic[] = [];
  const reported = new Set<number>();
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
          reported.add(codePoint);
          const char = String.fromCodePoint(codePoint);
          const found = source.indexOf(char, (node as Node).range![0]);
          const at = found >= 0 && found < node.range[2] ? found : node.range[0];
          out.push(
            diagnostic(
              'E-GLYPH-MISSING',
              `${field || 'value'}: the character ${describeCodePoint(codePoint)} cannot be drawn: the font has no glyph for it`,
              {
                file,
                range: [at, at + char.length],
                hint,
              },
            ),
          );
        }
      },
    });
  }
  return { diagnostics: out, codePoints: reported };
}

/**
 * Checks the rendered document for characters not already reported from the measure files:
 * those come from templates (found and pointed at when the template holds them literally).
 */
export function checkModelGlyphs(
  missing: MissingGlyphs,
  model: DocModel,
  alreadyReported: ReadonlySet<number>,
  templates: readonly { file: string; text: string }[],
): Diagnostic[] {
  const texts = [model.meta.title, model.meta.header];
  // Breaks as nothing: only what is drawn needs a glyph.
  for (const section of model.sections)
    visitBlocks(section.blocks, (block) => texts.push(blockText(block, { lineBreak: '' })));
  const text = texts.join('');
  return missing(text)
    .filter((codePoint) => !alreadyReported.has(codePoint))
    .map((codePoint) => {
      const char = String.fromCodePoint(codePoint);
      const template = templates.find((t) => t.text.includes(char));
      const message = `the character ${describeCodePoint(codePoint)} in the rendered guide cannot be drawn: the font has no glyph for it`;
      if (!template)
        return diagnostic('E-GLYPH-MISSING', message, { hint: `it comes from a template or from guide.yaml: ${hint}` });
      const at = template.text.indexOf(char);
      return diagnostic('E-GLYPH-MISSING', message, { file: template.file, range: [at, at + char.length], hint });
    });
}
