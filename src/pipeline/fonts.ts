/**
 * The PDF fonts theme.yaml names, read and opened once; a font that is missing or is not a
 * TrueType/OpenType font is an E-THEME-FONT diagnostic at its value in theme.yaml.
 */

import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import { GuideInputError } from '../errors.js';
import { fontHint, readFontFile } from '../io/resources.js';
import { parseYaml } from '../schema/parse-yaml.js';
import { openPdfFonts, type PdfFonts } from '../writers/pdf/index.js';
import type { Theme } from '../writers/theme.js';

const faces = ['regular', 'bold'] as const;

/** Reads and opens `fonts.pdf.regular` and `fonts.pdf.bold`; no fonts when either cannot be used. */
export function openThemeFonts(
  root: string,
  theme: Theme,
  themeSource: { file: string; text: string },
): { fonts?: PdfFonts; diagnostics: Diagnostic[] } {
  const doc = parseYaml(themeSource.file, themeSource.text).doc;
  const at = (face: (typeof faces)[number]) => {
    const range = (doc?.getIn(['fonts', 'pdf', face], true) as { range?: number[] } | undefined)?.range;
    return { file: themeSource.file, ...(range ? { range: [range[0], range[1]] as Range } : {}) };
  };
  const diagnostics: Diagnostic[] = [];
  const bytes = faces.map((face) => {
    const name = theme.fonts.pdf[face];
    try {
      const data = readFontFile(root, name);
      const problem = fontFormatProblem(data);
      if (problem === undefined) return data;
      diagnostics.push(
        diagnostic('E-THEME-FONT', `fonts.pdf.${face}: "${name}" ${problem}`, { ...at(face), hint: fontHint }),
      );
    } catch (error) {
      if (!(error instanceof GuideInputError)) throw error;
      diagnostics.push(
        ...error.diagnostics.map((d) => ({ ...d, ...at(face), message: `fonts.pdf.${face}: ${d.message}` })),
      );
    }
    return undefined;
  });
  const [regular, bold] = bytes;
  if (regular === undefined || bold === undefined) return { diagnostics };
  try {
    return { fonts: openPdfFonts(regular, bold), diagnostics };
  } catch (error) {
    // The signature looked right but fontkit could not read the tables: a damaged file. Which
    // one is found by opening each alone, only on this rare path.
    const opens = (data: Uint8Array) => {
      try {
        openPdfFonts(data, data);
        return true;
      } catch {
        return false;
      }
    };
    const face = opens(regular) ? 'bold' : 'regular';
    const reason = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [
        diagnostic(
          'E-THEME-FONT',
          `fonts.pdf.${face}: "${theme.fonts.pdf[face]}" is damaged or is not a font (${reason})`,
          { ...at(face), hint: fontHint },
        ),
      ],
    };
  }
}

/**
 * Why `data` is not a font guide can embed, from its first four bytes; undefined when it is one.
 * A collection (.ttc) holds several fonts and would need the name of one; WOFF is for web pages.
 */
function fontFormatProblem(data: Uint8Array): string | undefined {
  const signature = String.fromCharCode(...data.subarray(0, 4));
  if (signature === '\x00\x01\x00\x00' || signature === 'OTTO' || signature === 'true') return undefined;
  if (signature === 'ttcf') return 'is a font collection (.ttc); use a single .ttf or .otf font';
  if (signature === 'wOFF' || signature === 'wOF2') return 'is a web font (.woff); use a .ttf or .otf font';
  return 'is not a TrueType or OpenType font';
}
