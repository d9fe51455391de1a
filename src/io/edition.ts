/** Loads the edition a command works on (its guide.yaml found by `editionConfig`). */

import path from 'node:path';
import { loadCatalogue, type LoadResult, type ParsedFiles, type SourceReader } from '../catalogue/load.js';
import type { Node } from 'yaml';
import { pathReach } from '../catalogue/edition-paths.js';
import type { Range } from '../diagnostics/diagnostic.js';
import { checkTemplatesFolder } from './resources.js';
import { createSourceReader } from './source-reader.js';
import { editionConfig } from './edition-config.js';
import type { EntryStore } from '../cache-store.js';

export interface LoadedEdition extends LoadResult {
  /** Absolute folder holding guide.yaml; file paths in diagnostics are relative to it. */
  root: string;
}

/** How an edition is loaded. */
export interface EditionLoadOptions {
  /**
   * Sees the files before the loader does (`guide convert --fix-punctuation` mends keyboard
   * mistakes there, so a guide.yaml that would not parse loads).
   */
  wrap?: (reader: SourceReader) => SourceReader;
  /** Keeps what was parsed for the next load (`guide preview`). */
  parsedFiles?: ParsedFiles;
  /** The build cache of the command (`commandCache`), which it flushes; none by default. */
  store?: EntryStore;
}

/** Loads the edition. */
export async function loadEdition(
  cwd: string,
  config?: string,
  { wrap = (reader) => reader, parsedFiles, store }: EditionLoadOptions = {},
): Promise<LoadedEdition> {
  const configPath = editionConfig(cwd, config);
  const root = path.dirname(configPath);
  const configFile = path.basename(configPath);
  const result = await loadCatalogue(wrap(createSourceReader(root)), root, configFile, {
    ...(parsedFiles ? { parsedFiles } : {}),
    ...(store ? { store } : {}),
  });
  const edition = result.catalogue?.edition;
  const reach = edition && pathReach(edition.templates);
  // Not when templates: was refused as leading out: that is said already, and nothing is looked at.
  if (edition && (reach === 'inside' || (reach === 'outside' && edition.allow_outside))) {
    // guide.yaml is parsed for this only when the check has something to say.
    const written = () => {
      const node = result.documents.get(configFile)?.get('templates', true) as Node | undefined;
      return node?.range ? { file: configFile, range: [node.range[0], node.range[1]] as Range } : undefined;
    };
    result.diagnostics.push(...checkTemplatesFolder(root, edition.templates, written, edition.allow_outside));
  }
  return { ...result, root };
}
