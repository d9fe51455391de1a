/**
 * Everything a guide is built with besides the measures and the request, read and checked once:
 * the templates (compiled), the theme and the fonts. `guide build` prepares once for the edition;
 * a batch prepares once per builder (the main thread and each worker) for all its firms.
 */

import path from 'node:path';
import type { EntryStore } from '../cache-store.js';
import type { Catalogue, MeasureEntry } from '../catalogue/types.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { sha256Hex } from '../hash.js';
import { bundledTemplatesDir, readTemplateFolder } from '../io/resources.js';
import { compileGuide, type CompiledGuide, type TemplateSources } from '../template/render.js';
import type { PdfFonts } from '../writers/pdf/index.js';
import type { Theme } from '../writers/theme.js';
import { fragmentPartials } from './assemble.js';
import { openThemeFonts } from './fonts.js';
import { checkThemeGlyphs } from './glyph-check.js';
import { parseTheme } from './theme.js';

/** The template a guide starts from: the whole edition, or a firm's tailored guide. */
export type EntryTemplate = 'guide' | 'firm-guide';

/** Templates only tailored guides use: taken from guide's own when an edition's folder predates them. */
const firmTemplates = ['firm-guide', 'letter'];

/** The template and theme texts a guide is built with; plain data, sent to batch workers as is. */
export interface TemplateInputs {
  sources: TemplateSources;
  theme: { file: string; text: string };
  /** What could not be read (a folder or a pipe named like a template). */
  diagnostics: Diagnostic[];
}

/**
 * The edition's templates folder (guide's own when it has none) and its theme.yaml, paths
 * relative to the edition folder. A tailored guide also gets guide's own firm templates when the
 * folder lacks them, so an edition with its own measure and chapter templates needs no new file
 * to use `guide batch`.
 */
export function readTemplates(root: string, catalogue: Catalogue, entry: EntryTemplate): TemplateInputs {
  // guide's own folder is read only when the edition's lacks something.
  let own: ReturnType<typeof readTemplateFolder> | undefined;
  const bundled = () => (own ??= readTemplateFolder(root, path.relative(root, bundledTemplatesDir), true));
  const edition = readTemplateFolder(root, catalogue.edition.templates, catalogue.edition.allow_outside);
  // What could not be read there is reported even when guide's own templates stand in.
  const folder =
    Object.keys(edition.sources).length === 0 ? { ...bundled(), diagnostics: edition.diagnostics } : edition;
  const sources: TemplateSources = { ...folder.sources };
  if (entry === 'firm-guide') {
    for (const name of firmTemplates) {
      if (!Object.hasOwn(sources, name) && bundled().sources[name]) sources[name] = bundled().sources[name];
    }
  }
  return { sources, theme: folder.theme ?? bundled().theme!, diagnostics: folder.diagnostics };
}

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
  /** The build cache, for the fonts' lookups. */
  store?: EntryStore;
}

/** Compiles the templates, parses the theme and opens its fonts; diagnostics instead when any is broken. */
export function prepare(input: PrepareInput): { prepared?: Prepared; diagnostics: Diagnostic[] } {
  const { root, catalogue, templates, entry, store } = input;
  const parsedTheme = parseTheme(templates.theme.file, templates.theme.text);
  const compiled = compileGuide(templates.sources, { entry, fragments: fragmentPartials });
  const diagnostics = [...templates.diagnostics, ...parsedTheme.diagnostics, ...compiled.diagnostics];
  if (!parsedTheme.theme || !compiled.guide || hasErrors(diagnostics)) return { diagnostics };
  const theme = parsedTheme.theme;
  const { fonts, diagnostics: fontDiagnostics } = openThemeFonts(
    root,
    theme,
    templates.theme,
    catalogue.edition.allow_outside,
    store,
  );
  if (!fonts) return { diagnostics: [...diagnostics, ...fontDiagnostics] };
  const themeGlyphs = checkThemeGlyphs(fonts, templates.theme);
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

/** Template and theme texts by file, for code frames. */
export function templateSourceTexts(templates: TemplateInputs): Map<string, string> {
  return new Map([...Object.values(templates.sources), templates.theme].map((source) => [source.file, source.text]));
}
