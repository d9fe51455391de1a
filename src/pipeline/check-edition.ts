/**
 * Everything `guide validate` checks in an edition: loading and the schema, the rules, characters
 * no font of the theme has, and Simplified text. Each problem at its place in its file.
 */

import { validateCatalogue } from '../catalogue/validate.js';
import { byPlace, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadEdition } from '../io/edition.js';
import type { EntryStore } from '../cache-store.js';
import { checkEditionGlyphs } from './glyph-check.js';

export interface EditionCheck {
  diagnostics: Diagnostic[];
  /** The texts the report quotes, by path relative to `root` (a kept run holds only those its diagnostics point into). */
  sources: ReadonlyMap<string, string>;
  /** The edition folder. */
  root: string;
  /** How many measure files were read; undefined when guide.yaml could not be used. */
  measureFiles: number | undefined;
}

export interface EditionCheckOptions {
  config?: string;
  asOf?: string;
  expiringWithin?: number;
}

/** Checks the edition of `cwd` (or `options.config`); `store`, the build cache, keeps what loaded cleanly. */
export async function checkEdition(
  cwd: string,
  options: EditionCheckOptions,
  store: EntryStore | undefined,
): Promise<EditionCheck> {
  const loaded = await loadEdition(cwd, options.config, store ? { store } : {});
  const diagnostics = validateCatalogue(loaded, {
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.expiringWithin !== undefined ? { expiringWithinDays: options.expiringWithin } : {}),
  });
  let sources: ReadonlyMap<string, string> = loaded.sources;
  if (loaded.catalogue) {
    // A character no font of the theme has would stop build; found here at its place.
    const glyphs = await checkEditionGlyphs(loaded.root, loaded, loaded.catalogue, store);
    diagnostics.push(...glyphs.diagnostics);
    sources = new Map([...loaded.sources, ...glyphs.sources]);
    // Only here, not in build: the check loads OpenCC's character table.
    const { simplifiedTextDiagnostics } = await import('../convert/script-check.js');
    const script = simplifiedTextDiagnostics(loaded.texts, loaded.sources);
    diagnostics.push(...script);
    if (script.length > 0 || glyphs.diagnostics.length > 0) diagnostics.sort(byPlace);
  }
  return {
    diagnostics,
    sources,
    root: loaded.root,
    measureFiles: loaded.catalogue ? loaded.sources.size - 1 : undefined,
  };
}
