/**
 * Everything a guide is built with besides the measures and the request, read and checked once:
 * the templates (compiled), the theme and the fonts. `guide build` prepares once for the edition;
 * a batch prepares once per builder (the main thread and each worker) for all its firms.
 */

import type { EntryStore } from '../cache-store.js';
import type { Catalogue, MeasureEntry } from '../catalogue/types.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { sha256Hex } from '../hash.js';
import { compileGuide, type CompiledGuide } from '../template/render.js';
import type { PdfFonts } from '../writers/pdf/fonts.js';
import type { Theme } from '../writers/theme.js';
import type { EntryTemplate, TemplateInputs } from './templates.js';
import { fragmentPartials } from './assemble.js';
import { openThemeFonts } from './fonts.js';
import { drawingFaces } from './font-faces.js';
import { checkThemeGlyphs } from './glyph-check.js';
import { parseTheme } from './theme.js';

/** A guide's templates compiled, theme parsed, fonts open: ready for any number of documents. */
export interface Prepared {
  /** The edition folder: diagnostics name files relative to it. */
  root: string;
  catalogue: Catalogue;
  /** The catalogue's measures by id, for fragments. */
  measures: ReadonlyMap<string, MeasureEntry>;
  entry: EntryTemplate;
  guide: CompiledGuide;
  templates: TemplateInputs;
  theme: Theme;
  fonts: PdfFonts;
  /** The hash of the templates, the theme and the edition: part of every cache key. */
  hash: string;
}

/** What `prepare` starts from: a loaded catalogue and the texts `readTemplates` read. */
export interface PrepareInput {
  root: string;
  catalogue: Catalogue;
  templates: TemplateInputs;
  entry: EntryTemplate;
  /** The build cache, for the theme, the templates' parse trees and the fonts' lookups. */
  store?: EntryStore;
}

/** Compiles the templates, parses the theme and opens its fonts; diagnostics instead when any is broken. */
export function prepare(input: PrepareInput): { prepared?: Prepared; diagnostics: Diagnostic[] } {
  const { root, catalogue, templates, entry, store } = input;
  const parsedTheme = parseTheme(templates.theme.file, templates.theme.text, store);
  const compiled = compileGuide(templates.sources, { entry, fragments: fragmentPartials, ...(store ? { store } : {}) });
  const diagnostics = [...templates.diagnostics, ...parsedTheme.diagnostics, ...compiled.diagnostics];
  if (!parsedTheme.theme || !compiled.guide || hasErrors(diagnostics)) return { diagnostics };
  const { theme, source: themeSource } = parsedTheme;
  const { fonts, diagnostics: fontDiagnostics } = openThemeFonts(
    root,
    theme,
    themeSource,
    catalogue.edition.allow_outside,
    drawingFaces(store),
  );
  if (!fonts) return { diagnostics: [...diagnostics, ...fontDiagnostics] };
  const themeGlyphs = checkThemeGlyphs(fonts, themeSource);
  if (themeGlyphs.length > 0) return { diagnostics: [...diagnostics, ...themeGlyphs] };
  const hash = sha256Hex(
    JSON.stringify({
      templates: Object.entries(templates.sources).map(([name, source]) => [name, source.text]),
      theme: templates.theme.text,
      edition: catalogue.edition,
    }),
  );
  return {
    prepared: {
      root,
      catalogue,
      measures: new Map(catalogue.measures.map((entry) => [entry.measure.id, entry])),
      entry,
      guide: compiled.guide,
      templates,
      theme,
      fonts,
      hash,
    },
    diagnostics,
  };
}
