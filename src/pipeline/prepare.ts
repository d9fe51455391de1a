/**
 * Everything a build needs besides the measures, read and checked once: templates (compiled),
 * theme and fonts. `guide build` uses it for one guide; a batch run shares it across firms.
 */

import path from 'node:path';
import type { Document } from 'yaml';
import type { Catalogue } from '../catalogue/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { bundledTemplatesDir, readTemplateFolder } from '../io/resources.js';
import { compileGuide, type CompiledGuide, type TemplateSources } from '../template/render.js';
import type { PdfFonts } from '../writers/pdf/index.js';
import { openThemeFonts } from './fonts.js';
import type { Theme } from '../writers/theme.js';
import { parseTheme } from './theme.js';

export interface PreparedBuild {
  catalogue: Catalogue;
  documents: ReadonlyMap<string, Document>;
  /** Measure, guide.yaml, template and theme texts, for code frames. */
  sources: Map<string, string>;
  guide: CompiledGuide;
  templateSources: TemplateSources;
  theme: Theme;
  fonts: PdfFonts;
}

/**
 * Reads the edition's templates folder (or the bundled one when the edition has none), its
 * theme.yaml and the fonts the theme names. Returns diagnostics instead when any is invalid.
 */
export function prepareBuild(
  root: string,
  catalogue: Catalogue,
  documents: ReadonlyMap<string, Document>,
  measureSources: ReadonlyMap<string, string>,
): { prepared?: PreparedBuild; diagnostics: Diagnostic[]; sources: Map<string, string> } {
  const sources = new Map(measureSources);
  const bundled = () => readTemplateFolder(root, path.relative(root, bundledTemplatesDir));
  let folder = readTemplateFolder(root, catalogue.edition.templates);
  if (Object.keys(folder.sources).length === 0) folder = bundled();
  const themeSource = folder.theme ?? bundled().theme!;
  for (const source of [...Object.values(folder.sources), themeSource]) sources.set(source.file, source.text);

  const parsedTheme = parseTheme(themeSource.file, themeSource.text);
  const compiled = compileGuide(folder.sources);
  const diagnostics = [...folder.diagnostics, ...parsedTheme.diagnostics, ...compiled.diagnostics];
  if (!parsedTheme.theme || !compiled.guide || diagnostics.some((d) => d.severity === 'error')) {
    return { diagnostics, sources };
  }
  const theme = parsedTheme.theme;
  const { fonts, diagnostics: fontDiagnostics } = openThemeFonts(root, theme, themeSource);
  if (!fonts) return { diagnostics: [...diagnostics, ...fontDiagnostics], sources };
  return {
    prepared: { catalogue, documents, sources, guide: compiled.guide, templateSources: folder.sources, theme, fonts },
    diagnostics,
    sources,
  };
}
