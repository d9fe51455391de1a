/**
 * The template and theme texts a guide is built with, read from the edition's templates folder
 * (guide's own where it lacks them). Apart from compiling them (prepare.ts), so `guide validate`
 * can read the theme without loading the template engine and the Markdown reader.
 */

import path from 'node:path';
import { bundledTemplatesDir, readTemplateFolder } from '../io/resources.js';
import type { Catalogue } from '../catalogue/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateSources } from '../template/render.js';

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

/** Template and theme texts by file, for code frames. */
export function templateSourceTexts(templates: TemplateInputs): Map<string, string> {
  return new Map([...Object.values(templates.sources), templates.theme].map((source) => [source.file, source.text]));
}
